/* renderTOP: renders the geometry COMPs its geometry pattern names, lit by the lights its lights
 * pattern names, through the camera its camera parameter names. Paths and patterns are relative
 * to the render's own network (its parent). Defaults: camera 'cam1', geometry 'geo*',
 * lights 'light*', 1280 x 720 (TouchDesigner's modern default). */
#include <string.h>

#include "graph/path.h"
#include "bind/state.h"
#include "graph/op.h"
#include "ops/camera.h"
#include "ops/object.h"
#include "ops/sop.h"
#include "ops/top.h"
#include "util/mat4.h"
#include "ops/material.h"
#include "bind/bridge.h"

/* TouchDesigner's antialias menu, in its order. */
#define ANTIALIAS_MENU(M)                                                                                  \
    M(AA_1, "aa1") M(AA_2, "aa2") M(AA_4, "aa4") M(AA_8MID, "aa8mid") M(AA_8HIGH, "aa8high")                   \
    M(AA_16LOW, "aa16low") M(AA_16MID, "aa16mid") M(AA_16HIGH, "aa16high") M(AA_32, "aa32")
enum { ANTIALIAS_MENU(TD_MENU_ID) AA_COUNT };
static const char *const antialias_menu[] = {ANTIALIAS_MENU(TD_MENU_TOKEN) NULL};
static const char *const antialias_labels[] = {"1x (Off)", "2x", "4x", "8x Medium", "8x High", "16x Low",
                                               "16x Medium", "16x High", "32x", NULL};
/* The samples a pixel each token asks for. */
static const int antialias_samples[AA_COUNT] = {[AA_1] = 1,     [AA_2] = 2,      [AA_4] = 4,
                                                [AA_8MID] = 8,  [AA_8HIGH] = 8,  [AA_16LOW] = 16,
                                                [AA_16MID] = 16, [AA_16HIGH] = 16, [AA_32] = 32};

#define RENDER_PARS(X)                                                                                     \
    X(camera, TD_PAR_O, "Camera", "Render", "cam1")                                                        \
    X(geometry, TD_PAR_O, "Geometry", "Render", "geo*")                                                    \
    X(lights, TD_PAR_O, "Lights", "Render", "light*")                                                      \
    X(antialias, TD_PAR_ML, "Anti-Alias", "Render", AA_1, antialias_menu, antialias_labels)               \
    TD_TOP_COMMON_PARS(X)
TD_PAR_TABLE(render_pars, RENDER_PARS);

static int
cook_error(TdOp *op, const char *fmt, const char *arg)
{
    PyObject *path = td_op_path(op);
    PyObject *msg = PyUnicode_FromFormat(fmt, arg);
    if (path != NULL && msg != NULL) {
        PyErr_Format(td_state_of((PyObject *)op)->tdError, "%U: %U", path, msg);
    }
    Py_XDECREF(path);
    Py_XDECREF(msg);
    return -1;
}

/* ---- the build: evaluate first, then plain C ----
 *
 * Evaluating a parameter runs Python, which may create, destroy or re-parent anything. So the
 * build never walks a list or reads an operator across an evaluation: it gathers what it needs
 * (strong references in lists, parameter values in td_values, lights and draws in C arrays) and
 * fills the td_scene from that alone at the end. */

typedef struct {
    td_scene_light *lights;
    size_t nlights, cap_lights;
    float ambient[3]; /* the ambient lights, summed */
    td_scene_draw *draws;
    size_t ndraws, cap_draws;
} gathered;

static void *
grow(void *items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) {
        return items;
    }
    size_t n = *cap ? *cap * 2 : 8;
    while (n < need) {
        n *= 2;
    }
    void *p = PyMem_Realloc(items, n * size);
    if (p == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    *cap = n;
    return p;
}

static void
gathered_clear(gathered *g)
{
    for (size_t i = 0; i < g->ndraws; i++) {
        td_mesh_decref(g->draws[i].mesh);
        td_gl_source_decref(g->draws[i].material.source);
    }
    PyMem_Free(g->draws);
    PyMem_Free(g->lights);
    memset(g, 0, sizeof(*g));
}

