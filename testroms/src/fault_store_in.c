/* fault_store_in: store (sw) to IN address 0x08000010 -> guest fault
   (store to IN, which is read-only) at fault_pc, address 0x08000010. */
#include "fault.h"

int main(void)
{
    fault_prelude();
    __asm__ volatile (
        "li   t1, 0x08000010\n\t"
        "li   t2, 0x12345678\n\t"
        ".globl fault_pc\n"
        "fault_pc:\n\t"
        "sw   t2, 0(t1)\n\t"
        ::: "t1", "t2", "memory");
    return 1;   /* not reached */
}
