// c.mv rd, rs2: rd = rs2 (rs2 not x0)
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x12345678, li a1, 0x12345678; c.mv a0, a1)
  TCASE(2, t6, 0xdeadbeef, li s11, 0xdeadbeef; c.mv t6, s11)
  TCASE(3, ra, 0x80000000, li t5, 0x80000000; c.mv ra, t5)
  TCASE(4, s11, 0xdeadbeef, nop)
  TCASE(5, a2, 0x00000042, li a2, 0x42; c.mv a2, a2)
RVT_END
