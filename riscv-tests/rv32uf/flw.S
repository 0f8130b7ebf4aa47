// flw: load 32 bits into an f register, unchanged (no NaN canonicalization).
#include "rvt.h"
#define TEST_FLW(n, bits, off, base) \
  TFCASE(n, CHECK_S, fa0, bits, 0, la a1, base; fsflags x0; flw fa0, off(a1))
RVT_BEGIN_FP
  TEST_FLW(1, 0x3f800000, 0, fdat)
  TEST_FLW(2, 0xc0490fdb, 4, fdat)
  TEST_FLW(3, 0x7f800001, 8, fdat)
  TEST_FLW(4, 0xffc12345, 12, fdat)
  TEST_FLW(5, 0x00000001, 16, fdat)
  TEST_FLW(6, 0x80000000, 20, fdat)
  // negative and extreme offsets
  TEST_FLW(7, 0x80000000, -4, fdat_end)
  TEST_FLW(8, 0x3f800000, -24, fdat_end)
  TFCASE(9, CHECK_S, fa0, 0xc0490fdb, 0, la a1, fdat - 2043; fsflags x0; flw fa0, 2047(a1))
  TFCASE(10, CHECK_S, fa0, 0x7f800001, 0, la a1, fdat + 2056; fsflags x0; flw fa0, -2048(a1))
  // the loaded value is usable
  TFCASE(11, CHECK_S, fa0, 0x40000000, 0, la a1, fdat; flw fa1, 0(a1); fsflags x0; fadd.s fa0, fa1, fa1)
  // little-endian: bytes 00 00 80 3f
  TFCASE(12, CHECK_S, fa0, 0x3f800000, 0, la a1, bdat; fsflags x0; flw fa0, 0(a1))
RVT_END
  .data
  .align 4
fdat:
  .word 0x3f800000, 0xc0490fdb, 0x7f800001, 0xffc12345, 0x00000001, 0x80000000
fdat_end:
bdat:
  .byte 0x00, 0x00, 0x80, 0x3f
