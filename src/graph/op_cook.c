/* OP: cooking, cook statistics and errors.
 *
 * A cook of an operator without a cook hook (every non-TOP) evaluates its parameters: that is when
 * its expressions run, so its statistics measure that work. TOPs cook through their class's cook
 * hook; the C API in op.h (td_op_cook_begin/end, td_op_record_*) lets any cook record itself.
 *
 *   >>> geo.par.tx.expr = 'absTime.frame'; geo.cook(); geo.totalCooks, geo.cookAbsFrame
 *   >>> geo.cook(); geo.totalCooks        # nothing changed: no cook
 *   >>> geo.addError('x')                 # tdError: only while cooking
 */
#include <fnmatch.h>
#include <string.h>
#include <time.h>

#include "graph/op_internal.h"
#include "graph/expr.h"
#include "bind/state.h"

double
td_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- C API ---- */

void
td_op_cook_begin(TdOp *op)
{
    op->cooking++;
    if (op->cooking == 1) {
        Py_CLEAR(op->errors);
        Py_CLEAR(op->warnings);
        op->stats.begin_clock = td_now_ms();
    }
}

void
td_op_cook_failed(TdOp *op)
{
    if (PyErr_Occurred() == NULL || !PyErr_ExceptionMatches(PyExc_Exception)) {
        return; /* an interruption (KeyboardInterrupt, SystemExit) is no failure of the operator */
    }
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    PyObject *text = value != NULL ? PyObject_Str(value) : NULL;
    if (text != NULL && (op->errors != NULL || (op->errors = PyList_New(0)) != NULL)) {
        if (PyList_Append(op->errors, text) < 0) {
            PyErr_Clear();
        }
    }
    else {
        PyErr_Clear(); /* out of memory: the exception still reaches the caller */
    }
    Py_XDECREF(text);
    PyErr_Restore(type, value, tb);
}

int
td_op_warn(TdOp *op, const char *message)
{
    PyObject *msg = PyUnicode_FromString(message);
    if (msg == NULL) {
        return -1;
    }
    int rc = (op->warnings != NULL || (op->warnings = PyList_New(0)) != NULL) ? PyList_Append(op->warnings, msg) : -1;
    Py_DECREF(msg);
    return rc;
}

static void
stamp(TdOp *op, double cpu_ms, double end_clock)
{
    td_state *st = td_state_of((PyObject *)op);
    td_cook_stats *s = &op->stats;
    if (s->abs_frame != st->frame) {
        s->prev_abs_frame = s->abs_frame;
    }
    s->abs_frame = st->frame;
    s->total++;
    s->cpu_ms = cpu_ms;
    s->end_ms = end_clock - st->frame_start;
    s->start_ms = s->end_ms - cpu_ms;
}

void
td_op_cook_end(TdOp *op, int counted)
{
    if (op->cooking > 0) {
        op->cooking--;
    }
    if (counted && op->cooking == 0) {
        double now = td_now_ms();
        stamp(op, now - op->stats.begin_clock, now);
    }
}

void
td_op_record_cook(TdOp *op, double cpu_ms, double gpu_ms, size_t gpu_bytes)
{
    stamp(op, cpu_ms >= 0.0 ? cpu_ms : op->stats.cpu_ms, td_now_ms());
    if (gpu_ms >= 0.0) {
        op->stats.gpu_ms = gpu_ms;
    }
    op->stats.gpu_bytes = gpu_bytes;
}

void
td_op_record_gpu(TdOp *op, double gpu_ms, size_t gpu_bytes)
{
    if (gpu_ms >= 0.0) {
        op->stats.gpu_ms = gpu_ms;
    }
    op->stats.gpu_bytes = gpu_bytes;
}

void
td_op_record_memory(TdOp *op, size_t cpu_bytes)
{
    op->stats.cpu_bytes = cpu_bytes;
}

/* obj.__sizeof__(), 0 if it cannot be had (sizes are approximate). */
static size_t
size_of(PyObject *obj)
{
    PyObject *r = PyObject_CallMethod(obj, "__sizeof__", NULL);
    Py_ssize_t n = r != NULL ? PyLong_AsSsize_t(r) : -1;
    Py_XDECREF(r);
    if (n < 0) {
        PyErr_Clear();
        return 0;
    }
    return (size_t)n;
}

