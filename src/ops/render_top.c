/* renderTOP: renders the geometry COMPs its geometry pattern names, lit by the lights its lights
 * pattern names, through the camera its camera parameter names. Paths and patterns are relative
 * to the render's own network (its parent). Defaults: camera 'cam1', geometry 'geo*',
 * lights 'light*', 1280 x 720 (TouchDesigner's modern default). */
#include <string.h>

#include "graph/path.h"
#include "bind/state.h"
#include "graph/op.h"
#include "ops/registry.h"
#include "ops/camera.h"
#include "ops/object.h"
#include "ops/sop.h"
#include "ops/top.h"
#include "util/mat4.h"

#define RENDER_PARS(X)                                                                                     \
    X(camera, TD_PAR_O, "Camera", "Render", "cam1")                                                        \
    X(geometry, TD_PAR_O, "Geometry", "Render", "geo*")                                                    \
    X(lights, TD_PAR_O, "Lights", "Render", "light*")                                                      \
    TD_TOP_COMMON_PARS(X)
TD_PAR_TABLE(render_pars, RENDER_PARS);

void td_phong_defaults(td_scene_material *out);

static void
cook_error(TdOp *top, const char *fmt, const char *arg)
{
    PyObject *path = td_op_path(top);
    PyObject *msg = PyUnicode_FromFormat(fmt, arg);
    if (path != NULL && msg != NULL) {
        PyErr_Format(td_state_of((PyObject *)top)->tdError, "%U: %U", path, msg);
    }
    Py_XDECREF(path);
    Py_XDECREF(msg);
}

/* Operators of class cls matched by the OP parameter par of owner (relative to owner's network). */
static PyObject *
matches(TdOp *owner, const char *par, const td_op_class *cls)
{
    PyObject *found = PyList_New(0);
    if (found == NULL) {
        return NULL;
    }
    TdOp *net = owner->parent != NULL ? owner->parent : owner;
    if (td_pattern_collect(net, td_par_str(owner, par), NULL, found) < 0) {
        Py_DECREF(found);
        return NULL;
    }
    PyObject *out = PyList_New(0);
    for (Py_ssize_t i = 0; out != NULL && i < PyList_GET_SIZE(found); i++) {
        TdOp *op = (TdOp *)PyList_GET_ITEM(found, i);
        if (cls == &td_class_geometryCOMP && !td_op_flag(op, TD_FLAG_RENDER)) {
            continue; /* the Render flag off takes geometry out of renders */
        }
        if ((cls == NULL || op->cls == cls) && PyList_Append(out, (PyObject *)op) < 0) {
            Py_CLEAR(out);
        }
    }
    Py_DECREF(found);
    return out;
}

static int
fill_lights(td_scene *scene, PyObject *lights)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(lights); i++) {
        TdOp *l = (TdOp *)PyList_GET_ITEM(lights, i);
        double dimmer = td_par_num(l, "dimmer");
        if (dimmer < 0.001) {
            continue;
        }
        double world[16];
        if (td_object_world(l, world) < 0) {
            return -1;
        }
        td_scene_light *sl = &scene->lights[scene->nlights++];
        sl->position[0] = (float)world[12];
        sl->position[1] = (float)world[13];
        sl->position[2] = (float)world[14];
        sl->position[3] = l->cls == &td_class_ambientlightCOMP ? (float)TD_LIGHT_AMBIENT : (float)TD_LIGHT_POINT;
        sl->color[0] = (float)(td_par_num(l, "cr") * dimmer);
        sl->color[1] = (float)(td_par_num(l, "cg") * dimmer);
        sl->color[2] = (float)(td_par_num(l, "cb") * dimmer);
    }
    return 0;
}

/* The material of geo: its material parameter resolved, or phongMAT's defaults. */
static int
geometry_material(TdOp *geo, td_scene_material *out)
{
    const char *path = td_par_str(geo, "material");
    if (path[0] == '\0') {
        td_phong_defaults(out);
        return 0;
    }
    TdOp *mat = td_path_resolve(geo->parent != NULL ? geo->parent : geo, path);
    if (mat == NULL || !mat->valid) {
        cook_error(geo, "material '%s' names no operator", path);
        return -1;
    }
    if (mat->cls->fill_material == NULL) {
        cook_error(geo, "material '%s' is not a MAT", path);
        return -1;
    }
    mat->cls->fill_material(mat, out);
    return 0;
}

static int
fill_draws(td_scene *scene, PyObject *geos)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(geos); i++) {
        TdOp *geo = (TdOp *)PyList_GET_ITEM(geos, i);
        td_scene_material material;
        memset(&material, 0, sizeof(material));
        if (geometry_material(geo, &material) < 0) {
            return -1;
        }
        double world[16];
        if (td_object_world(geo, world) < 0) {
            return -1;
        }
        for (Py_ssize_t j = 0; j < PyList_GET_SIZE(geo->children); j++) {
            TdOp *sop = (TdOp *)PyList_GET_ITEM(geo->children, j);
            if (td_sop_class_of(sop) == NULL || !td_op_flag(sop, TD_FLAG_RENDER)) {
                continue;
            }
            td_mesh *mesh = td_sop_mesh(sop);
            if (mesh == NULL) {
                return -1;
            }
            td_scene_draw *d = &scene->draws[scene->ndraws++];
            d->mesh = mesh;
            td_mat4_to_float(d->model, world);
            td_mat4_normal_matrix(d->normal, world);
            d->material = material;
        }
    }
    return 0;
}

