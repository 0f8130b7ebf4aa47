// fmv.w.x: copy the low 32 bits of an x register into an f register.
// A pure transfer: no canonicalization of NaNs, no flags.
#include "rvt.h"
#define TEST_FMVWX(n, bits) \
  TFCASE(n, CHECK_S, fa0, bits, 0, li a1, bits; fsflags x0; fmv.w.x fa0, a1)
RVT_BEGIN_FP
  TEST_FMVWX(1, 0x00000000)
  TEST_FMVWX(2, 0x80000000)
  TEST_FMVWX(3, 0x3f800000)
  TEST_FMVWX(4, 0xc0490fdb)
  TEST_FMVWX(5, 0xff800000)
  TEST_FMVWX(6, 0x807fffff)
  TEST_FMVWX(7, 0x7fc12345)
  TEST_FMVWX(8, 0x7f800001)
  TEST_FMVWX(9, 0xffffffff)
  // the moved value is a usable operand
  TFCASE(10, CHECK_S, fa0, 0x40c00000, 0, li a1, 0x40400000; fmv.w.x fa1, a1; fsflags x0; fadd.s fa0, fa1, fa1)
  // from x0: +0.0
  TFCASE(11, CHECK_S, fa0, 0x00000000, 0, LOAD_S(fa0, 0x3f800000); fsflags x0; fmv.w.x fa0, x0)
  // every f register can be written and read back
  TFCASE(12, CHECK_S, ft0, 0x11111111, 0, li a1, 0x11111111; fsflags x0; fmv.w.x ft0, a1)
  TFCASE(13, CHECK_S, ft11, 0x22222222, 0, li a1, 0x22222222; fsflags x0; fmv.w.x ft11, a1)
  TFCASE(14, CHECK_S, fs11, 0x33333333, 0, li a1, 0x33333333; fsflags x0; fmv.w.x fs11, a1)
  TFCASE(15, CHECK_S, ft0, 0x11111111, 0, fsflags x0)
RVT_END
