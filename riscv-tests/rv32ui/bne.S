// bne: branch if rs1 != rs2
// Each case checks that the branch is taken or not taken as the ISA
// manual's comparison defines.
#include "rvt.h"
RVT_BEGIN
  TEST_BR_NOT(1, bne, 0x00000000, 0x00000000)
  TEST_BR_NOT(2, bne, 0x00000001, 0x00000001)
  TEST_BR_NOT(3, bne, 0xffffffff, 0xffffffff)
  TEST_BR_TAKEN(4, bne, 0x00000000, 0x00000001)
  TEST_BR_TAKEN(5, bne, 0x00000001, 0x00000000)
  TEST_BR_TAKEN(6, bne, 0xffffffff, 0x00000001)
  TEST_BR_TAKEN(7, bne, 0x00000001, 0xffffffff)
  TEST_BR_TAKEN(8, bne, 0xffffffff, 0x00000000)
  TEST_BR_TAKEN(9, bne, 0x00000000, 0xffffffff)
  TEST_BR_TAKEN(10, bne, 0x80000000, 0x7fffffff)
  TEST_BR_TAKEN(11, bne, 0x7fffffff, 0x80000000)
  TEST_BR_NOT(12, bne, 0x80000000, 0x80000000)
  TEST_BR_TAKEN(13, bne, 0x80000000, 0x00000000)
  TEST_BR_TAKEN(14, bne, 0x00000000, 0x80000000)
  TEST_BR_TAKEN(15, bne, 0xfffffffe, 0xffffffff)
  TEST_BR_TAKEN(16, bne, 0xffffffff, 0xfffffffe)
  TEST_BR_TAKEN(17, bne, 0x12345678, 0x12345679)
  TEST_BR_NOT(18, bne, 0x12345678, 0x12345678)
  // backward taken branches
  TEST_BR_TAKEN_BACK(19, bne, 0x00000000, 0x00000001)
  TEST_BR_TAKEN_BACK(20, bne, 0x00000001, 0x00000000)
  TEST_BR_TAKEN_BACK(21, bne, 0xffffffff, 0x00000001)
  TEST_BR_TAKEN_BACK(22, bne, 0x00000001, 0xffffffff)
  TEST_BR_TAKEN_BACK(23, bne, 0xffffffff, 0x00000000)
  TEST_BR_TAKEN_BACK(24, bne, 0x00000000, 0xffffffff)
  TEST_BR_TAKEN_BACK(25, bne, 0x80000000, 0x7fffffff)
  // rs1 = rs2 = x0, and the same register twice
  CASE(26); bne x0, x0, 1f; j 2f; 1: FAIL_CASE; 2:
  CASE(27); li a1, 5; bne a1, a1, 1f; j 2f; 1: FAIL_CASE; 2:
  // a branch writes no register: a1, a2 keep their values
  TCASE(28, a1, 0x11, li a1, 0x11; li a2, 0x11; bne a1, a2, 1f; nop; 1: nop)
RVT_END
