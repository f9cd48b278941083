/* Parameter expressions: Python evaluated when a parameter's value is needed.
 *
 *   >>> geo.par.tx.expr = "absTime.frame * 2"           # mode becomes ParMode.EXPRESSION
 *   >>> geo.par.ty.expr = "op('cam1').par.tx + 1"       # op() is relative to geo's network
 *   >>> geo.par.tx.eval(), geo.par.tx.val               # the result, and the constant kept aside
 *
 * Names in scope: me (the owner), op, opex, ops (relative to the owner's network), parent (the
 * owner's parent(n)), absTime, root, project, math, ParMode, tdError.
 *
 * There is no dependency graph: every change to the network bumps its serial, a TOP rebuilds its
 * scene snapshot when the serial changed, and the snapshot evaluates the expressions again. Time
 * (td.advance()), storage, parameters, flags and names all bump the serial.
 *
 * An evaluation that reads a parameter whose expression is being evaluated is a cycle: it fails
 * with a message naming the chain, as does a chain deeper than TD_EVAL_MAX_DEPTH.
 *
 * Within one outermost evaluation (or a cook's epoch, td_eval_epoch_begin) each parameter is
 * evaluated once: its value or failure is kept in the epoch's cache, keyed by (OP id, index), until
 * the network's serial moves (any change empties it). Results that met a cycle or the depth limit
 * depend on the evaluations around them and are not kept.
 *
 * A KeyboardInterrupt or SystemExit (any BaseException that is not an Exception) is not an
 * expression failure: it is left set, unchanged, for the caller to propagate, and the C readers
 * (td_op_values, values.c) evaluate nothing more while it is pending. */
#include <string.h>

#include "graph/op_internal.h"
#include "graph/par.h"
#include "graph/expr.h"
#include "bind/state.h"

/* ---- set-up ---- */

int
td_expr_setup(PyObject *module, td_state *st)
{
    PyObject *enum_mod = NULL, *members = NULL, *kw = NULL, *builtins = NULL, *math = NULL;
    int rc = -1;
    enum_mod = PyImport_ImportModule("enum");
    members = Py_BuildValue("[(si)(si)(si)(si)]", "CONSTANT", TD_MODE_CONSTANT, "EXPRESSION", TD_MODE_EXPRESSION,
                            "EXPORT", TD_MODE_EXPORT, "BIND", TD_MODE_BIND);
    kw = Py_BuildValue("{s:s}", "module", "td_render");
    if (enum_mod == NULL || members == NULL || kw == NULL) {
        goto done;
    }
    PyObject *Enum = PyObject_GetAttrString(enum_mod, "Enum");
    PyObject *args = Enum != NULL ? Py_BuildValue("(sO)", "ParMode", members) : NULL;
    st->ParMode = args != NULL ? PyObject_Call(Enum, args, kw) : NULL;
    Py_XDECREF(Enum);
    Py_XDECREF(args);
    PyObject *doc = PyUnicode_FromString(
        "ParMode: how a parameter gets its value (Par.mode).\n\n"
        "CONSTANT: Par.val. EXPRESSION: Par.expr evaluated as Python. EXPORT and BIND are\n"
        "reported for compatibility; parameters cannot be switched to them here.");
    int bad = st->ParMode == NULL || doc == NULL || PyObject_SetAttrString(st->ParMode, "__doc__", doc) < 0 ||
              PyModule_AddObjectRef(module, "ParMode", st->ParMode) < 0;
    Py_XDECREF(doc);
    if (bad) {
        goto done;
    }
    st->eval_key = PyUnicode_FromString("td_render._td.eval_frame");
    if (st->eval_key == NULL) {
        goto done;
    }
    builtins = PyImport_ImportModule("builtins");
    math = PyImport_ImportModule("math");
    st->expr_base = builtins != NULL && math != NULL
                        ? Py_BuildValue("{s:O,s:O,s:O,s:O,s:O,s:O,s:O}", "__builtins__", builtins, "math", math,
                                        "absTime", st->absTime, "root", st->root, "project", st->project, "ParMode",
                                        st->ParMode, "tdError", st->tdError)
                        : NULL;
    rc = st->expr_base != NULL ? 0 : -1;
done:
    Py_XDECREF(enum_mod);
    Py_XDECREF(members);
    Py_XDECREF(kw);
    Py_XDECREF(builtins);
    Py_XDECREF(math);
    return rc;
}

