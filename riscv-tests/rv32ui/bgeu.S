// bgeu: branch if rs1 >= rs2 (unsigned)
// Each case checks that the branch is taken or not taken as the ISA
// manual's comparison defines.
#include "rvt.h"
RVT_BEGIN
  TEST_BR_TAKEN(1, bgeu, 0x00000000, 0x00000000)
  TEST_BR_TAKEN(2, bgeu, 0x00000001, 0x00000001)
  TEST_BR_TAKEN(3, bgeu, 0xffffffff, 0xffffffff)
  TEST_BR_NOT(4, bgeu, 0x00000000, 0x00000001)
  TEST_BR_TAKEN(5, bgeu, 0x00000001, 0x00000000)
  TEST_BR_TAKEN(6, bgeu, 0xffffffff, 0x00000001)
  TEST_BR_NOT(7, bgeu, 0x00000001, 0xffffffff)
  TEST_BR_TAKEN(8, bgeu, 0xffffffff, 0x00000000)
  TEST_BR_NOT(9, bgeu, 0x00000000, 0xffffffff)
  TEST_BR_TAKEN(10, bgeu, 0x80000000, 0x7fffffff)
  TEST_BR_NOT(11, bgeu, 0x7fffffff, 0x80000000)
  TEST_BR_TAKEN(12, bgeu, 0x80000000, 0x80000000)
  TEST_BR_TAKEN(13, bgeu, 0x80000000, 0x00000000)
  TEST_BR_NOT(14, bgeu, 0x00000000, 0x80000000)
  TEST_BR_NOT(15, bgeu, 0xfffffffe, 0xffffffff)
  TEST_BR_TAKEN(16, bgeu, 0xffffffff, 0xfffffffe)
  TEST_BR_NOT(17, bgeu, 0x12345678, 0x12345679)
  TEST_BR_TAKEN(18, bgeu, 0x12345678, 0x12345678)
  // backward taken branches
  TEST_BR_TAKEN_BACK(19, bgeu, 0x00000000, 0x00000000)
  TEST_BR_TAKEN_BACK(20, bgeu, 0x00000001, 0x00000001)
  TEST_BR_TAKEN_BACK(21, bgeu, 0xffffffff, 0xffffffff)
  TEST_BR_TAKEN_BACK(22, bgeu, 0x00000001, 0x00000000)
  TEST_BR_TAKEN_BACK(23, bgeu, 0xffffffff, 0x00000001)
  TEST_BR_TAKEN_BACK(24, bgeu, 0xffffffff, 0x00000000)
  TEST_BR_TAKEN_BACK(25, bgeu, 0x80000000, 0x7fffffff)
  // rs1 = rs2 = x0, and the same register twice
  CASE(26); bgeu x0, x0, 1f; FAIL_CASE; 1:
  CASE(27); li a1, 5; bgeu a1, a1, 1f; FAIL_CASE; 1:
  // a branch writes no register: a1, a2 keep their values
  TCASE(28, a1, 0x11, li a1, 0x11; li a2, 0x11; bgeu a1, a2, 1f; nop; 1: nop)
RVT_END
