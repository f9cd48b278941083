/* TOPs that read other TOPs (renderpassTOP, depthTOP): finding the input and cooking it first.
 *
 * A reader's scene holds the input's target and the generation of the image it was built from; the
 * input's target bumps its generation with every render, so the reader re-renders exactly when
 * the input's image changed. */
#include "bind/state.h"
#include "graph/op.h"
#include "graph/path.h"
#include "ops/top.h"

static TdOp *
input_error(TdOp *reader, const char *fmt, PyObject *arg)
{
    PyObject *path = td_op_path(reader);
    PyObject *msg = arg != NULL ? PyUnicode_FromFormat(fmt, arg) : PyUnicode_FromString(fmt);
    if (path != NULL && msg != NULL) {
        PyErr_Format(td_state_of((PyObject *)reader)->tdError, "%U: %U", path, msg);
    }
    Py_XDECREF(path);
    Py_XDECREF(msg);
    return NULL;
}

TdOp *
td_top_input_find(TdOp *reader, const td_values *vals, Py_ssize_t index, int need_render)
{
    const char *name = td_values_str(vals, index);
    TdOp *input = NULL;
    PyObject *label = NULL;
    if (name[0] != '\0') {
        input = td_path_resolve(reader->parent != NULL ? reader->parent : reader, name);
        label = PyUnicode_FromFormat("'%s'", name);
        if (label == NULL) {
            return NULL;
        }
        if (input == NULL || !input->valid) {
            input_error(reader, "%U names no operator", label);
            Py_DECREF(label);
            return NULL;
        }
    }
    else {
        if (reader->inputs == NULL || PyList_GET_SIZE(reader->inputs) == 0) {
            return input_error(reader, "it needs an input TOP (wire one, or name one in its parameter)", NULL);
        }
        input = (TdOp *)PyList_GET_ITEM(reader->inputs, 0);
        label = PyUnicode_FromString("its input");
        if (label == NULL) {
            return NULL;
        }
    }
    const td_top_class *proto = input->valid ? td_top_class_of(input) : NULL;
    if (proto == NULL) {
        input_error(reader, "%U is not a TOP", label);
        Py_DECREF(label);
        return NULL;
    }
    if (need_render && !proto->renders) {
        input_error(reader, "%U is not a renderTOP or renderpassTOP (it has no depth buffer)", label);
        Py_DECREF(label);
        return NULL;
    }
    Py_DECREF(label);
    return (TdOp *)Py_NewRef(input);
}

int
td_top_input_cook(TdOp *reader, TdOp *input, td_top_image *out)
{
    td_state *st = td_state_of((PyObject *)reader);
    memset(out, 0, sizeof(*out));
    if (Py_EnterRecursiveCall(" while cooking the inputs of a TOP")) {
        return -1;
    }
    /* The input's cook keeps its own pending cook error; the reader's waits meanwhile. */
    PyObject *pending = st->cook_error;
    st->cook_error = NULL;
    td_gl_cook job = {.read = TD_READ_NONE};
    int rc = td_top_run(input, &job, NULL, NULL);
    Py_LeaveRecursiveCall();
    if (rc == 0 && st->cook_error == NULL) {
        st->cook_error = pending;
    }
    else {
        Py_XDECREF(pending);
    }
    if (rc < 0) {
        return -1;
    }
    td_top_state *s = input->valid ? input->ext : NULL;
    if (s == NULL || s->cooked == NULL || !reader->valid) {
        PyObject *path = td_op_path(reader);
        if (path != NULL) {
            PyErr_Format(st->tdError, "%U: its input was destroyed while it cooked", path);
            Py_DECREF(path);
        }
        return -1;
    }
    const td_scene *scene = s->cooked;
    out->target = s->target;
    td_gl_target_incref(out->target);
    out->generation = atomic_load_explicit(&s->target->generation, memory_order_acquire);
    out->width = scene->width;
    out->height = scene->height;
    out->samples = scene->samples;
    out->depth_float = scene->depth_float;
    out->ncolor = scene->ncolor;
    out->format = scene->format;
    memcpy(out->proj, scene->proj, sizeof(out->proj));
    return 0;
}

int
td_top_shape_of_image(TdOp *top, const td_values *vals, td_top_output *out)
{
    (void)vals;
    td_gl_cook job = {.read = TD_READ_NONE};
    if (td_top_run(top, &job, NULL, NULL) < 0) {
        return -1;
    }
    td_top_state *s = top->valid ? top->ext : NULL;
    if (s == NULL || s->cooked == NULL) {
        return td_op_check(top) < 0 ? -1 : 0;
    }
    out->width = s->cooked->width;
    out->height = s->cooked->height;
    out->aspect_w = out->width;
    out->aspect_h = out->height;
    out->format = s->cooked->format;
    return 0;
}

td_scene *
td_top_input_scene(td_top_image *image, int kind, const td_pixel_format *format)
{
    td_scene *scene = td_scene_new(0, 0);
    if (scene == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    scene->kind = kind;
    scene->width = image->width;
    scene->height = image->height;
    scene->format = format;
    scene->samples = 1;
    scene->ncolor = 1;
    scene->chanmask = 15u;
    scene->input = image->target;
    image->target = NULL; /* the scene holds it */
    scene->input_gen = image->generation;
    return scene;
}
