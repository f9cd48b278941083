/* CHOP: the base class of channel operators. A CHOP cooks (makes its channels, a td_chans) when a
 * member or a reader (instancing) needs them and its parameters' values or its inputs' channels
 * changed (or after any change in the network for the CHOPs that run Python, or when the frame
 * moved for those that read the time). Each cook is counted in its cook statistics. */
#include "bind/numpy.h"

#include "ops/chop.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

#include "bind/bridge.h"
#include "bind/state.h"
#include "graph/op.h"
#include "graph/path.h"
#include "ops/registry.h"

typedef struct {
    td_chans *chans;
    uint64_t version;  /* op->version the channels were made from */
    uint64_t serial;   /* the network serial then (always classes) */
    double frame;      /* absTime.frame then (timed classes) */
    td_values *values; /* the parameter values they were made from */
    int ninputs;
    td_chans *inputs[TD_CHOP_MAX_INPUTS]; /* one reference each (identity: a new cook is a new td_chans) */
    td_chans *pending; /* the channels Python is filling (scriptCHOP's onCook), or NULL */
    int cooking;       /* 1 while its inputs or itself cook: reaching it again is a loop */
    int released;      /* td_chop_release ran while it cooked: the cook frees the state at its end */
} td_chop_state;

static void
drop_inputs(td_chans **inputs, int n)
{
    for (int i = 0; i < n; i++) {
        td_chans_decref(inputs[i]);
    }
}

static void
free_state(td_chop_state *s)
{
    td_chans_decref(s->chans);
    td_chans_decref(s->pending);
    drop_inputs(s->inputs, s->ninputs);
    td_values_free(s->values);
    PyMem_Free(s);
}

static td_chop_state *
chop_state(TdOp *chop)
{
    if (chop->ext == NULL) {
        chop->ext = PyMem_Calloc(1, sizeof(td_chop_state));
        if (chop->ext == NULL) {
            PyErr_NoMemory();
        }
    }
    return chop->ext;
}

int
td_chop_error(TdOp *chop, const char *msg)
{
    PyObject *path = td_op_path(chop);
    if (path != NULL) {
        PyErr_Format(td_state_of((PyObject *)chop)->tdError, "%U: %s", path, msg);
        Py_DECREF(path);
    }
    return -1;
}

static int
cook_inputs(TdOp *chop, td_chans **inputs)
{
    PyObject *wired = chop->inputs != NULL ? PyList_GetSlice(chop->inputs, 0, PY_SSIZE_T_MAX) : PyList_New(0);
    if (wired == NULL) {
        return -1;
    }
    int n = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(wired); i++) {
        TdOp *in = (TdOp *)PyList_GET_ITEM(wired, i);
        td_chans *c = NULL;
        if (n >= TD_CHOP_MAX_INPUTS) {
            td_chop_error(chop, "too many inputs");
        }
        else if (!in->valid || td_chop_class_of(in) == NULL) {
            char msg[64];
            snprintf(msg, sizeof(msg), "input %zd is not a CHOP", i);
            td_chop_error(chop, msg);
        }
        else {
            c = td_chop_chans(in);
        }
        if (c == NULL) {
            drop_inputs(inputs, n);
            Py_DECREF(wired);
            return -1;
        }
        inputs[n++] = c;
    }
    Py_DECREF(wired);
    return n;
}

static int
same_inputs(const td_chop_state *s, td_chans *const *inputs, int n)
{
    if (s->ninputs != n) {
        return 0;
    }
    for (int i = 0; i < n; i++) {
        if (s->inputs[i] != inputs[i]) {
            return 0;
        }
    }
    return 1;
}

static td_chans *
empty_chans(TdOp *chop)
{
    td_err err = {0};
    td_chans *c = td_chans_new(0, 0, &err);
    if (c == NULL) {
        td_raise_err(td_state_of((PyObject *)chop), &err);
    }
    return c;
}

