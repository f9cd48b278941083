/* TIFF decoder on libtiff, from memory through TIFFClientOpenExt (its messages land in the td_err,
 * never on stderr). The first image of the file is read strip by strip or tile by tile with
 * TIFFReadEncodedStrip/Tile (not TIFFReadRGBAImage, which would make everything 8-bit), so 16-bit
 * and float samples keep their depth:
 *
 *   samples           8 or 16-bit unsigned -> U8 / U16; 16 or 32-bit IEEE float -> F16 / F32;
 *                     1, 2 or 4-bit grey or palette indices -> 8 bits
 *   photometric       min-is-black and min-is-white (inverted) grey, RGB, palette (8-bit RGB,
 *                     colour map entries rounded from 16 bits), YCbCr only in JPEG-compressed
 *                     files (libtiff converts to RGB); CMYK, CIELab, LogLuv are refused
 *   extra samples     the first is the alpha (associated alpha -> premultiplied); the rest dropped
 *   layout            strips or tiles, chunky or planar; every compression libtiff was built with
 *   orientation       1-4 (top-left, top-right, bottom-right, bottom-left) are honoured; 5-8
 *                     (transposed) are read as 1 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <tiffio.h>

#include "image/decode_util.h"

#define MAX_CHUNK ((uint64_t)256 << 20)   /* one decoded strip or tile */
#define MAX_LIBTIFF_ALLOC ((tmsize_t)256 << 20)

typedef struct {
    const uint8_t *p;
    size_t n, pos;
    td_err *err;
    int failed;
} tiff_src;

static tmsize_t
src_read(thandle_t h, void *buf, tmsize_t len)
{
    tiff_src *s = h;
    size_t avail = s->pos < s->n ? s->n - s->pos : 0;
    size_t k = len < 0 ? 0 : (size_t)len < avail ? (size_t)len : avail;
    if (k > 0) {
        memcpy(buf, s->p + s->pos, k);
    }
    s->pos += k;
    return (tmsize_t)k;
}

static tmsize_t
src_write(thandle_t h, void *buf, tmsize_t len)
{
    (void)h;
    (void)buf;
    (void)len;
    return -1;
}

static toff_t
src_seek(thandle_t h, toff_t off, int whence)
{
    tiff_src *s = h;
    uint64_t base = whence == SEEK_CUR ? s->pos : whence == SEEK_END ? s->n : 0;
    uint64_t to = base + off;
    if (to < base || to > (uint64_t)SIZE_MAX) {
        return (toff_t)-1;
    }
    s->pos = (size_t)to;
    return (toff_t)to;
}

static int
src_close(thandle_t h)
{
    (void)h;
    return 0;
}

static toff_t
src_size(thandle_t h)
{
    return (toff_t)((tiff_src *)h)->n;
}

static int
src_map(thandle_t h, void **base, toff_t *size)
{
    (void)h;
    (void)base;
    (void)size;
    return 0;
}

static void
src_unmap(thandle_t h, void *base, toff_t size)
{
    (void)h;
    (void)base;
    (void)size;
}

static int
tiff_error(TIFF *tif, void *user, const char *module, const char *fmt, va_list ap)
{
    (void)tif;
    tiff_src *s = user;
    if (!s->failed) {
        char msg[512];
        vsnprintf(msg, sizeof(msg), fmt, ap);
        td_err_set(s->err, TD_ERR_VALUE, "TIFF: %s%s%s", module ? module : "", module ? ": " : "", msg);
        s->failed = 1;
    }
    return 1;
}

static int
tiff_warning(TIFF *tif, void *user, const char *module, const char *fmt, va_list ap)
{
    (void)tif;
    (void)user;
    (void)module;
    (void)fmt;
    (void)ap;
    return 1; /* unknown tags and the like: nothing printed */
}

/* How file samples become output channels. */
typedef struct {
    int width, height;
    int spp, bps, planar;
    int color;                      /* 1 grey / palette index, 3 RGB */
    int palette;                    /* indices through the colour map into RGB */
    int invert;                     /* min-is-white */
    int alpha;                      /* sample index of the alpha, or -1 */
    int out_channels;
    td_sample_type type;
    size_t ssize;                   /* output sample size */
    uint8_t lut[3][256];            /* palette -> 8-bit RGB */
    int flip_x, from_bottom;        /* orientation */
} tiff_layout;

