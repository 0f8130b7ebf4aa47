// c.addi4spn rd', sp, nzuimm: rd' = sp + zero-extended multiple of 4 in [4, 1020]
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x00001004, li sp, 0x1000; c.addi4spn a0, sp, 4)
  TCASE(2, a0, 0x000013fc, li sp, 0x1000; c.addi4spn a0, sp, 1020)
  TCASE(3, s0, 0x00000100, li sp, 0; c.addi4spn s0, sp, 256)
  TCASE(4, a5, 0x00000010, li sp, 0xfffffff0; c.addi4spn a5, sp, 32)
  TCASE(5, sp, 0x00002000, li sp, 0x2000; c.addi4spn s1, sp, 8)
  TCASE(6, s1, 0x00002008, nop)
RVT_END
