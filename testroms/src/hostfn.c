/* hostfn: the host-accelerated C library functions (system calls 510-515)
 * through rvjar.h's RVJAR_HOST_FUNCTIONS names. Expected values are the C
 * standard's. Exits 0 when every check holds, else 100 + the number of the
 * first failed check; a host without the functions (ENOSYS) fails check 1. */
#define RVJAR_HOST_FUNCTIONS
#include "rvjar.h"

static char buf[32];

int main(void)
{
    rv_out_clear();
    if (strlen("hello, world") != 12)
        rv_exit(101);
    memset(buf, 'x', 8);
    buf[8] = 0;
    if (strcmp(buf, "xxxxxxxx") != 0)
        rv_exit(102);
    memcpy(buf, "abcdef", 7);
    if (strcmp(buf, "abcdef") != 0 || strcmp(buf, "abcdeg") >= 0 || strcmp("b", buf) <= 0)
        rv_exit(103);
    memmove(buf + 2, buf, 6);          /* overlapping: "ababcdef" */
    if (memcmp(buf, "ababcdef", 9) != 0 || memcmp(buf, "abz", 3) >= 0)
        rv_exit(104);
    if (memcmp("\xff", "\x01", 1) <= 0)  /* bytes compare unsigned */
        rv_exit(105);
    rv_out_puts(buf);
    return 0;
}
