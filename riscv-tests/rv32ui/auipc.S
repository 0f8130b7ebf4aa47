// auipc: rd = pc + (imm20 << 12).  The pc is found independently through
// the link register written by jal (pc of the next instruction).
#include "rvt.h"
RVT_BEGIN
  CASE(1); jal a3, 1f; 1: auipc a0, 0; CHECK_EQR(a0, a3)
  CASE(2); jal a3, 1f; 1: auipc a0, 1; li t0, 0x1000; add a3, a3, t0; CHECK_EQR(a0, a3)
  CASE(3); jal a3, 1f; 1: auipc a0, 0xfffff; li t0, -0x1000; add a3, a3, t0; CHECK_EQR(a0, a3)
  // the sum wraps modulo 2^32 (code runs at 0x80000000+)
  CASE(4); jal a3, 1f; 1: auipc a0, 0x80000; li t0, 0x80000000; add a3, a3, t0; CHECK_EQR(a0, a3)
  CASE(5); jal a3, 1f; 1: auipc a0, 0x12345; li t0, 0x12345000; add a3, a3, t0; CHECK_EQR(a0, a3)
  // two auipc in a row differ by 4
  CASE(6); auipc a0, 0; auipc a1, 0; sub a2, a1, a0; CHECK_EQ(a2, 4)
  CASE(7); jal a3, 1f; 1: auipc t6, 0; CHECK_EQR(t6, a3)
  TCASE(8, x0, 0, auipc x0, 0x12345)
RVT_END
