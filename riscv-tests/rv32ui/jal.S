// jal: rd = pc + 4; pc += sign-extended offset.
#include "rvt.h"
RVT_BEGIN
  // forward jump, link = address of the next instruction
  CASE(1); li ra, 0; jal ra, 1f; 2: FAIL_CASE; 1: la t0, 2b; CHECK_EQR(ra, t0)
  // backward jump
  CASE(2); li a0, 0; j 2f; 1: li a0, 7; j 3f; 2: jal a1, 1b; FAIL_CASE; 3: CHECK_EQ(a0, 7)
  // rd = x0 (plain jump) does not write x0
  CASE(3); jal x0, 1f; FAIL_CASE; 1: CHECK_EQ(x0, 0)
  // other link registers
  CASE(4); jal t6, 1f; 2: FAIL_CASE; 1: la t0, 2b; CHECK_EQR(t6, t0)
  CASE(5); jal a5, 1f; 2: FAIL_CASE; 1: la t0, 2b; CHECK_EQR(a5, t0)
  // call and return
  CASE(6); li a0, 1; jal ra, fn_double; jal ra, fn_double; CHECK_EQ(a0, 4)
  // jumps beyond the reach of a conditional branch (+-4 KiB)
  CASE(7); jal a1, far_fwd; FAIL_CASE
far_back:
  j after_far
  .skip 0x3000
far_fwd:
  jal a2, far_back
  FAIL_CASE
after_far:
  CASE(8); li a0, 0
  // the link value of a jal that is skipped is never written
  TCASE(9, a3, 0x55, li a3, 0x55; j 1f; jal a3, 1f; 1: nop)
  j done
fn_double:
  add a0, a0, a0
  ret
done:
RVT_END
