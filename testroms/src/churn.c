/* churn: a call that rewrites RAM and the whole OUT region, differently every call, for the test
 * that kills `rvjar run` while it writes the ram and out files back.
 *
 * Call N (N = 1 on zeroed RAM, then 2, 3, ...; the count is kept in .noinit) writes N * 0x9E3779B1 + i
 * into every 16th word i of FILL_WORDS .noinit words after the count (896 KiB of RAM), and into
 * every 16th word i of the OUT payload, which fills the region (RV_OUT_MAX bytes). One word in 64
 * bytes, finer than any file system writes, is enough to tell a file torn between two calls from
 * either, and keeps a call short. Exit status 0. */
#include "rvjar.h"

#define GOLDEN 0x9E3779B1u
#define FILL_WORDS (224u * 1024u)   /* RAM is 1 MiB, of which the stack takes 64 KiB */
#define STRIDE 16u

struct churn_state {
    uint32_t calls;
    uint32_t fill[FILL_WORDS];
};

static struct churn_state state RV_NOINIT;

int main(void)
{
    uint32_t n = ++state.calls;
    uint32_t base = n * GOLDEN;
    for (uint32_t i = 0; i < FILL_WORDS; i += STRIDE) {
        state.fill[i] = base + i;
    }
    uint32_t *out = (uint32_t *)rv_out_data();
    for (uint32_t i = 0; i < RV_OUT_MAX / 4; i += STRIDE) {
        out[i] = base + i;
    }
    rv_out_set_len(RV_OUT_MAX);
    return 0;
}
