// c.srai rd', shamt: arithmetic shift right (1..31)
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0xc0000000, li a0, 0x80000000; c.srai a0, 1)
  TCASE(2, a0, 0xffffffff, li a0, 0x80000000; c.srai a0, 31)
  TCASE(3, a0, 0x00001234, li a0, 0x12345678; c.srai a0, 16)
  TCASE(4, a0, 0xffffffff, li a0, -1; c.srai a0, 3)
  TCASE(5, s0, 0x00000010, li s0, 0x00000100; c.srai s0, 4)
  TCASE(6, a5, 0xffffffff, li a5, 0xffffff00; c.srai a5, 8)
  TCASE(7, s1, 0x3fffffff, li s1, 0x7fffffff; c.srai s1, 1)
RVT_END
