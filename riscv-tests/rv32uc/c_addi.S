// c.addi rd, nzimm6: rd += sign-extended 6-bit immediate (any rd except x0)
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 6, li a0, 1; c.addi a0, 5)
  TCASE(2, a0, 0xffffffe1, li a0, 1; c.addi a0, -32)
  TCASE(3, a0, 0x80000000, li a0, 0x7fffffff; c.addi a0, 1)
  TCASE(4, a0, 0x0000001e, li a0, -1; c.addi a0, 31)
  TCASE(5, a0, 0x7fffffff, li a0, 0x80000000; c.addi a0, -1)
  TCASE(6, t6, 99, li t6, 100; c.addi t6, -1)
  TCASE(7, ra, 0x12345690, li ra, 0x12345678; c.addi ra, 24)
  TCASE(8, s11, 0xfffffff0, li s11, 0; c.addi s11, -16)
RVT_END
