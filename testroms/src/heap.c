/* heap: the host-managed heap (system calls 516-520) through the C library
 * names rvjar.h's RVJAR_HOST_FUNCTIONS gives it. Checks what the C standard
 * promises (distinct, aligned, non-overlapping blocks; realloc keeps the
 * contents; calloc zeroes; NULL when a request does not fit) and that freed
 * room comes back (after freeing everything, one block of nearly the whole
 * arena fits again). Exits 0 when every check holds, else 100 + the number
 * of the first failed check. The exported functions let a host hand the
 * heap pointers of its choosing (garbage, double frees). */
#define RVJAR_HOST_FUNCTIONS
#include "rvjar.h"

#define EXPORT __attribute__((used, retain, noinline))
#define CHECK(n, cond) do { if (!(cond)) rv_exit(100 + (n)); } while (0)
#define MAX_BLOCKS 512
/* the pointer escapes: GCC may not drop a malloc/free pair it can see through */
#define KEEP(p) __asm__ volatile ("" : : "r"(p) : "memory")

EXPORT void *heap_malloc(size_t n) { return malloc(n); }
EXPORT void heap_free(void *p) { free(p); }
EXPORT void *heap_realloc(void *p, size_t n) { return realloc(p, n); }

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(seed + 7 * i);
}

static int holds(const unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(seed + 7 * i))
            return 0;
    return 1;
}

static void *blocks[MAX_BLOCKS];

int main(void)
{
    size_t arena = (size_t)(__heap_end - __heap_start);
    rv_out_clear();
    rv_heap_reset();

    /* 1: distinct, 8-aligned, inside the arena, contents independent */
    static const size_t sizes[] = {1, 10, 100, 1000, 24, 4096};
    unsigned char *p[6];
    for (int i = 0; i < 6; i++) {
        p[i] = malloc(sizes[i]);
        CHECK(1, p[i] != NULL && ((uintptr_t)p[i] & 7) == 0);
        CHECK(1, (char *)p[i] >= __heap_start && (char *)p[i] + sizes[i] <= __heap_end);
        fill(p[i], sizes[i], i);
    }
    for (int i = 0; i < 6; i++)
        CHECK(2, holds(p[i], sizes[i], i));

    /* 3: realloc that must move (the next block is in use) keeps the contents */
    unsigned char *q = realloc(p[1], 5000);
    CHECK(3, q != NULL && holds(q, 10, 1) && holds(p[2], 100, 2));
    p[1] = q;
    /* 4: realloc growing into freed room after it, and shrinking, keep the contents */
    free(p[3]);
    q = realloc(p[2], 900);
    CHECK(4, q != NULL && holds(q, 100, 2));
    fill(q, 900, 9);
    q = realloc(q, 40);
    CHECK(4, q != NULL && holds(q, 40, 9));
    p[2] = q;
    p[3] = NULL;

    /* 5: calloc zeroes, also reused dirty memory */
    unsigned char *dirty = malloc(256);
    CHECK(5, dirty != NULL);
    fill(dirty, 256, 0xAA);
    KEEP(dirty);
    free(dirty);
    unsigned int *zeros = calloc(64, 4);
    CHECK(5, zeros != NULL);
    for (int i = 0; i < 64; i++)
        CHECK(5, zeros[i] == 0);
    free(zeros);

    /* 6: requests that cannot fit return NULL: larger than RAM, an overflowing calloc */
    CHECK(6, malloc(2u << 20) == NULL && malloc(arena) == NULL);
    CHECK(6, calloc(0x10000, 0x10001) == NULL);
    CHECK(6, realloc(p[0], 2u << 20) == NULL && holds(p[0], 1, 0));

    /* 7: realloc(NULL, n) allocates, realloc(p, 0) frees, free(NULL) does nothing */
    q = realloc(NULL, 32);
    KEEP(q);
    CHECK(7, q != NULL);
    CHECK(7, realloc(q, 0) == NULL);
    free(NULL);

    /* 8: exhaustion: 4 KiB blocks until none is left, none overlapping */
    for (int i = 0; i < 6; i++)
        free(p[i]);
    int n = 0;
    while (n < MAX_BLOCKS && (blocks[n] = malloc(4096)) != NULL) {
        fill(blocks[n], 16, n);              /* both ends: blocks must not overlap */
        fill((unsigned char *)blocks[n] + 4080, 16, ~n);
        n++;
    }
    CHECK(8, n > 100 && n < MAX_BLOCKS && (size_t)n * 4096 <= arena);
    for (int i = 0; i < n; i++)
        CHECK(8, holds(blocks[i], 16, i) && holds((unsigned char *)blocks[i] + 4080, 16, ~i));

    /* 9: freed in an interleaved order, the room comes back as one block */
    for (int i = 0; i < n; i += 2)
        free(blocks[i]);
    for (int i = 1; i < n; i += 2)
        free(blocks[i]);
    q = malloc(arena - 64);
    KEEP(q);
    CHECK(9, q != NULL);
    free(q);

    rv_out_puts("heap ok");
    return 0;
}
