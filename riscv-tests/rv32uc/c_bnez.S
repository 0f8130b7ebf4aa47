// c.bnez rs1', offset: branch if rs1' != 0 (+-256 bytes)
#include "rvt.h"
RVT_BEGIN
  CASE(1); li a0, 0x00000000; c.bnez a0, 1f; j 2f; 1: FAIL_CASE; 2:
  CASE(2); li a0, 0x00000001; c.bnez a0, 1f; FAIL_CASE; 1:
  CASE(3); li a0, 0xffffffff; c.bnez a0, 1f; FAIL_CASE; 1:
  CASE(4); li a0, 0x80000000; c.bnez a0, 1f; FAIL_CASE; 1:
  CASE(5); li s0, 0x00000000; c.bnez s0, 1f; j 2f; 1: FAIL_CASE; 2:
  CASE(6); li a5, 0x00000100; c.bnez a5, 1f; FAIL_CASE; 1:
  CASE(7); li s1, 0x00000000; c.bnez s1, 1f; j 2f; 1: FAIL_CASE; 2:
  // backward
  CASE(8); li a0, 7; j 2f; 1: j 3f; 2: c.bnez a0, 1b; FAIL_CASE; 3:
  // near the +-256 byte limit
  CASE(9); li a0, 7; c.bnez a0, 1f; FAIL_CASE; .skip 240; 1:
RVT_END
