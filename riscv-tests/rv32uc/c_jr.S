// c.jr rs1: pc = rs1 (bit 0 cleared), no link
#include "rvt.h"
RVT_BEGIN
  CASE(1); li ra, 0; la a1, 1f; c.jr a1; FAIL_CASE; 1: CHECK_EQ(ra, 0)
  // a target at an address that is 2 mod 4
  CASE(2); la t6, 1f; c.jr t6; FAIL_CASE; .balign 4; c.nop; 1: CHECK_EQ(ra, 0)
  // bit 0 of the target is ignored
  CASE(3); la a1, 1f; addi a1, a1, 1; c.jr a1; FAIL_CASE; 1:
  // c.jr ra is a return
  CASE(4); li a0, 1; jal ra, fn_dbl; CHECK_EQ(a0, 2)
  j 9f
fn_dbl:
  add a0, a0, a0
  c.jr ra
9:
RVT_END
