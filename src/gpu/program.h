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
/* Programs (good and failed) in the cache. */
size_t td_gl_programs_count(const td_gl_programs *c);

typedef struct td_gl_source {
    atomic_int refs;
    size_t len;
    char text[]; /* NUL-terminated */
} td_gl_source;

/* A copy of text[0:len] with one reference; NULL if out of memory. */
td_gl_source *td_gl_source_new(const char *text, size_t len);
void td_gl_source_incref(td_gl_source *s);
void td_gl_source_decref(td_gl_source *s); /* NULL is fine */

#endif
