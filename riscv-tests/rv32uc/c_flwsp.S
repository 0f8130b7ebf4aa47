// c.flwsp rd, uimm(sp): load a single relative to sp, offset a multiple of 4 in [0, 252]
#include "rvt.h"
RVT_BEGIN_FP
  TFCASE(1, CHECK_S, fa0, 0x3f800000, 0, la sp, fdat; fsflags x0; c.flwsp fa0, 0(sp))
  TFCASE(2, CHECK_S, ft11, 0x7f800001, 0, la sp, fdat; fsflags x0; c.flwsp ft11, 4(sp))
  TFCASE(3, CHECK_S, fs11, 0xc0490fdb, 0, la sp, fdat; fsflags x0; c.flwsp fs11, 252(sp))
RVT_END
  .data
  .align 4
fdat:
  .word 0x3f800000, 0x7f800001
  .skip 244
  .word 0xc0490fdb
