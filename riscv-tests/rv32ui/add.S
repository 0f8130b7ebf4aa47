// add: integer addition, wraps modulo 2^32
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, add, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(2, add, 0x00000002, 0x00000001, 0x00000001)
  TEST_RR(3, add, 0x0000000a, 0x00000003, 0x00000007)
  TEST_RR(4, add, 0xffff8000, 0x00000000, 0xffff8000)
  TEST_RR(5, add, 0x80000000, 0x80000000, 0x00000000)
  TEST_RR(6, add, 0x7fff8000, 0x80000000, 0xffff8000)
  TEST_RR(7, add, 0x00007fff, 0x00000000, 0x00007fff)
  TEST_RR(8, add, 0x7fffffff, 0x7fffffff, 0x00000000)
  TEST_RR(9, add, 0x80007ffe, 0x7fffffff, 0x00007fff)
  TEST_RR(10, add, 0x80007fff, 0x80000000, 0x00007fff)
  TEST_RR(11, add, 0x7fff7fff, 0x7fffffff, 0xffff8000)
  TEST_RR(12, add, 0xffffffff, 0x00000000, 0xffffffff)
  TEST_RR(13, add, 0x00000000, 0xffffffff, 0x00000001)
  TEST_RR(14, add, 0xfffffffe, 0xffffffff, 0xffffffff)
  TEST_RR(15, add, 0x80000000, 0x00000001, 0x7fffffff)
  TEST_RR(16, add, 0x80000000, 0x7fffffff, 0x00000001)
  TEST_RR(17, add, 0x00000000, 0x80000000, 0x80000000)
  TEST_RR(18, add, 0x7fffffff, 0x80000000, 0xffffffff)
  TEST_RR(19, add, 0xacf13568, 0x12345678, 0x9abcdef0)
  TEST_RR(20, add, 0xea5baefc, 0xdeadbeef, 0x0badf00d)
  TEST_RR(21, add, 0x0e100e0f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR(22, add, 0xf1eff1ef, 0x00ff00ff, 0xf0f0f0f0)
  TEST_RR(23, add, 0xfffffffe, 0xfffffff9, 0x00000005)
  TEST_RR(24, add, 0xfffffffe, 0x00000005, 0xfffffff9)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(25, add, 0x0e000e0c, 0x0e000e07, 0x00000005)
  TEST_RR_D2(26, add, 0x0e000e0c, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(27, add, 0x1c001c0e, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(28, add, 0x00000005, 0x00000005)
  TEST_RR_Z2(29, add, 0x0e000e07, 0x0e000e07)
  TEST_RR_ZD(30, add, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(31, add, 0xf00dcb11, 0xf00dcafe, 0x00000013)
RVT_END