/* The channels of chop's class from vals and inputs: 0 with *out, or -1 with a Python error. */
static int
make_chans(TdOp *chop, const td_chop_class *proto, const td_values *vals, td_chans *const *inputs, int n, double frame,
           td_chans **out)
{
    *out = NULL;
    if (td_op_flag(chop, TD_FLAG_BYPASS)) {
        if (n > 0) {
            td_chans_incref(inputs[0]);
            *out = inputs[0];
            return 0;
        }
        *out = empty_chans(chop);
        return *out != NULL ? 0 : -1;
    }
    td_op_cook_begin(chop);
    int rc;
    if (proto->cook != NULL) {
        rc = proto->cook(chop, vals, inputs, n, out);
    }
    else {
        td_err err = {0};
        rc = proto->build(vals, inputs, n, frame, out, &err);
        if (rc != 0) {
            PyObject *path = td_op_path(chop);
            if (path != NULL) {
                char msg[sizeof(err.msg) + 300];
                snprintf(msg, sizeof(msg), "%s: %s", PyUnicode_AsUTF8(path) ? PyUnicode_AsUTF8(path) : "?", err.msg);
                Py_DECREF(path);
                memcpy(err.msg, msg, sizeof(err.msg) - 1);
                err.msg[sizeof(err.msg) - 1] = '\0';
            }
            PyErr_Clear(); /* a failed path lookup leaves the message as it was */
            td_raise_err(td_state_of((PyObject *)chop), &err);
        }
    }
    if (rc != 0 && chop->valid) {
        td_op_cook_failed(chop);
    }
    td_op_cook_end(chop, rc == 0);
    if (rc != 0) {
        td_chans_decref(*out);
        *out = NULL;
    }
    return rc;
}

static size_t
chans_bytes(const td_chans *c)
{
    return sizeof(*c) + (size_t)c->nchans * (TD_CHAN_NAME + (size_t)c->nsamples * sizeof(float));
}

td_chans *
td_chop_chans(TdOp *chop)
{
    const td_chop_class *proto = td_chop_class_of(chop);
    if (proto == NULL) {
        PyErr_Format(PyExc_TypeError, "%s is not a CHOP", chop->cls->optype);
        return NULL;
    }
    if (td_op_check(chop) < 0) {
        return NULL;
    }
    td_chop_state *s = chop_state(chop);
    if (s == NULL) {
        return NULL;
    }
    if (s->pending != NULL) { /* read while its onCook runs: what it has made so far */
        return td_chop_resized(s->pending, s->pending->nchans, s->pending->nsamples);
    }
    int frozen = 0;
    for (TdOp *p = chop->parent; p != NULL; p = p->parent) {
        frozen |= !td_op_flag(p, TD_FLAG_ALLOW_COOKING);
    }
    if (frozen && s->chans != NULL) {
        td_chans_incref(s->chans);
        return s->chans;
    }
    if (s->cooking) {
        td_chop_error(chop, "its inputs loop back to it");
        return NULL;
    }
    if (Py_EnterRecursiveCall(" while cooking the inputs of a CHOP")) {
        return NULL;
    }
    td_state *st = td_state_of((PyObject *)chop);
    Py_INCREF(chop);
    s->cooking = 1;
    td_chans *inputs[TD_CHOP_MAX_INPUTS];
    int n = cook_inputs(chop, inputs);
    td_values *vals = n >= 0 ? td_op_values(chop) : NULL;
    td_chans *result = NULL;
    if (vals != NULL && (s->released || !chop->valid)) {
        PyErr_SetString(st->tdError, "the CHOP was reset while its inputs or expressions ran");
    }
    else if (vals != NULL) {
        double frame = st->frame;
        uint64_t serial = st->serial;
        int ok = 0;
        if (s->chans == NULL || td_op_flag(chop, TD_FLAG_BYPASS) || s->version != chop->version ||
            (proto->always && s->serial != serial) || (proto->timed && s->frame != frame) ||
            !td_values_equal(s->values, vals) || !same_inputs(s, inputs, n)) {
            td_chans *c = NULL;
            if (make_chans(chop, proto, vals, inputs, n, frame, &c) == 0) {
                if (s->released || !chop->valid) {
                    td_chans_decref(c);
                    PyErr_SetString(st->tdError, "the CHOP was reset while it cooked");
                }
                else {
                    td_chans_decref(s->chans);
                    s->chans = c;
                    s->version = chop->version;
                    s->serial = st->serial; /* what the cook itself changed does not cook it again */
                    s->frame = frame;
                    td_values_free(s->values);
                    s->values = vals;
                    vals = NULL;
                    drop_inputs(s->inputs, s->ninputs);
                    memcpy(s->inputs, inputs, (size_t)n * sizeof(td_chans *));
                    s->ninputs = n;
                    n = 0;
                    td_op_record_memory(chop, chans_bytes(c));
                    ok = 1;
                }
            }
        }
        else {
            ok = 1;
        }
        if (ok) {
            td_chans_incref(s->chans);
            result = s->chans;
        }
    }
    if (n > 0) {
        drop_inputs(inputs, n);
    }
    td_values_free(vals);
    s->cooking = 0;
    if (s->released) {
        free_state(s);
    }
    Py_DECREF(chop);
    Py_LeaveRecursiveCall();
    return result;
}

