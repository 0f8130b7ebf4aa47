/*
 * rvjar.h - machine interface for rvjar bare-metal ROMs (RV32).
 *
 * Header-only: system calls, the IN and OUT regions, persistent RAM.
 * Works for RV32I/E/IMAC/IMAFDC; on RV32E (no a7) the system call number
 * is passed in t0 (x5), as the rvjar machine contract requires.
 *
 *   long rv_syscall(n, a0..a5)      generic ecall, returns a0
 *   long rv_write(fd, buf, count)   fd 1/2 -> host stdout/stderr
 *   void rv_exit(status)            ends the call (never returns)
 *   void rv_exit_group(status)      same, with system call 94
 *
 *   const uint8_t *rv_in_data()     IN payload (read only)
 *   uint32_t rv_in_len()            IN payload length (clamped)
 *
 *   uint8_t *rv_out_data()          OUT payload
 *   uint32_t rv_out_len()           current OUT payload length (clamped)
 *   void rv_out_clear()             OUT length := 0
 *   void rv_out_set_len(n)          OUT length := min(n, RV_OUT_MAX)
 *   uint32_t rv_out_write(p, n)     append n bytes, returns bytes appended
 *   uint32_t rv_out_puts(s)         append a NUL-terminated string
 *   int rv_out_putc(c)              append one byte (c, or -1 if full)
 *
 *   RV_NOINIT                       put a variable in .noinit (persists)
 *
 *   rv_memcpy .. rv_strcmp          host-accelerated (system calls 510-515)
 *   rv_malloc, rv_calloc, rv_realloc, rv_free, rv_heap_reset
 *                                   host-managed heap (516-520)
 *   #define RVJAR_HOST_FUNCTIONS    makes the C library names use them
 *
 * The OUT region starts each call with whatever the host put there; ROMs
 * that want a fresh output call rv_out_clear() first (all kit ROMs do).
 */
#ifndef RVJAR_H
#define RVJAR_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------- memory map */

#define RV_ROM_BASE     0x00000000u
#define RV_RAM_BASE     0x01000000u
#define RV_IN_BASE      0x08000000u
#define RV_OUT_BASE     0x08100000u
#define RV_REGION_SIZE  0x00100000u            /* every region: 1 MiB */
#define RV_IN_MAX       (RV_REGION_SIZE - 4u)  /* max payload bytes */
#define RV_OUT_MAX      (RV_REGION_SIZE - 4u)

/* ------------------------------------------------------- system calls */

#define RV_SYS_WRITE       64
#define RV_SYS_EXIT        93
#define RV_SYS_EXIT_GROUP  94

#define RV_EBADF   9
#define RV_ENOSYS  38

#if defined(__riscv_32e) || defined(__riscv_e)
#define RV__SYSNO_REG "t0"
#else
#define RV__SYSNO_REG "a7"
#endif

static inline long rv_syscall(long n, long a0, long a1, long a2,
                              long a3, long a4, long a5)
{
    register long r_a0 __asm__("a0") = a0;
    register long r_a1 __asm__("a1") = a1;
    register long r_a2 __asm__("a2") = a2;
    register long r_a3 __asm__("a3") = a3;
    register long r_a4 __asm__("a4") = a4;
    register long r_a5 __asm__("a5") = a5;
    register long r_n  __asm__(RV__SYSNO_REG) = n;
    __asm__ volatile ("ecall"
                      : "+r"(r_a0)
                      : "r"(r_a1), "r"(r_a2), "r"(r_a3), "r"(r_a4),
                        "r"(r_a5), "r"(r_n)
                      : "memory");
    return r_a0;
}

static inline long rv_syscall0(long n)
{ return rv_syscall(n, 0, 0, 0, 0, 0, 0); }
static inline long rv_syscall1(long n, long a0)
{ return rv_syscall(n, a0, 0, 0, 0, 0, 0); }
static inline long rv_syscall3(long n, long a0, long a1, long a2)
{ return rv_syscall(n, a0, a1, a2, 0, 0, 0); }

