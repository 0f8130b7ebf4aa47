// divu: unsigned division; x/0 = 2^32-1
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, divu, 0x00000003, 0x00000014, 0x00000006)
  TEST_RR(2, divu, 0x2aaaaaa7, 0xffffffec, 0x00000006)
  TEST_RR(3, divu, 0x00000000, 0x00000014, 0xfffffffa)
  TEST_RR(4, divu, 0x00000000, 0xffffffec, 0xfffffffa)
  TEST_RR(5, divu, 0x00000001, 0x00000007, 0x00000007)
  TEST_RR(6, divu, 0x00000000, 0x00000000, 0x00000005)
  TEST_RR(7, divu, 0x00000005, 0x00000005, 0x00000001)
  TEST_RR(8, divu, 0x80000000, 0x80000000, 0x00000001)
  TEST_RR(9, divu, 0x00000000, 0x80000000, 0xffffffff)
  TEST_RR(10, divu, 0x40000000, 0x80000000, 0x00000002)
  TEST_RR(11, divu, 0x00000000, 0x7fffffff, 0xffffffff)
  TEST_RR(12, divu, 0x00000000, 0x7fffffff, 0x80000000)
  TEST_RR(13, divu, 0x00000001, 0x80000000, 0x80000000)
  TEST_RR(14, divu, 0x00000001, 0xffffffff, 0xffffffff)
  TEST_RR(15, divu, 0x7fffffff, 0xffffffff, 0x00000002)
  TEST_RR(16, divu, 0x00000000, 0x00000001, 0xffffffff)
  TEST_RR(17, divu, 0x00010004, 0x12345678, 0x00001234)
  TEST_RR(18, divu, 0x0deadbee, 0xdeadbeef, 0x00000010)
  TEST_RR(19, divu, 0xffffffff, 0x00000001, 0x00000000)
  TEST_RR(20, divu, 0xffffffff, 0x00000000, 0x00000000)
  TEST_RR(21, divu, 0xffffffff, 0xffffffff, 0x00000000)
  TEST_RR(22, divu, 0xffffffff, 0x80000000, 0x00000000)
  TEST_RR(23, divu, 0xffffffff, 0x7fffffff, 0x00000000)
  TEST_RR(24, divu, 0xffffffff, 0xdeadbeef, 0x00000000)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(25, divu, 0x02cccf9b, 0x0e000e07, 0x00000005)
  TEST_RR_D2(26, divu, 0x02cccf9b, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(27, divu, 0x00000001, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(28, divu, 0x00000000, 0x00000005)
  TEST_RR_Z2(29, divu, 0xffffffff, 0x0e000e07)
  TEST_RR_ZD(30, divu, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(31, divu, 0x0ca268ff, 0xf00dcafe, 0x00000013)
RVT_END