size_t
td_op_cpu_memory(TdOp *op)
{
    size_t n = (size_t)Py_TYPE(op)->tp_basicsize + op->cls->npars * sizeof(td_par_slot) + op->stats.cpu_bytes;
    PyObject *objs[] = {op->storage, op->startup, op->tags, op->vars, op->comment};
    for (size_t i = 0; i < sizeof(objs) / sizeof(objs[0]); i++) {
        if (objs[i] != NULL) {
            n += size_of(objs[i]);
        }
    }
    for (size_t i = 0; op->pars != NULL && i < op->cls->npars; i++) {
        if (op->pars[i].val.str != NULL) {
            n += size_of(op->pars[i].val.str);
        }
        if (op->pars[i].expr != NULL) {
            n += size_of(op->pars[i].expr);
        }
    }
    return n;
}

/* ---- members ---- */

typedef struct {
    double cpu, gpu;
    double frame;        /* the latest cook frame seen */
    size_t cpu_bytes, gpu_bytes;
} td_children_sum;

static int
sum_children(TdOp *op, td_children_sum *sum, int memory)
{
    PyObject *all = td_op_subtree(op); /* iterative: any depth */
    if (all == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 1; i < PyList_GET_SIZE(all); i++) {
        TdOp *c = (TdOp *)PyList_GET_ITEM(all, i);
        if (memory) {
            sum->cpu_bytes += td_op_cpu_memory(c);
            sum->gpu_bytes += c->stats.gpu_bytes;
        }
        else if (c->stats.abs_frame > sum->frame) {
            sum->frame = c->stats.abs_frame;
            sum->cpu = c->stats.cpu_ms;
            sum->gpu = c->stats.gpu_ms;
        }
        else if (c->stats.abs_frame == sum->frame && c->stats.abs_frame >= 0.0) {
            sum->cpu += c->stats.cpu_ms;
            sum->gpu += c->stats.gpu_ms;
        }
    }
    Py_DECREF(all);
    return 0;
}

PyObject *
td_op_get_cook_stat(TdOp *op, void *c)
{
    TD_CHECK(op, NULL);
    const char *w = c;
    td_state *st = td_state_of((PyObject *)op);
    const td_cook_stats *s = &op->stats;
    if (strcmp(w, "totalCooks") == 0) {
        return PyLong_FromUnsignedLongLong(s->total);
    }
    if (strcmp(w, "cookFrame") == 0 || strcmp(w, "cookAbsFrame") == 0) {
        return PyFloat_FromDouble(s->abs_frame < 0.0 ? 0.0 : s->abs_frame);
    }
    if (strcmp(w, "cpuCookTime") == 0 || strcmp(w, "cookTime") == 0) {
        return PyFloat_FromDouble(s->cpu_ms);
    }
    if (strcmp(w, "gpuCookTime") == 0) {
        return PyFloat_FromDouble(s->gpu_ms);
    }
    if (strcmp(w, "cookStartTime") == 0) {
        return PyFloat_FromDouble(s->start_ms);
    }
    if (strcmp(w, "cookEndTime") == 0) {
        return PyFloat_FromDouble(s->end_ms);
    }
    if (strcmp(w, "cookedThisFrame") == 0) {
        return PyBool_FromLong(s->abs_frame >= 0.0 && s->abs_frame == st->frame);
    }
    if (strcmp(w, "cookedPreviousFrame") == 0) {
        double prev = st->frame - st->step; /* the frame before this one */
        return PyBool_FromLong((s->abs_frame >= 0.0 && s->abs_frame == prev) ||
                               (s->abs_frame == st->frame && s->prev_abs_frame >= 0.0 && s->prev_abs_frame == prev));
    }
    if (strcmp(w, "cpuMemory") == 0) {
        return PyLong_FromSize_t(td_op_cpu_memory(op));
    }
    if (strcmp(w, "gpuMemory") == 0) {
        return PyLong_FromSize_t(s->gpu_bytes);
    }
    td_children_sum sum = {.frame = -1.0};
    if (sum_children(op, &sum, 0) < 0) {
        return NULL;
    }
    if (strcmp(w, "childrenCPUCookTime") == 0 || strcmp(w, "childrenCookTime") == 0) {
        return PyFloat_FromDouble(sum.cpu);
    }
    if (strcmp(w, "childrenGPUCookTime") == 0) {
        return PyFloat_FromDouble(sum.gpu);
    }
    return PyFloat_FromDouble(sum.frame); /* children*CookAbsFrame */
}

