// ebreak and c.ebreak: breakpoint trap, mcause = 3, mepc = address of the
// instruction (4 or 2 bytes long).
#include "rvt.h"
RVT_BEGIN
  SET_TRAP_HANDLER(handler)
  li s11, 0
  CASE(1); li t3, -1; 1: ebreak; la t0, 1b; CHECK_EQR(t4, t0); CHECK_EQ(t3, 3); CHECK_EQ(s11, 1)
  CASE(2); li a0, 0x77; ebreak; ebreak; CHECK_EQ(a0, 0x77); CHECK_EQ(s11, 3)
  // compressed form: 2 bytes long, resumes right after it
  CASE(3); li t3, -1
  .option push
  .option arch, +c
  1: c.ebreak
  2: c.nop          // keeps the following code 4-byte aligned
  .option pop
  la t0, 1b; CHECK_EQR(t4, t0); CHECK_EQ(t3, 3); la t0, 2b; sub t0, t0, t4; CHECK_EQ(t0, 2); CHECK_EQ(s11, 4)
  j done
  RVT_SKIPPING_HANDLER(handler)
done:
RVT_END
