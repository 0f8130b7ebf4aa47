// c.fldsp rd, uimm(sp): load a double relative to sp, offset a multiple of 8 in [0, 504]
#include "rvt.h"
RVT_BEGIN_FP
  TFCASE(1, CHECK_D, fa0, 0x3ff0000000000000, 0, la sp, ddat; fsflags x0; c.fldsp fa0, 0(sp))
  TFCASE(2, CHECK_D, ft11, 0x7ff0000000000001, 0, la sp, ddat; fsflags x0; c.fldsp ft11, 8(sp))
  TFCASE(3, CHECK_D, fs11, 0xc00921fb54442d18, 0, la sp, ddat; fsflags x0; c.fldsp fs11, 504(sp))
RVT_END
  .data
  .align 4
ddat:
  .dword 0x3ff0000000000000, 0x7ff0000000000001
  .skip 488
  .dword 0xc00921fb54442d18