PyObject *
td_op_children_memory(TdOp *op, PyObject *unused)
{
    (void)unused;
    TD_CHECK(op, NULL);
    td_children_sum sum = {0};
    if (sum_children(op, &sum, 1) < 0) {
        return NULL;
    }
    return PyLong_FromSize_t(sum.cpu_bytes);
}

PyObject *
td_op_children_gpu_memory(TdOp *op, PyObject *unused)
{
    (void)unused;
    TD_CHECK(op, NULL);
    td_children_sum sum = {0};
    if (sum_children(op, &sum, 1) < 0) {
        return NULL;
    }
    return PyLong_FromSize_t(sum.gpu_bytes);
}

/* ---- cook() ---- */

/* The generic cook: evaluate every parameter if the network changed since the last cook. */
static int
generic_cook(TdOp *op, int force)
{
    td_state *st = td_state_of((PyObject *)op);
    if (!force && op->stats.total > 0 && op->cooked_serial == st->serial) {
        return 0;
    }
    PyObject *first = NULL;
    td_eval_frame epoch;
    if (td_eval_epoch_begin(st, &epoch) < 0) {
        return -1;
    }
    Py_INCREF(op);
    td_op_cook_begin(op);
    int interrupted = 0;
    for (size_t i = 0; !interrupted && op->valid && op->pars != NULL && i < op->cls->npars; i++) {
        td_par_value v;
        PyObject *msg = NULL;
        if (td_par_eval(op, (Py_ssize_t)i, &v, &msg) < 0 && msg == NULL) {
            interrupted = 1; /* a KeyboardInterrupt or SystemExit, set: it propagates */
        }
        else if (msg != NULL && first == NULL) {
            first = msg;
        }
        else {
            Py_XDECREF(msg);
        }
    }
    td_eval_epoch_end(st, &epoch);
    td_op_cook_end(op, !interrupted);
    if (!interrupted) {
        op->cooked_serial = st->serial;
    }
    int rc = 0;
    if (interrupted) {
        Py_XDECREF(first);
        rc = -1;
    }
    else if (first != NULL) {
        PyObject *path = td_op_path(op);
        if (path != NULL) {
            PyErr_Format(st->tdError, "%U: cook failed: %U", path, first);
            Py_DECREF(path);
        }
        Py_DECREF(first);
        rc = -1;
    }
    else if (!op->valid) {
        rc = td_op_check(op);
    }
    Py_DECREF(op);
    return rc;
}

/* Cooks op and (recurse) what is inside it, depth first without recursion; the children of each
 * operator are taken after it cooked (its cook may edit them). Every operator is cooked even if one
 * fails, and the first failure is the one raised; a KeyboardInterrupt or SystemExit stops at once. */
