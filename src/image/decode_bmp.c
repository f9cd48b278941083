/* BMP decoder, written directly (a header, an optional palette and rows). Read: the Windows info
 * headers (40, 52, 56, 108 and 124 bytes) and OS/2's 12-byte core header; 1, 4 and 8-bit palette
 * images, 16, 24 and 32-bit pixels; BI_RGB, BI_BITFIELDS and BI_ALPHABITFIELDS; rows bottom-up
 * (a positive height) or top-down (a negative one). RLE and embedded JPEG/PNG are refused.
 *
 * Output is 8-bit: a palette of greys gives 1 channel, any other palette and the masked or 24-bit
 * formats give RGB, a non-zero alpha mask RGBA (32-bit BI_RGB's fourth byte is padding, as Windows
 * reads it). Colours are straight. */
#include <stdlib.h>
#include <string.h>

#include "image/decode_util.h"

#define BI_RGB 0
#define BI_BITFIELDS 3
#define BI_ALPHABITFIELDS 6

typedef struct {
    uint32_t mask;
    int shift;
    uint64_t max; /* the field's largest value */
} bmp_field;

static bmp_field
field_of(uint32_t mask)
{
    bmp_field f = {mask, 0, 0};
    if (mask != 0) {
        while (!((mask >> f.shift) & 1)) {
            f.shift++;
        }
        f.max = mask >> f.shift;
    }
    return f;
}

static uint8_t
field_value(const bmp_field *f, uint32_t v)
{
    if (f->max == 0) {
        return 0;
    }
    uint64_t x = (v & f->mask) >> f->shift;
    if (x > f->max) { /* a mask with holes: clamp */
        x = f->max;
    }
    return (uint8_t)((x * 255 + f->max / 2) / f->max);
}

static int
bmp_fail(td_err *err, const char *what)
{
    return td_err_set(err, TD_ERR_VALUE, "BMP: %s", what);
}

