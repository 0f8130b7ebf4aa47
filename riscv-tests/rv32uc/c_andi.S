// c.andi rd', imm6: rd' &= sign-extended 6-bit immediate
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x12345660, li a0, 0x12345678; c.andi a0, -32)
  TCASE(2, a0, 0x00000018, li a0, 0x12345678; c.andi a0, 31)
  TCASE(3, a0, 0x00000000, li a0, 0x12345678; c.andi a0, 0)
  TCASE(4, a0, 0x12345678, li a0, 0x12345678; c.andi a0, -1)
  TCASE(5, s0, 0xfffffff0, li s0, -1; c.andi s0, -16)
  TCASE(6, a5, 0x00000001, li a5, 0xffffffff; c.andi a5, 1)
RVT_END
