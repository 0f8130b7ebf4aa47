// c.flw rd', uimm(rs1'): load a single, offset a multiple of 4 in [0, 124]
#include "rvt.h"
RVT_BEGIN_FP
  TFCASE(1, CHECK_S, fa0, 0x3f800000, 0, la a1, fdat; fsflags x0; c.flw fa0, 0(a1))
  TFCASE(2, CHECK_S, fs0, 0x7f800001, 0, la s1, fdat; fsflags x0; c.flw fs0, 4(s1))
  TFCASE(3, CHECK_S, fa5, 0xc0490fdb, 0, la a5, fdat; fsflags x0; c.flw fa5, 124(a5))
RVT_END
  .data
  .align 4
fdat:
  .word 0x3f800000, 0x7f800001
  .skip 116
  .word 0xc0490fdb
