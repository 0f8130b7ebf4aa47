/*
 * rvt.h - test environment of the rvjar RISC-V conformance suite.
 *
 * Written for rvjar from the RISC-V ISA specification (unprivileged and
 * privileged volumes).  Each test is a bare-metal RV32 machine-mode program:
 *
 *   #include "rvt.h"
 *   RVT_BEGIN                  (RVT_BEGIN_FP for tests that use F/D)
 *     TEST_RR(1, add, 3, 1, 2)
 *     ...
 *   RVT_END
 *     .data                    (optional test data)
 *
 * Conventions (see README.md):
 *   gp (x3)        number of the case being run (TESTNUM), 1..254
 *   t0, t1, t2     scratch registers of the macros: a case's result must
 *                  not live in them when it is compared
 *   a0             usual result register, a1..a3 usual operands
 *   fa0            usual FP result register, fa1..fa3 usual FP operands
 *
 * End of test: a 64-bit word is written to `tohost` (low word first, then
 * the high word, which commits it):
 *   1                      all cases passed
 *   (TESTNUM << 1) | 1     case TESTNUM failed (TESTNUM 255 = a failure
 *                          or an unexpected trap before the first case)
 * after which the program spins forever.
 */
#ifndef RVT_H
#define RVT_H

#define TESTNUM gp

#define MSTATUS_FS_INITIAL 0x00002000

/* ------------------------------------------------------------------ */
/* Program skeleton                                                    */
/* ------------------------------------------------------------------ */

#define RVT_ZERO_XREGS \
  li x1, 0; li x2, 0; li x3, 0; li x4, 0; li x5, 0; li x6, 0; li x7, 0; \
  li x8, 0; li x9, 0; li x10, 0; li x11, 0; li x12, 0; li x13, 0;       \
  li x14, 0; li x15, 0; li x16, 0; li x17, 0; li x18, 0; li x19, 0;     \
  li x20, 0; li x21, 0; li x22, 0; li x23, 0; li x24, 0; li x25, 0;     \
  li x26, 0; li x27, 0; li x28, 0; li x29, 0; li x30, 0; li x31, 0

#define RVT_PROLOGUE                                    \
  .section .text.init, "ax", @progbits;                 \
  .globl _start;                                        \
  .align 2;                                             \
_start:                                                 \
  j rvt_reset;                                          \
  .align 2;                                             \
rvt_trap:                                               \
  csrr t5, mcause;                                      \
  csrr t6, mepc;                                        \
  j rvt_fail;                                           \
rvt_reset:                                              \
  RVT_ZERO_XREGS;                                       \
  la t0, rvt_trap;                                      \
  csrw mtvec, t0

/* Integer-only test. */
#define RVT_BEGIN                                       \
  RVT_PROLOGUE;                                         \
  li TESTNUM, 0

/* Test using F and/or D: mstatus.FS := Initial, fcsr := 0. */
#define RVT_BEGIN_FP                                    \
  RVT_PROLOGUE;                                         \
  li t0, MSTATUS_FS_INITIAL;                            \
  csrs mstatus, t0;                                     \
  csrwi fcsr, 0;                                        \
  li t0, 0;                                             \
  li TESTNUM, 0

#define RVT_END                                         \
  j rvt_pass;                                           \
rvt_pass:                                               \
  fence;                                                \
  li TESTNUM, 1;                                        \
  la t0, tohost;                                        \
  sw TESTNUM, 0(t0);                                    \
  sw zero, 4(t0);                                       \
7700:                                                   \
  j 7700b;                                              \
rvt_fail:                                               \
  fence;                                                \
  bnez TESTNUM, 7701f;                                  \
  li TESTNUM, 255;                                      \
7701:                                                   \
  slli TESTNUM, TESTNUM, 1;                             \
  ori TESTNUM, TESTNUM, 1;                              \
  la t0, tohost;                                        \
  sw TESTNUM, 0(t0);                                    \
  sw zero, 4(t0);                                       \
7702:                                                   \
  j 7702b;                                              \
  .pushsection .tohost, "aw", @progbits;                \
  .align 6;                                             \
  .globl tohost;                                        \
  .type tohost, @object; .size tohost, 8;               \
tohost: .dword 0;                                       \
  .align 6;                                             \
  .globl fromhost;                                      \
  .type fromhost, @object; .size fromhost, 8;           \
