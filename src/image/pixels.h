/* td_pixels: an image in host memory handed to the GPU (scriptTOP.copyNumpyArray, a decoded file),
 * reference counted so a scene snapshot on the GL thread can hold it while Python replaces it.
 * Rows bottom-up (TouchDesigner's orientation), tightly packed. Plain C, no Python, no GL. */
#ifndef TD_IMAGE_PIXELS_H
#define TD_IMAGE_PIXELS_H

#include <stdatomic.h>
#include <stddef.h>

#include "image/image.h"

/* What the channels are: as given (1 R, 2 RG, 3 RGB, 4 RGBA: arrays), or a file's grey (1 grey,
 * 2 grey + alpha, 3 RGB, 4 RGBA). */
typedef enum { TD_PIXELS_CHANNELS = 0, TD_PIXELS_GREY } td_pixels_layout;

typedef struct td_pixels {
    atomic_int refs;
    int width, height, channels;
    td_sample_type type;
    td_pixels_layout layout;
    size_t bytes;          /* width * height * channels * sample size */
    unsigned char data[];
} td_pixels;

/* A new w x h image of channels (1-4) samples of type t, uninitialised, one reference; NULL if the
 * size overflows or memory runs out. */
td_pixels *td_pixels_new(int w, int h, int channels, td_sample_type t, td_pixels_layout layout);
void td_pixels_incref(td_pixels *p);
void td_pixels_decref(td_pixels *p); /* NULL is fine */

#endif
