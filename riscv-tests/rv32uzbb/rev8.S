// rev8: byte-reverse register
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_R(1, rev8, 0x00000000, 0x00000000)
  TEST_R(2, rev8, 0x01000000, 0x00000001)
  TEST_R(3, rev8, 0x02000000, 0x00000002)
  TEST_R(4, rev8, 0x80000000, 0x00000080)
  TEST_R(5, rev8, 0xff000000, 0x000000ff)
  TEST_R(6, rev8, 0x7f000000, 0x0000007f)
  TEST_R(7, rev8, 0x00010000, 0x00000100)
  TEST_R(8, rev8, 0xff7f0000, 0x00007fff)
  TEST_R(9, rev8, 0x00800000, 0x00008000)
  TEST_R(10, rev8, 0xffff0000, 0x0000ffff)
  TEST_R(11, rev8, 0x00000100, 0x00010000)
  TEST_R(12, rev8, 0xffffff7f, 0x7fffffff)
  TEST_R(13, rev8, 0x00000080, 0x80000000)
  TEST_R(14, rev8, 0xffffffff, 0xffffffff)
  TEST_R(15, rev8, 0xfeffffff, 0xfffffffe)
  TEST_R(16, rev8, 0x78563412, 0x12345678)
  TEST_R(17, rev8, 0xefbeadde, 0xdeadbeef)
  TEST_R(18, rev8, 0x0000f000, 0x00f00000)
  TEST_R(19, rev8, 0x01000080, 0x80000001)
  TEST_R(20, rev8, 0x00010001, 0x01000100)
  TEST_R(21, rev8, 0x80ff0000, 0x0000ff80)
  TEST_R(22, rev8, 0x00800000, 0x00008000)
  TEST_R(23, rev8, 0x0000ff00, 0x00ff0000)
  TEST_R(24, rev8, 0x00000040, 0x40000000)
  TEST_R(25, rev8, 0x000f0000, 0x00000f00)
  TEST_R(26, rev8, 0x00ff00ff, 0xff00ff00)
  // rd=rs1, rd=x0
  TEST_R_D1(27, rev8, 0x80fff000, 0x00f0ff80)
  TEST_R_ZD(28, rev8, 0x00f0ff80)
RVT_END
