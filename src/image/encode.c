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
 * quality (0..1, default 1.0) per format:
 *   JPEG  libjpeg quality 1 + round(99 q) (q = 1.0 -> 100); chroma 4:4:4 from q >= 0.9, else 4:2:0.
 *   PNG   deflate effort: libdeflate level round(1 + 8 q) (q = 1.0 -> 9, the smallest file; 0.0 -> 1,
 *         the fastest). Pixels are the same at every quality.
 *   TIFF  q = 0.0 uncompressed (the fastest); q > 0 Adobe Deflate with a horizontal predictor,
 *         level round(1 + 8 q) (q = 1.0 -> 9).
 *   EXR   q < 0.25 NONE, q < 0.5 RLE, q < 0.75 PIZ, else ZIP (OpenEXR's usual default). All
 *         lossless; on rendered images each step is slower and smaller than the one before.
 *   BMP, DDS: no compression; quality is ignored.
 * So for every lossless format 1.0 is the smallest file and 0.0 the fastest encode, the convention
 * save() has had since the PNG-only version. */
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
