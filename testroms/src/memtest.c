/* memtest: loads and stores of every width, sign/zero extension, and
 * misaligned accesses inside one region (RAM, ROM, IN, OUT), which the
 * rvjar machine must support. On A builds (rv32imac, rv32gc) also the
 * AMO instructions and lr/sc; on F/D builds (rv32gc) flw/fsw/fld/fsd,
 * aligned and misaligned.
 *
 * Works for any IN (the IN checks compare misaligned against aligned
 * reads of the same bytes). OUT = "memtest ok\n" and exit status 0 when
 * every check passes; otherwise one "FAIL ..." line per failed check,
 * then "memtest: N failures\n", exit status N (at most 255). */
#include <stdio.h>
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

/* every access is one instruction, exactly as written */
static inline uint32_t lw(const volatile void *p)
{ uint32_t v; __asm__ volatile ("lw %0, 0(%1)" : "=r"(v) : "r"(p) : "memory"); return v; }
static inline uint32_t lh(const volatile void *p)
{ uint32_t v; __asm__ volatile ("lh %0, 0(%1)" : "=r"(v) : "r"(p) : "memory"); return v; }
static inline uint32_t lhu(const volatile void *p)
{ uint32_t v; __asm__ volatile ("lhu %0, 0(%1)" : "=r"(v) : "r"(p) : "memory"); return v; }
static inline uint32_t lb(const volatile void *p)
{ uint32_t v; __asm__ volatile ("lb %0, 0(%1)" : "=r"(v) : "r"(p) : "memory"); return v; }
static inline uint32_t lbu(const volatile void *p)
{ uint32_t v; __asm__ volatile ("lbu %0, 0(%1)" : "=r"(v) : "r"(p) : "memory"); return v; }
static inline void sw(volatile void *p, uint32_t v)
{ __asm__ volatile ("sw %0, 0(%1)" :: "r"(v), "r"(p) : "memory"); }
static inline void sh(volatile void *p, uint32_t v)
{ __asm__ volatile ("sh %0, 0(%1)" :: "r"(v), "r"(p) : "memory"); }
static inline void sb(volatile void *p, uint32_t v)
{ __asm__ volatile ("sb %0, 0(%1)" :: "r"(v), "r"(p) : "memory"); }

#define PAT(i) ((uint8_t)(0x80u + 0x13u * (unsigned)(i)))

static uint8_t ram[64] __attribute__((aligned(8)));
static const uint8_t rom[16] __attribute__((aligned(8))) = {
    PAT(0), PAT(1), PAT(2), PAT(3), PAT(4), PAT(5), PAT(6), PAT(7),
    PAT(8), PAT(9), PAT(10), PAT(11), PAT(12), PAT(13), PAT(14), PAT(15),
};

static uint32_t le32(int k)
{
    return (uint32_t)PAT(k) | (uint32_t)PAT(k + 1) << 8
         | (uint32_t)PAT(k + 2) << 16 | (uint32_t)PAT(k + 3) << 24;
}
static uint32_t le16(int k)
{
    return (uint32_t)PAT(k) | (uint32_t)PAT(k + 1) << 8;
}

/* the loads of one region holding PAT(0..15) at base */
static void check_loads(const char *region, const volatile uint8_t *base)
{
    char what[24];
    for (int k = 0; k < 8; k++) {
        snprintf(what, sizeof what, "%s lw", region);
        check(what, k, lw(base + k), le32(k));
        snprintf(what, sizeof what, "%s lh", region);
        check(what, k, lh(base + k), (uint32_t)(int32_t)(int16_t)le16(k));
        snprintf(what, sizeof what, "%s lhu", region);
        check(what, k, lhu(base + k), le16(k));
        snprintf(what, sizeof what, "%s lb", region);
        check(what, k, lb(base + k), (uint32_t)(int32_t)(int8_t)PAT(k));
        snprintf(what, sizeof what, "%s lbu", region);
        check(what, k, lbu(base + k), PAT(k));
    }
}

