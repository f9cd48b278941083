/* TOP: the base class of image operators.
 *
 *   >>> r = td.root.create(td.renderTOP)
 *   >>> a = r.numpyArray()          # float32 (height, width, 4), row 0 = bottom row
 *   >>> r.save('out/frame.png')     # upright file, returns the path
 *   >>> r.width, r.height, r.totalCooks
 *
 * A TOP cooks on demand: a read renders only if something in the network that the image depends
 * on changed since the last render (the render's scene snapshot is compared, so unrelated changes
 * do not re-render). */
#define PY_ARRAY_UNIQUE_SYMBOL td_ARRAY_API
#define NO_IMPORT_ARRAY
#include <numpy/arrayobject.h>

#include <string.h>
#include <time.h>

#include "gpu/render.h"
#include "image/file.h"
#include "image/image.h"
#include "module.h"
#include "ops/top.h"

typedef struct td_top_state {
    td_gl_target *target;
    td_scene *cooked;        /* the scene the target holds, one reference */
    uint64_t cooked_serial;  /* network serial when cooked was last found current */
    uint64_t total_cooks;
    double cpu_ms, gpu_ms;
    size_t gpu_bytes;
} td_top_state;

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
    PyMem_Free(s);
}

static td_top_state *
top_state(TdOp *top)
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

static double
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The scene to render now, or NULL (*fresh = 0) if the target already shows the current one.
 * Returns -1 with a Python error if the network cannot be rendered. */
static int
top_prepare(TdOp *top, td_gl_runtime *rt, td_top_state *s, td_scene **fresh)
{
    td_state *st = td_state_of((PyObject *)top);
    *fresh = NULL;
    if (s->cooked != NULL && s->cooked_serial == st->serial) {
        return 0;
    }
    double t0 = now_ms();
    td_scene *scene = top->cls->build_scene(top);
    if (scene == NULL) {
        return -1;
    }
    const td_gl_info *info = td_gl_runtime_info(rt);
    int limit = info->max_texture_size;
    limit = info->max_renderbuffer_size < limit ? info->max_renderbuffer_size : limit;
    limit = info->max_viewport_dims[0] < limit ? info->max_viewport_dims[0] : limit;
    if (scene->width > limit || scene->height > limit) {
        PyErr_Format(PyExc_ValueError,
                     "resolution %dx%d exceeds this OpenGL's limit of %d pixels a side (%s)", scene->width,
                     scene->height, limit, info->renderer);
        td_scene_decref(scene);
        return -1;
    }
    s->cpu_ms = now_ms() - t0;
    if (td_scene_equal(scene, s->cooked)) {
        td_scene_decref(scene);
        s->cooked_serial = st->serial;
        return 0;
    }
    *fresh = scene;
    return 0;
}

/* Cooks top if needed and, when read is not TD_READ_NONE, reads its image into dst (sized by the
 * caller from *w, *h, which are set before dst is needed via the alloc callback). */
typedef void *(*td_alloc_fn)(int w, int h, void *ctx);

static int
top_cook_read(TdOp *top, td_read_kind read, td_alloc_fn alloc, void *ctx)
{
    td_state *st = td_state_of((PyObject *)top);
    if (td_op_check(top) < 0) {
        return -1;
    }
    td_gl_runtime *rt = td_runtime(st);
    if (rt == NULL) {
        return -1;
    }
    td_top_state *s = top_state(top);
    if (s == NULL) {
        return -1;
    }
    td_scene *fresh = NULL;
    if (top_prepare(top, rt, s, &fresh) < 0) {
        return -1;
    }
    const td_scene *shown = fresh != NULL ? fresh : s->cooked;
    td_gl_cook job = {.target = s->target, .scene = fresh, .read = read};
    if (read != TD_READ_NONE) {
        job.dst = alloc(shown->width, shown->height, ctx);
        if (job.dst == NULL) {
            td_scene_decref(fresh);
            return -1;
        }
    }
    uint64_t serial = st->serial;
    td_err err = {0};
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = td_gl_run(rt, td_gl_cook_job, &job, &err);
    Py_END_ALLOW_THREADS
    /* Another thread may have destroyed the TOP while the GIL was released. */
    s = top->valid ? top->ext : NULL;
    if (rc != 0) {
        td_scene_decref(fresh);
        if (s != NULL && fresh != NULL) {
            td_scene_decref(s->cooked); /* the target no longer holds it */
            s->cooked = NULL;
        }
        td_raise_err(st, &err);
        return -1;
    }
    if (s != NULL) {
        if (fresh != NULL) {
            td_scene_decref(s->cooked);
            s->cooked = fresh;
            fresh = NULL;
            s->total_cooks++;
            s->gpu_ms = job.gpu_ms;
        }
        s->cooked_serial = serial;
        s->gpu_bytes = job.gpu_bytes;
    }
    td_scene_decref(fresh);
    return 0;
}