int
td_chop_cook(TdOp *chop, int force)
{
    td_chop_state *s = chop->ext;
    if (force && s != NULL && s->pending == NULL) {
        td_chans_decref(s->chans); /* nothing to compare with: the cook happens */
        s->chans = NULL;
    }
    td_chans *c = td_chop_chans(chop);
    td_chans_decref(c);
    return c != NULL ? 0 : -1;
}

td_chans *
td_chop_chans_live(TdOp *chop)
{
    td_chans *p = td_chop_pending(chop);
    if (p != NULL) {
        td_chans_incref(p);
        return p;
    }
    return td_chop_chans(chop);
}

void
td_chop_release(TdOp *chop)
{
    td_chop_state *s = chop->ext;
    if (s == NULL) {
        return;
    }
    chop->ext = NULL;
    if (s->cooking) {
        s->released = 1;
        td_chans_decref(s->pending);
        s->pending = NULL;
        return;
    }
    free_state(s);
}

td_chans *
td_chop_pending(TdOp *chop)
{
    td_chop_state *s = chop->valid && td_chop_class_of(chop) != NULL ? chop->ext : NULL;
    return s != NULL ? s->pending : NULL;
}

int
td_chop_set_pending(TdOp *chop, td_chans *c)
{
    td_chop_state *s = chop->valid && td_chop_class_of(chop) != NULL ? chop->ext : NULL;
    if (s == NULL || s->pending == NULL) {
        td_chans_decref(c);
        return td_chop_error(chop, "its channels can be changed only while its onCook runs");
    }
    td_chans_decref(s->pending);
    s->pending = c;
    return 0;
}

int
td_chop_begin_pending(TdOp *chop, td_chans *c)
{
    td_chop_state *s = chop->valid ? chop->ext : NULL;
    if (s == NULL || !s->cooking) {
        td_chans_decref(c);
        return td_chop_error(chop, "it is not cooking");
    }
    td_chans_decref(s->pending);
    s->pending = c;
    return 0;
}

td_chans *
td_chop_end_pending(TdOp *chop)
{
    td_chop_state *s = chop->valid ? chop->ext : NULL;
    if (s == NULL) {
        return NULL;
    }
    td_chans *c = s->pending;
    s->pending = NULL;
    return c;
}

const td_chans *
td_chop_last(TdOp *chop)
{
    td_chop_state *s = chop->valid && td_chop_class_of(chop) != NULL ? chop->ext : NULL;
    return s != NULL ? s->chans : NULL;
}