PyObject *
td_op_expr_globals(TdOp *op)
{
    if (op->expr_globals != NULL) {
        return op->expr_globals;
    }
    td_state *st = td_state_of((PyObject *)op);
    PyObject *g = PyDict_Copy(st->expr_base);
    if (g == NULL) {
        return NULL;
    }
    PyObject *net = (PyObject *)td_op_expr_net(op);
    static const char *const from_net[] = {"op", "opex", "ops"};
    for (int i = 0; i < 3; i++) {
        PyObject *m = PyObject_GetAttrString(net, from_net[i]);
        if (m == NULL || PyDict_SetItemString(g, from_net[i], m) < 0) {
            Py_XDECREF(m);
            Py_DECREF(g);
            return NULL;
        }
        Py_DECREF(m);
    }
    PyObject *parent = PyObject_GetAttrString((PyObject *)op, "parent");
    if (parent == NULL || PyDict_SetItemString(g, "parent", parent) < 0 ||
        PyDict_SetItemString(g, "me", (PyObject *)op) < 0) {
        Py_XDECREF(parent);
        Py_DECREF(g);
        return NULL;
    }
    Py_DECREF(parent);
    op->expr_globals = g;
    return g;
}

/* ---- this thread's evaluation stack ---- */

td_eval_frame *
td_eval_current(td_state *st)
{
    PyObject *d = PyThreadState_GetDict();
    /* PyDict_GetItem keeps an exception already set (an interruption on its way out) */
    PyObject *p = d != NULL ? PyDict_GetItem(d, st->eval_key) : NULL;
    return p != NULL ? PyLong_AsVoidPtr(p) : NULL;
}

/* Makes f this thread's innermost evaluation (NULL: none); -1 with an error if it cannot. */
static int
eval_set(td_state *st, td_eval_frame *f)
{
    PyObject *d = PyThreadState_GetDict();
    if (d == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "no thread state dict");
        return -1;
    }
    if (f == NULL) {
        if (PyDict_DelItem(d, st->eval_key) < 0) {
            if (!PyErr_ExceptionMatches(PyExc_KeyError)) {
                return -1;
            }
            PyErr_Clear();
        }
        return 0;
    }
    PyObject *p = PyLong_FromVoidPtr(f);
    int rc = p != NULL ? PyDict_SetItem(d, st->eval_key, p) : -1;
    Py_XDECREF(p);
    return rc;
}

int
td_par_evaluating(TdOp *op, Py_ssize_t index)
{
    for (td_eval_frame *f = td_eval_current(td_state_of((PyObject *)op)); f != NULL; f = f->prev) {
        if (f->owner == op && f->index == index) {
            return 1;
        }
    }
    return 0;
}

/* ---- evaluation ---- */

/* "Type: message" of the pending exception, which is cleared. */
static PyObject *
take_exception_text(void)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    PyObject *text = NULL;
    if (value != NULL) {
        PyObject *s = PyObject_Str(value);
        if (s != NULL) {
            text = PyUnicode_FromFormat("%s: %U", ((PyTypeObject *)type)->tp_name, s);
            Py_DECREF(s);
        }
    }
    if (text == NULL) {
        PyErr_Clear();
        text = PyUnicode_FromString(type != NULL ? ((PyTypeObject *)type)->tp_name : "unknown error");
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    return text;
}

static PyObject *
compile_source(TdOp *op, PyObject *src)
{
    PyObject *path = td_op_path(op);
    PyObject *filename = path != NULL ? PyUnicode_FromFormat("<expression of %U>", path) : NULL;
    Py_XDECREF(path);
    if (filename == NULL) {
        return NULL;
    }
    const char *text = PyUnicode_AsUTF8(src);
    const char *fname = PyUnicode_AsUTF8(filename);
    PyObject *code = text != NULL && fname != NULL ? Py_CompileString(text, fname, Py_eval_input) : NULL;
    Py_DECREF(filename);
    return code;
}

static PyObject *
run_code(TdOp *op, PyObject *code)
{
    PyObject *globals = td_op_expr_globals(op);
    PyObject *locals = globals != NULL ? PyDict_New() : NULL;
    PyObject *r = locals != NULL ? PyEval_EvalCode(code, globals, locals) : NULL;
    Py_XDECREF(locals);
    return r;
}

