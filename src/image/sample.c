/* Sample conversions. See sample.h. */
#include "image/sample.h"

#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define TD_HAVE_F16C_PATH 1
#endif

float
td_half_to_float(uint16_t h)
{
    uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
    uint32_t exp = (h >> 10) & 0x1fu;
    uint32_t mant = h & 0x3ffu;
    uint32_t bits;
    if (exp == 0) {
        /* zero or subnormal: mant * 2^-24, exact in float */
        float f = (float)mant * 5.9604644775390625e-8f;
        memcpy(&bits, &f, 4);
        bits |= sign;
    }
    else if (exp == 31) {
        bits = sign | 0x7f800000u | (mant << 13); /* inf, NaN (payload kept) */
    }
    else {
        bits = sign | ((exp + 112u) << 23) | (mant << 13);
    }
    float out;
    memcpy(&out, &bits, 4);
    return out;
}

uint16_t
td_float_to_half(float f)
{
    uint32_t x;
    memcpy(&x, &f, 4);
    uint32_t sign = (x >> 16) & 0x8000u;
    uint32_t ax = x & 0x7fffffffu;
    if (ax >= 0x7f800000u) { /* inf or NaN: a NaN stays a (quiet) NaN */
        return (uint16_t)(sign | 0x7c00u | (ax > 0x7f800000u ? 0x200u | ((ax >> 13) & 0x3ffu) : 0u));
    }
    if (ax >= 0x477ff000u) { /* rounds to 65536 or more: infinity */
        return (uint16_t)(sign | 0x7c00u);
    }
    if (ax < 0x38800000u) {
        /* Below the smallest normal half (2^-14). Adding 0.5f lines the half's subnormal step
         * (2^-24) up with the float's last mantissa bit, so the FPU's own round-to-nearest-even
         * does the rounding; the low bits are then the half's mantissa. */
        float a, magic = 0.5f;
        uint32_t m;
        memcpy(&a, &ax, 4);
        a += magic;
        memcpy(&m, &a, 4);
        return (uint16_t)(sign | (m - 0x3f000000u));
    }
    /* Normal: rebias the exponent and round the 13 dropped mantissa bits to nearest even. */
    uint32_t odd = (ax >> 13) & 1u;
    ax += 0xc8000fffu + odd; /* (15 - 127) << 23, plus half an ulp minus one, plus the tie break */
    return (uint16_t)(sign | (ax >> 13));
}

/* ---- scalar kernels ---- */

static inline uint8_t
f_to_u8(float v)
{
    if (!(v > 0.0f)) { /* also NaN */
        return 0;
    }
    return v >= 1.0f ? 255 : (uint8_t)(v * 255.0f + 0.5f);
}

static inline uint16_t
f_to_u16(float v)
{
    if (!(v > 0.0f)) {
        return 0;
    }
    return v >= 1.0f ? 65535 : (uint16_t)(v * 65535.0f + 0.5f);
}

/* ---- half <-> float over rows, with F16C where the CPU has it ---- */

#ifdef TD_HAVE_F16C_PATH
__attribute__((target("avx,f16c"))) static size_t
halves_to_floats_f16c(const uint16_t *src, float *dst, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m128i h = _mm_loadu_si128((const __m128i *)(src + i));
        _mm256_storeu_ps(dst + i, _mm256_cvtph_ps(h));
    }
    return i;
}

__attribute__((target("avx,f16c"))) static size_t
floats_to_halves_f16c(const float *src, uint16_t *dst, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 f = _mm256_loadu_ps(src + i);
        _mm_storeu_si128((__m128i *)(dst + i), _mm256_cvtps_ph(f, _MM_FROUND_TO_NEAREST_INT));
    }
    return i;
}

static int
have_f16c(void)
{
    static int cached = -1; /* a benign race: every thread computes the same value */
    if (cached < 0) {
        __builtin_cpu_init();
#if defined(__clang__) && __clang_major__ < 15
        cached = 0; /* clang 14 cannot test for F16C: the portable path (used by the fuzz build) */
#else
        cached = __builtin_cpu_supports("avx") && __builtin_cpu_supports("f16c");
#endif
    }
    return cached;
}
#endif

static void
halves_to_floats(const uint16_t *src, float *dst, size_t n)
{
    size_t i = 0;
#ifdef TD_HAVE_F16C_PATH
    if (have_f16c()) {
        i = halves_to_floats_f16c(src, dst, n);
    }
#endif
    for (; i < n; i++) {
        dst[i] = td_half_to_float(src[i]);
    }
}

