// minu: unsigned minimum
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, minu, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(2, minu, 0x00000001, 0x00000001, 0x00000001)
  TEST_RR(3, minu, 0x00000003, 0x00000003, 0x00000007)
  TEST_RR(4, minu, 0x00000000, 0x00000000, 0xffff8000)
  TEST_RR(5, minu, 0x00000000, 0x80000000, 0x00000000)
  TEST_RR(6, minu, 0x80000000, 0x80000000, 0xffff8000)
  TEST_RR(7, minu, 0x00000000, 0x00000000, 0x00007fff)
  TEST_RR(8, minu, 0x00000000, 0x7fffffff, 0x00000000)
  TEST_RR(9, minu, 0x00007fff, 0x7fffffff, 0x00007fff)
  TEST_RR(10, minu, 0x00007fff, 0x80000000, 0x00007fff)
  TEST_RR(11, minu, 0x7fffffff, 0x7fffffff, 0xffff8000)
  TEST_RR(12, minu, 0x00000000, 0x00000000, 0xffffffff)
  TEST_RR(13, minu, 0x00000001, 0xffffffff, 0x00000001)
  TEST_RR(14, minu, 0xffffffff, 0xffffffff, 0xffffffff)
  TEST_RR(15, minu, 0x00000001, 0x00000001, 0x7fffffff)
  TEST_RR(16, minu, 0x00000001, 0x7fffffff, 0x00000001)
  TEST_RR(17, minu, 0x80000000, 0x80000000, 0x80000000)
  TEST_RR(18, minu, 0x80000000, 0x80000000, 0xffffffff)
  TEST_RR(19, minu, 0x12345678, 0x12345678, 0x9abcdef0)
  TEST_RR(20, minu, 0x0badf00d, 0xdeadbeef, 0x0badf00d)
  TEST_RR(21, minu, 0x0f0f0f0f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR(22, minu, 0x00ff00ff, 0x00ff00ff, 0xf0f0f0f0)
  TEST_RR(23, minu, 0x00000005, 0xfffffff9, 0x00000005)
  TEST_RR(24, minu, 0x00000005, 0x00000005, 0xfffffff9)
  TEST_RR(25, minu, 0x00000000, 0xffffffff, 0x00000000)
  TEST_RR(26, minu, 0x00000000, 0x00000000, 0xffffffff)
  TEST_RR(27, minu, 0x7fffffff, 0x80000000, 0x7fffffff)
  TEST_RR(28, minu, 0x7fffffff, 0x7fffffff, 0x80000000)
  TEST_RR(29, minu, 0x00000005, 0x00000005, 0x00000005)
  TEST_RR(30, minu, 0xfffffffe, 0xfffffffe, 0xffffffff)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(31, minu, 0x00000005, 0x0e000e07, 0x00000005)
  TEST_RR_D2(32, minu, 0x00000005, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(33, minu, 0x0e000e07, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(34, minu, 0x00000000, 0x00000005)
  TEST_RR_Z2(35, minu, 0x00000000, 0x0e000e07)
  TEST_RR_ZD(36, minu, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(37, minu, 0x00000013, 0xf00dcafe, 0x00000013)
RVT_END
