// c.add rd, rs2: rd += rs2
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x00000008, li a0, 3; li a1, 5; c.add a0, a1)
  TCASE(2, a0, 0x80000000, li a0, 0x7fffffff; li a1, 1; c.add a0, a1)
  TCASE(3, a0, 0x00000000, li a0, 0xffffffff; li a1, 1; c.add a0, a1)
  TCASE(4, t6, 0xfffffffe, li t6, 0xffffffff; li t5, 0xffffffff; c.add t6, t5)
  TCASE(5, a2, 0x00000084, li a2, 0x42; c.add a2, a2)
  TCASE(6, ra, 0x1234567a, li ra, 0x12345678; li s11, 2; c.add ra, s11)
  TCASE(7, s11, 2, nop)
RVT_END
