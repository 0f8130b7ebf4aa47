// sll: shift left logical by rs2[4:0]
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, sll, 0x80000000, 0x80000000, 0x00000000)
  TEST_RR(2, sll, 0x00000000, 0x80000000, 0x00000001)
  TEST_RR(3, sll, 0x00000000, 0x80000000, 0x00000007)
  TEST_RR(4, sll, 0x00000000, 0x80000000, 0x0000000e)
  TEST_RR(5, sll, 0x00000000, 0x80000000, 0x0000001f)
  TEST_RR(6, sll, 0xffffffff, 0xffffffff, 0x00000000)
  TEST_RR(7, sll, 0xfffffffe, 0xffffffff, 0x00000001)
  TEST_RR(8, sll, 0xffffff80, 0xffffffff, 0x00000007)
  TEST_RR(9, sll, 0xffffc000, 0xffffffff, 0x0000000e)
  TEST_RR(10, sll, 0x80000000, 0xffffffff, 0x0000001f)
  TEST_RR(11, sll, 0x21212121, 0x21212121, 0x00000000)
  TEST_RR(12, sll, 0x42424242, 0x21212121, 0x00000001)
  TEST_RR(13, sll, 0x90909080, 0x21212121, 0x00000007)
  TEST_RR(14, sll, 0x48484000, 0x21212121, 0x0000000e)
  TEST_RR(15, sll, 0x80000000, 0x21212121, 0x0000001f)
  TEST_RR(16, sll, 0x0c0c0c08, 0x81818181, 0x00000003)
  TEST_RR(17, sll, 0xc0000000, 0x7fffffff, 0x0000001e)
  TEST_RR(18, sll, 0x21212121, 0x21212121, 0x00000020)
  TEST_RR(19, sll, 0x42424242, 0x21212121, 0x00000021)
  TEST_RR(20, sll, 0x90909080, 0x21212121, 0xffffffe7)
  TEST_RR(21, sll, 0x80000000, 0x21212121, 0xffffffff)
  TEST_RR(22, sll, 0x40000000, 0x81818181, 0xfffffffe)
  TEST_RR(23, sll, 0x12345678, 0x12345678, 0x00000040)
  TEST_RR(24, sll, 0x80000000, 0x87654321, 0x0000003f)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(25, sll, 0xc001c0e0, 0x0e000e07, 0x00000005)
  TEST_RR_D2(26, sll, 0xc001c0e0, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(27, sll, 0x00070380, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(28, sll, 0x00000000, 0x00000005)
  TEST_RR_Z2(29, sll, 0x0e000e07, 0x0e000e07)
  TEST_RR_ZD(30, sll, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(31, sll, 0x57f00000, 0xf00dcafe, 0x00000013)
RVT_END
