/* The program cache of the GL thread: a program is compiled and linked once per distinct source
 * (keyed by the full vertex + fragment text: a hash, then an exact compare). A compile or link
 * failure is a failed entry that keeps the driver's log, so a broken program is not rebuilt for
 * every frame; new source text is a new key and is tried afresh. Plain C, no Python.
 *
 * td_gl_source: a reference-counted source text (a material's replacement fragment shader), safe
 * to hold in scene snapshots on any thread. */
#ifndef TD_GPU_PROGRAM_H
#define TD_GPU_PROGRAM_H

#include <stdatomic.h>
#include <stddef.h>

#include "util/err.h"

typedef struct td_gl_programs td_gl_programs;

td_gl_programs *td_gl_programs_new(void);
/* GL thread: deletes every program. */
void td_gl_programs_free(td_gl_programs *c);
/* GL thread: the program for (vsrc, fsrc) in *out; -1 with the stage and the driver's log in err
 * if it does not compile or link (then or at an earlier request of the same text). */
int td_gl_program_get(td_gl_programs *c, const char *vsrc, const char *fsrc, unsigned int *out, td_err *err);
/* GL thread: the same for a program of a vertex, an optional geometry (gsrc NULL: none) and a
 * fragment stage; fragment_word names the fragment stage in messages ("fragment", or TouchDesigner's
 * "pixel"). A compile failure's message names the stage and, when the driver's log gives one, the
 * line of the first error ("pixel shader failed to compile at line 3: ..."). */
int td_gl_program_build(td_gl_programs *c, const char *vsrc, const char *gsrc, const char *fsrc,
                        const char *fragment_word, unsigned int *out, td_err *err);

/* GL thread: the colour outputs of a program of the cache: bit N set when its fragment stage writes
 * location N (1: a program it does not know). */
unsigned td_gl_program_outputs(td_gl_programs *c, unsigned int program);

/* A uniform of a program by name: its location (-1: the program has no such active uniform) and
 * its GL type (GL_FLOAT_VEC4, GL_SAMPLER_2D, ...; 0 unknown). */
typedef struct td_gl_uniform {
    int location;
    unsigned type;
} td_gl_uniform;
#define TD_PROGRAM_UNIFORMS 32
/* GL thread: names[0..n) looked up in program (cached with the program until the names change);
 * NULL for a program the cache does not hold or n > TD_PROGRAM_UNIFORMS. */
const td_gl_uniform *td_gl_program_uniforms(td_gl_programs *c, unsigned int program, const char *const *names,
                                            size_t n);

/* Programs (good and failed) in the cache. */
size_t td_gl_programs_count(const td_gl_programs *c);

struct td_gl_glsl;

typedef struct td_gl_source {
    atomic_int refs;
    size_t len;
    struct td_gl_glsl *glsl; /* a glslMAT's stages and uniforms (gpu/glsl.h), owned; NULL: text replaces
                              * the material program's fragment body */
    char text[];             /* NUL-terminated */
} td_gl_source;

/* A copy of text[0:len] with one reference; NULL if out of memory. */
td_gl_source *td_gl_source_new(const char *text, size_t len);
void td_gl_source_incref(td_gl_source *s);
void td_gl_source_decref(td_gl_source *s); /* NULL is fine */

#endif
