// c.fsd rs2', uimm(rs1'): store a double, offset a multiple of 8 in [0, 248]
#include "rvt.h"
RVT_BEGIN_FP
  CASE(1); LOAD_D(fa2, 0x0123456789abcdef); la a1, sdat; c.fsd fa2, 0(a1); lw a0, 0(a1); CHECK_EQ(a0, 0x89abcdef); lw a0, 4(a1); CHECK_EQ(a0, 0x01234567)
  CASE(2); LOAD_D(fs1, 0xfff8000000000001); la s0, sdat; c.fsd fs1, 248(s0); lw a0, 248(s0); CHECK_EQ(a0, 0x00000001); lw a0, 252(s0); CHECK_EQ(a0, 0xfff80000)
  TCASE(3, a0, 0xefefefef, la a1, sdat; lw a0, 244(a1))
RVT_END
  .data
  .align 4
sdat:
  .rept 64
  .word 0xefefefef
  .endr