td_chans *
td_chop_resized(const td_chans *c, uint32_t nchans, uint32_t nsamples)
{
    if (nsamples > TD_CHOP_MAX_SAMPLES || nchans > TD_CHOP_MAX_CHANS ||
        (uint64_t)nchans * nsamples > TD_CHOP_MAX_TOTAL) {
        PyErr_Format(PyExc_ValueError,
                     "%u channels of %u samples are too many (at most %u channels, %u samples, %u in all)", nchans, nsamples, TD_CHOP_MAX_CHANS, TD_CHOP_MAX_SAMPLES, TD_CHOP_MAX_TOTAL);
        return NULL;
    }
    td_err err = {0};
    td_chans *r = td_chans_new(nchans, nsamples, &err);
    if (r == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    r->rate = c->rate;
    r->start = c->start;
    uint32_t nc = c->nchans < nchans ? c->nchans : nchans, ns = c->nsamples < nsamples ? c->nsamples : nsamples;
    for (uint32_t i = 0; i < nc; i++) {
        memcpy(r->names[i], c->names[i], TD_CHAN_NAME);
        memcpy(td_chans_samples(r, i), td_chans_samples(c, i), (size_t)ns * sizeof(float));
    }
    return r;
}

/* ---- members every CHOP has ---- */

/* The CHOP's channels for a member (cooked if needed); NULL with a Python error. */
static td_chans *
member_chans(TdOp *self)
{
    if (td_op_check(self) < 0) {
        return NULL;
    }
    Py_INCREF(self);
    td_chans *c = td_chop_chans_live(self);
    Py_DECREF(self);
    return c;
}

/* A Channel of self: live while self's onCook runs, else of the snapshot c. */
static PyObject *
channel_of(TdOp *self, td_chans *c, uint32_t i)
{
    return td_channel_new(self, td_chop_pending(self) == c ? NULL : c, i);
}

static PyObject *
chop_get(TdOp *self, void *which)
{
    td_chans *c = member_chans(self);
    if (c == NULL) {
        return NULL;
    }
    PyObject *r = NULL;
    switch ((intptr_t)which) {
    case 0:
        r = PyLong_FromUnsignedLong(c->nchans);
        break;
    case 1:
        r = PyLong_FromUnsignedLong(c->nsamples);
        break;
    case 2:
        r = PyFloat_FromDouble(c->rate);
        break;
    case 3:
        r = PyFloat_FromDouble(c->start);
        break;
    case 4:
        r = PyFloat_FromDouble(c->start + (double)c->nsamples - 1.0);
        break;
    default:
        r = Py_NewRef(Py_False);
    }
    td_chans_decref(c);
    return r;
}

/* numSamples, rate, start, end: settable while a scriptCHOP's onCook runs. */
static int
chop_set(TdOp *self, PyObject *value, void *which)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete a CHOP member");
        return -1;
    }
    if (td_op_check(self) < 0) {
        return -1;
    }
    double v;
    if ((intptr_t)which == 1) {
        long long n = PyLong_AsLongLong(value);
        if (n == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (n < 0 || n > TD_CHOP_MAX_SAMPLES) {
            PyErr_Format(PyExc_ValueError, "numSamples must be 0 to %u, not %lld", TD_CHOP_MAX_SAMPLES, n);
            return -1;
        }
        v = (double)n;
    }
    else {
        v = PyFloat_AsDouble(value);
        if (v == -1.0 && PyErr_Occurred()) {
            return -1;
        }
        if (!isfinite(v) || ((intptr_t)which == 2 && v <= 0.0)) {
            PyErr_Format(PyExc_ValueError, "%s must be a finite number%s",
                         (intptr_t)which == 2 ? "rate" : "start or end", (intptr_t)which == 2 ? " above 0" : "");
            return -1;
        }
    }
    td_chans *p = td_chop_pending(self); /* after the conversions, which may run Python */
    if (p == NULL) {
        return td_chop_error(self, "numSamples, rate, start and end can be set only in a scriptCHOP's onCook");
    }
    switch ((intptr_t)which) {
    case 1:
    case 4: {
        double n = (intptr_t)which == 1 ? v : v - p->start + 1.0;
        if (n < 0 || n > TD_CHOP_MAX_SAMPLES) {
            PyErr_SetString(PyExc_ValueError, "end must not be below start - 1 nor make too many samples");
            return -1;
        }
        td_chans *r = td_chop_resized(p, p->nchans, (uint32_t)n);
        return r != NULL ? td_chop_set_pending(self, r) : -1;
    }
    case 2:
        p->rate = v;
        return 0;
    default:
        p->start = v;
        return 0;
    }
}

/* Does name match the glob patterns pattern, case-folded unless case_sensitive? */
static int
name_matches(const char *pattern, const char *name, int case_sensitive)
{
    if (case_sensitive) {
        return td_glob_any(pattern, name);
    }
    char p[512], n[TD_CHAN_NAME];
    size_t lp = strlen(pattern), ln = strlen(name);
    if (lp >= sizeof(p) || ln >= sizeof(n)) {
        return 0;
    }
    for (size_t i = 0; i <= lp; i++) {
        p[i] = (char)tolower((unsigned char)pattern[i]);
    }
    for (size_t i = 0; i <= ln; i++) {
        n[i] = (char)tolower((unsigned char)name[i]);
    }
    return td_glob_any(p, n);
}

/* The channels of c selected by keys (str patterns or int indices), in channel order, no repeats,
 * as a list; first: only the first. */
