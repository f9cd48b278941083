/* What the decoders share (decode.c dispatches to them): the output's allocation under the limits,
 * row addressing, little/big-endian reads that never pass the end of the bytes. Internal to
 * src/image/decode*.c. */
#ifndef TD_IMAGE_DECODE_UTIL_H
#define TD_IMAGE_DECODE_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "image/decode.h"

/* Checks width x height x channels of type against lim and mallocs the pixels into out (image
 * fields set, bottom_up, packed rows). fmt names the format in messages. */
int td_decode_alloc(td_decoded *out, const char *fmt, int64_t width, int64_t height, int channels,
                    td_sample_type type, const td_decode_limits *lim, td_err *err);

/* Whether width x height is within lim (the same test td_decode_alloc makes first), for decoders
 * that size other buffers before the output. */
int td_decode_check_size(const char *fmt, int64_t width, int64_t height, int channels, td_sample_type type,
                         const td_decode_limits *lim, td_err *err);

/* Row y of the picture counted from the top, in the (bottom-up) output. */
static inline uint8_t *
td_decoded_top_row(td_decoded *d, int64_t y)
{
    return (uint8_t *)d->owned + (size_t)(d->image.height - 1 - y) * d->image.row_bytes;
}

static inline uint16_t
td_le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static inline uint32_t
td_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static inline uint32_t
td_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

int td_decode_png(const uint8_t *p, size_t n, const td_decode_limits *lim, td_decoded *out, td_err *err);
int td_decode_jpeg(const uint8_t *p, size_t n, const td_decode_limits *lim, td_decoded *out, td_err *err);
int td_decode_tiff(const uint8_t *p, size_t n, const td_decode_limits *lim, td_decoded *out, td_err *err);
int td_decode_exr(const uint8_t *p, size_t n, const td_decode_limits *lim, td_decoded *out, td_err *err);
int td_decode_bmp(const uint8_t *p, size_t n, const td_decode_limits *lim, td_decoded *out, td_err *err);
int td_decode_dds(const uint8_t *p, size_t n, const td_decode_limits *lim, td_decoded *out, td_err *err);

#endif
