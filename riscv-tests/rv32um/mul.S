// mul: low 32 bits of the product
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, mul, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(2, mul, 0x00000001, 0x00000001, 0x00000001)
  TEST_RR(3, mul, 0x00000015, 0x00000003, 0x00000007)
  TEST_RR(4, mul, 0x00000000, 0x00000000, 0xffff8000)
  TEST_RR(5, mul, 0x00000000, 0x80000000, 0x00000000)
  TEST_RR(6, mul, 0x00000000, 0x80000000, 0xffff8000)
  TEST_RR(7, mul, 0x0000ff7f, 0xaaaaaaab, 0x0002fe7d)
  TEST_RR(8, mul, 0x0000ff7f, 0x0002fe7d, 0xaaaaaaab)
  TEST_RR(9, mul, 0x00000000, 0xff000000, 0xff000000)
  TEST_RR(10, mul, 0x00000001, 0xffffffff, 0xffffffff)
  TEST_RR(11, mul, 0xffffffff, 0xffffffff, 0x00000001)
  TEST_RR(12, mul, 0xffffffff, 0x00000001, 0xffffffff)
  TEST_RR(13, mul, 0x00000000, 0x80000000, 0x80000000)
  TEST_RR(14, mul, 0x80000000, 0x80000000, 0x7fffffff)
  TEST_RR(15, mul, 0x00000001, 0x7fffffff, 0x7fffffff)
  TEST_RR(16, mul, 0x80000000, 0x80000000, 0xffffffff)
  TEST_RR(17, mul, 0x80000000, 0xffffffff, 0x80000000)
  TEST_RR(18, mul, 0x242d2080, 0x12345678, 0x9abcdef0)
  TEST_RR(19, mul, 0x216da321, 0xdeadbeef, 0xdeadbeef)
  TEST_RR(20, mul, 0x00010000, 0x0000ffff, 0xffff0000)
  TEST_RR(21, mul, 0x00000002, 0xfffffffe, 0x7fffffff)
  TEST_RR(22, mul, 0x00000002, 0x7fffffff, 0xfffffffe)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(23, mul, 0x46004623, 0x0e000e07, 0x00000005)
  TEST_RR_D2(24, mul, 0x46004623, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(25, mul, 0xc4c4c431, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(26, mul, 0x00000000, 0x00000005)
  TEST_RR_Z2(27, mul, 0x00000000, 0x0e000e07)
  TEST_RR_ZD(28, mul, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(29, mul, 0xd10610da, 0xf00dcafe, 0x00000013)
RVT_END
