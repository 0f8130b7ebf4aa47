// orc.b: bitwise OR-combine within each byte
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_R(1, orc.b, 0x00000000, 0x00000000)
  TEST_R(2, orc.b, 0x000000ff, 0x00000001)
  TEST_R(3, orc.b, 0x000000ff, 0x00000002)
  TEST_R(4, orc.b, 0x000000ff, 0x00000080)
  TEST_R(5, orc.b, 0x000000ff, 0x000000ff)
  TEST_R(6, orc.b, 0x000000ff, 0x0000007f)
  TEST_R(7, orc.b, 0x0000ff00, 0x00000100)
  TEST_R(8, orc.b, 0x0000ffff, 0x00007fff)
  TEST_R(9, orc.b, 0x0000ff00, 0x00008000)
  TEST_R(10, orc.b, 0x0000ffff, 0x0000ffff)
  TEST_R(11, orc.b, 0x00ff0000, 0x00010000)
  TEST_R(12, orc.b, 0xffffffff, 0x7fffffff)
  TEST_R(13, orc.b, 0xff000000, 0x80000000)
  TEST_R(14, orc.b, 0xffffffff, 0xffffffff)
  TEST_R(15, orc.b, 0xffffffff, 0xfffffffe)
  TEST_R(16, orc.b, 0xffffffff, 0x12345678)
  TEST_R(17, orc.b, 0xffffffff, 0xdeadbeef)
  TEST_R(18, orc.b, 0x00ff0000, 0x00f00000)
  TEST_R(19, orc.b, 0xff0000ff, 0x80000001)
  TEST_R(20, orc.b, 0xff00ff00, 0x01000100)
  TEST_R(21, orc.b, 0x0000ffff, 0x0000ff80)
  TEST_R(22, orc.b, 0x0000ff00, 0x00008000)
  TEST_R(23, orc.b, 0x00ff0000, 0x00ff0000)
  TEST_R(24, orc.b, 0xff000000, 0x40000000)
  TEST_R(25, orc.b, 0x0000ff00, 0x00000f00)
  TEST_R(26, orc.b, 0xff00ff00, 0xff00ff00)
  // rd=rs1, rd=x0
  TEST_R_D1(27, orc.b, 0x00ffffff, 0x00f0ff80)
  TEST_R_ZD(28, orc.b, 0x00f0ff80)
RVT_END
