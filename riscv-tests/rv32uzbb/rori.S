// rori: rotate right by immediate
// Expected values follow the definition of the instruction in the RISC-V
// ISA manual.
#include "rvt.h"
RVT_BEGIN
  // basic values
  TEST_RI(1, rori, 0x80000000, 0x80000000, 0)
  TEST_RI(2, rori, 0x40000000, 0x80000000, 1)
  TEST_RI(3, rori, 0x01000000, 0x80000000, 7)
  TEST_RI(4, rori, 0x00020000, 0x80000000, 14)
  TEST_RI(5, rori, 0x00000001, 0x80000000, 31)
  TEST_RI(6, rori, 0xffffffff, 0xffffffff, 0)
  TEST_RI(7, rori, 0xffffffff, 0xffffffff, 1)
  TEST_RI(8, rori, 0xffffffff, 0xffffffff, 7)
  TEST_RI(9, rori, 0xffffffff, 0xffffffff, 14)
  TEST_RI(10, rori, 0xffffffff, 0xffffffff, 31)
  TEST_RI(11, rori, 0x21212121, 0x21212121, 0)
  TEST_RI(12, rori, 0x90909090, 0x21212121, 1)
  TEST_RI(13, rori, 0x42424242, 0x21212121, 7)
  TEST_RI(14, rori, 0x84848484, 0x21212121, 14)
  TEST_RI(15, rori, 0x42424242, 0x21212121, 31)
  TEST_RI(16, rori, 0x30303030, 0x81818181, 3)
  TEST_RI(17, rori, 0xfffffffd, 0x7fffffff, 30)
  TEST_RI(18, rori, 0x56781234, 0x12345678, 16)
  TEST_RI(19, rori, 0xfdeadbee, 0xdeadbeef, 4)
  // rd=rs1, rs1=x0, rd=x0
  TEST_RI_D1(20, rori, 0xffffffff, 0xffffffff, 31)
  TEST_RI_Z1(21, rori, 0x00000000, 31)
  TEST_RI_ZD(22, rori, 0xffffffff, 31)
RVT_END
