/*
 * fpwork: real floating-point work whose every operation is correctly rounded
 * (+, -, *, /, sqrt; the Makefile passes -ffp-contract=off so nothing is fused),
 * so its results are bit-exact on any IEEE 754 machine.
 *
 * OUT: one line per result, the raw bits in hex:
 *   "e0 <bits>"      n-body energy (double) before the steps
 *   "e1 <bits>"      n-body energy after NBODY_STEPS steps
 *   "x<i> <bits>"    x position of body i after the steps
 *   "m<i> <bits>"    element (i, i) of the float matrix product C = A B
 *   "s <bits>"       sum of all elements of C (float)
 *   "q <bits>"       sqrtf of that sum's magnitude, divided by 3
 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "rvjar.h"

#define BODIES 5
#define NBODY_STEPS 200
#define N 8

struct body { double x, y, z, vx, vy, vz, mass; };

static const double PI = 3.141592653589793;
static const double DAYS_PER_YEAR = 365.24;

static struct body bodies[BODIES] = {
    {0, 0, 0, 0, 0, 0, 0},
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
     1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04},
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
     -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04},
    {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
     2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05},
    {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
     2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05}};

static void nbody_init(void)
{
    double solar = 4 * PI * PI;
    double px = 0, py = 0, pz = 0;
    for (int i = 1; i < BODIES; i++) {
        bodies[i].vx *= DAYS_PER_YEAR;
        bodies[i].vy *= DAYS_PER_YEAR;
        bodies[i].vz *= DAYS_PER_YEAR;
        bodies[i].mass *= solar;
    }
    bodies[0].mass = solar;
    for (int i = 0; i < BODIES; i++) {
        px += bodies[i].vx * bodies[i].mass;
        py += bodies[i].vy * bodies[i].mass;
        pz += bodies[i].vz * bodies[i].mass;
    }
    bodies[0].vx = -px / solar;
    bodies[0].vy = -py / solar;
    bodies[0].vz = -pz / solar;
}

static double energy(void)
{
    double e = 0;
    for (int i = 0; i < BODIES; i++) {
        struct body *b = &bodies[i];
        e += 0.5 * b->mass * (b->vx * b->vx + b->vy * b->vy + b->vz * b->vz);
        for (int j = i + 1; j < BODIES; j++) {
            double dx = b->x - bodies[j].x, dy = b->y - bodies[j].y, dz = b->z - bodies[j].z;
            e -= b->mass * bodies[j].mass / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static void advance(double dt)
{
    for (int i = 0; i < BODIES; i++) {
        struct body *b = &bodies[i];
        for (int j = i + 1; j < BODIES; j++) {
            double dx = b->x - bodies[j].x, dy = b->y - bodies[j].y, dz = b->z - bodies[j].z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * sqrt(d2));
            b->vx -= dx * bodies[j].mass * mag;
            b->vy -= dy * bodies[j].mass * mag;
            b->vz -= dz * bodies[j].mass * mag;
            bodies[j].vx += dx * b->mass * mag;
            bodies[j].vy += dy * b->mass * mag;
            bodies[j].vz += dz * b->mass * mag;
        }
    }
    for (int i = 0; i < BODIES; i++) {
        bodies[i].x += dt * bodies[i].vx;
        bodies[i].y += dt * bodies[i].vy;
        bodies[i].z += dt * bodies[i].vz;
    }
}

static void put_hex(const char *label, uint64_t bits, int digits)
{
    static const char hex[] = "0123456789abcdef";
    char line[32];
    size_t n = strlen(label);
    memcpy(line, label, n);
    line[n++] = ' ';
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
        line[n++] = hex[(bits >> shift) & 15];
    }
    line[n++] = '\n';
    rv_out_write(line, (uint32_t) n);
}

static void put_double(const char *label, double value)
{
    uint64_t bits;
    memcpy(&bits, &value, sizeof bits);
    put_hex(label, bits, 16);
}

static void put_float(const char *label, float value)
{
    uint32_t bits;
    memcpy(&bits, &value, sizeof bits);
    put_hex(label, bits, 8);
}

static float a[N][N], b[N][N], c[N][N];

int main(void)
{
    char label[4] = {0};
    rv_out_clear();

    nbody_init();
    put_double("e0", energy());
    for (int step = 0; step < NBODY_STEPS; step++) {
        advance(0.01);
    }
    put_double("e1", energy());
    for (int i = 0; i < BODIES; i++) {
        label[0] = 'x';
        label[1] = (char) ('0' + i);
        put_double(label, bodies[i].x);
    }

    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            a[i][j] = (float) (i + 1) / (float) (j + 3) - 0.25f * (float) j;
            b[i][j] = (float) (i * j % 7) * 0.1f + 1.0f / (float) (i + j + 1);
        }
    }
    float sum = 0;
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            float s = 0;
            for (int k = 0; k < N; k++) {
                s += a[i][k] * b[k][j];
            }
            c[i][j] = s;
            sum += s;
        }
    }
    for (int i = 0; i < N; i++) {
        label[0] = 'm';
        label[1] = (char) ('0' + i);
        put_float(label, c[i][i]);
    }
    put_float("s", sum);
    put_float("q", sqrtf(fabsf(sum)) / 3.0f);
    return 0;
}