/* ---- numpyArray ---- */

static void *
alloc_array(int w, int h, void *ctx)
{
    PyObject **out = ctx;
    npy_intp dims[3] = {h, w, 4};
    *out = PyArray_EMPTY(3, dims, NPY_FLOAT32, 0);
    return *out != NULL ? PyArray_DATA((PyArrayObject *)*out) : NULL;
}

static PyObject *
top_numpyarray(TdOp *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"delayed", "writable", NULL};
    int delayed = 0, writable = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$pp:numpyArray", kwlist, &delayed, &writable)) {
        return NULL;
    }
    if (delayed) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "numpyArray(delayed=True) is not available yet; call numpyArray() without it");
        return NULL;
    }
    PyObject *array = NULL;
    if (top_cook_read(self, TD_READ_FLOAT32, alloc_array, &array) < 0) {
        Py_XDECREF(array);
        return NULL;
    }
    return array;
}

/* ---- save ---- */

static void *
alloc_bytes(int w, int h, void *ctx)
{
    td_image *img = ctx;
    img->width = w;
    img->height = h;
    img->channels = 4;
    img->type = TD_SAMPLE_U8;
    img->row_bytes = (size_t)w * 4;
    img->bottom_up = 1;
    void *p = PyMem_RawMalloc((size_t)w * (size_t)h * 4);
    if (p == NULL) {
        PyErr_NoMemory();
    }
    img->data = p;
    return p;
}

static int
has_suffix(const char *path, const char *suffix)
{
    size_t n = strlen(path), m = strlen(suffix);
    return n >= m && strcasecmp(path + n - m, suffix) == 0;
}

static PyObject *
top_save(TdOp *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"filepath", "createFolders", "quality", NULL};
    PyObject *path_arg = Py_None, *path_bytes = NULL, *result = NULL;
    int create_folders = 0;
    double quality = 1.0;
    td_image img = {0};
    td_bytes encoded = {0};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O$pd:save", kwlist, &path_arg, &create_folders, &quality)) {
        return NULL;
    }
    if (td_op_check(self) < 0) {
        return NULL;
    }
    if (!(quality >= 0.0 && quality <= 1.0)) {
        PyObject *q = PyFloat_FromDouble(quality);
        if (q != NULL) {
            PyErr_Format(PyExc_ValueError, "quality must be between 0 and 1, not %R", q);
            Py_DECREF(q);
        }
        return NULL;
    }
    if (path_arg == Py_None) {
        path_arg = PyUnicode_FromFormat("%U.png", self->name);
    }
    else {
        Py_INCREF(path_arg);
    }
    if (path_arg == NULL || !PyUnicode_FSConverter(path_arg, &path_bytes)) {
        goto done;
    }
    const char *path = PyBytes_AS_STRING(path_bytes);
    if (!has_suffix(path, ".png")) {
        PyErr_Format(PyExc_ValueError, "cannot save %R: supported file types are .png", path_arg);
        goto done;
    }
    if (top_cook_read(self, TD_READ_RAW, alloc_bytes, &img) < 0) {
        goto done;
    }
    td_encode_opts opts = {.quality = quality};
    td_err err = {0};
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = td_image_encode_png(&img, &opts, &encoded, &err);
    if (rc == 0) {
        rc = td_file_write_atomic(path, encoded.data, encoded.len, create_folders, &err);
    }
    Py_END_ALLOW_THREADS
    if (rc != 0) {
        td_raise_err(td_state_of((PyObject *)self), &err);
        goto done;
    }
    result = PyOS_FSPath(path_arg);
