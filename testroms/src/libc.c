/* libc: picolibc on the kit - heap (malloc/realloc/free between .bss and
 * the stack), errno (thread-local: needs tp set by crt0), snprintf,
 * strtol, string functions, qsort, setjmp/longjmp, constructors (run by
 * crt0), atexit handlers and destructors (run by exit()).
 *
 * OUT = "libc ok\natexit ran\ndtor ran\n" and exit status 0 when every
 * check passes; otherwise "FAIL <line>: <what>" lines, then
 * "libc: N failures\n", the atexit/dtor lines, and exit status N. */
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rvjar.h"

/* the truncation below is deliberate */
#pragma GCC diagnostic ignored "-Wformat-truncation"

static unsigned failures;

#define CHECK(cond) do { if (!(cond)) { failures++; \
    printf("FAIL %d: %s\n", __LINE__, #cond); } } while (0)

static int ctor_ran;
static int data_init = 1234;            /* .data */
static int bss_zero;                     /* .bss */

__attribute__((constructor)) static void ctor(void)
{
    ctor_ran = data_init;                /* .data is ready before ctors */
}

__attribute__((destructor)) static void dtor(void)
{
    rv_out_puts("dtor ran\n");
}

static void on_exit_handler(void)
{
    rv_out_puts("atexit ran\n");
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static jmp_buf jb;

__attribute__((noinline)) static void jump_back(int v)
{
    longjmp(jb, v);
}

extern char __heap_start[], __heap_end[];

int main(void)
{
    rv_out_clear();

    /* crt0 */
    CHECK(ctor_ran == 1234);
    CHECK(bss_zero == 0);
    bss_zero = 1;

    /* heap */
    char *p = malloc(100);
    CHECK(p != NULL);
    CHECK(p >= __heap_start && p + 100 <= __heap_end);
    memset(p, 'x', 100);
    p = realloc(p, 200000);
    CHECK(p != NULL && p[0] == 'x' && p[99] == 'x');
    char *big = malloc(512 * 1024);
    CHECK(big != NULL);
    if (big) {
        big[0] = 1;
        big[512 * 1024 - 1] = 2;
        CHECK(big + 512 * 1024 <= __heap_end);
    }
    free(big);
    free(p);
    errno = 0;
    void *huge = malloc(2 * 1024 * 1024);    /* more than RAM */
    CHECK(huge == NULL);
    CHECK(errno == ENOMEM);

    /* errno is thread-local (tp-relative) */
    errno = 0;
    long l = strtol("99999999999999", NULL, 10);
    CHECK(l == LONG_MAX);
    CHECK(errno == ERANGE);
    errno = 0;
    CHECK(strtol("-0x7fF", NULL, 0) == -2047 && errno == 0);

    /* formatting */
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%d|%5u|%-4x|%08X|%s|%c|%%|%ld",
                     -42, 7u, 0xabu, 0xbeefu, "str", 'Z', -2147483647L - 1);
    CHECK(strcmp(buf, "-42|    7|ab  |0000BEEF|str|Z|%|-2147483648") == 0);
    CHECK(n == (int)strlen(buf));
    CHECK(snprintf(buf, 4, "%s", "truncated") == 9 && strcmp(buf, "tru") == 0);
    int a1 = 0, a2 = 0;
    CHECK(sscanf("12 -34", "%d %d", &a1, &a2) == 2 && a1 == 12 && a2 == -34);

    /* strings */
    char s[16] = "abcdefghij";
    memmove(s + 2, s, 5);
    CHECK(memcmp(s, "ababcdehij", 10) == 0);
    memmove(s, s + 3, 5);
    CHECK(memcmp(s, "bcdehdehij", 10) == 0);
    CHECK(strlen("hello") == 5);
    CHECK(strcmp("abc", "abd") < 0 && strncmp("abcx", "abcy", 3) == 0);
    CHECK(strchr("hello", 'l') != NULL && strrchr("hello", 'l')[1] == 'o');
    CHECK(strstr("needle in haystack", "hay") != NULL);

    /* qsort */
    int v[] = { 5, -3, 9, 0, 2, -3, 7 };
    qsort(v, 7, sizeof v[0], cmp_int);
    CHECK(v[0] == -3 && v[1] == -3 && v[2] == 0 && v[3] == 2 && v[6] == 9);

    /* setjmp/longjmp (saves s0-s11, and fs0-fs11 on rv32gc) */
    volatile int round = 0;
    int r = setjmp(jb);
    round++;
    if (r == 0)
        jump_back(77);
    CHECK(r == 77 && round == 2);

    atexit(on_exit_handler);

    if (failures == 0)
        printf("libc ok\n");
    else
        printf("libc: %u failures\n", failures);
    return (int)failures;
}