PyObject *
td_op_eval_source(TdOp *op, PyObject *src)
{
    PyObject *code = compile_source(op, src);
    if (code == NULL) {
        return NULL;
    }
    Py_INCREF(op);
    PyObject *r = run_code(op, code);
    Py_DECREF(op);
    Py_DECREF(code);
    return r;
}

/* "path.par.name" of a slot. */
static PyObject *
par_label(TdOp *op, Py_ssize_t index)
{
    PyObject *path = td_op_path(op);
    PyObject *r = path != NULL ? PyUnicode_FromFormat("%U.par.%s", path, op->cls->pars[index].name) : NULL;
    Py_XDECREF(path);
    return r;
}

/* The message of a cycle: the chain of parameters from the first read of (op, index) to now. */
static PyObject *
cycle_message(td_state *st, TdOp *op, Py_ssize_t index)
{
    PyObject *chain = PyList_New(0);
    if (chain == NULL) {
        return NULL;
    }
    for (td_eval_frame *f = td_eval_current(st); f != NULL; f = f->prev) {
        if (f->owner == NULL) {
            continue; /* an epoch, not a parameter */
        }
        PyObject *l = par_label(f->owner, f->index);
        if (l == NULL || PyList_Insert(chain, 0, l) < 0) {
            Py_XDECREF(l);
            Py_DECREF(chain);
            return NULL;
        }
        Py_DECREF(l);
        if (f->owner == op && f->index == index) {
            break;
        }
    }
    PyObject *l = par_label(op, index);
    if (l == NULL || PyList_Append(chain, l) < 0) {
        Py_XDECREF(l);
        Py_DECREF(chain);
        return NULL;
    }
    Py_DECREF(l);
    PyObject *sep = PyUnicode_FromString(" -> ");
    PyObject *joined = sep != NULL ? PyUnicode_Join(sep, chain) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(chain);
    PyObject *r = joined != NULL ? PyUnicode_FromFormat("recursive expression: %U", joined) : NULL;
    Py_XDECREF(joined);
    return r;
}

/* Records that the expression being evaluated read op. */
static void
note_read(td_state *st, TdOp *op)
{
    td_eval_frame *f = td_eval_current(st);
    if (f == NULL || f->owner == op || f->reads == NULL) {
        return;
    }
    PyObject *id = PyLong_FromUnsignedLongLong(op->id);
    if (id == NULL || PySet_Add(f->reads, id) < 0) {
        PyErr_Clear(); /* dependencies are a report; never fail an evaluation for them */
    }
    Py_XDECREF(id);
}

/* Marks every evaluation on this thread's stack as depending on it (a cycle or the depth limit was
 * met, or it was interrupted): none of their results is reused. */
static void
taint_stack(td_state *st)
{
    for (td_eval_frame *f = td_eval_current(st); f != NULL; f = f->prev) {
        f->nocache = 1;
    }
}

/* The epoch's cache as of the network's current serial (emptied if the network changed since it
 * was filled), or NULL (no epoch, or out of memory). Never raises. */
static PyObject *
epoch_cache(td_state *st, td_eval_frame *f)
{
    if (f == NULL || f->cache == NULL) {
        return NULL;
    }
    PyObject *serial = PyDict_GetItemWithError(f->cache, Py_None);
    if (serial == NULL || PyLong_AsUnsignedLongLong(serial) != (unsigned long long)st->serial) {
        PyErr_Clear();
        PyDict_Clear(f->cache);
        PyObject *v = PyLong_FromUnsignedLongLong((unsigned long long)st->serial);
        int rc = v != NULL ? PyDict_SetItem(f->cache, Py_None, v) : -1;
        Py_XDECREF(v);
        if (rc < 0) {
            PyErr_Clear();
            return NULL;
        }
    }
    return f->cache;
}

static PyObject *
cache_key(TdOp *op, Py_ssize_t index)
{
    return Py_BuildValue("(Kn)", (unsigned long long)op->id, index);
}