static PyObject *
select_chans(TdOp *self, td_chans *c, PyObject *keys, int case_sensitive, int first)
{
    Py_ssize_t nk = PyTuple_GET_SIZE(keys);
    unsigned char *hit = PyMem_Calloc(c->nchans ? c->nchans : 1, 1);
    if (hit == NULL) {
        return PyErr_NoMemory();
    }
    for (Py_ssize_t k = 0; k < nk; k++) {
        PyObject *key = PyTuple_GET_ITEM(keys, k);
        if (PyLong_Check(key)) {
            long long i = PyLong_AsLongLong(key);
            if (i == -1 && PyErr_Occurred()) {
                PyErr_Clear();
                continue;
            }
            if (i >= 0 && (unsigned long long)i < c->nchans) {
                hit[i] = 1;
            }
        }
        else if (PyUnicode_Check(key)) {
            const char *pat = PyUnicode_AsUTF8(key);
            if (pat == NULL) {
                PyMem_Free(hit);
                return NULL;
            }
            for (uint32_t i = 0; i < c->nchans; i++) {
                hit[i] |= (unsigned char)name_matches(pat, c->names[i], case_sensitive);
            }
        }
        else {
            PyMem_Free(hit);
            PyErr_Format(PyExc_TypeError, "a channel is named by a str or an int index, not %.100s",
                         Py_TYPE(key)->tp_name);
            return NULL;
        }
    }
    PyObject *out = PyList_New(0);
    for (uint32_t i = 0; out != NULL && i < c->nchans; i++) {
        if (!hit[i] && nk > 0) {
            continue;
        }
        PyObject *ch = channel_of(self, c, i);
        if (ch == NULL || PyList_Append(out, ch) < 0) {
            Py_CLEAR(out);
        }
        Py_XDECREF(ch);
        if (first && out != NULL) {
            break;
        }
    }
    PyMem_Free(hit);
    return out;
}

static int
parse_case(PyObject *kwargs, int *case_sensitive)
{
    *case_sensitive = 1;
    if (kwargs == NULL) {
        return 0;
    }
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {
        if (!PyUnicode_Check(key) || PyUnicode_CompareWithASCIIString(key, "caseSensitive") != 0) {
            PyErr_Format(PyExc_TypeError, "unexpected keyword argument %R", key);
            return -1;
        }
        int t = PyObject_IsTrue(value);
        if (t < 0) {
            return -1;
        }
        *case_sensitive = t;
    }
    return 0;
}

static PyObject *
chop_chan_or_chans(TdOp *self, PyObject *args, PyObject *kwargs, int first)
{
    int cs;
    if (parse_case(kwargs, &cs) < 0) {
        return NULL;
    }
    if (first && PyTuple_GET_SIZE(args) == 0) {
        PyErr_SetString(PyExc_TypeError, "chan() needs a channel name, pattern or index");
        return NULL;
    }
    td_chans *c = member_chans(self);
    if (c == NULL) {
        return NULL;
    }
    PyObject *list = select_chans(self, c, args, cs, first);
    td_chans_decref(c);
    if (list == NULL || !first) {
        return list;
    }
    PyObject *r = PyList_GET_SIZE(list) > 0 ? Py_NewRef(PyList_GET_ITEM(list, 0)) : Py_NewRef(Py_None);
    Py_DECREF(list);
    return r;
}

static PyObject *
chop_chan(TdOp *self, PyObject *args, PyObject *kwargs)
{
    return chop_chan_or_chans(self, args, kwargs, 1);
}

static PyObject *
chop_chans(TdOp *self, PyObject *args, PyObject *kwargs)
{
    return chop_chan_or_chans(self, args, kwargs, 0);
}

static PyObject *
chop_numpy(TdOp *self, PyObject *unused)
{
    (void)unused;
    td_chans *c = member_chans(self);
    if (c == NULL) {
        return NULL;
    }
    npy_intp dims[2] = {(npy_intp)c->nchans, (npy_intp)c->nsamples};
    PyObject *a = PyArray_SimpleNew(2, dims, NPY_FLOAT32);
    if (a != NULL && c->nchans > 0 && c->nsamples > 0) {
        memcpy(PyArray_DATA((PyArrayObject *)a), c->data, (size_t)c->nchans * c->nsamples * sizeof(float));
    }
    td_chans_decref(c);
    return a;
}

static PyObject *
chop_subscript(TdOp *self, PyObject *key)
{
    if (!PyLong_Check(key) && !PyUnicode_Check(key)) {
        PyErr_Format(PyExc_TypeError, "a CHOP is indexed by a channel name or an int index, not %.100s",
                     Py_TYPE(key)->tp_name);
        return NULL;
    }
    td_chans *c = member_chans(self);
    if (c == NULL) {
        return NULL;
    }
    long long i = -1;
    if (PyLong_Check(key)) {
        i = PyLong_AsLongLong(key);
        if (i == -1 && PyErr_Occurred()) {
            PyErr_Clear();
        }
        if (i < 0 || (unsigned long long)i >= c->nchans) {
            i = -1;
        }
    }
    else {
        const char *name = PyUnicode_AsUTF8(key);
        if (name == NULL) {
            td_chans_decref(c);
            return NULL;
        }
        i = td_chans_find(c, name);
    }
    PyObject *r = i >= 0 ? channel_of(self, c, (uint32_t)i) : Py_NewRef(Py_None);
    td_chans_decref(c);
    return r;
}

