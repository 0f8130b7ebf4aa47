// bltu: branch if rs1 < rs2 (unsigned)
// Each case checks that the branch is taken or not taken as the ISA
// manual's comparison defines.
#include "rvt.h"
RVT_BEGIN
  TEST_BR_NOT(1, bltu, 0x00000000, 0x00000000)
  TEST_BR_NOT(2, bltu, 0x00000001, 0x00000001)
  TEST_BR_NOT(3, bltu, 0xffffffff, 0xffffffff)
  TEST_BR_TAKEN(4, bltu, 0x00000000, 0x00000001)
  TEST_BR_NOT(5, bltu, 0x00000001, 0x00000000)
  TEST_BR_NOT(6, bltu, 0xffffffff, 0x00000001)
  TEST_BR_TAKEN(7, bltu, 0x00000001, 0xffffffff)
  TEST_BR_NOT(8, bltu, 0xffffffff, 0x00000000)
  TEST_BR_TAKEN(9, bltu, 0x00000000, 0xffffffff)
  TEST_BR_NOT(10, bltu, 0x80000000, 0x7fffffff)
  TEST_BR_TAKEN(11, bltu, 0x7fffffff, 0x80000000)
  TEST_BR_NOT(12, bltu, 0x80000000, 0x80000000)
  TEST_BR_NOT(13, bltu, 0x80000000, 0x00000000)
  TEST_BR_TAKEN(14, bltu, 0x00000000, 0x80000000)
  TEST_BR_TAKEN(15, bltu, 0xfffffffe, 0xffffffff)
  TEST_BR_NOT(16, bltu, 0xffffffff, 0xfffffffe)
  TEST_BR_TAKEN(17, bltu, 0x12345678, 0x12345679)
  TEST_BR_NOT(18, bltu, 0x12345678, 0x12345678)
  // backward taken branches
  TEST_BR_TAKEN_BACK(19, bltu, 0x00000000, 0x00000001)
  TEST_BR_TAKEN_BACK(20, bltu, 0x00000001, 0xffffffff)
  TEST_BR_TAKEN_BACK(21, bltu, 0x00000000, 0xffffffff)
  TEST_BR_TAKEN_BACK(22, bltu, 0x7fffffff, 0x80000000)
  TEST_BR_TAKEN_BACK(23, bltu, 0x00000000, 0x80000000)
  TEST_BR_TAKEN_BACK(24, bltu, 0xfffffffe, 0xffffffff)
  TEST_BR_TAKEN_BACK(25, bltu, 0x12345678, 0x12345679)
  // rs1 = rs2 = x0, and the same register twice
  CASE(26); bltu x0, x0, 1f; j 2f; 1: FAIL_CASE; 2:
  CASE(27); li a1, 5; bltu a1, a1, 1f; j 2f; 1: FAIL_CASE; 2:
  // a branch writes no register: a1, a2 keep their values
  TCASE(28, a1, 0x11, li a1, 0x11; li a2, 0x11; bltu a1, a2, 1f; nop; 1: nop)
RVT_END
