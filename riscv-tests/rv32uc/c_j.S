// c.j offset: pc += sign-extended offset (+-2 KiB), no link
#include "rvt.h"
RVT_BEGIN
  CASE(1); li ra, 0; c.j 1f; FAIL_CASE; 1: CHECK_EQ(ra, 0)
  CASE(2); li a0, 0; c.j 2f; 1: li a0, 9; c.j 3f; 2: c.j 1b; FAIL_CASE; 3: CHECK_EQ(a0, 9)
  // targets at both halfword alignments
  CASE(3); .balign 4; c.j 1f; c.nop; FAIL_CASE; .balign 4; c.nop; 1: c.j 2f; FAIL_CASE; .balign 4; 2:
  // far targets
  CASE(4); c.j 1f; .skip 2000; 1: c.j 2f; 3: c.j 4f; .skip 1000; 2: c.j 3b; FAIL_CASE; 4:
RVT_END
