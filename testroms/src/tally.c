/* tally: a stateful lambda whose input chooses how the call ends, for the HTTP service's tests.
 *
 * Every call first adds 1 to a counter in .noinit (state kept from call to call), then looks at IN:
 *   "fault"  stores to ROM: a guest fault, so the state must stay as it was before the call;
 *   "loop"   loops for ever (not a jump to itself): stopped by the instruction budget or wall time;
 *   "exit3"  writes "tally=N\n" and exits with status 3 (a kept state, a non-zero status);
 *   other    writes "tally=N\n" and exits with status 0.
 * N is the counter after this call's increment: 1 on zeroed RAM, then 2, 3, ... */
#include <stdio.h>
#include <string.h>
#include "rvjar.h"

#define TALLY_MAGIC 0x544C4C59u

struct tally_state {
    uint32_t magic;
    uint32_t count;
};

static struct tally_state state RV_NOINIT;

/* A ROM address behind a volatile pointer: the compiler cannot prove the store out of bounds. */
static uint32_t *volatile rom_word = (uint32_t *)0x100;

static int input_is(const char *word)
{
    size_t n = strlen(word);
    return rv_in_len() == n && memcmp(rv_in_data(), word, n) == 0;
}

int main(void)
{
    rv_out_clear();
    if (state.magic != TALLY_MAGIC) {
        state.magic = TALLY_MAGIC;
        state.count = 0;
    }
    state.count++;
    if (input_is("fault")) {
        *rom_word = state.count;
    }
    if (input_is("loop")) {
        for (volatile uint32_t spin = 0;; spin++) {
        }
    }
    printf("tally=%lu\n", (unsigned long)state.count);
    return input_is("exit3") ? 3 : 0;
}