/* write(fd, buf, count): fd 1 -> host stdout, fd 2 -> host stderr.
   Returns count, or -RV_EBADF for any other fd. */
static inline long rv_write(int fd, const void *buf, size_t count)
{
    return rv_syscall3(RV_SYS_WRITE, fd, (long)(uintptr_t)buf, (long)count);
}

static inline __attribute__((noreturn)) void rv_exit(int status)
{
    rv_syscall1(RV_SYS_EXIT, status);
    for (;;) { }
}

static inline __attribute__((noreturn)) void rv_exit_group(int status)
{
    rv_syscall1(RV_SYS_EXIT_GROUP, status);
    for (;;) { }
}

/* ------------------------------------------- host functions (510-515) */

/* rvjar runs these C library functions in the host, in one go: memcpy and
   memmove (a copy through a host buffer, so overlap is safe), memset,
   memcmp, strlen, strcmp (results -1, 0 or 1). A range the guest may not
   read or write faults as the guest's own access would. Define
   RVJAR_HOST_FUNCTIONS before including rvjar.h to make the names memcpy,
   memset, memmove, memcmp, strlen and strcmp call them. */
#define RV_SYS_MEMCPY   510
#define RV_SYS_MEMSET   511
#define RV_SYS_MEMMOVE  512
#define RV_SYS_MEMCMP   513
#define RV_SYS_STRLEN   514
#define RV_SYS_STRCMP   515

static inline void *rv_memcpy(void *dst, const void *src, size_t n)
{ rv_syscall3(RV_SYS_MEMCPY, (long)(uintptr_t)dst, (long)(uintptr_t)src, (long)n); return dst; }
static inline void *rv_memset(void *dst, int c, size_t n)
{ rv_syscall3(RV_SYS_MEMSET, (long)(uintptr_t)dst, c, (long)n); return dst; }
static inline void *rv_memmove(void *dst, const void *src, size_t n)
{ rv_syscall3(RV_SYS_MEMMOVE, (long)(uintptr_t)dst, (long)(uintptr_t)src, (long)n); return dst; }
static inline int rv_memcmp(const void *a, const void *b, size_t n)
{ return (int)rv_syscall3(RV_SYS_MEMCMP, (long)(uintptr_t)a, (long)(uintptr_t)b, (long)n); }
static inline size_t rv_strlen(const char *s)
{ return (size_t)rv_syscall1(RV_SYS_STRLEN, (long)(uintptr_t)s); }
static inline int rv_strcmp(const char *a, const char *b)
{ return (int)rv_syscall3(RV_SYS_STRCMP, (long)(uintptr_t)a, (long)(uintptr_t)b, 0); }

/* ----------------------------------------- host-managed heap (516-520) */

/* malloc, calloc, realloc and free done by the host over the arena between
   __heap_start and __heap_end (mcu.ld), whose bounds every call passes after
   the C arguments. All of the heap's bookkeeping lives in the arena itself,
   so it is kept with RAM from call to call (like .noinit), in snapshots and
   in forks. The host formats the arena on first use; rv_heap_reset() empties
   it (picolibc's own heap starts empty on every call: call it at the start
   of main for the same). free or realloc of a pointer the heap did not hand
   out, or a double free, is a guest fault (rvjar run exits with 134); an
   allocation that does not fit returns NULL. With RVJAR_HOST_FUNCTIONS, the
   C library's malloc, calloc, realloc and free are these (weak definitions
   that replace picolibc's, for the C library's own allocations too). */
#define RV_SYS_MALLOC      516
#define RV_SYS_CALLOC      517
#define RV_SYS_REALLOC     518
#define RV_SYS_FREE        519
#define RV_SYS_HEAP_RESET  520

extern char __heap_start[], __heap_end[];
#define RV__HEAP (long)(uintptr_t)__heap_start, (long)(uintptr_t)__heap_end

