// cpop: count set bits
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_R(1, cpop, 0x00000000, 0x00000000)
  TEST_R(2, cpop, 0x00000001, 0x00000001)
  TEST_R(3, cpop, 0x00000001, 0x00000002)
  TEST_R(4, cpop, 0x00000001, 0x00000080)
  TEST_R(5, cpop, 0x00000008, 0x000000ff)
  TEST_R(6, cpop, 0x00000007, 0x0000007f)
  TEST_R(7, cpop, 0x00000001, 0x00000100)
  TEST_R(8, cpop, 0x0000000f, 0x00007fff)
  TEST_R(9, cpop, 0x00000001, 0x00008000)
  TEST_R(10, cpop, 0x00000010, 0x0000ffff)
  TEST_R(11, cpop, 0x00000001, 0x00010000)
  TEST_R(12, cpop, 0x0000001f, 0x7fffffff)
  TEST_R(13, cpop, 0x00000001, 0x80000000)
  TEST_R(14, cpop, 0x00000020, 0xffffffff)
  TEST_R(15, cpop, 0x0000001f, 0xfffffffe)
  TEST_R(16, cpop, 0x0000000d, 0x12345678)
  TEST_R(17, cpop, 0x00000018, 0xdeadbeef)
  TEST_R(18, cpop, 0x00000004, 0x00f00000)
  TEST_R(19, cpop, 0x00000002, 0x80000001)
  TEST_R(20, cpop, 0x00000002, 0x01000100)
  TEST_R(21, cpop, 0x00000009, 0x0000ff80)
  TEST_R(22, cpop, 0x00000001, 0x00008000)
  TEST_R(23, cpop, 0x00000008, 0x00ff0000)
  TEST_R(24, cpop, 0x00000001, 0x40000000)
  TEST_R(25, cpop, 0x00000004, 0x00000f00)
  TEST_R(26, cpop, 0x00000010, 0xff00ff00)
  // rd=rs1, rd=x0
  TEST_R_D1(27, cpop, 0x0000000d, 0x00f0ff80)
  TEST_R_ZD(28, cpop, 0x00f0ff80)
RVT_END
