/* fault_endless: a 2-instruction loop that is not a jump to itself
   (fault_pc: addi t1, t1, 1; j fault_pc). It never ends by itself: the
   call must be stopped by the instruction limit. */
#include "fault.h"

int main(void)
{
    fault_prelude();
    __asm__ volatile (
        "li   t1, 0\n\t"
        ".globl fault_pc\n"
        "fault_pc:\n\t"
        "addi t1, t1, 1\n\t"
        "j    fault_pc\n\t"
        ::: "t1", "memory");
    return 1;   /* not reached */
}
