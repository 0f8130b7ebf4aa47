// sltiu: set if less than sign-extended immediate, compared unsigned
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RI(1, sltiu, 0x00000000, 0x00000000, 0)
  TEST_RI(2, sltiu, 0x00000000, 0x00000001, 1)
  TEST_RI(3, sltiu, 0x00000001, 0x00000003, 7)
  TEST_RI(4, sltiu, 0x00000001, 0x00000000, -2048)
  TEST_RI(5, sltiu, 0x00000000, 0x80000000, 0)
  TEST_RI(6, sltiu, 0x00000001, 0x80000000, -2048)
  TEST_RI(7, sltiu, 0x00000001, 0x00000000, 2047)
  TEST_RI(8, sltiu, 0x00000000, 0x7fffffff, 0)
  TEST_RI(9, sltiu, 0x00000000, 0x7fffffff, 2047)
  TEST_RI(10, sltiu, 0x00000000, 0x80000000, 2047)
  TEST_RI(11, sltiu, 0x00000001, 0x7fffffff, -2048)
  TEST_RI(12, sltiu, 0x00000001, 0x00000000, -1)
  TEST_RI(13, sltiu, 0x00000000, 0xffffffff, 1)
  TEST_RI(14, sltiu, 0x00000000, 0xffffffff, -1)
  TEST_RI(15, sltiu, 0x00000000, 0x7fffffff, 1)
  TEST_RI(16, sltiu, 0x00000000, 0x12345678, 1656)
  TEST_RI(17, sltiu, 0x00000001, 0x12345678, -1657)
  TEST_RI(18, sltiu, 0x00000000, 0xff00ff00, 240)
  TEST_RI(19, sltiu, 0x00000001, 0x00ff00ff, -16)
  TEST_RI(20, sltiu, 0x00000000, 0xfffffff9, 5)
  TEST_RI(21, sltiu, 0x00000001, 0x00000005, -7)
  TEST_RI(22, sltiu, 0x00000001, 0xfffffffe, -1)
  TEST_RI(23, sltiu, 0x00000000, 0xffffffff, -2)
  TEST_RI(24, sltiu, 0x00000000, 0x000007ff, 2047)
  TEST_RI(25, sltiu, 0x00000000, 0xfffff800, -2048)
  // rd=rs1, rs1=x0, rd=x0
  TEST_RI_D1(26, sltiu, 0x00000000, 0xffffffff, 1)
  TEST_RI_Z1(27, sltiu, 0x00000001, 1)
  TEST_RI_ZD(28, sltiu, 0xffffffff, 1)
RVT_END
