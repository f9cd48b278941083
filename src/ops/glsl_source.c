/* The GLSL operators' shared parts. See glsl_source.h. */
#include <stdio.h>
#include <string.h>

#include "bind/state.h"
#include "graph/path.h"
#include "ops/dat.h"
#include "ops/glsl_source.h"

const char *const td_menu_glslversion[] = {GLSLVERSION_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_glslversion_labels[] = {"1.20", "3.30", "4.00", "4.10", "4.20", "4.30", "4.40", "4.50",
                                                 "4.60", NULL};

int
td_glsl_stage_text(TdOp *mat, const td_values *vals, Py_ssize_t index, td_glsl_fail fail, const char **text,
                   PyObject **held)
{
    const char *value = td_values_str(vals, index), *name = mat->cls->pars[index].name;
    char msg[600];
    *text = NULL;
    *held = NULL;
    if (value[0] == '\0') {
        return 0;
    }
    if (strchr(value, '\n') != NULL) {
        *text = value;
        return 0;
    }
    TdOp *dat = td_path_resolve(mat->parent != NULL ? mat->parent : mat, value);
    if (dat == NULL || !dat->valid || td_dat_class_of(dat) == NULL) {
        snprintf(msg, sizeof(msg), dat == NULL || !dat->valid ? "%s '%.400s' names no DAT" : "%s '%.400s' is not a DAT (it is a %s)",
                 name, value, dat != NULL && dat->valid ? dat->cls->optype : "");
        return fail(mat, msg);
    }
    Py_INCREF(dat);
    td_dat_data *d = td_dat_contents(dat); /* loads its file first: Python may run */
    PyObject *str = d != NULL && dat->valid ? td_dat_text_object(dat, d) : NULL;
    Py_DECREF(dat);
    if (str == NULL) {
        return td_op_check(mat) < 0 ? -1 : -1;
    }
    Py_ssize_t len;
    const char *utf8 = PyUnicode_AsUTF8AndSize(str, &len);
    if (utf8 == NULL) {
        Py_DECREF(str);
        return -1;
    }
    if ((size_t)len != strlen(utf8)) {
        Py_DECREF(str);
        snprintf(msg, sizeof(msg), "%s '%.400s': the shader source contains a NUL character", name, value);
        return fail(mat, msg);
    }
    *text = utf8;
    *held = str;
    return 0;
}

int
td_glsl_uniform_name(TdOp *mat, const td_values *vals, Py_ssize_t index, td_glsl_fail fail,
                     char out[TD_GLSL_NAME_MAX])
{
    const char *name = td_values_str(vals, index);
    if (strlen(name) >= TD_GLSL_NAME_MAX) {
        char msg[160];
        snprintf(msg, sizeof(msg), "%s is longer than %d characters", mat->cls->pars[index].name, TD_GLSL_NAME_MAX - 1);
        return fail(mat, msg);
    }
    strcpy(out, name);
    return 0;
}

int
td_glsl_constants(TdOp *mat, const td_values *vals, Py_ssize_t first, Py_ssize_t stride, int count, td_glsl_fail fail,
                  char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    for (int k = 0; k < count; k++) {
        char name[TD_GLSL_NAME_MAX];
        Py_ssize_t at = first + k * stride;
        if (td_glsl_uniform_name(mat, vals, at, fail, name) < 0) {
            return -1;
        }
        if (name[0] != '\0') {
            n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, "const int %s = %d;\n", name, (int)vals->v[at + 1].num);
        }
    }
    return 0;
}