static void
floats_to_halves(const float *src, uint16_t *dst, size_t n)
{
    size_t i = 0;
#ifdef TD_HAVE_F16C_PATH
    if (have_f16c()) {
        i = floats_to_halves_f16c(src, dst, n);
    }
#endif
    for (; i < n; i++) {
        dst[i] = td_float_to_half(src[i]);
    }
}

/* Halves go through a small float block so the F16C path serves every destination type. */
#define BLOCK 256

void
td_sample_to_u8(const void *src, td_sample_type src_type, size_t n, uint8_t *dst)
{
    switch (src_type) {
    case TD_SAMPLE_U8:
        memcpy(dst, src, n);
        break;
    case TD_SAMPLE_U16: {
        const uint16_t *s = src;
        for (size_t i = 0; i < n; i++) {
            dst[i] = (uint8_t)((s[i] + 128u) / 257u); /* round(v * 255 / 65535), never a tie */
        }
        break;
    }
    case TD_SAMPLE_F16: {
        const uint16_t *s = src;
        float tmp[BLOCK];
        for (size_t i = 0; i < n; i += BLOCK) {
            size_t m = n - i < BLOCK ? n - i : BLOCK;
            halves_to_floats(s + i, tmp, m);
            for (size_t j = 0; j < m; j++) {
                dst[i + j] = f_to_u8(tmp[j]);
            }
        }
        break;
    }
    case TD_SAMPLE_F32: {
        const float *s = src;
        for (size_t i = 0; i < n; i++) {
            dst[i] = f_to_u8(s[i]);
        }
        break;
    }
    }
}

void
td_sample_to_u16(const void *src, td_sample_type src_type, size_t n, uint16_t *dst)
{
    switch (src_type) {
    case TD_SAMPLE_U8: {
        const uint8_t *s = src;
        for (size_t i = 0; i < n; i++) {
            dst[i] = (uint16_t)(s[i] * 257u);
        }
        break;
    }
    case TD_SAMPLE_U16:
        memcpy(dst, src, n * 2);
        break;
    case TD_SAMPLE_F16: {
        const uint16_t *s = src;
        float tmp[BLOCK];
        for (size_t i = 0; i < n; i += BLOCK) {
            size_t m = n - i < BLOCK ? n - i : BLOCK;
            halves_to_floats(s + i, tmp, m);
            for (size_t j = 0; j < m; j++) {
                dst[i + j] = f_to_u16(tmp[j]);
            }
        }
        break;
    }
    case TD_SAMPLE_F32: {
        const float *s = src;
        for (size_t i = 0; i < n; i++) {
            dst[i] = f_to_u16(s[i]);
        }
        break;
    }
    }
}

/* IEEE division is correctly rounded, so v / 255.0f is the float nearest to the quotient (204 ->
 * 0.8f exactly); the loops vectorise (8 divisions an instruction with AVX2: target_clones picks the
 * widest unit the CPU has when the module loads). This is the hot loop of numpyArray(). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default"), optimize("O3")))
#endif
void
td_sample_to_f32(const void *src, td_sample_type src_type, size_t n, float *dst)
{
    switch (src_type) {
    case TD_SAMPLE_U8: {
        const uint8_t *s = src;
        for (size_t i = 0; i < n; i++) {
            dst[i] = (float)s[i] / 255.0f;
        }
        break;
    }
    case TD_SAMPLE_U16: {
        const uint16_t *s = src;
        for (size_t i = 0; i < n; i++) {
            dst[i] = (float)s[i] / 65535.0f;
        }
        break;
    }
    case TD_SAMPLE_F16:
        halves_to_floats(src, dst, n);
        break;
    case TD_SAMPLE_F32:
        memcpy(dst, src, n * 4);
        break;
    }
}

void
td_sample_to_f16(const void *src, td_sample_type src_type, size_t n, uint16_t *dst)
{
    if (src_type == TD_SAMPLE_F16) {
        memcpy(dst, src, n * 2);
        return;
    }
    if (src_type == TD_SAMPLE_F32) {
        floats_to_halves(src, dst, n);
        return;
    }
    float tmp[BLOCK];
    size_t size = td_sample_size(src_type);
    for (size_t i = 0; i < n; i += BLOCK) {
        size_t m = n - i < BLOCK ? n - i : BLOCK;
        td_sample_to_f32((const uint8_t *)src + i * size, src_type, m, tmp);
        floats_to_halves(tmp, dst + i, m);
    }
}
