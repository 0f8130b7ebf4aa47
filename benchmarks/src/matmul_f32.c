/*
 * matmul_f32: C = A x B on 64 x 64 single-precision matrices (i-k-j loop order, C[i][j] starts at
 * 0.0f and each product a[i][k] * b[k][j] is added in k order), scale rounds. A and B are filled
 * row by row from one bench_rand() stream (seed 0x165667B1; element = (rand % 17 - 8) * 0.25f,
 * A first). Before round r, A[(5r) % 64][(11r) % 64] += 0.5f. After each round:
 * h = h * 31 + bits(C[i][j]) (IEEE 754 binary32 bits, modulo 2^64, row by row).
 * Result: h. RAM: 3 x 16 KiB. Default scale 1600.
 */
#include "bench.h"
#include "reference.h"

#define N 64
static float A[N][N], B[N][N], C[N][N];

static BENCH_NOINLINE void multiply(void)
{
    for (int i = 0; i < N; i++) {
        float *c = C[i];
        for (int j = 0; j < N; j++)
            c[j] = 0.0f;
        for (int k = 0; k < N; k++) {
            float a = A[i][k];
            const float *b = B[k];
            for (int j = 0; j < N; j++)
                c[j] = c[j] + a * b[j];
        }
    }
}

int main(int argc, char **argv)
{
    uint32_t scale = bench_scale(argc, argv, DEFAULT_SCALE_MATMUL_F32);
    uint32_t seed = 0x165667B1u;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            A[i][j] = (float)((int32_t)(bench_rand(&seed) % 17) - 8) * 0.25f;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            B[i][j] = (float)((int32_t)(bench_rand(&seed) % 17) - 8) * 0.25f;
    uint64_t h = 0;
    for (uint32_t r = 0; r < scale; r++) {
        A[(5 * r) % N][(11 * r) % N] += 0.5f;
        multiply();
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                uint32_t bits;
                memcpy(&bits, &C[i][j], 4);
                h = h * 31 + bits;
            }
    }
    return BENCH_FINISH("matmul_f32", scale, h, REF_MATMUL_F32);
}
