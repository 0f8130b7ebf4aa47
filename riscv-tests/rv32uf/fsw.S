// fsw: store the low 32 bits of an f register, unchanged.
#include "rvt.h"
#define TEST_FSW(n, bits, off) \
  TFCASE(n, CHECK_X, a0, bits, 0, LOAD_S(fa1, bits); la a1, sdat; fsflags x0; fsw fa1, off(a1); lw a0, off(a1))
RVT_BEGIN_FP
  TEST_FSW(1, 0x3f800000, 0)
  TEST_FSW(2, 0xc0490fdb, 4)
  TEST_FSW(3, 0x7f800001, 8)
  TEST_FSW(4, 0xffc12345, 12)
  TEST_FSW(5, 0x00000001, 16)
  TEST_FSW(6, 0x80000000, 20)
  // neighbours untouched
  TCASE(7, a0, 0xefefefef, la a1, sdat; lw a0, 24(a1))
  // negative and extreme offsets
  TFCASE(8, CHECK_X, a0, 0x12345678, 0, LOAD_S(fa1, 0x12345678); la a1, sdat + 32; fsflags x0; fsw fa1, -4(a1); lw a0, -4(a1))
  TFCASE(9, CHECK_X, a0, 0x87654321, 0, LOAD_S(fa1, 0x87654321); la a1, sdat + 32 - 2047; fsflags x0; fsw fa1, 2047(a1); la a1, sdat; lw a0, 32(a1))
  TFCASE(10, CHECK_X, a0, 0x0badcafe, 0, LOAD_S(fa1, 0x0badcafe); la a1, sdat + 36 + 2048; fsflags x0; fsw fa1, -2048(a1); la a1, sdat; lw a0, 36(a1))
  // byte order
  TFCASE(11, CHECK_X, a0, 0x000000bf, 0, LOAD_S(fa1, 0xbf800000); la a1, sdat; fsflags x0; fsw fa1, 40(a1); lbu a0, 43(a1))
  // store then load back through flw
  TFCASE(12, CHECK_S, fa0, 0x7fbfffff, 0, LOAD_S(fa1, 0x7fbfffff); la a1, sdat; fsflags x0; fsw fa1, 44(a1); flw fa0, 44(a1))
RVT_END
  .data
  .align 4
sdat:
  .rept 16
  .word 0xefefefef
  .endr
