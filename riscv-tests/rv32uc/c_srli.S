// c.srli rd', shamt: logical shift right (1..31)
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x40000000, li a0, 0x80000000; c.srli a0, 1)
  TCASE(2, a0, 0x00000001, li a0, 0x80000000; c.srli a0, 31)
  TCASE(3, a0, 0x00001234, li a0, 0x12345678; c.srli a0, 16)
  TCASE(4, a0, 0x1fffffff, li a0, -1; c.srli a0, 3)
  TCASE(5, s0, 0x00000010, li s0, 0x00000100; c.srli s0, 4)
  TCASE(6, a5, 0x00ffffff, li a5, 0xffffff00; c.srli a5, 8)
RVT_END
