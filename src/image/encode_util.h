/* Helpers shared by the codecs in src/image (not part of the image API). */
#ifndef TD_IMAGE_ENCODE_UTIL_H
#define TD_IMAGE_ENCODE_UTIL_H

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "image/image.h"

/* quality 0..1 onto the integers lo..hi, rounded to nearest (lo may exceed hi). */
static inline int
td_quality_level(double quality, int lo, int hi)
{
    double q = quality < 0.0 ? 0.0 : quality > 1.0 ? 1.0 : quality;
    return lo + (int)lround(q * (double)(hi - lo));
}

/* Compression effort 0..1 of the lossless formats: TouchDesigner documents quality 0 as "lowest
 * quality, small size" and 1 as "best quality, largest size", so effort runs the other way. */
static inline double
td_lossless_effort(double quality)
{
    return 1.0 - (quality < 0.0 ? 0.0 : quality > 1.0 ? 1.0 : quality);
}

/* Bytes of one packed row of width * channels samples of img's type. */
static inline size_t
td_image_packed_row(const td_image *img)
{
    return (size_t)img->width * (size_t)img->channels * td_sample_size(img->type);
}

/* Little-endian stores, for the file formats that are little-endian (BMP, DDS). */
static inline void
td_put_le16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static inline void
td_put_le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static inline void
td_put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

#endif