fromhost: .dword 0;                                     \
  .popsection;                                          \
  .pushsection .bss, "aw", @nobits;                     \
  .align 4;                                             \
  .globl rvt_scratch;                                   \
rvt_scratch: .skip 64;                                  \
  .popsection

/* Start case n (1..254). */
#define CASE(n)                                                       \
  .if ((n) < 1) || ((n) > 254); .error "case number must be 1..254"; .endif; \
  li TESTNUM, n

/* Fail the current case unless reg == val (uses t2). */
#define CHECK_EQ(reg, val)                                            \
  li t2, val; beq reg, t2, 7710f; j rvt_fail; 7710:

/* Fail the current case unless reg == reg2. */
#define CHECK_EQR(reg, reg2)                                          \
  beq reg, reg2, 7711f; j rvt_fail; 7711:

/* Fail the current case unconditionally. */
#define FAIL_CASE j rvt_fail

/* Generic case: run code, then compare reg with res. */
#define TCASE(n, reg, res, ...)                                       \
  CASE(n); __VA_ARGS__; CHECK_EQ(reg, res)

/* ------------------------------------------------------------------ */
/* Expected traps                                                      */
/* ------------------------------------------------------------------ */

/* A trap handler for tests that provoke traps on purpose.  It records
   mcause in t3, mepc in t4 and mtval in t5, counts traps in s11, and
   resumes after the trapping instruction (2 or 4 bytes long, judged from
   its low bits).  Place it out of the straight-line path and install it
   with SET_TRAP_HANDLER(name). */
#define RVT_SKIPPING_HANDLER(name)                                    \
  .align 2;                                                           \
name:                                                                 \
  csrr t3, mcause; csrr t4, mepc; csrr t5, mtval; addi s11, s11, 1;   \
  lhu t6, 0(t4); andi t6, t6, 3; xori t6, t6, 3; seqz t6, t6;         \
  slli t6, t6, 1; addi t6, t6, 2; add t6, t6, t4;                     \
  csrw mepc, t6; mret

#define SET_TRAP_HANDLER(name) la t0, name; csrw mtvec, t0

/* ------------------------------------------------------------------ */
/* Integer register-register / register-immediate operations           */
/* ------------------------------------------------------------------ */

#define TEST_RR(n, inst, res, a, b)                                   \
  TCASE(n, a0, res, li a1, a; li a2, b; inst a0, a1, a2)
/* rd == rs1 */
#define TEST_RR_D1(n, inst, res, a, b)                                \
  TCASE(n, a1, res, li a1, a; li a2, b; inst a1, a1, a2)
/* rd == rs2 */
#define TEST_RR_D2(n, inst, res, a, b)                                \
  TCASE(n, a2, res, li a1, a; li a2, b; inst a2, a1, a2)
/* rs1 == rs2 */
#define TEST_RR_SAME(n, inst, res, a)                                 \
  TCASE(n, a0, res, li a1, a; inst a0, a1, a1)
/* rs1 == x0 */
#define TEST_RR_Z1(n, inst, res, b)                                   \
  TCASE(n, a0, res, li a2, b; inst a0, x0, a2)
/* rs2 == x0 */
#define TEST_RR_Z2(n, inst, res, a)                                   \
  TCASE(n, a0, res, li a1, a; inst a0, a1, x0)
/* rd == x0: the write is dropped */
#define TEST_RR_ZD(n, inst, a, b)                                     \
  TCASE(n, x0, 0, li a1, a; li a2, b; inst x0, a1, a2)
/* high registers: rd=t6 (x31), rs1=s10 (x26), rs2=s11 (x27) */
#define TEST_RR_HI(n, inst, res, a, b)                                \
  TCASE(n, t6, res, li s10, a; li s11, b; inst t6, s10, s11)

#define TEST_RI(n, inst, res, a, imm)                                 \
  TCASE(n, a0, res, li a1, a; inst a0, a1, imm)
#define TEST_RI_D1(n, inst, res, a, imm)                              \
  TCASE(n, a1, res, li a1, a; inst a1, a1, imm)
#define TEST_RI_Z1(n, inst, res, imm)                                 \
  TCASE(n, a0, res, inst a0, x0, imm)
