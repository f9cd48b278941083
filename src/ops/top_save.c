/* TOP.save(): read back in the file's sample type, encode with the GIL released, write atomically. */
#include <string.h>

#include "image/file.h"
#include "image/image.h"
#include "module.h"
#include "ops/top.h"

static void *
alloc_file_image(const td_scene *shown, void *ctx)
{
    td_image *img = ctx;
    const td_pixel_format *f = shown->format;
    img->width = shown->width;
    img->height = shown->height;
    img->channels = f->file_channels;
    img->type = f->file_sample;
    img->row_bytes = (size_t)shown->width * (size_t)f->file_channels * td_sample_size(f->file_sample);
    img->bottom_up = 1;
    void *p = PyMem_RawMalloc(img->row_bytes * (size_t)shown->height);
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

PyObject *
td_top_save(TdOp *self, PyObject *args, PyObject *kwds)
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
    td_gl_cook job = {.read = TD_READ_FILE};
    if (td_top_run(self, &job, alloc_file_image, &img) < 0) {
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
