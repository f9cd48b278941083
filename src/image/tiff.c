/* TIFF encoder on libtiff, into memory through TIFFClientOpenExt (its messages come back here, not
 * on stderr).
 *
 * U8 -> 8-bit, U16 -> 16-bit unsigned, F16 and F32 -> 32-bit IEEE float; chunky (interleaved),
 * grey (MinIsBlack) or RGB, alpha as an unassociated extra sample. quality 0 writes uncompressed
 * strips; above 0 Adobe Deflate at level round(1 + 5 q) with a horizontal predictor (integer or
 * floating point). Strips of about 256 KiB. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <tiffio.h>

#include "image/codecs.h"
#include "image/encode_util.h"
#include "image/image.h"
#include "image/sample.h"

#define STRIP_BYTES (256 * 1024)

/* The in-memory file: the bytes of out from base on, and a position in them. */
typedef struct {
    td_bytes *out;
    size_t base, pos;
    td_err *err;
    int failed; /* err already filled */
} tiff_mem;

static size_t
mem_size(const tiff_mem *m)
{
    return m->out->len - m->base;
}

static tmsize_t
mem_read(thandle_t h, void *buf, tmsize_t n)
{
    tiff_mem *m = h;
    size_t size = mem_size(m);
    size_t avail = m->pos < size ? size - m->pos : 0;
    size_t k = (size_t)n < avail ? (size_t)n : avail;
    memcpy(buf, m->out->data + m->base + m->pos, k);
    m->pos += k;
    return (tmsize_t)k;
}

static tmsize_t
mem_write(thandle_t h, void *buf, tmsize_t n)
{
    tiff_mem *m = h;
    size_t end = m->pos + (size_t)n, size = mem_size(m);
    if (end > size) {
        if (td_bytes_reserve(m->out, end - size, m->err) != 0) {
            m->failed = 1;
            return -1;
        }
        /* a seek past the end leaves a gap: zero it */
        if (m->pos > size) {
            memset(m->out->data + m->out->len, 0, m->pos - size);
        }
        m->out->len = m->base + end;
    }
    memcpy(m->out->data + m->base + m->pos, buf, (size_t)n);
    m->pos = end;
    return n;
}

static toff_t
mem_seek(thandle_t h, toff_t off, int whence)
{
    tiff_mem *m = h;
    uint64_t base = whence == SEEK_CUR ? m->pos : whence == SEEK_END ? mem_size(m) : 0;
    m->pos = (size_t)(base + off);
    return (toff_t)m->pos;
}

static int
mem_close(thandle_t h)
{
    (void)h;
    return 0;
}

static toff_t
mem_sizeproc(thandle_t h)
{
    return (toff_t)mem_size(h);
}

static int
mem_map(thandle_t h, void **base, toff_t *size)
{
    (void)h;
    (void)base;
    (void)size;
    return 0; /* no mapping: libtiff reads through mem_read */
}

static void
mem_unmap(thandle_t h, void *base, toff_t size)
{
    (void)h;
    (void)base;
    (void)size;
}

static int
tiff_error(TIFF *tif, void *user, const char *module, const char *fmt, va_list ap)
{
    (void)tif;
    tiff_mem *m = user;
    if (!m->failed) {
        char msg[512];
        vsnprintf(msg, sizeof(msg), fmt, ap);
        td_err_set(m->err, TD_ERR_RUNTIME, "TIFF encoding failed: %s%s%s", module ? module : "", module ? ": " : "",
                   msg);
        m->failed = 1;
    }
    return 1; /* handled: libtiff prints nothing */
}

static int
tiff_warning(TIFF *tif, void *user, const char *module, const char *fmt, va_list ap)
{
    (void)tif;
    (void)user;
    (void)module;
    (void)fmt;
    (void)ap;
    return 1;
}

/* Row y of the file in the TIFF's sample type, written to dst. */
static void
tiff_row(const td_image *img, int y, uint8_t *dst)
{
    const uint8_t *src = td_image_file_row(img, y);
    size_t n = (size_t)img->width * (size_t)img->channels;
    if (img->type == TD_SAMPLE_F16) {
        td_sample_to_f32(src, TD_SAMPLE_F16, n, (float *)dst);
    }
    else {
        memcpy(dst, src, n * td_sample_size(img->type));
    }
}

