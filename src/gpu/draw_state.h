/* The GL state of one draw: its material's Common page (blending, depth, cull, polygon offset,
 * wireframe and its line width) over the render's settings, and its maps bound on their units.
 * Plain C, no Python. */
#ifndef TD_GPU_DRAW_STATE_H
#define TD_GPU_DRAW_STATE_H

#include "gpu/sampler.h"
#include "gpu/scene.h"
#include "util/err.h"

/* GL thread: sets the state of material state m over scene s's cull and polygon offset. */
void td_gl_apply_state(const td_material_state *m, const td_scene *s);
/* GL thread: binds material m's maps (its TOPs' images, s->textures) on TD_MATERIAL_MAP_UNIT + j with
 * samplers of their sampling; -1 with err if a map has no image. */
int td_gl_bind_maps(td_gl_samplers *samplers, const td_scene *s, const td_scene_material *m, td_err *err);
/* GL thread: unbinds every material map unit. */
void td_gl_unbind_maps(void);

#endif