static Py_ssize_t
chop_len(TdOp *self)
{
    td_chans *c = member_chans(self);
    if (c == NULL) {
        return -1;
    }
    Py_ssize_t n = (Py_ssize_t)c->nchans;
    td_chans_decref(c);
    return n;
}

static PyObject *
chop_iter(TdOp *self)
{
    PyObject *none = PyTuple_New(0);
    PyObject *list = none != NULL ? chop_chans(self, none, NULL) : NULL;
    Py_XDECREF(none);
    PyObject *it = list != NULL ? PyObject_GetIter(list) : NULL;
    Py_XDECREF(list);
    return it;
}

static int
chop_bool(TdOp *self)
{
    (void)self;
    return 1; /* an operator is true, whatever its number of channels */
}

static PyGetSetDef chop_getset[] = {
    {"numChans", (getter)chop_get, NULL, "The number of channels (int, read only). Cooks the CHOP if needed.",
     (void *)0},
    {"numSamples", (getter)chop_get, (setter)chop_set,
     "The number of samples per channel (int). Settable only in a scriptCHOP's onCook (samples\n"
     "kept up to the new length, new ones 0).", (void *)1},
    {"rate", (getter)chop_get, (setter)chop_set, "The sample rate, samples a second (float; 60 unless set).\n"
                                                   "Settable only in a scriptCHOP's onCook.", (void *)2},
    {"start", (getter)chop_get, (setter)chop_set, "The index of the first sample (float). Settable only in a\n"
                                                    "scriptCHOP's onCook.", (void *)3},
    {"end", (getter)chop_get, (setter)chop_set,
     "The index of the last sample: start + numSamples - 1 (float). Setting it (only in a\n"
     "scriptCHOP's onCook) sets numSamples.", (void *)4},
    {"isTimeSlice", (getter)chop_get, NULL, "False: no CHOP here cooks time slices (read only).", (void *)5},
    {NULL},
};

static PyMethodDef chop_methods[] = {
    {"chan", (PyCFunction)(void (*)(void))chop_chan, METH_VARARGS | METH_KEYWORDS,
     "chan($self, /, *nameOrIndex, caseSensitive=True)\n--\n\n"
     "The first Channel (in channel order) matching any of the names (glob patterns: * ? [..]) or\n"
     "int indices, or None."},
    {"chans", (PyCFunction)(void (*)(void))chop_chans, METH_VARARGS | METH_KEYWORDS,
     "chans($self, /, *nameOrIndex, caseSensitive=True)\n--\n\n"
     "The Channels matching any of the names (glob patterns) or int indices, in channel order, each\n"
     "once; with no arguments every channel."},
    {"numpyArray", (PyCFunction)chop_numpy, METH_NOARGS,
     "numpyArray($self, /)\n--\n\n"
     "A copy of the channels as a float32 NumPy array of shape (numChans, numSamples)."},
    {NULL},
};

static PyType_Slot chop_slots[] = {
    {Py_tp_doc, "CHOP: a channel operator, a set of named float channels of equal length (numSamples).\n\n"
                "A CHOP cooks when a member or a reader needs its channels and its parameter values or\n"
                "its inputs' channels changed. CHOPs wired to it (setInputs, Connectors) cook first, in\n"
                "order; a loop of inputs is an error. Bypassed, a CHOP passes its first input through.\n"
                "chop['tx'] / chop[0] give a Channel (None if there is none), len(chop) the number of\n"
                "channels, iteration its channels. Channels read the snapshot they came from: cooking\n"
                "again makes a new one. Not offered: time slicing (isTimeSlice is False), export,\n"
                "save(), convertToKeyframes()."},
    {Py_tp_getset, chop_getset},
    {Py_tp_methods, chop_methods},
    {Py_mp_subscript, chop_subscript},
    {Py_mp_length, chop_len},
    {Py_tp_iter, chop_iter},
    {Py_nb_bool, chop_bool},
    {0, NULL},
};

PyType_Spec td_CHOP_spec = {
    .name = "td_render.CHOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = chop_slots,
};
