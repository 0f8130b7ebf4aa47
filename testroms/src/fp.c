/* fp: IEEE-754 single and double precision results, bit-exact, in the
 * default rounding mode (round to nearest even): arithmetic, sqrt, fused
 * multiply-add (rv32gc only), subnormals, overflow, conversions, comparisons with NaN,
 * sign injection, min/max.
 *
 * On rv32gc these are F/D instructions (fcsr starts at zero: RNE, no
 * flags); on the other targets the same C code runs on libgcc/picolibc
 * soft-float, so every target must produce the same bits. Expected values
 * were computed on an IEEE-754 host (SSE2, no contraction; this kit builds
 * with -ffp-contract=off, so only fma()/fmaf() fuse).
 *
 * OUT = "fp ok\n", exit status 0 when every check passes; otherwise a
 * "FAIL ..." line per failed check, "fp: N failures\n", status N. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <math.h>
#include "rvjar.h"

/* opaque values: keep the compiler from folding the operations */
#define OPAQUE(T, name) static T name(T x) { __asm__ volatile ("" : "+m"(x)); return x; }
OPAQUE(float, of)
OPAQUE(double, od)
OPAQUE(int32_t, oi)
OPAQUE(uint32_t, ou)
OPAQUE(int64_t, ol)

#define F2U(x) ({ float _f = (x); uint32_t _u; memcpy(&_u, &_f, 4); (uint64_t)_u; })
#define D2U(x) ({ double _d = (x); uint64_t _u; memcpy(&_u, &_d, 8); _u; })
#define FP_CASES(X) \
    X("f div",      F2U(of(1.0f) / of(3.0f))) \
    X("f sqrt",     F2U(sqrtf(of(2.0f)))) \
    X("f add",      F2U(of(0.1f) + of(0.2f))) \
    X("f sub",      F2U(of(1.0f) - of(0x1p-24f))) \
    X("f mul",      F2U(of(1.1f) * of(3.3f))) \
    X("f ovf",      F2U(of(1e30f) * of(1e10f))) \
    X("f subnorm",  F2U(of(1e-40f) * of(3.0f))) \
    X("f neg",      F2U(-of(0.0f))) \
    X("f abs",      F2U(fabsf(of(-2.5f)))) \
    X("f copysign", F2U(copysignf(of(3.0f), of(-0.0f)))) \
    X("f min",      F2U(fminf(of(-1.5f), of(2.0f)))) \
    X("f max",      F2U(fmaxf(of(-1.5f), of(2.0f)))) \
    X("f from i32", F2U((float)oi(16777217))) \
    X("f from u32", F2U((float)ou(0xffffffffu))) \
    X("f to i32",   (uint64_t)(uint32_t)(int32_t)of(-2.75f)) \
    X("f to u32",   (uint64_t)(uint32_t)of(3.9e9f)) \
    X("f to d",     D2U((double)of(0.1f))) \
    X("f lt",       (uint64_t)(of(1.0f) < of(2.0f))) \
    X("f le nan",   (uint64_t)(of(1.0f) <= of(0.0f) / of(0.0f))) \
    X("f eq zero",  (uint64_t)(of(0.0f) == -of(0.0f))) \
    X("d div",      D2U(od(1.0) / od(3.0))) \
    X("d sqrt",     D2U(sqrt(od(2.0)))) \
    X("d add",      D2U(od(0.1) + od(0.2))) \
    X("d mul",      D2U(od(1.1) * od(3.3))) \
    X("d sub",      D2U(od(1e16) - od(1.0))) \
    X("d subnorm",  D2U(od(0x1p-1070) / od(3.0))) \
    X("d ovf",      D2U(od(1e300) * od(1e300))) \
    X("d to f",     F2U((float)od(0.1))) \
    X("d to f rnd", F2U((float)od(1.0 + 0x1p-24 + 0x1p-50))) \
    X("d from i32", D2U((double)oi(-5))) \
    X("d from u32", D2U((double)ou(0xffffffffu))) \
    X("d from i64", D2U((double)ol(9007199254740993LL))) \
    X("d to i32",   (uint64_t)(uint32_t)(int32_t)od(-2147483647.9)) \
    X("d to u32",   (uint64_t)(uint32_t)od(4294967295.5)) \
    X("d to i64",   (uint64_t)(int64_t)od(-1e15 - 0.5)) \
    X("d lt",       (uint64_t)(od(-1.0) < od(-0.5))) \
    X("d ge nan",   (uint64_t)(od(0.0) / od(0.0) >= od(1.0))) \
    X("d ne nan",   (uint64_t)(od(0.0) / od(0.0) != od(0.0) / od(0.0))) \
    X("d copysign", D2U(copysign(od(3.0), od(-0.0)))) \
    X("d min",      D2U(fmin(od(-1.5), od(2.0)))) \
    X("d max",      D2U(fmax(od(-1.5), od(2.0))))

