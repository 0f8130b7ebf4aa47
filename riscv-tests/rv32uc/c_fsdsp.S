// c.fsdsp rs2, uimm(sp): store a double relative to sp, offset a multiple of 8 in [0, 504]
#include "rvt.h"
RVT_BEGIN_FP
  CASE(1); LOAD_D(ft0, 0x0123456789abcdef); la sp, sdat; c.fsdsp ft0, 0(sp); lw a0, 0(sp); CHECK_EQ(a0, 0x89abcdef); lw a0, 4(sp); CHECK_EQ(a0, 0x01234567)
  CASE(2); LOAD_D(fs11, 0xfff8000000000001); la sp, sdat; c.fsdsp fs11, 504(sp); lw a0, 504(sp); CHECK_EQ(a0, 0x00000001); lw a0, 508(sp); CHECK_EQ(a0, 0xfff80000)
  TCASE(3, a0, 0xefefefef, la sp, sdat; lw a0, 500(sp))
RVT_END
  .data
  .align 4
sdat:
  .rept 128
  .word 0xefefefef
  .endr
