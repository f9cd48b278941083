/* Names, paths and patterns. See path.h. */
#include "graph/path.h"

#include <fnmatch.h>
#include <string.h>

int
td_name_validate(PyObject *name)
{
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "an operator name must be a str, not %.100s", Py_TYPE(name)->tp_name);
        return -1;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(name);
    if (n == 0) {
        PyErr_SetString(PyExc_ValueError, "an operator name cannot be empty");
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(name, i);
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
            PyErr_Format(PyExc_ValueError,
                         "invalid operator name %R: use letters, digits and underscores only", name);
            return -1;
        }
    }
    return 0;
}

/* ---- the children's name index ----
 *
 * comp->child_names maps each child's name (an exact str, so no Python runs in a lookup) to the
 * child; comp->name_hints maps a stem to a number n such that stem1 .. stem(n-1) are all taken,
 * which makes automatic naming (geo1, geo2, ...) O(1) amortised instead of a scan per candidate. */

TdOp *
td_path_child(TdOp *comp, PyObject *name)
{
    if (comp == NULL || comp->children == NULL || comp->child_names == NULL || !PyUnicode_Check(name)) {
        return NULL;
    }
    PyObject *key = PyUnicode_CheckExact(name) ? Py_NewRef(name) : PyUnicode_FromObject(name);
    PyObject *c = key != NULL ? PyDict_GetItemWithError(comp->child_names, key) : NULL;
    Py_XDECREF(key);
    if (c == NULL) {
        PyErr_Clear(); /* only out of memory: nothing found */
    }
    return (TdOp *)c;
}

static TdOp *
child_by_cstr(TdOp *comp, const char *name, size_t len)
{
    if (comp == NULL || comp->children == NULL) {
        return NULL;
    }
    PyObject *s = PyUnicode_DecodeUTF8(name, (Py_ssize_t)len, NULL);
    if (s == NULL) {
        PyErr_Clear(); /* not UTF-8: no operator name is */
        return NULL;
    }
    TdOp *c = td_path_child(comp, s);
    Py_DECREF(s);
    return c;
}

/* The number n of name == stem + str(n) (n >= 1, no leading zero) into stem and n; 0 if none. */
static int
numbered(PyObject *name, PyObject **stem, long *n)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(name), cut = len;
    while (cut > 0 && Py_UNICODE_ISDIGIT(PyUnicode_READ_CHAR(name, cut - 1))) {
        cut--;
    }
    if (cut == len || PyUnicode_READ_CHAR(name, cut) == '0' || len - cut > 15) {
        return 0;
    }
    long v = 0;
    for (Py_ssize_t i = cut; i < len; i++) {
        v = v * 10 + (long)Py_UNICODE_TODECIMAL(PyUnicode_READ_CHAR(name, i));
    }
    *stem = PyUnicode_Substring(name, 0, cut);
    if (*stem == NULL) {
        PyErr_Clear();
        return 0;
    }
    *n = v;
    return 1;
}

/* name is no longer taken in comp: lower its stem's hint to its number. */
static void
name_freed(TdOp *comp, PyObject *name)
{
    PyObject *stem;
    long n;
    if (comp->name_hints == NULL || !numbered(name, &stem, &n)) {
        return;
    }
    PyObject *hint = PyDict_GetItemWithError(comp->name_hints, stem);
    if (hint != NULL && PyLong_AsLong(hint) > n) {
        PyObject *v = PyLong_FromLong(n);
        if (v == NULL || PyDict_SetItem(comp->name_hints, stem, v) < 0) {
            PyDict_Clear(comp->name_hints); /* no hint is always correct */
        }
        Py_XDECREF(v);
    }
    PyErr_Clear();
    Py_DECREF(stem);
}

int
td_child_attach(TdOp *comp, TdOp *child)
{
    if (PyDict_SetItem(comp->child_names, child->name, (PyObject *)child) < 0) {
        return -1;
    }
    if (PyList_Append(comp->children, (PyObject *)child) < 0) {
        if (PyDict_DelItem(comp->child_names, child->name) < 0) {
            PyErr_Clear();
        }
        return -1;
    }
    return 0;
}

void
td_child_detach(TdOp *comp, TdOp *child)
{
    if (comp->children == NULL) {
        return;
    }
    if (comp->child_names != NULL && PyDict_GetItemWithError(comp->child_names, child->name) == (PyObject *)child) {
        if (PyDict_DelItem(comp->child_names, child->name) < 0) {
            PyErr_Clear();
        }
        name_freed(comp, child->name);
    }
    PyErr_Clear();
    for (Py_ssize_t i = PyList_GET_SIZE(comp->children) - 1; i >= 0; i--) {
        if (PyList_GET_ITEM(comp->children, i) == (PyObject *)child) {
            if (PySequence_DelItem(comp->children, i) < 0) {
                PyErr_Clear(); /* cannot fail for an index in range */
            }
            break;
        }
    }
}

int
td_child_rename(TdOp *child, PyObject *name)
{
    TdOp *comp = child->parent;
    if (comp != NULL && comp->child_names != NULL) {
        if (PyDict_SetItem(comp->child_names, name, (PyObject *)child) < 0) {
            return -1;
        }
        if (PyUnicode_Compare(child->name, name) != 0) {
            if (PyDict_DelItem(comp->child_names, child->name) < 0) {
                PyErr_Clear();
            }
            name_freed(comp, child->name);
        }
    }
    Py_SETREF(child->name, Py_NewRef(name));
    return 0;
}