static int
cook_tree(TdOp *op, int force, int recurse)
{
    PyObject *todo = PyList_New(0); /* the next one last */
    if (todo == NULL || PyList_Append(todo, (PyObject *)op) < 0) {
        Py_XDECREF(todo);
        return -1;
    }
    PyObject *type = NULL, *value = NULL, *tb = NULL;
    int failed = 0, stop = 0;
    while (!stop && PyList_GET_SIZE(todo) > 0) {
        Py_ssize_t last = PyList_GET_SIZE(todo) - 1;
        TdOp *o = (TdOp *)Py_NewRef(PyList_GET_ITEM(todo, last));
        if (PyList_SetSlice(todo, last, last + 1, NULL) < 0) {
            Py_DECREF(o);
            stop = 1;
            break;
        }
        if (o->valid) {
            int rc = o->cls->cook != NULL ? o->cls->cook(o, force) : generic_cook(o, force);
            if (rc < 0) {
                if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_Exception)) {
                    stop = 1; /* interrupted: it replaces any earlier failure */
                    Py_CLEAR(type);
                    Py_CLEAR(value);
                    Py_CLEAR(tb);
                    failed = 0;
                }
                else if (!failed) {
                    PyErr_Fetch(&type, &value, &tb);
                    failed = 1;
                }
                else {
                    PyErr_Clear();
                }
            }
            if (!stop && recurse && o->valid && o->children != NULL && td_op_flag(o, TD_FLAG_ALLOW_COOKING)) {
                for (Py_ssize_t i = PyList_GET_SIZE(o->children) - 1; !stop && i >= 0; i--) {
                    stop = PyList_Append(todo, PyList_GET_ITEM(o->children, i)) < 0;
                }
            }
        }
        Py_DECREF(o);
    }
    Py_DECREF(todo);
    if (failed) {
        PyErr_Clear();
        PyErr_Restore(type, value, tb);
        return -1;
    }
    return stop ? -1 : 0;
}