#define TEST_RI_ZD(n, inst, a, imm)                                   \
  TCASE(n, x0, 0, li a1, a; inst x0, a1, imm)

/* unary: inst rd, rs1 */
#define TEST_R(n, inst, res, a)                                       \
  TCASE(n, a0, res, li a1, a; inst a0, a1)
#define TEST_R_D1(n, inst, res, a)                                    \
  TCASE(n, a1, res, li a1, a; inst a1, a1)
#define TEST_R_ZD(n, inst, a)                                         \
  TCASE(n, x0, 0, li a1, a; inst x0, a1)

/* ------------------------------------------------------------------ */
/* Branches                                                            */
/* ------------------------------------------------------------------ */

/* forward branch that must be taken */
#define TEST_BR_TAKEN(n, inst, a, b)                                  \
  CASE(n); li a1, a; li a2, b;                                        \
  inst a1, a2, 7720f; FAIL_CASE; 7720:
/* backward branch that must be taken */
#define TEST_BR_TAKEN_BACK(n, inst, a, b)                             \
  CASE(n); li a1, a; li a2, b; j 7722f;                               \
  7721: j 7723f;                                                      \
  7722: inst a1, a2, 7721b; FAIL_CASE; 7723:
/* branch that must not be taken */
#define TEST_BR_NOT(n, inst, a, b)                                    \
  CASE(n); li a1, a; li a2, b;                                        \
  inst a1, a2, 7724f; j 7725f; 7724: FAIL_CASE; 7725:

/* ------------------------------------------------------------------ */
/* Floating point                                                      */
/* ------------------------------------------------------------------ */

/* Load raw bits into an f register (uses t0, t1). */
#define LOAD_S(freg, bits)  li t0, bits; fmv.w.x freg, t0
#define LOAD_D(freg, bits)                                            \
  la t0, rvt_scratch;                                                 \
  li t1, ((bits) & 0xffffffff); sw t1, 0(t0);                         \
  li t1, (((bits) >> 32) & 0xffffffff); sw t1, 4(t0);                 \
  fld freg, 0(t0)

/* Compare raw bits of an f register (uses t0, t1, t2). */
#define CHECK_S(freg, bits)  fmv.x.w t1, freg; CHECK_EQ(t1, bits)
#define CHECK_D(freg, bits)                                           \
  la t0, rvt_scratch; fsd freg, 0(t0);                                \
  lw t1, 0(t0); CHECK_EQ(t1, ((bits) & 0xffffffff));                  \
  lw t1, 4(t0); CHECK_EQ(t1, (((bits) >> 32) & 0xffffffff))

/* Compare accrued exception flags (uses t1, t2). */
#define CHECK_FLAGS(f)  frflags t1; CHECK_EQ(t1, f)

/* exception flag bits */
#define NX 0x01
#define UF 0x02
#define OF 0x04
#define DZ 0x08
#define NV 0x10

/* Generic FP case: fflags cleared, code run, flags and result checked.
   CHK is CHECK_S, CHECK_D or an integer check via CHECK_X. */
#define CHECK_X(reg, val) CHECK_EQ(reg, val)
#define TFCASE(n, CHK, reg, res, flags, ...)                          \
  CASE(n); __VA_ARGS__; CHECK_FLAGS(flags); CHK(reg, res)

/* Shapes: LD = LOAD_S/LOAD_D for the sources, CHK for the result.     */
#define TF_1(n, LD, CHK, inst, a, res, flags)                         \
  TFCASE(n, CHK, fa0, res, flags, LD(fa1, a); fsflags x0; inst fa0, fa1)
#define TF_1R(n, LD, CHK, inst, rm, a, res, flags)                    \
  TFCASE(n, CHK, fa0, res, flags, LD(fa1, a); fsflags x0; inst fa0, fa1, rm)
#define TF_2(n, LD, CHK, inst, a, b, res, flags)                      \
  TFCASE(n, CHK, fa0, res, flags, LD(fa1, a); LD(fa2, b); fsflags x0; \
         inst fa0, fa1, fa2)
#define TF_2R(n, LD, CHK, inst, rm, a, b, res, flags)                 \
  TFCASE(n, CHK, fa0, res, flags, LD(fa1, a); LD(fa2, b); fsflags x0; \
         inst fa0, fa1, fa2, rm)
