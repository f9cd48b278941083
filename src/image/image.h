/* td_image: a plain description of pixels handed to the encoders, which know nothing of GL or
 * Python. Rows are stored bottom row first when bottom_up is set (GL's order); encoders write files
 * top row first. */
#ifndef TD_IMAGE_IMAGE_H
#define TD_IMAGE_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

/* Sample types as the GPU stores them: 8- and 16-bit unsigned normalised, half and single float. */
typedef enum { TD_SAMPLE_U8 = 0, TD_SAMPLE_U16, TD_SAMPLE_F16, TD_SAMPLE_F32 } td_sample_type;

static inline size_t
td_sample_size(td_sample_type t)
{
    return t == TD_SAMPLE_U8 ? 1 : t == TD_SAMPLE_F32 ? 4 : 2;
}

/* channels: 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA (interleaved). */
typedef struct td_image {
    int width, height, channels;
    td_sample_type type;
    size_t row_bytes;
    int bottom_up;
    const void *data;
} td_image;

/* A growable byte buffer encoders write into. It may start on memory it does not own (borrowed:
 * e.g. a Python bytearray made ahead at an upper bound of the size): that memory is written but
 * never reallocated or freed; growing past it moves the bytes to a buffer of its own. */
typedef struct td_bytes {
    uint8_t *data;
    size_t len, cap;
    int borrowed;
} td_bytes;

int td_bytes_append(td_bytes *b, const void *data, size_t n, td_err *err);
/* Makes room for n more bytes after b->len (b->len unchanged). */
int td_bytes_reserve(td_bytes *b, size_t n, td_err *err);
void td_bytes_free(td_bytes *b);

/* Row y of the file (0 = top) in img's memory. */
static inline const uint8_t *
td_image_file_row(const td_image *img, int y)
{
    int mem_y = img->bottom_up ? img->height - 1 - y : y;
    return (const uint8_t *)img->data + (size_t)mem_y * img->row_bytes;
}

typedef struct td_kv {
    const char *key, *value; /* UTF-8 */
} td_kv;

/* quality 0..1 (1 the default). What it means per format (the one place it is defined is
 * encode.c's header comment): JPEG quality 1 + 99 * q; for the lossless formats the compression
 * effort, 1.0 the smallest file and 0.0 the fastest encode. */
typedef struct td_encode_opts {
    double quality;        /* 0..1 */
    const td_kv *metadata; /* written where the format has a place for it (EXR) */
    size_t nmetadata;
    int alternative; /* benchmarks only: 1 picks the back end that lost (PNG: libpng, BMP: stb) */
} td_encode_opts;

/* One constant per row of the codec table (codecs.c). */
typedef enum { TD_FILE_TIFF = 0, TD_FILE_JPEG, TD_FILE_BMP, TD_FILE_PNG, TD_FILE_EXR, TD_FILE_DDS } td_file_type;

/* The suffix of name (after the last '.' of its last path component, case-insensitive): .tif .tiff
 * .jpg .jpeg .bmp .png .exr .dds. Returns -1 for anything else, leaving *out alone. */
int td_file_type_from_name(const char *name, td_file_type *out);
/* ".tif .tiff .jpg .jpeg .bmp .png .exr .dds", for messages (joined from the codec table). */
extern const char *const td_file_type_suffixes;
/* "TIFF", "JPEG", ... */
const char *td_file_type_name(td_file_type type);
/* Whether the format stores opts->metadata (only EXR). */
int td_file_type_has_metadata(td_file_type type);

/* Encodes img into out (appended) as a complete file of the given type. img is checked here (sizes,
 * channels, sample type, stride): a bad one fails with TD_ERR_VALUE. On failure out may hold a
 * partial file; the caller frees it either way. */
int td_image_encode(td_file_type type, const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err);
/* An upper bound of the size of the file td_image_encode would write (a guess for JPEG, whose worst
 * case has no useful bound: exceeding it only costs a copy); 0 for a bad image. */
size_t td_image_encode_bound(td_file_type type, const td_image *img, const td_encode_opts *opts);

/* Checks img: 1..4 channels, a known sample type, positive sizes, rows at least width * channels
 * samples apart, data set (image.c). Every codec calls it first (their entry points: codecs.h). */
int td_image_check(const td_image *img, td_err *err);

#endif
