/* The encoder dispatcher: file types from names, td_image_encode and its bound, through the codec
 * table (codecs.c).
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
#include <string.h>

#include "image/codecs.h"

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
    const td_image_codec *codec = dot != NULL ? td_image_codec_by_suffix(dot) : NULL;
    if (codec == NULL) {
        return -1;
    }
    *out = codec->type;
    return 0;
}

const char *
td_file_type_name(td_file_type type)
{
    const td_image_codec *codec = td_image_codec_of(type);
    return codec != NULL ? codec->name : "?";
}

int
td_file_type_has_metadata(td_file_type type)
{
    const td_image_codec *codec = td_image_codec_of(type);
    return codec != NULL && codec->has_metadata;
}

int
td_image_encode(td_file_type type, const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err)
{
    static const td_encode_opts defaults = {.quality = 1.0};
    const td_image_codec *codec = td_image_codec_of(type);
    if (codec == NULL) {
        return td_err_set(err, TD_ERR_VALUE, "unknown file type %d", (int)type);
    }
    return codec->encode(img, opts != NULL ? opts : &defaults, out, err);
}

size_t
td_image_encode_bound(td_file_type type, const td_image *img, const td_encode_opts *opts)
{
    const td_image_codec *codec = td_image_codec_of(type);
    if (codec == NULL || td_image_check(img, NULL) != 0) {
        return 0;
    }
    uint64_t bound = codec->bound(img, opts);
    return bound > SIZE_MAX ? SIZE_MAX : (size_t)bound;
}