static void test_ram(void)
{
    volatile uint8_t *b = ram;

    for (int i = 0; i < 16; i++)
        sb(b + i, PAT(i));
    check_loads("ram", b);

    /* sign extension corner cases */
    sw(b + 16, 0xffff8000u);
    check("ext lh 8000", 0, lh(b + 16), 0xffff8000u);
    check("ext lhu 8000", 0, lhu(b + 16), 0x00008000u);
    check("ext lh ffff", 0, lh(b + 18), 0xffffffffu);
    check("ext lhu ffff", 0, lhu(b + 18), 0x0000ffffu);
    check("ext lb 80", 0, lb(b + 17), 0xffffff80u);
    check("ext lbu 80", 0, lbu(b + 17), 0x00000080u);
    check("ext lb 7f", 0, (sb(b + 20, 0x7f), lb(b + 20)), 0x0000007fu);

    /* misaligned word stores at every offset, neighbours untouched */
    for (int k = 1; k < 4; k++) {
        for (int i = 24; i < 40; i++)
            sb(b + i, 0x55);
        sw(b + 28 + k, 0xa1b2c3d4u);
        check("sw mis", k, lw(b + 28 + k), 0xa1b2c3d4u);
        check("sw mis lo", k, lbu(b + 28 + k), 0xd4);
        check("sw mis hi", k, lbu(b + 31 + k), 0xa1);
        check("sw mis before", k, lbu(b + 27 + k), 0x55);
        check("sw mis after", k, lbu(b + 32 + k), 0x55);
    }

    /* misaligned halfword store */
    for (int i = 40; i < 48; i++)
        sb(b + i, 0x55);
    sh(b + 43, 0x1234beefu);            /* only the low 16 bits */
    check("sh mis", 0, lw(b + 40), 0xef555555u);
    check("sh mis", 1, lw(b + 44), 0x555555beu);
    check("sh mis lhu", 0, lhu(b + 43), 0xbeef);
    check("sh mis lh", 0, lh(b + 43), 0xffffbeefu);

    /* sb only writes one byte */
    sw(b + 48, 0x11223344u);
    sb(b + 49, 0xabcdef99u);
    check("sb", 0, lw(b + 48), 0x11229944u);
}

static void test_rom(void)
{
    check_loads("rom", rom);
}

static void test_in(void)
{
    const volatile uint8_t *in = (const volatile uint8_t *)RV_IN_BASE;
    /* misaligned reads of the header/payload must agree with aligned ones */
    uint32_t w0 = lw(in), w1 = lw(in + 4);
    check("in lw+1", 0, lw(in + 1), w0 >> 8 | w1 << 24);
    check("in lw+2", 0, lw(in + 2), w0 >> 16 | w1 << 16);
    check("in lw+3", 0, lw(in + 3), w0 >> 24 | w1 << 8);
    check("in lhu+3", 0, lhu(in + 3), (w0 >> 24 | w1 << 8) & 0xffff);
    check("in lh+1", 0, lh(in + 1), (uint32_t)(int32_t)(int16_t)(w0 >> 8));
}

static void test_out(void)
{
    /* scratch use of OUT far beyond the payload (the report lines), so
       not part of the out file */
    volatile uint8_t *o = (volatile uint8_t *)RV_OUT_BASE + 0x80000;
    for (int i = 0; i < 16; i++)
        sb(o + i, PAT(i));
    check_loads("out", o);
    sw(o + 1, 0xcafef00du);
    check("out sw+1", 0, lw(o), 0xfef00d00u | PAT(0));
    check("out sw+1", 1, lw(o + 4), (le32(4) & 0xffffff00u) | 0xcau);
}

