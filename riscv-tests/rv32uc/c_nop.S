// c.nop: no operation; also moves later code to a 2-byte boundary
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 5, li a0, 5; c.nop)
  TCASE(2, a0, 5, c.nop; c.nop; c.nop)
  // a 32-bit instruction at an address that is 2 mod 4
  CASE(3); .balign 4; c.nop; .option push; .option norvc; 1: addi a0, a0, 1; jal a1, 2f; .option pop
  2: la t0, 1b; sub a1, a1, t0; CHECK_EQ(a1, 8); CHECK_EQ(a0, 6); andi t0, t0, 3; CHECK_EQ(t0, 2)
RVT_END
