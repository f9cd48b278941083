/* Channel: one channel of a CHOP. A Channel read from a cooked CHOP holds that cook's channels (an
 * immutable td_chans), so it keeps its values whatever happens to the CHOP afterwards; valid turns
 * False when the CHOP is destroyed. A Channel a scriptCHOP's onCook gets (appendChan, scriptOp[..])
 * is live: it reads and writes the channels being made, by index, while the cook runs, and reads
 * the CHOP's channels (cooked if needed) after it.
 *
 *   >>> c = op('noise1')['chan1']; c.name, len(c), c[0], c.vals[:2], c.numpyArray().dtype */
#include "bind/numpy.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "bind/state.h"
#include "ops/chop.h"

typedef struct {
    PyObject_HEAD
    TdOp *owner;     /* strong reference */
    td_chans *chans; /* the snapshot (one reference), NULL for a live channel */
    uint32_t index;
} TdChannel;

PyObject *
td_channel_new(TdOp *chop, td_chans *chans, uint32_t index)
{
    td_state *st = td_state_of((PyObject *)chop);
    TdChannel *c = PyObject_GC_New(TdChannel, st->Channel_type);
    if (c == NULL) {
        return NULL;
    }
    c->owner = (TdOp *)Py_NewRef((PyObject *)chop);
    c->chans = chans;
    if (chans != NULL) {
        td_chans_incref(chans);
    }
    c->index = index;
    PyObject_GC_Track(c);
    return (PyObject *)c;
}

static int
channel_traverse(TdChannel *c, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(c));
    Py_VISIT(c->owner);
    return 0;
}

static int
channel_clear(TdChannel *c)
{
    Py_CLEAR(c->owner);
    return 0;
}

static void
channel_dealloc(TdChannel *c)
{
    PyTypeObject *tp = Py_TYPE(c);
    PyObject_GC_UnTrack(c);
    channel_clear(c);
    td_chans_decref(c->chans);
    PyObject_GC_Del(c);
    Py_DECREF(tp);
}

/* The channels this Channel reads now, one reference: its snapshot, or (live) the channels being
 * made, or the owner's channels. NULL with an error if the channel is no longer there. */
static td_chans *
chans_of(TdChannel *c)
{
    td_chans *ch = c->chans;
    if (ch != NULL) {
        td_chans_incref(ch);
        return ch;
    }
    if (c->owner == NULL || td_op_check(c->owner) < 0) {
        return NULL;
    }
    ch = td_chop_chans_live(c->owner); /* the channels being made while the cook runs */
    if (ch != NULL && c->index >= ch->nchans) {
        td_chans_decref(ch);
        PyErr_Format(PyExc_IndexError, "channel %u of '%s' is gone (the CHOP has %u channels now)", c->index,
                     c->owner->cls->optype, ch->nchans);
        return NULL;
    }
    return ch;
}

static PyObject *
channel_get_name(TdChannel *c, void *unused)
{
    (void)unused;
    td_chans *ch = chans_of(c);
    if (ch == NULL) {
        return NULL;
    }
    PyObject *r = PyUnicode_DecodeUTF8(ch->names[c->index], (Py_ssize_t)strlen(ch->names[c->index]), "replace");
    td_chans_decref(ch);
    return r;
}

static PyObject *
channel_get_index(TdChannel *c, void *unused)
{
    (void)unused;
    return PyLong_FromUnsignedLong(c->index);
}

static PyObject *
channel_get_owner(TdChannel *c, void *unused)
{
    (void)unused;
    return Py_NewRef(c->owner != NULL ? (PyObject *)c->owner : Py_None);
}

static PyObject *
channel_get_valid(TdChannel *c, void *unused)
{
    (void)unused;
    if (c->owner == NULL || !c->owner->valid) {
        Py_RETURN_FALSE;
    }
    if (c->chans != NULL) {
        Py_RETURN_TRUE;
    }
    td_chans *p = td_chop_pending(c->owner);
    return PyBool_FromLong(p == NULL || c->index < p->nchans);
}

static PyObject *
channel_get_vals(TdChannel *c, void *unused)
{
    (void)unused;
    td_chans *ch = chans_of(c);
    if (ch == NULL) {
        return NULL;
    }
    const float *s = td_chans_samples(ch, c->index);
    PyObject *list = PyList_New(ch->nsamples);
    for (uint32_t i = 0; list != NULL && i < ch->nsamples; i++) {
        PyObject *f = PyFloat_FromDouble(s[i]);
        if (f == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, f);
    }
    td_chans_decref(ch);
    return list;
}

/* The floats of value (a sequence of numbers or a 1-D NumPy array), finite, n of them; a new
 * PyMem buffer, or NULL with an error. */
