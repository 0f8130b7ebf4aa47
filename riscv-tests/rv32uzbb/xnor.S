// xnor: ~(rs1 ^ rs2)
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, xnor, 0xffffffff, 0x00000000, 0x00000000)
  TEST_RR(2, xnor, 0xffffffff, 0x00000001, 0x00000001)
  TEST_RR(3, xnor, 0xfffffffb, 0x00000003, 0x00000007)
  TEST_RR(4, xnor, 0x00007fff, 0x00000000, 0xffff8000)
  TEST_RR(5, xnor, 0x7fffffff, 0x80000000, 0x00000000)
  TEST_RR(6, xnor, 0x80007fff, 0x80000000, 0xffff8000)
  TEST_RR(7, xnor, 0xffff8000, 0x00000000, 0x00007fff)
  TEST_RR(8, xnor, 0x80000000, 0x7fffffff, 0x00000000)
  TEST_RR(9, xnor, 0x80007fff, 0x7fffffff, 0x00007fff)
  TEST_RR(10, xnor, 0x7fff8000, 0x80000000, 0x00007fff)
  TEST_RR(11, xnor, 0x7fff8000, 0x7fffffff, 0xffff8000)
  TEST_RR(12, xnor, 0x00000000, 0x00000000, 0xffffffff)
  TEST_RR(13, xnor, 0x00000001, 0xffffffff, 0x00000001)
  TEST_RR(14, xnor, 0xffffffff, 0xffffffff, 0xffffffff)
  TEST_RR(15, xnor, 0x80000001, 0x00000001, 0x7fffffff)
  TEST_RR(16, xnor, 0x80000001, 0x7fffffff, 0x00000001)
  TEST_RR(17, xnor, 0xffffffff, 0x80000000, 0x80000000)
  TEST_RR(18, xnor, 0x80000000, 0x80000000, 0xffffffff)
  TEST_RR(19, xnor, 0x77777777, 0x12345678, 0x9abcdef0)
  TEST_RR(20, xnor, 0x2affb11d, 0xdeadbeef, 0x0badf00d)
  TEST_RR(21, xnor, 0x0ff00ff0, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR(22, xnor, 0x0ff00ff0, 0x00ff00ff, 0xf0f0f0f0)
  TEST_RR(23, xnor, 0x00000003, 0xfffffff9, 0x00000005)
  TEST_RR(24, xnor, 0x00000003, 0x00000005, 0xfffffff9)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(25, xnor, 0xf1fff1fd, 0x0e000e07, 0x00000005)
  TEST_RR_D2(26, xnor, 0xf1fff1fd, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(27, xnor, 0xffffffff, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(28, xnor, 0xfffffffa, 0x00000005)
  TEST_RR_Z2(29, xnor, 0xf1fff1f8, 0x0e000e07)
  TEST_RR_ZD(30, xnor, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(31, xnor, 0x0ff23512, 0xf00dcafe, 0x00000013)
RVT_END
