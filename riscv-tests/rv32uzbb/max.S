// max: signed maximum
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, max, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(2, max, 0x00000001, 0x00000001, 0x00000001)
  TEST_RR(3, max, 0x00000007, 0x00000003, 0x00000007)
  TEST_RR(4, max, 0x00000000, 0x00000000, 0xffff8000)
  TEST_RR(5, max, 0x00000000, 0x80000000, 0x00000000)
  TEST_RR(6, max, 0xffff8000, 0x80000000, 0xffff8000)
  TEST_RR(7, max, 0x00007fff, 0x00000000, 0x00007fff)
  TEST_RR(8, max, 0x7fffffff, 0x7fffffff, 0x00000000)
  TEST_RR(9, max, 0x7fffffff, 0x7fffffff, 0x00007fff)
  TEST_RR(10, max, 0x00007fff, 0x80000000, 0x00007fff)
  TEST_RR(11, max, 0x7fffffff, 0x7fffffff, 0xffff8000)
  TEST_RR(12, max, 0x00000000, 0x00000000, 0xffffffff)
  TEST_RR(13, max, 0x00000001, 0xffffffff, 0x00000001)
  TEST_RR(14, max, 0xffffffff, 0xffffffff, 0xffffffff)
  TEST_RR(15, max, 0x7fffffff, 0x00000001, 0x7fffffff)
  TEST_RR(16, max, 0x7fffffff, 0x7fffffff, 0x00000001)
  TEST_RR(17, max, 0x80000000, 0x80000000, 0x80000000)
  TEST_RR(18, max, 0xffffffff, 0x80000000, 0xffffffff)
  TEST_RR(19, max, 0x12345678, 0x12345678, 0x9abcdef0)
  TEST_RR(20, max, 0x0badf00d, 0xdeadbeef, 0x0badf00d)
  TEST_RR(21, max, 0x0f0f0f0f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR(22, max, 0x00ff00ff, 0x00ff00ff, 0xf0f0f0f0)
  TEST_RR(23, max, 0x00000005, 0xfffffff9, 0x00000005)
  TEST_RR(24, max, 0x00000005, 0x00000005, 0xfffffff9)
  TEST_RR(25, max, 0x00000000, 0xffffffff, 0x00000000)
  TEST_RR(26, max, 0x00000000, 0x00000000, 0xffffffff)
  TEST_RR(27, max, 0x7fffffff, 0x80000000, 0x7fffffff)
  TEST_RR(28, max, 0x7fffffff, 0x7fffffff, 0x80000000)
  TEST_RR(29, max, 0x00000005, 0x00000005, 0x00000005)
  TEST_RR(30, max, 0xffffffff, 0xfffffffe, 0xffffffff)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(31, max, 0x0e000e07, 0x0e000e07, 0x00000005)
  TEST_RR_D2(32, max, 0x0e000e07, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(33, max, 0x0e000e07, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(34, max, 0x00000005, 0x00000005)
  TEST_RR_Z2(35, max, 0x0e000e07, 0x0e000e07)
  TEST_RR_ZD(36, max, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(37, max, 0x00000013, 0xf00dcafe, 0x00000013)
RVT_END
