// jalr: target = (rs1 + sign-extended offset) with bit 0 cleared;
// rd = pc + 4, written after the target is computed.
#include "rvt.h"
RVT_BEGIN
  CASE(1); la a1, 1f; jalr a0, 0(a1); 2: FAIL_CASE; 1: la t0, 2b; CHECK_EQR(a0, t0)
  // positive and negative offsets
  CASE(2); la a1, 1f; addi a1, a1, -16; jalr a0, 16(a1); FAIL_CASE; 1:
  CASE(3); la a1, 1f; addi a1, a1, 2044; jalr a0, -2044(a1); FAIL_CASE; 1:
  CASE(4); la a1, 1f; addi a1, a1, -2047; jalr a0, 2047(a1); FAIL_CASE; 1:
  CASE(12); la a1, 1f; li t0, 2048; add a1, a1, t0; jalr a0, -2048(a1); FAIL_CASE; 1:
  // bit 0 of the target is cleared
  CASE(5); la a1, 1f; addi a1, a1, 1; jalr a0, 0(a1); FAIL_CASE; 1:
  CASE(6); la a1, 1f; jalr a0, 1(a1); FAIL_CASE; 1:
  CASE(7); la a1, 1f; addi a1, a1, 3; jalr a0, -2(a1); FAIL_CASE; 1:
  // rd == rs1: the target uses the old value
  CASE(8); la a1, 1f; jalr a1, 0(a1); 2: FAIL_CASE; 1: la t0, 2b; CHECK_EQR(a1, t0)
  // rd = x0
  CASE(9); la a1, 1f; jalr x0, 0(a1); FAIL_CASE; 1: CHECK_EQ(x0, 0)
  // call through a register and return with jalr x0, 0(ra)
  CASE(10); li a0, 3; la a2, fn_triple; jalr ra, 0(a2); CHECK_EQ(a0, 9)
  CASE(11); li a0, 3; la a2, fn_inc_t6; jalr t6, 0(a2); CHECK_EQ(a0, 4)
  j done
fn_triple:
  add t0, a0, a0
  add a0, t0, a0
  ret
fn_inc_t6:
  addi a0, a0, 1
  jalr x0, 0(t6)
done:
RVT_END
