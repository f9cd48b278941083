/* The bridges from plain C to Python. See bridge.h. */
#include "bind/bridge.h"

PyObject *
td_raise_err(td_state *st, const td_err *err)
{
    switch (err->kind) {
    case TD_ERR_VALUE:
        PyErr_SetString(PyExc_ValueError, err->msg);
        break;
    case TD_ERR_MEMORY:
        PyErr_SetString(PyExc_MemoryError, err->msg);
        break;
    case TD_ERR_OS: {
        PyObject *e = PyObject_CallFunction(PyExc_OSError, "is", err->os_errno, err->msg);
        if (e != NULL) {
            PyErr_SetObject((PyObject *)Py_TYPE(e), e);
            Py_DECREF(e);
        }
        break;
    }
    default:
        PyErr_SetString(st->tdError, err->msg[0] != '\0' ? err->msg : "GL failure");
        break;
    }
    return NULL;
}

td_gl_runtime *
td_runtime(td_state *st)
{
    td_gl_runtime *rt = td_gl_runtime_existing();
    if (rt != NULL) {
        return rt;
    }
    td_err err = {0};
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = td_gl_runtime_acquire(&rt, &err);
    Py_END_ALLOW_THREADS
    if (rc != 0) {
        td_raise_err(st, &err);
        return NULL;
    }
    return rt;
}

td_saver *
td_module_saver(td_state *st)
{
    if (st->saver == NULL) {
        td_err err = {0};
        if (td_saver_new(&st->saver, &err) != 0) {
            td_raise_err(st, &err);
            return NULL;
        }
    }
    return st->saver;
}
