/* counter: persistent state in .noinit, re-initialised state in .data.
 *
 * OUT = "calls=N data=6\n" where N counts the calls made with this ram
 * file (1 on a fresh/zeroed RAM, then 2, 3, ...). data is always 6
 * because crt0 copies .data (data_value = 5) from ROM on every call.
 * Exit status 0. */
#include <stdio.h>
#include "rvjar.h"

#define COUNTER_MAGIC 0x52564A52u   /* "RJVR" in memory */

struct counter_state {
    uint32_t magic;
    uint32_t calls;
};

static struct counter_state state RV_NOINIT;

int data_value = 5;

int main(void)
{
    rv_out_clear();
    if (state.magic != COUNTER_MAGIC) {
        state.magic = COUNTER_MAGIC;
        state.calls = 0;
    }
    state.calls++;
    data_value++;
    printf("calls=%lu data=%d\n", (unsigned long)state.calls, data_value);
    return 0;
}
