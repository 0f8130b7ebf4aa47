/* wc: reads the IN payload through stdin (getchar) and writes
 * "<lines> <words> <bytes>\n" to OUT, like `wc` (lines = number of '\n',
 * words = maximal runs of non-space bytes, space = ' ' \t \n \v \f \r).
 * Exit status 0. Example: IN "hello world\nfoo\n" -> OUT "2 3 16\n". */
#include <stdio.h>
#include "rvjar.h"

int main(void)
{
    unsigned long lines = 0, words = 0, bytes = 0;
    int in_word = 0, c;

    rv_out_clear();
    while ((c = getchar()) != EOF) {
        bytes++;
        if (c == '\n')
            lines++;
        int space = c == ' ' || (c >= '\t' && c <= '\r');
        if (!space && !in_word)
            words++;
        in_word = !space;
    }
    printf("%lu %lu %lu\n", lines, words, bytes);
    return 0;
}