static float *
floats_of(PyObject *value, Py_ssize_t *n)
{
    PyObject *arr = PyArray_FROMANY(value, NPY_FLOAT32, 0, 1, NPY_ARRAY_CARRAY_RO | NPY_ARRAY_FORCECAST);
    if (arr == NULL) {
        if (PyErr_ExceptionMatches(PyExc_ValueError) || PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_TypeError, "vals takes a sequence of numbers or a 1-D NumPy array");
        }
        return NULL;
    }
    if (PyArray_NDIM((PyArrayObject *)arr) != 1) {
        Py_DECREF(arr);
        PyErr_SetString(PyExc_TypeError, "vals takes a sequence of numbers or a 1-D NumPy array, not a scalar");
        return NULL;
    }
    *n = PyArray_DIM((PyArrayObject *)arr, 0);
    float *buf = PyMem_Malloc((size_t)(*n > 0 ? *n : 1) * sizeof(float));
    if (buf == NULL) {
        Py_DECREF(arr);
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(buf, PyArray_DATA((PyArrayObject *)arr), (size_t)*n * sizeof(float));
    Py_DECREF(arr);
    for (Py_ssize_t i = 0; i < *n; i++) {
        if (!isfinite(buf[i])) {
            PyMem_Free(buf);
            PyErr_Format(PyExc_ValueError, "sample %zd is not a finite float32 (NaN, infinite or too large)", i);
            return NULL;
        }
    }
    return buf;
}

/* The samples of a live channel for writing, or NULL with a tdError (not in its cook). */
static float *
writable(TdChannel *c, uint32_t *nsamples)
{
    td_chans *p = c->owner != NULL && c->owner->valid ? td_chop_pending(c->owner) : NULL;
    if (c->chans != NULL || p == NULL) {
        if (c->owner != NULL && td_op_check(c->owner) < 0) {
            return NULL;
        }
        PyErr_SetString(td_state_of((PyObject *)c)->tdError,
                        "Channel values can be changed only in a scriptCHOP's onCook, on its own channels");
        return NULL;
    }
    if (c->index >= p->nchans) {
        PyErr_Format(PyExc_IndexError, "channel %u is gone (the CHOP has %u channels now)", c->index, p->nchans);
        return NULL;
    }
    *nsamples = p->nsamples;
    return td_chans_samples(p, c->index);
}

static int
channel_set_vals(TdChannel *c, PyObject *value, void *unused)
{
    (void)unused;
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete vals");
        return -1;
    }
    Py_ssize_t n;
    float *buf = floats_of(value, &n); /* may run Python: the channel is looked up after */
    if (buf == NULL) {
        return -1;
    }
    uint32_t ns;
    float *dst = writable(c, &ns);
    if (dst != NULL && (size_t)n != ns) {
        PyErr_Format(PyExc_ValueError, "vals has %zd values; the CHOP has %u samples a channel (set numSamples first)",
                     n, ns);
        dst = NULL;
    }
    if (dst != NULL) {
        memcpy(dst, buf, (size_t)n * sizeof(float));
    }
    PyMem_Free(buf);
    return dst != NULL ? 0 : -1;
}

static Py_ssize_t
channel_len(TdChannel *c)
{
    td_chans *ch = chans_of(c);
    if (ch == NULL) {
        return -1;
    }
    Py_ssize_t n = ch->nsamples;
    td_chans_decref(ch);
    return n;
}

static PyObject *
channel_item(TdChannel *c, Py_ssize_t i)
{
    td_chans *ch = chans_of(c);
    if (ch == NULL) {
        return NULL;
    }
    PyObject *r = NULL;
    if (i < 0 || (size_t)i >= ch->nsamples) {
        PyErr_Format(PyExc_IndexError, "sample index %zd out of range (the channel has %u)", i, ch->nsamples);
    }
    else {
        r = PyFloat_FromDouble(td_chans_samples(ch, c->index)[i]);
    }
    td_chans_decref(ch);
    return r;
}

static int
channel_ass_item(TdChannel *c, Py_ssize_t i, PyObject *value)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "samples cannot be deleted");
        return -1;
    }
    double v = PyFloat_AsDouble(value);
    if (v == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    if (!isfinite(v) || fabs(v) > FLT_MAX) {
        PyErr_SetString(PyExc_ValueError, "a sample must be a finite float32");
        return -1;
    }
    uint32_t ns;
    float *dst = writable(c, &ns);
    if (dst == NULL) {
        return -1;
    }
    if (i < 0 || (size_t)i >= ns) {
        PyErr_Format(PyExc_IndexError, "sample index %zd out of range (the channel has %u)", i, ns);
        return -1;
    }
    dst[i] = (float)v;
    return 0;
}

