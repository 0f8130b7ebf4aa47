// Illegal instructions trap with mcause = 2 and mepc = their address.
//  - the all-zeros and all-ones 32-bit words are defined to be illegal
//  - writing a read-only CSR (address bits 11:10 = 11, e.g. cycle) is illegal,
//    but reading it with csrrs/csrrc rs1=x0 or csrrsi/csrrci uimm=0 is not
#include "rvt.h"
RVT_BEGIN
  SET_TRAP_HANDLER(handler)
  li s11, 0
  CASE(1); li t3, -1; 1: .word 0x00000000; la t0, 1b; CHECK_EQR(t4, t0); CHECK_EQ(t3, 2); CHECK_EQ(s11, 1)
  CASE(2); li t3, -1; 1: .word 0xffffffff; la t0, 1b; CHECK_EQR(t4, t0); CHECK_EQ(t3, 2); CHECK_EQ(s11, 2)
  // the faulting instruction has no effect
  CASE(3); li a0, 0x42; li a1, 7; 1: csrrw a0, cycle, a1; CHECK_EQ(a0, 0x42); la t0, 1b; CHECK_EQR(t4, t0); CHECK_EQ(t3, 2); CHECK_EQ(s11, 3)
  CASE(4); li t3, -1; 1: csrrwi x0, instret, 0; CHECK_EQ(t3, 2); CHECK_EQ(s11, 4)
  CASE(5); li t3, -1; li a1, 1; 1: csrrs x0, cycle, a1; CHECK_EQ(t3, 2); CHECK_EQ(s11, 5)
  // reads of a read-only CSR do not trap
  CASE(6); csrrs a0, cycle, x0; csrrc a0, cycle, x0; csrrsi a0, cycle, 0; csrrci a0, cycle, 0; CHECK_EQ(s11, 5)
  j done
  // every instruction tested here occupies 4 bytes: resume at mepc + 4
  .align 2
handler:
  csrr t3, mcause; csrr t4, mepc; addi s11, s11, 1
  addi t6, t4, 4; csrw mepc, t6; mret
done:
RVT_END
