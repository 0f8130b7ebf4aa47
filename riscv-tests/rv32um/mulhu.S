// mulhu: high 32 bits of unsigned x unsigned product
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, mulhu, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(2, mulhu, 0x00000000, 0x00000001, 0x00000001)
  TEST_RR(3, mulhu, 0x00000000, 0x00000003, 0x00000007)
  TEST_RR(4, mulhu, 0x00000000, 0x00000000, 0xffff8000)
  TEST_RR(5, mulhu, 0x00000000, 0x80000000, 0x00000000)
  TEST_RR(6, mulhu, 0x7fffc000, 0x80000000, 0xffff8000)
  TEST_RR(7, mulhu, 0x0001fefe, 0xaaaaaaab, 0x0002fe7d)
  TEST_RR(8, mulhu, 0x0001fefe, 0x0002fe7d, 0xaaaaaaab)
  TEST_RR(9, mulhu, 0xfe010000, 0xff000000, 0xff000000)
  TEST_RR(10, mulhu, 0xfffffffe, 0xffffffff, 0xffffffff)
  TEST_RR(11, mulhu, 0x00000000, 0xffffffff, 0x00000001)
  TEST_RR(12, mulhu, 0x00000000, 0x00000001, 0xffffffff)
  TEST_RR(13, mulhu, 0x40000000, 0x80000000, 0x80000000)
  TEST_RR(14, mulhu, 0x3fffffff, 0x80000000, 0x7fffffff)
  TEST_RR(15, mulhu, 0x3fffffff, 0x7fffffff, 0x7fffffff)
  TEST_RR(16, mulhu, 0x7fffffff, 0x80000000, 0xffffffff)
  TEST_RR(17, mulhu, 0x7fffffff, 0xffffffff, 0x80000000)
  TEST_RR(18, mulhu, 0x0b00ea4e, 0x12345678, 0x9abcdef0)
  TEST_RR(19, mulhu, 0xc1b1cd12, 0xdeadbeef, 0xdeadbeef)
  TEST_RR(20, mulhu, 0x0000fffe, 0x0000ffff, 0xffff0000)
  TEST_RR(21, mulhu, 0x7ffffffe, 0xfffffffe, 0x7fffffff)
  TEST_RR(22, mulhu, 0x7ffffffe, 0x7fffffff, 0xfffffffe)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(23, mulhu, 0x00000000, 0x0e000e07, 0x00000005)
  TEST_RR_D2(24, mulhu, 0x00000000, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(25, mulhu, 0x00c40188, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(26, mulhu, 0x00000000, 0x00000005)
  TEST_RR_Z2(27, mulhu, 0x00000000, 0x0e000e07)
  TEST_RR_ZD(28, mulhu, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(29, mulhu, 0x00000011, 0xf00dcafe, 0x00000013)
RVT_END
