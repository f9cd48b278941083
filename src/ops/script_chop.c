/* scriptCHOP: channels made in Python. Its callbacks DAT's text runs as a module each time the CHOP
 * cooks (after any change in the network; td.advance() is one), with the expression globals; its
 * onCook(scriptOp) fills the channels: clear(), appendChan(name) (a Channel whose vals and [i] are
 * writable there), numSamples / rate / start, copyNumpyArray(array), copy(chop).
 *
 *   def onCook(scriptOp):
 *       scriptOp.clear()
 *       scriptOp.numSamples = 3
 *       scriptOp.appendChan('tx').vals = [0, 1, 2]
 *       scriptOp.copyNumpyArray(numpy.zeros((2, 3), numpy.float32), baseName='s')  # s1 s2 */
#include "bind/numpy.h"

#include <math.h>
#include <string.h>

#include "bind/bridge.h"
#include "bind/state.h"
#include "graph/op.h"
#include "ops/chop.h"
#include "ops/script_callbacks.h"

#define SCRIPT_PARS(X) X(callbacks, TD_PAR_O, "Callbacks DAT", "Script", "")
TD_PAR_TABLE(script_pars, SCRIPT_PARS);

/* Before onCook: the channels being made must still be there (the module's text may have reset the
 * CHOP). */
static int
chop_enter(TdOp *chop, void *arg)
{
    (void)arg;
    if (td_chop_pending(chop) == NULL) {
        return td_op_check(chop) < 0 ? -1 : td_chop_error(chop, "it was reset by its callbacks");
    }
    return 0;
}

static const char *const callback_functions[] = {"onCook"};

/* Each cook starts with no channels, the last cook's length, rate and start kept (as after
 * clear()); one sample at rate 60 before the first. */
static int
script_cook(TdOp *chop, const td_values *vals, td_chans *const *inputs, int ninputs, td_chans **out)
{
    (void)inputs;
    (void)ninputs;
    td_err err = {0};
    const td_chans *last = td_chop_last(chop);
    td_chans *start = last != NULL ? td_chop_resized(last, 0, last->nsamples) : td_chans_new(0, 1, &err);
    if (start == NULL) {
        return last != NULL ? -1 : (PyErr_NoMemory(), -1);
    }
    const char *path = td_values_str(vals, PAR_callbacks);
    if (td_chop_begin_pending(chop, start) < 0) {
        return -1;
    }
    const td_script_hooks hooks = {.enter = chop_enter};
    int rc = path[0] != '\0' ? td_script_run(chop, path, callback_functions, 1, &hooks) : 0;
    td_chans *made = td_chop_end_pending(chop);
    if (rc == 0 && made == NULL) {
        rc = td_op_check(chop) < 0 ? -1 : td_chop_error(chop, "it was reset while it cooked");
    }
    if (rc != 0) {
        td_chans_decref(made);
        return -1;
    }
    *out = made;
    return 0;
}

static const td_chop_class script_proto = {.cook = script_cook, .always = 1};

/* ---- the methods its onCook uses ---- */

/* The channels being made, or NULL with a tdError: outside its onCook. */
static td_chans *
pending_or_error(TdOp *self, const char *method)
{
    if (td_op_check(self) < 0) {
        return NULL;
    }
    td_chans *p = td_chop_pending(self);
    if (p == NULL) {
        char msg[200];
        snprintf(msg, sizeof(msg), "%s() can be called only in its onCook", method);
        td_chop_error(self, msg);
    }
    return p;
}

