// mulh: high 32 bits of signed x signed product
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, mulh, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(2, mulh, 0x00000000, 0x00000001, 0x00000001)
  TEST_RR(3, mulh, 0x00000000, 0x00000003, 0x00000007)
  TEST_RR(4, mulh, 0x00000000, 0x00000000, 0xffff8000)
  TEST_RR(5, mulh, 0x00000000, 0x80000000, 0x00000000)
  TEST_RR(6, mulh, 0x00004000, 0x80000000, 0xffff8000)
  TEST_RR(7, mulh, 0xffff0081, 0xaaaaaaab, 0x0002fe7d)
  TEST_RR(8, mulh, 0xffff0081, 0x0002fe7d, 0xaaaaaaab)
  TEST_RR(9, mulh, 0x00010000, 0xff000000, 0xff000000)
  TEST_RR(10, mulh, 0x00000000, 0xffffffff, 0xffffffff)
  TEST_RR(11, mulh, 0xffffffff, 0xffffffff, 0x00000001)
  TEST_RR(12, mulh, 0xffffffff, 0x00000001, 0xffffffff)
  TEST_RR(13, mulh, 0x40000000, 0x80000000, 0x80000000)
  TEST_RR(14, mulh, 0xc0000000, 0x80000000, 0x7fffffff)
  TEST_RR(15, mulh, 0x3fffffff, 0x7fffffff, 0x7fffffff)
  TEST_RR(16, mulh, 0x00000000, 0x80000000, 0xffffffff)
  TEST_RR(17, mulh, 0x00000000, 0xffffffff, 0x80000000)
  TEST_RR(18, mulh, 0xf8cc93d6, 0x12345678, 0x9abcdef0)
  TEST_RR(19, mulh, 0x04564f34, 0xdeadbeef, 0xdeadbeef)
  TEST_RR(20, mulh, 0xffffffff, 0x0000ffff, 0xffff0000)
  TEST_RR(21, mulh, 0xffffffff, 0xfffffffe, 0x7fffffff)
  TEST_RR(22, mulh, 0xffffffff, 0x7fffffff, 0xfffffffe)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(23, mulh, 0x00000000, 0x0e000e07, 0x00000005)
  TEST_RR_D2(24, mulh, 0x00000000, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(25, mulh, 0x00c40188, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(26, mulh, 0x00000000, 0x00000005)
  TEST_RR_Z2(27, mulh, 0x00000000, 0x0e000e07)
  TEST_RR_ZD(28, mulh, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(29, mulh, 0xfffffffe, 0xf00dcafe, 0x00000013)
RVT_END