/* fused multiply-add: only checked with hardware F/D (fmadd.s/fmadd.d);
   picolibc's soft-float fma()/fmaf() are not fused */
#if defined(__riscv_flen) && __riscv_flen >= 64
#define FMA_CASES(X) \
    X("f fma",      F2U(fmaf(of(1.0f + 0x1p-23f), of(1.0f - 0x1p-23f), of(-1.0f)))) \
    X("d fma",      D2U(fma(od(0.1), od(10.0), od(-1.0))))
#define FMA_EXPECTED 0x00000000a8800000ull, 0x3c90000000000000ull,
#else
#define FMA_CASES(X)
#define FMA_EXPECTED
#endif

#define ALL_CASES(X) FP_CASES(X) FMA_CASES(X)

static const uint64_t expected[] = {
    0x000000003eaaaaabull, /* f div */
    0x000000003fb504f3ull, /* f sqrt */
    0x000000003e99999aull, /* f add */
    0x000000003f7fffffull, /* f sub */
    0x00000000406851ecull, /* f mul */
    0x000000007f800000ull, /* f ovf */
    0x0000000000034446ull, /* f subnorm */
    0x0000000080000000ull, /* f neg */
    0x0000000040200000ull, /* f abs */
    0x00000000c0400000ull, /* f copysign */
    0x00000000bfc00000ull, /* f min */
    0x0000000040000000ull, /* f max */
    0x000000004b800000ull, /* f from i32 */
    0x000000004f800000ull, /* f from u32 */
    0x00000000fffffffeull, /* f to i32 */
    0x00000000e8754700ull, /* f to u32 */
    0x3fb99999a0000000ull, /* f to d */
    0x0000000000000001ull, /* f lt */
    0x0000000000000000ull, /* f le nan */
    0x0000000000000001ull, /* f eq zero */
    0x3fd5555555555555ull, /* d div */
    0x3ff6a09e667f3bcdull, /* d sqrt */
    0x3fd3333333333334ull, /* d add */
    0x400d0a3d70a3d70aull, /* d mul */
    0x4341c37937e08000ull, /* d sub */
    0x0000000000000005ull, /* d subnorm */
    0x7ff0000000000000ull, /* d ovf */
    0x000000003dcccccdull, /* d to f */
    0x000000003f800001ull, /* d to f rnd */
    0xc014000000000000ull, /* d from i32 */
    0x41efffffffe00000ull, /* d from u32 */
    0x4340000000000000ull, /* d from i64 */
    0x0000000080000001ull, /* d to i32 */
    0x00000000ffffffffull, /* d to u32 */
    0xfffc72815b398000ull, /* d to i64 */
    0x0000000000000001ull, /* d lt */
    0x0000000000000000ull, /* d ge nan */
    0x0000000000000001ull, /* d ne nan */
    0xc008000000000000ull, /* d copysign */
    0xbff8000000000000ull, /* d min */
    0x4000000000000000ull, /* d max */
    FMA_EXPECTED
};

#define NAME(name, expr) name,
static const char *const names[] = { ALL_CASES(NAME) };

int main(void)
{
    unsigned failures = 0;
    int i = 0;
    rv_out_clear();
#define RUN(name, expr) \
    { uint64_t got = (expr); \
      if (got != expected[i]) { \
          failures++; \
          printf("FAIL %s: got 0x%08lx%08lx want 0x%08lx%08lx\n", names[i], \
                 (unsigned long)(got >> 32), (unsigned long)got, \
                 (unsigned long)(expected[i] >> 32), (unsigned long)expected[i]); \
      } \
      i++; }
    ALL_CASES(RUN)
    if (failures == 0)
        printf("fp ok\n");
    else
        printf("fp: %u failures\n", failures);
    return (int)failures;
}