/* dynamic rounding: frm := mode for the operation, then back to RNE */
#define TF_2D(n, LD, CHK, inst, mode, a, b, res, flags)               \
  TFCASE(n, CHK, fa0, res, flags, LD(fa1, a); LD(fa2, b); fsflags x0; \
         fsrmi mode; inst fa0, fa1, fa2, dyn; fsrmi 0)
#define TF_1D(n, LD, CHK, inst, mode, a, res, flags)                  \
  TFCASE(n, CHK, fa0, res, flags, LD(fa1, a); fsflags x0;             \
         fsrmi mode; inst fa0, fa1, dyn; fsrmi 0)
#define TF_3(n, LD, CHK, inst, a, b, c, res, flags)                   \
  TFCASE(n, CHK, fa0, res, flags, LD(fa1, a); LD(fa2, b); LD(fa3, c); \
         fsflags x0; inst fa0, fa1, fa2, fa3)
#define TF_3R(n, LD, CHK, inst, rm, a, b, c, res, flags)              \
  TFCASE(n, CHK, fa0, res, flags, LD(fa1, a); LD(fa2, b); LD(fa3, c); \
         fsflags x0; inst fa0, fa1, fa2, fa3, rm)
#define TF_3D(n, LD, CHK, inst, mode, a, b, c, res, flags)            \
  TFCASE(n, CHK, fa0, res, flags, LD(fa1, a); LD(fa2, b); LD(fa3, c); \
         fsflags x0; fsrmi mode; inst fa0, fa1, fa2, fa3, dyn; fsrmi 0)
/* FP sources, integer result in a0 (compares, fclass) */
#define TF_2X(n, LD, inst, a, b, res, flags)                          \
  TFCASE(n, CHECK_X, a0, res, flags, LD(fa1, a); LD(fa2, b); fsflags x0; \
         inst a0, fa1, fa2)
#define TF_1X(n, LD, inst, a, res, flags)                             \
  TFCASE(n, CHECK_X, a0, res, flags, LD(fa1, a); fsflags x0; inst a0, fa1)
#define TF_1XR(n, LD, inst, rm, a, res, flags)                        \
  TFCASE(n, CHECK_X, a0, res, flags, LD(fa1, a); fsflags x0; inst a0, fa1, rm)
#define TF_1XD(n, LD, inst, mode, a, res, flags)                      \
  TFCASE(n, CHECK_X, a0, res, flags, LD(fa1, a); fsflags x0;          \
         fsrmi mode; inst a0, fa1, dyn; fsrmi 0)
/* integer source in a1, FP result */
#define TF_X1(n, CHK, inst, a, res, flags)                            \
  TFCASE(n, CHK, fa0, res, flags, li a1, a; fsflags x0; inst fa0, a1)
#define TF_X1R(n, CHK, inst, rm, a, res, flags)                       \
  TFCASE(n, CHK, fa0, res, flags, li a1, a; fsflags x0; inst fa0, a1, rm)
#define TF_X1D(n, CHK, inst, mode, a, res, flags)                     \
  TFCASE(n, CHK, fa0, res, flags, li a1, a; fsflags x0;               \
         fsrmi mode; inst fa0, a1, dyn; fsrmi 0)

