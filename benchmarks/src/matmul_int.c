/*
 * matmul_int: C = A x B on 128 x 128 int32 matrices (i-k-j loop order), scale rounds, all
 * arithmetic modulo 2^32. A and B are filled row by row from one bench_rand() stream (seed
 * 0x27D4EB2F; element = rand % 2001 - 1000, A first). Before round r, A[(7r) % 128][(13r) % 128] += r.
 * After each round: h = h * 31 + C[i][j] (modulo 2^64, row by row).
 * Result: h. RAM: 3 x 64 KiB. Default scale 128.
 */
#include "bench.h"
#include "reference.h"

#define N 128
static int32_t A[N][N], B[N][N], C[N][N];

static BENCH_NOINLINE void multiply(void)
{
    for (int i = 0; i < N; i++) {
        int32_t *c = C[i];
        for (int j = 0; j < N; j++)
            c[j] = 0;
        for (int k = 0; k < N; k++) {
            uint32_t a = (uint32_t)A[i][k];
            const int32_t *b = B[k];
            for (int j = 0; j < N; j++)
                c[j] = (int32_t)((uint32_t)c[j] + a * (uint32_t)b[j]);
        }
    }
}

int main(int argc, char **argv)
{
    uint32_t scale = bench_scale(argc, argv, DEFAULT_SCALE_MATMUL_INT);
    uint32_t seed = 0x27D4EB2Fu;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            A[i][j] = (int32_t)(bench_rand(&seed) % 2001) - 1000;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            B[i][j] = (int32_t)(bench_rand(&seed) % 2001) - 1000;
    uint64_t h = 0;
    for (uint32_t r = 0; r < scale; r++) {
        A[(7 * r) % N][(13 * r) % N] = (int32_t)((uint32_t)A[(7 * r) % N][(13 * r) % N] + r);
        multiply();
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                h = h * 31 + (uint32_t)C[i][j];
    }
    return BENCH_FINISH("matmul_int", scale, h, REF_MATMUL_INT);
}
