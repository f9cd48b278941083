/* Deterministic noise on the CPU, shared by noiseCHOP and noiseSOP: the same point, seed and
 * settings always give the same value, on every machine (integer hashing, no libc random).
 *
 * td_noise_fractal(p) = sign(f) * |f|^exponent with f the weighted mean of the octaves
 * k = 0 .. harmonics: f = sum_k gain^k * n(p * spread^k, seed_k) / sum_k gain^k, each n in [-1, 1]
 * (seed_k: one seed per octave), f clamped to [-1, 1] (a weight sum of 0 gives 0), so
 * |td_noise_fractal| <= 1 whatever the settings. The kinds of n:
 *   TD_NOISE_SPARSE    gradient noise (Perlin's improved noise: 12 edge gradients, quintic fade),
 *                      scaled to [-1, 1] and clamped there
 *   TD_NOISE_HERMITE   value noise: a random value in [-1, 1] on each lattice point, cubic
 *                      Hermite (smoothstep) interpolation
 *   TD_NOISE_HARMONIC  the sparse noise (the octaves are the harmonic summation)
 *   TD_NOISE_BROWNIAN  the hermite noise
 *   TD_NOISE_RANDOM    a value per lattice cell, uniform in [-1, 1], no interpolation
 *   TD_NOISE_ALLIGATOR cell noise: 2 * (distance to the nearest of one random point per cell,
 *                      clamped to 1) - 1
 * These are td_render's own functions of TouchDesigner's kinds, not its exact values. */
#ifndef TD_UTIL_NOISE_H
#define TD_UTIL_NOISE_H

#include <float.h>
#include <stdint.h>

typedef enum {
    TD_NOISE_SPARSE = 0,
    TD_NOISE_HERMITE,
    TD_NOISE_HARMONIC,
    TD_NOISE_BROWNIAN,
    TD_NOISE_RANDOM,
    TD_NOISE_ALLIGATOR,
} td_noise_kind;

typedef struct td_noise_desc {
    td_noise_kind kind;
    uint32_t seed;   /* see td_noise_seed */
    int harmonics;   /* octaves above the first, >= 0 (at most 32 are used) */
    double spread;   /* frequency factor between octaves */
    double gain;     /* weight factor between octaves */
    double exponent; /* > 0 */
} td_noise_desc;

/* v as a float, saturated at +-FLT_MAX (a double beyond float's range does not convert). */
static inline float
td_to_float(double v)
{
    return v > FLT_MAX ? FLT_MAX : v < -FLT_MAX ? -FLT_MAX : (float)v;
}

/* A 32-bit seed from a parameter value (any finite double; each value its own noise). */
uint32_t td_noise_seed(double seed);
/* One octave of kind at p, in [-1, 1]. */
double td_noise_basis(td_noise_kind kind, uint32_t seed, const double p[3]);
/* The fractal noise of desc at p, in [-1, 1] (see above). */
double td_noise_fractal(const td_noise_desc *desc, const double p[3]);

#endif
