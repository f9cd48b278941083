/* PNG encoder, into memory. Two back ends that write the same rows with the same filter choice
 * (PNG's adaptive "minimum sum of absolute differences" per row, libpng's default):
 *
 *   - libdeflate: we filter the whole image into one buffer and compress it in a single call
 *     (libdeflate has no streaming API); chunks and CRCs are written here. The default: it is
 *     faster at every level (benchmarks/bench_encode.py, "PNG backends").
 *   - libpng + zlib: kept as opts->alternative for that benchmark.
 *
 * U8 writes 8-bit PNG, every other sample type 16-bit (floats clamped to [0, 1]). */
#include <libdeflate.h>
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "image/codecs.h"
#include "image/encode_util.h"
#include "image/image.h"
#include "image/sample.h"

static const uint8_t png_color_type[5] = {0, 0 /* grey */, 4 /* grey+alpha */, 2 /* RGB */, 6 /* RGBA */};

/* Row y of the file (0 = top) in PNG's sample layout: 8-bit as is, 16-bit big-endian. Returns a
 * pointer to the row, which is dst unless the image's own row can be used. */
static const uint8_t *
png_file_row(const td_image *img, int y, uint8_t *dst)
{
    const uint8_t *src = td_image_file_row(img, y);
    size_t n = (size_t)img->width * (size_t)img->channels;
    if (img->type == TD_SAMPLE_U8) {
        return src;
    }
    uint16_t *d16 = (uint16_t *)dst;
    td_sample_to_u16(src, img->type, n, d16);
    for (size_t i = 0; i < n; i++) {
        d16[i] = (uint16_t)((d16[i] >> 8) | (d16[i] << 8));
    }
    return dst;
}

/* quality -> deflate level 6..1 (encode.c explains the scale); the same for both back ends */
static int
png_level(const td_encode_opts *opts)
{
    return td_quality_level(td_lossless_effort(opts->quality), 1, 6);
}

/* ---- libpng back end ---- */

typedef struct {
    td_bytes *out;
    td_err *err;
    int failed;
} png_sink;

static void
png_write_cb(png_structp png, png_bytep data, size_t n)
{
    png_sink *sink = png_get_io_ptr(png);
    if (td_bytes_append(sink->out, data, n, sink->err) != 0) {
        sink->failed = 1;
        png_error(png, "out of memory");
    }
}

static void
png_flush_cb(png_structp png)
{
    (void)png;
}

static void
png_error_cb(png_structp png, png_const_charp msg)
{
    png_sink *sink = png_get_error_ptr(png);
    if (!sink->failed) {
        td_err_set(sink->err, TD_ERR_RUNTIME, "PNG encoding failed: %s", msg);
        sink->failed = 1;
    }
    png_longjmp(png, 1);
}

static void
png_warning_cb(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

static int
encode_libpng(const td_image *img, int level, td_bytes *out, td_err *err)
{
    int depth = img->type == TD_SAMPLE_U8 ? 8 : 16;
    png_sink sink = {out, err, 0};
    /* volatile: read after longjmp */
    uint8_t *volatile row = NULL;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, png_error_cb, png_warning_cb);
    if (png == NULL) {
        return td_err_nomem(err, "PNG encoder");
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        return td_err_nomem(err, "PNG encoder");
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(row);
        return -1;
    }
    if (depth == 16) {
        row = malloc((size_t)img->width * (size_t)img->channels * 2);
        if (row == NULL) {
            sink.failed = 1;
            td_err_nomem(err, "PNG row");
            png_error(png, "out of memory");
        }
    }
    png_set_write_fn(png, &sink, png_write_cb, png_flush_cb);
    png_set_compression_level(png, level);
    png_set_IHDR(png, info, (png_uint_32)img->width, (png_uint_32)img->height, depth,
                 png_color_type[img->channels], PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < img->height; y++) {
        png_write_row(png, (png_const_bytep)png_file_row(img, y, row));
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(row);
    return 0;
}

/* ---- libdeflate back end ---- */

static inline uint8_t
paeth(uint8_t a, uint8_t b, uint8_t c)
{
    int p = (int)a + (int)b - (int)c;
    int pa = abs(p - (int)a), pb = abs(p - (int)b), pc = abs(p - (int)c);
    return (pa <= pb && pa <= pc) ? a : pb <= pc ? b : c;
}

/* Sum of the filtered bytes read as signed, libpng's heuristic for the best filter. */
static inline uint64_t
abs_sum(const uint8_t *f, size_t n)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++) {
        s += f[i] < 128 ? f[i] : 256u - f[i];
    }
    return s;
}

