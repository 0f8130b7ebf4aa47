// sh3add: rs2 + (rs1 << 3)
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RR(1, sh3add, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR(2, sh3add, 0x00000009, 0x00000001, 0x00000001)
  TEST_RR(3, sh3add, 0x0000001f, 0x00000003, 0x00000007)
  TEST_RR(4, sh3add, 0xffff8000, 0x00000000, 0xffff8000)
  TEST_RR(5, sh3add, 0x00000000, 0x80000000, 0x00000000)
  TEST_RR(6, sh3add, 0xffff8000, 0x80000000, 0xffff8000)
  TEST_RR(7, sh3add, 0x00007fff, 0x00000000, 0x00007fff)
  TEST_RR(8, sh3add, 0xfffffff8, 0x7fffffff, 0x00000000)
  TEST_RR(9, sh3add, 0x00007ff7, 0x7fffffff, 0x00007fff)
  TEST_RR(10, sh3add, 0x00007fff, 0x80000000, 0x00007fff)
  TEST_RR(11, sh3add, 0xffff7ff8, 0x7fffffff, 0xffff8000)
  TEST_RR(12, sh3add, 0xffffffff, 0x00000000, 0xffffffff)
  TEST_RR(13, sh3add, 0xfffffff9, 0xffffffff, 0x00000001)
  TEST_RR(14, sh3add, 0xfffffff7, 0xffffffff, 0xffffffff)
  TEST_RR(15, sh3add, 0x80000007, 0x00000001, 0x7fffffff)
  TEST_RR(16, sh3add, 0xfffffff9, 0x7fffffff, 0x00000001)
  TEST_RR(17, sh3add, 0x80000000, 0x80000000, 0x80000000)
  TEST_RR(18, sh3add, 0xffffffff, 0x80000000, 0xffffffff)
  TEST_RR(19, sh3add, 0x2c5f92b0, 0x12345678, 0x9abcdef0)
  TEST_RR(20, sh3add, 0x011be785, 0xdeadbeef, 0x0badf00d)
  TEST_RR(21, sh3add, 0x0717070f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR(22, sh3add, 0xf8e8f8e8, 0x00ff00ff, 0xf0f0f0f0)
  TEST_RR(23, sh3add, 0xffffffcd, 0xfffffff9, 0x00000005)
  TEST_RR(24, sh3add, 0x00000021, 0x00000005, 0xfffffff9)
  // register aliasing: rd=rs1, rd=rs2, rs1=rs2
  TEST_RR_D1(25, sh3add, 0x7000703d, 0x0e000e07, 0x00000005)
  TEST_RR_D2(26, sh3add, 0x7000703d, 0x0e000e07, 0x00000005)
  TEST_RR_SAME(27, sh3add, 0x7e007e3f, 0x0e000e07)
  // x0 as a source reads 0, as a destination is not written
  TEST_RR_Z1(28, sh3add, 0x00000005, 0x00000005)
  TEST_RR_Z2(29, sh3add, 0x70007038, 0x0e000e07)
  TEST_RR_ZD(30, sh3add, 0x0e000e07, 0x00000005)
  // high registers
  TEST_RR_HI(31, sh3add, 0x806e5803, 0xf00dcafe, 0x00000013)
RVT_END
