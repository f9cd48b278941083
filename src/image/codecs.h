/* The codec table of src/image: one td_image_codec row per file format (codecs.c), which the
 * dispatcher (encode.c) reads for suffixes, names and encoding. Adding a format is one codec file,
 * its row in codecs.c, its td_file_type constant (image.h) and its two prototypes below. */
#ifndef TD_IMAGE_CODECS_H
#define TD_IMAGE_CODECS_H

#include <stdint.h>

#include "image/image.h"

/* Encodes img (checking it first with td_image_check) into out, appended, as a complete file. */
typedef int (*td_image_encoder)(const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err);
/* An upper bound of the bytes the encoder writes for img, which has passed td_image_check; a guess
 * where the format has no useful bound (JPEG). */
typedef uint64_t (*td_image_bounder)(const td_image *img, const td_encode_opts *opts);

typedef struct td_image_codec {
    td_file_type type;
    const char *name;     /* "PNG", for messages */
    const char *suffixes; /* ".tif .tiff": the file name suffixes, space-separated, lower case */
    td_image_encoder encode;
    td_image_bounder bound;
    int has_metadata; /* stores td_encode_opts.metadata */
} td_image_codec;

/* The row of type, or NULL for a value that names no format. */
const td_image_codec *td_image_codec_of(td_file_type type);
/* The row whose suffixes include suffix (".png", any case), or NULL. */
const td_image_codec *td_image_codec_by_suffix(const char *suffix);

/* Each codec file defines its encoder and its bound. */
int td_image_encode_tiff(const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err);
uint64_t td_image_bound_tiff(const td_image *img, const td_encode_opts *opts);
int td_image_encode_jpeg(const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err);
uint64_t td_image_bound_jpeg(const td_image *img, const td_encode_opts *opts);
int td_image_encode_bmp(const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err);
uint64_t td_image_bound_bmp(const td_image *img, const td_encode_opts *opts);
int td_image_encode_png(const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err);
uint64_t td_image_bound_png(const td_image *img, const td_encode_opts *opts);
int td_image_encode_exr(const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err);
uint64_t td_image_bound_exr(const td_image *img, const td_encode_opts *opts);
int td_image_encode_dds(const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err);
uint64_t td_image_bound_dds(const td_image *img, const td_encode_opts *opts);

#endif
