/* fault_fetch_unmapped: jump (jr) to unmapped address 0x05000000 ->
   guest fault (instruction fetch) at pc 0x05000000. The jump itself is
   at fault_pc. */
#include "fault.h"

int main(void)
{
    fault_prelude();
    __asm__ volatile (
        "li   t1, 0x05000000\n\t"
        ".globl fault_pc\n"
        "fault_pc:\n\t"
        "jr   t1\n\t"
        ::: "t1", "memory");
    return 1;   /* not reached */
}
