// lh: load a little-endian halfword and sign-extend it.
#include "rvt.h"
#define TEST_LD(n, inst, res, off, base) \
  TCASE(n, a0, res, la a1, base; inst a0, off(a1))
RVT_BEGIN
  TEST_LD(1, lh, 0x000000ff, 0, hdat)
  TEST_LD(2, lh, 0xffffff00, 2, hdat)
  TEST_LD(3, lh, 0xffff8000, 4, hdat)
  TEST_LD(4, lh, 0x00007fff, 6, hdat)
  TEST_LD(5, lh, 0x00000ff0, 8, hdat)
  TEST_LD(6, lh, 0xfffff00f, 10, hdat)
  TEST_LD(7, lh, 0xffffffff, 12, hdat)
  // byte order: the lower address holds the low byte
  TEST_LD(8, lh, 0x00003412, 14, hdat)
  TEST_LD(9, lh, 0xfffff00f, -6, hdat_end)
  TEST_LD(10, lh, 0x000000ff, -16, hdat_end)
  TCASE(11, a0, 0xffffff00, la a1, hdat; addi a1, a1, -2045; lh a0, 2047(a1))
  TCASE(12, a0, 0xffff8000, la a1, hdat; li t0, 2052; add a1, a1, t0; lh a0, -2048(a1))
  TCASE(13, a1, 0x00007fff, la a1, hdat; lh a1, 6(a1))
  TCASE(14, x0, 0, la a1, hdat; lh x0, 2(a1))
RVT_END
  .data
  .align 4
hdat:
  .half 0x00ff, 0xff00, 0x8000, 0x7fff, 0x0ff0, 0xf00f, 0xffff
  .byte 0x12, 0x34
hdat_end:
