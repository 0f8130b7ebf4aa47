// c.sw rs2', uimm(rs1'): store word, offset a multiple of 4 in [0, 124]
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x12345678, la a1, sdat; li a2, 0x12345678; c.sw a2, 0(a1); lw a0, 0(a1))
  TCASE(2, a0, 0x9abcdef0, la a1, sdat; li a2, 0x9abcdef0; c.sw a2, 124(a1); lw a0, 124(a1))
  TCASE(3, a0, 0xefefefef, la a1, sdat; lw a0, 120(a1))
  TCASE(4, a0, 0x80000001, la s0, sdat; li a5, 0x80000001; c.sw a5, 8(s0); lw a0, 8(s0))
  // rs2' == rs1': stores the address
  TCASE(5, a0, 1, la a3, sdat; c.sw a3, 12(a3); lw a0, 12(a3); sub a0, a0, a3; seqz a0, a0)
RVT_END
  .data
  .align 4
sdat:
  .rept 32
  .word 0xefefefef
  .endr
