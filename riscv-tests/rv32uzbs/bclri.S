// bclri: clear bit shamt
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RI(1, bclri, 0x00000000, 0x00000000, 0)
  TEST_RI(2, bclri, 0x00000000, 0x00000000, 5)
  TEST_RI(3, bclri, 0x00000000, 0x00000000, 31)
  TEST_RI(4, bclri, 0xfffffffe, 0xffffffff, 0)
  TEST_RI(5, bclri, 0xffffdfff, 0xffffffff, 13)
  TEST_RI(6, bclri, 0x7fffffff, 0xffffffff, 31)
  TEST_RI(7, bclri, 0x12345670, 0x12345678, 3)
  TEST_RI(8, bclri, 0x12345668, 0x12345678, 4)
  TEST_RI(9, bclri, 0x02345678, 0x12345678, 28)
  TEST_RI(10, bclri, 0x00000000, 0x80000000, 31)
  TEST_RI(11, bclri, 0x80000000, 0x80000000, 30)
  TEST_RI(12, bclri, 0x00000000, 0x00000001, 0)
  TEST_RI(13, bclri, 0xdeacbeef, 0xdeadbeef, 16)
  TEST_RI(14, bclri, 0xdeadbeef, 0xdeadbeef, 17)
  TEST_RI(15, bclri, 0x55555555, 0x55555555, 1)
  TEST_RI(16, bclri, 0x55555551, 0x55555555, 2)
  // rd=rs1, rs1=x0, rd=x0
  TEST_RI_D1(17, bclri, 0x02345678, 0x12345678, 28)
  TEST_RI_Z1(18, bclri, 0x00000000, 28)
  TEST_RI_ZD(19, bclri, 0x12345678, 28)
RVT_END
