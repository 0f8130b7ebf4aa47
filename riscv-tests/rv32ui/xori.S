// xori: xor with sign-extended immediate
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RI(1, xori, 0x00000000, 0x00000000, 0)
  TEST_RI(2, xori, 0x00000000, 0x00000001, 1)
  TEST_RI(3, xori, 0x00000004, 0x00000003, 7)
  TEST_RI(4, xori, 0xfffff800, 0x00000000, -2048)
  TEST_RI(5, xori, 0x80000000, 0x80000000, 0)
  TEST_RI(6, xori, 0x7ffff800, 0x80000000, -2048)
  TEST_RI(7, xori, 0x000007ff, 0x00000000, 2047)
  TEST_RI(8, xori, 0x7fffffff, 0x7fffffff, 0)
  TEST_RI(9, xori, 0x7ffff800, 0x7fffffff, 2047)
  TEST_RI(10, xori, 0x800007ff, 0x80000000, 2047)
  TEST_RI(11, xori, 0x800007ff, 0x7fffffff, -2048)
  TEST_RI(12, xori, 0xffffffff, 0x00000000, -1)
  TEST_RI(13, xori, 0xfffffffe, 0xffffffff, 1)
  TEST_RI(14, xori, 0x00000000, 0xffffffff, -1)
  TEST_RI(15, xori, 0x7ffffffe, 0x7fffffff, 1)
  TEST_RI(16, xori, 0x12345000, 0x12345678, 1656)
  TEST_RI(17, xori, 0xedcbafff, 0x12345678, -1657)
  TEST_RI(18, xori, 0xff00fff0, 0xff00ff00, 240)
  TEST_RI(19, xori, 0xff00ff0f, 0x00ff00ff, -16)
  TEST_RI(20, xori, 0xfffffffc, 0xfffffff9, 5)
  TEST_RI(21, xori, 0xfffffffc, 0x00000005, -7)
  TEST_RI(22, xori, 0x00000001, 0xfffffffe, -1)
  TEST_RI(23, xori, 0x00000001, 0xffffffff, -2)
  TEST_RI(24, xori, 0x00000000, 0x000007ff, 2047)
  TEST_RI(25, xori, 0x00000000, 0xfffff800, -2048)
  // rd=rs1, rs1=x0, rd=x0
  TEST_RI_D1(26, xori, 0xfffffffe, 0xffffffff, 1)
  TEST_RI_Z1(27, xori, 0x00000001, 1)
  TEST_RI_ZD(28, xori, 0xffffffff, 1)
RVT_END
