/* renderTOP: renders the geometry COMPs its geometry pattern names, lit by the lights its lights
 * pattern names, through the camera its camera parameter names. Paths and patterns are relative
 * to the render's own network (its parent). Defaults: camera 'cam1', geometry 'geo*',
 * lights 'light*', 1280 x 720 (TouchDesigner's modern default). */
#include <string.h>

#include "graph/path.h"
#include "module.h"
#include "ops/camera.h"
#include "ops/object.h"
#include "ops/sop.h"
#include "ops/top.h"
#include "util/mat4.h"
#include "ops/material.h"

/* TouchDesigner's antialias menu, in its order, and the samples a pixel each asks for. */
static const char *const antialias_menu[] = {"aa1", "aa2", "aa4", "aa8mid", "aa8high", "aa16low", "aa16mid",
                                             "aa16high", "aa32", NULL};
static const char *const antialias_labels[] = {"1x (Off)", "2x", "4x", "8x Medium", "8x High", "16x Low",
                                               "16x Medium", "16x High", "32x", NULL};
static const int antialias_samples[] = {1, 2, 4, 8, 8, 16, 16, 16, 32};

static const td_par_def render_pars[] = {
    TD_PAR_O("camera", "Camera", "Render", "cam1"),
    TD_PAR_O("geometry", "Geometry", "Render", "geo*"),
    TD_PAR_O("lights", "Lights", "Render", "light*"),
    TD_PAR_ML("antialias", "Anti-Alias", "Render", 0, antialias_menu, antialias_labels),
    TD_TOP_COMMON_PARS,
};

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
        double world[16];
        td_object_world(l, world);
        td_scene_light *sl = &scene->lights[scene->nlights];
        memset(sl, 0, sizeof(*sl));
        scene->nlights += (size_t)(l->cls->fill_light(l, world, sl) != 0);
    }
    return 0;
}

/* Samples a pixel for the antialias parameter, clamped to what the GL supports for the format
 * (with a warning on the TOP). 0 with a Python error if the GL cannot start. */
static int
render_samples(TdOp *top)
{
    int index = (int)td_par_num(top, "antialias");
    int want = antialias_samples[index >= 0 && index < (int)TD_NPARS(antialias_samples) ? index : 0];
    if (want == 1) {
        return 1;
    }
    td_gl_runtime *rt = td_runtime(td_state_of((PyObject *)top));
    if (rt == NULL) {
        return 0;
    }
    int format_index = (int)td_par_num(top, "format");
    format_index = format_index > 0 && format_index < TD_GL_MAX_FORMATS ? format_index : 1;
    int most = td_gl_runtime_info(rt)->format_samples[format_index];
    most = most > 0 ? most : 1;
    if (want <= most) {
        return want;
    }
    PyObject *msg = PyUnicode_FromFormat("antialias %s asks for %d samples; this OpenGL (%s) supports at most %d "
                                         "for %s: rendering with %d",
                                         antialias_menu[index], want, td_gl_runtime_info(rt)->renderer, most,
                                         td_pixel_format_tokens[format_index], most);
    PyObject *r = msg != NULL ? PyObject_CallMethod((PyObject *)top, "addWarning", "O", msg) : NULL;
    Py_XDECREF(msg);
    if (r == NULL) {
        return 0;
    }
    Py_DECREF(r);
    return most;
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
        td_object_world(geo, world);
        for (Py_ssize_t j = 0; j < PyList_GET_SIZE(geo->children); j++) {
            TdOp *sop = (TdOp *)PyList_GET_ITEM(geo->children, j);
            if (sop->cls->build_mesh == NULL || !td_op_flag(sop, TD_FLAG_RENDER)) {
                continue;
            }
            td_mesh *mesh = td_sop_mesh(sop);
            if (mesh == NULL) {
                td_gl_source_decref(material.source);
                return -1;
            }
            td_scene_draw *d = &scene->draws[scene->ndraws++];
            d->mesh = mesh;
            td_mat4_to_float(d->model, world);
            td_mat4_normal_matrix(d->normal, world);
            d->material = material;
            if (material.source != NULL) {
                td_gl_source_incref(material.source);
            }
        }
        td_gl_source_decref(material.source);
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
            n += ((TdOp *)PyList_GET_ITEM(geo->children, j))->cls->build_mesh != NULL;
        }
    }
    return n;
}

static td_scene *
render_build_scene(TdOp *top)
{
    PyObject *cams = NULL, *lights = NULL, *geos = NULL;
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
        if (l->cls->fill_light != NULL && PyList_Append(lights, (PyObject *)l) < 0) {
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
    td_top_output_of(top, &out);
    if (out.width > 1e6 || out.height > 1e6 || !(out.aspect_w > 0.0 && out.aspect_h > 0.0)) {
        PyErr_Format(PyExc_ValueError, "output resolution %.0fx%.0f (aspect %g:%g) cannot be rendered",
                     out.width, out.height, out.aspect_w, out.aspect_h);
        goto error;
    }
    scene->width = (int)out.width;
    scene->height = (int)out.height;
    scene->format = out.format;
    scene->chanmask = (unsigned int)td_par_num(top, "chanmask");
    scene->samples = render_samples(top);
    if (scene->samples == 0) {
        goto error;
    }
    double cam_world[16], view[16], proj[16];
    td_object_world(cam, cam_world);
    if (td_mat4_invert(view, cam_world) != 0) {
        cook_error(top, "camera '%s' has a singular transform (a zero scale?)", td_par_str(top, "camera"));
        goto error;
    }
    if (td_camera_projection(cam, out.aspect_w / out.aspect_h, proj) < 0) {
        goto error;
    }
    td_mat4_to_float(scene->view, view);
    td_mat4_to_float(scene->proj, proj);
    for (int k = 0; k < 3; k++) {
        scene->camera_pos[k] = (float)cam_world[12 + k];
    }
    td_camera_background(cam, scene->background);
    if (fill_lights(scene, lights) < 0 || fill_draws(scene, geos) < 0) {
        goto error;
    }
    Py_DECREF(cams);
    Py_DECREF(lights);
    Py_DECREF(geos);
    return scene;
error:
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
                "limit). The background is the camera's bgcolor. antialias: TouchDesigner's menu aa1 (1x,\n"
                "off), aa2, aa4, aa8mid, aa8high, aa16low, aa16mid, aa16high, aa32 (2 to 32 samples a pixel,\n"
                "rendered multisampled and resolved into the TOP's image, which reads, saves and sample()\n"
                "see); default aa1, as TouchDesigner's default is not documented. More samples than this\n"
                "OpenGL supports for the pixel format are clamped, with a warning (warnings()). A camera\n"
                "that names nothing makes the cook raise td_render.tdError naming the path; a material\n"
                "whose shader does not compile raises tdError naming the MAT and the driver's log."},
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
    .base = TD_BASE_TOP, .spec = &render_spec, .pars = render_pars, .npars = TD_NPARS(render_pars),
    .release = td_top_release, .build_scene = render_build_scene, .cook = td_top_cook_hook,
};
