// c.addi16sp: sp += nzimm, a multiple of 16 in [-512, 496]
#include "rvt.h"
RVT_BEGIN
  TCASE(1, sp, 0x00001010, li sp, 0x1000; c.addi16sp sp, 16)
  TCASE(2, sp, 0x00000e00, li sp, 0x1000; c.addi16sp sp, -512)
  TCASE(3, sp, 0x000011f0, li sp, 0x1000; c.addi16sp sp, 496)
  TCASE(4, sp, 0x00000ff0, li sp, 0x1000; c.addi16sp sp, -16)
  TCASE(5, sp, 0x00000000, li sp, 0xfffffe00; c.addi16sp sp, 496; c.addi16sp sp, 16)
RVT_END