void
td_child_clear_all(TdOp *comp)
{
    if (comp->child_names != NULL) {
        PyDict_Clear(comp->child_names);
    }
    Py_CLEAR(comp->name_hints);
    if (comp->children != NULL && PyList_SetSlice(comp->children, 0, PyList_GET_SIZE(comp->children), NULL) < 0) {
        PyErr_Clear();
    }
}

PyObject *
td_child_free_name(TdOp *comp, PyObject *wanted)
{
    if (td_path_child(comp, wanted) == NULL) {
        return Py_NewRef(wanted);
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(wanted);
    Py_ssize_t cut = n;
    while (cut > 0 && Py_UNICODE_ISDIGIT(PyUnicode_READ_CHAR(wanted, cut - 1))) {
        cut--;
    }
    PyObject *stem = PyUnicode_Substring(wanted, 0, cut);
    if (stem == NULL) {
        return NULL;
    }
    if (comp->name_hints == NULL && (comp->name_hints = PyDict_New()) == NULL) {
        Py_DECREF(stem);
        return NULL;
    }
    PyObject *hint = PyDict_GetItemWithError(comp->name_hints, stem);
    long start = hint != NULL ? PyLong_AsLong(hint) : 1;
    if (start < 1) {
        start = 1;
    }
    PyErr_Clear();
    for (long i = start;; i++) {
        PyObject *cand = PyUnicode_FromFormat("%U%ld", stem, i);
        if (cand == NULL) {
            Py_DECREF(stem);
            return NULL;
        }
        if (td_path_child(comp, cand) == NULL) {
            /* stem1 .. stem(i-1) are taken and cand is about to be */
            PyObject *next = PyLong_FromLong(i + 1);
            if (next == NULL || PyDict_SetItem(comp->name_hints, stem, next) < 0) {
                PyErr_Clear();
                PyDict_Clear(comp->name_hints);
            }
            Py_XDECREF(next);
            Py_DECREF(stem);
            return cand;
        }
        Py_DECREF(cand);
    }
}

static TdOp *
root_of(TdOp *op)
{
    while (op->parent != NULL) {
        op = op->parent;
    }
    return op;
}

TdOp *
td_path_resolve(TdOp *base, const char *path)
{
    if (base == NULL || path == NULL || path[0] == '\0') {
        return NULL;
    }
    TdOp *cur = base;
    const char *p = path;
    if (*p == '/') {
        cur = root_of(base);
        while (*p == '/') {
            p++;
        }
    }
    while (*p != '\0' && cur != NULL) {
        const char *end = strchr(p, '/');
        size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
        if (len == 0 || (len == 1 && p[0] == '.')) {
            /* "a//b" or "./a": stay */
        }
        else if (len == 2 && p[0] == '.' && p[1] == '.') {
            cur = cur->parent;
        }
        else {
            cur = child_by_cstr(cur, p, len);
        }
        p += len;
        while (*p == '/') {
            p++;
        }
    }
    return cur;
}

static int
list_contains(PyObject *list, PyObject *item)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        if (PyList_GET_ITEM(list, i) == item) {
            return 1;
        }
    }
    return 0;
}

/* Applies one pattern token (without '^') relative to base: add or remove matches in out. */
static int
apply_token(TdOp *base, const char *tok, int exclude, const char *family, PyObject *out)
{
    char folder[1024];
    const char *slash = strrchr(tok, '/');
    const char *glob = tok;
    TdOp *net = base;
    if (slash != NULL) {
        size_t n = (size_t)(slash - tok);
        if (n >= sizeof(folder)) {
            return 0;
        }
        memcpy(folder, tok, n);
        folder[n] = '\0';
        net = n == 0 ? root_of(base) : td_path_resolve(base, folder);
        glob = slash + 1;
    }
    if (net == NULL || net->children == NULL) {
        return 0;
    }
    if (glob[0] == '\0') {
        return 0;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(net->children); i++) {
        PyObject *item = PyList_GET_ITEM(net->children, i);
        TdOp *c = (TdOp *)item;
        const char *name = PyUnicode_AsUTF8(c->name);
        if (name == NULL) {
            return -1;
        }
        if (fnmatch(glob, name, 0) != 0) {
            continue;
        }
        if (family != NULL && strcmp(c->cls->family, family) != 0) {
            continue;
        }
        if (exclude) {
            for (Py_ssize_t j = PyList_GET_SIZE(out) - 1; j >= 0; j--) {
                if (PyList_GET_ITEM(out, j) == item && PySequence_DelItem(out, j) < 0) {
                    return -1;
                }
            }
        }
        else if (!list_contains(out, item) && PyList_Append(out, item) < 0) {
            return -1;
        }
    }
    return 0;
}

int
td_pattern_collect(TdOp *base, const char *patterns, const char *family, PyObject *out)
{
    const char *p = patterns;
    char tok[1024];
    while (*p != '\0') {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == ',') {
            p++;
        }
        size_t len = strcspn(p, " \t\n,");
        if (len == 0) {
            break;
        }
        if (len < sizeof(tok)) {
            memcpy(tok, p, len);
            tok[len] = '\0';
            int exclude = tok[0] == '^';
            if (apply_token(base, tok + exclude, exclude, family, out) < 0) {
                return -1;
            }
        }
        p += len;
    }
    return 0;
}

int
td_glob_any(const char *patterns, const char *s)
{
    char tok[512];
    for (const char *p = patterns; *p != '\0';) {
        while (*p == ' ') {
            p++;
        }
        size_t len = strcspn(p, " ");
        if (len == 0) {
            break;
        }
        if (len < sizeof(tok)) {
            memcpy(tok, p, len);
            tok[len] = '\0';
            if (fnmatch(tok, s, 0) == 0) {
                return 1;
            }
        }
        p += len;
    }
    return 0;
}
