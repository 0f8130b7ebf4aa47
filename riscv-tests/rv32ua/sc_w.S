// sc.w: store rs2 only if the reservation of the preceding lr.w is still
// held; rd := 0 on success, 1 (unspecified failure) otherwise.  Every sc.w
// invalidates the reservation, whether it succeeds or not.
#include "rvt.h"
RVT_BEGIN
  // no reservation at all: fails and does not write memory
  CASE(1); la a1, sdat; li a2, 0x11; sc.w a3, a2, (a1); CHECK_EQ(a3, 1); lw a0, 0(a1); CHECK_EQ(a0, 0x0badf00d)
  // lr.w then sc.w: succeeds
  CASE(2); la a1, sdat; lr.w a0, (a1); CHECK_EQ(a0, 0x0badf00d); li a2, 0x22; sc.w a3, a2, (a1); CHECK_EQ(a3, 0); lw a0, 0(a1); CHECK_EQ(a0, 0x22)
  // the reservation is consumed: a second sc.w fails
  CASE(3); li a2, 0x33; sc.w a3, a2, (a1); CHECK_EQ(a3, 1); lw a0, 0(a1); CHECK_EQ(a0, 0x22)
  // a failed sc.w also consumes nothing more: still failing
  CASE(4); li a2, 0x44; sc.w a3, a2, (a1); CHECK_EQ(a3, 1); lw a0, 0(a1); CHECK_EQ(a0, 0x22)
  // ordering variants
  CASE(5); la a1, sdat; lr.w.aq a0, (a1); li a2, 0x55; sc.w.rl a3, a2, (a1); CHECK_EQ(a3, 0); lw a0, 0(a1); CHECK_EQ(a0, 0x55)
  CASE(6); la a1, sdat; lr.w.aqrl a0, (a1); li a2, 0x66; sc.w.aqrl a3, a2, (a1); CHECK_EQ(a3, 0); lw a0, 0(a1); CHECK_EQ(a0, 0x66)
  CASE(7); la a1, sdat; lr.w a0, (a1); li a2, 0x77; sc.w.aq a3, a2, (a1); CHECK_EQ(a3, 0); lw a0, 0(a1); CHECK_EQ(a0, 0x77)
  // rd == rs2: the old rs2 is stored, then rd := 0
  CASE(8); la a1, sdat; lr.w a0, (a1); li a2, 0x88; sc.w a2, a2, (a1); CHECK_EQ(a2, 0); lw a0, 0(a1); CHECK_EQ(a0, 0x88)
  // rd == x0
  CASE(9); la a1, sdat; lr.w a0, (a1); li a2, 0x99; sc.w x0, a2, (a1); CHECK_EQ(x0, 0); lw a0, 0(a1); CHECK_EQ(a0, 0x99)
  // the classic atomic increment loop, 100 times
  CASE(10); la a1, sdat + 4; li t3, 100
1:lr.w a0, (a1); addi a0, a0, 1; sc.w a3, a0, (a1); bnez a3, 1b; addi t3, t3, -1; bnez t3, 1b
  lw a0, 0(a1); CHECK_EQ(a0, 100)
  // compare-and-swap built from lr/sc: mismatch leaves memory alone
  CASE(11); la a1, sdat + 8; li a4, 5; li a5, 9
1:lr.w a0, (a1); bne a0, a4, 2f; sc.w a3, a5, (a1); bnez a3, 1b
2:lw a0, 0(a1); CHECK_EQ(a0, 7)
  // match: memory swapped
  CASE(12); la a1, sdat + 8; li a4, 7; li a5, 9
1:lr.w a0, (a1); bne a0, a4, 2f; sc.w a3, a5, (a1); bnez a3, 1b
2:lw a0, 0(a1); CHECK_EQ(a0, 9)
  // the successful sc.w of case 12 consumed the reservation
  CASE(13); la a1, sdat + 8; li a2, 0x1234; sc.w a3, a2, (a1); CHECK_EQ(a3, 1); lw a0, 0(a1); CHECK_EQ(a0, 9)
RVT_END
  .data
  .align 4
sdat:
  .word 0x0badf00d, 0, 7
