// c.swsp rs2, uimm(sp): store word relative to sp, offset a multiple of 4 in [0, 252]
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x12345678, la sp, sdat; li a2, 0x12345678; c.swsp a2, 0(sp); lw a0, 0(sp))
  TCASE(2, a0, 0x9abcdef0, la sp, sdat; li t6, 0x9abcdef0; c.swsp t6, 252(sp); lw a0, 252(sp))
  TCASE(3, a0, 0xefefefef, la sp, sdat; lw a0, 248(sp))
  TCASE(4, a0, 0, la sp, sdat; c.swsp x0, 4(sp); lw a0, 4(sp))
  TCASE(5, a0, 1, la sp, sdat; c.swsp sp, 8(sp); lw a0, 8(sp); sub a0, a0, sp; seqz a0, a0)
RVT_END
  .data
  .align 4
sdat:
  .rept 64
  .word 0xefefefef
  .endr