int
td_image_encode_tiff(const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err)
{
    if (td_image_check(img, err) != 0) {
        return -1;
    }
    if ((uint64_t)img->width > UINT32_MAX || (uint64_t)img->height > UINT32_MAX) {
        return td_err_set(err, TD_ERR_VALUE, "TIFF: image too large");
    }
    int rc = -1;
    tiff_mem mem = {.out = out, .base = out->len, .err = err};
    TIFFOpenOptions *topts = NULL;
    TIFF *tif = NULL;
    uint8_t *strip = NULL;
    int is_float = img->type == TD_SAMPLE_F16 || img->type == TD_SAMPLE_F32;
    int bits = img->type == TD_SAMPLE_U8 ? 8 : img->type == TD_SAMPLE_U16 ? 16 : 32;
    size_t row_len = (size_t)img->width * (size_t)img->channels * (size_t)(bits / 8);
    uint32_t rows_per_strip = row_len >= STRIP_BYTES ? 1 : (uint32_t)(STRIP_BYTES / row_len);
    if (rows_per_strip > (uint32_t)img->height) {
        rows_per_strip = (uint32_t)img->height;
    }

    topts = TIFFOpenOptionsAlloc();
    if (topts == NULL) {
        td_err_nomem(err, "TIFF encoder");
        goto done;
    }
    TIFFOpenOptionsSetErrorHandlerExtR(topts, tiff_error, &mem);
    TIFFOpenOptionsSetWarningHandlerExtR(topts, tiff_warning, &mem);
    /* "m": never map the (growing) buffer; "8" would force BigTIFF, plain TIFF is used up to 4 GiB */
    tif = TIFFClientOpenExt("memory", "wm", &mem, mem_read, mem_write, mem_seek, mem_close, mem_sizeproc, mem_map,
                            mem_unmap, topts);
    if (tif == NULL) {
        if (!mem.failed) {
            td_err_set(err, TD_ERR_RUNTIME, "TIFF encoding failed: cannot open the memory file");
        }
        goto done;
    }
    int ok = 1;
    ok &= TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, (uint32_t)img->width);
    ok &= TIFFSetField(tif, TIFFTAG_IMAGELENGTH, (uint32_t)img->height);
    ok &= TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, (uint16_t)img->channels);
    ok &= TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, (uint16_t)bits);
    ok &= TIFFSetField(tif, TIFFTAG_SAMPLEFORMAT, is_float ? SAMPLEFORMAT_IEEEFP : SAMPLEFORMAT_UINT);
    ok &= TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, img->channels >= 3 ? PHOTOMETRIC_RGB : PHOTOMETRIC_MINISBLACK);
    ok &= TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    ok &= TIFFSetField(tif, TIFFTAG_ORIENTATION, ORIENTATION_TOPLEFT);
    ok &= TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, rows_per_strip);
    if (img->channels == 2 || img->channels == 4) {
        uint16_t extra = EXTRASAMPLE_UNASSALPHA;
        ok &= TIFFSetField(tif, TIFFTAG_EXTRASAMPLES, 1, &extra);
    }
    if (td_lossless_effort(opts->quality) > 0.0) {
        ok &= TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_ADOBE_DEFLATE);
        ok &= TIFFSetField(tif, TIFFTAG_ZIPQUALITY, td_quality_level(td_lossless_effort(opts->quality), 1, 6));
        ok &= TIFFSetField(tif, TIFFTAG_PREDICTOR, is_float ? PREDICTOR_FLOATINGPOINT : PREDICTOR_HORIZONTAL);
    }
    else {
        ok &= TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_NONE);
    }
    ok &= TIFFSetField(tif, TIFFTAG_SOFTWARE, "td_render");
    if (!ok) {
        if (!mem.failed) {
            td_err_set(err, TD_ERR_RUNTIME, "TIFF encoding failed: cannot set the tags");
        }
        goto done;
    }
    /* Strips are assembled here (flipped, converted) and handed over whole: libtiff's predictor
     * works in place on the buffer it is given, and a whole strip is one deflate call. */
    strip = malloc(row_len * rows_per_strip);
    if (strip == NULL) {
        td_err_nomem(err, "TIFF strip");
        goto done;
    }
    for (uint32_t s = 0, y = 0; y < (uint32_t)img->height; s++) {
        uint32_t nrows = (uint32_t)img->height - y < rows_per_strip ? (uint32_t)img->height - y : rows_per_strip;
        for (uint32_t r = 0; r < nrows; r++) {
            tiff_row(img, (int)(y + r), strip + (size_t)r * row_len);
        }
        if (TIFFWriteEncodedStrip(tif, s, strip, (tmsize_t)(row_len * nrows)) < 0) {
            if (!mem.failed) {
                td_err_set(err, TD_ERR_RUNTIME, "TIFF encoding failed: cannot write strip %u", s);
            }
            goto done;
        }
        y += nrows;
    }
    if (!TIFFWriteDirectory(tif) || mem.failed) {
        if (!mem.failed) {
            td_err_set(err, TD_ERR_RUNTIME, "TIFF encoding failed: cannot write the directory");
        }
        goto done;
    }
    rc = 0;
done:
    if (tif != NULL) {
        TIFFClose(tif); /* flushes nothing more: the directory is written */
    }
    if (mem.failed) {
        rc = -1;
    }
    if (topts != NULL) {
        TIFFOpenOptionsFree(topts);
    }
    free(strip);
    return rc;
}

/* Strips (deflate's worst case), two 4-byte entries per strip, header and directory. */
uint64_t
td_image_bound_tiff(const td_image *img, const td_encode_opts *opts)
{
    (void)opts;
    uint64_t w = (uint64_t)img->width, h = (uint64_t)img->height, c = (uint64_t)img->channels;
    uint64_t raw = w * h * c * (img->type == TD_SAMPLE_U8 ? 1 : img->type == TD_SAMPLE_U16 ? 2 : 4);
    return raw + raw / 8192 + 8 * (h + 1) + 8192;
}
