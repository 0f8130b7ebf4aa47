// slti: set if less than immediate (signed)
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RI(1, slti, 0x00000000, 0x00000000, 0)
  TEST_RI(2, slti, 0x00000000, 0x00000001, 1)
  TEST_RI(3, slti, 0x00000001, 0x00000003, 7)
  TEST_RI(4, slti, 0x00000000, 0x00000000, -2048)
  TEST_RI(5, slti, 0x00000001, 0x80000000, 0)
  TEST_RI(6, slti, 0x00000001, 0x80000000, -2048)
  TEST_RI(7, slti, 0x00000001, 0x00000000, 2047)
  TEST_RI(8, slti, 0x00000000, 0x7fffffff, 0)
  TEST_RI(9, slti, 0x00000000, 0x7fffffff, 2047)
  TEST_RI(10, slti, 0x00000001, 0x80000000, 2047)
  TEST_RI(11, slti, 0x00000000, 0x7fffffff, -2048)
  TEST_RI(12, slti, 0x00000000, 0x00000000, -1)
  TEST_RI(13, slti, 0x00000001, 0xffffffff, 1)
  TEST_RI(14, slti, 0x00000000, 0xffffffff, -1)
  TEST_RI(15, slti, 0x00000000, 0x7fffffff, 1)
  TEST_RI(16, slti, 0x00000000, 0x12345678, 1656)
  TEST_RI(17, slti, 0x00000000, 0x12345678, -1657)
  TEST_RI(18, slti, 0x00000001, 0xff00ff00, 240)
  TEST_RI(19, slti, 0x00000000, 0x00ff00ff, -16)
  TEST_RI(20, slti, 0x00000001, 0xfffffff9, 5)
  TEST_RI(21, slti, 0x00000000, 0x00000005, -7)
  TEST_RI(22, slti, 0x00000001, 0xfffffffe, -1)
  TEST_RI(23, slti, 0x00000000, 0xffffffff, -2)
  TEST_RI(24, slti, 0x00000000, 0x000007ff, 2047)
  TEST_RI(25, slti, 0x00000000, 0xfffff800, -2048)
  // rd=rs1, rs1=x0, rd=x0
  TEST_RI_D1(26, slti, 0x00000001, 0xffffffff, 1)
  TEST_RI_Z1(27, slti, 0x00000001, 1)
  TEST_RI_ZD(28, slti, 0xffffffff, 1)
RVT_END