#if defined(__SSE2__)
#include <emmintrin.h>

/* |x| for 16-bit lanes */
static inline __m128i
abs16(__m128i x)
{
    return _mm_max_epi16(x, _mm_sub_epi16(_mm_setzero_si128(), x));
}

/* The Paeth predictor of 8 pixels' bytes held in 16-bit lanes. */
static inline __m128i
paeth16(__m128i a, __m128i b, __m128i c)
{
    __m128i bc = _mm_sub_epi16(b, c), ac = _mm_sub_epi16(a, c);
    __m128i pa = abs16(bc), pb = abs16(ac), pc = abs16(_mm_add_epi16(bc, ac));
    __m128i not_a = _mm_or_si128(_mm_cmpgt_epi16(pa, pb), _mm_cmpgt_epi16(pa, pc)); /* a loses */
    __m128i not_b = _mm_cmpgt_epi16(pb, pc);                                        /* then b loses to c */
    __m128i bc_pick = _mm_or_si128(_mm_andnot_si128(not_b, b), _mm_and_si128(not_b, c));
    return _mm_or_si128(_mm_andnot_si128(not_a, a), _mm_and_si128(not_a, bc_pick));
}

/* |signed byte| summed over 16 bytes, into two 64-bit lanes of acc */
static inline __m128i
add_abs(__m128i acc, __m128i f)
{
    __m128i z = _mm_setzero_si128();
    return _mm_add_epi64(acc, _mm_sad_epu8(_mm_min_epu8(f, _mm_sub_epi8(z, f)), z));
}

static inline uint64_t
lanes(__m128i v)
{
    uint64_t l[2];
    _mm_storeu_si128((__m128i *)l, v);
    return l[0] + l[1];
}
#endif

/* Filters row cur (prev the row above, NULL for the first) with each of PNG's five filters and
 * writes the filter byte plus the best result to out (n + 1 bytes). cand is 4 * n bytes of scratch. */
static void
filter_row(const uint8_t *cur, const uint8_t *prev, size_t n, size_t bpp, uint8_t *cand, uint8_t *out)
{
    uint8_t *sub = cand, *up = cand + n, *avg = cand + 2 * n, *pae = cand + 3 * n;
    size_t i;
    if (prev == NULL) {
        /* First row: Up is None, Avg is a/2, Paeth is Sub. Only None and Sub are worth trying. */
        for (i = 0; i < bpp && i < n; i++) {
            sub[i] = cur[i];
        }
        for (; i < n; i++) {
            sub[i] = (uint8_t)(cur[i] - cur[i - bpp]);
        }
        uint64_t s_none = abs_sum(cur, n), s_sub = abs_sum(sub, n);
        out[0] = s_sub < s_none ? 1 : 0;
        memcpy(out + 1, s_sub < s_none ? sub : cur, n);
        return;
    }
    uint64_t sums[5] = {0, 0, 0, 0, 0};
    for (i = 0; i < bpp && i < n; i++) {
        sub[i] = cur[i];
        up[i] = (uint8_t)(cur[i] - prev[i]);
        avg[i] = (uint8_t)(cur[i] - (prev[i] >> 1));
        pae[i] = (uint8_t)(cur[i] - prev[i]); /* paeth(0, b, 0) = b */
    }
#if defined(__SSE2__)
    /* 16 bytes at a time; a, b, c are the bytes bpp to the left, above, and above-left. */
    __m128i acc[5] = {_mm_setzero_si128(), _mm_setzero_si128(), _mm_setzero_si128(), _mm_setzero_si128(),
                      _mm_setzero_si128()};
    const __m128i z = _mm_setzero_si128(), one = _mm_set1_epi8(1);
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(cur + i));
        __m128i a = _mm_loadu_si128((const __m128i *)(cur + i - bpp));
        __m128i b = _mm_loadu_si128((const __m128i *)(prev + i));
        __m128i c = _mm_loadu_si128((const __m128i *)(prev + i - bpp));
        /* floor((a + b) / 2): avg_epu8 rounds up, take the odd bit back off */
        __m128i fl = _mm_sub_epi8(_mm_avg_epu8(a, b), _mm_and_si128(_mm_xor_si128(a, b), one));
        __m128i plo = paeth16(_mm_unpacklo_epi8(a, z), _mm_unpacklo_epi8(b, z), _mm_unpacklo_epi8(c, z));
        __m128i phi = paeth16(_mm_unpackhi_epi8(a, z), _mm_unpackhi_epi8(b, z), _mm_unpackhi_epi8(c, z));
        __m128i f1 = _mm_sub_epi8(x, a), f2 = _mm_sub_epi8(x, b), f3 = _mm_sub_epi8(x, fl);
        __m128i f4 = _mm_sub_epi8(x, _mm_packus_epi16(plo, phi));
        _mm_storeu_si128((__m128i *)(sub + i), f1);
        _mm_storeu_si128((__m128i *)(up + i), f2);
        _mm_storeu_si128((__m128i *)(avg + i), f3);
        _mm_storeu_si128((__m128i *)(pae + i), f4);
        acc[0] = add_abs(acc[0], x);
        acc[1] = add_abs(acc[1], f1);
        acc[2] = add_abs(acc[2], f2);
        acc[3] = add_abs(acc[3], f3);
        acc[4] = add_abs(acc[4], f4);
    }
    for (int t = 0; t < 5; t++) {
        sums[t] = lanes(acc[t]);
    }
#endif
    size_t vec_end = i;
    for (; i < n; i++) {
        uint8_t a = cur[i - bpp], b = prev[i], c = prev[i - bpp];
        sub[i] = (uint8_t)(cur[i] - a);
        up[i] = (uint8_t)(cur[i] - b);
        avg[i] = (uint8_t)(cur[i] - (uint8_t)(((unsigned)a + b) >> 1));
        pae[i] = (uint8_t)(cur[i] - paeth(a, b, c));
    }
    /* the bytes the vector loop did not count: the first bpp and the tail */
    size_t head = bpp < n ? bpp : n;
    const uint8_t *rows[5] = {cur, sub, up, avg, pae};
    for (int t = 0; t < 5; t++) {
        sums[t] += abs_sum(rows[t], head) + abs_sum(rows[t] + vec_end, n - vec_end);
    }
    int best = 0;
    for (int t = 1; t < 5; t++) {
        if (sums[t] < sums[best]) {
            best = t;
        }
    }
    out[0] = (uint8_t)best;
    memcpy(out + 1, rows[best], n);
}

static int
put_chunk(td_bytes *out, const char type[4], const uint8_t *data, size_t n, td_err *err)
{
    uint8_t head[8], crc[4];
    td_put_be32(head, (uint32_t)n);
    memcpy(head + 4, type, 4);
    uint32_t c = libdeflate_crc32(0, head + 4, 4);
    if (n > 0) { /* libdeflate_crc32 returns 0 for a NULL buffer, whatever crc it is given */
        c = libdeflate_crc32(c, data, n);
    }
    td_put_be32(crc, c);
    if (td_bytes_append(out, head, 8, err) != 0 || td_bytes_append(out, data, n, err) != 0 ||
        td_bytes_append(out, crc, 4, err) != 0) {
        return -1;
    }
    return 0;
}

static int
encode_libdeflate(const td_image *img, int level, td_bytes *out, td_err *err)
{
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    int rc = -1;
    int depth = img->type == TD_SAMPLE_U8 ? 8 : 16;
    size_t bpp = (size_t)img->channels * (size_t)(depth / 8);
    size_t n = (size_t)img->width * bpp;
    size_t filtered_len = (size_t)img->height * (n + 1);
    uint8_t *rows = NULL, *cand = NULL, *filtered = NULL, *compressed = NULL;
    struct libdeflate_compressor *comp = NULL;

    if (n + 1 > SIZE_MAX / (size_t)img->height) {
        td_err_nomem(err, "PNG image");
        goto done;
    }
    rows = malloc(2 * n);
    cand = malloc(4 * n);
    filtered = malloc(filtered_len);
    comp = libdeflate_alloc_compressor(level);
    if (rows == NULL || cand == NULL || filtered == NULL || comp == NULL) {
        td_err_nomem(err, "PNG encoder");
        goto done;
    }
    const uint8_t *prev = NULL;
    for (int y = 0; y < img->height; y++) {
        const uint8_t *cur = png_file_row(img, y, rows + (size_t)(y & 1) * n);
        filter_row(cur, prev, n, bpp, cand, filtered + (size_t)y * (n + 1));
        prev = cur;
    }
    size_t bound = libdeflate_zlib_compress_bound(comp, filtered_len);
    compressed = malloc(bound);
    if (compressed == NULL) {
        td_err_nomem(err, "PNG encoder");
        goto done;
    }
    size_t clen = libdeflate_zlib_compress(comp, filtered, filtered_len, compressed, bound);
    if (clen == 0) {
        td_err_set(err, TD_ERR_RUNTIME, "PNG encoding failed: libdeflate could not compress");
        goto done;
    }

    uint8_t ihdr[13];
    td_put_be32(ihdr, (uint32_t)img->width);
    td_put_be32(ihdr + 4, (uint32_t)img->height);
    ihdr[8] = (uint8_t)depth;
    ihdr[9] = png_color_type[img->channels];
    ihdr[10] = ihdr[11] = ihdr[12] = 0; /* deflate, adaptive filtering, no interlace */
    if (td_bytes_reserve(out, clen + 1024, err) != 0 || td_bytes_append(out, signature, 8, err) != 0 ||
        put_chunk(out, "IHDR", ihdr, sizeof(ihdr), err) != 0) {
        goto done;
    }
    /* A chunk holds at most 2^31 - 1 bytes; one IDAT is the usual case. */
    const size_t max_chunk = (size_t)1 << 30;
    for (size_t off = 0; off < clen; off += max_chunk) {
        size_t part = clen - off < max_chunk ? clen - off : max_chunk;
        if (put_chunk(out, "IDAT", compressed + off, part, err) != 0) {
            goto done;
        }
    }
    if (put_chunk(out, "IEND", NULL, 0, err) != 0) {
        goto done;
    }
    rc = 0;
done:
    if (comp != NULL) {
        libdeflate_free_compressor(comp);
    }
    free(rows);
    free(cand);
    free(filtered);
    free(compressed);
    return rc;
}

int
td_image_encode_png(const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err)
{
    if (td_image_check(img, err) != 0) {
        return -1;
    }
    if ((uint64_t)img->width > 0x7fffffffu || (uint64_t)img->height > 0x7fffffffu) {
        return td_err_set(err, TD_ERR_VALUE, "PNG: image too large");
    }
    int level = png_level(opts);
    return opts->alternative ? encode_libpng(img, level, out, err) : encode_libdeflate(img, level, out, err);
}

/* Filtered rows, deflate's worst case (stored blocks: 5 bytes per 64 KiB), chunks. */
uint64_t
td_image_bound_png(const td_image *img, const td_encode_opts *opts)
{
    (void)opts;
    uint64_t w = (uint64_t)img->width, h = (uint64_t)img->height, c = (uint64_t)img->channels;
    uint64_t raw = h * (1 + w * c * (img->type == TD_SAMPLE_U8 ? 1 : 2));
    return raw + raw / 8192 + 4096;
}
