/* Pixel formats: TouchDesigner's 'format' menu tokens and how each is stored, rendered and read.
 * Plain C, no Python. */
#ifndef TD_GPU_FORMAT_H
#define TD_GPU_FORMAT_H

#include <stddef.h>

#include "image/convert.h"
#include "image/image.h"

/* How the fragment shader's RGBA lands in the texture's channels. */
typedef enum {
    TD_OUT_RGBA = 0,      /* as is (R, RG, RGB formats keep their leading channels) */
    TD_OUT_ALPHA = 1,     /* alpha formats: A -> R */
    TD_OUT_MONOALPHA = 2, /* mono+alpha formats: (R, A) -> (R, G) */
} td_out_mode;

typedef struct td_pixel_format {
    const char *token;       /* menu token: "rgba8fixed" */
    const char *display;     /* TOP.pixelFormat: "8-bit fixed (RGBA)" */
    unsigned int gl_internal;
    int channels;            /* channels numpyArray() returns */
    const char *layout;      /* what they are: "RGBA", "RGB", "RG", "R" (mono), "A", "RA" (mono, alpha) */
    td_out_mode out_mode;
    int srgb;                /* stored sRGB-encoded; read back as linear */
    /* the native read (numpyArray, sample): GL format/type, then conversion to float32 */
    unsigned int read_format, read_type;
    td_sample_type read_sample;
    td_packing packing;
    /* the read for files: sample type and channels handed to the encoders */
    unsigned int file_format, file_type;
    td_sample_type file_sample;
    int file_channels;
    size_t texel_bytes;      /* GPU storage per texel */
} td_pixel_format;

/* Menu tokens in order, NULL-terminated; index 0 is 'useinput'. */
extern const char *const td_pixel_format_tokens[];
/* The format for a menu index ('useinput' on a TOP without inputs gives rgba8fixed). */
const td_pixel_format *td_pixel_format_at(int menu_index);
/* Bytes one texel occupies in the native read. */
size_t td_pixel_format_read_bytes(const td_pixel_format *f);

#endif
