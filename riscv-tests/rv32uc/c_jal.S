// c.jal offset (RV32 only): ra = pc + 2; pc += sign-extended offset
#include "rvt.h"
RVT_BEGIN
  CASE(1); li ra, 0; c.jal 1f; 2: FAIL_CASE; 1: la t0, 2b; CHECK_EQR(ra, t0)
  CASE(2); li a0, 0; j 2f; 1: li a0, 4; j 3f; 2: c.jal 1b; 4: FAIL_CASE; 3: la t0, 4b; CHECK_EQR(ra, t0); CHECK_EQ(a0, 4)
  // call and return
  CASE(3); li a0, 3; c.jal fn_inc; c.jal fn_inc; CHECK_EQ(a0, 5)
  // link from an address that is 2 mod 4
  CASE(4); .balign 4; c.nop; c.jal 1f; 2: FAIL_CASE; 1: la t0, 2b; CHECK_EQR(ra, t0)
  j 9f
fn_inc:
  addi a0, a0, 1
  ret
9:
RVT_END