int
td_decode_bmp(const uint8_t *p, size_t n, const td_decode_limits *lim, td_decoded *out, td_err *err)
{
    if (n < 14 + 12) {
        return bmp_fail(err, "the file ends inside its header");
    }
    uint32_t offset = td_le32(p + 10);
    uint32_t hsize = td_le32(p + 14);
    int64_t w, h;
    int bpp;
    uint32_t compression = BI_RGB, colours = 0;
    size_t entry = 4; /* palette entry bytes */
    if (hsize == 12) {
        w = td_le16(p + 18);
        h = td_le16(p + 20);
        bpp = td_le16(p + 24);
        entry = 3;
    }
    else if (hsize == 40 || hsize == 52 || hsize == 56 || hsize == 108 || hsize == 124) {
        if (n < 14 + (size_t)hsize) {
            return bmp_fail(err, "the file ends inside its header");
        }
        w = (int32_t)td_le32(p + 18);
        h = (int32_t)td_le32(p + 22);
        bpp = td_le16(p + 28);
        compression = td_le32(p + 30);
        colours = td_le32(p + 46);
    }
    else {
        return td_err_set(err, TD_ERR_VALUE, "BMP: unknown info header of %u bytes", (unsigned)hsize);
    }
    int top_down = h < 0;
    if (top_down) {
        h = -h;
    }
    if (compression != BI_RGB && compression != BI_BITFIELDS && compression != BI_ALPHABITFIELDS) {
        return td_err_set(err, TD_ERR_VALUE, "BMP: compression %u (%s) is not read (uncompressed and bit fields are)",
                          (unsigned)compression,
                          compression == 1 ? "RLE8" : compression == 2 ? "RLE4" : compression == 4 ? "JPEG"
                                                                          : compression == 5 ? "PNG"
                                                                                             : "unknown");
    }
    if (bpp != 1 && bpp != 4 && bpp != 8 && bpp != 16 && bpp != 24 && bpp != 32) {
        return td_err_set(err, TD_ERR_VALUE, "BMP: %d bits a pixel is not read", bpp);
    }
    if (compression != BI_RGB && bpp != 16 && bpp != 32) {
        return bmp_fail(err, "bit fields need 16 or 32 bits a pixel");
    }
    if (td_decode_check_size("BMP", w, h, 1, TD_SAMPLE_U8, lim, err) != 0) {
        return -1;
    }
    uint64_t stride = (((uint64_t)w * (uint64_t)bpp + 31) / 32) * 4;
    if ((uint64_t)offset > n || stride * (uint64_t)h > (uint64_t)n - offset) {
        return td_err_set(err, TD_ERR_VALUE,
                          "BMP: %lld x %lld pixels need %llu bytes after offset %u; the file has %zu",
                          (long long)w, (long long)h, (unsigned long long)(stride * (uint64_t)h), (unsigned)offset, n);
    }

    /* palette: 1/4/8 bits */
    uint8_t pal[256][3];
    int grey = 1, channels;
    bmp_field fields[4];
    if (bpp <= 8) {
        size_t count = colours != 0 && colours < (1u << bpp) ? colours : (size_t)1 << bpp;
        size_t start = 14 + (size_t)hsize;
        size_t room = start <= offset && offset <= n ? (offset - start) / entry : 0;
        if (count > room) {
            count = room; /* a short palette (some writers leave one); the missing entries are black */
        }
        if (count == 0) {
            return bmp_fail(err, "a palette image without a palette");
        }
        memset(pal, 0, sizeof(pal));
        for (size_t i = 0; i < count; i++) {
            const uint8_t *e = p + start + i * entry;
            pal[i][0] = e[2], pal[i][1] = e[1], pal[i][2] = e[0];
            grey &= e[0] == e[1] && e[1] == e[2];
        }
        channels = grey ? 1 : 3;
    }
    else if (bpp == 24 || compression == BI_RGB) {
        uint32_t r = bpp == 16 ? 0x7c00u : 0xff0000u, g = bpp == 16 ? 0x03e0u : 0xff00u, b = bpp == 16 ? 0x1fu : 0xffu;
        fields[0] = field_of(r), fields[1] = field_of(g), fields[2] = field_of(b), fields[3] = field_of(0);
        channels = 3;
    }
    else {
        /* the masks follow a 40-byte header, or sit in the larger headers at the same place */
        int has_alpha = compression == BI_ALPHABITFIELDS || hsize >= 56;
        size_t need = 14 + 40 + (has_alpha ? 16 : 12);
        if (need > n) {
            return bmp_fail(err, "the file ends inside its colour masks");
        }
        fields[0] = field_of(td_le32(p + 54));
        fields[1] = field_of(td_le32(p + 58));
        fields[2] = field_of(td_le32(p + 62));
        fields[3] = field_of(has_alpha ? td_le32(p + 66) : 0);
        channels = fields[3].mask != 0 ? 4 : 3;
    }
    if (td_decode_alloc(out, "BMP", w, h, channels, TD_SAMPLE_U8, lim, err) != 0) {
        return -1;
    }
    for (int64_t y = 0; y < h; y++) {
        const uint8_t *src = p + offset + (size_t)y * (size_t)stride;
        /* file row y: the top row when top-down, else the bottom row */
        uint8_t *d = top_down ? td_decoded_top_row(out, y) : (uint8_t *)out->owned + (size_t)y * out->image.row_bytes;
        for (int64_t x = 0; x < w; x++) {
            if (bpp <= 8) {
                size_t bit = (size_t)x * (size_t)bpp;
                unsigned idx = (src[bit >> 3] >> (8 - bpp - (int)(bit & 7))) & ((1u << bpp) - 1);
                if (grey) {
                    d[x] = pal[idx][0];
                }
                else {
                    memcpy(d + 3 * x, pal[idx], 3);
                }
                continue;
            }
            if (bpp == 24 && compression == BI_RGB) {
                d[3 * x] = src[3 * x + 2], d[3 * x + 1] = src[3 * x + 1], d[3 * x + 2] = src[3 * x];
                continue;
            }
            uint32_t v = bpp == 16 ? td_le16(src + 2 * x) : td_le32(src + 4 * x);
            uint8_t *o = d + (size_t)x * (size_t)channels;
            for (int c = 0; c < channels; c++) {
                o[c] = field_value(&fields[c], v);
            }
        }
    }
    out->premultiplied = 0;
    return 0;
}
