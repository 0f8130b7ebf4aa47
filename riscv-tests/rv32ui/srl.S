// srl: shift right logical by rs2[4:0]
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, srl, 0x80000000, 0x80000000, 0x00000000)
  TEST_RR(2, srl, 0x40000000, 0x80000000, 0x00000001)
  TEST_RR(3, srl, 0x01000000, 0x80000000, 0x00000007)
  TEST_RR(4, srl, 0x00020000, 0x80000000, 0x0000000e)
  TEST_RR(5, srl, 0x00000001, 0x80000000, 0x0000001f)
  TEST_RR(6, srl, 0xffffffff, 0xffffffff, 0x00000000)
  TEST_RR(7, srl, 0x7fffffff, 0xffffffff, 0x00000001)
  TEST_RR(8, srl, 0x01ffffff, 0xffffffff, 0x00000007)
  TEST_RR(9, srl, 0x0003ffff, 0xffffffff, 0x0000000e)
  TEST_RR(10, srl, 0x00000001, 0xffffffff, 0x0000001f)
  TEST_RR(11, srl, 0x21212121, 0x21212121, 0x00000000)
  TEST_RR(12, srl, 0x10909090, 0x21212121, 0x00000001)
  TEST_RR(13, srl, 0x00424242, 0x21212121, 0x00000007)
  TEST_RR(14, srl, 0x00008484, 0x21212121, 0x0000000e)
  TEST_RR(15, srl, 0x00000000, 0x21212121, 0x0000001f)
  TEST_RR(16, srl, 0x10303030, 0x81818181, 0x00000003)
  TEST_RR(17, srl, 0x00000001, 0x7fffffff, 0x0000001e)
  TEST_RR(18, srl, 0x21212121, 0x21212121, 0x00000020)
  TEST_RR(19, srl, 0x10909090, 0x21212121, 0x00000021)
  TEST_RR(20, srl, 0x00424242, 0x21212121, 0xffffffe7)
  TEST_RR(21, srl, 0x00000000, 0x21212121, 0xffffffff)
  TEST_RR(22, srl, 0x00000002, 0x81818181, 0xfffffffe)
  TEST_RR(23, srl, 0x12345678, 0x12345678, 0x00000040)
  TEST_RR(24, srl, 0x00000001, 0x87654321, 0x0000003f)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(25, srl, 0x00700070, 0x0e000e07, 0x00000005)
  TEST_RR_D2(26, srl, 0x00700070, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(27, srl, 0x001c001c, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(28, srl, 0x00000000, 0x00000005)
  TEST_RR_Z2(29, srl, 0x0e000e07, 0x0e000e07)
  TEST_RR_ZD(30, srl, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(31, srl, 0x00001e01, 0xf00dcafe, 0x00000013)
RVT_END
