// c.slli rd, shamt: rd <<= shamt (1..31)
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x00000002, li a0, 1; c.slli a0, 1)
  TCASE(2, a0, 0x80000000, li a0, 1; c.slli a0, 31)
  TCASE(3, a0, 0x56780000, li a0, 0x12345678; c.slli a0, 16)
  TCASE(4, a0, 0xfffffff8, li a0, -1; c.slli a0, 3)
  TCASE(5, t6, 0x24242420, li t6, 0x21212121; c.slli t6, 5)
  TCASE(6, ra, 0x00000080, li ra, 0x40000001; c.slli ra, 7)
RVT_END
