// sh2add: rs2 + (rs1 << 2)
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, sh2add, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(2, sh2add, 0x00000005, 0x00000001, 0x00000001)
  TEST_RR(3, sh2add, 0x00000013, 0x00000003, 0x00000007)
  TEST_RR(4, sh2add, 0xffff8000, 0x00000000, 0xffff8000)
  TEST_RR(5, sh2add, 0x00000000, 0x80000000, 0x00000000)
  TEST_RR(6, sh2add, 0xffff8000, 0x80000000, 0xffff8000)
  TEST_RR(7, sh2add, 0x00007fff, 0x00000000, 0x00007fff)
  TEST_RR(8, sh2add, 0xfffffffc, 0x7fffffff, 0x00000000)
  TEST_RR(9, sh2add, 0x00007ffb, 0x7fffffff, 0x00007fff)
  TEST_RR(10, sh2add, 0x00007fff, 0x80000000, 0x00007fff)
  TEST_RR(11, sh2add, 0xffff7ffc, 0x7fffffff, 0xffff8000)
  TEST_RR(12, sh2add, 0xffffffff, 0x00000000, 0xffffffff)
  TEST_RR(13, sh2add, 0xfffffffd, 0xffffffff, 0x00000001)
  TEST_RR(14, sh2add, 0xfffffffb, 0xffffffff, 0xffffffff)
  TEST_RR(15, sh2add, 0x80000003, 0x00000001, 0x7fffffff)
  TEST_RR(16, sh2add, 0xfffffffd, 0x7fffffff, 0x00000001)
  TEST_RR(17, sh2add, 0x80000000, 0x80000000, 0x80000000)
  TEST_RR(18, sh2add, 0xffffffff, 0x80000000, 0xffffffff)
  TEST_RR(19, sh2add, 0xe38e38d0, 0x12345678, 0x9abcdef0)
  TEST_RR(20, sh2add, 0x8664ebc9, 0xdeadbeef, 0x0badf00d)
  TEST_RR(21, sh2add, 0x0b130b0f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR(22, sh2add, 0xf4ecf4ec, 0x00ff00ff, 0xf0f0f0f0)
  TEST_RR(23, sh2add, 0xffffffe9, 0xfffffff9, 0x00000005)
  TEST_RR(24, sh2add, 0x0000000d, 0x00000005, 0xfffffff9)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(25, sh2add, 0x38003821, 0x0e000e07, 0x00000005)
  TEST_RR_D2(26, sh2add, 0x38003821, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(27, sh2add, 0x46004623, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(28, sh2add, 0x00000005, 0x00000005)
  TEST_RR_Z2(29, sh2add, 0x3800381c, 0x0e000e07)
  TEST_RR_ZD(30, sh2add, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(31, sh2add, 0xc0372c0b, 0xf00dcafe, 0x00000013)
RVT_END
