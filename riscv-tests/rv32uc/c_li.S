// c.li rd, imm6: rd = sign-extended 6-bit immediate
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0, li a0, 7; c.li a0, 0)
  TCASE(2, a0, 31, c.li a0, 31)
  TCASE(3, a0, 0xffffffe0, c.li a0, -32)
  TCASE(4, a0, 0xffffffff, c.li a0, -1)
  TCASE(5, t6, 17, c.li t6, 17)
  TCASE(6, ra, 0xfffffff0, c.li ra, -16)
  TCASE(7, s11, 1, c.li s11, 1)
RVT_END