static PyObject *
script_clear(TdOp *self, PyObject *unused)
{
    (void)unused;
    td_chans *p = pending_or_error(self, "clear");
    if (p == NULL) {
        return NULL;
    }
    td_chans *r = td_chop_resized(p, 0, p->nsamples);
    if (r == NULL || td_chop_set_pending(self, r) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
script_append_chan(TdOp *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"name", NULL};
    PyObject *name_obj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O:appendChan", kwlist, &name_obj)) {
        return NULL;
    }
    if (name_obj != Py_None && !PyUnicode_Check(name_obj)) {
        PyErr_Format(PyExc_TypeError, "appendChan() takes a str name, not %.100s", Py_TYPE(name_obj)->tp_name);
        return NULL;
    }
    const char *name = name_obj != Py_None ? PyUnicode_AsUTF8(name_obj) : NULL;
    if (name_obj != Py_None && name == NULL) {
        return NULL;
    }
    td_chans *p = pending_or_error(self, "appendChan");
    if (p == NULL) {
        return NULL;
    }
    char made[TD_CHAN_NAME];
    if (name == NULL) {
        for (unsigned k = 1;; k++) { /* a default name not taken: chan1, chan2 ... */
            snprintf(made, sizeof(made), "chan%u", k);
            if (td_chans_find(p, made) < 0) {
                break;
            }
        }
        name = made;
    }
    else if (name[0] == '\0' || strlen(name) >= TD_CHAN_NAME) {
        PyErr_Format(PyExc_ValueError, "a channel name must have 1 to %d bytes", TD_CHAN_NAME - 1);
        return NULL;
    }
    else if (td_chans_find(p, name) >= 0) {
        PyErr_Format(PyExc_ValueError, "the CHOP already has a channel '%s'", name);
        return NULL;
    }
    td_chans *r = td_chop_resized(p, p->nchans + 1, p->nsamples);
    if (r == NULL) {
        return NULL;
    }
    uint32_t index = r->nchans - 1;
    td_err err = {0};
    td_chans_set_name(r, index, name, &err);
    if (td_chop_set_pending(self, r) < 0) {
        return NULL;
    }
    return td_channel_new(self, NULL, index);
}

