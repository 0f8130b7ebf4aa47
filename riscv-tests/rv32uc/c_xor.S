// c.xor rd', rs2': rd' ^= rs2'
#include "rvt.h"
RVT_BEGIN
  TCASE(1, a0, 0x00000006, li a0, 0x00000005; li a1, 0x00000003; c.xor a0, a1)
  TCASE(2, a0, 0x00000001, li a0, 0x00000000; li a1, 0x00000001; c.xor a0, a1)
  TCASE(3, a0, 0x80000001, li a0, 0x80000000; li a1, 0x00000001; c.xor a0, a1)
  TCASE(4, a0, 0x80000000, li a0, 0x7fffffff; li a1, 0xffffffff; c.xor a0, a1)
  TCASE(5, a0, 0xf0f0f0f0, li a0, 0xff00ff00; li a1, 0x0ff00ff0; c.xor a0, a1)
  TCASE(6, a0, 0x88888888, li a0, 0x12345678; li a1, 0x9abcdef0; c.xor a0, a1)
  TCASE(7, s0, 0xd5004ee2, li s0, 0xdeadbeef; li a5, 0x0badf00d; c.xor s0, a5)
  TCASE(8, a5, 0xd5004ee2, li a5, 0x0badf00d; li s1, 0xdeadbeef; c.xor a5, s1)
  TCASE(9, a3, 0x00000000, li a3, 0xdeadbeef; c.xor a3, a3)
  TCASE(10, a1, 0x9abcdef0, nop)   // rs2' unchanged
RVT_END