static size_t
count_sops(PyObject *geos)
{
    size_t n = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(geos); i++) {
        TdOp *geo = (TdOp *)PyList_GET_ITEM(geos, i);
        for (Py_ssize_t j = 0; j < PyList_GET_SIZE(geo->children); j++) {
            n += td_sop_class_of((TdOp *)PyList_GET_ITEM(geo->children, j)) != NULL;
        }
    }
    return n;
}

static td_scene *
render_build_scene(TdOp *top)
{
    PyObject *cams = NULL, *lights = NULL, *geos = NULL;
    td_values *camv = NULL;
    td_scene *scene = NULL;
    cams = matches(top, "camera", &td_class_cameraCOMP);
    if (cams == NULL) {
        goto error;
    }
    if (PyList_GET_SIZE(cams) == 0) {
        cook_error(top, "camera '%s' names no cameraCOMP", td_par_str(top, "camera"));
        goto error;
    }
    TdOp *cam = (TdOp *)PyList_GET_ITEM(cams, 0);
    PyObject *all_lights = matches(top, "lights", NULL);
    if (all_lights == NULL) {
        goto error;
    }
    lights = PyList_New(0);
    for (Py_ssize_t i = 0; lights != NULL && i < PyList_GET_SIZE(all_lights); i++) {
        TdOp *l = (TdOp *)PyList_GET_ITEM(all_lights, i);
        if ((l->cls == &td_class_lightCOMP || l->cls == &td_class_ambientlightCOMP) &&
            PyList_Append(lights, (PyObject *)l) < 0) {
            Py_CLEAR(lights);
        }
    }
    Py_DECREF(all_lights);
    geos = lights != NULL ? matches(top, "geometry", &td_class_geometryCOMP) : NULL;
    if (geos == NULL) {
        goto error;
    }
    scene = td_scene_new((size_t)PyList_GET_SIZE(lights), count_sops(geos));
    if (scene == NULL) {
        PyErr_NoMemory();
        goto error;
    }
    td_top_output out;
    if (td_top_output_of(top, &out) < 0) {
        goto error;
    }
    if (out.width > 1e6 || out.height > 1e6 || !(out.aspect_w > 0.0 && out.aspect_h > 0.0)) {
        PyErr_Format(PyExc_ValueError, "output resolution %.0fx%.0f (aspect %g:%g) cannot be rendered",
                     out.width, out.height, out.aspect_w, out.aspect_h);
        goto error;
    }
    scene->width = (int)out.width;
    scene->height = (int)out.height;
    scene->format = out.format;
    scene->chanmask = out.chanmask;
    double cam_world[16], view[16], proj[16];
    if (td_object_world(cam, cam_world) < 0) {
        goto error;
    }
    camv = td_op_values(cam);
    if (camv == NULL) {
        goto error;
    }
    if (td_mat4_invert(view, cam_world) != 0) {
        cook_error(top, "camera '%s' has a singular transform (a zero scale?)", td_par_str(top, "camera"));
        goto error;
    }
    if (td_camera_projection(cam, camv, out.aspect_w / out.aspect_h, proj) < 0) {
        goto error;
    }
    td_mat4_to_float(scene->view, view);
    td_mat4_to_float(scene->proj, proj);
    for (int k = 0; k < 3; k++) {
        scene->camera_pos[k] = (float)cam_world[12 + k];
    }
    td_camera_background(camv, scene->background);
    if (fill_lights(scene, lights) < 0 || fill_draws(scene, geos) < 0) {
        goto error;
    }
    Py_DECREF(cams);
    Py_DECREF(lights);
    Py_DECREF(geos);
    td_values_free(camv);
    return scene;
error:
    td_values_free(camv);
    Py_XDECREF(cams);
    Py_XDECREF(lights);
    Py_XDECREF(geos);
    td_scene_decref(scene);
    return NULL;
}

static PyType_Slot render_slots[] = {
    {Py_tp_doc, "renderTOP: renders 3D geometry through a camera into an image.\n\n"
                "Parameters: camera (default 'cam1'), geometry (default 'geo*'), lights (default\n"
                "'light*'): OP paths or patterns ('geo* ^geo7'), relative to the render's network, or OP\n"
                "objects; resolutionw x resolutionh (default 1280 x 720, each 1..32768 and within the GL\n"
                "limit). The background is the camera's bgcolor. A camera that names nothing makes the\n"
                "cook raise td_render.tdError naming the path."},
    {0, NULL},
};

static PyType_Spec render_spec = {
    .name = "td_render.renderTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = render_slots,
};

const td_op_class td_class_renderTOP = {
    .optype = "renderTOP", .family = "TOP", .label = "Render", .base_name = "render", .subtype = "",
    .base = TD_BASE_TOP, .spec = &render_spec, .pars = render_pars, .npars = PAR_COUNT,
    .release = td_top_release, .build_scene = render_build_scene, .cook = td_top_cook_hook,
};
