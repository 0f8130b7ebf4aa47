// sh: store the low halfword of rs2 (little-endian); the other bytes of the
// word are unchanged.  Every case uses its own word of sdat (0xefefefef).
#include "rvt.h"
#define TEST_SH(n, val, w, off, word) \
  TCASE(n, a0, word, la a1, sdat + 4 * (w); li a2, val; sh a2, off(a1); lw a0, 0(a1))
RVT_BEGIN
  TEST_SH(1, 0x0000aabb, 0, 0, 0xefefaabb)
  TEST_SH(2, 0x0000aabb, 1, 2, 0xaabbefef)
  TEST_SH(3, 0x12345678, 2, 0, 0xefef5678)
  TEST_SH(4, 0xffff0000, 3, 2, 0x0000efef)
  TEST_SH(5, 0xffffffff, 4, 0, 0xefefffff)
  TEST_SH(6, 0x00008001, 5, 2, 0x8001efef)
  TEST_SH(7, 0x00001234, 7, -2, 0xefefefef)
  TCASE(8, a0, 0x1234efef, la a1, sdat + 24; lw a0, 0(a1))
  TCASE(9, a0, 0xffff8000, la a1, sdat + 32; li a2, 0x8000; sh a2, 2(a1); lh a0, 2(a1))
  TCASE(10, a0, 0x00008000, la a1, sdat + 32; lhu a0, 2(a1))
  // byte order: the low byte goes to the lower address
  TCASE(11, a0, 0x000000cd, la a1, sdat + 36; li a2, 0xabcd; sh a2, 0(a1); lbu a0, 0(a1))
  TCASE(12, a0, 0x000000ab, la a1, sdat + 36; lbu a0, 1(a1))
  TCASE(13, a0, 0x4321efef, la a1, sdat + 40 - 2045; li a2, 0x4321; sh a2, 2047(a1); la a1, sdat + 40; lw a0, 0(a1))
  TCASE(14, a0, 0xefef5566, la a1, sdat + 44 + 2048; li a2, 0x5566; sh a2, -2048(a1); la a1, sdat + 44; lw a0, 0(a1))
  TCASE(15, a0, 0x0000efef, la a1, sdat + 48; sh x0, 2(a1); lw a0, 0(a1))
RVT_END
  .data
  .align 4
sdat:
  .rept 16
  .word 0xefefefef
  .endr