/* The operators patterns (relative to net) names that keep(op) accepts, each held. Pure C: the
 * walk compares names and classes only. */
static PyObject *
matches(TdOp *net, const char *patterns, int (*keep)(TdOp *op))
{
    PyObject *found = PyList_New(0);
    if (found == NULL || td_pattern_collect(net, patterns, NULL, found) < 0) {
        Py_XDECREF(found);
        return NULL;
    }
    PyObject *out = PyList_New(0);
    for (Py_ssize_t i = 0; out != NULL && i < PyList_GET_SIZE(found); i++) {
        TdOp *op = (TdOp *)PyList_GET_ITEM(found, i);
        if (keep(op) && PyList_Append(out, (PyObject *)op) < 0) {
            Py_CLEAR(out);
        }
    }
    Py_DECREF(found);
    return out;
}

static int
is_camera(TdOp *op)
{
    const td_object_class *o = td_object_class_of(op);
    return o != NULL && o->role == TD_OBJECT_CAMERA;
}

static int
is_light(TdOp *op)
{
    const td_object_class *o = td_object_class_of(op);
    return o != NULL && o->fill_light != NULL;
}

static int
is_rendered_geometry(TdOp *op)
{
    const td_object_class *o = td_object_class_of(op);
    /* the Render flag off takes geometry out of renders */
    return o != NULL && o->role == TD_OBJECT_GEOMETRY && td_op_flag(op, TD_FLAG_RENDER);
}

static int
gather_lights(gathered *g, PyObject *lights)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(lights); i++) {
        TdOp *l = (TdOp *)PyList_GET_ITEM(lights, i);
        if (!l->valid) {
            continue; /* destroyed by an expression evaluated earlier in this build */
        }
        double world[16];
        td_values *v = NULL;
        if (td_object_world(l, world, &v) < 0) {
            return -1;
        }
        g->lights = grow(g->lights, &g->cap_lights, g->nlights + 1, sizeof(td_scene_light));
        if (g->lights == NULL) {
            td_values_free(v);
            return -1;
        }
        td_scene_light *sl = &g->lights[g->nlights];
        memset(sl, 0, sizeof(*sl));
        if (td_object_class_of(l)->fill_light(v, world, sl)) {
            if (sl->position[3] == (float)TD_LIGHT_AMBIENT) {
                for (int k = 0; k < 3; k++) {
                    g->ambient[k] += sl->color[k]; /* light from everywhere: one sum for the shaders */
                }
            }
            else {
                g->nlights++;
            }
        }
        td_values_free(v);
    }
    return 0;
}

/* Samples a pixel for the antialias parameter, clamped to what the GL supports for the format
 * (with a warning on the TOP). 0 with a Python error if the GL cannot start. */
static int
render_samples(TdOp *top, const td_values *tv, const td_top_output *out)
{
    int index = (int)tv->v[PAR_antialias].num;
    int want = antialias_samples[index >= 0 && index < AA_COUNT ? index : AA_1];
    if (want == 1) {
        return 1;
    }
    td_gl_runtime *rt = td_runtime(td_state_of((PyObject *)top)); /* may release the GIL */
    if (rt == NULL) {
        return 0;
    }
    int format_index = (int)tv->v[td_top_common(top->cls) + TD_COMMON_format].num;
    format_index = format_index > 0 && format_index < TD_GL_MAX_FORMATS ? format_index : 1;
    int most = td_gl_runtime_info(rt)->format_samples[format_index];
    most = most > 0 ? most : 1;
    if (want <= most) {
        return want;
    }
    char msg[512];
    snprintf(msg, sizeof(msg), "antialias %s asks for %d samples; this OpenGL (%s) supports at most %d for %s: "
             "rendering with %d", antialias_menu[index], want, td_gl_runtime_info(rt)->renderer, most,
             out->format->token, most);
    return td_op_warn(top, msg) < 0 ? 0 : most;
}

/* geo's material: its material parameter resolved (relative to geo's network) and evaluated, or
 * phongMAT's defaults when empty. */
static int
gather_material(TdOp *geo, const td_values *gv, Py_ssize_t index, td_scene_material *out)
{
    const char *path = td_values_str(gv, index);
    if (path[0] == '\0') {
        td_phong_defaults(out);
        return 0;
    }
    TdOp *mat = td_path_resolve(geo->parent != NULL ? geo->parent : geo, path);
    if (mat == NULL || !mat->valid) {
        return cook_error(geo, "material '%s' names no operator", path);
    }
    const td_mat_class *proto = td_mat_class_of(mat);
    if (proto == NULL) {
        return cook_error(geo, "material '%s' is not a MAT", path);
    }
    Py_INCREF(mat);
    td_values *mv = td_op_values(mat);
    if (mv == NULL) {
        Py_DECREF(mat);
        return -1;
    }
    td_mat_fill(mv, mat->cls, proto->program, out);
    td_values_free(mv);
    out->owner = mat->id; /* names the MAT in shader errors */
    out->source = mat->valid ? mat->ext : NULL; /* a replacement fragment source (test-only) */
    if (out->source != NULL) {
        td_gl_source_incref(out->source);
    }
    Py_DECREF(mat);
    return 0;
}

static int
gather_geometry(gathered *g, TdOp *geo)
{
    double world[16];
    td_values *gv = NULL;
    if (td_object_world(geo, world, &gv) < 0) {
        return -1;
    }
    td_scene_material material;
    memset(&material, 0, sizeof(material)); /* zeroed: draws are compared with memcmp */
    int rc = gather_material(geo, gv, td_object_class_of(geo)->material_par, &material);
    td_values_free(gv);
    if (rc < 0) {
        return -1;
    }
    /* The SOPs inside as they are now, each held: building one may change the others. */
    PyObject *sops = geo->children != NULL ? PyList_GetSlice(geo->children, 0, PY_SSIZE_T_MAX) : PyList_New(0);
    if (sops == NULL) {
        return -1;
    }
    for (Py_ssize_t j = 0; j < PyList_GET_SIZE(sops); j++) {
        TdOp *sop = (TdOp *)PyList_GET_ITEM(sops, j);
        if (!sop->valid || td_sop_class_of(sop) == NULL || !td_op_flag(sop, TD_FLAG_RENDER)) {
            continue;
        }
        td_mesh *mesh = td_sop_mesh(sop);
        if (mesh == NULL) {
            Py_DECREF(sops);
            td_gl_source_decref(material.source);
            return -1;
        }
        g->draws = grow(g->draws, &g->cap_draws, g->ndraws + 1, sizeof(td_scene_draw));
        if (g->draws == NULL) {
            td_mesh_decref(mesh);
            Py_DECREF(sops);
            td_gl_source_decref(material.source);
            return -1;
        }
        td_scene_draw *d = &g->draws[g->ndraws++];
        memset(d, 0, sizeof(*d));
        d->mesh = mesh;
        td_mat4_to_float(d->model, world);
        td_mat4_normal_matrix(d->normal, world);
        d->material = material;
        if (material.source != NULL) {
            td_gl_source_incref(material.source); /* one reference per draw */
        }
    }
    Py_DECREF(sops);
    td_gl_source_decref(material.source);
    return 0;
}

