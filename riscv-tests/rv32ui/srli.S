// srli: shift right logical immediate
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RI(1, srli, 0x80000000, 0x80000000, 0)
  TEST_RI(2, srli, 0x40000000, 0x80000000, 1)
  TEST_RI(3, srli, 0x01000000, 0x80000000, 7)
  TEST_RI(4, srli, 0x00020000, 0x80000000, 14)
  TEST_RI(5, srli, 0x00000001, 0x80000000, 31)
  TEST_RI(6, srli, 0xffffffff, 0xffffffff, 0)
  TEST_RI(7, srli, 0x7fffffff, 0xffffffff, 1)
  TEST_RI(8, srli, 0x01ffffff, 0xffffffff, 7)
  TEST_RI(9, srli, 0x0003ffff, 0xffffffff, 14)
  TEST_RI(10, srli, 0x00000001, 0xffffffff, 31)
  TEST_RI(11, srli, 0x21212121, 0x21212121, 0)
  TEST_RI(12, srli, 0x10909090, 0x21212121, 1)
  TEST_RI(13, srli, 0x00424242, 0x21212121, 7)
  TEST_RI(14, srli, 0x00008484, 0x21212121, 14)
  TEST_RI(15, srli, 0x00000000, 0x21212121, 31)
  TEST_RI(16, srli, 0x10303030, 0x81818181, 3)
  TEST_RI(17, srli, 0x00000001, 0x7fffffff, 30)
  TEST_RI(18, srli, 0x00001234, 0x12345678, 16)
  TEST_RI(19, srli, 0x0deadbee, 0xdeadbeef, 4)
  // rd=rs1, rs1=x0, rd=x0
  TEST_RI_D1(20, srli, 0x00000001, 0xffffffff, 31)
  TEST_RI_Z1(21, srli, 0x00000000, 31)
  TEST_RI_ZD(22, srli, 0xffffffff, 31)
RVT_END
