/* SaveStatus: the state of one save, as TOP.save() reports it through td_render.FileSaveStatus.
 *
 *   >>> s = r.save('f.exr', asynchronous=True)   # a FileSaveStatus (a str) holding a SaveStatus
 *   >>> s.isCompleted(); s.wait(); s.error
 *
 * A failed save whose status is dropped without anyone looking at its error is reported with a
 * RuntimeWarning, so failures are never swallowed. */
#include "bind/save_status.h"

#include "bind/state.h"
#include "bind/bridge.h"

typedef struct {
    PyObject_HEAD
    td_save_status *status;
    PyObject *path;
    int observed;
} TdSaveStatus;

PyObject *
td_save_status_object(td_state *st, td_save_status *status, PyObject *path)
{
    TdSaveStatus *s = PyObject_New(TdSaveStatus, st->SaveStatus_type);
    if (s == NULL) {
        td_save_status_decref(status);
        return NULL;
    }
    s->status = status;
    s->path = Py_NewRef(path);
    s->observed = 0;
    return (PyObject *)s;
}

static PyObject *
error_object(TdSaveStatus *s)
{
    td_err err = {0};
    if (!td_save_status_done(s->status) || td_save_status_result(s->status, &err) == 0) {
        Py_RETURN_NONE;
    }
    td_raise_err(td_state_of((PyObject *)s), &err);
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    Py_XDECREF(type);
    Py_XDECREF(tb);
    return value;
}

static void
ss_dealloc(TdSaveStatus *s)
{
    PyTypeObject *tp = Py_TYPE(s);
    if (td_save_status_abandon(s->status) && !s->observed && td_save_status_result(s->status, NULL) != 0 &&
        !td_save_status_inherited(s->status)) { /* a parent's save: the parent reports it */
        td_err err = {0};
        td_save_status_result(s->status, &err);
        /* A dealloc may run while an exception propagates: keep it. With warnings as errors the
         * warning is an exception nobody can catch here: written as unraisable, naming the path (s
         * itself has no references left; handing it to the hook would revive it and re-enter this
         * dealloc when the hook lets go of it). */
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        if (PyErr_WarnFormat(PyExc_RuntimeWarning, 1, "asynchronous save of %R failed: %s", s->path, err.msg) < 0) {
            PyErr_WriteUnraisable(s->path);
        }
        PyErr_Restore(type, value, tb);
    }
    td_save_status_decref(s->status);
    Py_XDECREF(s->path);
    PyObject_Free(s);
    Py_DECREF(tp);
}

static PyObject *
ss_done(TdSaveStatus *s, void *c)
{
    (void)c;
    return PyBool_FromLong(td_save_status_done(s->status));
}

static PyObject *
ss_wait(TdSaveStatus *s, PyObject *args)
{
    PyObject *timeout = Py_None;
    if (!PyArg_ParseTuple(args, "|O:wait", &timeout)) {
        return NULL;
    }
    double t = -1.0;
    if (timeout != Py_None) {
        t = PyFloat_AsDouble(timeout);
        if (t == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        if (!(t >= 0.0) || t > 1e9) {
            PyErr_SetString(PyExc_ValueError, "wait(): timeout must be None or a number of seconds >= 0");
            return NULL;
        }
    }
    int done;
    Py_BEGIN_ALLOW_THREADS
    done = td_save_status_wait(s->status, t);
    Py_END_ALLOW_THREADS
    return PyBool_FromLong(done);
}

static PyObject *
ss_exception(TdSaveStatus *s, PyObject *unused)
{
    (void)unused;
    if (td_save_status_done(s->status)) {
        s->observed = 1;
    }
    return error_object(s);
}

static PyGetSetDef ss_getset[] = {
    {"done", (getter)ss_done, NULL, "True once the file was written or the save failed.", NULL},
    {NULL},
};

static PyMethodDef ss_methods[] = {
    {"wait", (PyCFunction)ss_wait, METH_VARARGS,
     "wait($self, timeout=None, /)\n--\n\nWait (GIL released) until the save finished or timeout seconds\n"
     "passed; return whether it finished."},
    {"exception", (PyCFunction)ss_exception, METH_NOARGS,
     "exception($self, /)\n--\n\nThe exception the save failed with (OSError, ValueError, ...), or None\n"
     "if it succeeded or is still running."},
    {NULL},
};

static PyType_Slot ss_slots[] = {
    {Py_tp_doc, "SaveStatus: the state of one file save (see td_render.FileSaveStatus)."},
    {Py_tp_dealloc, ss_dealloc},
    {Py_tp_getset, ss_getset},
    {Py_tp_methods, ss_methods},
    {0, NULL},
};

PyType_Spec td_SaveStatus_spec = {
    .name = "td_render.SaveStatus",
    .basicsize = sizeof(TdSaveStatus),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = ss_slots,
};
