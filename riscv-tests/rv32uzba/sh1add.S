// sh1add: rs2 + (rs1 << 1)
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, sh1add, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(2, sh1add, 0x00000003, 0x00000001, 0x00000001)
  TEST_RR(3, sh1add, 0x0000000d, 0x00000003, 0x00000007)
  TEST_RR(4, sh1add, 0xffff8000, 0x00000000, 0xffff8000)
  TEST_RR(5, sh1add, 0x00000000, 0x80000000, 0x00000000)
  TEST_RR(6, sh1add, 0xffff8000, 0x80000000, 0xffff8000)
  TEST_RR(7, sh1add, 0x00007fff, 0x00000000, 0x00007fff)
  TEST_RR(8, sh1add, 0xfffffffe, 0x7fffffff, 0x00000000)
  TEST_RR(9, sh1add, 0x00007ffd, 0x7fffffff, 0x00007fff)
  TEST_RR(10, sh1add, 0x00007fff, 0x80000000, 0x00007fff)
  TEST_RR(11, sh1add, 0xffff7ffe, 0x7fffffff, 0xffff8000)
  TEST_RR(12, sh1add, 0xffffffff, 0x00000000, 0xffffffff)
  TEST_RR(13, sh1add, 0xffffffff, 0xffffffff, 0x00000001)
  TEST_RR(14, sh1add, 0xfffffffd, 0xffffffff, 0xffffffff)
  TEST_RR(15, sh1add, 0x80000001, 0x00000001, 0x7fffffff)
  TEST_RR(16, sh1add, 0xffffffff, 0x7fffffff, 0x00000001)
  TEST_RR(17, sh1add, 0x80000000, 0x80000000, 0x80000000)
  TEST_RR(18, sh1add, 0xffffffff, 0x80000000, 0xffffffff)
  TEST_RR(19, sh1add, 0xbf258be0, 0x12345678, 0x9abcdef0)
  TEST_RR(20, sh1add, 0xc9096deb, 0xdeadbeef, 0x0badf00d)
  TEST_RR(21, sh1add, 0x0d110d0f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR(22, sh1add, 0xf2eef2ee, 0x00ff00ff, 0xf0f0f0f0)
  TEST_RR(23, sh1add, 0xfffffff7, 0xfffffff9, 0x00000005)
  TEST_RR(24, sh1add, 0x00000003, 0x00000005, 0xfffffff9)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(25, sh1add, 0x1c001c13, 0x0e000e07, 0x00000005)
  TEST_RR_D2(26, sh1add, 0x1c001c13, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(27, sh1add, 0x2a002a15, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(28, sh1add, 0x00000005, 0x00000005)
  TEST_RR_Z2(29, sh1add, 0x1c001c0e, 0x0e000e07)
  TEST_RR_ZD(30, sh1add, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(31, sh1add, 0xe01b960f, 0xf00dcafe, 0x00000013)
RVT_END
