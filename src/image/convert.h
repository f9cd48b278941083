/* Pixel conversion: plain C, no GL, no Python. */
#ifndef TD_IMAGE_CONVERT_H
#define TD_IMAGE_CONVERT_H

#include <stddef.h>
#include <stdint.h>

/* dst[i] = src[i] / 255 exactly (the float nearest to the quotient), for n samples. */
void td_image_u8_to_f32(const uint8_t *src, float *dst, size_t n);

#endif
