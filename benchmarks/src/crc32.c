/*
 * crc32: CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, the zlib one), byte-at-a-time with a
 * 256-entry table, over scale x 1 MiB: four passes per scale unit over a 256 KiB buffer of
 * bench_rand() words (little-endian, seed 0x6C078965), as one message.
 * Result: the CRC. RAM: 256 KiB buffer + 1 KiB table. Default scale 64 (64 MiB).
 */
#include "bench.h"
#include "reference.h"

#define SIZE (256 * 1024)
static uint8_t buf[SIZE];
static uint32_t table[256];

static BENCH_NOINLINE uint32_t crc_update(uint32_t crc, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        crc = table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return crc;
}

static BENCH_NOINLINE uint64_t run(uint32_t scale)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    uint32_t seed = 0x6C078965u;
    for (int i = 0; i < SIZE; i += 4) {
        uint32_t v = bench_rand(&seed);
        buf[i] = (uint8_t)v;
        buf[i + 1] = (uint8_t)(v >> 8);
        buf[i + 2] = (uint8_t)(v >> 16);
        buf[i + 3] = (uint8_t)(v >> 24);
    }
    uint32_t crc = 0xFFFFFFFFu;
    for (uint32_t pass = 0; pass < scale * 4; pass++)
        crc = crc_update(crc, buf, SIZE);
    return crc ^ 0xFFFFFFFFu;
}

int main(int argc, char **argv)
{
    uint32_t scale = bench_scale(argc, argv, DEFAULT_SCALE_CRC32);
    return BENCH_FINISH("crc32", scale, run(scale), REF_CRC32);
}
