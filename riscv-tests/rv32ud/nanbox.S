// NaN boxing of single-precision values in 64-bit f registers (FLEN = 64).
// A single is properly boxed when the upper 32 bits are all ones.  Every
// single-precision operation except the transfers (flw/fsw/fmv.x.w/fmv.w.x)
// treats an improperly boxed operand as the canonical NaN 0x7fc00000;
// every single-precision result is written boxed.
#include "rvt.h"
#define BAD    0x000000003f800000  /* 1.0 in the low half, upper half zero */
#define BAD2   0xfffffffe3f800000  /* one upper bit missing */
#define GOOD   0xffffffff3f800000  /* properly boxed 1.0 */
// result must be boxed: upper word of fsd == 0xffffffff
#define CHECK_BOXED(freg) \
  la t0, rvt_scratch; fsd freg, 0(t0); lw t1, 4(t0); CHECK_EQ(t1, 0xffffffff)
RVT_BEGIN_FP
  // arithmetic on a bad box sees the canonical (quiet) NaN: no flags
  TFCASE(1, CHECK_S, fa0, 0x7fc00000, 0, LOAD_D(fa1, BAD); LOAD_S(fa2, 0x3f800000); fsflags x0; fadd.s fa0, fa1, fa2)
  TFCASE(2, CHECK_S, fa0, 0x7fc00000, 0, LOAD_D(fa1, BAD2); LOAD_S(fa2, 0x3f800000); fsflags x0; fadd.s fa0, fa2, fa1)
  TFCASE(3, CHECK_S, fa0, 0x40000000, 0, LOAD_D(fa1, GOOD); LOAD_S(fa2, 0x3f800000); fsflags x0; fadd.s fa0, fa1, fa2)
  TFCASE(4, CHECK_S, fa0, 0x7fc00000, 0, LOAD_D(fa1, BAD); fsflags x0; fsqrt.s fa0, fa1)
  TFCASE(5, CHECK_S, fa0, 0x7fc00000, 0, LOAD_D(fa1, BAD); LOAD_S(fa2, 0x3f800000); fsflags x0; fmadd.s fa0, fa2, fa2, fa1)
  TFCASE(6, CHECK_S, fa0, 0x7fc00000, 0, LOAD_D(fa1, BAD); LOAD_S(fa2, 0x3f800000); fsflags x0; fmul.s fa0, fa1, fa2)
  // sign injection is not a transfer: the canonical NaN gets the new sign
  TFCASE(7, CHECK_S, fa0, 0x7fc00000, 0, LOAD_D(fa1, BAD); LOAD_S(fa2, 0x3f800000); fsflags x0; fsgnj.s fa0, fa1, fa2)
  TFCASE(8, CHECK_S, fa0, 0xffc00000, 0, LOAD_D(fa1, BAD); LOAD_S(fa2, 0x3f800000); fsflags x0; fsgnjn.s fa0, fa1, fa2)
  TFCASE(9, CHECK_S, fa0, 0xbf800000, 0, LOAD_S(fa1, 0x3f800000); LOAD_D(fa2, BAD2); fsflags x0; fsgnjx.s fa0, fa1, fa1; fsgnjn.s fa0, fa1, fa2)
  // classification and comparisons
  TFCASE(10, CHECK_X, a0, 0x200, 0, LOAD_D(fa1, BAD); fsflags x0; fclass.s a0, fa1)
  TFCASE(11, CHECK_X, a0, 0x040, 0, LOAD_D(fa1, GOOD); fsflags x0; fclass.s a0, fa1)
  TFCASE(12, CHECK_X, a0, 0, 0, LOAD_D(fa1, BAD); fsflags x0; feq.s a0, fa1, fa1)
  TFCASE(13, CHECK_X, a0, 0, NV, LOAD_D(fa1, BAD); LOAD_S(fa2, 0x3f800000); fsflags x0; flt.s a0, fa2, fa1)
  TFCASE(14, CHECK_S, fa0, 0x40000000, 0, LOAD_D(fa1, BAD); LOAD_S(fa2, 0x40000000); fsflags x0; fmin.s fa0, fa1, fa2)
  // conversions
  TFCASE(15, CHECK_X, a0, 0x7fffffff, NV, LOAD_D(fa1, BAD); fsflags x0; fcvt.w.s a0, fa1)
  TFCASE(16, CHECK_D, fa0, 0x7ff8000000000000, 0, LOAD_D(fa1, BAD); fsflags x0; fcvt.d.s fa0, fa1)
  TFCASE(17, CHECK_D, fa0, 0x3ff0000000000000, 0, LOAD_D(fa1, GOOD); fsflags x0; fcvt.d.s fa0, fa1)
  // transfers ignore the upper half
  TFCASE(18, CHECK_X, a0, 0x3f800000, 0, LOAD_D(fa1, BAD); fsflags x0; fmv.x.w a0, fa1)
  TFCASE(19, CHECK_X, a0, 0x3f800000, 0, LOAD_D(fa1, BAD); la a1, rvt_scratch; fsflags x0; fsw fa1, 8(a1); lw a0, 8(a1))
  // results and transfers into f registers are boxed
  CASE(20); LOAD_S(fa1, 0x3f800000); fadd.s fa0, fa1, fa1; CHECK_BOXED(fa0)
  CASE(21); li a1, 0x12345678; fmv.w.x fa0, a1; CHECK_BOXED(fa0)
  CASE(22); la a1, rvt_scratch; li a2, 0x7f800001; sw a2, 8(a1); flw fa0, 8(a1); CHECK_BOXED(fa0)
  CASE(23); LOAD_D(fa1, 0x3ff0000000000000); fcvt.s.d fa0, fa1; CHECK_BOXED(fa0)
  CASE(24); li a1, 5; fcvt.s.w fa0, a1; CHECK_BOXED(fa0)
  CASE(25); LOAD_D(fa1, BAD); LOAD_S(fa2, 0x3f800000); fsgnj.s fa0, fa1, fa2; CHECK_BOXED(fa0)
  CASE(26); LOAD_D(fa1, BAD); LOAD_S(fa2, 0x3f800000); fmin.s fa0, fa1, fa2; CHECK_BOXED(fa0)
  // a boxed single is a NaN to double-precision operations
  TFCASE(27, CHECK_D, fa0, 0x7ff8000000000000, 0, LOAD_S(fa1, 0x3f800000); fsflags x0; fadd.d fa0, fa1, fa1)
  TFCASE(28, CHECK_X, a0, 0x200, 0, LOAD_S(fa1, 0x3f800000); fsflags x0; fclass.d a0, fa1)
RVT_END
