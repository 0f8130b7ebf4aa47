// rem: signed remainder (sign of dividend); x%0 = x, -2^31%-1 = 0
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, rem, 0x00000002, 0x00000014, 0x00000006)
  TEST_RR(2, rem, 0xfffffffe, 0xffffffec, 0x00000006)
  TEST_RR(3, rem, 0x00000002, 0x00000014, 0xfffffffa)
  TEST_RR(4, rem, 0xfffffffe, 0xffffffec, 0xfffffffa)
  TEST_RR(5, rem, 0x00000000, 0x00000007, 0x00000007)
  TEST_RR(6, rem, 0x00000000, 0x00000000, 0x00000005)
  TEST_RR(7, rem, 0x00000000, 0x00000005, 0x00000001)
  TEST_RR(8, rem, 0x00000000, 0x80000000, 0x00000001)
  TEST_RR(9, rem, 0x00000000, 0x80000000, 0xffffffff)
  TEST_RR(10, rem, 0x00000000, 0x80000000, 0x00000002)
  TEST_RR(11, rem, 0x00000000, 0x7fffffff, 0xffffffff)
  TEST_RR(12, rem, 0x7fffffff, 0x7fffffff, 0x80000000)
  TEST_RR(13, rem, 0x00000000, 0x80000000, 0x80000000)
  TEST_RR(14, rem, 0x00000000, 0xffffffff, 0xffffffff)
  TEST_RR(15, rem, 0xffffffff, 0xffffffff, 0x00000002)
  TEST_RR(16, rem, 0x00000000, 0x00000001, 0xffffffff)
  TEST_RR(17, rem, 0x00000da8, 0x12345678, 0x00001234)
  TEST_RR(18, rem, 0xffffffff, 0xdeadbeef, 0x00000010)
  TEST_RR(19, rem, 0x00000001, 0x00000001, 0x00000000)
  TEST_RR(20, rem, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(21, rem, 0xffffffff, 0xffffffff, 0x00000000)
  TEST_RR(22, rem, 0x80000000, 0x80000000, 0x00000000)
  TEST_RR(23, rem, 0x7fffffff, 0x7fffffff, 0x00000000)
  TEST_RR(24, rem, 0xdeadbeef, 0xdeadbeef, 0x00000000)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(25, rem, 0x00000000, 0x0e000e07, 0x00000005)
  TEST_RR_D2(26, rem, 0x00000000, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(27, rem, 0x00000000, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(28, rem, 0x00000000, 0x00000005)
  TEST_RR_Z2(29, rem, 0x0e000e07, 0x0e000e07)
  TEST_RR_ZD(30, rem, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(31, rem, 0xfffffff8, 0xf00dcafe, 0x00000013)
RVT_END
