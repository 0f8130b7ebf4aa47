/* arith: integer arithmetic corner cases.
 *
 *  - on every target: 32-bit multiply/divide through C (libgcc on rv32i
 *    and rv32e, M instructions otherwise) for the cases C defines,
 *    64-bit multiply/divide/shift, register shifts by amounts >= 32 (only
 *    the low 5 bits count), slt/sltu corner cases;
 *  - on M targets (rv32imac, rv32gc): mul, mulh, mulhsu, mulhu, div,
 *    divu, rem, remu as single instructions, including division by zero
 *    and INT_MIN / -1 (which C leaves undefined).
 *
 * OUT = "arith ok\n", exit status 0 when every check passes; otherwise a
 * "FAIL ..." line per failed check, "arith: N failures\n", status N. */
#include <stdio.h>
#include <stdint.h>
#include "rvjar.h"

static unsigned failures;

static void check(const char *what, int idx, uint32_t got, uint32_t want)
{
    if (got != want) {
        failures++;
        printf("FAIL %s[%d]: got 0x%08lx want 0x%08lx\n", what, idx,
               (unsigned long)got, (unsigned long)want);
    }
}

static void check64(const char *what, int idx, uint64_t got, uint64_t want)
{
    check(what, 2 * idx, (uint32_t)(got >> 32), (uint32_t)(want >> 32));
    check(what, 2 * idx + 1, (uint32_t)got, (uint32_t)want);
}

enum { MUL, MULH, MULHSU, MULHU, DIV, DIVU, REM, REMU, NOPS };

/* expected results computed from the RISC-V M specification */
static const struct {
    uint32_t a, b;
    uint32_t r[NOPS];
} mcases[] = {
    { 0x12345678u, 0x9abcdef0u, { 0x242d2080u, 0xf8cc93d6u, 0x0b00ea4eu, 0x0b00ea4eu, 0x00000000u, 0x00000000u, 0x12345678u, 0x12345678u } },
    { 0x9abcdef0u, 0x9abcdef0u, { 0xf2a52100u, 0x280e09b0u, 0xc2cae8a0u, 0x5d87c790u, 0x00000001u, 0x00000001u, 0x00000000u, 0x00000000u } },
    { 0xffffffffu, 0xffffffffu, { 0x00000001u, 0x00000000u, 0xffffffffu, 0xfffffffeu, 0x00000001u, 0x00000001u, 0x00000000u, 0x00000000u } },
    { 0x80000000u, 0x80000000u, { 0x00000000u, 0x40000000u, 0xc0000000u, 0x40000000u, 0x00000001u, 0x00000001u, 0x00000000u, 0x00000000u } },
    { 0x80000000u, 0xffffffffu, { 0x80000000u, 0x00000000u, 0x80000000u, 0x7fffffffu, 0x80000000u, 0x00000000u, 0x00000000u, 0x80000000u } },
    { 0x00000007u, 0xfffffffeu, { 0xfffffff2u, 0xffffffffu, 0x00000006u, 0x00000006u, 0xfffffffdu, 0x00000000u, 0x00000001u, 0x00000007u } },
    { 0xfffffff9u, 0x00000002u, { 0xfffffff2u, 0xffffffffu, 0xffffffffu, 0x00000001u, 0xfffffffdu, 0x7ffffffcu, 0xffffffffu, 0x00000001u } },
    { 0x00003039u, 0x00000000u, { 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0xffffffffu, 0xffffffffu, 0x00003039u, 0x00003039u } },
    { 0x00000000u, 0x00000000u, { 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0xffffffffu, 0xffffffffu, 0x00000000u, 0x00000000u } },
    { 0x7fffffffu, 0x80000000u, { 0x80000000u, 0xc0000000u, 0x3fffffffu, 0x3fffffffu, 0x00000000u, 0x00000000u, 0x7fffffffu, 0x7fffffffu } },
};
#define NCASES (int)(sizeof mcases / sizeof mcases[0])

/* keeps the compiler from folding constants */
static uint32_t opaque(uint32_t x)
{
    __asm__ volatile ("" : "+r"(x));
    return x;
}

static void test_c_muldiv(void)
{
    for (int i = 0; i < NCASES; i++) {
        uint32_t a = opaque(mcases[i].a), b = opaque(mcases[i].b);
        int32_t sa = (int32_t)a, sb = (int32_t)b;
        check("c mul", i, a * b, mcases[i].r[MUL]);
        check("c mulh", i, (uint32_t)((uint64_t)((int64_t)sa * sb) >> 32), mcases[i].r[MULH]);
        check("c mulhsu", i, (uint32_t)((uint64_t)((int64_t)sa * (int64_t)(uint64_t)b) >> 32), mcases[i].r[MULHSU]);
        check("c mulhu", i, (uint32_t)(((uint64_t)a * b) >> 32), mcases[i].r[MULHU]);
        if (b != 0) {
            check("c divu", i, a / b, mcases[i].r[DIVU]);
            check("c remu", i, a % b, mcases[i].r[REMU]);
            if (!(a == 0x80000000u && b == 0xffffffffu)) {
                check("c div", i, (uint32_t)(sa / sb), mcases[i].r[DIV]);
                check("c rem", i, (uint32_t)(sa % sb), mcases[i].r[REM]);
            }
        }
    }
}

