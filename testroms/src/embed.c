/* embed: a ROM for the Java embedding API (Machine.vmcall and friends).
 *
 * main registers a GET and a POST handler with the host (system calls 600
 * and 601, function pointers in a0), then waits for requests (system call
 * 602, which an embedding host answers with machine.stop()); the host then
 * calls the handlers and the exported functions below with vmcall. Run as
 * a plain call, where those numbers return ENOSYS, it exits with status 0.
 */
#include <stdint.h>
#include "rvjar.h"

#define SYS_REGISTER_GET  600
#define SYS_REGISTER_POST 601
#define SYS_WAIT_REQUESTS 602
#define SYS_HOST_ADD      603

#define EXPORT __attribute__((used, retain, noinline))

struct point { int32_t x; int32_t y; double weight; };

volatile int requests;
int32_t counter;
char last_url[64];

static void copy_url(const char *url)
{
    int i = 0;
    for (; url[i] && i < 63; i++)
        last_url[i] = url[i];
    last_url[i] = 0;
}

static int handle_get(const char *url)
{
    copy_url(url);
    requests++;
    return 200;
}

static int handle_post(const char *url, const uint8_t *data, size_t len)
{
    copy_url(url);
    requests++;
    int sum = 0;
    for (size_t i = 0; i < len; i++)
        sum += data[i];
    return sum;
}

EXPORT void empty(void) { }
EXPORT int add(int a, int b) { return a + b; }
EXPORT int64_t add64(int64_t a, int64_t b) { return a + b; }
EXPORT int sum9(int a, int b, int c, int d, int e, int f, int g, int h, int i)
{ return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i; }
EXPORT double scale(double x, float y, int z) { return x * y + z; }
EXPORT float halve(float x) { return x / 2; }
EXPORT int length(const char *s) { int n = 0; while (s[n]) n++; return n; }
EXPORT int32_t point_sum(const struct point *p) { return p->x + p->y + (int32_t)p->weight; }
EXPORT int32_t increment(void) { return ++counter; }
EXPORT void spin(void) { for (;;) requests++; }
EXPORT int crash(void) { return *(volatile int *)0x0C000000; }
EXPORT void fill_bytes(uint8_t *p, int n, int value) { for (int i = 0; i < n; i++) p[i] = (uint8_t)value; }
/* calls the host (system call 603) which calls back into the guest with preempt */
EXPORT int via_host(int a) { return (int)rv_syscall1(SYS_HOST_ADD, a) + 1; }
/* n system calls to a host function that returns its argument */
EXPORT int syscalls(int n) { int s = 0; for (int i = 0; i < n; i++) s += (int)rv_syscall1(SYS_HOST_ADD + 1, i); return s; }

/* rv_syscall1 as gcc compiles it above, with a nop in place of its ecall: syscalls(n) less
   calls(n) is what n system calls themselves cost (naked: exactly these instructions) */
__attribute__((naked, noinline)) static long no_syscall1(long n, long a0)
{
    (void)n;
    (void)a0;
    __asm__ volatile ("mv " RV__SYSNO_REG ", a0\n li a2, 0\n mv a0, a1\n li a3, 0\n"
                      "li a1, 0\n li a4, 0\n li a5, 0\n nop\n ret");
}
EXPORT int calls(int n) { int s = 0; for (int i = 0; i < n; i++) s += (int)no_syscall1(SYS_HOST_ADD + 1, i); return s; }

int main(void)
{
    rv_syscall1(SYS_REGISTER_GET, (long)(uintptr_t)handle_get);
    rv_syscall1(SYS_REGISTER_POST, (long)(uintptr_t)handle_post);
    rv_syscall0(SYS_WAIT_REQUESTS);
    return 0;
}
