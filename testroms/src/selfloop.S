/* selfloop: main empties OUT (length 0), sets a0 = 42 and jumps to
   itself. The call ends with status 42 (rvjar treats `j .` as the end of
   the call), OUT = empty payload. The `j .` is at selfloop_pc. */
    .section .text.main, "ax", @progbits
    .globl  main
    .type   main, @function
main:
    li      a1, 0x08100000      /* OUT length header */
    sw      zero, 0(a1)
    li      a0, 42
    .globl  selfloop_pc
selfloop_pc:
    j       selfloop_pc
    .size   main, . - main
