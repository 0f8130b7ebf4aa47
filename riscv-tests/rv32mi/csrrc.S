// csrrc rd, csr, rs1 (Zicsr): rd = old csr; csr &= ~rs1.  With rs1 = x0
// nothing is written.  Uses mscratch.
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0xffffffff, li a1, -1; csrw mscratch, a1; li a1, 0x0000ff00; csrrc a0, mscratch, a1)
  TCASE(2, a0, 0xffff00ff, csrr a0, mscratch)
  TCASE(3, a0, 0xffff00ff, li a1, 0x80000001; csrrc a0, mscratch, a1)
  TCASE(4, a0, 0x7fff00fe, csrr a0, mscratch)
  // clearing bits that are already clear changes nothing
  TCASE(5, a0, 0x7fff00fe, li a1, 0x0000ff00; csrrc x0, mscratch, a1; csrr a0, mscratch)
  // rs1 = x0: read only
  TCASE(6, a0, 0x7fff00fe, csrrc a0, mscratch, x0)
  TCASE(7, a0, 0x7fff00fe, csrr a0, mscratch)
  // rd == rs1
  TCASE(8, a1, 0x7fff00fe, li a1, 0x0fff0000; csrrc a1, mscratch, a1)
  TCASE(9, a0, 0x700000fe, csrr a0, mscratch)
  // csrc alias
  TCASE(10, a0, 0x00000000, li a1, -1; csrc mscratch, a1; csrr a0, mscratch)
RVT_END
