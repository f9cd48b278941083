/* td_gl_texture: one GL texture, colour or depth, single-sampled (sampleable, readable) or
 * multisampled (a render attachment that is resolved into a single-sampled one). GL thread only.
 * Plain C, no Python. */
#ifndef TD_GPU_TEXTURE_H
#define TD_GPU_TEXTURE_H

#include <stddef.h>

#include "util/err.h"

/* The depth format of every depth texture: 24-bit depth (stored in 4 bytes a texel). */
#define TD_GL_DEPTH_FORMAT 0x81A6 /* GL_DEPTH_COMPONENT24 */
#define TD_GL_DEPTH_TEXEL_BYTES 4
#define TD_GL_DEPTH_FORMAT_FLOAT 0x8CAC /* GL_DEPTH_COMPONENT32F (depthformat float32) */

typedef struct td_gl_texture {
    unsigned int id;       /* 0: none */
    int width, height;
    int samples;           /* 1: GL_TEXTURE_2D; more: GL_TEXTURE_2D_MULTISAMPLE */
    unsigned int internal; /* GL internal format */
    size_t texel_bytes;    /* storage per sample */
} td_gl_texture;

/* Makes t a w x h texture of internal format (samples per texel, 1 for a plain texture); linear
 * filtering, clamped edges. A texture t already holds is deleted first. */
int td_gl_texture_create(td_gl_texture *t, int w, int h, unsigned int internal, size_t texel_bytes, int samples,
                         td_err *err);
/* Deletes t's GL texture (if any) and zeroes t. */
void td_gl_texture_delete(td_gl_texture *t);
/* 1 if t holds a texture of exactly this shape. */
int td_gl_texture_is(const td_gl_texture *t, int w, int h, unsigned int internal, int samples);
/* Bytes of GPU memory t holds. */
size_t td_gl_texture_bytes(const td_gl_texture *t);

#endif
