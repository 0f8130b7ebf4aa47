// sext.h: sign-extend halfword
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_R(1, sext.h, 0x00000000, 0x00000000)
  TEST_R(2, sext.h, 0x00000001, 0x00000001)
  TEST_R(3, sext.h, 0x00000002, 0x00000002)
  TEST_R(4, sext.h, 0x00000080, 0x00000080)
  TEST_R(5, sext.h, 0x000000ff, 0x000000ff)
  TEST_R(6, sext.h, 0x0000007f, 0x0000007f)
  TEST_R(7, sext.h, 0x00000100, 0x00000100)
  TEST_R(8, sext.h, 0x00007fff, 0x00007fff)
  TEST_R(9, sext.h, 0xffff8000, 0x00008000)
  TEST_R(10, sext.h, 0xffffffff, 0x0000ffff)
  TEST_R(11, sext.h, 0x00000000, 0x00010000)
  TEST_R(12, sext.h, 0xffffffff, 0x7fffffff)
  TEST_R(13, sext.h, 0x00000000, 0x80000000)
  TEST_R(14, sext.h, 0xffffffff, 0xffffffff)
  TEST_R(15, sext.h, 0xfffffffe, 0xfffffffe)
  TEST_R(16, sext.h, 0x00005678, 0x12345678)
  TEST_R(17, sext.h, 0xffffbeef, 0xdeadbeef)
  TEST_R(18, sext.h, 0x00000000, 0x00f00000)
  TEST_R(19, sext.h, 0x00000001, 0x80000001)
  TEST_R(20, sext.h, 0x00000100, 0x01000100)
  TEST_R(21, sext.h, 0xffffff80, 0x0000ff80)
  TEST_R(22, sext.h, 0xffff8000, 0x00008000)
  TEST_R(23, sext.h, 0x00000000, 0x00ff0000)
  TEST_R(24, sext.h, 0x00000000, 0x40000000)
  TEST_R(25, sext.h, 0x00000f00, 0x00000f00)
  TEST_R(26, sext.h, 0xffffff00, 0xff00ff00)
  // rd=rs1, rd=x0
  TEST_R_D1(27, sext.h, 0xffffff80, 0x00f0ff80)
  TEST_R_ZD(28, sext.h, 0x00f0ff80)
RVT_END
