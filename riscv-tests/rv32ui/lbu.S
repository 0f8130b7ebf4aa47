// lbu: load a byte and zero-extend it.
#include "rvt.h"
#define TEST_LD(n, inst, res, off, base) \
  TCASE(n, a0, res, la a1, base; inst a0, off(a1))
RVT_BEGIN
  TEST_LD(1, lbu, 0x00000000, 0, bdat)
  TEST_LD(2, lbu, 0x000000ff, 1, bdat)
  TEST_LD(3, lbu, 0x00000080, 2, bdat)
  TEST_LD(4, lbu, 0x0000007f, 3, bdat)
  TEST_LD(5, lbu, 0x00000001, 4, bdat)
  TEST_LD(6, lbu, 0x000000fe, 5, bdat)
  TEST_LD(7, lbu, 0x0000005a, 6, bdat)
  TEST_LD(8, lbu, 0x000000a5, 7, bdat)
  TEST_LD(9, lbu, 0x000000a5, -1, bdat_end)
  TEST_LD(10, lbu, 0x00000000, -8, bdat_end)
  TEST_LD(11, lbu, 0x00000080, -6, bdat_end)
  TCASE(12, a0, 0x000000ff, la a1, bdat; addi a1, a1, -2046; lbu a0, 2047(a1))
  TCASE(13, a0, 0x00000080, la a1, bdat; li t0, 2050; add a1, a1, t0; lbu a0, -2048(a1))
  TCASE(14, a1, 0x000000fe, la a1, bdat; lbu a1, 5(a1))
  TCASE(15, x0, 0, la a1, bdat; lbu x0, 1(a1))
RVT_END
  .data
  .align 4
bdat:
  .byte 0x00, 0xff, 0x80, 0x7f, 0x01, 0xfe, 0x5a, 0xa5
bdat_end:
