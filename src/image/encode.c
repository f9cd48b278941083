/* The encoder dispatcher: file types from names, the image check, and td_image_encode.
 *
 * What each format writes (bit depth follows the samples; files are upright):
 *
 *   format  U8                 U16                 F16                  F32
 *   PNG     8-bit              16-bit              16-bit, [0,1]        16-bit, [0,1]
 *   TIFF    8-bit              16-bit              32-bit float         32-bit float
 *   EXR     half               float               half                 float
 *   DDS     *8_UNORM           *16_UNORM           *16_FLOAT            *32_FLOAT      (DX10 header)
 *   JPEG    8-bit, alpha dropped, 2 channels -> grey; floats clamped to [0,1]
 *   BMP     8-bit: grey 8-bit paletted, RGB 24-bit, grey+alpha and RGBA 32-bit BGRA (V4 header)
 *
 * quality (0..1, default 1.0), as TouchDesigner documents it: 0 "lowest quality, small size", 1
 * "best quality, largest size". For the lossless formats the pixels never change, so quality sets
 * the compression effort e = 1 - q: the default 1.0 is the fastest save, 0.0 the smallest file.
 *   JPEG  libjpeg quality 1 + round(99 q) (q = 1.0 -> 100); chroma 4:4:4 from q >= 0.9, else 4:2:0.
 *   PNG   libdeflate level round(1 + 5 e) (q = 1.0 -> 1; q = 0.0 -> 6, the smallest file).
 *   TIFF  e = 0 (q = 1.0) uncompressed; otherwise Adobe Deflate with a horizontal (or, for float,
 *         floating-point) predictor at level round(1 + 5 e).
 *   EXR   e < 1/3 NONE, e < 2/3 RLE, else ZIP (OpenEXR's usual default). All lossless; on rendered
 *         images each step is slower and smaller than the one before. (exr.c: why not PIZ.)
 *   BMP, DDS: no compression; quality is ignored.
 * The top of the deflate scale is level 6 (zlib's and
 * libdeflate's default), not 9 or 12: on a 1920x1080 render, levels 6 -> 9 make PNG and TIFF files
 * 15-20% smaller for 8-10x the time (0.06 s -> 0.6 s for PNG, 0.1 s -> 1 s for TIFF; see
 * benchmarks/bench_encode.py), too much for the default of every save(). */
#include <strings.h>

#include "image/encode_util.h"
#include "image/image.h"

const char td_file_type_suffixes[] = ".tif .tiff .jpg .jpeg .bmp .png .exr .dds";

static const struct {
    const char *suffix;
    td_file_type type;
} suffix_table[] = {
    {"tif", TD_FILE_TIFF}, {"tiff", TD_FILE_TIFF}, {"jpg", TD_FILE_JPEG}, {"jpeg", TD_FILE_JPEG},
    {"bmp", TD_FILE_BMP},  {"png", TD_FILE_PNG},   {"exr", TD_FILE_EXR},  {"dds", TD_FILE_DDS},
};

int
td_file_type_from_name(const char *name, td_file_type *out)
{
    if (name == NULL) {
        return -1;
    }
    /* The suffix of the last path component only: "a.png/b" has none. Both separators count, so
     * Windows paths as TouchDesigner's docs write them ('C:\Files\file.jpg') work too. */
    const char *base = name;
    for (const char *p = name; *p != '\0'; p++) {
        if (*p == '/' || *p == '\\') {
            base = p + 1;
        }
    }
    const char *dot = strrchr(base, '.');
    if (dot == NULL) {
        return -1;
    }
    for (size_t i = 0; i < sizeof(suffix_table) / sizeof(suffix_table[0]); i++) {
        if (strcasecmp(dot + 1, suffix_table[i].suffix) == 0) {
            *out = suffix_table[i].type;
            return 0;
        }
    }
    return -1;
}

const char *
td_file_type_name(td_file_type type)
{
    switch (type) {
    case TD_FILE_TIFF:
        return "TIFF";
    case TD_FILE_JPEG:
        return "JPEG";
    case TD_FILE_BMP:
        return "BMP";
    case TD_FILE_PNG:
        return "PNG";
    case TD_FILE_EXR:
        return "EXR";
    case TD_FILE_DDS:
        return "DDS";
    }
    return "?";
}

int
td_file_type_has_metadata(td_file_type type)
{
    return type == TD_FILE_EXR;
}

int
td_image_check(const td_image *img, td_err *err)
{
    if (img->channels < 1 || img->channels > 4) {
        return td_err_set(err, TD_ERR_VALUE, "images have 1 to 4 channels, not %d", img->channels);
    }
    if ((unsigned)img->type > TD_SAMPLE_F32) {
        return td_err_set(err, TD_ERR_VALUE, "unknown sample type %d", (int)img->type);
    }
    if (img->width < 1 || img->height < 1) {
        return td_err_set(err, TD_ERR_VALUE, "cannot encode an empty image (%d x %d)", img->width, img->height);
    }
    size_t packed = (size_t)img->width * (size_t)img->channels * td_sample_size(img->type);
    if (img->row_bytes < packed) {
        return td_err_set(err, TD_ERR_VALUE, "rows are %zu bytes apart, less than a row's %zu", img->row_bytes,
                          packed);
    }
    if (img->data == NULL) {
        return td_err_set(err, TD_ERR_VALUE, "image has no pixels");
    }
    return 0;
}

int
td_image_encode(td_file_type type, const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err)
{
    static const td_encode_opts defaults = {.quality = 1.0};
    if (opts == NULL) {
        opts = &defaults;
    }
    switch (type) {
    case TD_FILE_TIFF:
        return td_image_encode_tiff(img, opts, out, err);
    case TD_FILE_JPEG:
        return td_image_encode_jpeg(img, opts, out, err);
    case TD_FILE_BMP:
        return td_image_encode_bmp(img, opts, out, err);
    case TD_FILE_PNG:
        return td_image_encode_png(img, opts, out, err);
    case TD_FILE_EXR:
        return td_image_encode_exr(img, opts, out, err);
    case TD_FILE_DDS:
        return td_image_encode_dds(img, opts, out, err);
    }
    return td_err_set(err, TD_ERR_VALUE, "unknown file type %d", (int)type);
}

/* ---- size bounds ---- */

static uint64_t
sat_add(uint64_t a, uint64_t b)
{
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

size_t
td_image_encode_bound(td_file_type type, const td_image *img, const td_encode_opts *opts)
{
    if (td_image_check(img, NULL) != 0) {
        return 0;
    }
    uint64_t w = (uint64_t)img->width, h = (uint64_t)img->height, c = (uint64_t)img->channels;
    uint64_t bound = 0;
    switch (type) {
    case TD_FILE_BMP: {
        uint64_t bpp = c == 1 ? 1 : c == 3 ? 3 : 4;
        bound = 14 + 108 + 1024 + ((w * bpp + 3) & ~(uint64_t)3) * h;
        break;
    }
    case TD_FILE_DDS: {
        uint64_t fc = c == 3 && img->type != TD_SAMPLE_F32 ? 4 : c;
        bound = 4 + 124 + 20 + w * fc * td_sample_size(img->type) * h;
        break;
    }
    case TD_FILE_PNG: {
        /* filtered rows, deflate's worst case (stored blocks: 5 bytes per 64 KiB), chunks */
        uint64_t raw = h * (1 + w * c * (img->type == TD_SAMPLE_U8 ? 1 : 2));
        bound = raw + raw / 8192 + 4096;
        break;
    }
    case TD_FILE_TIFF: {
        /* strips (deflate's worst case), two 4-byte entries per strip, header and directory */
        uint64_t raw = w * h * c * (img->type == TD_SAMPLE_U8 ? 1 : img->type == TD_SAMPLE_U16 ? 2 : 4);
        bound = raw + raw / 8192 + 8 * (h + 1) + 8192;
        break;
    }
    case TD_FILE_EXR: {
        /* tinyexr stores a block raw when compressing would not shrink it; plus the offset table,
         * block headers, the header and its custom attributes */
        uint64_t raw = w * h * c * (img->type == TD_SAMPLE_U8 || img->type == TD_SAMPLE_F16 ? 2 : 4);
        bound = raw + 16 * (h + 1) + 8192;
        for (size_t i = 0; opts != NULL && i < opts->nmetadata; i++) {
            bound = sat_add(bound, 16 + strlen(opts->metadata[i].key) + strlen(opts->metadata[i].value));
        }
        break;
    }
    case TD_FILE_JPEG:
        /* a guess: the 8-bit samples themselves; JPEG at quality 100 of noise can exceed it */
        bound = w * h * (c <= 2 ? 1 : 3) + 8192;
        break;
    }
    return bound > SIZE_MAX ? SIZE_MAX : (size_t)bound;
}
