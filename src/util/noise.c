/* Deterministic noise. See noise.h. */
#include "util/noise.h"

#include <math.h>
#include <string.h>

/* A 32-bit integer hash (lowbias32) of a lattice point and a seed. */
static uint32_t
mix(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

/* The hash of lattice point c + (dx, dy, dz), in unsigned arithmetic (it wraps at the lattice's
 * ends instead of overflowing). */
static uint32_t
hash3(const int32_t c[3], int dx, int dy, int dz, uint32_t seed)
{
    uint32_t x = (uint32_t)c[0] + (uint32_t)dx, y = (uint32_t)c[1] + (uint32_t)dy, z = (uint32_t)c[2] + (uint32_t)dz;
    uint32_t h = mix(seed ^ 0x9e3779b9U);
    h = mix(h ^ x);
    h = mix(h ^ (y * 0x85ebca6bU));
    h = mix(h ^ (z * 0xc2b2ae35U));
    return h;
}

/* [-1, 1] from a hash. */
static double
unit(uint32_t h)
{
    return (double)(h >> 8) / (double)(1u << 23) - 1.0;
}

uint32_t
td_noise_seed(double seed)
{
    if (!isfinite(seed)) {
        seed = 0.0;
    }
    uint64_t bits;
    memcpy(&bits, &seed, sizeof(bits));
    if (seed == 0.0) {
        bits = 0; /* -0.0 and 0.0 are one seed */
    }
    return mix((uint32_t)bits ^ mix((uint32_t)(bits >> 32)));
}

/* floor as a lattice coordinate, saturated so that far points stay defined. */
static int32_t
cell(double v, double *frac)
{
    double f = isfinite(v) ? floor(v) : 0.0;
    if (f < -2147483648.0) {
        f = -2147483648.0;
    }
    else if (f > 2147483647.0) {
        f = 2147483647.0;
    }
    *frac = v - f;
    if (!(*frac >= 0.0 && *frac <= 1.0)) {
        *frac = 0.0;
    }
    return (int32_t)f;
}

static double
lerp(double a, double b, double t)
{
    return a + (b - a) * t;
}

static const double grads[12][3] = {{1, 1, 0},  {-1, 1, 0},  {1, -1, 0}, {-1, -1, 0}, {1, 0, 1},  {-1, 0, 1},
                                    {1, 0, -1}, {-1, 0, -1}, {0, 1, 1},  {0, -1, 1},  {0, 1, -1}, {0, -1, -1}};

static double
gradient(const int32_t c[3], const double f[3], uint32_t seed)
{
    double n[2][2][2];
    for (int i = 0; i < 8; i++) {
        int dx = i & 1, dy = (i >> 1) & 1, dz = (i >> 2) & 1;
        const double *g = grads[hash3(c, dx, dy, dz, seed) % 12];
        n[dz][dy][dx] = g[0] * (f[0] - dx) + g[1] * (f[1] - dy) + g[2] * (f[2] - dz);
    }
    double u[3];
    for (int k = 0; k < 3; k++) {
        u[k] = f[k] * f[k] * f[k] * (f[k] * (f[k] * 6.0 - 15.0) + 10.0);
    }
    double v = lerp(lerp(lerp(n[0][0][0], n[0][0][1], u[0]), lerp(n[0][1][0], n[0][1][1], u[0]), u[1]),
                    lerp(lerp(n[1][0][0], n[1][0][1], u[0]), lerp(n[1][1][0], n[1][1][1], u[0]), u[1]), u[2]);
    v *= 0.97; /* the improved noise reaches about 1.03 at most */
    return v < -1.0 ? -1.0 : v > 1.0 ? 1.0 : v;
}

static double
value(const int32_t c[3], const double f[3], uint32_t seed)
{
    double u[3];
    for (int k = 0; k < 3; k++) {
        u[k] = f[k] * f[k] * (3.0 - 2.0 * f[k]);
    }
    double n[2][2][2];
    for (int i = 0; i < 8; i++) {
        int dx = i & 1, dy = (i >> 1) & 1, dz = (i >> 2) & 1;
        n[dz][dy][dx] = unit(hash3(c, dx, dy, dz, seed));
    }
    return lerp(lerp(lerp(n[0][0][0], n[0][0][1], u[0]), lerp(n[0][1][0], n[0][1][1], u[0]), u[1]),
                lerp(lerp(n[1][0][0], n[1][0][1], u[0]), lerp(n[1][1][0], n[1][1][1], u[0]), u[1]), u[2]);
}

static double
cellular(const int32_t c[3], const double f[3], uint32_t seed)
{
    double best = 4.0;
    for (int dz = -1; dz <= 1; dz++) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                uint32_t h = hash3(c, dx, dy, dz, seed);
                double q[3] = {dx + (unit(h) + 1.0) * 0.5, dy + (unit(mix(h)) + 1.0) * 0.5,
                               dz + (unit(mix(h ^ 0x5bd1e995U)) + 1.0) * 0.5};
                double d = 0.0;
                for (int k = 0; k < 3; k++) {
                    d += (q[k] - f[k]) * (q[k] - f[k]);
                }
                best = d < best ? d : best;
            }
        }
    }
    double d = sqrt(best);
    return 2.0 * (d > 1.0 ? 1.0 : d) - 1.0;
}

double
td_noise_basis(td_noise_kind kind, uint32_t seed, const double p[3])
{
    int32_t c[3];
    double f[3];
    for (int k = 0; k < 3; k++) {
        c[k] = cell(p[k], &f[k]);
    }
    switch (kind) {
    case TD_NOISE_HERMITE:
    case TD_NOISE_BROWNIAN:
        return value(c, f, seed);
    case TD_NOISE_RANDOM:
        return unit(hash3(c, 0, 0, 0, seed));
    case TD_NOISE_ALLIGATOR:
        return cellular(c, f, seed);
    case TD_NOISE_SPARSE:
    case TD_NOISE_HARMONIC:
    default:
        return gradient(c, f, seed);
    }
}

double
td_noise_fractal(const td_noise_desc *d, const double p[3])
{
    int n = d->harmonics < 0 ? 0 : d->harmonics > 32 ? 32 : d->harmonics;
    double sum = 0.0, weights = 0.0, w = 1.0, scale = 1.0;
    for (int k = 0; k <= n; k++) {
        double q[3] = {p[0] * scale, p[1] * scale, p[2] * scale};
        /* each octave its own seed, so octaves at a spread of 1 do not coincide */
        sum += w * td_noise_basis(d->kind, d->seed + (uint32_t)k * 0x632be5abU, q);
        weights += w;
        w *= d->gain;
        scale *= d->spread;
    }
    double f = weights != 0.0 && isfinite(sum / weights) ? sum / weights : 0.0;
    f = f < -1.0 ? -1.0 : f > 1.0 ? 1.0 : f;
    double e = d->exponent > 0.0 && isfinite(d->exponent) ? d->exponent : 1.0;
    return e == 1.0 ? f : copysign(pow(fabs(f), e), f);
}
