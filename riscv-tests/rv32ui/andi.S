// andi: and with sign-extended immediate
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RI(1, andi, 0x00000000, 0x00000000, 0)
  TEST_RI(2, andi, 0x00000001, 0x00000001, 1)
  TEST_RI(3, andi, 0x00000003, 0x00000003, 7)
  TEST_RI(4, andi, 0x00000000, 0x00000000, -2048)
  TEST_RI(5, andi, 0x00000000, 0x80000000, 0)
  TEST_RI(6, andi, 0x80000000, 0x80000000, -2048)
  TEST_RI(7, andi, 0x00000000, 0x00000000, 2047)
  TEST_RI(8, andi, 0x00000000, 0x7fffffff, 0)
  TEST_RI(9, andi, 0x000007ff, 0x7fffffff, 2047)
  TEST_RI(10, andi, 0x00000000, 0x80000000, 2047)
  TEST_RI(11, andi, 0x7ffff800, 0x7fffffff, -2048)
  TEST_RI(12, andi, 0x00000000, 0x00000000, -1)
  TEST_RI(13, andi, 0x00000001, 0xffffffff, 1)
  TEST_RI(14, andi, 0xffffffff, 0xffffffff, -1)
  TEST_RI(15, andi, 0x00000001, 0x7fffffff, 1)
  TEST_RI(16, andi, 0x00000678, 0x12345678, 1656)
  TEST_RI(17, andi, 0x12345000, 0x12345678, -1657)
  TEST_RI(18, andi, 0x00000000, 0xff00ff00, 240)
  TEST_RI(19, andi, 0x00ff00f0, 0x00ff00ff, -16)
  TEST_RI(20, andi, 0x00000001, 0xfffffff9, 5)
  TEST_RI(21, andi, 0x00000001, 0x00000005, -7)
  TEST_RI(22, andi, 0xfffffffe, 0xfffffffe, -1)
  TEST_RI(23, andi, 0xfffffffe, 0xffffffff, -2)
  TEST_RI(24, andi, 0x000007ff, 0x000007ff, 2047)
  TEST_RI(25, andi, 0xfffff800, 0xfffff800, -2048)
  // rd=rs1, rs1=x0, rd=x0
  TEST_RI_D1(26, andi, 0x00000001, 0xffffffff, 1)
  TEST_RI_Z1(27, andi, 0x00000000, 1)
  TEST_RI_ZD(28, andi, 0xffffffff, 1)
RVT_END
