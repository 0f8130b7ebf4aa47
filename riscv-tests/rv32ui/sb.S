// sb: store the low byte of rs2; the other bytes of the word are unchanged.
// Every case uses its own word of sdat (initially 0xefefefef).
#include "rvt.h"
// store val at byte offset off of word w, then check the whole word
#define TEST_SB(n, val, w, off, word) \
  TCASE(n, a0, word, la a1, sdat + 4 * (w); li a2, val; sb a2, off(a1); lw a0, 0(a1))
RVT_BEGIN
  TEST_SB(1, 0x000000aa, 0, 0, 0xefefefaa)
  TEST_SB(2, 0x000000aa, 1, 1, 0xefefaaef)
  TEST_SB(3, 0x000000aa, 2, 2, 0xefaaefef)
  TEST_SB(4, 0x000000aa, 3, 3, 0xaaefefef)
  // only bits 7:0 are stored
  TEST_SB(5, 0x12345678, 4, 0, 0xefefef78)
  TEST_SB(6, 0xffffff00, 5, 3, 0x00efefef)
  TEST_SB(7, 0xffffffff, 6, 1, 0xefefffef)
  // negative offset
  TEST_SB(8, 0x00000055, 8, -1, 0xefefefef)
  TCASE(9, a0, 0x55efefef, la a1, sdat + 28; lw a0, 0(a1))
  // store then load back with lb / lbu
  TCASE(10, a0, 0xffffff80, la a1, sdat + 36; li a2, 0x80; sb a2, 2(a1); lb a0, 2(a1))
  TCASE(11, a0, 0x00000080, la a1, sdat + 36; lbu a0, 2(a1))
  // extreme offsets
  TCASE(12, a0, 0xef11efef, la a1, sdat + 40 - 2045; li a2, 0x11; sb a2, 2047(a1); la a1, sdat + 40; lw a0, 0(a1))
  TCASE(13, a0, 0x22efefef, la a1, sdat + 44 + 2051; li a2, 0x22; sb a2, -2048(a1); la a1, sdat + 44; lw a0, 0(a1))
  // x0 as source stores zero
  TCASE(14, a0, 0xefef00ef, la a1, sdat + 48; sb x0, 1(a1); lw a0, 0(a1))
  // rs1 == rs2: stores the low byte of the address
  TCASE(15, a0, 1, la a1, sdat + 52; sb a1, 0(a1); lbu a0, 0(a1); andi t0, a1, 0xff; sub a0, a0, t0; seqz a0, a0)
RVT_END
  .data
  .align 4
sdat:
  .rept 16
  .word 0xefefefef
  .endr
