/* BMP encoder, written directly (the format is a header and rows).
 *
 * Always 8 bits a sample (other types converted, floats clamped to [0, 1]):
 *   grey        8 bpp, BITMAPINFOHEADER + a 256-entry grey palette
 *   RGB         24 bpp BGR, BITMAPINFOHEADER, BI_RGB
 *   grey+alpha  32 bpp BGRA (grey copied to B, G, R), BITMAPV4HEADER, BI_BITFIELDS with an alpha mask
 *   RGBA        32 bpp BGRA, BITMAPV4HEADER, BI_BITFIELDS with an alpha mask
 * Rows are stored bottom row first (a positive height), each padded to 4 bytes: BMP's usual order, so
 * the picture is upright. quality is ignored.
 *
 * opts->alternative writes 8-bit RGB / RGBA through stb_image_write (libstb) instead, for
 * benchmarks/bench_encode.py; the direct writer is faster (see there) and handles every layout. */
#include <stb/stb_image_write.h>
#include <stdlib.h>
#include <string.h>

#include "image/codecs.h"
#include "image/encode_util.h"
#include "image/image.h"
#include "image/sample.h"

#define FILE_HEADER 14
#define INFO_HEADER 40
#define V4_HEADER 108
#define LCS_SRGB 0x73524742u /* 'sRGB' */

/* Writes file row y (0 = top) of an 8-bit image with img->channels channels at src into dst in
 * the BMP's pixel layout. */
static void
bmp_pixels(const uint8_t *src, int channels, size_t width, uint8_t *dst)
{
    switch (channels) {
    case 1:
        memcpy(dst, src, width);
        break;
    case 2:
        for (size_t x = 0; x < width; x++, src += 2, dst += 4) {
            dst[0] = dst[1] = dst[2] = src[0];
            dst[3] = src[1];
        }
        break;
    case 3:
        for (size_t x = 0; x < width; x++, src += 3, dst += 3) {
            dst[0] = src[2];
            dst[1] = src[1];
            dst[2] = src[0];
        }
        break;
    default: {
        /* RGBA -> BGRA: swap bytes 0 and 2 of each little-endian word */
        for (size_t x = 0; x < width; x++, src += 4, dst += 4) {
            uint32_t v;
            memcpy(&v, src, 4);
            v = (v & 0xff00ff00u) | ((v & 0xffu) << 16) | ((v >> 16) & 0xffu);
            memcpy(dst, &v, 4);
        }
        break;
    }
    }
}

static void
stb_sink(void *context, void *data, int size)
{
    void **ctx = context; /* {td_bytes *, td_err *, int *failed} */
    td_bytes *out = ctx[0];
    int *failed = ctx[2];
    if (!*failed && td_bytes_append(out, data, (size_t)size, ctx[1]) != 0) {
        *failed = 1;
    }
}

static int
encode_stb(const td_image *img, td_bytes *out, td_err *err)
{
    size_t row = td_image_packed_row(img);
    uint8_t *upright = malloc(row * (size_t)img->height);
    if (upright == NULL) {
        return td_err_nomem(err, "BMP image");
    }
    /* stb wants packed rows, top row first */
    for (int y = 0; y < img->height; y++) {
        memcpy(upright + (size_t)y * row, td_image_file_row(img, y), row);
    }
    int failed = 0;
    void *ctx[3] = {out, err, &failed};
    int ok = stbi_write_bmp_to_func(stb_sink, ctx, img->width, img->height, img->channels, upright);
    free(upright);
    if (failed) {
        return -1;
    }
    if (!ok) {
        return td_err_set(err, TD_ERR_RUNTIME, "BMP encoding failed (stb_image_write)");
    }
    return 0;
}

