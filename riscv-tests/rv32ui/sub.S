// sub: integer subtraction, wraps modulo 2^32
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, sub, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(2, sub, 0x00000000, 0x00000001, 0x00000001)
  TEST_RR(3, sub, 0xfffffffc, 0x00000003, 0x00000007)
  TEST_RR(4, sub, 0x00008000, 0x00000000, 0xffff8000)
  TEST_RR(5, sub, 0x80000000, 0x80000000, 0x00000000)
  TEST_RR(6, sub, 0x80008000, 0x80000000, 0xffff8000)
  TEST_RR(7, sub, 0xffff8001, 0x00000000, 0x00007fff)
  TEST_RR(8, sub, 0x7fffffff, 0x7fffffff, 0x00000000)
  TEST_RR(9, sub, 0x7fff8000, 0x7fffffff, 0x00007fff)
  TEST_RR(10, sub, 0x7fff8001, 0x80000000, 0x00007fff)
  TEST_RR(11, sub, 0x80007fff, 0x7fffffff, 0xffff8000)
  TEST_RR(12, sub, 0x00000001, 0x00000000, 0xffffffff)
  TEST_RR(13, sub, 0xfffffffe, 0xffffffff, 0x00000001)
  TEST_RR(14, sub, 0x00000000, 0xffffffff, 0xffffffff)
  TEST_RR(15, sub, 0x80000002, 0x00000001, 0x7fffffff)
  TEST_RR(16, sub, 0x7ffffffe, 0x7fffffff, 0x00000001)
  TEST_RR(17, sub, 0x00000000, 0x80000000, 0x80000000)
  TEST_RR(18, sub, 0x80000001, 0x80000000, 0xffffffff)
  TEST_RR(19, sub, 0x77777788, 0x12345678, 0x9abcdef0)
  TEST_RR(20, sub, 0xd2ffcee2, 0xdeadbeef, 0x0badf00d)
  TEST_RR(21, sub, 0xeff1eff1, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR(22, sub, 0x100e100f, 0x00ff00ff, 0xf0f0f0f0)
  TEST_RR(23, sub, 0xfffffff4, 0xfffffff9, 0x00000005)
  TEST_RR(24, sub, 0x0000000c, 0x00000005, 0xfffffff9)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(25, sub, 0x0e000e02, 0x0e000e07, 0x00000005)
  TEST_RR_D2(26, sub, 0x0e000e02, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(27, sub, 0x00000000, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(28, sub, 0xfffffffb, 0x00000005)
  TEST_RR_Z2(29, sub, 0x0e000e07, 0x0e000e07)
  TEST_RR_ZD(30, sub, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(31, sub, 0xf00dcaeb, 0xf00dcafe, 0x00000013)
RVT_END
