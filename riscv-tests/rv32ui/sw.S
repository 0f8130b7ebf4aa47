// sw: store a 32-bit word (little-endian).
#include "rvt.h"
#define TEST_SW(n, val, off) \
  TCASE(n, a0, val, la a1, sdat; li a2, val; sw a2, off(a1); lw a0, off(a1))
RVT_BEGIN
  TEST_SW(1, 0x00aa00aa, 0)
  TEST_SW(2, 0xaa00aa00, 4)
  TEST_SW(3, 0x0aa00aa0, 8)
  TEST_SW(4, 0xa00aa00a, 12)
  TEST_SW(5, 0x80000000, 16)
  TEST_SW(6, 0xffffffff, 20)
  // neighbouring words are untouched
  TCASE(7, a0, 0xa00aa00a, la a1, sdat; lw a0, 12(a1))
  TCASE(8, a0, 0xefefefef, la a1, sdat; lw a0, 24(a1))
  // negative offset
  TCASE(9, a0, 0x12345678, la a1, sdat + 32; li a2, 0x12345678; sw a2, -4(a1); lw a0, -4(a1))
  // byte order
  TCASE(10, a0, 0x00000078, la a1, sdat; lbu a0, 28(a1))
  TCASE(11, a0, 0x00000012, la a1, sdat; lbu a0, 31(a1))
  TCASE(12, a0, 0x00005678, la a1, sdat; lhu a0, 28(a1))
  // extreme offsets
  TCASE(13, a0, 0x0badcafe, la a1, sdat + 32 - 2044; li a2, 0x0badcafe; sw a2, 2044(a1); la a1, sdat; lw a0, 32(a1))
  TCASE(14, a0, 0xcafe0bad, la a1, sdat + 36 + 2048; li a2, 0xcafe0bad; sw a2, -2048(a1); la a1, sdat; lw a0, 36(a1))
  // x0 as source stores zero
  TCASE(15, a0, 0, la a1, sdat; sw x0, 40(a1); lw a0, 40(a1))
  // rs1 == rs2 stores the address itself
  TCASE(16, a0, 1, la a1, sdat + 44; sw a1, 0(a1); lw a0, 0(a1); sub a0, a0, a1; seqz a0, a0)
  // stores from the high registers
  TCASE(17, a0, 0x5a5a5a5a, la s11, sdat; li t6, 0x5a5a5a5a; sw t6, 48(s11); lw a0, 48(s11))
RVT_END
  .data
  .align 4
sdat:
  .rept 16
  .word 0xefefefef
  .endr