#if defined(__riscv_mul) && defined(__riscv_div)
static const char *const opname[NOPS] = {
    "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"
};

static void test_m_insns(void)
{
    for (int i = 0; i < NCASES; i++) {
        uint32_t a = mcases[i].a, b = mcases[i].b, r[NOPS];
        __asm__ volatile ("mul    %0, %1, %2" : "=r"(r[MUL])    : "r"(a), "r"(b));
        __asm__ volatile ("mulh   %0, %1, %2" : "=r"(r[MULH])   : "r"(a), "r"(b));
        __asm__ volatile ("mulhsu %0, %1, %2" : "=r"(r[MULHSU]) : "r"(a), "r"(b));
        __asm__ volatile ("mulhu  %0, %1, %2" : "=r"(r[MULHU])  : "r"(a), "r"(b));
        __asm__ volatile ("div    %0, %1, %2" : "=r"(r[DIV])    : "r"(a), "r"(b));
        __asm__ volatile ("divu   %0, %1, %2" : "=r"(r[DIVU])   : "r"(a), "r"(b));
        __asm__ volatile ("rem    %0, %1, %2" : "=r"(r[REM])    : "r"(a), "r"(b));
        __asm__ volatile ("remu   %0, %1, %2" : "=r"(r[REMU])   : "r"(a), "r"(b));
        for (int op = 0; op < NOPS; op++)
            check(opname[op], i, r[op], mcases[i].r[op]);
    }
}
#endif

static void test_shifts(void)
{
    static const uint32_t amounts[] = { 0, 1, 31, 32, 33, 63, 0xffffffe1u };
    uint32_t x = 0x80f0000fu;
    for (int i = 0; i < (int)(sizeof amounts / sizeof amounts[0]); i++) {
        uint32_t n = amounts[i], sh = n & 31, r;
        __asm__ volatile ("sll %0, %1, %2" : "=r"(r) : "r"(x), "r"(n));
        check("sll", i, r, x << sh);
        __asm__ volatile ("srl %0, %1, %2" : "=r"(r) : "r"(x), "r"(n));
        check("srl", i, r, x >> sh);
        __asm__ volatile ("sra %0, %1, %2" : "=r"(r) : "r"(x), "r"(n));
        check("sra", i, r, sh ? (x >> sh) | ~(0xffffffffu >> sh) : x);
    }
}

static void test_compare(void)
{
    uint32_t r;
    __asm__ volatile ("slt  %0, %1, %2" : "=r"(r) : "r"(0x80000000u), "r"(0x7fffffffu));
    check("slt", 0, r, 1);
    __asm__ volatile ("sltu %0, %1, %2" : "=r"(r) : "r"(0x80000000u), "r"(0x7fffffffu));
    check("sltu", 0, r, 0);
    __asm__ volatile ("slti %0, %1, -1" : "=r"(r) : "r"(0xfffffffeu));
    check("slti", 0, r, 1);
    __asm__ volatile ("sltiu %0, %1, -1" : "=r"(r) : "r"(0xfffffffeu));   /* imm = 0xffffffff */
    check("sltiu", 0, r, 1);
    __asm__ volatile ("sltiu %0, %1, 1" : "=r"(r) : "r"(0u));               /* seqz */
    check("seqz", 0, r, 1);
    __asm__ volatile ("sltu %0, x0, %1" : "=r"(r) : "r"(5u));               /* snez */
    check("snez", 0, r, 1);
}

static void test_64bit(void)
{
    uint64_t x = ((uint64_t)opaque(0x12345678u) << 32) | opaque(0x9abcdef0u);
    uint64_t y = ((uint64_t)opaque(0xfedcba98u) << 32) | opaque(0x76543210u);
    int64_t sx = -(int64_t)(((uint64_t)opaque(0x01234567u) << 32) | opaque(0x89abcdefu));
    check64("u64 mul", 0, x * y, 0x236d88fe5618cf00ull);
    check64("u64 div", 0, y / opaque(0x12345u), 0x0000e0004fa01c4dull);
    check64("u64 mod", 0, y % opaque(0x12345u), 0x0000000000010a4full);
    check64("s64 div", 0, (uint64_t)(sx / (int32_t)opaque(12345)), 0xfffff9f5ba0adf83ull);
    check64("s64 mod", 0, (uint64_t)(sx % (int32_t)opaque(12345)), 0xffffffffffffdde6ull);
    check64("u64 shl", 0, x << opaque(37), 0x579bde0000000000ull);
    check64("u64 shr", 0, y >> opaque(37), 0x0000000007f6e5d4ull);
    check64("s64 sar", 0, (uint64_t)((int64_t)y >> opaque(37)), 0xfffffffffff6e5d4ull);
}

int main(void)
{
    rv_out_clear();
    test_c_muldiv();
#if defined(__riscv_mul) && defined(__riscv_div)
    test_m_insns();
#endif
    test_shifts();
    test_compare();
    test_64bit();
    if (failures == 0)
        printf("arith ok\n");
    else
        printf("arith: %u failures\n", failures);
    return failures > 255 ? 255 : (int)failures;
}
