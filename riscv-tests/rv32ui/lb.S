// lb: load a byte and sign-extend it.
#include "rvt.h"
#define TEST_LD(n, inst, res, off, base) \
  TCASE(n, a0, res, la a1, base; inst a0, off(a1))
RVT_BEGIN
  TEST_LD(1, lb, 0x00000000, 0, bdat)
  TEST_LD(2, lb, 0xffffffff, 1, bdat)
  TEST_LD(3, lb, 0xffffff80, 2, bdat)
  TEST_LD(4, lb, 0x0000007f, 3, bdat)
  TEST_LD(5, lb, 0x00000001, 4, bdat)
  TEST_LD(6, lb, 0xfffffffe, 5, bdat)
  TEST_LD(7, lb, 0x0000005a, 6, bdat)
  TEST_LD(8, lb, 0xffffffa5, 7, bdat)
  // negative offsets
  TEST_LD(9, lb, 0xffffffa5, -1, bdat_end)
  TEST_LD(10, lb, 0x00000000, -8, bdat_end)
  TEST_LD(11, lb, 0xffffff80, -6, bdat_end)
  // extreme offsets
  TCASE(12, a0, 0xffffffff, la a1, bdat; addi a1, a1, -2046; lb a0, 2047(a1))
  TCASE(13, a0, 0xffffff80, la a1, bdat; li t0, 2050; add a1, a1, t0; lb a0, -2048(a1))
  // rd == rs1, rd == x0
  TCASE(14, a1, 0x0000007f, la a1, bdat; lb a1, 3(a1))
  TCASE(15, x0, 0, la a1, bdat; lb x0, 1(a1))
RVT_END
  .data
  .align 4
bdat:
  .byte 0x00, 0xff, 0x80, 0x7f, 0x01, 0xfe, 0x5a, 0xa5
bdat_end:
