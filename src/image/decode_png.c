/* PNG decoder on libpng, from memory. Every PNG becomes 8- or 16-bit grey, grey+alpha, RGB or RGBA:
 * palettes expand to RGB, 1/2/4-bit grey to 8 bits, a tRNS chunk to an alpha channel, 16-bit samples
 * to native byte order; interlaced files are de-interlaced. Gamma, colour profiles and sBIT are not
 * applied (the samples are as stored). Colours are straight (PNG never premultiplies). */
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "image/decode_util.h"

#define CHUNK_MALLOC_MAX (8u << 20) /* ancillary chunks (text, profiles) at most this large */

typedef struct {
    const uint8_t *p;
    size_t n, pos;
    td_err *err;
    int failed; /* err already filled */
} png_src;

static void
png_error_cb(png_structp png, png_const_charp msg)
{
    png_src *src = png_get_error_ptr(png);
    if (!src->failed) {
        td_err_set(src->err, TD_ERR_VALUE, "PNG: %s", msg);
        src->failed = 1;
    }
    png_longjmp(png, 1);
}

static void
png_warning_cb(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg; /* libpng would print it; damaged ancillary chunks are skipped */
}

static void
png_read_cb(png_structp png, png_bytep data, size_t len)
{
    png_src *src = png_get_io_ptr(png);
    if (len > src->n - src->pos) {
        if (!src->failed) {
            td_err_set(src->err, TD_ERR_VALUE, "PNG: the file ends early (truncated at %zu bytes)", src->n);
            src->failed = 1;
        }
        png_error(png, "truncated");
    }
    memcpy(data, src->p + src->pos, len);
    src->pos += len;
}

static int
little_endian(void)
{
    const uint16_t one = 1;
    return *(const uint8_t *)&one == 1;
}

int
td_decode_png(const uint8_t *p, size_t n, const td_decode_limits *lim, td_decoded *out, td_err *err)
{
    png_src src = {p, n, 0, err, 0};
    png_bytep *volatile rows = NULL;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &src, png_error_cb, png_warning_cb);
    if (png == NULL) {
        return td_err_nomem(err, "PNG decoder");
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_read_struct(&png, NULL, NULL);
        return td_err_nomem(err, "PNG decoder");
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, NULL);
        free(rows);
        return -1; /* out->owned, if made, is freed by the caller */
    }
    png_set_read_fn(png, &src, png_read_cb);
    /* PNG's own maximum: the limits are checked below, with a clearer message than libpng's */
    png_set_user_limits(png, 0x7fffffffu, 0x7fffffffu);
    png_set_chunk_malloc_max(png, CHUNK_MALLOC_MAX);
    png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, NULL, 0);
    png_read_info(png, info);

    png_uint_32 w, h;
    int depth, color, interlace;
    png_get_IHDR(png, info, &w, &h, &depth, &color, &interlace, NULL, NULL);
    int file_channels = png_get_channels(png, info);
    if (td_decode_check_size("PNG", w, h, 1, TD_SAMPLE_U8, lim, err) != 0) {
        src.failed = 1;
        png_error(png, "limits");
    }
    /* zlib never expands more than 1032:1: a header claiming more pixels than the file can hold
     * lies (or the file is cut), and is refused before the output is allocated */
    uint64_t raw = (uint64_t)h * (1 + ((uint64_t)w * (uint64_t)file_channels * (uint64_t)depth + 7) / 8);
    if (raw > (uint64_t)n * 1040 + 65536) {
        td_err_set(err, TD_ERR_VALUE, "PNG: %u x %u pixels cannot be held in %zu bytes (a lying header or a cut file)",
                   (unsigned)w, (unsigned)h, n);
        src.failed = 1;
        png_error(png, "too small");
    }
    if (color == PNG_COLOR_TYPE_PALETTE) {
        png_set_palette_to_rgb(png);
    }
    if (color == PNG_COLOR_TYPE_GRAY && depth < 8) {
        png_set_expand_gray_1_2_4_to_8(png);
    }
    if (png_get_valid(png, info, PNG_INFO_tRNS)) {
        png_set_tRNS_to_alpha(png);
    }
    if (depth == 16 && little_endian()) {
        png_set_swap(png);
    }
    png_set_interlace_handling(png);
    png_read_update_info(png, info);

    int channels = png_get_channels(png, info);
    td_sample_type type = png_get_bit_depth(png, info) == 16 ? TD_SAMPLE_U16 : TD_SAMPLE_U8;
    if (td_decode_alloc(out, "PNG", w, h, channels, type, lim, err) != 0) {
        src.failed = 1;
        png_error(png, "limits");
    }
    if (png_get_rowbytes(png, info) != out->image.row_bytes) {
        td_err_set(err, TD_ERR_VALUE, "PNG: unexpected row size %zu (%zu expected)",
                   (size_t)png_get_rowbytes(png, info), out->image.row_bytes);
        src.failed = 1;
        png_error(png, "rows");
    }
    rows = malloc(sizeof(png_bytep) * (size_t)h);
    if (rows == NULL) {
        td_err_nomem(err, "PNG rows");
        src.failed = 1;
        png_error(png, "out of memory");
    }
    for (png_uint_32 y = 0; y < h; y++) {
        rows[y] = td_decoded_top_row(out, y); /* file row y (0 = top) lands bottom-up */
    }
    png_read_image(png, rows);
    png_read_end(png, NULL);
    png_destroy_read_struct(&png, &info, NULL);
    free(rows);
    out->premultiplied = 0;
    return 0;
}
