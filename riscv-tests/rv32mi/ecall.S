// ecall from machine mode: trap with mcause = 11 (environment call from
// M-mode), mepc = address of the ecall, mtval = 0; mret resumes at mepc
// (the handler advances it past the ecall).
#include "rvt.h"
RVT_BEGIN
  SET_TRAP_HANDLER(handler)
  li s11, 0
  CASE(1); li t3, -1; li t5, -1; 1: ecall; la t0, 1b; CHECK_EQR(t4, t0); CHECK_EQ(t3, 11); CHECK_EQ(t5, 0); CHECK_EQ(s11, 1)
  // registers other than the handler's are preserved, execution resumes after
  CASE(2); li a0, 0x1234; li a7, 93; ecall; CHECK_EQ(a0, 0x1234); CHECK_EQ(a7, 93); CHECK_EQ(s11, 2)
  // back to back
  CASE(3); ecall; ecall; ecall; CHECK_EQ(s11, 5)
  // the trap leaves mstatus.MIE = 0 and mret sets MPIE = 1 (MIE was 0)
  CASE(4); li t0, 0x8; csrc mstatus, t0; ecall; csrr a0, mstatus; andi a0, a0, 0x88; CHECK_EQ(a0, 0x80)
  // mscratch is untouched by traps
  CASE(5); li a1, 0x5555; csrw mscratch, a1; ecall; csrr a0, mscratch; CHECK_EQ(a0, 0x5555)
  // a jump lands on the ecall: mepc is the jump target
  CASE(6); la a1, 1f; jalr x0, 0(a1); FAIL_CASE; 1: ecall; la t0, 1b; CHECK_EQR(t4, t0); CHECK_EQ(s11, 8)
  j done
  RVT_SKIPPING_HANDLER(handler)
done:
RVT_END