done:
    td_bytes_free(&encoded);
    PyMem_RawFree((void *)img.data);
    Py_XDECREF(path_bytes);
    Py_XDECREF(path_arg);
    return result;
}

/* ---- members ---- */

static int
top_resolution(TdOp *self, int *w, int *h)
{
    if (td_op_check(self) < 0) {
        return -1;
    }
    *w = (int)td_par_num(self, "resolutionw");
    *h = (int)td_par_num(self, "resolutionh");
    return 0;
}

static PyObject *
top_get_width(TdOp *self, void *c)
{
    (void)c;
    int w, h;
    return top_resolution(self, &w, &h) < 0 ? NULL : PyLong_FromLong(w);
}

static PyObject *
top_get_height(TdOp *self, void *c)
{
    (void)c;
    int w, h;
    return top_resolution(self, &w, &h) < 0 ? NULL : PyLong_FromLong(h);
}

static PyObject *
top_get_stat(TdOp *self, void *c)
{
    const char *which = c;
    if (td_op_check(self) < 0) {
        return NULL;
    }
    td_top_state *s = self->ext;
    switch (which[0]) {
    case 't':
        return PyLong_FromUnsignedLongLong(s != NULL ? s->total_cooks : 0);
    case 'g':
        return PyLong_FromSize_t(s != NULL ? s->gpu_bytes : 0);
    case 'G':
        return PyFloat_FromDouble(s != NULL ? s->gpu_ms : 0.0);
    default:
        return PyFloat_FromDouble(s != NULL ? s->cpu_ms : 0.0);
    }
}

static PyObject *
top_get_istop(TdOp *self, void *c)
{
    (void)c;
    if (td_op_check(self) < 0) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

static PyGetSetDef top_getset[] = {
    {"width", (getter)top_get_width, NULL, "Image width in pixels (read-only).", NULL},
    {"height", (getter)top_get_height, NULL, "Image height in pixels (read-only).", NULL},
    {"isTOP", (getter)top_get_istop, NULL, "True: the operator is a TOP.", NULL},
    {"totalCooks", (getter)top_get_stat, NULL, "How many times this TOP rendered (read-only).", "t"},
    {"gpuMemory", (getter)top_get_stat, NULL,
     "Bytes of GPU memory this TOP's texture, depth buffer and readback buffer hold (read-only).", "g"},
    {"gpuCookTime", (getter)top_get_stat, NULL, "GPU time of the last render in ms, from a timer query.", "G"},
    {"cpuCookTime", (getter)top_get_stat, NULL, "CPU time of the last scene build in ms.", "c"},
    {NULL},
};

static PyMethodDef top_methods[] = {
    {"numpyArray", (PyCFunction)(void (*)(void))top_numpyarray, METH_VARARGS | METH_KEYWORDS,
     "numpyArray($self, /, *, delayed=False, writable=False)\n--\n\n"
     "The image as float32, shape (height, width, 4), C-contiguous; row 0 is the bottom row (OpenGL's\n"
     "origin, as in TouchDesigner). Renders first if the network changed. The array is ordinary\n"
     "NumPy memory, so it is always fast to write (writable is accepted for compatibility) and\n"
     "writing never changes the TOP. The float conversion runs in C with the GIL released."},
    {"save", (PyCFunction)(void (*)(void))top_save, METH_VARARGS | METH_KEYWORDS,
     "save($self, /, filepath=None, *, createFolders=False, quality=1.0)\n--\n\n"
     "Write the image to a file, upright (top row first), and return the path. Supported: .png\n"
     "(8-bit RGBA). Without filepath the file is '<name>.png' in the current folder. A missing folder\n"
     "raises OSError unless createFolders=True. quality 0..1 maps to zlib level 1..9 (1.0: smallest).\n"
     "The file is written under a temporary name and renamed, so it is never left half-written."},
    {NULL},
};

static PyType_Slot top_slots[] = {
    {Py_tp_doc, "TOP: an operator whose output is an image on the GPU (see numpyArray(), save())."},
    {Py_tp_getset, top_getset},
    {Py_tp_methods, top_methods},
    {0, NULL},
};

PyType_Spec td_TOP_spec = {
    .name = "td_render.TOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = top_slots,
};
