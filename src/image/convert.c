/* Pixel conversion. See convert.h. */
#include "image/convert.h"

#include "image/sample.h"

#include <math.h>
#include <string.h>

/* Unsigned float with `mbits` mantissa bits and a 5-bit exponent (bias 15), no sign. */
static float
small_float(uint32_t v, int mbits)
{
    uint32_t exp = (v >> mbits) & 0x1fu;
    uint32_t man = v & ((1u << mbits) - 1u);
    if (exp == 0) {
        return ldexpf((float)man, -14 - mbits);
    }
    if (exp == 31) {
        return man == 0 ? INFINITY : NAN;
    }
    return ldexpf(1.0f + (float)man / (float)(1u << mbits), (int)exp - 15);
}

static float
srgb_to_linear(float c)
{
    return c <= 0.04045f ? c / 12.92f : powf((c + 0.055f) / 1.055f, 2.4f);
}

void
td_image_to_float(const void *src, float *dst, size_t texels, int channels, td_sample_type type,
                  td_packing packing)
{
    size_t n = texels * (size_t)channels;
    switch (packing) {
    case TD_PACK_SRGB8: {
        float lut[256];
        for (int i = 0; i < 256; i++) {
            lut[i] = srgb_to_linear((float)i / 255.0f);
        }
        const uint8_t *s = src;
        td_sample_to_f32(s, TD_SAMPLE_U8, n, dst); /* alpha (and the rest, overwritten below) */
        for (size_t t = 0; t < texels; t++) {
            for (int c = 0; c < 3 && c < channels; c++) {
                dst[t * (size_t)channels + (size_t)c] = lut[s[t * (size_t)channels + (size_t)c]];
            }
        }
        return;
    }
    case TD_PACK_1010102: {
        const uint32_t *s = src;
        for (size_t t = 0; t < texels; t++) {
            uint32_t v = s[t];
            dst[t * 4 + 0] = (float)((double)(v & 0x3ffu) / 1023.0);
            dst[t * 4 + 1] = (float)((double)((v >> 10) & 0x3ffu) / 1023.0);
            dst[t * 4 + 2] = (float)((double)((v >> 20) & 0x3ffu) / 1023.0);
            dst[t * 4 + 3] = (float)((double)(v >> 30) / 3.0);
        }
        return;
    }
    case TD_PACK_R11G11B10: {
        const uint32_t *s = src;
        for (size_t t = 0; t < texels; t++) {
            uint32_t v = s[t];
            dst[t * 4 + 0] = small_float(v & 0x7ffu, 6);
            dst[t * 4 + 1] = small_float((v >> 11) & 0x7ffu, 6);
            dst[t * 4 + 2] = small_float((v >> 22) & 0x3ffu, 5);
            dst[t * 4 + 3] = 1.0f;
        }
        return;
    }
    case TD_PACK_NONE:
        break;
    }
    td_sample_to_f32(src, type, n, dst);
}
