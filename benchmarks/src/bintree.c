/*
 * bintree: allocate, walk and free binary trees with malloc/free (the C library's allocator: picolibc
 * on the machine, glibc natively). A long-lived tree of depth 10 lives through the whole run.
 * Each of scale rounds r builds, for depth d = 4, 6, 8, 10, 12, 2^(14 - d) complete trees of depth d
 * (tree k has root value k + r; a node of value v has children 2v and 2v + 1), walks each
 * (c = c * 31 + (sum of values + node count), modulo 2^64, per tree) and frees it. The long-lived
 * tree (root value 7) is walked last. About 160,000 nodes allocated per round.
 * Result: c. RAM: at most 8191 + 2047 nodes live (about 200 KiB with the allocator's overhead).
 * Default scale 24.
 */
#include "bench.h"
#include "reference.h"

typedef struct node {
    struct node *left, *right;
    uint32_t value;
} node;

static node *build(int depth, uint32_t value)
{
    node *n = malloc(sizeof *n);
    if (n == NULL) {
        fputs("bintree: out of memory\n", stdout);
        exit(3);
    }
    n->value = value;
    if (depth > 0) {
        n->left = build(depth - 1, 2 * value);
        n->right = build(depth - 1, 2 * value + 1);
    } else {
        n->left = n->right = NULL;
    }
    return n;
}

static uint32_t walk(const node *n)
{
    uint32_t s = n->value + 1;
    if (n->left)
        s += walk(n->left) + walk(n->right);
    return s;
}

static void destroy(node *n)
{
    if (n->left) {
        destroy(n->left);
        destroy(n->right);
    }
    free(n);
}

static BENCH_NOINLINE uint64_t run(uint32_t scale)
{
    node *keep = build(10, 7);
    uint64_t c = 0;
    for (uint32_t r = 0; r < scale; r++) {
        for (int d = 4; d <= 12; d += 2) {
            uint32_t trees = 1u << (14 - d);
            for (uint32_t k = 0; k < trees; k++) {
                node *t = build(d, k + r);
                c = c * 31 + walk(t);
                destroy(t);
            }
        }
    }
    c = c * 31 + walk(keep);
    destroy(keep);
    return c;
}

int main(int argc, char **argv)
{
    uint32_t scale = bench_scale(argc, argv, DEFAULT_SCALE_BINTREE);
    return BENCH_FINISH("bintree", scale, run(scale), REF_BINTREE);
}
