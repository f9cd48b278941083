/* The script operators' callbacks DAT. See script_callbacks.h. */
#include "ops/script_callbacks.h"

#include "bind/state.h"
#include "graph/path.h"
#include "ops/dat.h"

int
td_script_error(TdOp *op, const char *what)
{
    PyObject *path = td_op_path(op);
    if (path != NULL) {
        PyErr_Format(td_state_of((PyObject *)op)->tdError, "%U: %s", path, what);
        Py_DECREF(path);
    }
    return -1;
}

/* Calls globals[name](op) if the module defines it; 0, or -1 with the Python error. */
static int
call_one(TdOp *op, PyObject *globals, const char *name, const td_script_hooks *hooks)
{
    PyObject *fn = PyDict_GetItemString(globals, name); /* borrowed from globals, which we hold */
    if (fn == NULL || !PyCallable_Check(fn)) {
        return 0;
    }
    if (hooks != NULL && hooks->enter != NULL ? hooks->enter(op, hooks->arg) < 0 : td_op_check(op) < 0) {
        return -1;
    }
    Py_INCREF(fn); /* the callback may empty its own module's globals */
    PyObject *r = PyObject_CallOneArg(fn, (PyObject *)op);
    Py_DECREF(fn);
    if (hooks != NULL && hooks->leave != NULL) {
        hooks->leave(op, hooks->arg);
    }
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

int
td_script_run(TdOp *op, const char *path, const char *const *functions, int nfunctions, const td_script_hooks *hooks)
{
    TdOp *dat = td_path_resolve(op->parent != NULL ? op->parent : op, path);
    if (dat == NULL || !dat->valid || td_dat_class_of(dat) == NULL) {
        char msg[600];
        snprintf(msg, sizeof(msg), "callbacks '%.500s' %s", path, dat == NULL || !dat->valid ? "names no operator" : "is not a DAT");
        return td_script_error(op, msg);
    }
    Py_INCREF(dat);
    td_dat_data *d = td_dat_contents(dat);
    PyObject *text = d != NULL ? td_dat_text_object(dat, d) : NULL;
    PyObject *name = text != NULL ? td_op_path(dat) : NULL;
    Py_DECREF(dat);
    if (name == NULL) {
        Py_XDECREF(text);
        return -1;
    }
    int rc = -1;
    PyObject *globals = NULL, *code = NULL;
    PyObject *base = td_op_expr_globals(op);
    const char *src = PyUnicode_AsUTF8(text), *fname = PyUnicode_AsUTF8(name);
    if (base == NULL || src == NULL || fname == NULL || (globals = PyDict_Copy(base)) == NULL) {
        goto done;
    }
    code = Py_CompileString(src, fname, Py_file_input);
    if (code == NULL) {
        goto done;
    }
    PyObject *r = PyEval_EvalCode(code, globals, globals);
    if (r == NULL) {
        goto done;
    }
    Py_DECREF(r);
    rc = 0;
    for (int i = 0; rc == 0 && i < nfunctions; i++) {
        rc = call_one(op, globals, functions[i], hooks);
    }
done:
    Py_XDECREF(code);
    Py_XDECREF(globals);
    Py_DECREF(text);
    Py_DECREF(name);
    return rc;
}
