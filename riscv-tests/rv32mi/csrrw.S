// csrrw rd, csr, rs1 (Zicsr): rd = old csr; csr = rs1.  Uses mscratch,
// a fully writable 32-bit machine-mode register.
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x12345678, li a1, 0x12345678; csrrw x0, mscratch, a1; csrrs a0, mscratch, x0)
  TCASE(2, a0, 0x12345678, li a1, 0xdeadbeef; csrrw a0, mscratch, a1)
  TCASE(3, a0, 0xdeadbeef, csrr a0, mscratch)
  // every bit is writable
  TCASE(4, a0, 0xffffffff, li a1, -1; csrw mscratch, a1; csrr a0, mscratch)
  TCASE(5, a0, 0x80000000, li a1, 0x80000000; csrw mscratch, a1; csrr a0, mscratch)
  TCASE(6, a0, 0x00000000, csrw mscratch, x0; csrr a0, mscratch)
  // rd == rs1: the old value lands in rd, the csr gets the old rs1
  TCASE(7, a1, 0x00000000, li a1, 0x55; csrrw a1, mscratch, a1)
  TCASE(8, a0, 0x00000055, csrr a0, mscratch)
  // rd = x0 still writes
  TCASE(9, a0, 0x00000077, li a1, 0x77; csrrw x0, mscratch, a1; csrr a0, mscratch)
  // high registers
  TCASE(10, t6, 0x00000077, li s10, 0x1234; csrrw t6, mscratch, s10)
  TCASE(11, a0, 0x00001234, csrr a0, mscratch)
RVT_END
