// fence.i (Zifencei): after a store to instruction memory, fence.i makes the
// new instruction visible to instruction fetch on the same hart.
// The routine `patch` lives in .data; its first instruction is replaced by
// stores and then executed again.
#include "rvt.h"
RVT_BEGIN
  // original routine: a0 += 1
  TCASE(1, a0, 101, li a0, 100; la t3, patch; jalr ra, 0(t3))
  // replace its first instruction by "addi a0, a0, 2"
  CASE(2); la t3, patch; lw t4, insn_add2; sw t4, 0(t3); fence.i
  li a0, 100; jalr ra, 0(t3); CHECK_EQ(a0, 102)
  // and again, by "addi a0, a0, -5"
  CASE(3); la t3, patch; lw t4, insn_sub5; sw t4, 0(t3); fence.i
  li a0, 100; jalr ra, 0(t3); CHECK_EQ(a0, 95)
  // a routine built entirely at run time: copy "slli a0, a0, 3; ret"
  CASE(4); la t3, built; lw t4, insn_shl3; sw t4, 0(t3); lw t4, insn_ret; sw t4, 4(t3); fence.i
  li a0, 5; jalr ra, 0(t3); CHECK_EQ(a0, 40)
  // halfword store into an instruction: change the immediate of patch's
  // addi (bits 31:20 live in the upper halfword) to 0x7ff
  CASE(5); la t3, patch; lw t4, insn_add2; li t5, 0x7ff0; srli t4, t4, 16; andi t4, t4, 0xf; or t4, t4, t5; sh t4, 2(t3); fence.i
  li a0, 1; jalr ra, 0(t3); CHECK_EQ(a0, 0x800)
RVT_END
  .data
  .align 4
patch:
  addi a0, a0, 1
  ret
built:
  .word 0, 0
  // instruction templates (never executed here)
insn_add2:
  addi a0, a0, 2
insn_sub5:
  addi a0, a0, -5
insn_shl3:
  slli a0, a0, 3
insn_ret:
  ret