#if defined(__riscv_atomic)
static void test_amo(void)
{
    volatile uint32_t *w = (volatile uint32_t *)(ram + 56);
    uint32_t old;

    *w = 10;
    __asm__ volatile ("amoswap.w %0, %2, (%1)" : "=r"(old) : "r"(w), "r"(77u) : "memory");
    check("amoswap old", 0, old, 10);   check("amoswap new", 0, *w, 77);
    __asm__ volatile ("amoadd.w %0, %2, (%1)" : "=r"(old) : "r"(w), "r"(-7) : "memory");
    check("amoadd old", 0, old, 77);    check("amoadd new", 0, *w, 70);
    __asm__ volatile ("amoxor.w %0, %2, (%1)" : "=r"(old) : "r"(w), "r"(0xffu) : "memory");
    check("amoxor old", 0, old, 70);    check("amoxor new", 0, *w, 70u ^ 0xffu);
    *w = 0xf0f0f0f0u;
    __asm__ volatile ("amoand.w %0, %2, (%1)" : "=r"(old) : "r"(w), "r"(0x0ff00ff0u) : "memory");
    check("amoand old", 0, old, 0xf0f0f0f0u); check("amoand new", 0, *w, 0x00f000f0u);
    __asm__ volatile ("amoor.w %0, %2, (%1)" : "=r"(old) : "r"(w), "r"(0x11000001u) : "memory");
    check("amoor old", 0, old, 0x00f000f0u);  check("amoor new", 0, *w, 0x11f000f1u);
    *w = (uint32_t)-5;
    __asm__ volatile ("amomin.w %0, %2, (%1)" : "=r"(old) : "r"(w), "r"(3) : "memory");
    check("amomin old", 0, old, (uint32_t)-5); check("amomin new", 0, *w, (uint32_t)-5);
    __asm__ volatile ("amomax.w %0, %2, (%1)" : "=r"(old) : "r"(w), "r"(3) : "memory");
    check("amomax old", 0, old, (uint32_t)-5); check("amomax new", 0, *w, 3);
    *w = (uint32_t)-5;
    __asm__ volatile ("amominu.w %0, %2, (%1)" : "=r"(old) : "r"(w), "r"(3) : "memory");
    check("amominu old", 0, old, (uint32_t)-5); check("amominu new", 0, *w, 3);
    __asm__ volatile ("amomaxu.w %0, %2, (%1)" : "=r"(old) : "r"(w), "r"(-1) : "memory");
    check("amomaxu old", 0, old, 3);    check("amomaxu new", 0, *w, 0xffffffffu);

    /* lr/sc on a single hart with nothing in between: sc succeeds (0) */
    uint32_t val, fail;
    *w = 1234;
    __asm__ volatile ("lr.w %0, (%2)\n\t"
                      "sc.w %1, %3, (%2)"
                      : "=&r"(val), "=&r"(fail) : "r"(w), "r"(4321u) : "memory");
    check("lr.w", 0, val, 1234);
    check("sc.w result", 0, fail, 0);
    check("sc.w stored", 0, *w, 4321);
}
#endif

#if defined(__riscv_flen) && __riscv_flen >= 64
static void test_fp_mem(void)
{
    volatile uint8_t *b = ram;
    for (int i = 0; i < 16; i++)
        sb(b + i, PAT(i));
    for (int k = 0; k < 4; k++) {
        uint32_t lo, hi;
        /* flw + fsw round trip (bit pattern preserved, misaligned too) */
        __asm__ volatile ("flw fa0, 0(%1)\n\t"
                          "fsw fa0, 0(%2)\n\t"
                          "lw  %0, 0(%2)"
                          : "=r"(lo) : "r"(b + k), "r"(b + 32 + k) : "fa0", "memory");
        check("flw/fsw", k, lo, le32(k));
        __asm__ volatile ("fld fa0, 0(%2)\n\t"
                          "fsd fa0, 0(%3)\n\t"
                          "lw  %0, 0(%3)\n\t"
                          "lw  %1, 4(%3)"
                          : "=&r"(lo), "=&r"(hi) : "r"(b + k), "r"(b + 40 + k) : "fa0", "memory");
        check("fld/fsd lo", k, lo, le32(k));
        check("fld/fsd hi", k, hi, le32(k + 4));
    }
}
#endif

int main(void)
{
    rv_out_clear();
    test_ram();
    test_rom();
    test_in();
    test_out();
#if defined(__riscv_atomic)
    test_amo();
#endif
#if defined(__riscv_flen) && __riscv_flen >= 64
    test_fp_mem();
#endif
    if (failures == 0)
        printf("memtest ok\n");
    else
        printf("memtest: %u failures\n", failures);
    return failures > 255 ? 255 : (int)failures;
}
