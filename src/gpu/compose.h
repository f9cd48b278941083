/* Composing a material's program: the TD prelude, the scene's compile-time constants (light,
 * shadow and projector counts, fog mode, alpha test, output swizzle, dither), the material's
 * switches, map units and block declaration, then its body. Plain C, no Python. */
#ifndef TD_GPU_COMPOSE_H
#define TD_GPU_COMPOSE_H

#include "gpu/program.h"
#include "gpu/scene.h"
#include "util/err.h"

/* Bytes of a composed shader source at most. */
#define TD_SOURCE_MAX 65536

/* Writes the scene's and material's compile-time constants (#define lines: TD_NUM_LIGHTS ...) into
 * buf; returns their length (>= cap: they did not fit). */
size_t td_gl_scene_defines(char *buf, size_t cap, const td_scene_material *m, const td_scene *s);

/* GL thread: the program of material m for scene s (vertex shader vsrc; the fragment source is
 * composed in fsrc, TD_SOURCE_MAX bytes) in *out; -1 with err set if it is too long or does not
 * compile or link. */
int td_gl_material_program(td_gl_programs *programs, const char *vsrc, char *fsrc, const td_scene_material *m,
                           const td_scene *s, unsigned int *out, td_err *err);

#endif
