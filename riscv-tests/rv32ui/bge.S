// bge: branch if rs1 >= rs2 (signed)
// Each case checks that the branch is taken or not taken as the ISA
// manual's comparison defines.
#include "rvt.h"
RVT_BEGIN
  TEST_BR_TAKEN(1, bge, 0x00000000, 0x00000000)
  TEST_BR_TAKEN(2, bge, 0x00000001, 0x00000001)
  TEST_BR_TAKEN(3, bge, 0xffffffff, 0xffffffff)
  TEST_BR_NOT(4, bge, 0x00000000, 0x00000001)
  TEST_BR_TAKEN(5, bge, 0x00000001, 0x00000000)
  TEST_BR_NOT(6, bge, 0xffffffff, 0x00000001)
  TEST_BR_TAKEN(7, bge, 0x00000001, 0xffffffff)
  TEST_BR_NOT(8, bge, 0xffffffff, 0x00000000)
  TEST_BR_TAKEN(9, bge, 0x00000000, 0xffffffff)
  TEST_BR_NOT(10, bge, 0x80000000, 0x7fffffff)
  TEST_BR_TAKEN(11, bge, 0x7fffffff, 0x80000000)
  TEST_BR_TAKEN(12, bge, 0x80000000, 0x80000000)
  TEST_BR_NOT(13, bge, 0x80000000, 0x00000000)
  TEST_BR_TAKEN(14, bge, 0x00000000, 0x80000000)
  TEST_BR_NOT(15, bge, 0xfffffffe, 0xffffffff)
  TEST_BR_TAKEN(16, bge, 0xffffffff, 0xfffffffe)
  TEST_BR_NOT(17, bge, 0x12345678, 0x12345679)
  TEST_BR_TAKEN(18, bge, 0x12345678, 0x12345678)
  // backward taken branches
  TEST_BR_TAKEN_BACK(19, bge, 0x00000000, 0x00000000)
  TEST_BR_TAKEN_BACK(20, bge, 0x00000001, 0x00000001)
  TEST_BR_TAKEN_BACK(21, bge, 0xffffffff, 0xffffffff)
  TEST_BR_TAKEN_BACK(22, bge, 0x00000001, 0x00000000)
  TEST_BR_TAKEN_BACK(23, bge, 0x00000001, 0xffffffff)
  TEST_BR_TAKEN_BACK(24, bge, 0x00000000, 0xffffffff)
  TEST_BR_TAKEN_BACK(25, bge, 0x7fffffff, 0x80000000)
  // rs1 = rs2 = x0, and the same register twice
  CASE(26); bge x0, x0, 1f; FAIL_CASE; 1:
  CASE(27); li a1, 5; bge a1, a1, 1f; FAIL_CASE; 1:
  // a branch writes no register: a1, a2 keep their values
  TCASE(28, a1, 0x11, li a1, 0x11; li a2, 0x11; bge a1, a2, 1f; nop; 1: nop)
RVT_END
