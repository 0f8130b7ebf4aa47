// srai: shift right arithmetic immediate
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RI(1, srai, 0x80000000, 0x80000000, 0)
  TEST_RI(2, srai, 0xc0000000, 0x80000000, 1)
  TEST_RI(3, srai, 0xff000000, 0x80000000, 7)
  TEST_RI(4, srai, 0xfffe0000, 0x80000000, 14)
  TEST_RI(5, srai, 0xffffffff, 0x80000000, 31)
  TEST_RI(6, srai, 0xffffffff, 0xffffffff, 0)
  TEST_RI(7, srai, 0xffffffff, 0xffffffff, 1)
  TEST_RI(8, srai, 0xffffffff, 0xffffffff, 7)
  TEST_RI(9, srai, 0xffffffff, 0xffffffff, 14)
  TEST_RI(10, srai, 0xffffffff, 0xffffffff, 31)
  TEST_RI(11, srai, 0x21212121, 0x21212121, 0)
  TEST_RI(12, srai, 0x10909090, 0x21212121, 1)
  TEST_RI(13, srai, 0x00424242, 0x21212121, 7)
  TEST_RI(14, srai, 0x00008484, 0x21212121, 14)
  TEST_RI(15, srai, 0x00000000, 0x21212121, 31)
  TEST_RI(16, srai, 0xf0303030, 0x81818181, 3)
  TEST_RI(17, srai, 0x00000001, 0x7fffffff, 30)
  TEST_RI(18, srai, 0x00001234, 0x12345678, 16)
  TEST_RI(19, srai, 0xfdeadbee, 0xdeadbeef, 4)
  // rd=rs1, rs1=x0, rd=x0
  TEST_RI_D1(20, srai, 0xffffffff, 0xffffffff, 31)
  TEST_RI_Z1(21, srai, 0x00000000, 31)
  TEST_RI_ZD(22, srai, 0xffffffff, 31)
RVT_END
