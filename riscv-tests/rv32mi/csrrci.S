// csrrci rd, csr, uimm (Zicsr): rd = old csr; csr &= ~zero-extended 5-bit
// immediate; uimm = 0 only reads.  Uses mscratch.
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0xffffffff, li a1, -1; csrw mscratch, a1; csrrci a0, mscratch, 0)
  TCASE(2, a0, 0xffffffff, csrrci a0, mscratch, 0x11)
  TCASE(3, a0, 0xffffffee, csrr a0, mscratch)
  TCASE(4, a0, 0xffffffee, csrrci a0, mscratch, 0x1f)
  TCASE(5, a0, 0xffffffe0, csrr a0, mscratch)
  TCASE(6, a0, 0xffffffe0, csrci mscratch, 0x10; csrr a0, mscratch)
  TCASE(7, a0, 0x00000020, li a1, 0x30; csrw mscratch, a1; csrci mscratch, 0x1f; csrr a0, mscratch)
RVT_END
