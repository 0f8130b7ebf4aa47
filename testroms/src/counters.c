/* counters: the cycle/instret CSRs count retired instructions exactly.
 *
 *   csrr instret; 10 x nop; csrr instret   -> difference 11
 *   csrr cycle;   10 x nop; csrr cycle     -> difference 11
 *   csrr cycle; csrr instret               -> difference 1 (same counter)
 *   instreth/cycleh                        -> 0 (a short run)
 * (the differences hold whether or not a counter read counts itself).
 *
 * OUT = "instret=11 cycle=11 cycle_to_instret=1 high=0/0\n" (the measured
 * values); exit status 0 if they are as above, 1 otherwise. */
#include <stdio.h>
#include "rvjar.h"

#define CSR_ASM(s) ".option push\n\t.option arch, +zicsr\n\t" s "\n\t.option pop"
#define NOP10 "nop\n\tnop\n\tnop\n\tnop\n\tnop\n\tnop\n\tnop\n\tnop\n\tnop\n\tnop\n\t"

int main(void)
{
    uint32_t i0, i1, c0, c1, cc, ci, ih, ch;

    rv_out_clear();
    __asm__ volatile (".option push\n\t.option norvc\n\t.option arch, +zicsr\n\t"
                      "csrr %0, instret\n\t" NOP10 "csrr %1, instret\n\t"
                      ".option pop"
                      : "=&r"(i0), "=&r"(i1));
    __asm__ volatile (".option push\n\t.option norvc\n\t.option arch, +zicsr\n\t"
                      "csrr %0, cycle\n\t" NOP10 "csrr %1, cycle\n\t"
                      ".option pop"
                      : "=&r"(c0), "=&r"(c1));
    __asm__ volatile (CSR_ASM("csrr %0, cycle\n\tcsrr %1, instret")
                      : "=&r"(cc), "=&r"(ci));
    __asm__ volatile (CSR_ASM("csrr %0, instreth\n\tcsrr %1, cycleh")
                      : "=&r"(ih), "=&r"(ch));

    uint32_t di = i1 - i0, dc = c1 - c0, dci = ci - cc;
    printf("instret=%lu cycle=%lu cycle_to_instret=%lu high=%lu/%lu\n",
           (unsigned long)di, (unsigned long)dc, (unsigned long)dci,
           (unsigned long)ih, (unsigned long)ch);
    return (di == 11 && dc == 11 && dci == 1 && ih == 0 && ch == 0) ? 0 : 1;
}
