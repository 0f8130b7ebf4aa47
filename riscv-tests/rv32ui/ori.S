// ori: or with sign-extended immediate
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RI(1, ori, 0x00000000, 0x00000000, 0)
  TEST_RI(2, ori, 0x00000001, 0x00000001, 1)
  TEST_RI(3, ori, 0x00000007, 0x00000003, 7)
  TEST_RI(4, ori, 0xfffff800, 0x00000000, -2048)
  TEST_RI(5, ori, 0x80000000, 0x80000000, 0)
  TEST_RI(6, ori, 0xfffff800, 0x80000000, -2048)
  TEST_RI(7, ori, 0x000007ff, 0x00000000, 2047)
  TEST_RI(8, ori, 0x7fffffff, 0x7fffffff, 0)
  TEST_RI(9, ori, 0x7fffffff, 0x7fffffff, 2047)
  TEST_RI(10, ori, 0x800007ff, 0x80000000, 2047)
  TEST_RI(11, ori, 0xffffffff, 0x7fffffff, -2048)
  TEST_RI(12, ori, 0xffffffff, 0x00000000, -1)
  TEST_RI(13, ori, 0xffffffff, 0xffffffff, 1)
  TEST_RI(14, ori, 0xffffffff, 0xffffffff, -1)
  TEST_RI(15, ori, 0x7fffffff, 0x7fffffff, 1)
  TEST_RI(16, ori, 0x12345678, 0x12345678, 1656)
  TEST_RI(17, ori, 0xffffffff, 0x12345678, -1657)
  TEST_RI(18, ori, 0xff00fff0, 0xff00ff00, 240)
  TEST_RI(19, ori, 0xffffffff, 0x00ff00ff, -16)
  TEST_RI(20, ori, 0xfffffffd, 0xfffffff9, 5)
  TEST_RI(21, ori, 0xfffffffd, 0x00000005, -7)
  TEST_RI(22, ori, 0xffffffff, 0xfffffffe, -1)
  TEST_RI(23, ori, 0xffffffff, 0xffffffff, -2)
  TEST_RI(24, ori, 0x000007ff, 0x000007ff, 2047)
  TEST_RI(25, ori, 0xfffff800, 0xfffff800, -2048)
  // rd=rs1, rs1=x0, rd=x0
  TEST_RI_D1(26, ori, 0xffffffff, 0xffffffff, 1)
  TEST_RI_Z1(27, ori, 0x00000001, 1)
  TEST_RI_ZD(28, ori, 0xffffffff, 1)
RVT_END
