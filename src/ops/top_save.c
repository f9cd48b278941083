/* TOP.save() and TOP.saveByteArray(): read back in the file's sample type (the TOP's bit depth),
 * encode with the GIL released, write atomically; asynchronous saves go to the module's saver
 * thread and return at once. */
#include <stdlib.h>
#include <string.h>

#include "bind/codec.h"
#include "image/file.h"
#include "image/image.h"
#include "image/saver.h"
#include "bind/state.h"
#include "graph/op.h"
#include "bind/bridge.h"
#include "ops/top.h"
#include "bind/save_status.h"

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
    void *p = malloc(img->row_bytes * (size_t)shown->height); /* owned by the saver when asynchronous */
    if (p == NULL) {
        PyErr_NoMemory();
    }
    img->data = p;
    return p;
}

/* Wraps a finished or queued save into td_render.FileSaveStatus(path) (a str). */
static PyObject *
file_save_status(td_state *st, td_save_status *status, PyObject *path)
{
    PyObject *handle = td_save_status_object(st, status, path); /* takes the status reference */
    if (handle == NULL) {
        return NULL;
    }
    if (st->FileSaveStatus == NULL) {
        Py_DECREF(handle);
        PyErr_SetString(st->tdError, "import td_render (not td_render._td alone) to save files");
        return NULL;
    }
    PyObject *r = PyObject_CallFunctionObjArgs(st->FileSaveStatus, path, handle, NULL);
    Py_DECREF(handle);
    return r;
}

PyObject *
td_top_save(TdOp *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"filepath", "asynchronous", "createFolders", "quality", "metadata", NULL};
    PyObject *path_arg = Py_None, *quality_arg = NULL, *meta_arg = NULL;
    PyObject *path_str = NULL, *path_bytes = NULL, *keepalive = NULL, *result = NULL;
    char *abs_path = NULL;
    int asynchronous = 0, create_folders = 0;
    td_state *st = td_state_of((PyObject *)self);
    td_image img = {0};
    td_kv *meta = NULL;
    size_t nmeta = 0;
    double quality = 1.0;
    td_file_type type;
    td_err err = {0};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O$O&O&OO:save", kwlist, &path_arg, td_top_parse_flag,
                                     &asynchronous, td_top_parse_flag, &create_folders, &quality_arg, &meta_arg)) {
        return NULL;
    }
    if (td_op_check(self) < 0) {
        return NULL;
    }
    if (quality_arg != NULL && td_codec_parse_quality(quality_arg, &quality) < 0) {
        return NULL;
    }
    path_str = path_arg == Py_None ? PyUnicode_FromFormat("%U.png", self->name) : PyOS_FSPath(path_arg);
    if (path_str != NULL && PyBytes_Check(path_str)) { /* bytes paths: the returned path is a str */
        Py_SETREF(path_str, PyUnicode_DecodeFSDefaultAndSize(PyBytes_AS_STRING(path_str),
                                                            PyBytes_GET_SIZE(path_str)));
    }
    if (path_str == NULL) {
        return NULL;
    }
    if (td_codec_filetype(path_str, &type) < 0 || !PyUnicode_FSConverter(path_str, &path_bytes)) {
        goto done;
    }
    /* Resolved now: the current folder may change (os.chdir, any thread) while the GIL is released
     * for the render, or before the saver thread writes. The status reads as the path given. */
    abs_path = td_file_absolute(PyBytes_AS_STRING(path_bytes), &err);
    if (abs_path == NULL) {
        td_raise_err(st, &err);
        goto done;
    }
    const char *path = abs_path;
    if (meta_arg != NULL && td_codec_parse_metadata(meta_arg, &meta, &nmeta, &keepalive) < 0) {
        goto done;
    }
    if (td_codec_warn_metadata(type, nmeta) < 0) {
        goto done;
    }
    /* A missing folder fails now, before any GPU work and for asynchronous saves too. */
    if (td_file_check_folder(path, create_folders, &err) != 0) {
        td_raise_err(st, &err);
        goto done;
    }
    td_gl_cook job = {.read = TD_READ_FILE};
    if (td_top_run(self, &job, alloc_file_image, &img) < 0) {
        goto done;
    }
    if (asynchronous) {
        td_saver *saver = td_module_saver(st);
        if (saver == NULL) {
            goto done;
        }
        int failed = 0;
        td_save_request req = {.type = type, .img = img, .quality = quality, .create_folders = create_folders};
        img.data = NULL; /* the request owns the pixels now */
        req.metadata = td_save_copy_metadata(meta, nmeta, &failed);
        req.nmetadata = nmeta;
        req.path = abs_path; /* the request owns it now */
        abs_path = NULL;
        if (failed) {
            td_save_request_clear(&req);
            PyErr_NoMemory();
            goto done;
        }
        td_save_status *status = td_saver_submit(saver, &req, &err);
        if (status == NULL) {
            td_raise_err(st, &err);
            goto done;
        }
        result = file_save_status(st, status, path_str);
        goto done;
    }
    td_bytes encoded = {0};
    td_encode_opts opts = {.quality = quality, .metadata = meta, .nmetadata = nmeta};
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = td_image_encode(type, &img, &opts, &encoded, &err);
    if (rc == 0) {
        rc = td_file_write_atomic(path, encoded.data, encoded.len, create_folders, &err);
    }
    td_bytes_free(&encoded);
    Py_END_ALLOW_THREADS
    if (rc != 0) {
        td_raise_err(st, &err);
        goto done;
    }
    td_save_status *status = td_save_status_finished(0, NULL);
    if (status == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    result = file_save_status(st, status, path_str);
done:
    free((void *)img.data);
    free(abs_path);
    td_codec_free_metadata(meta, keepalive);
    Py_XDECREF(path_bytes);
    Py_XDECREF(path_str);
    return result;
}

PyObject *
td_top_savebytearray(TdOp *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"filetype", "quality", "metadata", NULL};
    PyObject *type_arg = NULL, *quality_arg = NULL, *meta_arg = NULL, *keepalive = NULL, *result = NULL;
    td_state *st = td_state_of((PyObject *)self);
    td_image img = {0};
    td_kv *meta = NULL;
    size_t nmeta = 0;
    double quality = 1.0;
    td_file_type type = TD_FILE_TIFF;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O$OO:saveByteArray", kwlist, &type_arg, &quality_arg,
                                     &meta_arg)) {
        return NULL;
    }
    if (td_op_check(self) < 0) {
        return NULL;
    }
    if (type_arg != NULL && type_arg != Py_None && td_codec_filetype(type_arg, &type) < 0) {
        return NULL;
    }
    if (quality_arg != NULL && td_codec_parse_quality(quality_arg, &quality) < 0) {
        return NULL;
    }
    if (meta_arg != NULL && td_codec_parse_metadata(meta_arg, &meta, &nmeta, &keepalive) < 0) {
        return NULL;
    }
    if (td_codec_warn_metadata(type, nmeta) < 0) {
        goto done;
    }
    td_gl_cook job = {.read = TD_READ_FILE};
    if (td_top_run(self, &job, alloc_file_image, &img) < 0) {
        goto done;
    }
    td_encode_opts opts = {.quality = quality, .metadata = meta, .nmetadata = nmeta};
    result = td_codec_encode_bytearray(st, type, &img, &opts);
done:
    free((void *)img.data);
    td_codec_free_metadata(meta, keepalive);
    return result;
}
