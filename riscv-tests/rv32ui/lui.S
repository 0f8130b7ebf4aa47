// lui: rd = imm20 << 12, low 12 bits zero.
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x00000000, li a0, -1; lui a0, 0)
  TCASE(2, a0, 0xfffff000, lui a0, 0xfffff)
  TCASE(3, a0, 0x7ffff000, lui a0, 0x7ffff)
  TCASE(4, a0, 0x80000000, lui a0, 0x80000)
  TCASE(5, a0, 0x12345000, li a0, 0xfff; lui a0, 0x12345)
  TCASE(6, a0, 0x00001000, lui a0, 1)
  // lui + addi builds any constant; addi's immediate is sign-extended
  TCASE(7, a0, 0x12344fff, lui a0, 0x12345; addi a0, a0, -1)
  TCASE(8, a0, 0xfffff800, lui a0, 0xfffff; srai a0, a0, 1)
  TCASE(9, t6, 0xabcde000, lui t6, 0xabcde)
  TCASE(10, x0, 0, lui x0, 0x80000)
RVT_END
