// c.fsw rs2', uimm(rs1'): store a single, offset a multiple of 4 in [0, 124]
#include "rvt.h"
RVT_BEGIN_FP
  TCASE(1, a0, 0x3f800000, LOAD_S(fa2, 0x3f800000); la a1, sdat; c.fsw fa2, 0(a1); lw a0, 0(a1))
  TCASE(2, a0, 0xffc12345, LOAD_S(fs1, 0xffc12345); la s0, sdat; c.fsw fs1, 124(s0); lw a0, 124(s0))
  TCASE(3, a0, 0xefefefef, la a1, sdat; lw a0, 120(a1))
RVT_END
  .data
  .align 4
sdat:
  .rept 32
  .word 0xefefefef
  .endr
