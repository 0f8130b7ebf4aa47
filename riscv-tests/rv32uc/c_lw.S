// c.lw rd', uimm(rs1'): load word, offset a multiple of 4 in [0, 124]
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x00ff00ff, la a1, wdat; c.lw a0, 0(a1))
  TCASE(2, a0, 0xff00ff00, la a1, wdat; c.lw a0, 4(a1))
  TCASE(3, a0, 0x7f80ff00, la a1, wdat; c.lw a0, 124(a1))
  TCASE(4, s0, 0x80000000, la s1, wdat; c.lw s0, 8(s1))
  TCASE(5, a5, 0x0ff00ff0, la a5, wdat; c.lw a5, 12(a5))
RVT_END
  .data
  .align 4
wdat:
  .word 0x00ff00ff, 0xff00ff00, 0x80000000, 0x0ff00ff0
  .skip 108
  .byte 0x00, 0xff, 0x80, 0x7f
