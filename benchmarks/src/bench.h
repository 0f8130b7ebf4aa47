/*
 * bench.h - the common frame of rvjar's benchmark programs.
 *
 * Every benchmark is one C file built three ways from the same source: as an RV32 ROM for the rvjar
 * machine (rv32imac and rv32gc, with the testroms kit), as the same ROM wrapped for qemu-riscv32,
 * and natively for the host with gcc -O2. It
 *
 *   - reads its scale (a positive decimal number) from argv[1] natively, or from the IN payload
 *     on the machine (an empty payload or no argument means the benchmark's default scale);
 *   - computes a 64-bit result;
 *   - prints one short line (to OUT on the machine, to stdout natively);
 *   - exits 0 only when the result equals the reference value for that scale, 1 when it differs,
 *     2 when there is no reference value for the scale, 64 for a malformed scale.
 *
 * The reference values (reference.h) are computed independently, by tools/Reference.java (Java's
 * own MessageDigest, CRC32, Arrays.sort, regular expressions, IEEE float and double arithmetic),
 * never by this C code: see benchmarks/README.md.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __riscv
#include "rvjar.h"
#endif

typedef struct {
    uint32_t scale;
    uint64_t value;
} bench_ref;

#define BENCH_NOINLINE __attribute__((noinline, noipa))

/* xorshift32 (Marsaglia): the one pseudo-random generator of the suite. Never seeded with 0. */
static inline uint32_t bench_rand(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

static uint32_t bench_scale(int argc, char **argv, uint32_t default_scale)
{
    char buf[16];
    const char *s = NULL;
    if (argc > 1) {
        s = argv[1];
    }
#ifdef __riscv
    else {
        uint32_t n = rv_in_len();
        if (n >= sizeof buf)
            n = sizeof buf - 1;
        memcpy(buf, rv_in_data(), n);
        buf[n] = 0;
        while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
            buf[--n] = 0;
        s = buf;
    }
#else
    (void)buf;
#endif
    if (s == NULL || *s == 0)
        return default_scale;
    uint32_t v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9' || v > 100000000u) {
            fputs("bad scale\n", stdout);
            exit(64);
        }
        v = v * 10 + (uint32_t)(*p - '0');
    }
    if (v == 0) {
        fputs("bad scale\n", stdout);
        exit(64);
    }
    return v;
}

static char *bench_dec(char *p, uint32_t v)
{
    char tmp[12];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *p++ = tmp[--n];
    return p;
}

static char *bench_hex64(char *p, uint64_t v)
{
    for (int i = 60; i >= 0; i -= 4)
        *p++ = "0123456789abcdef"[(v >> i) & 15];
    return p;
}

static char *bench_str(char *p, const char *s)
{
    while (*s)
        *p++ = *s++;
    return p;
}

/* Prints "NAME scale=N result=HEX ok|MISMATCH expected=HEX|no-reference" and returns the exit status. */
static int bench_finish(const char *name, uint32_t scale, uint64_t value, const bench_ref *refs, size_t count)
{
    char line[128];
    char *p = bench_str(line, name);
    p = bench_str(p, " scale=");
    p = bench_dec(p, scale);
    p = bench_str(p, " result=");
    p = bench_hex64(p, value);
    int status = 2;
    for (size_t i = 0; i < count; i++) {
        if (refs[i].scale == scale) {
            if (refs[i].value == value) {
                status = 0;
                p = bench_str(p, " ok");
            } else {
                status = 1;
                p = bench_str(p, " MISMATCH expected=");
                p = bench_hex64(p, refs[i].value);
            }
        }
    }
    if (status == 2)
        p = bench_str(p, " no-reference");
    *p++ = '\n';
    *p = 0;
    fputs(line, stdout);
    fflush(stdout);
    return status;
}

#define BENCH_FINISH(name, scale, value, refs) bench_finish(name, scale, value, refs, sizeof refs / sizeof refs[0])

#endif
