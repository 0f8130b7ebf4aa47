/* selfmod: code that runs from RAM and is changed while the program runs.
 *
 * add_five (addi a0, a0, 5; ret) sits in ROM. main calls it there, copies
 * it to RAM, calls the copy, patches the copy's immediate to 7 (fence.i)
 * and calls it again, then patches it into "slli a0, a0, 3" and calls it
 * a third time. A translator must hand RAM code to the interpreter, and
 * must never run a stale translation of code that was changed.
 *
 * OUT = "rom=15 ram=15 patched=17 shifted=80\n"; exit status 0 when all
 * four are right, 1 otherwise. */
#include <stdio.h>
#include "rvjar.h"

typedef int (*int_fn)(int);

extern const uint32_t add_five[], add_five_end[];
__asm__(
    "  .section .text.add_five, \"ax\", @progbits\n"
    "  .p2align 2\n"
    "  .globl add_five, add_five_end\n"
    "  .option push\n"
    "  .option norvc\n"
    "add_five:\n"
    "  addi a0, a0, 5\n"
    "  ret\n"
    "add_five_end:\n"
    "  .option pop\n");

static uint32_t code[8] __attribute__((aligned(4)));

/* fence.i: Zifencei is not in the kit's -march strings, so switch it on here
   (which also tells objdump, through the ELF's ISA mapping symbols). */
static inline void fence_i(void)
{
    __asm__ volatile (".option push\n.option arch, +zifencei\nfence.i\n.option pop" ::: "memory");
}

static int call(const void *fn, int arg)
{
    return ((int_fn)(uintptr_t)fn)(arg);
}

int main(void)
{
    rv_out_clear();
    int rom = call(add_five, 10);

    for (unsigned i = 0; i < (unsigned)(add_five_end - add_five); i++)
        code[i] = add_five[i];
    fence_i();
    int ram = call(code, 10);

    code[0] = (code[0] & 0x000FFFFFu) | (7u << 20);         /* addi a0, a0, 7 */
    fence_i();
    int patched = call(code, 10);

    code[0] = 0x00351513u;                                    /* slli a0, a0, 3 */
    fence_i();
    int shifted = call(code, 10);

    printf("rom=%d ram=%d patched=%d shifted=%d\n", rom, ram, patched, shifted);
    return rom == 15 && ram == 15 && patched == 17 && shifted == 80 ? 0 : 1;
}