/* Reuses the epoch's outcome of (op, index) if it has one: 1 (0 or -1 in *rc), else 0. */
static int
cache_lookup(td_state *st, td_eval_frame *outer, TdOp *op, Py_ssize_t index, td_par_value *out, PyObject **message,
             int *rc)
{
    PyObject *cache = epoch_cache(st, outer);
    PyObject *key = cache != NULL ? cache_key(op, index) : NULL;
    PyObject *hit = key != NULL ? PyDict_GetItemWithError(cache, key) : NULL;
    Py_XDECREF(key);
    if (hit == NULL) {
        PyErr_Clear();
        return 0;
    }
    /* (num, str or None, failure message or None) */
    td_par_slot *slot = &op->pars[index];
    PyObject *str = PyTuple_GET_ITEM(hit, 1), *msg = PyTuple_GET_ITEM(hit, 2);
    if (msg != Py_None) {
        Py_XSETREF(slot->error, Py_NewRef(msg));
        *message = Py_NewRef(msg);
        *rc = -1;
        return 1;
    }
    Py_XSETREF(slot->evaluated, str != Py_None ? Py_NewRef(str) : NULL);
    Py_CLEAR(slot->error);
    out->num = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(hit, 0));
    out->str = slot->evaluated;
    *rc = 0;
    return 1;
}

/* Records the outcome of (op, index) in the epoch, if nothing changed since it started. */
static void
cache_store(td_state *st, td_eval_frame *frame, uint64_t serial, TdOp *op, Py_ssize_t index, double num,
            PyObject *str, PyObject *msg)
{
    if (frame->nocache || serial != st->serial) {
        return;
    }
    PyObject *cache = epoch_cache(st, frame);
    PyObject *key = cache != NULL ? cache_key(op, index) : NULL;
    PyObject *entry = key != NULL ? Py_BuildValue("(dOO)", num, str != NULL ? str : Py_None,
                                                  msg != NULL ? msg : Py_None)
                                  : NULL;
    if (entry == NULL || PyDict_SetItem(cache, key, entry) < 0) {
        PyErr_Clear(); /* a value not kept is evaluated again */
    }
    Py_XDECREF(key);
    Py_XDECREF(entry);
}

/* Is the pending exception a BaseException that is not an Exception (KeyboardInterrupt,
 * SystemExit, GeneratorExit)? Those are not expression failures: they propagate unchanged. */
static int
pending_is_base_exception(void)
{
    return PyErr_Occurred() != NULL && !PyErr_ExceptionMatches(PyExc_Exception);
}

/* Evaluates the expression of slot index; the caller holds a reference to op and no exception is
 * set. 0 and *out, or -1 and *message (the slot's error is set too when op survives), or -1 with
 * *message NULL and a BaseException set. */