static PyObject *
channel_eval(TdChannel *c, PyObject *args)
{
    PyObject *index = Py_None;
    if (!PyArg_ParseTuple(args, "|O:eval", &index)) {
        return NULL;
    }
    double at = 0.0;
    if (index != Py_None) {
        at = PyFloat_AsDouble(index);
        if (at == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        if (isnan(at)) {
            PyErr_SetString(PyExc_ValueError, "eval(): the index is NaN");
            return NULL;
        }
    }
    td_chans *ch = chans_of(c);
    if (ch == NULL) {
        return NULL;
    }
    if (index == Py_None) {
        at = td_state_of((PyObject *)c)->frame;
    }
    PyObject *r;
    if (ch->nsamples == 0) {
        r = PyFloat_FromDouble(0.0);
    }
    else {
        double k = floor(at - ch->start + 0.5);
        k = k < 0 ? 0 : k > ch->nsamples - 1.0 ? ch->nsamples - 1.0 : k;
        r = PyFloat_FromDouble(td_chans_samples(ch, c->index)[(size_t)k]);
    }
    td_chans_decref(ch);
    return r;
}

static PyObject *
channel_numpy(TdChannel *c, PyObject *unused)
{
    (void)unused;
    td_chans *ch = chans_of(c);
    if (ch == NULL) {
        return NULL;
    }
    npy_intp dims[1] = {(npy_intp)ch->nsamples};
    PyObject *a = PyArray_SimpleNew(1, dims, NPY_FLOAT32);
    if (a != NULL && ch->nsamples > 0) {
        memcpy(PyArray_DATA((PyArrayObject *)a), td_chans_samples(ch, c->index), (size_t)ch->nsamples * sizeof(float));
    }
    td_chans_decref(ch);
    return a;
}

static PyObject *
channel_repr(TdChannel *c)
{
    td_chans *ch = chans_of(c);
    if (ch == NULL) {
        PyErr_Clear();
        return PyUnicode_FromFormat("<Channel %u (gone)>", c->index);
    }
    PyObject *r = PyUnicode_FromFormat("<Channel %s: %u samples>", ch->names[c->index], ch->nsamples);
    td_chans_decref(ch);
    return r;
}

static PyGetSetDef channel_getset[] = {
    {"name", (getter)channel_get_name, NULL, "The channel's name (str, read only).", NULL},
    {"index", (getter)channel_get_index, NULL, "The channel's index in its CHOP (int, read only).", NULL},
    {"owner", (getter)channel_get_owner, NULL, "The CHOP the channel belongs to (read only).", NULL},
    {"valid", (getter)channel_get_valid, NULL, "False once its CHOP is destroyed (or, for a scriptCHOP's own\n"
                                               "channel, once clear() removed it) (read only).", NULL},
    {"vals", (getter)channel_get_vals, (setter)channel_set_vals,
     "The samples as a list of floats. Settable only on a scriptCHOP's own channels in its onCook:\n"
     "a sequence of numbers or a 1-D NumPy array, numSamples of them, each a finite float32\n"
     "(ValueError otherwise; the check of finiteness is td_render's).", NULL},
    {NULL},
};

static PyMethodDef channel_methods[] = {
    {"eval", (PyCFunction)channel_eval, METH_VARARGS,
     "eval($self, index=None, /)\n--\n\n"
     "The sample at index (a sample index: rounded, held at the first / last sample outside the\n"
     "channel); without one, at the current frame (absTime.frame) taken as an index."},
    {"numpyArray", (PyCFunction)channel_numpy, METH_NOARGS,
     "numpyArray($self, /)\n--\n\nA copy of the samples as a 1-D float32 NumPy array."},
    {NULL},
};

static PyType_Slot channel_slots[] = {
    {Py_tp_doc, "Channel: one channel of a CHOP: name, index, owner, vals, len(), [i], eval(), numpyArray().\n\n"
                "A Channel holds the channels of the cook it came from, so it keeps its values after the\n"
                "CHOP cooks again or is destroyed. In a scriptCHOP's onCook its own channels are live:\n"
                "vals and [i] can be set there."},
    {Py_tp_dealloc, channel_dealloc},
    {Py_tp_traverse, channel_traverse},
    {Py_tp_clear, channel_clear},
    {Py_tp_getset, channel_getset},
    {Py_tp_methods, channel_methods},
    {Py_tp_repr, channel_repr},
    {Py_sq_length, channel_len},
    {Py_sq_item, channel_item},
    {Py_sq_ass_item, channel_ass_item},
    {0, NULL},
};

PyType_Spec td_Channel_spec = {
    .name = "td_render.Channel",
    .basicsize = sizeof(TdChannel),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = channel_slots,
};
