// fmv.x.w: copy the raw 32 bits of an f register to an x register.
// A pure transfer: no canonicalization of NaNs, no flags.
#include "rvt.h"
#define TEST_FMVXW(n, bits) \
  TFCASE(n, CHECK_X, a0, bits, 0, LOAD_S(fa1, bits); fsflags x0; fmv.x.w a0, fa1)
RVT_BEGIN_FP
  TEST_FMVXW(1, 0x00000000)
  TEST_FMVXW(2, 0x80000000)
  TEST_FMVXW(3, 0x3f800000)
  TEST_FMVXW(4, 0xc0490fdb)
  TEST_FMVXW(5, 0x7f800000)
  TEST_FMVXW(6, 0x00000001)
  TEST_FMVXW(7, 0x7fc00000)
  // NaN payloads and signaling NaNs are copied unchanged
  TEST_FMVXW(8, 0x7fc12345)
  TEST_FMVXW(9, 0x7f800001)
  TEST_FMVXW(10, 0xffbfffff)
  TEST_FMVXW(11, 0x12345678)
  // a result computed in the FPU
  TFCASE(12, CHECK_X, a0, 0x40400000, 0, LOAD_S(fa1, 0x3f800000); LOAD_S(fa2, 0x40000000); fsflags x0; fadd.s fa3, fa1, fa2; fmv.x.w a0, fa3)
  // to x0 / to a high register
  TFCASE(13, CHECK_X, x0, 0, 0, LOAD_S(fa1, 0x3f800000); fsflags x0; fmv.x.w x0, fa1)
  TFCASE(14, CHECK_X, t6, 0xdeadbeef, 0, LOAD_S(ft11, 0xdeadbeef); fsflags x0; fmv.x.w t6, ft11)
RVT_END
