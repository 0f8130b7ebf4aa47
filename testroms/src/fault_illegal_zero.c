/* fault_illegal_zero: executes the all-zero word (defined illegal by the
   RISC-V spec; with C it is the illegal 16-bit parcel 0x0000) -> guest
   fault (illegal instruction) at fault_pc. */
#include "fault.h"

int main(void)
{
    fault_prelude();
    __asm__ volatile (
        ".globl fault_pc\n"
        "fault_pc:\n\t"
        ".word 0x00000000\n\t"
        ::: "memory");
    return 1;   /* not reached */
}
