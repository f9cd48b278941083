/* td_gl_pass: a framebuffer over attachments (a colour texture, a depth texture, both optional),
 * begun with a load action per attachment (clear to a value, load what is there, or don't care)
 * and ended with an optional resolve of a multisampled colour attachment into a single-sampled
 * texture. The attachments are td_gl_textures the caller owns; the pass owns only its framebuffers.
 * GL thread only. Plain C, no Python. */
#ifndef TD_GPU_PASS_H
#define TD_GPU_PASS_H

#include "gpu/texture.h"
#include "util/err.h"

typedef enum { TD_GL_LOAD_CLEAR = 0, TD_GL_LOAD_LOAD, TD_GL_LOAD_DONTCARE } td_gl_load_action;

typedef struct td_gl_pass_action {
    td_gl_load_action color, depth;
    float clear_color[4];
    double clear_depth;
    int srgb; /* the colour attachment stores sRGB: encode writes (and the resolve) */
} td_gl_pass_action;

/* Colour attachments a pass takes beyond the first (renderTOP numcolorbufs up to 8). */
#define TD_GL_MAX_EXTRA 7

typedef struct td_gl_pass {
    unsigned int fbo;         /* draws into color (+ extra) + depth */
    unsigned int resolve_fbo; /* 0 unless a resolve texture was given */
    const td_gl_texture *color, *depth, *resolve;
    const td_gl_texture *extra[TD_GL_MAX_EXTRA], *extra_resolve[TD_GL_MAX_EXTRA];
    int nextra;               /* colour attachments 1 .. nextra, cleared to zero (not the clear colour) */
    int width, height;
    int srgb;
} td_gl_pass;

/* Makes p's framebuffers over the given attachments (NULL: none). resolve, if given, must be a
 * single-sampled texture of color's size and format; color is then usually multisampled. */
int td_gl_pass_init(td_gl_pass *p, const td_gl_texture *color, const td_gl_texture *depth,
                    const td_gl_texture *resolve, td_err *err);
/* Adds colour attachment 1 + p->nextra (resolved into resolve when p resolves); after init. */
int td_gl_pass_add_color(td_gl_pass *p, const td_gl_texture *color, const td_gl_texture *resolve, td_err *err);
/* Binds p for drawing (viewport = its size) and applies the load actions. */
void td_gl_pass_begin(td_gl_pass *p, const td_gl_pass_action *a);
/* Ends the pass: resolves color into resolve (if any); leaves nothing bound. */
int td_gl_pass_end(td_gl_pass *p, td_err *err);
/* Deletes p's framebuffers (not the attachments) and zeroes p. */
void td_gl_pass_delete(td_gl_pass *p);

#endif
