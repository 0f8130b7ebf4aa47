/* hello: OUT = "Hello from RISC-V!\n", exit status 0. */
#include <stdio.h>
#include "rvjar.h"

int main(void)
{
    rv_out_clear();
    printf("Hello from RISC-V!\n");
    return 0;
}
