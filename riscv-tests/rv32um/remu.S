// remu: unsigned remainder; x%0 = x
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, remu, 0x00000002, 0x00000014, 0x00000006)
  TEST_RR(2, remu, 0x00000002, 0xffffffec, 0x00000006)
  TEST_RR(3, remu, 0x00000014, 0x00000014, 0xfffffffa)
  TEST_RR(4, remu, 0xffffffec, 0xffffffec, 0xfffffffa)
  TEST_RR(5, remu, 0x00000000, 0x00000007, 0x00000007)
  TEST_RR(6, remu, 0x00000000, 0x00000000, 0x00000005)
  TEST_RR(7, remu, 0x00000000, 0x00000005, 0x00000001)
  TEST_RR(8, remu, 0x00000000, 0x80000000, 0x00000001)
  TEST_RR(9, remu, 0x80000000, 0x80000000, 0xffffffff)
  TEST_RR(10, remu, 0x00000000, 0x80000000, 0x00000002)
  TEST_RR(11, remu, 0x7fffffff, 0x7fffffff, 0xffffffff)
  TEST_RR(12, remu, 0x7fffffff, 0x7fffffff, 0x80000000)
  TEST_RR(13, remu, 0x00000000, 0x80000000, 0x80000000)
  TEST_RR(14, remu, 0x00000000, 0xffffffff, 0xffffffff)
  TEST_RR(15, remu, 0x00000001, 0xffffffff, 0x00000002)
  TEST_RR(16, remu, 0x00000001, 0x00000001, 0xffffffff)
  TEST_RR(17, remu, 0x00000da8, 0x12345678, 0x00001234)
  TEST_RR(18, remu, 0x0000000f, 0xdeadbeef, 0x00000010)
  TEST_RR(19, remu, 0x00000001, 0x00000001, 0x00000000)
  TEST_RR(20, remu, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(21, remu, 0xffffffff, 0xffffffff, 0x00000000)
  TEST_RR(22, remu, 0x80000000, 0x80000000, 0x00000000)
  TEST_RR(23, remu, 0x7fffffff, 0x7fffffff, 0x00000000)
  TEST_RR(24, remu, 0xdeadbeef, 0xdeadbeef, 0x00000000)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(25, remu, 0x00000000, 0x0e000e07, 0x00000005)
  TEST_RR_D2(26, remu, 0x00000000, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(27, remu, 0x00000000, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(28, remu, 0x00000000, 0x00000005)
  TEST_RR_Z2(29, remu, 0x0e000e07, 0x0e000e07)
  TEST_RR_ZD(30, remu, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(31, remu, 0x00000011, 0xf00dcafe, 0x00000013)
RVT_END