PyObject *
td_op_cook_method(TdOp *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"force", "recurse", "includeUtility", NULL};
    int force = 0, recurse = 0, utility = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ppp:cook", kwlist, &force, &recurse, &utility)) {
        return NULL;
    }
    TD_CHECK(op, NULL);
    if (op->parent != NULL) {
        /* Inside a COMP that may not cook, nothing cooks. */
        for (TdOp *p = op->parent; p != NULL; p = p->parent) {
            if (!td_op_flag(p, TD_FLAG_ALLOW_COOKING)) {
                Py_RETURN_NONE;
            }
        }
    }
    if (cook_tree(op, force, recurse) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- errors ---- */

static PyObject *
add_message(TdOp *op, PyObject *msg, PyObject **list, int cook_only, const char *fname)
{
    TD_CHECK(op, NULL);
    if (!PyUnicode_Check(msg)) {
        PyErr_Format(PyExc_TypeError, "%s() takes a str, not %.100s", fname, Py_TYPE(msg)->tp_name);
        return NULL;
    }
    if (cook_only && op->cooking == 0) {
        PyObject *path = td_op_path(op);
        if (path != NULL) {
            PyErr_Format(td_state_of((PyObject *)op)->tdError,
                         "%s() is only valid while %U is cooking (e.g. from one of its expressions)", fname, path);
            Py_DECREF(path);
        }
        return NULL;
    }
    if (*list == NULL && (*list = PyList_New(0)) == NULL) {
        return NULL;
    }
    if (PyList_Append(*list, msg) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

PyObject *
td_op_add_error(TdOp *op, PyObject *arg)
{
    return add_message(op, arg, &op->errors, 1, "addError");
}

PyObject *
td_op_add_warning(TdOp *op, PyObject *arg)
{
    return add_message(op, arg, &op->warnings, 1, "addWarning");
}

PyObject *
td_op_add_script_error(TdOp *op, PyObject *arg)
{
    PyObject *r = add_message(op, arg, &op->script_errors, 0, "addScriptError");
    if (r != NULL) {
        td_op_touch(op); /* expressions may read scriptErrors() */
    }
    return r;
}

typedef enum { TD_MSG_ERRORS, TD_MSG_WARNINGS, TD_MSG_SCRIPT } td_msg_kind;

static int
append_lines(TdOp *op, PyObject *list, PyObject *lines)
{
    if (list == NULL) {
        return 0;
    }
    PyObject *path = td_op_path(op);
    if (path == NULL) {
        return -1;
    }
    int rc = 0;
    for (Py_ssize_t i = 0; rc == 0 && i < PyList_GET_SIZE(list); i++) {
        PyObject *line = PyUnicode_FromFormat("%U (%U)", PyList_GET_ITEM(list, i), path);
        rc = line != NULL ? PyList_Append(lines, line) : -1;
        Py_XDECREF(line);
    }
    Py_DECREF(path);
    return rc;
}

static int
gather_one(TdOp *op, td_msg_kind kind, PyObject *lines)
{
    if (kind == TD_MSG_ERRORS) {
        if (append_lines(op, op->errors, lines) < 0) {
            return -1;
        }
        for (size_t i = 0; op->pars != NULL && i < op->cls->npars; i++) {
            td_par_slot *slot = &op->pars[i];
            if (slot->error == NULL || slot->mode != TD_MODE_EXPRESSION) {
                continue;
            }
            PyObject *one = Py_BuildValue("[O]", slot->error);
            int rc = one != NULL ? append_lines(op, one, lines) : -1;
            Py_XDECREF(one);
            if (rc < 0) {
                return -1;
            }
        }
    }
    else if (append_lines(op, kind == TD_MSG_WARNINGS ? op->warnings : op->script_errors, lines) < 0) {
        return -1;
    }
    return 0;
}

/* op's messages, and with recurse those of everything inside it (iterative: any depth). */
static int
gather(TdOp *op, td_msg_kind kind, int recurse, PyObject *lines)
{
    if (!recurse) {
        return gather_one(op, kind, lines);
    }
    PyObject *all = td_op_subtree(op);
    int rc = all != NULL ? 0 : -1;
    for (Py_ssize_t i = 0; rc == 0 && i < PyList_GET_SIZE(all); i++) {
        TdOp *o = (TdOp *)PyList_GET_ITEM(all, i);
        rc = o->valid ? gather_one(o, kind, lines) : 0;
    }
    Py_XDECREF(all);
    return rc;
}

static PyObject *
messages(TdOp *op, PyObject *args, PyObject *kwds, td_msg_kind kind, const char *fmt)
{
    static char *kwlist[] = {"recurse", NULL};
    int recurse = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, &recurse)) {
        return NULL;
    }
    TD_CHECK(op, NULL);
    PyObject *lines = PyList_New(0);
    if (lines == NULL || gather(op, kind, recurse, lines) < 0) {
        Py_XDECREF(lines);
        return NULL;
    }
    PyObject *sep = PyUnicode_FromString("\n");
    PyObject *r = sep != NULL ? PyUnicode_Join(sep, lines) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(lines);
    return r;
}

PyObject *
td_op_errors(TdOp *op, PyObject *args, PyObject *kwds)
{
    return messages(op, args, kwds, TD_MSG_ERRORS, "|p:errors");
}

PyObject *
td_op_warnings(TdOp *op, PyObject *args, PyObject *kwds)
{
    return messages(op, args, kwds, TD_MSG_WARNINGS, "|p:warnings");
}

PyObject *
td_op_script_errors(TdOp *op, PyObject *args, PyObject *kwds)
{
    return messages(op, args, kwds, TD_MSG_SCRIPT, "|p:scriptErrors");
}

static int
clear_script_one(TdOp *op, const char *pattern)
{
    if (op->script_errors != NULL) {
        for (Py_ssize_t i = PyList_GET_SIZE(op->script_errors) - 1; i >= 0; i--) {
            const char *msg = PyUnicode_AsUTF8(PyList_GET_ITEM(op->script_errors, i));
            if (msg == NULL) {
                return -1;
            }
            if (fnmatch(pattern, msg, 0) == 0 && PySequence_DelItem(op->script_errors, i) < 0) {
                return -1;
            }
        }
        td_op_touch(op);
    }
    return 0;
}

static int
clear_script(TdOp *op, const char *pattern, int recurse)
{
    if (!recurse) {
        return clear_script_one(op, pattern);
    }
    PyObject *all = td_op_subtree(op); /* iterative: any depth */
    int rc = all != NULL ? 0 : -1;
    for (Py_ssize_t i = 0; rc == 0 && i < PyList_GET_SIZE(all); i++) {
        TdOp *o = (TdOp *)PyList_GET_ITEM(all, i);
        rc = o->valid ? clear_script_one(o, pattern) : 0;
    }
    Py_XDECREF(all);
    return rc;
}

PyObject *
td_op_clear_script_errors(TdOp *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"recurse", "error", NULL};
    int recurse = 0;
    const char *pattern = "*";
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ps:clearScriptErrors", kwlist, &recurse, &pattern)) {
        return NULL;
    }
    TD_CHECK(op, NULL);
    if (clear_script(op, pattern, recurse) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}
