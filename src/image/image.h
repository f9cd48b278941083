/* td_image: a plain description of pixels handed to the encoders, which know nothing of GL or
 * Python. Rows are stored bottom row first when bottom_up is set (GL's order); encoders write files
 * top row first. */
#ifndef TD_IMAGE_IMAGE_H
#define TD_IMAGE_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

typedef enum { TD_SAMPLE_U8 = 0 } td_sample_type;

typedef struct td_image {
    int width, height, channels;
    td_sample_type type;
    size_t row_bytes;
    int bottom_up;
    const void *data;
} td_image;

/* A growable byte buffer encoders write into. */
typedef struct td_bytes {
    uint8_t *data;
    size_t len, cap;
} td_bytes;

int td_bytes_append(td_bytes *b, const void *data, size_t n, td_err *err);
void td_bytes_free(td_bytes *b);

/* Row y of the file (0 = top) in img's memory. */
static inline const uint8_t *
td_image_file_row(const td_image *img, int y)
{
    int mem_y = img->bottom_up ? img->height - 1 - y : y;
    return (const uint8_t *)img->data + (size_t)mem_y * img->row_bytes;
}

typedef struct td_encode_opts {
    double quality; /* 0..1 */
} td_encode_opts;

int td_image_encode_png(const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err);

#endif
