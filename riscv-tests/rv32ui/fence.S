// fence: memory ordering.  On a single hart it has no visible effect other
// than letting every instruction around it complete normally.
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x1234, la a1, fdat; li a2, 0x1234; sw a2, 0(a1); fence; lw a0, 0(a1))
  TCASE(2, a0, 0x5678, la a1, fdat; li a2, 0x5678; sw a2, 4(a1); fence w, r; lw a0, 4(a1))
  TCASE(3, a0, 0x9abc, la a1, fdat; li a2, 0x9abc; sw a2, 8(a1); fence rw, rw; lw a0, 8(a1))
  TCASE(4, a0, 0x9abc, la a1, fdat; fence r, r; lw a0, 8(a1); fence w, w)
  TCASE(5, a0, 0xdef0, la a1, fdat; li a2, 0xdef0; sw a2, 12(a1); fence iorw, iorw; lw a0, 12(a1))
  TCASE(6, a0, 0x1111, la a1, fdat; li a2, 0x1111; sw a2, 16(a1); fence.tso; lw a0, 16(a1))
  // registers are untouched
  TCASE(7, a2, 0x1111, fence; fence i, o; fence o, i)
RVT_END
  .data
  .align 4
fdat:
  .word 0, 0, 0, 0, 0