static int
eval_expression(td_state *st, TdOp *op, Py_ssize_t index, td_par_value *out, PyObject **message)
{
    td_par_slot *slot = &op->pars[index];
    const td_par_def *d = &op->cls->pars[index];
    PyObject *msg = NULL;
    td_eval_frame *outer = td_eval_current(st);
    if (td_par_evaluating(op, index)) {
        taint_stack(st);
        msg = cycle_message(st, op, index);
        goto failed;
    }
    if (outer != NULL && outer->depth >= TD_EVAL_MAX_DEPTH) {
        taint_stack(st);
        msg = PyUnicode_FromFormat("expressions nested deeper than %d parameters (par %s)", TD_EVAL_MAX_DEPTH,
                                   d->name);
        goto failed;
    }
    int cached_rc;
    if (cache_lookup(st, outer, op, index, out, message, &cached_rc)) {
        return cached_rc;
    }
    if (slot->code == NULL) {
        slot->code = compile_source(op, slot->expr != NULL ? slot->expr : Py_None);
        if (slot->code == NULL) {
            goto python_failed;
        }
    }
    PyObject *code = Py_NewRef(slot->code);
    td_eval_frame frame = {.owner = op, .index = index, .reads = PySet_New(NULL), .prev = outer,
                           .depth = outer != NULL ? outer->depth + 1 : 1};
    if (outer != NULL && outer->cache != NULL) {
        frame.cache = outer->cache;
    }
    else {
        frame.cache = PyDict_New(); /* the outermost evaluation opens an epoch */
        frame.owns_cache = frame.cache != NULL;
    }
    if (frame.reads == NULL || frame.cache == NULL) {
        PyErr_Clear();
    }
    uint64_t serial = st->serial;
    if (eval_set(st, &frame) < 0) {
        Py_DECREF(code);
        Py_XDECREF(frame.reads);
        if (frame.owns_cache) {
            Py_DECREF(frame.cache);
        }
        goto python_failed;
    }
    PyObject *result = run_code(op, code);
    Py_DECREF(code);
    /* Convert while still marked as evaluating: a Par result is evaluated here, and a cycle
     * through it must be caught like any other. */
    td_par_value v = {0};
    int rc = -1;
    if (result != NULL && op->valid && op->pars != NULL) {
        rc = td_par_convert(op, index, result, &v);
    }
    Py_XDECREF(result);
    int interrupted = rc < 0 && pending_is_base_exception();
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (eval_set(st, frame.prev) < 0) {
        /* cannot happen with a thread state dict that took the frame; never leave it dangling */
        PyErr_WriteUnraisable(NULL);
    }
    PyErr_Restore(type, value, tb);
    if (frame.owns_cache) {
        Py_DECREF(frame.cache);
    }
    if (interrupted) {
        taint_stack(st);
        Py_XDECREF(v.str);
        Py_XDECREF(frame.reads);
        *message = NULL;
        return -1; /* the BaseException stays set */
    }
    if (!op->valid || op->pars == NULL) {
        /* the expression destroyed its own operator */
        Py_XDECREF(v.str);
        Py_XDECREF(frame.reads);
        PyErr_Clear();
        *message = PyUnicode_FromFormat("par %s: its operator was destroyed by its own expression", d->name);
        return -1;
    }
    if (frame.nocache && outer != NULL) {
        outer->nocache = 1;
    }
    slot = &op->pars[index];
    Py_XSETREF(slot->reads, frame.reads);
    if (rc < 0) {
        PyObject *text = take_exception_text();
        msg = text != NULL ? PyUnicode_FromFormat("par %s: expression %R failed: %U", d->name,
                                                  slot->expr != NULL ? slot->expr : Py_None, text)
                           : NULL;
        Py_XDECREF(text);
        if (msg != NULL && outer != NULL) {
            cache_store(st, &frame, serial, op, index, 0.0, NULL, msg);
        }
        goto failed;
    }
    Py_XSETREF(slot->evaluated, v.str); /* owns the string the caller reads */
    out->num = v.num;
    out->str = slot->evaluated;
    Py_CLEAR(slot->error);
    if (outer != NULL) {
        cache_store(st, &frame, serial, op, index, v.num, v.str, NULL);
    }
    return 0;
python_failed:
    if (pending_is_base_exception()) {
        taint_stack(st);
        *message = NULL;
        return -1;
    }
    {
        PyObject *text = take_exception_text();
        msg = text != NULL ? PyUnicode_FromFormat("par %s: expression %R failed: %U", d->name,
                                                  slot->expr != NULL ? slot->expr : Py_None, text)
                           : NULL;
        Py_XDECREF(text);
    }
failed:
    if (msg == NULL) {
        PyErr_Clear();
        msg = PyUnicode_FromFormat("par %s: expression failed", d->name);
    }
    if (msg != NULL && op->pars != NULL) {
        Py_XSETREF(op->pars[index].error, Py_NewRef(msg));
    }
    *message = msg;
    return -1;
}

/* ---- evaluation epochs for cooks ---- */

int
td_eval_epoch_begin(td_state *st, td_eval_frame *frame)
{
    td_eval_frame *outer = td_eval_current(st);
    *frame = (td_eval_frame){.owner = NULL, .index = -1, .prev = outer, .depth = outer != NULL ? outer->depth : 0};
    if (outer != NULL && outer->cache != NULL) {
        frame->cache = outer->cache;
    }
    else {
        frame->cache = PyDict_New();
        if (frame->cache == NULL) {
            return -1;
        }
        frame->owns_cache = 1;
    }
    if (eval_set(st, frame) < 0) {
        if (frame->owns_cache) {
            Py_CLEAR(frame->cache);
        }
        return -1;
    }
    return 0;
}

void
td_eval_epoch_end(td_state *st, td_eval_frame *frame)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (eval_set(st, frame->prev) < 0) {
        PyErr_WriteUnraisable(NULL);
    }
    PyErr_Restore(type, value, tb);
    if (frame->nocache && frame->prev != NULL) {
        frame->prev->nocache = 1;
    }
    if (frame->owns_cache) {
        Py_CLEAR(frame->cache);
    }
}

