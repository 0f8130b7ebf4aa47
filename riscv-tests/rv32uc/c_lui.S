// c.lui rd, nzimm: rd = sign-extended 6-bit immediate << 12 (rd not x0, x2)
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x00001000, li a0, 0x123; c.lui a0, 1)
  TCASE(2, a0, 0x0001f000, c.lui a0, 31)
  TCASE(3, a0, 0xfffe0000, c.lui a0, 0xfffe0)
  TCASE(4, a0, 0xfffff000, c.lui a0, 0xfffff)
  TCASE(5, t6, 0x00010000, c.lui t6, 0x10)
  TCASE(6, ra, 0xffff0000, c.lui ra, 0xffff0)
  // c.lui + c.addi builds a constant
  TCASE(7, s0, 0x00001ffc, c.lui s0, 2; c.addi s0, -4)
RVT_END
