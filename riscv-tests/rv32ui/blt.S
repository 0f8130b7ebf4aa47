// blt: branch if rs1 < rs2 (signed)
// Each case checks that the branch is taken or not taken as the ISA
// manual's comparison defines.
#include "rvt.h"
RVT_BEGIN
  TEST_BR_NOT(1, blt, 0x00000000, 0x00000000)
  TEST_BR_NOT(2, blt, 0x00000001, 0x00000001)
  TEST_BR_NOT(3, blt, 0xffffffff, 0xffffffff)
  TEST_BR_TAKEN(4, blt, 0x00000000, 0x00000001)
  TEST_BR_NOT(5, blt, 0x00000001, 0x00000000)
  TEST_BR_TAKEN(6, blt, 0xffffffff, 0x00000001)
  TEST_BR_NOT(7, blt, 0x00000001, 0xffffffff)
  TEST_BR_TAKEN(8, blt, 0xffffffff, 0x00000000)
  TEST_BR_NOT(9, blt, 0x00000000, 0xffffffff)
  TEST_BR_TAKEN(10, blt, 0x80000000, 0x7fffffff)
  TEST_BR_NOT(11, blt, 0x7fffffff, 0x80000000)
  TEST_BR_NOT(12, blt, 0x80000000, 0x80000000)
  TEST_BR_TAKEN(13, blt, 0x80000000, 0x00000000)
  TEST_BR_NOT(14, blt, 0x00000000, 0x80000000)
  TEST_BR_TAKEN(15, blt, 0xfffffffe, 0xffffffff)
  TEST_BR_NOT(16, blt, 0xffffffff, 0xfffffffe)
  TEST_BR_TAKEN(17, blt, 0x12345678, 0x12345679)
  TEST_BR_NOT(18, blt, 0x12345678, 0x12345678)
  // backward taken branches
  TEST_BR_TAKEN_BACK(19, blt, 0x00000000, 0x00000001)
  TEST_BR_TAKEN_BACK(20, blt, 0xffffffff, 0x00000001)
  TEST_BR_TAKEN_BACK(21, blt, 0xffffffff, 0x00000000)
  TEST_BR_TAKEN_BACK(22, blt, 0x80000000, 0x7fffffff)
  TEST_BR_TAKEN_BACK(23, blt, 0x80000000, 0x00000000)
  TEST_BR_TAKEN_BACK(24, blt, 0xfffffffe, 0xffffffff)
  TEST_BR_TAKEN_BACK(25, blt, 0x12345678, 0x12345679)
  // rs1 = rs2 = x0, and the same register twice
  CASE(26); blt x0, x0, 1f; j 2f; 1: FAIL_CASE; 2:
  CASE(27); li a1, 5; blt a1, a1, 1f; j 2f; 1: FAIL_CASE; 2:
  // a branch writes no register: a1, a2 keep their values
  TCASE(28, a1, 0x11, li a1, 0x11; li a2, 0x11; blt a1, a2, 1f; nop; 1: nop)
RVT_END
