/* syscalls: exercises the system call interface.
 *
 *   write(1, "out\n", 4)  -> host stdout gets "out\n", must return 4
 *   write(2, "err\n", 4)  -> host stderr gets "err\n", must return 4
 *   write(5, "bad\n", 4)  -> must return -9 (EBADF), nothing written
 *   syscall 123           -> must return -38 (ENOSYS)
 *
 * OUT = "write1=4 write2=4 write5=-9 sys123=-38\n" (the values actually
 * returned). If all four hold the call ends with exit_group(7), so the
 * expected exit status is 7; otherwise it exits (93) with status
 * 100 + the bit mask of failed checks (bit 0 write1, bit 1 write2,
 * bit 2 write5, bit 3 sys123), i.e. 101..115. */
#include <stdio.h>
#include "rvjar.h"

int main(void)
{
    rv_out_clear();

    long w1 = rv_write(1, "out\n", 4);
    long w2 = rv_write(2, "err\n", 4);
    long w5 = rv_write(5, "bad\n", 4);
    long s123 = rv_syscall0(123);

    printf("write1=%ld write2=%ld write5=%ld sys123=%ld\n", w1, w2, w5, s123);

    int failed = 0;
    if (w1 != 4)
        failed |= 1;
    if (w2 != 4)
        failed |= 2;
    if (w5 != -RV_EBADF)
        failed |= 4;
    if (s123 != -RV_ENOSYS)
        failed |= 8;

    if (failed == 0)
        rv_exit_group(7);
    rv_exit(100 + failed);
}
