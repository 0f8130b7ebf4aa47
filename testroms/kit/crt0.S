/*
 * crt0.S - reset code for rvjar bare-metal ROMs.
 *
 * Every call of a ROM starts like a microcontroller reset: pc = 0 and every
 * register (sp, gp and tp included) zero. This code, linked first by
 * kit/mcu.ld so that _start sits at address 0, then:
 *
 *   1. sets gp (__global_pointer$), sp (__stack = top of RAM, 0x01100000)
 *      and tp (__tls_base, the thread-local block that holds errno);
 *   2. copies the .data/.tdata image from ROM to RAM;
 *   3. zeroes .tbss/.bss;
 *      (.noinit is left alone: it keeps whatever the ram file held)
 *   4. runs the constructors (.preinit_array, .init_array);
 *   5. calls main(0, NULL, NULL) and then exit(main's return value).
 *
 * Steps 2 and 3 happen on EVERY call, because the ram file keeps the whole
 * RAM from the previous call. Only x0-x15 are used, so this assembles for
 * RV32E as well as for RV32I/IMAC/IMAFDC.
 */

#if defined(__riscv_32e) || defined(__riscv_e)
#define SYSNO t0        /* RV32E has no a7: the number goes in t0 (x5) */
#else
#define SYSNO a7
#endif

    .section .text.rvjar.reset, "ax", @progbits
    .globl  _start
    .type   _start, @function
_start:
    /* gp must be loaded without relaxation (it would be relaxed against
       itself). */
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    la      sp, __stack
    la      tp, __tls_base

    /* copy .data + .tdata: [__data_source, ...) -> [__data_start, __data_end)
       (mcu.ld guarantees 8-byte alignment of all three symbols) */
    la      a0, __data_start
    la      a1, __data_end
    la      a2, __data_source
    j       2f
1:  lw      a3, 0(a2)
    sw      a3, 0(a0)
    addi    a0, a0, 4
    addi    a2, a2, 4
2:  bltu    a0, a1, 1b

    /* zero .tbss + .bss: [__bss_start, __bss_end) */
    la      a0, __bss_start
    la      a1, __bss_end
    j       4f
3:  sw      zero, 0(a0)
    addi    a0, a0, 4
4:  bltu    a0, a1, 3b

    /* constructors: .preinit_array and .init_array are adjacent in ROM */
    la      s0, __preinit_array_start
    la      s1, __init_array_end
    j       6f
5:  lw      a3, 0(s0)
    addi    s0, s0, 4
    jalr    a3
6:  bltu    s0, s1, 5b

    /* main(argc = 0, argv = NULL, envp = NULL) */
    li      a0, 0
    li      a1, 0
    li      a2, 0
    call    main

    /* exit(status): runs atexit handlers and destructors, then _exit */
    call    exit

    /* not reached: exit() does not return; stop anyway with exit(a0) */
    li      SYSNO, 93
    ecall
7:  j       7b
    .size   _start, . - _start
