/* Projector maps: the images of the TOPs lights project (td_scene.projmaps), bound for a render's
 * main pass on their own texture units with the sampling each light asks for (TDProjector() in
 * shaders/td_fragment.glsl samples them). Plain C, no Python. */
#ifndef TD_GPU_PROJECTOR_H
#define TD_GPU_PROJECTOR_H

#include "gpu/sampler.h"
#include "gpu/scene.h"
#include "util/err.h"

/* The texture unit of slot 0's map; slot k is on TD_PROJMAP_UNIT + k. */
#define TD_PROJMAP_UNIT (4 + TD_MAX_SHADOWS)

/* GL thread: binds s's projector maps (each TOP's image) with its light's sampling. */
int td_gl_projectors_bind(td_gl_samplers *samplers, const td_scene *s, td_err *err);
/* GL thread: unbinds the maps td_gl_projectors_bind bound. */
void td_gl_projectors_unbind(const td_scene *s);

#endif
