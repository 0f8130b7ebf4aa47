/*
 * nbody: gravitational n-body simulation of 16 bodies in double precision, scale x 50 steps of
 * dt = 0.001 with softening 0.01 (semi-implicit Euler: all pairwise velocity updates, then all
 * positions).
 *
 * Bodies: from one bench_rand() stream (seed 0x3C6EF372), per body in order x, y, z
 * = (rand % 20001 - 10000) / 1000.0, vx, vy, vz = (rand % 2001 - 1000) / 10000.0,
 * mass = 0.5 + (rand % 1001) / 1000.0.
 * Step: for i < j: dx = xi - xj (and y, z); d2 = dx*dx + dy*dy + dz*dz + 0.01; mag = dt / (d2 * sqrt(d2));
 *       vi -= d * (mj * mag); vj += d * (mi * mag); then p += dt * v for every body.
 * Energy: sum of 0.5 * m * (vx*vx + vy*vy + vz*vz) minus, for i < j, mi * mj / sqrt(d2) (softened).
 * Every operation in this order, IEEE 754 double, no contraction (-ffp-contract=off).
 * Result: the IEEE bits of the final energy. RAM: 1 KiB. Default scale 2000.
 */
#include <math.h>
#include "bench.h"
#include "reference.h"

#define NB 16
static double x[NB], y[NB], z[NB], vx[NB], vy[NB], vz[NB], m[NB];

static BENCH_NOINLINE void advance(uint32_t steps)
{
    const double dt = 0.001;
    for (uint32_t s = 0; s < steps; s++) {
        for (int i = 0; i < NB; i++) {
            for (int j = i + 1; j < NB; j++) {
                double dx = x[i] - x[j];
                double dy = y[i] - y[j];
                double dz = z[i] - z[j];
                double d2 = dx * dx + dy * dy + dz * dz + 0.01;
                double mag = dt / (d2 * sqrt(d2));
                double mi = m[i] * mag;
                double mj = m[j] * mag;
                vx[i] -= dx * mj;
                vy[i] -= dy * mj;
                vz[i] -= dz * mj;
                vx[j] += dx * mi;
                vy[j] += dy * mi;
                vz[j] += dz * mi;
            }
        }
        for (int i = 0; i < NB; i++) {
            x[i] += dt * vx[i];
            y[i] += dt * vy[i];
            z[i] += dt * vz[i];
        }
    }
}

static double energy(void)
{
    double e = 0.0;
    for (int i = 0; i < NB; i++) {
        e += 0.5 * m[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
        for (int j = i + 1; j < NB; j++) {
            double dx = x[i] - x[j];
            double dy = y[i] - y[j];
            double dz = z[i] - z[j];
            e -= m[i] * m[j] / sqrt(dx * dx + dy * dy + dz * dz + 0.01);
        }
    }
    return e;
}

int main(int argc, char **argv)
{
    uint32_t scale = bench_scale(argc, argv, DEFAULT_SCALE_NBODY);
    uint32_t seed = 0x3C6EF372u;
    for (int i = 0; i < NB; i++) {
        x[i] = (double)((int32_t)(bench_rand(&seed) % 20001) - 10000) / 1000.0;
        y[i] = (double)((int32_t)(bench_rand(&seed) % 20001) - 10000) / 1000.0;
        z[i] = (double)((int32_t)(bench_rand(&seed) % 20001) - 10000) / 1000.0;
        vx[i] = (double)((int32_t)(bench_rand(&seed) % 2001) - 1000) / 10000.0;
        vy[i] = (double)((int32_t)(bench_rand(&seed) % 2001) - 1000) / 10000.0;
        vz[i] = (double)((int32_t)(bench_rand(&seed) % 2001) - 1000) / 10000.0;
        m[i] = 0.5 + (double)(bench_rand(&seed) % 1001) / 1000.0;
    }
    advance(scale * 50);
    double e = energy();
    uint64_t bits;
    memcpy(&bits, &e, 8);
    return BENCH_FINISH("nbody", scale, bits, REF_NBODY);
}