static int
fail(tiff_src *s, const char *fmt, const char *what)
{
    if (!s->failed) {
        td_err_set(s->err, TD_ERR_VALUE, fmt, what);
        s->failed = 1;
    }
    return -1;
}

/* Sample i of a row of b-bit samples (b < 8), MSB first, scaled to 8 bits (or raw for indices). */
static uint8_t
small_sample(const uint8_t *row, size_t i, int b, int raw)
{
    size_t bit = i * (size_t)b;
    unsigned v = (row[bit >> 3] >> (8 - b - (int)(bit & 7))) & ((1u << b) - 1);
    return raw ? (uint8_t)v : (uint8_t)(v * 255 / ((1u << b) - 1));
}

/* Writes the samples of one file row segment into the output row: npix pixels starting at output
 * pixel x0. src holds spp interleaved samples a pixel (chunky) or just `plane` (planar). */
static void
put_row(const tiff_layout *L, const uint8_t *src, int plane, uint8_t *dst_row, int x0, int npix)
{
    int oc = L->out_channels;
    size_t ss = L->ssize;
    int chunky = L->planar == PLANARCONFIG_CONTIG;
    int stride = chunky ? L->spp : 1;
    if (chunky && L->bps >= 8 && !L->palette && !L->invert && !L->flip_x && L->spp == oc) {
        /* the file's samples are the output's: one copy */
        memcpy(dst_row + (size_t)x0 * (size_t)oc * ss, src, (size_t)npix * (size_t)oc * ss);
        return;
    }
    for (int i = 0; i < npix; i++) {
        int x = L->flip_x ? L->width - 1 - (x0 + i) : x0 + i;
        uint8_t *d = dst_row + (size_t)x * (size_t)oc * ss;
        if (L->bps < 8) { /* one sample a pixel: grey or an index */
            uint8_t v = small_sample(src, (size_t)i, L->bps, L->palette);
            if (L->palette) {
                d[0] = L->lut[0][v], d[1] = L->lut[1][v], d[2] = L->lut[2][v];
            }
            else {
                d[0] = L->invert ? (uint8_t)(255 - v) : v;
            }
            continue;
        }
        for (int s = chunky ? 0 : plane; s < (chunky ? L->spp : plane + 1); s++) {
            int c = s < L->color ? s : s == L->alpha ? L->color : -1;
            if (c < 0) {
                continue;
            }
            const uint8_t *in = src + ((size_t)i * (size_t)stride + (size_t)(chunky ? s : 0)) * ss;
            if (L->palette && c == 0) {
                d[0] = L->lut[0][in[0]], d[1] = L->lut[1][in[0]], d[2] = L->lut[2][in[0]];
                continue;
            }
            int oc_index = L->palette ? 3 : c; /* palette + alpha: alpha after RGB */
            uint8_t *o = d + (size_t)oc_index * ss;
            if (L->invert && c < L->color) {
                if (L->type == TD_SAMPLE_U8) {
                    o[0] = (uint8_t)(255 - in[0]);
                }
                else if (L->type == TD_SAMPLE_U16) {
                    uint16_t v;
                    memcpy(&v, in, 2);
                    v = (uint16_t)(65535 - v);
                    memcpy(o, &v, 2);
                }
                else if (L->type == TD_SAMPLE_F32) {
                    float v;
                    memcpy(&v, in, 4);
                    v = 1.0f - v;
                    memcpy(o, &v, 4);
                }
                else {
                    memcpy(o, in, ss); /* half min-is-white: left as stored */
                }
            }
            else {
                memcpy(o, in, ss);
            }
        }
    }
}

static int
layout_of(TIFF *tif, tiff_src *s, const td_decode_limits *lim, tiff_layout *L, int *premultiplied)
{
    uint32_t w = 0, h = 0;
    uint16_t spp = 1, bps = 1, fmt = SAMPLEFORMAT_UINT, photo, planar = PLANARCONFIG_CONTIG, compression = 1;
    uint16_t orientation = ORIENTATION_TOPLEFT;
    if (!TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &w) || !TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &h)) {
        return fail(s, "TIFF: %s", "no image size");
    }
    TIFFGetFieldDefaulted(tif, TIFFTAG_SAMPLESPERPIXEL, &spp);
    TIFFGetFieldDefaulted(tif, TIFFTAG_BITSPERSAMPLE, &bps);
    TIFFGetFieldDefaulted(tif, TIFFTAG_SAMPLEFORMAT, &fmt);
    TIFFGetFieldDefaulted(tif, TIFFTAG_PLANARCONFIG, &planar);
    TIFFGetFieldDefaulted(tif, TIFFTAG_COMPRESSION, &compression);
    TIFFGetFieldDefaulted(tif, TIFFTAG_ORIENTATION, &orientation);
    if (!TIFFGetField(tif, TIFFTAG_PHOTOMETRIC, &photo)) {
        photo = spp >= 3 ? PHOTOMETRIC_RGB : PHOTOMETRIC_MINISBLACK;
    }
    memset(L, 0, sizeof(*L));
    L->width = (int)(w > 0x7fffffff ? 0x7fffffff : w);
    L->height = (int)(h > 0x7fffffff ? 0x7fffffff : h);
    L->spp = spp;
    L->bps = bps;
    L->planar = planar;
    L->alpha = -1;
    if (w == 0 || h == 0 || w > (uint32_t)lim->max_side || h > (uint32_t)lim->max_side) {
        td_decode_check_size("TIFF", w, h, 1, TD_SAMPLE_U8, lim, s->err);
        s->failed = 1;
        return -1;
    }
    if (planar != PLANARCONFIG_CONTIG && planar != PLANARCONFIG_SEPARATE) {
        return fail(s, "TIFF: %s", "unknown planar configuration");
    }
    switch (photo) {
    case PHOTOMETRIC_MINISBLACK:
    case PHOTOMETRIC_MINISWHITE:
        L->color = 1;
        L->invert = photo == PHOTOMETRIC_MINISWHITE;
        break;
    case PHOTOMETRIC_RGB:
        L->color = 3;
        break;
    case PHOTOMETRIC_PALETTE:
        L->color = 1;
        L->palette = 1;
        break;
    case PHOTOMETRIC_YCBCR:
        if (compression != COMPRESSION_JPEG) {
            return fail(s, "TIFF: %s", "YCbCr samples are read only from JPEG-compressed files");
        }
        if (!TIFFSetField(tif, TIFFTAG_JPEGCOLORMODE, JPEGCOLORMODE_RGB)) {
            return fail(s, "TIFF: %s", "cannot convert JPEG YCbCr to RGB");
        }
        L->color = 3;
        break;
    case PHOTOMETRIC_SEPARATED:
        return fail(s, "TIFF: %s files are not read", "CMYK (separated)");
    default:
        return fail(s, "TIFF: %s", "unsupported photometric interpretation (CIELab, LogLuv, ...)");
    }
    if (spp < L->color) {
        return fail(s, "TIFF: %s", "fewer samples per pixel than the colour needs");
    }
    if (spp > L->color) {
        uint16_t nextra = 0, *extra = NULL;
        TIFFGetFieldDefaulted(tif, TIFFTAG_EXTRASAMPLES, &nextra, &extra);
        L->alpha = L->color; /* the first extra sample: alpha, whatever it is called */
        *premultiplied = nextra > 0 && extra != NULL && extra[0] == EXTRASAMPLE_ASSOCALPHA;
    }
    int sub_byte = bps == 1 || bps == 2 || bps == 4;
    if (sub_byte) {
        if (fmt != SAMPLEFORMAT_UINT || spp != 1) {
            return fail(s, "TIFF: %s", "1/2/4-bit samples are read only for one-sample grey or palette images");
        }
        L->type = TD_SAMPLE_U8;
    }
    else if (fmt == SAMPLEFORMAT_UINT && (bps == 8 || bps == 16)) {
        L->type = bps == 8 ? TD_SAMPLE_U8 : TD_SAMPLE_U16;
    }
    else if (fmt == SAMPLEFORMAT_IEEEFP && (bps == 16 || bps == 32)) {
        L->type = bps == 16 ? TD_SAMPLE_F16 : TD_SAMPLE_F32;
    }
    else {
        char what[96];
        snprintf(what, sizeof(what), "%u-bit %s", bps,
                 fmt == SAMPLEFORMAT_INT      ? "signed"
                 : fmt == SAMPLEFORMAT_IEEEFP ? "float"
                 : fmt == SAMPLEFORMAT_UINT   ? "unsigned"
                                              : "complex or unknown");
        return fail(s, "TIFF: %s samples are not read (8/16-bit unsigned, 16/32-bit float are)", what);
    }
    if (L->palette) {
        if (bps > 8 || fmt != SAMPLEFORMAT_UINT) {
            return fail(s, "TIFF: %s", "palette images of more than 8 bits are not read");
        }
        uint16_t *r = NULL, *g = NULL, *b = NULL;
        if (!TIFFGetField(tif, TIFFTAG_COLORMAP, &r, &g, &b) || r == NULL || g == NULL || b == NULL) {
            return fail(s, "TIFF: %s", "a palette image without a colour map");
        }
        size_t entries = (size_t)1 << bps;
        for (size_t i = 0; i < 256; i++) {
            size_t k = i < entries ? i : 0;
            L->lut[0][i] = (uint8_t)((r[k] + 128u) / 257u);
            L->lut[1][i] = (uint8_t)((g[k] + 128u) / 257u);
            L->lut[2][i] = (uint8_t)((b[k] + 128u) / 257u);
        }
    }
    L->ssize = td_sample_size(L->type);
    L->out_channels = (L->palette ? 3 : L->color) + (L->alpha >= 0 ? 1 : 0);
    L->flip_x = orientation == ORIENTATION_TOPRIGHT || orientation == ORIENTATION_BOTRIGHT;
    L->from_bottom = orientation == ORIENTATION_BOTRIGHT || orientation == ORIENTATION_BOTLEFT;
    return 0;
}

