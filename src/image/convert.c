/* Pixel conversion. See convert.h. */
#include "image/convert.h"

void
td_image_u8_to_f32(const uint8_t *src, float *dst, size_t n)
{
    /* A table gives the correctly rounded quotient (204 -> 0.8f exactly) at the cost of a load;
     * the compiler vectorises the loop as a gather-free lookup per byte. */
    float lut[256];
    for (int i = 0; i < 256; i++) {
        lut[i] = (float)i / 255.0f;
    }
    for (size_t i = 0; i < n; i++) {
        dst[i] = lut[src[i]];
    }
}
