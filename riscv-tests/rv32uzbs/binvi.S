// binvi: invert bit shamt
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RI(1, binvi, 0x00000001, 0x00000000, 0)
  TEST_RI(2, binvi, 0x00000020, 0x00000000, 5)
  TEST_RI(3, binvi, 0x80000000, 0x00000000, 31)
  TEST_RI(4, binvi, 0xfffffffe, 0xffffffff, 0)
  TEST_RI(5, binvi, 0xffffdfff, 0xffffffff, 13)
  TEST_RI(6, binvi, 0x7fffffff, 0xffffffff, 31)
  TEST_RI(7, binvi, 0x12345670, 0x12345678, 3)
  TEST_RI(8, binvi, 0x12345668, 0x12345678, 4)
  TEST_RI(9, binvi, 0x02345678, 0x12345678, 28)
  TEST_RI(10, binvi, 0x00000000, 0x80000000, 31)
  TEST_RI(11, binvi, 0xc0000000, 0x80000000, 30)
  TEST_RI(12, binvi, 0x00000000, 0x00000001, 0)
  TEST_RI(13, binvi, 0xdeacbeef, 0xdeadbeef, 16)
  TEST_RI(14, binvi, 0xdeafbeef, 0xdeadbeef, 17)
  TEST_RI(15, binvi, 0x55555557, 0x55555555, 1)
  TEST_RI(16, binvi, 0x55555551, 0x55555555, 2)
  // rd=rs1, rs1=x0, rd=x0
  TEST_RI_D1(17, binvi, 0x02345678, 0x12345678, 28)
  TEST_RI_Z1(18, binvi, 0x10000000, 28)
  TEST_RI_ZD(19, binvi, 0x12345678, 28)
RVT_END
