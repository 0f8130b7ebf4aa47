// div: signed division rounding toward zero; x/0 = -1, -2^31/-1 = -2^31
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, div, 0x00000003, 0x00000014, 0x00000006)
  TEST_RR(2, div, 0xfffffffd, 0xffffffec, 0x00000006)
  TEST_RR(3, div, 0xfffffffd, 0x00000014, 0xfffffffa)
  TEST_RR(4, div, 0x00000003, 0xffffffec, 0xfffffffa)
  TEST_RR(5, div, 0x00000001, 0x00000007, 0x00000007)
  TEST_RR(6, div, 0x00000000, 0x00000000, 0x00000005)
  TEST_RR(7, div, 0x00000005, 0x00000005, 0x00000001)
  TEST_RR(8, div, 0x80000000, 0x80000000, 0x00000001)
  TEST_RR(9, div, 0x80000000, 0x80000000, 0xffffffff)
  TEST_RR(10, div, 0xc0000000, 0x80000000, 0x00000002)
  TEST_RR(11, div, 0x80000001, 0x7fffffff, 0xffffffff)
  TEST_RR(12, div, 0x00000000, 0x7fffffff, 0x80000000)
  TEST_RR(13, div, 0x00000001, 0x80000000, 0x80000000)
  TEST_RR(14, div, 0x00000001, 0xffffffff, 0xffffffff)
  TEST_RR(15, div, 0x00000000, 0xffffffff, 0x00000002)
  TEST_RR(16, div, 0xffffffff, 0x00000001, 0xffffffff)
  TEST_RR(17, div, 0x00010004, 0x12345678, 0x00001234)
  TEST_RR(18, div, 0xfdeadbef, 0xdeadbeef, 0x00000010)
  TEST_RR(19, div, 0xffffffff, 0x00000001, 0x00000000)
  TEST_RR(20, div, 0xffffffff, 0x00000000, 0x00000000)
  TEST_RR(21, div, 0xffffffff, 0xffffffff, 0x00000000)
  TEST_RR(22, div, 0xffffffff, 0x80000000, 0x00000000)
  TEST_RR(23, div, 0xffffffff, 0x7fffffff, 0x00000000)
  TEST_RR(24, div, 0xffffffff, 0xdeadbeef, 0x00000000)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(25, div, 0x02cccf9b, 0x0e000e07, 0x00000005)
  TEST_RR_D2(26, div, 0x02cccf9b, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(27, div, 0x00000001, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(28, div, 0x00000000, 0x00000005)
  TEST_RR_Z2(29, div, 0xffffffff, 0x0e000e07)
  TEST_RR_ZD(30, div, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(31, div, 0xff2925a2, 0xf00dcafe, 0x00000013)
RVT_END
