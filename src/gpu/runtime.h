/* The one GL runtime of the process: a dedicated GL thread that owns the EGL context, fed by a FIFO
 * job queue. Any thread submits work and waits for it (callers release the GIL first); GL objects
 * dropped by any thread are deleted by jobs posted without waiting. Plain C, no Python.
 *
 * Jobs run one at a time, in submission order, so a deletion posted after a render never overtakes
 * it. */
#ifndef TD_GPU_RUNTIME_H
#define TD_GPU_RUNTIME_H

#include "gpu/context.h"
#include "util/err.h"

typedef struct td_gl_runtime td_gl_runtime;
typedef struct td_gl_renderer td_gl_renderer;

/* Runs on the GL thread with the context current. */
typedef int (*td_gl_job_fn)(td_gl_runtime *rt, void *arg, td_err *err);
typedef void (*td_gl_post_fn)(void *arg);

/* The runtime, started on first call (creating the context); later calls return the same one.
 * A failed start is not remembered: the next call tries again. Thread-safe; blocks while another
 * thread starts it. A child forked after the runtime started has none (the parent's GL thread
 * does not survive a fork) and starts its own, on an EGL display no ancestor opened: on Mesa the
 * software EGL device when the parent used the surfaceless display; where none is left (a
 * grandchild, or the one CUDA device on NVIDIA) the start fails with an error saying so. */
int td_gl_runtime_acquire(td_gl_runtime **out, td_err *err);

/* The generation of GL objects this process can use: 0, bumped in a child forked after the
 * runtime started (that child makes a runtime of its own). An object made under another
 * generation belongs to an ancestor's context: forget its names, never delete them. */
unsigned td_gl_generation(void);

/* The runtime if it was started, else NULL. Never starts it. */
td_gl_runtime *td_gl_runtime_existing(void);

/* A synchronous job: storage the caller provides (e.g. on its stack) between submit and wait. */
typedef struct td_gl_task {
    struct td_gl_task *next;
    td_gl_job_fn fn;
    void *arg;
    td_err *err;
    int rc;
    int done;
    td_gl_post_fn post_fn; /* asynchronous jobs only */
} td_gl_task;

/* Queues fn(rt, arg, err) without waiting. Callers that hold the GIL submit before releasing it, so
 * jobs queue in the order of the Python code that asked for them (a deletion posted by another
 * thread afterwards cannot overtake the job). */
void td_gl_submit(td_gl_runtime *rt, td_gl_task *task, td_gl_job_fn fn, void *arg, td_err *err);
/* Waits for a submitted task; returns fn's result. */
int td_gl_wait(td_gl_runtime *rt, td_gl_task *task);
/* Submit and wait. */
int td_gl_run(td_gl_runtime *rt, td_gl_job_fn fn, void *arg, td_err *err);

/* Queues fn(arg) on the GL thread and returns at once. Returns -1 only if the job could not be
 * allocated (then nothing was queued). */
int td_gl_post(td_gl_runtime *rt, td_gl_post_fn fn, void *arg);

const td_gl_info *td_gl_runtime_info(const td_gl_runtime *rt);

/* GL-thread state used by render.c (programs, light buffer); created lazily by the renderer. */
td_gl_renderer **td_gl_runtime_renderer_slot(td_gl_runtime *rt);

#endif
