// fcsr (Zicsr + F): fcsr = frm[7:5] | fflags[4:0]; fflags and frm are views
// of the same register.  Bits 31:8 are reserved: writes ignored, read zero.
// Exception flags accumulate and never trap.
#include "rvt.h"
RVT_BEGIN_FP
  TCASE(1, a0, 0, csrr a0, fcsr)
  TCASE(2, a0, 0x9f, li a1, 0x9f; csrw fcsr, a1; csrr a0, fcsr)
  TCASE(3, a0, 0x1f, csrr a0, fflags)
  TCASE(4, a0, 4, csrr a0, frm)
  // reserved bits ignored
  TCASE(5, a0, 0xff, li a1, 0xffffffff; csrw fcsr, a1; csrr a0, fcsr)
  TCASE(6, a0, 7, csrr a0, frm)
  // writing fflags leaves frm alone, and only 5 bits are kept
  TCASE(7, a0, 0x45, li a1, 0x40; csrw fcsr, a1; li a1, 0xe5; csrw fflags, a1; csrr a0, fcsr)
  TCASE(8, a0, 0x05, csrr a0, fflags)
  // writing frm leaves fflags alone
  TCASE(9, a0, 0x65, csrwi frm, 3; csrr a0, fcsr)
  TCASE(10, a0, 3, csrr a0, frm)
  // csrrw returns the old value
  TCASE(11, a0, 0x05, li a1, 0x1a; csrrw a0, fflags, a1)
  TCASE(12, a0, 0x7a, csrr a0, fcsr)
  TCASE(13, a0, 3, csrrwi a0, frm, 1)
  TCASE(14, a0, 0x3a, csrr a0, fcsr)
  // set / clear bits
  TCASE(15, a0, 0x1a, csrrsi a0, fflags, 0x01)
  TCASE(16, a0, 0x1b, csrr a0, fflags)
  TCASE(17, a0, 0x1b, csrrci a0, fflags, 0x10)
  TCASE(18, a0, 0x0b, csrr a0, fflags)
  TCASE(19, a0, 0x2b, li a1, 0x40; csrrc a0, fcsr, a1)
  TCASE(20, a0, 0x2b, csrr a0, fcsr)
  TCASE(21, a0, 0x2b, li a1, 0xc0; csrrs a0, fcsr, a1)
  TCASE(22, a0, 0xeb, csrr a0, fcsr)
  // assembler aliases
  TCASE(23, a0, 0xeb, frcsr a0)
  TCASE(24, a0, 0xeb, li a1, 0x00; fscsr a0, a1)
  TCASE(25, a0, 0x00, frcsr a0)
  TCASE(26, a0, 0x00, fsrmi a0, 2)
  TCASE(27, a0, 0x02, frrm a0)
  TCASE(28, a0, 0x02, li a1, 4; fsrm a0, a1)
  TCASE(29, a0, 0x00, fsflagsi a0, 0x11)
  TCASE(30, a0, 0x11, frflags a0)
  TCASE(31, a0, 0x91, frcsr a0)
  TCASE(32, a0, 0x11, fsflags a0, x0)
  TCASE(33, a0, 0x80, frcsr a0)
  // flags accumulate over operations: NX (1/3) then NV (0/0) then DZ (1/0)
  CASE(34); fscsr x0; LOAD_S(fa1, 0x3f800000); LOAD_S(fa2, 0x40400000); fdiv.s fa0, fa1, fa2; CHECK_FLAGS(NX)
  fmv.w.x fa3, x0; fdiv.s fa0, fa3, fa3; CHECK_FLAGS(NV|NX)
  fdiv.s fa0, fa1, fa3; CHECK_FLAGS(NV|DZ|NX)
  // an exact operation clears nothing
  fadd.s fa0, fa1, fa1; CHECK_FLAGS(NV|DZ|NX)
  // the dynamic rounding mode comes from frm as written through fcsr
  CASE(35); li a1, (3 << 5); csrw fcsr, a1; LOAD_S(fa1, 0x3f800000); LOAD_S(fa2, 0x40400000); fdiv.s fa0, fa1, fa2, dyn; CHECK_S(fa0, 0x3eaaaaab); CHECK_FLAGS(NX)
  CASE(36); li a1, (1 << 5); csrw fcsr, a1; fdiv.s fa0, fa1, fa2, dyn; CHECK_S(fa0, 0x3eaaaaaa)
  CASE(37); li a1, (2 << 5); csrw fcsr, a1; li a1, 0xbf800000; fmv.w.x fa3, a1; fdiv.s fa0, fa3, fa2, dyn; CHECK_S(fa0, 0xbeaaaaab)
  // a static rounding mode neither uses nor changes frm
  CASE(38); fdiv.s fa0, fa3, fa2, rtz; CHECK_S(fa0, 0xbeaaaaaa); frrm a0; CHECK_EQ(a0, 2)
  TCASE(39, a0, 0, fscsr x0; frcsr a0)
RVT_END