static td_scene *
render_build_scene(TdOp *top)
{
    PyObject *cams = NULL, *lights = NULL, *geos = NULL;
    td_values *tv = NULL, *camv = NULL;
    td_scene *scene = NULL;
    gathered g = {0};
    td_top_output out;
    double cam_world[16], view[16], proj[16];

    /* 1. The render's own parameters, then what its patterns name now (pure C walks). */
    tv = td_op_values(top);
    if (tv == NULL) {
        goto error;
    }
    td_top_output_from(tv, td_top_common(top->cls), &out);
    if (out.width > 1e6 || out.height > 1e6 || !(out.aspect_w > 0.0 && out.aspect_h > 0.0)) {
        PyErr_Format(PyExc_ValueError, "output resolution %.0fx%.0f (aspect %g:%g) cannot be rendered",
                     out.width, out.height, out.aspect_w, out.aspect_h);
        goto error;
    }
    int samples = render_samples(top, tv, &out);
    if (samples == 0) {
        goto error;
    }
    TdOp *net = top->parent != NULL ? top->parent : top;
    cams = matches(net, td_values_str(tv, PAR_camera), is_camera);
    lights = cams != NULL ? matches(net, td_values_str(tv, PAR_lights), is_light) : NULL;
    geos = lights != NULL ? matches(net, td_values_str(tv, PAR_geometry), is_rendered_geometry) : NULL;
    if (geos == NULL) {
        goto error;
    }
    if (PyList_GET_SIZE(cams) == 0) {
        cook_error(top, "camera '%s' names no cameraCOMP", td_values_str(tv, PAR_camera));
        goto error;
    }
    /* 2. Evaluate: the camera, every light, every geometry with its material and SOPs. */
    TdOp *cam = (TdOp *)PyList_GET_ITEM(cams, 0);
    if (td_object_world(cam, cam_world, &camv) < 0) {
        goto error;
    }
    if (td_mat4_invert(view, cam_world) != 0) {
        cook_error(top, "camera '%s' has a singular transform (a zero scale?)", td_values_str(tv, PAR_camera));
        goto error;
    }
    if (td_camera_projection(cam, camv, out.aspect_w / out.aspect_h, proj) < 0 || gather_lights(&g, lights) < 0) {
        goto error;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(geos); i++) {
        TdOp *geo = (TdOp *)PyList_GET_ITEM(geos, i);
        if (geo->valid && gather_geometry(&g, geo) < 0) {
            goto error;
        }
    }
    if (td_op_check(top) < 0) {
        goto error;
    }
    /* 3. Plain C: the snapshot from what was gathered. */
    scene = td_scene_new(g.nlights, g.ndraws);
    if (scene == NULL) {
        PyErr_NoMemory();
        goto error;
    }
    scene->width = (int)out.width;
    scene->height = (int)out.height;
    scene->format = out.format;
    scene->chanmask = out.chanmask;
    scene->samples = samples;
    td_mat4_to_float(scene->view, view);
    td_mat4_to_float(scene->proj, proj);
    for (int k = 0; k < 3; k++) {
        scene->camera_pos[k] = (float)cam_world[12 + k];
    }
    td_camera_background(camv, scene->background);
    td_camera_fog(camv, &scene->fog);
    if (g.nlights) {
        memcpy(scene->lights, g.lights, g.nlights * sizeof(td_scene_light));
    }
    scene->nlights = g.nlights;
    memcpy(scene->ambient, g.ambient, sizeof(g.ambient));
    if (g.ndraws) {
        memcpy(scene->draws, g.draws, g.ndraws * sizeof(td_scene_draw));
    }
    scene->ndraws = g.ndraws;
    g.ndraws = 0; /* the scene holds the meshes now */
    gathered_clear(&g);
    Py_DECREF(cams);
    Py_DECREF(lights);
    Py_DECREF(geos);
    td_values_free(tv);
    td_values_free(camv);
    return scene;
error:
    gathered_clear(&g);
    Py_XDECREF(cams);
    Py_XDECREF(lights);
    Py_XDECREF(geos);
    td_values_free(tv);
    td_values_free(camv);
    td_scene_decref(scene);
    return NULL;
}

static const td_top_class render_proto = {.build = render_build_scene};

static PyType_Slot render_slots[] = {
    {Py_tp_doc, "renderTOP: renders 3D geometry through a camera into an image.\n\n"
                "camera, geometry and lights are OP paths or patterns ('geo* ^geo7'), relative to the\n"
                "render's network, or OP objects. The background is the camera's bgcolor. A camera\n"
                "that names nothing makes the cook raise td_render.tdError naming the path, and the\n"
                "message stays in errors() until a cook succeeds. antialias renders multisampled and\n"
                "resolves into the TOP's image (reads, saves and sample() see the resolved one); more\n"
                "samples than this OpenGL supports for the format are clamped with a warning\n"
                "(warnings()). TouchDesigner's default is not documented: aa1 is ours. A material whose\n"
                "shader does not compile raises tdError naming the MAT and the driver's log."},
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
    .release = td_top_release, .proto = &render_proto, .cook = td_top_cook_hook,
};
