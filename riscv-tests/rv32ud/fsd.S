// fsd: store the 64 bits of an f register, unchanged.
#include "rvt.h"
#define TEST_FSD(n, bits, off) \
  CASE(n); LOAD_D(fa1, bits); la a1, sdat; fsflags x0; fsd fa1, off(a1); CHECK_FLAGS(0); \
  lw a0, off(a1); CHECK_EQ(a0, ((bits) & 0xffffffff)); lw a0, off+4(a1); CHECK_EQ(a0, (((bits) >> 32) & 0xffffffff))
RVT_BEGIN_FP
  TEST_FSD(1, 0x3ff0000000000000, 0)
  TEST_FSD(2, 0xc00921fb54442d18, 8)
  TEST_FSD(3, 0x7ff0000000000001, 16)
  TEST_FSD(4, 0xfff8000012345678, 24)
  TEST_FSD(5, 0x0000000000000001, 32)
  TEST_FSD(6, 0x8000000000000000, 40)
  TCASE(7, a0, 0xefefefef, la a1, sdat; lw a0, 48(a1))
  TCASE(8, a0, 0xefefefef, la a1, sdat; lw a0, 52(a1))
  // negative and extreme offsets
  CASE(9); LOAD_D(fa1, 0x0123456789abcdef); la a1, sdat + 64; fsd fa1, -8(a1); lw a0, -8(a1); CHECK_EQ(a0, 0x89abcdef); lw a0, -4(a1); CHECK_EQ(a0, 0x01234567)
  CASE(10); LOAD_D(fa1, 0x1111111122222222); la a1, sdat + 64 - 2047; fsd fa1, 2047(a1); la a1, sdat; lw a0, 64(a1); CHECK_EQ(a0, 0x22222222); lw a0, 68(a1); CHECK_EQ(a0, 0x11111111)
  CASE(11); LOAD_D(fa1, 0x3333333344444444); la a1, sdat + 72 + 2048; fsd fa1, -2048(a1); la a1, sdat; lw a0, 72(a1); CHECK_EQ(a0, 0x44444444); lw a0, 76(a1); CHECK_EQ(a0, 0x33333333)
  // byte order: the sign byte is the last one
  CASE(12); LOAD_D(fa1, 0xbff0000000000000); la a1, sdat; fsd fa1, 80(a1); lbu a0, 87(a1); CHECK_EQ(a0, 0xbf); lbu a0, 86(a1); CHECK_EQ(a0, 0xf0)
  // store then load back through fld
  TFCASE(13, CHECK_D, fa0, 0x7ff4000000000000, 0, LOAD_D(fa1, 0x7ff4000000000000); la a1, sdat; fsflags x0; fsd fa1, 88(a1); fld fa0, 88(a1))
  // fsd of a NaN-boxed single stores the box (upper word all ones)
  CASE(14); LOAD_S(fa1, 0x3f800000); la a1, sdat; fsd fa1, 96(a1); lw a0, 96(a1); CHECK_EQ(a0, 0x3f800000); lw a0, 100(a1); CHECK_EQ(a0, 0xffffffff)
RVT_END
  .data
  .align 4
sdat:
  .rept 32
  .word 0xefefefef
  .endr
