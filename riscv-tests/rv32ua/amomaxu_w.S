// amomaxu.w: atomically rd := mem[rs1]; mem := max(mem, rs2), unsigned.
#include "rvt.h"
// mem := init; inst a0, rs2=src, (a1); expect a0 == init and mem == newmem
#define TEST_AMO(n, inst, init, src, newmem)                          \
  CASE(n); la a1, adat; li t3, init; sw t3, 0(a1); li a2, src;        \
  inst a0, a2, (a1); CHECK_EQ(a0, init); lw a3, 0(a1); CHECK_EQ(a3, newmem)
RVT_BEGIN
  TEST_AMO(1, amomaxu.w, 0x00000000, 0x00000000, 0x00000000)
  TEST_AMO(2, amomaxu.w, 0x00000001, 0x00000001, 0x00000001)
  TEST_AMO(3, amomaxu.w, 0xffff8000, 0x00000800, 0xffff8000)
  TEST_AMO(4, amomaxu.w, 0x80000000, 0xfffff800, 0xfffff800)
  TEST_AMO(5, amomaxu.w, 0x7fffffff, 0x00000001, 0x7fffffff)
  TEST_AMO(6, amomaxu.w, 0xffffffff, 0x00000001, 0xffffffff)
  TEST_AMO(7, amomaxu.w, 0x00000001, 0xffffffff, 0xffffffff)
  TEST_AMO(8, amomaxu.w, 0x80000000, 0x7fffffff, 0x80000000)
  TEST_AMO(9, amomaxu.w, 0x7fffffff, 0x80000000, 0x80000000)
  TEST_AMO(10, amomaxu.w, 0xffffffff, 0x80000000, 0xffffffff)
  TEST_AMO(11, amomaxu.w, 0x12345678, 0x9abcdef0, 0x9abcdef0)
  TEST_AMO(12, amomaxu.w, 0xdeadbeef, 0x0badf00d, 0xdeadbeef)
  TEST_AMO(13, amomaxu.w, 0x00000000, 0xffffffff, 0xffffffff)
  TEST_AMO(14, amomaxu.w, 0xfffffffe, 0xffffffff, 0xffffffff)
  TEST_AMO(15, amomaxu.w, 0x00000005, 0x00000005, 0x00000005)
  // ordering bits do not change the result
  TEST_AMO(16, amomaxu.w.aq, 0x0f0f0f0f, 0xf0f0f0f1, 0xf0f0f0f1)
  TEST_AMO(17, amomaxu.w.rl, 0x0f0f0f0f, 0xf0f0f0f1, 0xf0f0f0f1)
  TEST_AMO(18, amomaxu.w.aqrl, 0x0f0f0f0f, 0xf0f0f0f1, 0xf0f0f0f1)
  // rd == rs2: the old value lands in rd, the operation used the old rs2
  CASE(19); la a1, adat; li t3, 0x80000003; sw t3, 0(a1); li a2, 0x00000005; amomaxu.w a2, a2, (a1); CHECK_EQ(a2, 0x80000003); lw a3, 0(a1); CHECK_EQ(a3, 0x80000003)
  // rd == x0: memory still updated
  CASE(20); la a1, adat; li t3, 0x80000003; sw t3, 0(a1); li a2, 0x00000005; amomaxu.w x0, a2, (a1); CHECK_EQ(x0, 0); lw a3, 0(a1); CHECK_EQ(a3, 0x80000003)
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
