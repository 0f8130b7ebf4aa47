// bexti: extract bit shamt
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RI(1, bexti, 0x00000000, 0x00000000, 0)
  TEST_RI(2, bexti, 0x00000000, 0x00000000, 5)
  TEST_RI(3, bexti, 0x00000000, 0x00000000, 31)
  TEST_RI(4, bexti, 0x00000001, 0xffffffff, 0)
  TEST_RI(5, bexti, 0x00000001, 0xffffffff, 13)
  TEST_RI(6, bexti, 0x00000001, 0xffffffff, 31)
  TEST_RI(7, bexti, 0x00000001, 0x12345678, 3)
  TEST_RI(8, bexti, 0x00000001, 0x12345678, 4)
  TEST_RI(9, bexti, 0x00000001, 0x12345678, 28)
  TEST_RI(10, bexti, 0x00000001, 0x80000000, 31)
  TEST_RI(11, bexti, 0x00000000, 0x80000000, 30)
  TEST_RI(12, bexti, 0x00000001, 0x00000001, 0)
  TEST_RI(13, bexti, 0x00000001, 0xdeadbeef, 16)
  TEST_RI(14, bexti, 0x00000000, 0xdeadbeef, 17)
  TEST_RI(15, bexti, 0x00000000, 0x55555555, 1)
  TEST_RI(16, bexti, 0x00000001, 0x55555555, 2)
  // rd=rs1, rs1=x0, rd=x0
  TEST_RI_D1(17, bexti, 0x00000001, 0x12345678, 28)
  TEST_RI_Z1(18, bexti, 0x00000000, 28)
  TEST_RI_ZD(19, bexti, 0x12345678, 28)
RVT_END
