// c.fswsp rs2, uimm(sp): store a single relative to sp, offset a multiple of 4 in [0, 252]
#include "rvt.h"
RVT_BEGIN_FP
  TCASE(1, a0, 0x3f800000, LOAD_S(ft0, 0x3f800000); la sp, sdat; c.fswsp ft0, 0(sp); lw a0, 0(sp))
  TCASE(2, a0, 0xffc12345, LOAD_S(fs11, 0xffc12345); la sp, sdat; c.fswsp fs11, 252(sp); lw a0, 252(sp))
  TCASE(3, a0, 0xefefefef, la sp, sdat; lw a0, 248(sp))
RVT_END
  .data
  .align 4
sdat:
  .rept 64
  .word 0xefefefef
  .endr
