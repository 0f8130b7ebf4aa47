// binv: invert bit rs2[4:0]
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, binv, 0x00000001, 0x00000000, 0x00000000)
  TEST_RR(2, binv, 0x00000020, 0x00000000, 0x00000005)
  TEST_RR(3, binv, 0x80000000, 0x00000000, 0x0000001f)
  TEST_RR(4, binv, 0xfffffffe, 0xffffffff, 0x00000000)
  TEST_RR(5, binv, 0xffffdfff, 0xffffffff, 0x0000000d)
  TEST_RR(6, binv, 0x7fffffff, 0xffffffff, 0x0000001f)
  TEST_RR(7, binv, 0x12345670, 0x12345678, 0x00000003)
  TEST_RR(8, binv, 0x12345668, 0x12345678, 0x00000004)
  TEST_RR(9, binv, 0x02345678, 0x12345678, 0x0000001c)
  TEST_RR(10, binv, 0x00000000, 0x80000000, 0x0000001f)
  TEST_RR(11, binv, 0xc0000000, 0x80000000, 0x0000001e)
  TEST_RR(12, binv, 0x00000000, 0x00000001, 0x00000000)
  TEST_RR(13, binv, 0xdeacbeef, 0xdeadbeef, 0x00000010)
  TEST_RR(14, binv, 0xdeafbeef, 0xdeadbeef, 0x00000011)
  TEST_RR(15, binv, 0x12345670, 0x12345678, 0x00000023)
  TEST_RR(16, binv, 0x12345668, 0x12345678, 0xffffffe4)
  TEST_RR(17, binv, 0x7fffffff, 0xffffffff, 0xffffffff)
  TEST_RR(18, binv, 0x00000001, 0x00000000, 0x00000020)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(19, binv, 0x0e000e27, 0x0e000e07, 0x00000005)
  TEST_RR_D2(20, binv, 0x0e000e27, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(21, binv, 0x0e000e87, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(22, binv, 0x00000020, 0x00000005)
  TEST_RR_Z2(23, binv, 0x0e000e06, 0x0e000e07)
  TEST_RR_ZD(24, binv, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(25, binv, 0xf005cafe, 0xf00dcafe, 0x00000013)
RVT_END
