// lhu: load a little-endian halfword and zero-extend it.
#include "rvt.h"
#define TEST_LD(n, inst, res, off, base) \
  TCASE(n, a0, res, la a1, base; inst a0, off(a1))
RVT_BEGIN
  TEST_LD(1, lhu, 0x000000ff, 0, hdat)
  TEST_LD(2, lhu, 0x0000ff00, 2, hdat)
  TEST_LD(3, lhu, 0x00008000, 4, hdat)
  TEST_LD(4, lhu, 0x00007fff, 6, hdat)
  TEST_LD(5, lhu, 0x00000ff0, 8, hdat)
  TEST_LD(6, lhu, 0x0000f00f, 10, hdat)
  TEST_LD(7, lhu, 0x0000ffff, 12, hdat)
  TEST_LD(8, lhu, 0x00003412, 14, hdat)
  TEST_LD(9, lhu, 0x0000f00f, -6, hdat_end)
  TEST_LD(10, lhu, 0x000000ff, -16, hdat_end)
  TCASE(11, a0, 0x0000ff00, la a1, hdat; addi a1, a1, -2045; lhu a0, 2047(a1))
  TCASE(12, a0, 0x00008000, la a1, hdat; li t0, 2052; add a1, a1, t0; lhu a0, -2048(a1))
  TCASE(13, a1, 0x0000ffff, la a1, hdat; lhu a1, 12(a1))
  TCASE(14, x0, 0, la a1, hdat; lhu x0, 2(a1))
RVT_END
  .data
  .align 4
hdat:
  .half 0x00ff, 0xff00, 0x8000, 0x7fff, 0x0ff0, 0xf00f, 0xffff
  .byte 0x12, 0x34
hdat_end:
