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

TdOp *
td_path_child(TdOp *comp, PyObject *name)
{
    if (comp == NULL || comp->children == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(comp->children); i++) {
        TdOp *c = (TdOp *)PyList_GET_ITEM(comp->children, i);
        if (PyUnicode_Compare(c->name, name) == 0) {
            return c;
        }
    }
    return NULL;
}

static TdOp *
child_by_cstr(TdOp *comp, const char *name, size_t len)
{
    if (comp == NULL || comp->children == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(comp->children); i++) {
        TdOp *c = (TdOp *)PyList_GET_ITEM(comp->children, i);
        Py_ssize_t n = 0;
        const char *s = PyUnicode_AsUTF8AndSize(c->name, &n);
        if (s == NULL) {
            PyErr_Clear();
            continue;
        }
        if ((size_t)n == len && memcmp(s, name, len) == 0) {
            return c;
        }
    }
    return NULL;
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
