/* fault_load_unmapped: load (lw) from unmapped address 0x04000000 ->
   guest fault (load) at fault_pc, address 0x04000000. */
#include "fault.h"

int main(void)
{
    fault_prelude();
    uint32_t v;
    __asm__ volatile (
        "li   t1, 0x04000000\n\t"
        ".globl fault_pc\n"
        "fault_pc:\n\t"
        "lw   %0, 0(t1)\n\t"
        : "=r"(v) :: "t1", "memory");
    return (int)v;   /* not reached */
}
