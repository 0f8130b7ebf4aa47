// addi: add sign-extended 12-bit immediate
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RI(1, addi, 0x00000000, 0x00000000, 0)
  TEST_RI(2, addi, 0x00000002, 0x00000001, 1)
  TEST_RI(3, addi, 0x0000000a, 0x00000003, 7)
  TEST_RI(4, addi, 0xfffff800, 0x00000000, -2048)
  TEST_RI(5, addi, 0x80000000, 0x80000000, 0)
  TEST_RI(6, addi, 0x7ffff800, 0x80000000, -2048)
  TEST_RI(7, addi, 0x000007ff, 0x00000000, 2047)
  TEST_RI(8, addi, 0x7fffffff, 0x7fffffff, 0)
  TEST_RI(9, addi, 0x800007fe, 0x7fffffff, 2047)
  TEST_RI(10, addi, 0x800007ff, 0x80000000, 2047)
  TEST_RI(11, addi, 0x7ffff7ff, 0x7fffffff, -2048)
  TEST_RI(12, addi, 0xffffffff, 0x00000000, -1)
  TEST_RI(13, addi, 0x00000000, 0xffffffff, 1)
  TEST_RI(14, addi, 0xfffffffe, 0xffffffff, -1)
  TEST_RI(15, addi, 0x80000000, 0x7fffffff, 1)
  TEST_RI(16, addi, 0x12345cf0, 0x12345678, 1656)
  TEST_RI(17, addi, 0x12344fff, 0x12345678, -1657)
  TEST_RI(18, addi, 0xff00fff0, 0xff00ff00, 240)
  TEST_RI(19, addi, 0x00ff00ef, 0x00ff00ff, -16)
  TEST_RI(20, addi, 0xfffffffe, 0xfffffff9, 5)
  TEST_RI(21, addi, 0xfffffffe, 0x00000005, -7)
  TEST_RI(22, addi, 0xfffffffd, 0xfffffffe, -1)
  TEST_RI(23, addi, 0xfffffffd, 0xffffffff, -2)
  TEST_RI(24, addi, 0x00000ffe, 0x000007ff, 2047)
  TEST_RI(25, addi, 0xfffff000, 0xfffff800, -2048)
  // rd=rs1, rs1=x0, rd=x0
  TEST_RI_D1(26, addi, 0x00000000, 0xffffffff, 1)
  TEST_RI_Z1(27, addi, 0x00000001, 1)
  TEST_RI_ZD(28, addi, 0xffffffff, 1)
RVT_END
