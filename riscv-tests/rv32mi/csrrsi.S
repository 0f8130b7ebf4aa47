// csrrsi rd, csr, uimm (Zicsr): rd = old csr; csr |= zero-extended 5-bit
// immediate; uimm = 0 only reads.  Uses mscratch.
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x80000000, li a1, 0x80000000; csrw mscratch, a1; csrrsi a0, mscratch, 0)
  TCASE(2, a0, 0x80000000, csrrsi a0, mscratch, 0x11)
  TCASE(3, a0, 0x80000011, csrr a0, mscratch)
  TCASE(4, a0, 0x80000011, csrrsi a0, mscratch, 0x1f)
  TCASE(5, a0, 0x8000001f, csrr a0, mscratch)
  TCASE(6, a0, 0x8000001f, csrsi mscratch, 0x10; csrr a0, mscratch)
  TCASE(7, a0, 0x00000004, csrw mscratch, x0; csrsi mscratch, 4; csrr a0, mscratch)
RVT_END