/* Single-precision shorthands */
#define TS_1(n, inst, a, res, fl)            TF_1(n, LOAD_S, CHECK_S, inst, a, res, fl)
#define TS_1R(n, inst, rm, a, res, fl)       TF_1R(n, LOAD_S, CHECK_S, inst, rm, a, res, fl)
#define TS_1D(n, inst, mode, a, res, fl)     TF_1D(n, LOAD_S, CHECK_S, inst, mode, a, res, fl)
#define TS_2(n, inst, a, b, res, fl)         TF_2(n, LOAD_S, CHECK_S, inst, a, b, res, fl)
#define TS_2R(n, inst, rm, a, b, res, fl)    TF_2R(n, LOAD_S, CHECK_S, inst, rm, a, b, res, fl)
#define TS_2D(n, inst, mode, a, b, res, fl)  TF_2D(n, LOAD_S, CHECK_S, inst, mode, a, b, res, fl)
#define TS_3(n, inst, a, b, c, res, fl)      TF_3(n, LOAD_S, CHECK_S, inst, a, b, c, res, fl)
#define TS_3R(n, inst, rm, a, b, c, res, fl) TF_3R(n, LOAD_S, CHECK_S, inst, rm, a, b, c, res, fl)
#define TS_3D(n, inst, mode, a, b, c, res, fl) TF_3D(n, LOAD_S, CHECK_S, inst, mode, a, b, c, res, fl)
#define TS_2X(n, inst, a, b, res, fl)        TF_2X(n, LOAD_S, inst, a, b, res, fl)
#define TS_1X(n, inst, a, res, fl)           TF_1X(n, LOAD_S, inst, a, res, fl)
#define TS_1XR(n, inst, rm, a, res, fl)      TF_1XR(n, LOAD_S, inst, rm, a, res, fl)
#define TS_1XD(n, inst, mode, a, res, fl)    TF_1XD(n, LOAD_S, inst, mode, a, res, fl)
#define TS_X1(n, inst, a, res, fl)           TF_X1(n, CHECK_S, inst, a, res, fl)
#define TS_X1R(n, inst, rm, a, res, fl)      TF_X1R(n, CHECK_S, inst, rm, a, res, fl)
#define TS_X1D(n, inst, mode, a, res, fl)    TF_X1D(n, CHECK_S, inst, mode, a, res, fl)

/* Double-precision shorthands (64-bit constants) */
#define TD_1(n, inst, a, res, fl)            TF_1(n, LOAD_D, CHECK_D, inst, a, res, fl)
#define TD_1R(n, inst, rm, a, res, fl)       TF_1R(n, LOAD_D, CHECK_D, inst, rm, a, res, fl)
#define TD_1D(n, inst, mode, a, res, fl)     TF_1D(n, LOAD_D, CHECK_D, inst, mode, a, res, fl)
#define TD_2(n, inst, a, b, res, fl)         TF_2(n, LOAD_D, CHECK_D, inst, a, b, res, fl)
#define TD_2R(n, inst, rm, a, b, res, fl)    TF_2R(n, LOAD_D, CHECK_D, inst, rm, a, b, res, fl)
#define TD_2D(n, inst, mode, a, b, res, fl)  TF_2D(n, LOAD_D, CHECK_D, inst, mode, a, b, res, fl)
#define TD_3(n, inst, a, b, c, res, fl)      TF_3(n, LOAD_D, CHECK_D, inst, a, b, c, res, fl)
#define TD_3R(n, inst, rm, a, b, c, res, fl) TF_3R(n, LOAD_D, CHECK_D, inst, rm, a, b, c, res, fl)
#define TD_3D(n, inst, mode, a, b, c, res, fl) TF_3D(n, LOAD_D, CHECK_D, inst, mode, a, b, c, res, fl)
#define TD_2X(n, inst, a, b, res, fl)        TF_2X(n, LOAD_D, inst, a, b, res, fl)
#define TD_1X(n, inst, a, res, fl)           TF_1X(n, LOAD_D, inst, a, res, fl)
#define TD_1XR(n, inst, rm, a, res, fl)      TF_1XR(n, LOAD_D, inst, rm, a, res, fl)
#define TD_1XD(n, inst, mode, a, res, fl)    TF_1XD(n, LOAD_D, inst, mode, a, res, fl)
#define TD_X1(n, inst, a, res, fl)           TF_X1(n, CHECK_D, inst, a, res, fl)
#define TD_X1R(n, inst, rm, a, res, fl)      TF_X1R(n, CHECK_D, inst, rm, a, res, fl)
#define TD_X1D(n, inst, mode, a, res, fl)    TF_X1D(n, CHECK_D, inst, mode, a, res, fl)

/* Conversions between formats */
#define TSD_1R(n, inst, rm, a, res, fl)  TF_1R(n, LOAD_D, CHECK_S, inst, rm, a, res, fl)  /* double -> single */
#define TSD_1D(n, inst, mode, a, res, fl) TF_1D(n, LOAD_D, CHECK_S, inst, mode, a, res, fl)
#define TSD_1(n, inst, a, res, fl)       TF_1(n, LOAD_D, CHECK_S, inst, a, res, fl)
#define TDS_1(n, inst, a, res, fl)       TF_1(n, LOAD_S, CHECK_D, inst, a, res, fl)      /* single -> double */

#endif /* RVT_H */
