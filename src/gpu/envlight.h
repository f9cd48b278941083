/* Environment lights: before a render's main pass, each environment light's map (a TOP's image,
 * equirectangular) is turned on the GPU into a diffuse irradiance map and a specular map
 * prefiltered for TD_ENV_SPEC_LEVELS roughness levels (split-sum, GGX), kept and reused while the
 * map's image stays the same (keyed by its target and generation). Lights without a map are one
 * uniform environment (td_scene.env_uniform: no maps). The maps and the TDEnvLights block (the
 * uniform environment's vec4, then a td_scene_envlight per mapped light) are bound for
 * shaders/pbr.frag. Plain C, no Python. */
#ifndef TD_GPU_ENVLIGHT_H
#define TD_GPU_ENVLIGHT_H

#include <stdint.h>

#include "gpu/material.h"
#include "gpu/program.h"
#include "gpu/scene.h"
#include "util/err.h"

/* Light e's irradiance map is on unit TD_ENVLIGHT_UNIT + 2 e, its specular map on the next. */
#define TD_ENVLIGHT_UNIT (TD_MATERIAL_MAP_UNIT + TD_MATERIAL_MAPS)
/* The binding of the TDEnvLights block. */
#define TD_BLOCK_ENVLIGHTS 5
/* Roughness levels of the specular map: level l is roughness l / (levels - 1). */
#define TD_ENV_SPEC_LEVELS 5
/* Maps kept for reuse, at most (the least recently used goes). */
#define TD_ENV_CACHE 8

struct td_gl_target;

typedef struct td_gl_envmap {
    struct td_gl_target *source; /* one reference; NULL: a free entry */
    uint64_t gen;                /* the generation of source's image the maps were made from */
    uint64_t used;               /* when last used (the cache's clock) */
    unsigned int irradiance, specular;
} td_gl_envmap;

typedef struct td_gl_envlights {
    td_gl_envmap cache[TD_ENV_CACHE];
    uint64_t clock;
    unsigned int base;      /* scratch: a map resampled to a fixed size, with mipmaps */
    unsigned int fbo, block, sampler, source_sampler;
} td_gl_envlights;

/* 1 if s has a uniform environment (environment lights without a map whose colour is not black). */
int td_gl_envlights_uniform(const td_scene *s);

/* GL thread, before the main pass: makes the maps of every environment light of s (vao: an empty
 * vertex array for full-screen passes), uploads their block and binds it and the maps. Leaves no
 * framebuffer bound. */
int td_gl_envlights_prepare(td_gl_envlights *e, td_gl_programs *programs, unsigned int vao, const td_scene *s,
                            td_err *err);
/* GL thread: unbinds what td_gl_envlights_prepare bound. */
void td_gl_envlights_unbind(const td_scene *s);

#endif
