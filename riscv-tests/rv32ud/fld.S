// fld: load 64 bits into an f register, unchanged (no NaN canonicalization).
// Results are checked through fsd + two lw.
#include "rvt.h"
#define TEST_FLD(n, bits, off, base) \
  TFCASE(n, CHECK_D, fa0, bits, 0, la a1, base; fsflags x0; fld fa0, off(a1))
RVT_BEGIN_FP
  TEST_FLD(1, 0x3ff0000000000000, 0, ddat)
  TEST_FLD(2, 0xc00921fb54442d18, 8, ddat)
  TEST_FLD(3, 0x7ff0000000000001, 16, ddat)
  TEST_FLD(4, 0xfff8000012345678, 24, ddat)
  TEST_FLD(5, 0x0000000000000001, 32, ddat)
  TEST_FLD(6, 0x8000000000000000, 40, ddat)
  TEST_FLD(7, 0x8000000000000000, -8, ddat_end)
  TEST_FLD(8, 0x3ff0000000000000, -48, ddat_end)
  TFCASE(9, CHECK_D, fa0, 0xc00921fb54442d18, 0, la a1, ddat - 2039; fsflags x0; fld fa0, 2047(a1))
  TFCASE(10, CHECK_D, fa0, 0x7ff0000000000001, 0, la a1, ddat + 2064; fsflags x0; fld fa0, -2048(a1))
  // the loaded value is usable: 1 + 1
  TFCASE(11, CHECK_D, fa0, 0x4000000000000000, 0, la a1, ddat; fld fa1, 0(a1); fsflags x0; fadd.d fa0, fa1, fa1)
  // little-endian: the word at the lower address is the low half
  TFCASE(12, CHECK_D, fa0, 0x0123456789abcdef, 0, la a1, wdat; fsflags x0; fld fa0, 0(a1))
  // a value with a single-precision bit pattern in the low half stays a double
  TFCASE(13, CHECK_D, fa0, 0x000000003f800000, 0, la a1, wdat + 8; fsflags x0; fld fa0, 0(a1))
RVT_END
  .data
  .align 4
ddat:
  .dword 0x3ff0000000000000, 0xc00921fb54442d18, 0x7ff0000000000001
  .dword 0xfff8000012345678, 0x0000000000000001, 0x8000000000000000
ddat_end:
wdat:
  .word 0x89abcdef, 0x01234567
  .word 0x3f800000, 0x00000000
