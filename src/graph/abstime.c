/* Time: td_render.absTime and td_render.advance().
 *
 * There is no real-time clock: time starts at frame 0 when the module is imported and moves only
 * when a script calls advance(frames), at project.cookRate frames per second. Advancing bumps the
 * network serial, so expressions that read absTime are evaluated again at the next cook.
 *
 *   >>> td.absTime.frame, td.absTime.seconds
 *   (0.0, 0.0)
 *   >>> td.advance(30); td.absTime.frame, td.absTime.seconds, td.absTime.step
 *   (30.0, 0.5, 30.0)
 */
#include <math.h>
#include <string.h>

#include "graph/op_internal.h"
#include "bind/state.h"
#include "graph/network.h"

typedef struct {
    PyObject_HEAD
} TdAbsTime;

static int
time_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    return 0;
}

static void
time_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    PyObject_GC_Del(self);
    Py_DECREF(tp);
}

static PyObject *
time_get(PyObject *self, void *c)
{
    td_state *st = td_state_of(self);
    const char *w = c;
    double v = strcmp(w, "frame") == 0         ? st->frame
               : strcmp(w, "seconds") == 0     ? st->seconds
               : strcmp(w, "step") == 0        ? st->step
               : strcmp(w, "stepSeconds") == 0 ? st->step_seconds
                                               : st->cook_rate;
    return PyFloat_FromDouble(v);
}

static PyObject *
time_repr(PyObject *self)
{
    td_state *st = td_state_of(self);
    PyObject *f = PyFloat_FromDouble(st->frame), *s = PyFloat_FromDouble(st->seconds);
    PyObject *r = f != NULL && s != NULL ? PyUnicode_FromFormat("<absTime frame=%R seconds=%R>", f, s) : NULL;
    Py_XDECREF(f);
    Py_XDECREF(s);
    return r;
}

static PyGetSetDef time_getset[] = {
    {"frame", (getter)time_get, NULL, "Frames since td_render was imported (starts at 0; read-only).", "frame"},
    {"seconds", (getter)time_get, NULL,
     "Seconds since td_render was imported: each advance() adds frames / project.cookRate (read-only).", "seconds"},
    {"step", (getter)time_get, NULL, "Frames the last advance() moved (1 before any; read-only).", "step"},
    {"stepSeconds", (getter)time_get, NULL, "Seconds the last advance() moved (read-only).", "stepSeconds"},
    {"rate", (getter)time_get, NULL, "Frames per second: project.cookRate (read-only).", "rate"},
    {NULL},
};

static PyType_Slot time_slots[] = {
    {Py_tp_doc, "AbsTime: td_render.absTime, the absolute time every operator shares (OP.time is it too).\n\n"
                "Time starts at frame 0 and moves only with td_render.advance(frames)."},
    {Py_tp_traverse, time_traverse},
    {Py_tp_dealloc, time_dealloc},
    {Py_tp_repr, time_repr},
    {Py_tp_getset, time_getset},
    {0, NULL},
};

PyType_Spec td_AbsTime_spec = {
    .name = "td_render.AbsTime",
    .basicsize = sizeof(TdAbsTime),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = time_slots,
};

int
td_time_setup(PyObject *module, td_state *st)
{
    st->frame = 0.0;
    st->seconds = 0.0;
    st->step = 1.0;
    st->cook_rate = 60.0;
    st->step_seconds = 1.0 / st->cook_rate;
    st->frame_start = td_now_ms();
    st->pulses = PyList_New(0);
    if (st->pulses == NULL) {
        return -1;
    }
    TdAbsTime *t = PyObject_GC_New(TdAbsTime, st->AbsTime_type);
    if (t == NULL) {
        return -1;
    }
    PyObject_GC_Track(t);
    st->absTime = (PyObject *)t;
    return PyModule_AddObjectRef(module, "absTime", st->absTime);
}

/* Restores the parameters of Par.pulse() calls that are due. */
static int
finish_pulses(td_state *st)
{
    PyObject *due = PyList_New(0);
    if (due == NULL) {
        return -1;
    }
    for (Py_ssize_t i = PyList_GET_SIZE(st->pulses) - 1; i >= 0; i--) {
        PyObject *e = PyList_GET_ITEM(st->pulses, i);
        if (PyFloat_AsDouble(PyTuple_GET_ITEM(e, 4)) <= st->frame) {
            if (PyList_Insert(due, 0, e) < 0 || PySequence_DelItem(st->pulses, i) < 0) {
                Py_DECREF(due);
                return -1;
            }
        }
    }
    int rc = 0;
    for (Py_ssize_t i = 0; rc == 0 && i < PyList_GET_SIZE(due); i++) {
        PyObject *e = PyList_GET_ITEM(due, i);
        TdOp *op = (TdOp *)PyTuple_GET_ITEM(e, 0);
        if (!op->valid) {
            continue;
        }
        Py_ssize_t index = PyLong_AsSsize_t(PyTuple_GET_ITEM(e, 1));
        long mode = PyLong_AsLong(PyTuple_GET_ITEM(e, 3));
        rc = td_par_assign(op, index, PyTuple_GET_ITEM(e, 2));
        if (rc == 0 && mode != TD_MODE_CONSTANT) {
            rc = td_par_set_mode(op, index, (td_par_mode)mode);
        }
    }
    Py_DECREF(due);
    return rc;
}

PyObject *
td_mod_advance(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"frames", NULL};
    PyObject *arg = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:advance", kwlist, &arg)) {
        return NULL;
    }
    long frames = 1;
    if (arg != NULL) {
        if (!PyLong_Check(arg) || PyBool_Check(arg)) {
            PyErr_Format(PyExc_TypeError, "advance() takes a whole number of frames, not %.100s",
                         Py_TYPE(arg)->tp_name);
            return NULL;
        }
        frames = PyLong_AsLong(arg);
        if ((frames == -1 && PyErr_Occurred()) || frames < 1 || frames > 1000000000L) {
            PyErr_Clear(); /* an overflow is out of range too */
            PyErr_Format(PyExc_ValueError, "advance() moves 1 to 1e9 frames forward, not %R", arg);
            return NULL;
        }
    }
    td_state *st = PyModule_GetState(module);
    st->frame += (double)frames;
    st->step = (double)frames;
    st->step_seconds = (double)frames / st->cook_rate;
    st->seconds += st->step_seconds;
    st->frame_start = td_now_ms();
    st->serial++; /* expressions may read the time */
    if (finish_pulses(st) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}
