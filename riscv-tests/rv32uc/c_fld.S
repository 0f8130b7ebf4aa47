// c.fld rd', uimm(rs1'): load a double, offset a multiple of 8 in [0, 248]
#include "rvt.h"
RVT_BEGIN_FP
  TFCASE(1, CHECK_D, fa0, 0x3ff0000000000000, 0, la a1, ddat; fsflags x0; c.fld fa0, 0(a1))
  TFCASE(2, CHECK_D, fs0, 0x7ff0000000000001, 0, la s1, ddat; fsflags x0; c.fld fs0, 8(s1))
  TFCASE(3, CHECK_D, fa5, 0xc00921fb54442d18, 0, la a5, ddat; fsflags x0; c.fld fa5, 248(a5))
RVT_END
  .data
  .align 4
ddat:
  .dword 0x3ff0000000000000, 0x7ff0000000000001
  .skip 232
  .dword 0xc00921fb54442d18
