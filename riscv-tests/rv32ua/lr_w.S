// lr.w: load a word and register a reservation on it.
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x12345678, la a1, ldat; lr.w a0, (a1))
  TCASE(2, a0, 0x80000001, la a1, ldat + 4; lr.w a0, (a1))
  TCASE(3, a0, 0xffffffff, la a1, ldat + 8; lr.w.aq a0, (a1))
  TCASE(4, a0, 0x7fffffff, la a1, ldat + 12; lr.w.aqrl a0, (a1))
  TCASE(5, a0, 0x80000001, la a1, ldat + 4; lr.w.rl a0, (a1))
  // rd == rs1
  TCASE(6, a1, 0x12345678, la a1, ldat; lr.w a1, (a1))
  // rd == x0 still registers the reservation: the following sc.w succeeds
  CASE(7); la a1, ldat + 16; lr.w x0, (a1); li a2, 0x77; sc.w a3, a2, (a1); CHECK_EQ(a3, 0); lw a0, 0(a1); CHECK_EQ(a0, 0x77)
  // lr.w does not write memory
  TCASE(8, a0, 0x12345678, la a1, ldat; lr.w t3, (a1); lw a0, 0(a1))
RVT_END
  .data
  .align 4
ldat:
  .word 0x12345678, 0x80000001, 0xffffffff, 0x7fffffff, 0
