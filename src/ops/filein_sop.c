/* fileinSOP: geometry read from a Wavefront .obj file (geom/obj.h), the path relative to the
 * current folder. The file is read and parsed with the GIL released, once per (path, modification
 * time, size, flipfacing, normals); a cook after an unrelated change reuses the mesh (the same
 * mesh, so renders and SOPs reading it see no change). Each use checks the file's version
 * (td_sop_class.stale), so a changed file is read again at the next cook; with refresh off it is
 * read again only on refreshpulse or a change of the parameters. A failed read is an error on the
 * SOP, kept for that version of the file without reading it again. */
#include <string.h>
#include <strings.h>

#include "bind/state.h"
#include "geom/obj.h"
#include "graph/op.h"
#include "ops/sop.h"
#include "util/file_read.h"

#define FILEIN_PARS(X)                                                                                     \
    X(file, TD_PAR_S, "Geometry File", "File In", "")                                                      \
    X(flipfacing, TD_PAR_T, "Flip Primitive Faces", "File In", 0)                                          \
    X(normals, TD_PAR_T, "Compute Normals if None Exist", "File In", 1)                                    \
    X(refresh, TD_PAR_T, "Refresh", "File In", 1)                                                          \
    X(refreshpulse, TD_PAR_P, "Refresh Pulse", "File In")
TD_PAR_TABLE(filein_pars, FILEIN_PARS);

/* The SOP with the file it last read (only touched with the GIL held). */
typedef struct {
    TdOp op;
    char *path;              /* NULL before the first read */
    long long mtime_ns, size; /* the version read (-1: the file could not be found) */
    int flip, normals;       /* the options it was parsed with */
    td_mesh *mesh;           /* the result, or NULL after a failed read */
    char *error;             /* the failed read's message, or NULL */
    uint64_t generation;     /* bumped by release: a read that began before is dropped */
} TdFileinSOP;

static void
forget(TdFileinSOP *self)
{
    free(self->path);
    free(self->error);
    td_mesh_decref(self->mesh);
    self->path = self->error = NULL;
    self->mesh = NULL;
}

/* The cook's failure: tdError "<path>: msg", recorded in the SOP's errors(). */
static int
filein_error(TdOp *sop, const char *msg)
{
    PyObject *path = td_op_path(sop);
    if (path != NULL) {
        PyErr_Format(td_state_of((PyObject *)sop)->tdError, "%U: %s", path, msg);
        Py_DECREF(path);
    }
    td_op_cook_failed(sop);
    return -1;
}

/* Geometry formats TouchDesigner reads that td_render does not: named instead of parsed as OBJ. */
static const char *
other_format(const char *path)
{
    static const char *const exts[] = {".ply", ".stl", ".tog", ".bhclassic", ".hclassic", ".classic", ".bgeo",
                                       ".fbx", ".abc", ".usd", ".usda", ".usdc", ".usdz", ".gltf", ".glb", ".3ds",
                                       ".dae"};
    const char *dot = strrchr(path, '.');
    if (dot == NULL || strchr(dot, '/') != NULL) {
        return NULL;
    }
    for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
        if (strcasecmp(dot, exts[i]) == 0) {
            return exts[i];
        }
    }
    return NULL;
}

/* path read and parsed with the GIL released: 0 with *out, or -1 with err filled; *read 1 if the
 * file's bytes were read (f has their version). */
static int
read_obj(const char *path, const td_obj_options *opt, td_file_data *f, int *read, td_mesh **out, td_err *err)
{
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = td_file_read(path, "geometry file", TD_OBJ_MAX_BYTES, f, err);
    *read = rc == 0;
    if (rc == 0) {
        rc = td_obj_parse(f->data, f->size, opt, NULL, out, NULL, err);
        free(f->data);
        f->data = NULL;
        if (rc != 0) {
            char msg[sizeof(err->msg)];
            snprintf(msg, sizeof(msg), "%s", err->msg);
            td_err_set(err, err->kind, "geometry file '%s': %s", path, msg);
        }
    }
    Py_END_ALLOW_THREADS
    return rc;
}

/* The cached result handed out: the mesh (and the warning an empty file gives), or the error. */
static int
result(TdFileinSOP *self, td_mesh **out)
{
    if (self->mesh == NULL) {
        return filein_error(&self->op, self->error != NULL ? self->error : "no geometry was read");
    }
    if (self->path[0] != '\0' && self->mesh->nverts == 0 && td_op_warn(&self->op, "the file holds no geometry") < 0) {
        return -1;
    }
    td_mesh_incref(self->mesh);
    *out = self->mesh;
    return 0;
}

