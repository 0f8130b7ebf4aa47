// rol: rotate left by rs2[4:0]
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, rol, 0x80000000, 0x80000000, 0x00000000)
  TEST_RR(2, rol, 0x00000001, 0x80000000, 0x00000001)
  TEST_RR(3, rol, 0x00000040, 0x80000000, 0x00000007)
  TEST_RR(4, rol, 0x00002000, 0x80000000, 0x0000000e)
  TEST_RR(5, rol, 0x40000000, 0x80000000, 0x0000001f)
  TEST_RR(6, rol, 0xffffffff, 0xffffffff, 0x00000000)
  TEST_RR(7, rol, 0xffffffff, 0xffffffff, 0x00000001)
  TEST_RR(8, rol, 0xffffffff, 0xffffffff, 0x00000007)
  TEST_RR(9, rol, 0xffffffff, 0xffffffff, 0x0000000e)
  TEST_RR(10, rol, 0xffffffff, 0xffffffff, 0x0000001f)
  TEST_RR(11, rol, 0x21212121, 0x21212121, 0x00000000)
  TEST_RR(12, rol, 0x42424242, 0x21212121, 0x00000001)
  TEST_RR(13, rol, 0x90909090, 0x21212121, 0x00000007)
  TEST_RR(14, rol, 0x48484848, 0x21212121, 0x0000000e)
  TEST_RR(15, rol, 0x90909090, 0x21212121, 0x0000001f)
  TEST_RR(16, rol, 0x0c0c0c0c, 0x81818181, 0x00000003)
  TEST_RR(17, rol, 0xdfffffff, 0x7fffffff, 0x0000001e)
  TEST_RR(18, rol, 0x21212121, 0x21212121, 0x00000020)
  TEST_RR(19, rol, 0x42424242, 0x21212121, 0x00000021)
  TEST_RR(20, rol, 0x90909090, 0x21212121, 0xffffffe7)
  TEST_RR(21, rol, 0x90909090, 0x21212121, 0xffffffff)
  TEST_RR(22, rol, 0x60606060, 0x81818181, 0xfffffffe)
  TEST_RR(23, rol, 0x12345678, 0x12345678, 0x00000040)
  TEST_RR(24, rol, 0xc3b2a190, 0x87654321, 0x0000003f)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(25, rol, 0xc001c0e1, 0x0e000e07, 0x00000005)
  TEST_RR_D2(26, rol, 0xc001c0e1, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(27, rol, 0x00070387, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(28, rol, 0x00000000, 0x00000005)
  TEST_RR_Z2(29, rol, 0x0e000e07, 0x0e000e07)
  TEST_RR_ZD(30, rol, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(31, rol, 0x57f7806e, 0xf00dcafe, 0x00000013)
RVT_END
