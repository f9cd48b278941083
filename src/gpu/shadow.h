/* Shadow maps: before a render's main pass, the depth of each shadowed light's casters is drawn
 * from the light (td_scene_light.shadow_matrix) into a depth texture of its own slot, which the
 * materials then sample (TDShadow() in shaders/td_fragment.glsl). The maps belong to the GL
 * thread's renderer and are reused from render to render. Plain C, no Python. */
#ifndef TD_GPU_SHADOW_H
#define TD_GPU_SHADOW_H

#include <stddef.h>

#include "gpu/program.h"
#include "gpu/scene.h"
#include "gpu/texture.h"

/* The texture unit of slot 0's map; slot k is on TD_SHADOW_UNIT + k (the sampler array's binding). */
#define TD_SHADOW_UNIT 4

typedef struct td_gl_shadows {
    td_gl_texture maps[TD_MAX_SHADOWS];
    unsigned int fbo[TD_MAX_SHADOWS];
    unsigned int frames;  /* one TDFrame block a slot, `stride` bytes apart */
    size_t stride;
} td_gl_shadows;

/* GL thread: draws every shadowed light's map for s. vsrc is the renderer's vertex shader; the
 * draw blocks of s's draws are in `draws` at i * draw_stride. Leaves the maps bound to their units
 * and no framebuffer bound. */
int td_gl_shadows_draw(td_gl_shadows *sh, td_gl_programs *programs, const char *vsrc, const td_scene *s,
                       unsigned int draws, size_t draw_stride, size_t draw_bytes, int align, td_err *err);
/* GL thread: unbinds the n maps td_gl_shadows_draw bound. */
void td_gl_shadows_unbind(int n);

#endif
