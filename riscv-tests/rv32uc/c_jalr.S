// c.jalr rs1: ra = pc + 2; pc = rs1 (bit 0 cleared)
#include "rvt.h"
RVT_BEGIN
  CASE(1); la a1, 1f; c.jalr a1; 2: FAIL_CASE; 1: la t0, 2b; CHECK_EQR(ra, t0)
  // rs1 == ra: the target is the old ra
  CASE(2); la ra, 1f; c.jalr ra; 2: FAIL_CASE; 1: la t0, 2b; CHECK_EQR(ra, t0)
  // call and return
  CASE(3); li a0, 5; la t6, fn_neg; c.jalr t6; CHECK_EQ(a0, 0xfffffffb)
  // bit 0 ignored, target 2 mod 4
  CASE(4); la a1, 1f; addi a1, a1, 1; c.jalr a1; FAIL_CASE; .balign 4; c.nop; 1:
  j 9f
fn_neg:
  neg a0, a0
  ret
9:
RVT_END