/* Output row for file row y (0 = the first row stored). */
static uint8_t *
out_row(td_decoded *out, const tiff_layout *L, uint32_t y)
{
    return L->from_bottom ? (uint8_t *)out->owned + (size_t)y * out->image.row_bytes : td_decoded_top_row(out, y);
}

static int
read_strips(TIFF *tif, tiff_src *s, const tiff_layout *L, td_decoded *out)
{
    uint32_t rps = 0;
    TIFFGetFieldDefaulted(tif, TIFFTAG_ROWSPERSTRIP, &rps);
    if (rps == 0 || rps > (uint32_t)L->height) {
        rps = (uint32_t)L->height;
    }
    uint64_t line = (uint64_t)TIFFScanlineSize64(tif);
    uint64_t chunk = line * rps;
    if (line == 0 || chunk > MAX_CHUNK) {
        return fail(s, "TIFF: %s", "strips too large (or no scanline size)");
    }
    uint32_t per_plane = (uint32_t)(((uint64_t)L->height + rps - 1) / rps);
    int planes = L->planar == PLANARCONFIG_SEPARATE ? L->spp : 1;
    if ((uint64_t)TIFFNumberOfStrips(tif) < (uint64_t)per_plane * (uint64_t)planes) {
        return fail(s, "TIFF: %s", "fewer strips than the image needs");
    }
    uint8_t *buf = malloc((size_t)chunk);
    if (buf == NULL) {
        s->failed = 1;
        return td_err_nomem(s->err, "TIFF strip");
    }
    for (int plane = 0; plane < planes; plane++) {
        if (L->planar == PLANARCONFIG_SEPARATE && plane != L->alpha && plane >= L->color) {
            continue; /* a dropped extra sample */
        }
        for (uint32_t k = 0; k < per_plane; k++) {
            uint32_t y0 = k * rps;
            uint32_t nrows = (uint32_t)L->height - y0 < rps ? (uint32_t)L->height - y0 : rps;
            tmsize_t want = (tmsize_t)(line * nrows);
            tmsize_t got = TIFFReadEncodedStrip(tif, (uint32_t)plane * per_plane + k, buf, want);
            if (got < want || s->failed) {
                free(buf);
                return fail(s, "TIFF: %s", "cannot read a strip (cut or corrupt data)");
            }
            for (uint32_t r = 0; r < nrows; r++) {
                put_row(L, buf + (size_t)r * (size_t)line, plane, out_row(out, L, y0 + r), 0, L->width);
            }
        }
    }
    free(buf);
    return 0;
}

static int
read_tiles(TIFF *tif, tiff_src *s, const tiff_layout *L, td_decoded *out)
{
    uint32_t tw = 0, th = 0;
    TIFFGetField(tif, TIFFTAG_TILEWIDTH, &tw);
    TIFFGetField(tif, TIFFTAG_TILELENGTH, &th);
    uint64_t row = (uint64_t)TIFFTileRowSize64(tif);
    uint64_t chunk = (uint64_t)TIFFTileSize64(tif);
    if (tw == 0 || th == 0 || row == 0 || chunk == 0 || chunk > MAX_CHUNK || chunk < row * th) {
        return fail(s, "TIFF: %s", "bad or too large tiles");
    }
    int planes = L->planar == PLANARCONFIG_SEPARATE ? L->spp : 1;
    uint8_t *buf = malloc((size_t)chunk);
    if (buf == NULL) {
        s->failed = 1;
        return td_err_nomem(s->err, "TIFF tile");
    }
    for (int plane = 0; plane < planes; plane++) {
        if (L->planar == PLANARCONFIG_SEPARATE && plane != L->alpha && plane >= L->color) {
            continue;
        }
        for (uint64_t ty = 0; ty < (uint64_t)L->height; ty += th) {
            for (uint64_t tx = 0; tx < (uint64_t)L->width; tx += tw) {
                uint32_t tile = TIFFComputeTile(tif, (uint32_t)tx, (uint32_t)ty, 0, (uint16_t)plane);
                if (TIFFReadEncodedTile(tif, tile, buf, (tmsize_t)chunk) < (tmsize_t)chunk || s->failed) {
                    free(buf);
                    return fail(s, "TIFF: %s", "cannot read a tile (cut or corrupt data)");
                }
                uint64_t nrows = (uint64_t)L->height - ty < th ? (uint64_t)L->height - ty : th;
                uint64_t ncols = (uint64_t)L->width - tx < tw ? (uint64_t)L->width - tx : tw;
                for (uint64_t r = 0; r < nrows; r++) {
                    put_row(L, buf + (size_t)r * (size_t)row, plane, out_row(out, L, (uint32_t)(ty + r)), (int)tx,
                            (int)ncols);
                }
            }
        }
    }
    free(buf);
    return 0;
}

int
td_decode_tiff(const uint8_t *p, size_t n, const td_decode_limits *lim, td_decoded *out, td_err *err)
{
    tiff_src src = {p, n, 0, err, 0};
    int rc = -1;
    TIFF *tif = NULL;
    TIFFOpenOptions *topts = TIFFOpenOptionsAlloc();
    if (topts == NULL) {
        return td_err_nomem(err, "TIFF decoder");
    }
    TIFFOpenOptionsSetErrorHandlerExtR(topts, tiff_error, &src);
    TIFFOpenOptionsSetWarningHandlerExtR(topts, tiff_warning, &src);
    TIFFOpenOptionsSetMaxSingleMemAlloc(topts, MAX_LIBTIFF_ALLOC);
    /* "m": read through src_read, never a mapping; "h": only the header and first directory */
    tif = TIFFClientOpenExt("TIFF data", "rm", &src, src_read, src_write, src_seek, src_close, src_size, src_map,
                            src_unmap, topts);
    if (tif == NULL) {
        fail(&src, "TIFF: %s", "cannot read the header or first directory");
        goto done;
    }
    tiff_layout L;
    int premultiplied = 0;
    if (layout_of(tif, &src, lim, &L, &premultiplied) != 0) {
        goto done;
    }
    if (td_decode_alloc(out, "TIFF", L.width, L.height, L.out_channels, L.type, lim, err) != 0) {
        src.failed = 1;
        goto done;
    }
    if ((TIFFIsTiled(tif) ? read_tiles(tif, &src, &L, out) : read_strips(tif, &src, &L, out)) != 0) {
        goto done;
    }
    out->premultiplied = L.alpha >= 0 && premultiplied;
    rc = 0;
done:
    if (tif != NULL) {
        TIFFClose(tif);
    }
    TIFFOpenOptionsFree(topts);
    return rc;
}
