// zext.h: zero-extend halfword
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_R(1, zext.h, 0x00000000, 0x00000000)
  TEST_R(2, zext.h, 0x00000001, 0x00000001)
  TEST_R(3, zext.h, 0x00000002, 0x00000002)
  TEST_R(4, zext.h, 0x00000080, 0x00000080)
  TEST_R(5, zext.h, 0x000000ff, 0x000000ff)
  TEST_R(6, zext.h, 0x0000007f, 0x0000007f)
  TEST_R(7, zext.h, 0x00000100, 0x00000100)
  TEST_R(8, zext.h, 0x00007fff, 0x00007fff)
  TEST_R(9, zext.h, 0x00008000, 0x00008000)
  TEST_R(10, zext.h, 0x0000ffff, 0x0000ffff)
  TEST_R(11, zext.h, 0x00000000, 0x00010000)
  TEST_R(12, zext.h, 0x0000ffff, 0x7fffffff)
  TEST_R(13, zext.h, 0x00000000, 0x80000000)
  TEST_R(14, zext.h, 0x0000ffff, 0xffffffff)
  TEST_R(15, zext.h, 0x0000fffe, 0xfffffffe)
  TEST_R(16, zext.h, 0x00005678, 0x12345678)
  TEST_R(17, zext.h, 0x0000beef, 0xdeadbeef)
  TEST_R(18, zext.h, 0x00000000, 0x00f00000)
  TEST_R(19, zext.h, 0x00000001, 0x80000001)
  TEST_R(20, zext.h, 0x00000100, 0x01000100)
  TEST_R(21, zext.h, 0x0000ff80, 0x0000ff80)
  TEST_R(22, zext.h, 0x00008000, 0x00008000)
  TEST_R(23, zext.h, 0x00000000, 0x00ff0000)
  TEST_R(24, zext.h, 0x00000000, 0x40000000)
  TEST_R(25, zext.h, 0x00000f00, 0x00000f00)
  TEST_R(26, zext.h, 0x0000ff00, 0xff00ff00)
  // rd=rs1, rd=x0
  TEST_R_D1(27, zext.h, 0x0000ff80, 0x00f0ff80)
  TEST_R_ZD(28, zext.h, 0x00f0ff80)
RVT_END