int
td_par_eval(TdOp *op, Py_ssize_t index, td_par_value *out, PyObject **message)
{
    *message = NULL;
    if (op->pars == NULL) {
        out->num = 0.0;
        out->str = NULL;
        *message = PyUnicode_FromString("the operator was destroyed");
        return -1;
    }
    td_state *st = td_state_of((PyObject *)op);
    note_read(st, op);
    td_par_slot *slot = &op->pars[index];
    if (slot->mode != TD_MODE_EXPRESSION || pending_is_base_exception()) {
        /* (interrupted by an earlier read from C: return promptly, running nothing more) */
        *out = slot->val;
        return 0;
    }
    /* Evaluation runs Python: keep any exception the caller has pending out of its way. */
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    Py_INCREF(op);
    int rc = eval_expression(st, op, index, out, message);
    if (rc < 0 && op->pars != NULL) {
        *out = op->pars[index].val; /* the constant stands in */
    }
    else if (rc < 0) {
        out->num = 0.0;
        out->str = NULL;
    }
    Py_DECREF(op); /* the slot's own reference keeps out->str alive while op does */
    if (rc < 0 && *message == NULL && PyErr_Occurred()) {
        /* interrupted (KeyboardInterrupt, SystemExit): it stays set, unless the caller already had
         * an exception pending, which came first */
        if (type != NULL) {
            PyErr_Clear();
            PyErr_Restore(type, value, tb);
        }
        return -1;
    }
    PyErr_Restore(type, value, tb);
    return rc;
}

/* ---- Python access ---- */

PyObject *
td_par_value_object(TdOp *op, Py_ssize_t index)
{
    if (td_op_check(op) < 0) {
        return NULL;
    }
    td_par_value v;
    PyObject *msg = NULL;
    if (td_par_eval(op, index, &v, &msg) < 0) {
        if (msg == NULL) {
            return NULL; /* interrupted: the BaseException propagates */
        }
        PyObject *path = td_op_path(op);
        if (path != NULL && msg != NULL) {
            PyErr_Format(td_state_of((PyObject *)op)->tdError, "%U: %U", path, msg);
        }
        Py_XDECREF(path);
        Py_XDECREF(msg);
        return NULL;
    }
    Py_INCREF(op);
    Py_XINCREF(v.str); /* keep it while converting, even if the slot changes */
    PyObject *r = td_par_value_to_object(op, index, &v);
    Py_XDECREF(v.str);
    Py_DECREF(op);
    return r;
}

int
td_par_set_expr(TdOp *op, Py_ssize_t index, PyObject *expr)
{
    if (td_op_check(op) < 0) {
        return -1;
    }
    if (!PyUnicode_Check(expr)) {
        PyErr_Format(PyExc_TypeError, "an expression is a str, not %.100s", Py_TYPE(expr)->tp_name);
        return -1;
    }
    if (PyUnicode_AsUTF8(expr) == NULL) {
        return -1;
    }
    td_par_slot *slot = &op->pars[index];
    if (td_par_evaluating(op, index)) {
        PyErr_SetString(td_state_of((PyObject *)op)->tdError, "an expression cannot replace itself while evaluating");
        return -1;
    }
    Py_XSETREF(slot->expr, Py_NewRef(expr));
    td_par_slot_forget(slot);
    slot->mode = TD_MODE_EXPRESSION;
    td_op_touch(op);
    return 0;
}

int
td_par_set_mode(TdOp *op, Py_ssize_t index, td_par_mode mode)
{
    if (td_op_check(op) < 0) {
        return -1;
    }
    td_par_slot *slot = &op->pars[index];
    if (mode == TD_MODE_EXPORT || mode == TD_MODE_BIND) {
        PyErr_Format(td_state_of((PyObject *)op)->tdError,
                     "par %s: ParMode.%s needs an export or bind source, which td_render does not have",
                     op->cls->pars[index].name, mode == TD_MODE_EXPORT ? "EXPORT" : "BIND");
        return -1;
    }
    if (td_par_evaluating(op, index)) {
        PyErr_SetString(td_state_of((PyObject *)op)->tdError, "an expression cannot change its mode while evaluating");
        return -1;
    }
    if (mode == TD_MODE_EXPRESSION && (slot->expr == NULL || PyUnicode_GET_LENGTH(slot->expr) == 0)) {
        /* As in TouchDesigner, an empty expression starts as the constant. */
        PyObject *c = td_par_constant_object(op, index);
        PyObject *r = c != NULL ? PyObject_Repr(c) : NULL;
        Py_XDECREF(c);
        if (r == NULL) {
            return -1;
        }
        Py_XSETREF(slot->expr, r);
    }
    td_par_slot_forget(slot);
    slot->mode = (unsigned char)mode;
    td_op_touch(op);
    return 0;
}
