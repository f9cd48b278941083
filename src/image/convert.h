/* Pixel conversion to float32: plain C, no GL, no Python. */
#ifndef TD_IMAGE_CONVERT_H
#define TD_IMAGE_CONVERT_H

#include <stddef.h>
#include <stdint.h>

#include "image/image.h"

/* Packings that are not one sample per channel. */
typedef enum {
    TD_PACK_NONE = 0,
    TD_PACK_SRGB8,      /* 8-bit sRGB-encoded RGB + linear alpha -> linear float */
    TD_PACK_1010102,    /* GL_UNSIGNED_INT_2_10_10_10_REV: one uint32 -> R, G, B, A */
    TD_PACK_R11G11B10,  /* GL_UNSIGNED_INT_10F_11F_11F_REV: one uint32 -> R, G, B (+ A = 1) */
} td_packing;

/* Converts `texels` texels of `channels` samples of type `type` (or one packed uint32 a texel)
 * into float32, `channels` floats a texel (4 for the packed formats). Normalised integers map to
 * [0, 1] exactly as value / (2^bits - 1), correctly rounded. */
void td_image_to_float(const void *src, float *dst, size_t texels, int channels, td_sample_type type,
                       td_packing packing);


#endif
