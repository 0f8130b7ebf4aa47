// ctz: count trailing zeros (32 for 0)
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_R(1, ctz, 0x00000020, 0x00000000)
  TEST_R(2, ctz, 0x00000000, 0x00000001)
  TEST_R(3, ctz, 0x00000001, 0x00000002)
  TEST_R(4, ctz, 0x00000007, 0x00000080)
  TEST_R(5, ctz, 0x00000000, 0x000000ff)
  TEST_R(6, ctz, 0x00000000, 0x0000007f)
  TEST_R(7, ctz, 0x00000008, 0x00000100)
  TEST_R(8, ctz, 0x00000000, 0x00007fff)
  TEST_R(9, ctz, 0x0000000f, 0x00008000)
  TEST_R(10, ctz, 0x00000000, 0x0000ffff)
  TEST_R(11, ctz, 0x00000010, 0x00010000)
  TEST_R(12, ctz, 0x00000000, 0x7fffffff)
  TEST_R(13, ctz, 0x0000001f, 0x80000000)
  TEST_R(14, ctz, 0x00000000, 0xffffffff)
  TEST_R(15, ctz, 0x00000001, 0xfffffffe)
  TEST_R(16, ctz, 0x00000003, 0x12345678)
  TEST_R(17, ctz, 0x00000000, 0xdeadbeef)
  TEST_R(18, ctz, 0x00000014, 0x00f00000)
  TEST_R(19, ctz, 0x00000000, 0x80000001)
  TEST_R(20, ctz, 0x00000008, 0x01000100)
  TEST_R(21, ctz, 0x00000007, 0x0000ff80)
  TEST_R(22, ctz, 0x0000000f, 0x00008000)
  TEST_R(23, ctz, 0x00000010, 0x00ff0000)
  TEST_R(24, ctz, 0x0000001e, 0x40000000)
  TEST_R(25, ctz, 0x00000008, 0x00000f00)
  TEST_R(26, ctz, 0x00000008, 0xff00ff00)
  // rd=rs1, rd=x0
  TEST_R_D1(27, ctz, 0x00000007, 0x00f0ff80)
  TEST_R_ZD(28, ctz, 0x00f0ff80)
RVT_END
