/* fault.h - shared prelude of the fault_* ROMs (not a ROM itself).
 *
 * Before faulting, every fault ROM changes RAM and OUT so that a test can
 * check that a faulting call leaves both the ram and the out file as they
 * were:
 *   - increments the uint32 at 0x01000000 (first word of .noinit),
 *   - sets OUT to "before fault\n".
 * The faulting instruction carries the global label `fault_pc` (look it up
 * with nm in the .elf). */
#ifndef FAULT_H
#define FAULT_H

#include "rvjar.h"

static volatile uint32_t fault_marker RV_NOINIT;

static inline void fault_prelude(void)
{
    fault_marker = fault_marker + 1;
    rv_out_clear();
    rv_out_puts("before fault\n");
    __asm__ volatile ("" ::: "memory");
}

#endif
