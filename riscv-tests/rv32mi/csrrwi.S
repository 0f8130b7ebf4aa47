// csrrwi rd, csr, uimm (Zicsr): rd = old csr; csr = zero-extended 5-bit
// immediate.  Uses mscratch.
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x0000001f, li a1, -1; csrw mscratch, a1; csrrwi x0, mscratch, 31; csrr a0, mscratch)
  TCASE(2, a0, 0x0000001f, csrrwi a0, mscratch, 16)
  TCASE(3, a0, 0x00000010, csrr a0, mscratch)
  TCASE(4, a0, 0x00000010, csrrwi a0, mscratch, 0)
  TCASE(5, a0, 0x00000000, csrr a0, mscratch)
  TCASE(6, a0, 0x00000000, csrrwi a0, mscratch, 1)
  TCASE(7, a0, 0x00000001, csrwi mscratch, 1; csrr a0, mscratch)
RVT_END
