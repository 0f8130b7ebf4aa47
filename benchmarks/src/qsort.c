/*
 * qsort: quicksort (median of three, insertion sort below 16 elements, recursion on the smaller
 * side) of 131,072 uint32 values, scale rounds. Round r fills the array with bench_rand() from seed
 * 0x9E3779B9 ^ (r * 0x85EBCA6B) (or 1 if that is 0), sorts it ascending, checks it is sorted, and
 * folds it in: h = h * 31 + a[i] (modulo 2^64) over the whole array.
 * Result: h. RAM: 512 KiB array. Default scale 16.
 */
#include "bench.h"
#include "reference.h"

#define N 131072
static uint32_t a[N];

static void insertion(uint32_t *v, int lo, int hi)
{
    for (int i = lo + 1; i <= hi; i++) {
        uint32_t x = v[i];
        int j = i - 1;
        while (j >= lo && v[j] > x) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
}

static inline void swap(uint32_t *v, int i, int j)
{
    uint32_t t = v[i];
    v[i] = v[j];
    v[j] = t;
}

static BENCH_NOINLINE void quicksort(uint32_t *v, int lo, int hi)
{
    while (hi - lo >= 16) {
        int mid = lo + (hi - lo) / 2;
        if (v[mid] < v[lo]) swap(v, mid, lo);
        if (v[hi] < v[lo]) swap(v, hi, lo);
        if (v[hi] < v[mid]) swap(v, hi, mid);
        uint32_t pivot = v[mid];
        int i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i <= j) {
                swap(v, i, j);
                i++;
                j--;
            }
        }
        if (j - lo < hi - i) {
            quicksort(v, lo, j);
            lo = i;
        } else {
            quicksort(v, i, hi);
            hi = j;
        }
    }
    insertion(v, lo, hi);
}

int main(int argc, char **argv)
{
    uint32_t scale = bench_scale(argc, argv, DEFAULT_SCALE_QSORT);
    uint64_t h = 0;
    for (uint32_t r = 0; r < scale; r++) {
        uint32_t seed = 0x9E3779B9u ^ (r * 0x85EBCA6Bu);
        if (seed == 0)
            seed = 1;
        for (int i = 0; i < N; i++)
            a[i] = bench_rand(&seed);
        quicksort(a, 0, N - 1);
        for (int i = 1; i < N; i++)
            if (a[i - 1] > a[i]) {
                fputs("qsort: not sorted\n", stdout);
                return 1;
            }
        for (int i = 0; i < N; i++)
            h = h * 31 + a[i];
    }
    return BENCH_FINISH("qsort", scale, h, REF_QSORT);
}
