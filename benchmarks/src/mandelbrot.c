/*
 * mandelbrot: escape-time iteration counts of a 32 x 24 grid, at most 256 iterations per point,
 * scale frames in double precision. Frame f: step = 3.0 / 32 / (1 + f / 256.0), the grid's corner
 * at (-0.75 - 16 * step, 0.1 - 12 * step) (so frames zoom towards (-0.75, 0.1)); point (px, py) is
 * c = (x0 + px * step, y0 + py * step). Iteration from z = 0 while |z|^2 <= 4:
 * zi = 2 * zr * zi + ci; zr = zr2 - zi2 + cr (zr2 = zr * zr, zi2 = zi * zi).
 * Result: h = h * 31 + iterations, per point, row by row, frame by frame (modulo 2^64).
 * RAM: none to speak of. Default scale 480.
 */
#include "bench.h"
#include "reference.h"

#define W 32
#define H 24
#define MAXIT 256

static BENCH_NOINLINE uint64_t frame(uint64_t h, uint32_t f)
{
    double step = 3.0 / W / (1.0 + (double)f / 256.0);
    double x0 = -0.75 - (W / 2) * step;
    double y0 = 0.1 - (H / 2) * step;
    for (int py = 0; py < H; py++) {
        double ci = y0 + py * step;
        for (int px = 0; px < W; px++) {
            double cr = x0 + px * step;
            double zr = 0.0, zi = 0.0, zr2 = 0.0, zi2 = 0.0;
            uint32_t it = 0;
            while (it < MAXIT && zr2 + zi2 <= 4.0) {
                zi = 2.0 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                zr2 = zr * zr;
                zi2 = zi * zi;
                it++;
            }
            h = h * 31 + it;
        }
    }
    return h;
}

int main(int argc, char **argv)
{
    uint32_t scale = bench_scale(argc, argv, DEFAULT_SCALE_MANDELBROT);
    uint64_t h = 0;
    for (uint32_t f = 0; f < scale; f++)
        h = frame(h, f);
    return BENCH_FINISH("mandelbrot", scale, h, REF_MANDELBROT);
}
