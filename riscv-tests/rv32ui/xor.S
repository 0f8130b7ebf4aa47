// xor: bitwise xor
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, xor, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(2, xor, 0x00000000, 0x00000001, 0x00000001)
  TEST_RR(3, xor, 0x00000004, 0x00000003, 0x00000007)
  TEST_RR(4, xor, 0xffff8000, 0x00000000, 0xffff8000)
  TEST_RR(5, xor, 0x80000000, 0x80000000, 0x00000000)
  TEST_RR(6, xor, 0x7fff8000, 0x80000000, 0xffff8000)
  TEST_RR(7, xor, 0x00007fff, 0x00000000, 0x00007fff)
  TEST_RR(8, xor, 0x7fffffff, 0x7fffffff, 0x00000000)
  TEST_RR(9, xor, 0x7fff8000, 0x7fffffff, 0x00007fff)
  TEST_RR(10, xor, 0x80007fff, 0x80000000, 0x00007fff)
  TEST_RR(11, xor, 0x80007fff, 0x7fffffff, 0xffff8000)
  TEST_RR(12, xor, 0xffffffff, 0x00000000, 0xffffffff)
  TEST_RR(13, xor, 0xfffffffe, 0xffffffff, 0x00000001)
  TEST_RR(14, xor, 0x00000000, 0xffffffff, 0xffffffff)
  TEST_RR(15, xor, 0x7ffffffe, 0x00000001, 0x7fffffff)
  TEST_RR(16, xor, 0x7ffffffe, 0x7fffffff, 0x00000001)
  TEST_RR(17, xor, 0x00000000, 0x80000000, 0x80000000)
  TEST_RR(18, xor, 0x7fffffff, 0x80000000, 0xffffffff)
  TEST_RR(19, xor, 0x88888888, 0x12345678, 0x9abcdef0)
  TEST_RR(20, xor, 0xd5004ee2, 0xdeadbeef, 0x0badf00d)
  TEST_RR(21, xor, 0xf00ff00f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR(22, xor, 0xf00ff00f, 0x00ff00ff, 0xf0f0f0f0)
  TEST_RR(23, xor, 0xfffffffc, 0xfffffff9, 0x00000005)
  TEST_RR(24, xor, 0xfffffffc, 0x00000005, 0xfffffff9)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(25, xor, 0x0e000e02, 0x0e000e07, 0x00000005)
  TEST_RR_D2(26, xor, 0x0e000e02, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(27, xor, 0x00000000, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(28, xor, 0x00000005, 0x00000005)
  TEST_RR_Z2(29, xor, 0x0e000e07, 0x0e000e07)
  TEST_RR_ZD(30, xor, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(31, xor, 0xf00dcaed, 0xf00dcafe, 0x00000013)
RVT_END
