// beq: branch if rs1 == rs2
// Each case checks that the branch is taken or not taken as the ISA
// manual's comparison defines.
#include "rvt.h"
RVT_BEGIN
  TEST_BR_TAKEN(1, beq, 0x00000000, 0x00000000)
  TEST_BR_TAKEN(2, beq, 0x00000001, 0x00000001)
  TEST_BR_TAKEN(3, beq, 0xffffffff, 0xffffffff)
  TEST_BR_NOT(4, beq, 0x00000000, 0x00000001)
  TEST_BR_NOT(5, beq, 0x00000001, 0x00000000)
  TEST_BR_NOT(6, beq, 0xffffffff, 0x00000001)
  TEST_BR_NOT(7, beq, 0x00000001, 0xffffffff)
  TEST_BR_NOT(8, beq, 0xffffffff, 0x00000000)
  TEST_BR_NOT(9, beq, 0x00000000, 0xffffffff)
  TEST_BR_NOT(10, beq, 0x80000000, 0x7fffffff)
  TEST_BR_NOT(11, beq, 0x7fffffff, 0x80000000)
  TEST_BR_TAKEN(12, beq, 0x80000000, 0x80000000)
  TEST_BR_NOT(13, beq, 0x80000000, 0x00000000)
  TEST_BR_NOT(14, beq, 0x00000000, 0x80000000)
  TEST_BR_NOT(15, beq, 0xfffffffe, 0xffffffff)
  TEST_BR_NOT(16, beq, 0xffffffff, 0xfffffffe)
  TEST_BR_NOT(17, beq, 0x12345678, 0x12345679)
  TEST_BR_TAKEN(18, beq, 0x12345678, 0x12345678)
  // backward taken branches
  TEST_BR_TAKEN_BACK(19, beq, 0x00000000, 0x00000000)
  TEST_BR_TAKEN_BACK(20, beq, 0x00000001, 0x00000001)
  TEST_BR_TAKEN_BACK(21, beq, 0xffffffff, 0xffffffff)
  TEST_BR_TAKEN_BACK(22, beq, 0x80000000, 0x80000000)
  TEST_BR_TAKEN_BACK(23, beq, 0x12345678, 0x12345678)
  // rs1 = rs2 = x0, and the same register twice
  CASE(24); beq x0, x0, 1f; FAIL_CASE; 1:
  CASE(25); li a1, 5; beq a1, a1, 1f; FAIL_CASE; 1:
  // a branch writes no register: a1, a2 keep their values
  TCASE(26, a1, 0x11, li a1, 0x11; li a2, 0x11; beq a1, a2, 1f; nop; 1: nop)
RVT_END
