// slli: shift left logical immediate
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RI(1, slli, 0x80000000, 0x80000000, 0)
  TEST_RI(2, slli, 0x00000000, 0x80000000, 1)
  TEST_RI(3, slli, 0x00000000, 0x80000000, 7)
  TEST_RI(4, slli, 0x00000000, 0x80000000, 14)
  TEST_RI(5, slli, 0x00000000, 0x80000000, 31)
  TEST_RI(6, slli, 0xffffffff, 0xffffffff, 0)
  TEST_RI(7, slli, 0xfffffffe, 0xffffffff, 1)
  TEST_RI(8, slli, 0xffffff80, 0xffffffff, 7)
  TEST_RI(9, slli, 0xffffc000, 0xffffffff, 14)
  TEST_RI(10, slli, 0x80000000, 0xffffffff, 31)
  TEST_RI(11, slli, 0x21212121, 0x21212121, 0)
  TEST_RI(12, slli, 0x42424242, 0x21212121, 1)
  TEST_RI(13, slli, 0x90909080, 0x21212121, 7)
  TEST_RI(14, slli, 0x48484000, 0x21212121, 14)
  TEST_RI(15, slli, 0x80000000, 0x21212121, 31)
  TEST_RI(16, slli, 0x0c0c0c08, 0x81818181, 3)
  TEST_RI(17, slli, 0xc0000000, 0x7fffffff, 30)
  TEST_RI(18, slli, 0x56780000, 0x12345678, 16)
  TEST_RI(19, slli, 0xeadbeef0, 0xdeadbeef, 4)
  // rd=rs1, rs1=x0, rd=x0
  TEST_RI_D1(20, slli, 0x80000000, 0xffffffff, 31)
  TEST_RI_Z1(21, slli, 0x00000000, 31)
  TEST_RI_ZD(22, slli, 0xffffffff, 31)
RVT_END
