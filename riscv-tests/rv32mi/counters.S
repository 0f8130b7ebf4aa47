// cycle / instret (and their machine-mode names mcycle / minstret, with the
// upper halves cycleh / instreth): 64-bit counters that only move forward.
// instret counts retired instructions, so a loop of N iterations of two
// instructions advances it by at least 2N.
#include "rvt.h"
// read a 64-bit counter consistently into (hi, lo)
#define RD64(hi, lo, csr, csrh) 7740: csrr hi, csrh; csrr lo, csr; csrr t0, csrh; bne hi, t0, 7740b
// fail unless (hi2,lo2) > (hi1,lo1)
#define CHECK_GT64(hi1, lo1, hi2, lo2) \
  bltu hi1, hi2, 7741f; bne hi1, hi2, 7742f; bltu lo1, lo2, 7741f; 7742: j rvt_fail; 7741:
RVT_BEGIN
  CASE(1); rdcycle a0; li t3, 100; 1: addi t3, t3, -1; bnez t3, 1b; rdcycle a1; sub a2, a1, a0; bnez a2, 2f; FAIL_CASE; 2:
  CASE(2); rdinstret a0; li t3, 1000; 1: addi t3, t3, -1; bnez t3, 1b; rdinstret a1; sub a2, a1, a0; li t0, 2000; bgeu a2, t0, 2f; FAIL_CASE; 2:
  CASE(3); RD64(a0, a1, cycle, cycleh); nop; nop; RD64(a2, a3, cycle, cycleh); CHECK_GT64(a0, a1, a2, a3)
  CASE(4); RD64(a0, a1, instret, instreth); nop; nop; RD64(a2, a3, instret, instreth); CHECK_GT64(a0, a1, a2, a3)
  CASE(5); RD64(a0, a1, mcycle, mcycleh); nop; nop; RD64(a2, a3, mcycle, mcycleh); CHECK_GT64(a0, a1, a2, a3)
  CASE(6); RD64(a0, a1, minstret, minstreth); li t3, 10; 1: addi t3, t3, -1; bnez t3, 1b; RD64(a2, a3, minstret, minstreth); CHECK_GT64(a0, a1, a2, a3)
  // the user-level names read the same counters as the machine-level ones
  CASE(7); csrr a0, mcycle; rdcycle a1; sub a2, a1, a0; li t0, 0x7fffffff; bltu a2, t0, 2f; FAIL_CASE; 2:
  CASE(8); csrr a0, minstret; rdinstret a1; sub a2, a1, a0; bnez a2, 2f; FAIL_CASE; 2: li t0, 0x7fffffff; bltu a2, t0, 3f; FAIL_CASE; 3:
RVT_END
