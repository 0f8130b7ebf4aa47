// lw: load a little-endian 32-bit word.
#include "rvt.h"
#define TEST_LD(n, inst, res, off, base) \
  TCASE(n, a0, res, la a1, base; inst a0, off(a1))
RVT_BEGIN
  TEST_LD(1, lw, 0x00ff00ff, 0, wdat)
  TEST_LD(2, lw, 0xff00ff00, 4, wdat)
  TEST_LD(3, lw, 0x0ff00ff0, 8, wdat)
  TEST_LD(4, lw, 0xf00ff00f, 12, wdat)
  TEST_LD(5, lw, 0x80000000, 16, wdat)
  TEST_LD(6, lw, 0x7fffffff, 20, wdat)
  // byte order: bytes 00 ff 80 7f at increasing addresses
  TEST_LD(7, lw, 0x7f80ff00, 24, wdat)
  TEST_LD(8, lw, 0x7f80ff00, -4, wdat_end)
  TEST_LD(9, lw, 0x00ff00ff, -28, wdat_end)
  TCASE(10, a0, 0xff00ff00, la a1, wdat; addi a1, a1, -2043; lw a0, 2047(a1))
  TCASE(11, a0, 0x80000000, la a1, wdat; li t0, 2064; add a1, a1, t0; lw a0, -2048(a1))
  TCASE(12, a1, 0x0ff00ff0, la a1, wdat; lw a1, 8(a1))
  TCASE(13, x0, 0, la a1, wdat; lw x0, 4(a1))
  // load into the high registers
  TCASE(14, t6, 0xf00ff00f, la s11, wdat; lw t6, 12(s11))
RVT_END
  .data
  .align 4
wdat:
  .word 0x00ff00ff, 0xff00ff00, 0x0ff00ff0, 0xf00ff00f, 0x80000000, 0x7fffffff
  .byte 0x00, 0xff, 0x80, 0x7f
wdat_end:
