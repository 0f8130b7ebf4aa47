// c.sub rd', rs2': rd' -= rs2'
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x00000002, li a0, 0x00000005; li a1, 0x00000003; c.sub a0, a1)
  TCASE(2, a0, 0xffffffff, li a0, 0x00000000; li a1, 0x00000001; c.sub a0, a1)
  TCASE(3, a0, 0x7fffffff, li a0, 0x80000000; li a1, 0x00000001; c.sub a0, a1)
  TCASE(4, a0, 0x80000000, li a0, 0x7fffffff; li a1, 0xffffffff; c.sub a0, a1)
  TCASE(5, a0, 0xef10ef10, li a0, 0xff00ff00; li a1, 0x0ff00ff0; c.sub a0, a1)
  TCASE(6, a0, 0x77777788, li a0, 0x12345678; li a1, 0x9abcdef0; c.sub a0, a1)
  TCASE(7, s0, 0xd2ffcee2, li s0, 0xdeadbeef; li a5, 0x0badf00d; c.sub s0, a5)
  TCASE(8, a5, 0x2d00311e, li a5, 0x0badf00d; li s1, 0xdeadbeef; c.sub a5, s1)
  TCASE(9, a3, 0x00000000, li a3, 0xdeadbeef; c.sub a3, a3)
  TCASE(10, a1, 0x9abcdef0, nop)   // rs2' unchanged
RVT_END