int
td_image_encode_bmp(const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err)
{
    if (td_image_check(img, err) != 0) {
        return -1;
    }
    if (opts->alternative && img->type == TD_SAMPLE_U8 && img->channels >= 3 && (uint64_t)img->width < 0x8000u &&
        (uint64_t)img->height < 0x8000u) {
        return encode_stb(img, out, err);
    }
    int bpp = img->channels == 1 ? 8 : img->channels == 3 ? 24 : 32;
    int v4 = img->channels == 2 || img->channels == 4;
    size_t stride = ((size_t)img->width * (size_t)(bpp / 8) + 3) & ~(size_t)3;
    size_t header = FILE_HEADER + (v4 ? V4_HEADER : INFO_HEADER) + (bpp == 8 ? 1024 : 0);
    uint64_t image_size = (uint64_t)stride * (uint64_t)img->height;
    if (image_size + header > 0xffffffffu || img->height > 0x7fffffff) {
        return td_err_set(err, TD_ERR_VALUE, "BMP: %d x %d is too large for a BMP file (4 GiB)", img->width,
                          img->height);
    }
    uint8_t *row8 = NULL;
    if (img->type != TD_SAMPLE_U8) {
        row8 = malloc((size_t)img->width * (size_t)img->channels);
        if (row8 == NULL) {
            return td_err_nomem(err, "BMP row");
        }
    }
    size_t total = header + (size_t)image_size;
    if (td_bytes_reserve(out, total, err) != 0) {
        free(row8);
        return -1;
    }
    uint8_t *p = out->data + out->len;
    memset(p, 0, header);
    p[0] = 'B';
    p[1] = 'M';
    td_put_le32(p + 2, (uint32_t)total);
    td_put_le32(p + 10, (uint32_t)header); /* pixel data offset */
    uint8_t *h = p + FILE_HEADER;
    td_put_le32(h, v4 ? V4_HEADER : INFO_HEADER);
    td_put_le32(h + 4, (uint32_t)img->width);
    td_put_le32(h + 8, (uint32_t)img->height); /* positive: bottom row first */
    td_put_le16(h + 12, 1);                    /* planes */
    td_put_le16(h + 14, (uint32_t)bpp);
    td_put_le32(h + 16, v4 ? 3u : 0u); /* BI_BITFIELDS : BI_RGB */
    td_put_le32(h + 20, (uint32_t)image_size);
    td_put_le32(h + 24, 2835); /* 72 dpi */
    td_put_le32(h + 28, 2835);
    if (bpp == 8) {
        td_put_le32(h + 32, 256); /* colours used */
        uint8_t *pal = h + INFO_HEADER;
        for (int i = 0; i < 256; i++) {
            pal[4 * i] = pal[4 * i + 1] = pal[4 * i + 2] = (uint8_t)i;
        }
    }
    if (v4) {
        td_put_le32(h + 40, 0x00ff0000u); /* red mask */
        td_put_le32(h + 44, 0x0000ff00u);
        td_put_le32(h + 48, 0x000000ffu);
        td_put_le32(h + 52, 0xff000000u); /* alpha mask */
        td_put_le32(h + 56, LCS_SRGB);
    }
    uint8_t *pix = p + header;
    size_t n = (size_t)img->width * (size_t)img->channels;
    for (int i = 0; i < img->height; i++) {
        /* file row i is the image's row height - 1 - i counted from the top */
        const uint8_t *src = td_image_file_row(img, img->height - 1 - i);
        if (row8 != NULL) {
            td_sample_to_u8(src, img->type, n, row8);
            src = row8;
        }
        uint8_t *dst = pix + (size_t)i * stride;
        bmp_pixels(src, img->channels, (size_t)img->width, dst);
        size_t used = (size_t)img->width * (size_t)(bpp / 8);
        memset(dst + used, 0, stride - used);
    }
    out->len += total;
    free(row8);
    return 0;
}

/* Headers (file, V4 info), the largest palette, rows padded to 4 bytes. */
uint64_t
td_image_bound_bmp(const td_image *img, const td_encode_opts *opts)
{
    (void)opts;
    uint64_t w = (uint64_t)img->width, h = (uint64_t)img->height, c = (uint64_t)img->channels;
    uint64_t bpp = c == 1 ? 1 : c == 3 ? 3 : 4;
    return 14 + 108 + 1024 + ((w * bpp + 3) & ~(uint64_t)3) * h;
}
