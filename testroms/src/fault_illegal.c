/* fault_illegal: executes the word 0xffffffff (low bits 1111111: a
   reserved >=192-bit encoding, illegal on every RV32 variant) -> guest
   fault (illegal instruction) at fault_pc. */
#include "fault.h"

int main(void)
{
    fault_prelude();
    __asm__ volatile (
        ".globl fault_pc\n"
        "fault_pc:\n\t"
        ".word 0xffffffff\n\t"
        ::: "memory");
    return 1;   /* not reached */
}
