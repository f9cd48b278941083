/* Project: td_render.project, settings that apply to the whole process.
 *
 *   >>> td.project.cookRate                     # frames per second of td_render.advance()
 *   60.0
 *   >>> td.project.folder == os.getcwd(), td.project.name
 *   (True, 'td_render')
 */
#include <math.h>

#include "graph/op_internal.h"
#include "bind/state.h"
#include "graph/network.h"

typedef struct {
    PyObject_HEAD
} TdProject;

static int
project_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    return 0;
}

static void
project_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    PyObject_GC_Del(self);
    Py_DECREF(tp);
}

static PyObject *
get_cook_rate(PyObject *self, void *c)
{
    (void)c;
    return PyFloat_FromDouble(td_state_of(self)->cook_rate);
}

static int
set_cook_rate(PyObject *self, PyObject *value, void *c)
{
    (void)c;
    if (td_no_delete(value, "cookRate") < 0) {
        return -1;
    }
    if (!PyFloat_Check(value) && !PyLong_Check(value)) {
        PyErr_Format(PyExc_TypeError, "cookRate takes a number, not %.100s", Py_TYPE(value)->tp_name);
        return -1;
    }
    double r = PyFloat_AsDouble(value);
    if (r == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    if (!(r > 0.0) || !isfinite(r) || r > 1e6) {
        PyErr_Format(PyExc_ValueError, "cookRate must be within (0, 1e6] frames per second, not %R", value);
        return -1;
    }
    td_state *st = td_state_of(self);
    st->cook_rate = r;
    st->serial++; /* expressions may read it */
    return 0;
}

static PyObject *
get_real_time(PyObject *self, void *c)
{
    (void)c;
    return PyBool_FromLong(td_state_of(self)->real_time);
}

static int
set_real_time(PyObject *self, PyObject *value, void *c)
{
    (void)c;
    if (td_no_delete(value, "realTime") < 0) {
        return -1;
    }
    int on = PyObject_IsTrue(value);
    if (on < 0) {
        return -1;
    }
    td_state_of(self)->real_time = on;
    return 0;
}

static PyObject *
get_name(PyObject *self, void *c)
{
    (void)c;
    return Py_NewRef(td_state_of(self)->project_name);
}

static int
set_name(PyObject *self, PyObject *value, void *c)
{
    (void)c;
    if (td_no_delete(value, "name") < 0) {
        return -1;
    }
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "name takes a str, not %.100s", Py_TYPE(value)->tp_name);
        return -1;
    }
    td_state *st = td_state_of(self);
    Py_SETREF(st->project_name, Py_NewRef(value));
    st->serial++;
    return 0;
}

static PyObject *
get_folder(PyObject *self, void *c)
{
    (void)self;
    (void)c;
    PyObject *os = PyImport_ImportModule("os");
    PyObject *r = os != NULL ? PyObject_CallMethod(os, "getcwd", NULL) : NULL;
    Py_XDECREF(os);
    return r;
}

static PyObject *
project_repr(PyObject *self)
{
    td_state *st = td_state_of(self);
    PyObject *rate = PyFloat_FromDouble(st->cook_rate);
    PyObject *r = rate != NULL ? PyUnicode_FromFormat("<project %R cookRate=%R>", st->project_name, rate) : NULL;
    Py_XDECREF(rate);
    return r;
}

static PyGetSetDef project_getset[] = {
    {"cookRate", get_cook_rate, set_cook_rate,
     "Frames per second of td_render.advance() (default 60): absTime.seconds grows by frames / cookRate.", NULL},
    {"realTime", get_real_time, set_real_time,
     "Stored for compatibility (default True); time moves only with td_render.advance() here.", NULL},
    {"name", get_name, set_name, "The project's name (default 'td_render').", NULL},
    {"folder", get_folder, NULL,
     "The project's folder: the current working directory, where TOP.save() writes relative paths\n"
     "(read-only).", NULL},
    {NULL},
};

static PyType_Slot project_slots[] = {
    {Py_tp_doc, "Project: td_render.project, settings of the whole process (cookRate, realTime, name, folder)."},
    {Py_tp_traverse, project_traverse},
    {Py_tp_dealloc, project_dealloc},
    {Py_tp_repr, project_repr},
    {Py_tp_getset, project_getset},
    {0, NULL},
};

PyType_Spec td_Project_spec = {
    .name = "td_render.Project",
    .basicsize = sizeof(TdProject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = project_slots,
};

int
td_project_setup(PyObject *module, td_state *st)
{
    st->real_time = 1;
    st->project_name = PyUnicode_FromString("td_render");
    if (st->project_name == NULL) {
        return -1;
    }
    TdProject *p = PyObject_GC_New(TdProject, st->Project_type);
    if (p == NULL) {
        return -1;
    }
    PyObject_GC_Track(p);
    st->project = (PyObject *)p;
    return PyModule_AddObjectRef(module, "project", st->project);
}