static PyObject *
script_copy_numpy(TdOp *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"numpyArray", "baseName", NULL};
    PyObject *obj;
    const char *base = "chan";
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$s:copyNumpyArray", kwlist, &obj, &base)) {
        return NULL;
    }
    if (!PyArray_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "copyNumpyArray() takes a numpy.ndarray, not %.100s", Py_TYPE(obj)->tp_name);
        return NULL;
    }
    PyArrayObject *a = (PyArrayObject *)obj;
    if (PyArray_TYPE(a) != NPY_FLOAT32) {
        PyErr_SetString(PyExc_TypeError,
                        "copyNumpyArray(): the array's dtype must be float32 (convert it with .astype())");
        return NULL;
    }
    if (PyArray_NDIM(a) != 2) {
        PyErr_Format(PyExc_ValueError,
                     "copyNumpyArray(): the array must have shape (numChannels, numSamples), not %d dimensions",
                     PyArray_NDIM(a));
        return NULL;
    }
    npy_intp nc = PyArray_DIM(a, 0), ns = PyArray_DIM(a, 1);
    if (strlen(base) + 12 >= TD_CHAN_NAME || base[0] == '\0') {
        PyErr_Format(PyExc_ValueError, "copyNumpyArray(): baseName must have 1 to %d bytes", TD_CHAN_NAME - 13);
        return NULL;
    }
    td_chans *p = pending_or_error(self, "copyNumpyArray");
    if (p == NULL) {
        return NULL;
    }
    if (nc > TD_CHOP_MAX_CHANS || ns > TD_CHOP_MAX_SAMPLES) {
        PyErr_Format(PyExc_ValueError, "copyNumpyArray(): %zd channels of %zd samples are too many", (Py_ssize_t)nc,
                     (Py_ssize_t)ns);
        return NULL;
    }
    td_chans *r = td_chop_resized(p, 0, (uint32_t)ns);
    td_chans *full = r != NULL ? td_chop_resized(r, (uint32_t)nc, (uint32_t)ns) : NULL;
    td_chans_decref(r);
    if (full == NULL) {
        return NULL;
    }
    PyArrayObject *c = (PyArrayObject *)PyArray_FromArray(a, NULL, NPY_ARRAY_C_CONTIGUOUS | NPY_ARRAY_ALIGNED);
    if (c == NULL) {
        td_chans_decref(full);
        return NULL;
    }
    const float *src = PyArray_DATA(c);
    for (size_t i = 0; i < (size_t)nc * (size_t)ns; i++) {
        if (!isfinite(src[i])) {
            Py_DECREF(c);
            td_chans_decref(full);
            PyErr_Format(PyExc_ValueError, "copyNumpyArray(): channel %zu sample %zu is not finite", i / (size_t)ns,
                         i % (size_t)ns);
            return NULL;
        }
    }
    memcpy(full->data, src, (size_t)nc * (size_t)ns * sizeof(float));
    Py_DECREF(c);
    for (npy_intp i = 0; i < nc; i++) {
        char name[TD_CHAN_NAME];
        snprintf(name, sizeof(name), "%s%zd", base, (Py_ssize_t)i + 1);
        td_err err = {0};
        td_chans_set_name(full, (uint32_t)i, name, &err);
    }
    if (td_chop_set_pending(self, full) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
script_copy(TdOp *self, PyObject *arg)
{
    td_state *st = td_state_of((PyObject *)self);
    if (!PyObject_TypeCheck(arg, st->base_types[TD_BASE_CHOP])) {
        PyErr_Format(PyExc_TypeError, "copy() takes a CHOP, not %.100s", Py_TYPE(arg)->tp_name);
        return NULL;
    }
    if (pending_or_error(self, "copy") == NULL) {
        return NULL;
    }
    Py_INCREF(arg);
    td_chans *c = td_chop_chans((TdOp *)arg); /* may cook it, running Python */
    Py_DECREF(arg);
    if (c == NULL) {
        return NULL;
    }
    td_chans *r = td_chop_resized(c, c->nchans, c->nsamples);
    td_chans_decref(c);
    if (r == NULL || pending_or_error(self, "copy") == NULL) {
        td_chans_decref(r);
        return NULL;
    }
    if (td_chop_set_pending(self, r) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef script_methods[] = {
    {"clear", (PyCFunction)script_clear, METH_NOARGS,
     "clear($self, /)\n--\n\nRemoves every channel; the length, rate and start stay. Only in its onCook."},
    {"appendChan", (PyCFunction)(void (*)(void))script_append_chan, METH_VARARGS | METH_KEYWORDS,
     "appendChan($self, /, name=None)\n--\n\n"
     "Appends a channel of numSamples zeros and returns its Channel (vals and [i] writable in the\n"
     "cook). Without a name it gets the first of chan1, chan2 ... not taken; a name the CHOP has\n"
     "already is a ValueError (td_render's rule). Only in its onCook."},
    {"copyNumpyArray", (PyCFunction)(void (*)(void))script_copy_numpy, METH_VARARGS | METH_KEYWORDS,
     "copyNumpyArray($self, numpyArray, /, *, baseName='chan')\n--\n\n"
     "Replaces the channels with the rows of numpyArray: shape (numChannels, numSamples), dtype\n"
     "float32 (TypeError otherwise), every value finite (ValueError: td_render's check); the\n"
     "channels are named baseName1, baseName2 ... and numSamples becomes the array's width.\n"
     "Only in its onCook."},
    {"copy", (PyCFunction)script_copy, METH_O,
     "copy($self, chop, /)\n--\n\n"
     "Makes the channels a copy of chop's: names, samples, length, rate and start. Only in its onCook."},
    {NULL},
};

static PyType_Slot script_slots[] = {
    {Py_tp_doc, "scriptCHOP: channels made in Python by its callbacks DAT's onCook(scriptOp).\n\n"
                "callbacks names a DAT whose text runs as a module each time the CHOP cooks (after any\n"
                "change in the network; td.advance() is one), with the expression globals; its\n"
                "onCook(scriptOp) is called if it defines one. Each cook starts with no channels, the\n"
                "last cook's numSamples, rate and start kept (one sample at rate 60 before the first:\n"
                "td_render's rule). In onCook: clear(), appendChan(name) (its Channel's vals and [i] are\n"
                "writable), numSamples / rate / start / end, copyNumpyArray(array, baseName='chan'),\n"
                "copy(chop); outside it they raise tdError. A callback that raises, or destroys the CHOP,\n"
                "fails the cook with that error (in op.errors()). The callbacks parameter's default is ''\n"
                "(TouchDesigner makes a docked DAT; td_render does not). Not offered yet:\n"
                "onSetupParameters / onPulse, time slicing, the Common page."},
    {Py_tp_methods, script_methods},
    {0, NULL},
};

static PyType_Spec script_spec = {
    .name = "td_render.scriptCHOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = script_slots,
};

const td_op_class td_class_scriptCHOP = {
    .optype = "scriptCHOP", .family = "CHOP", .label = "Script", .base_name = "script", .subtype = "",
    .base = TD_BASE_CHOP, .spec = &script_spec, .pars = script_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = TD_CHOP_MAX_INPUTS, .release = td_chop_release, .cook = td_chop_cook,
    .proto = &script_proto,
};
