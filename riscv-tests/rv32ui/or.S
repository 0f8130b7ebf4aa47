// or: bitwise or
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, or, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(2, or, 0x00000001, 0x00000001, 0x00000001)
  TEST_RR(3, or, 0x00000007, 0x00000003, 0x00000007)
  TEST_RR(4, or, 0xffff8000, 0x00000000, 0xffff8000)
  TEST_RR(5, or, 0x80000000, 0x80000000, 0x00000000)
  TEST_RR(6, or, 0xffff8000, 0x80000000, 0xffff8000)
  TEST_RR(7, or, 0x00007fff, 0x00000000, 0x00007fff)
  TEST_RR(8, or, 0x7fffffff, 0x7fffffff, 0x00000000)
  TEST_RR(9, or, 0x7fffffff, 0x7fffffff, 0x00007fff)
  TEST_RR(10, or, 0x80007fff, 0x80000000, 0x00007fff)
  TEST_RR(11, or, 0xffffffff, 0x7fffffff, 0xffff8000)
  TEST_RR(12, or, 0xffffffff, 0x00000000, 0xffffffff)
  TEST_RR(13, or, 0xffffffff, 0xffffffff, 0x00000001)
  TEST_RR(14, or, 0xffffffff, 0xffffffff, 0xffffffff)
  TEST_RR(15, or, 0x7fffffff, 0x00000001, 0x7fffffff)
  TEST_RR(16, or, 0x7fffffff, 0x7fffffff, 0x00000001)
  TEST_RR(17, or, 0x80000000, 0x80000000, 0x80000000)
  TEST_RR(18, or, 0xffffffff, 0x80000000, 0xffffffff)
  TEST_RR(19, or, 0x9abcdef8, 0x12345678, 0x9abcdef0)
  TEST_RR(20, or, 0xdfadfeef, 0xdeadbeef, 0x0badf00d)
  TEST_RR(21, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR(22, or, 0xf0fff0ff, 0x00ff00ff, 0xf0f0f0f0)
  TEST_RR(23, or, 0xfffffffd, 0xfffffff9, 0x00000005)
  TEST_RR(24, or, 0xfffffffd, 0x00000005, 0xfffffff9)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(25, or, 0x0e000e07, 0x0e000e07, 0x00000005)
  TEST_RR_D2(26, or, 0x0e000e07, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(27, or, 0x0e000e07, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(28, or, 0x00000005, 0x00000005)
  TEST_RR_Z2(29, or, 0x0e000e07, 0x0e000e07)
  TEST_RR_ZD(30, or, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(31, or, 0xf00dcaff, 0xf00dcafe, 0x00000013)
RVT_END
