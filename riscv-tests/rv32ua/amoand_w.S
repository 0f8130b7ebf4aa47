// amoand.w: atomically rd := mem[rs1]; mem := mem & rs2.
#include "rvt.h"
// mem := init; inst a0, rs2=src, (a1); expect a0 == init and mem == newmem
#define TEST_AMO(n, inst, init, src, newmem)                          \
  CASE(n); la a1, adat; li t3, init; sw t3, 0(a1); li a2, src;        \
  inst a0, a2, (a1); CHECK_EQ(a0, init); lw a3, 0(a1); CHECK_EQ(a3, newmem)
RVT_BEGIN
  TEST_AMO(1, amoand.w, 0x00000000, 0x00000000, 0x00000000)
  TEST_AMO(2, amoand.w, 0x00000001, 0x00000001, 0x00000001)
  TEST_AMO(3, amoand.w, 0xffff8000, 0x00000800, 0x00000000)
  TEST_AMO(4, amoand.w, 0x80000000, 0xfffff800, 0x80000000)
  TEST_AMO(5, amoand.w, 0x7fffffff, 0x00000001, 0x00000001)
  TEST_AMO(6, amoand.w, 0xffffffff, 0x00000001, 0x00000001)
  TEST_AMO(7, amoand.w, 0x00000001, 0xffffffff, 0x00000001)
  TEST_AMO(8, amoand.w, 0x80000000, 0x7fffffff, 0x00000000)
  TEST_AMO(9, amoand.w, 0x7fffffff, 0x80000000, 0x00000000)
  TEST_AMO(10, amoand.w, 0xffffffff, 0x80000000, 0x80000000)
  TEST_AMO(11, amoand.w, 0x12345678, 0x9abcdef0, 0x12345670)
  TEST_AMO(12, amoand.w, 0xdeadbeef, 0x0badf00d, 0x0aadb00d)
  TEST_AMO(13, amoand.w, 0x00000000, 0xffffffff, 0x00000000)
  TEST_AMO(14, amoand.w, 0xfffffffe, 0xffffffff, 0xfffffffe)
  TEST_AMO(15, amoand.w, 0x00000005, 0x00000005, 0x00000005)
  // ordering bits do not change the result
  TEST_AMO(16, amoand.w.aq, 0x0f0f0f0f, 0xf0f0f0f1, 0x00000001)
  TEST_AMO(17, amoand.w.rl, 0x0f0f0f0f, 0xf0f0f0f1, 0x00000001)
  TEST_AMO(18, amoand.w.aqrl, 0x0f0f0f0f, 0xf0f0f0f1, 0x00000001)
  // rd == rs2: the old value lands in rd, the operation used the old rs2
  CASE(19); la a1, adat; li t3, 0x80000003; sw t3, 0(a1); li a2, 0x00000005; amoand.w a2, a2, (a1); CHECK_EQ(a2, 0x80000003); lw a3, 0(a1); CHECK_EQ(a3, 0x00000001)
  // rd == x0: memory still updated
  CASE(20); la a1, adat; li t3, 0x80000003; sw t3, 0(a1); li a2, 0x00000005; amoand.w x0, a2, (a1); CHECK_EQ(x0, 0); lw a3, 0(a1); CHECK_EQ(a3, 0x00000001)
  // the neighbouring words are untouched
  TCASE(21, a3, 0x5a5a5a5a, la a1, adat; lw a3, 4(a1))
  TCASE(22, a3, 0x5a5a5a5a, la a1, adat; lw a3, -4(a1))
RVT_END
  .data
  .align 4
  .word 0x5a5a5a5a
adat:
  .word 0
  .word 0x5a5a5a5a
