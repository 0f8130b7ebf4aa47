// c.lwsp rd, uimm(sp): load word relative to sp, offset a multiple of 4 in [0, 252]
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x00ff00ff, la sp, wdat; c.lwsp a0, 0(sp))
  TCASE(2, t6, 0xff00ff00, la sp, wdat; c.lwsp t6, 4(sp))
  TCASE(3, ra, 0x13572468, la sp, wdat; c.lwsp ra, 252(sp))
  TCASE(4, s11, 0x80000000, la sp, wdat; c.lwsp s11, 8(sp))
RVT_END
  .data
  .align 4
wdat:
  .word 0x00ff00ff, 0xff00ff00, 0x80000000
  .skip 240
  .word 0x13572468
