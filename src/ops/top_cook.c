/* Cooking a TOP: deciding whether its image is stale, building its scene snapshot, and running
 * the render + read job on the GL thread with the GIL released.
 *
 * A read renders only if something in the network changed since the last render (the network's
 * change serial) and the rebuilt snapshot differs from the one the texture holds, so unrelated
 * changes do not re-render. */
#include <stdlib.h>
#include <time.h>

#include "bind/numpy.h"

#include "bind/state.h"
#include "graph/op.h"
#include "bind/bridge.h"
#include "graph/expr.h"
#include "image/pixels.h"
#include "ops/top.h"

void
td_top_release(TdOp *top)
{
    td_top_state *s = top->ext;
    if (s == NULL) {
        return;
    }
    top->ext = NULL;
    td_gl_target_release(s->target);
    td_scene_decref(s->cooked);
    td_pixels_decref(s->pixels);
    free(s->file);
    td_gl_source_decref(s->source);
    PyMem_Free(s);
}

td_top_state *
td_top_state_get(TdOp *top)
{
    if (top->ext == NULL) {
        td_top_state *s = PyMem_Calloc(1, sizeof(*s));
        if (s == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        s->target = td_gl_target_new();
        if (s->target == NULL) {
            PyMem_Free(s);
            PyErr_NoMemory();
            return NULL;
        }
        top->ext = s;
    }
    return top->ext;
}

/* -1 with a Python error if the TOP was destroyed (its state s freed) while Python ran. */
static int
top_lost(TdOp *top, td_top_state *s)
{
    if (top->valid && top->ext == s) {
        return 0;
    }
    if (td_op_check(top) == 0) {
        PyErr_SetString(td_state_of((PyObject *)top)->tdError, "the TOP was reset while cooking");
    }
    return -1;
}

/* The scene to render now, or NULL (*fresh = NULL) if the target already shows the current one.
 * *as_of is the network serial the scene is current for: the one before the build, so a change an
 * expression makes while the scene is built is seen by the next read. Returns -1 with a Python
 * error if the network cannot be rendered. */
static int
top_prepare(TdOp *top, td_gl_runtime *rt, td_top_state *s, td_scene **fresh, uint64_t *as_of)
{
    td_state *st = td_state_of((PyObject *)top);
    *fresh = NULL;
    *as_of = st->serial;
    /* The Lock flag freezes the image the TOP has. */
    if (s->cooked != NULL && (s->cooked_serial == st->serial || td_op_flag(top, TD_FLAG_LOCK))) {
        return 0;
    }
    if (s->building) {
        /* reached again while its own scene is being built: its inputs lead back to it */
        PyObject *path = td_op_path(top);
        if (path != NULL) {
            PyErr_Format(st->tdError, "%U: its inputs lead back to it (a cycle of TOPs)", path);
            Py_DECREF(path);
        }
        return -1;
    }
    double t0 = td_now_ms();
    /* Expressions read while the scene is built report their errors through the module's pending
     * cook error, and addError()/addWarning() are valid during the build. */
    td_cook_error_clear(st);
    td_eval_frame epoch; /* each parameter the build reads is evaluated once */
    if (td_eval_epoch_begin(st, &epoch) < 0) {
        return -1;
    }
    td_op_cook_begin(top);
    s->building = 1;
    td_scene *scene = td_top_class_of(top)->build(top);
    if (top->valid && top->ext == s) {
        s->building = 0;
    }
    td_eval_epoch_end(st, &epoch);
    if (scene != NULL && td_cook_error_take(st) < 0) {
        td_scene_decref(scene);
        scene = NULL;
    }
    td_op_cook_end(top, 0); /* counted when the render happens */
    if (scene == NULL) {
        if (top->valid) {
            td_op_cook_failed(top);
        }
        return -1;
    }
    /* Building ran Python (expressions), during which another thread may have destroyed the TOP
     * and freed s. */
    if (top_lost(top, s) < 0) {
        td_scene_decref(scene);
        return -1;
    }
    if (td_op_flag(top, TD_FLAG_BYPASS)) {
        /* A bypassed TOP passes its input through; a renderTOP has none: an empty, transparent image. */
        td_scene_clear_draws(scene);
        for (int k = 0; k < 4; k++) {
            scene->background[k] = 0.0f;
        }
    }
    const td_gl_info *info = td_gl_runtime_info(rt);
    int limit = info->max_texture_size;
    limit = info->max_renderbuffer_size < limit ? info->max_renderbuffer_size : limit;
    limit = info->max_viewport_dims[0] < limit ? info->max_viewport_dims[0] : limit;
    if (scene->width > limit || scene->height > limit) {
        PyErr_Format(PyExc_ValueError, "resolution %dx%d exceeds this OpenGL's limit of %d pixels a side (%s)",
                     scene->width, scene->height, limit, info->renderer);
        td_op_cook_failed(top);
        td_scene_decref(scene);
        return -1;
    }
    s->cpu_ms = td_now_ms() - t0;
    if (td_scene_equal(scene, s->cooked)) {
        td_scene_decref(scene);
        s->cooked_serial = *as_of;
        return 0;
    }
    *fresh = scene;
    return 0;
}

/* Raises err from a render of top. When a material's program failed (failed_material: the MAT's
 * id), the message names the MAT, and the MAT's errors() keeps it until its source changes. An image
 * TOP's failure (image: the TOP, else NULL) names the TOP. */
static void
raise_render_error(td_state *st, const td_err *err, uint64_t failed_material, TdOp *image)
{
    TdOp *mat = failed_material != 0 ? td_op_find_id((TdOp *)st->root, failed_material) : NULL;
    if (mat == NULL && image != NULL && image->valid && err->kind == TD_ERR_RUNTIME) {
        PyObject *path = td_op_path(image);
        if (path != NULL) {
            PyErr_Format(st->tdError, "%U: %s", path, err->msg);
            Py_DECREF(path);
        }
        return;
    }
    if (mat == NULL || err->kind != TD_ERR_RUNTIME) {
        td_raise_err(st, err);
        return;
    }
    PyObject *path = td_op_path(mat);
    PyObject *msg = path != NULL ? PyUnicode_FromFormat("%U: %s", path, err->msg) : NULL;
    if (msg != NULL) {
        if (mat->errors == NULL) {
            mat->errors = PyList_New(0);
        }
        if (mat->errors != NULL && PySequence_Contains(mat->errors, msg) == 0) {
            PyList_Append(mat->errors, msg);
        }
        PyErr_Clear(); /* the exception below matters more than the errors() record */
        PyErr_Format(st->tdError, "%U", msg);
    }
    Py_XDECREF(path);
    Py_XDECREF(msg);
}

/* The start of every read: a live TOP, the GL runtime, the TOP's state, and the scene to render
 * first (NULL if the texture is current). */
static int
top_begin(TdOp *top, td_gl_runtime **rt, td_top_state **s, td_scene **fresh, uint64_t *as_of)
{
    if (td_op_check(top) < 0) {
        return -1;
    }
    *rt = td_runtime(td_state_of((PyObject *)top));
    if (*rt == NULL || td_op_check(top) < 0) { /* starting the runtime released the GIL */
        return -1;
    }
    *s = td_top_state_get(top);
    if (*s == NULL) {
        return -1;
    }
    return top_prepare(top, *rt, *s, fresh, as_of);
}

int
td_top_run(TdOp *top, td_gl_cook *job, td_top_alloc_fn alloc, void *ctx)
{
    td_state *st = td_state_of((PyObject *)top);
    td_gl_runtime *rt = NULL;
    td_top_state *s = NULL;
    td_scene *fresh = NULL;
    uint64_t serial = 0;
    if (top_begin(top, &rt, &s, &fresh, &serial) < 0) {
        return -1;
    }
    /* The scene this read shows: the new one, or the one cooked before. The job renders it unless
     * the target holds it, so a read is always of the scene it was sized for, whatever other
     * threads' jobs rendered meanwhile. Held across the job: another thread may replace s->cooked. */
    td_scene *want = fresh != NULL ? fresh : s->cooked;
    if (fresh == NULL) {
        td_scene_incref(want);
    }
    job->scene = want;
    if ((job->read == TD_READ_FLOAT || job->read == TD_READ_FILE) && alloc != NULL) {
        job->dst = alloc(want, ctx);
        if (job->dst == NULL && PyErr_Occurred()) {
            td_scene_decref(want);
            return -1;
        }
    }
    /* The allocation may have run Python (a garbage collection's finalizers) that destroyed the TOP. */
    if (top_lost(top, s) < 0) {
        td_scene_decref(want);
        return -1;
    }
    job->target = s->target;
    td_err err = {0};
    int rc;
    td_gl_task task;
    td_gl_submit(rt, &task, td_gl_cook_job, job, &err); /* queued in GIL order, see runtime.h */
    Py_BEGIN_ALLOW_THREADS
    rc = td_gl_wait(rt, &task);
    Py_END_ALLOW_THREADS
    /* Another thread may have destroyed the TOP while the GIL was released. */
    s = top->valid ? top->ext : NULL;
    if (rc != 0) {
        TdOp *image = want != NULL && want->kind == TD_SCENE_IMAGE ? top : NULL;
        raise_render_error(st, &err, job->failed_material, image);
        td_scene_decref(want);
        if (top->valid) {
            td_op_cook_failed(top);
        }
        return -1;
    }
    if (s != NULL) {
        if (fresh != NULL) {
            td_scene_decref(s->cooked);
            s->cooked = fresh;
            want = NULL; /* the state owns it now */
            s->cooked_serial = serial;
        }
        else if (s->cooked == want) {
            s->cooked_serial = serial;
        }
        if (job->rendered) {
            td_op_record_cook(top, s->cpu_ms, job->gpu_ms, job->gpu_bytes);
        }
        else {
            td_op_record_gpu(top, job->gpu_ms, job->gpu_bytes);
        }
    }
    td_scene_decref(want);
    return 0;
}

int
td_top_cook_hook(TdOp *top, int force)
{
    td_top_state *s = top->ext;
    if (force && s != NULL) {
        td_scene_decref(s->cooked); /* nothing to compare with: the render happens */
        s->cooked = NULL;
    }
    td_gl_cook job = {.read = TD_READ_NONE};
    return td_top_run(top, &job, NULL, NULL);
}

int
td_top_run_delayed(TdOp *top, PyObject **out)
{
    td_state *st = td_state_of((PyObject *)top);
    td_gl_runtime *rt = NULL;
    td_top_state *s = NULL;
    td_scene *fresh = NULL;
    uint64_t serial = 0;
    *out = NULL;
    if (top_begin(top, &rt, &s, &fresh, &serial) < 0) {
        return -1;
    }
    /* The scene this call's delayed read will show, held across the first job: while the GIL is
     * released another thread may replace or drop s->cooked. */
    td_scene *want = fresh != NULL ? fresh : s->cooked;
    if (fresh == NULL) {
        td_scene_incref(want);
    }
    /* 1. Finish the read the previous call started (the GL thread did it meanwhile). */
    td_gl_cook job = {.target = s->target, .read = TD_READ_DELAYED};
    if (s->pending) {
        npy_intp dims[3] = {s->pending_h, s->pending_w, s->pending_format->channels};
        *out = PyArray_EMPTY(3, dims, NPY_FLOAT32, 0);
        if (*out == NULL) {
            td_scene_decref(want);
            return -1;
        }
        job.dst = PyArray_DATA((PyArrayObject *)*out);
        job.x = s->pending_w;
        job.y = s->pending_h;
        job.dst_format = s->pending_format;
        if (top_lost(top, s) < 0) { /* the allocation may have run Python, as in td_top_run */
            td_scene_decref(want);
            Py_CLEAR(*out);
            return -1;
        }
    }
    td_err err = {0};
    int rc;
    td_gl_task task;
    td_gl_submit(rt, &task, td_gl_cook_job, &job, &err); /* queued in GIL order, see runtime.h */
    Py_BEGIN_ALLOW_THREADS
    rc = td_gl_wait(rt, &task);
    Py_END_ALLOW_THREADS
    s = top->valid ? top->ext : NULL;
    if (s == NULL) {
        td_scene_decref(want);
        Py_CLEAR(*out);
        return td_op_check(top);
    }
    if (rc != 0) {
        /* the previous frame's render or read failed: the target holds no known image */
        s->pending = 0;
        td_scene_decref(s->cooked);
        s->cooked = NULL;
        TdOp *image = want != NULL && want->kind == TD_SCENE_IMAGE ? top : NULL;
        raise_render_error(st, &err, job.failed_material, image);
        td_scene_decref(want);
        Py_CLEAR(*out);
        td_op_cook_failed(top);
        return -1;
    }
    if (!job.delayed_filled) {
        Py_CLEAR(*out);
    }
    td_op_record_gpu(top, job.gpu_ms, job.gpu_bytes); /* of the previous frame's render (lazy) */
    /* 2. Queue this frame's render (unless the target holds it) and read, without waiting. */
    td_scene_incref(want); /* for the job */
    if (td_gl_post_delayed(rt, s->target, want) != 0) {
        td_scene_decref(want);
        Py_CLEAR(*out);
        PyErr_NoMemory();
        return -1;
    }
    s->pending = 1;
    s->pending_w = want->width;
    s->pending_h = want->height;
    s->pending_format = want->format;
    if (fresh != NULL) {
        td_scene_decref(s->cooked);
        s->cooked = want; /* the state owns our reference now */
        want = NULL;
        s->cooked_serial = serial;
        td_op_record_cook(top, s->cpu_ms, -1.0, job.gpu_bytes); /* GPU time arrives with the next call */
    }
    else if (s->cooked == want) {
        s->cooked_serial = serial;
    }
    td_scene_decref(want);
    return 0;
}