static inline void *rv_malloc(size_t n)
{ return (void *)(uintptr_t)rv_syscall(RV_SYS_MALLOC, (long)n, RV__HEAP, 0, 0, 0); }
static inline void *rv_calloc(size_t count, size_t n)
{ return (void *)(uintptr_t)rv_syscall(RV_SYS_CALLOC, (long)count, (long)n, RV__HEAP, 0, 0); }
static inline void *rv_realloc(void *p, size_t n)
{ return (void *)(uintptr_t)rv_syscall(RV_SYS_REALLOC, (long)(uintptr_t)p, (long)n, RV__HEAP, 0, 0); }
static inline void rv_free(void *p)
{ rv_syscall(RV_SYS_FREE, (long)(uintptr_t)p, RV__HEAP, 0, 0, 0); }
static inline void rv_heap_reset(void)
{ rv_syscall(RV_SYS_HEAP_RESET, RV__HEAP, 0, 0, 0, 0); }

#ifdef RVJAR_HOST_FUNCTIONS
#include <string.h>
#include <stdlib.h>
#define memcpy  rv_memcpy
#define memset  rv_memset
#define memmove rv_memmove
#define memcmp  rv_memcmp
#define strlen  rv_strlen
#define strcmp  rv_strcmp
__attribute__((weak)) void *malloc(size_t n) { return rv_malloc(n); }
__attribute__((weak)) void *calloc(size_t count, size_t n) { return rv_calloc(count, n); }
__attribute__((weak)) void *realloc(void *p, size_t n) { return rv_realloc(p, n); }
__attribute__((weak)) void free(void *p) { rv_free(p); }
#endif

/* ------------------------------------------------------------------ IN */

static inline uint32_t rv_in_len(void)
{
    uint32_t n = *(const volatile uint32_t *)RV_IN_BASE;
    return n > RV_IN_MAX ? RV_IN_MAX : n;
}

static inline const uint8_t *rv_in_data(void)
{
    return (const uint8_t *)(RV_IN_BASE + 4u);
}

/* ----------------------------------------------------------------- OUT */

static inline volatile uint32_t *rv__out_hdr(void)
{
    return (volatile uint32_t *)RV_OUT_BASE;
}

static inline uint8_t *rv_out_data(void)
{
    return (uint8_t *)(RV_OUT_BASE + 4u);
}

static inline uint32_t rv_out_len(void)
{
    uint32_t n = *rv__out_hdr();
    return n > RV_OUT_MAX ? RV_OUT_MAX : n;
}

static inline void rv_out_set_len(uint32_t n)
{
    *rv__out_hdr() = n > RV_OUT_MAX ? RV_OUT_MAX : n;
}

static inline void rv_out_clear(void)
{
    *rv__out_hdr() = 0;
}

/* Append n bytes to OUT (the length header is updated after the bytes are
   stored). Bytes beyond the 1 MiB region are dropped. Returns the number
   of bytes appended. */
static inline uint32_t rv_out_write(const void *src, uint32_t n)
{
    uint32_t len = rv_out_len();
    uint32_t room = RV_OUT_MAX - len;
    if (n > room)
        n = room;
    uint8_t *dst = rv_out_data() + len;
    const uint8_t *s = (const uint8_t *)src;
    for (uint32_t i = 0; i < n; i++)
        dst[i] = s[i];
    __asm__ volatile ("" ::: "memory");
    *rv__out_hdr() = len + n;
    return n;
}

static inline int rv_out_putc(int c)
{
    uint32_t len = rv_out_len();
    if (len >= RV_OUT_MAX)
        return -1;
    rv_out_data()[len] = (uint8_t)c;
    __asm__ volatile ("" ::: "memory");
    *rv__out_hdr() = len + 1;
    return (uint8_t)c;
}

static inline uint32_t rv_out_puts(const char *s)
{
    uint32_t n = 0;
    while (s[n])
        n++;
    return rv_out_write(s, n);
}

/* ------------------------------------------------------- persistent RAM */

/* Variables marked RV_NOINIT live in .noinit at the start of RAM: crt0
   neither initialises nor zeroes them, so they keep their value from call
   to call (a fresh, missing ram file reads as zero). Give them no
   initialiser and check a magic value before trusting them. */
#define RV_NOINIT __attribute__((section(".noinit")))

#ifdef __cplusplus
}
#endif

#endif /* RVJAR_H */
