// csrrs rd, csr, rs1 (Zicsr): rd = old csr; csr |= rs1.  With rs1 = x0
// the csr is only read (csrr).  Uses mscratch.
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x0000f0f0, li a1, 0x0000f0f0; csrw mscratch, a1; csrrs a0, mscratch, x0)
  TCASE(2, a0, 0x0000f0f0, li a1, 0x0f0f0000; csrrs a0, mscratch, a1)
  TCASE(3, a0, 0x0f0ff0f0, csrr a0, mscratch)
  TCASE(4, a0, 0x0f0ff0f0, li a1, 0x80000001; csrrs a0, mscratch, a1)
  TCASE(5, a0, 0x8f0ff0f1, csrr a0, mscratch)
  // setting bits that are already set changes nothing
  TCASE(6, a0, 0x8f0ff0f1, li a1, 0x0000f0f0; csrrs x0, mscratch, a1; csrr a0, mscratch)
  // rd == rs1
  TCASE(7, a1, 0x8f0ff0f1, li a1, 0x70000000; csrrs a1, mscratch, a1)
  TCASE(8, a0, 0xff0ff0f1, csrr a0, mscratch)
  // rs1 = x0 does not write (the value stays)
  TCASE(9, a0, 0xff0ff0f1, csrrs x0, mscratch, x0; csrrs a0, mscratch, x0)
  // csrs alias
  TCASE(10, a0, 0xffffffff, li a1, -1; csrs mscratch, a1; csrr a0, mscratch)
RVT_END
