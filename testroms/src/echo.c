/* echo: OUT payload = IN payload with ASCII a-z turned into A-Z, every
   other byte unchanged. Exit status 0. */
#include "rvjar.h"

int main(void)
{
    uint32_t n = rv_in_len();
    const uint8_t *in = rv_in_data();
    uint8_t *out = rv_out_data();

    rv_out_clear();
    for (uint32_t i = 0; i < n; i++) {
        uint8_t c = in[i];
        if (c >= 'a' && c <= 'z')
            c = (uint8_t)(c - ('a' - 'A'));
        out[i] = c;
    }
    rv_out_set_len(n);
    return 0;
}