static int
filein_cook(TdOp *sop, const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out)
{
    (void)inputs;
    (void)ninputs;
    TdFileinSOP *self = (TdFileinSOP *)sop;
    const char *path = td_values_str(vals, PAR_file);
    int flip = vals->v[PAR_flipfacing].num != 0.0, normals = vals->v[PAR_normals].num != 0.0;
    int refresh = vals->v[PAR_refresh].num != 0.0, pulse = vals->v[PAR_refreshpulse].num != 0.0;
    long long mtime = -1, size = -1;
    int found = path[0] != '\0' && td_file_stamp(path, &mtime, &size) == 0;
    if (self->path != NULL && strcmp(self->path, path) == 0 && self->flip == flip && self->normals == normals &&
        !pulse && (path[0] == '\0' || !refresh || (found && mtime == self->mtime_ns && size == self->size))) {
        return result(self, out);
    }
    char *copy = malloc(strlen(path) + 1);
    if (copy == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    strcpy(copy, path);
    td_mesh *m = NULL;
    td_err err = {0};
    td_file_data f = {0};
    int rc;
    const char *other = path[0] != '\0' ? other_format(path) : NULL;
    if (path[0] == '\0') { /* no file: no geometry */
        m = td_mesh_new_polys(0, 0, 0, &err);
        rc = m != NULL && td_mesh_finish(m, &err) == 0 ? 0 : -1;
    }
    else if (other != NULL) {
        rc = td_err_set(&err, TD_ERR_VALUE, "geometry file '%s': %s files are not read (Wavefront .obj only)", path,
                        other);
    }
    else {
        uint64_t generation = self->generation;
        td_obj_options opt = {normals, flip};
        int read = 0;
        rc = read_obj(copy, &opt, &f, &read, &m, &err);
        if (!sop->valid || self->generation != generation) { /* destroyed or reset while it read */
            td_mesh_decref(m);
            free(copy);
            return td_op_check(sop) < 0 ? -1 : filein_error(sop, "it was reset while it read its file");
        }
        if (read) {
            mtime = f.mtime_ns; /* the version opened: a change during the read is read again next time */
            size = f.file_size;
        }
    }
    if (rc != 0) {
        td_mesh_decref(m);
        m = NULL;
    }
    char *error = NULL;
    if (rc != 0) {
        error = malloc(strlen(err.msg) + 1);
        if (error == NULL) {
            free(copy);
            PyErr_NoMemory();
            return -1;
        }
        strcpy(error, err.msg);
    }
    forget(self);
    self->path = copy;
    self->mtime_ns = found || rc == 0 ? mtime : -1;
    self->size = found || rc == 0 ? size : -1;
    self->flip = flip;
    self->normals = normals;
    self->mesh = m;
    self->error = error;
    return result(self, out);
}

static void
filein_release(TdOp *op)
{
    TdFileinSOP *self = (TdFileinSOP *)op;
    forget(self);
    self->generation++;
    td_sop_release(op);
}

/* OP.cook() (and so Par.pulse() of refreshpulse): the mesh now. */
static int
filein_op_cook(TdOp *op, int force)
{
    (void)force;
    td_mesh *m = td_sop_mesh(op);
    td_mesh_decref(m);
    return m != NULL ? 0 : -1;
}

/* Is the file (with refresh on) another version than the one read? A stat, no Python. */
static int
filein_stale(TdOp *sop, const td_values *vals)
{
    TdFileinSOP *self = (TdFileinSOP *)sop;
    const char *path = td_values_str(vals, PAR_file);
    if (vals->v[PAR_refresh].num == 0.0 || path[0] == '\0') {
        return 0;
    }
    long long mtime = -1, size = -1;
    int found = td_file_stamp(path, &mtime, &size) == 0;
    return !found ? self->mtime_ns != -1 : mtime != self->mtime_ns || size != self->size;
}

static const td_sop_class filein_proto = {.cook = filein_cook, .stale = filein_stale};

static PyType_Slot filein_slots[] = {
    {Py_tp_doc, "fileinSOP: geometry from a Wavefront .obj file (the path relative to the current folder).\n\n"
                "Read: positions (v, with a colour after x y z as 'Cd' where the file has one), texture\n"
                "coordinates (vt, as 'uv'), normals (vn, as 'N'), faces (f) of any number of vertices\n"
                "with negative (relative) indices (a quad stays one primitive), polylines (l), o/g groups\n"
                "(parsed; not offered as a group parameter yet), comments and line continuations.\n"
                "Materials (usemtl, mtllib), smoothing groups and free-form curves and surfaces are\n"
                "ignored. Each distinct (v, vt, vn) corner is one point; positions no primitive uses are\n"
                "points of their own. A bad file (an unknown statement, a bad number, NaN, index 0 or\n"
                "past the elements before it, a NUL byte) is an error naming its line, in errors().\n"
                "PLY, STL and TouchDesigner's own formats are not read (an error says so).\n\n"
                "normals (default on: ours, TouchDesigner's is not documented): where the file has no\n"
                "normal for a point, its position's normal is computed (the area-weighted sum over the\n"
                "polygons sharing the position: smooth across them); off, a file without normals has no\n"
                "'N' and renders with the default normal (0, 0, 1). flipfacing reverses each primitive's vertex\n"
                "order and negates the file's normals (ours: TouchDesigner does not document the\n"
                "normals). The file is read again when its modification time or size changes (refresh,\n"
                "default on: ours), or on refreshpulse (which reads it again whether or not it changed).\n"
                "Every use of the SOP checks the file, so totalCooks counts those checks. An empty file\n"
                "parameter gives no geometry; a file with none gives a warning."},
    {0, NULL},
};

static PyType_Spec filein_spec = {
    .name = "td_render.fileinSOP",
    .basicsize = sizeof(TdFileinSOP),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = filein_slots,
};

const td_op_class td_class_fileinSOP = {
    .optype = "fileinSOP", .family = "SOP", .label = "File In", .base_name = "filein", .subtype = "",
    .base = TD_BASE_SOP, .spec = &filein_spec, .pars = filein_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 0, .release = filein_release, .exclusive_flags = TD_SOP_EXCLUSIVE_FLAGS, .proto = &filein_proto,
    .cook = filein_op_cook,
};
