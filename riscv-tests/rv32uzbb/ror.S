// ror: rotate right by rs2[4:0]
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, ror, 0x80000000, 0x80000000, 0x00000000)
  TEST_RR(2, ror, 0x40000000, 0x80000000, 0x00000001)
  TEST_RR(3, ror, 0x01000000, 0x80000000, 0x00000007)
  TEST_RR(4, ror, 0x00020000, 0x80000000, 0x0000000e)
  TEST_RR(5, ror, 0x00000001, 0x80000000, 0x0000001f)
  TEST_RR(6, ror, 0xffffffff, 0xffffffff, 0x00000000)
  TEST_RR(7, ror, 0xffffffff, 0xffffffff, 0x00000001)
  TEST_RR(8, ror, 0xffffffff, 0xffffffff, 0x00000007)
  TEST_RR(9, ror, 0xffffffff, 0xffffffff, 0x0000000e)
  TEST_RR(10, ror, 0xffffffff, 0xffffffff, 0x0000001f)
  TEST_RR(11, ror, 0x21212121, 0x21212121, 0x00000000)
  TEST_RR(12, ror, 0x90909090, 0x21212121, 0x00000001)
  TEST_RR(13, ror, 0x42424242, 0x21212121, 0x00000007)
  TEST_RR(14, ror, 0x84848484, 0x21212121, 0x0000000e)
  TEST_RR(15, ror, 0x42424242, 0x21212121, 0x0000001f)
  TEST_RR(16, ror, 0x30303030, 0x81818181, 0x00000003)
  TEST_RR(17, ror, 0xfffffffd, 0x7fffffff, 0x0000001e)
  TEST_RR(18, ror, 0x21212121, 0x21212121, 0x00000020)
  TEST_RR(19, ror, 0x90909090, 0x21212121, 0x00000021)
  TEST_RR(20, ror, 0x42424242, 0x21212121, 0xffffffe7)
  TEST_RR(21, ror, 0x42424242, 0x21212121, 0xffffffff)
  TEST_RR(22, ror, 0x06060606, 0x81818181, 0xfffffffe)
  TEST_RR(23, ror, 0x12345678, 0x12345678, 0x00000040)
  TEST_RR(24, ror, 0x0eca8643, 0x87654321, 0x0000003f)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(25, ror, 0x38700070, 0x0e000e07, 0x00000005)
  TEST_RR_D2(26, ror, 0x38700070, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(27, ror, 0x0e1c001c, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(28, ror, 0x00000000, 0x00000005)
  TEST_RR_Z2(29, ror, 0x0e000e07, 0x0e000e07)
  TEST_RR_ZD(30, ror, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(31, ror, 0xb95fde01, 0xf00dcafe, 0x00000013)
RVT_END
