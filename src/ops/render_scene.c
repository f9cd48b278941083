/* The gather of a rendering TOP (renderTOP, renderpassTOP): its camera, lights and geometry, found
 * by its parameters relative to its own network, evaluated into a td_scene snapshot.
 *
 * Evaluating a parameter runs Python, which may create, destroy or re-parent anything. So the
 * gather never walks a list or reads an operator across an evaluation: it collects what it needs
 * (strong references in lists, parameter values in td_values, lights and draws in C arrays) and
 * fills the td_scene from that alone at the end. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind/bridge.h"
#include "bind/state.h"
#include "graph/op.h"
#include "graph/path.h"
#include "ops/camera.h"
#include "ops/instance.h"
#include "ops/material.h"
#include "ops/object.h"
#include "ops/render_scene.h"
#include "ops/sop.h"
#include "ops/top.h"
#include "gpu/sampler.h"
#include "util/mat4.h"

const char *const td_menu_cullface[] = {TD_CULLFACE_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_cullface_labels[] = {"Neither", "Back Faces", "Front Faces", "Both Faces", NULL};
const char *const td_menu_transparency[] = {TD_TRANSPARENCY_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_transparency_labels[] = {"Sorted Draw with Blending", "Order Independent Transparency",
                                                   "Alpha-to-Coverage", NULL};
const char *const td_menu_depthformat[] = {TD_DEPTHFORMAT_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_depthformat_labels[] = {"24-Bit Fixed-Point", "32-Bit Floating-Point", NULL};
const char *const td_menu_cropunit[] = {TD_CROPUNIT_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_cropunit_labels[] = {"P", "F", "A", NULL};

int
td_render_error(TdOp *top, const char *fmt, const char *arg)
{
    PyObject *path = td_op_path(top);
    PyObject *msg = PyUnicode_FromFormat(fmt, arg);
    if (path != NULL && msg != NULL) {
        PyErr_Format(td_state_of((PyObject *)top)->tdError, "%U: %U", path, msg);
    }
    Py_XDECREF(path);
    Py_XDECREF(msg);
    return -1;
}

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

void
td_render_gather_clear(td_render_gather *g)
{
    for (size_t i = 0; i < g->ndraws; i++) {
        td_mesh_decref(g->draws[i].mesh);
        td_instances_decref(g->draws[i].instances);
        td_gl_source_decref(g->draws[i].material.source);
    }
    PyMem_Free(g->draws);
    PyMem_Free(g->lights);
    PyMem_Free(g->geos);
    for (int k = 0; k < g->nshadows; k++) {
        Py_XDECREF(g->casters[k]);
    }
    for (int k = 0; k < g->nprojmaps; k++) {
        td_gl_target_release(g->projmaps[k]);
    }
    for (int k = 0; k < g->ntextures; k++) {
        td_gl_target_release(g->textures[k]);
    }
    for (int k = 0; k < g->nenvlights; k++) {
        td_gl_target_release(g->envmaps[k]);
    }
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
is_geometry(TdOp *op)
{
    const td_object_class *o = td_object_class_of(op);
    return o != NULL && o->role == TD_OBJECT_GEOMETRY;
}

/* tdError "<top>: more than <most> <what> (the most a render takes)". */
static int
limit_error(TdOp *top, int most, const char *what)
{
    char msg[128];
    snprintf(msg, sizeof(msg), "more than %d %s (the most a render takes)", most, what);
    return td_render_error(top, "%s", msg);
}

/* A light with a shadow: its map's slot, and the geometry its shadowcasters pattern names now. */
static int
gather_shadow(TdOp *top, td_render_gather *g, TdOp *light, const td_values *v, td_scene_light *sl)
{
    if (g->nshadows >= TD_MAX_SHADOWS) {
        return limit_error(top, TD_MAX_SHADOWS, "lights with shadows");
    }
    const td_object_class *o = td_object_class_of(light);
    PyObject *casters = matches(light->parent != NULL ? light->parent : light, td_values_str(v, o->shadowcasters_par),
                                is_geometry);
    if (casters == NULL) {
        return -1;
    }
    sl->shadow[1] = (float)g->nshadows;
    g->casters[g->nshadows++] = casters;
    return 0;
}

/* The TOP a light's map parameter (named par, value path: relative to the light's network) names,
 * cooked into *image (its target one reference); -1 with a tdError naming the light and par. */
static int
light_map(TdOp *top, TdOp *light, const char *par, const char *path, td_top_image *image)
{
    TdOp *map = td_path_resolve(light->parent != NULL ? light->parent : light, path);
    if (map == NULL || !map->valid || td_top_class_of(map) == NULL) {
        char fmt[96];
        snprintf(fmt, sizeof(fmt), map == NULL || !map->valid ? "%s '%%s' names no operator" : "%s '%%s' is not a TOP",
                 par);
        return td_render_error(light, fmt, path);
    }
    Py_INCREF(map);
    int rc = td_top_input_cook(top, map, image);
    Py_DECREF(map);
    return rc;
}

/* A light with a projector map: the TOP its projmap names (relative to the light's network),
 * cooked, into the next slot. */
static int
gather_projector(TdOp *top, td_render_gather *g, TdOp *light, const td_values *v, td_scene_light *sl)
{
    if (g->nprojmaps >= TD_MAX_PROJMAPS) {
        return limit_error(top, TD_MAX_PROJMAPS, "lights with projector maps");
    }
    const char *path = td_values_str(v, td_object_class_of(light)->projmap_par);
    td_top_image image;
    if (light_map(top, light, "projmap", path, &image) < 0) {
        return -1;
    }
    sl->projector[1] = (float)g->nprojmaps;
    g->projmaps[g->nprojmaps] = image.target;
    g->projmap_gens[g->nprojmaps++] = image.generation;
    return 0;
}

/* An environment light: without a map a uniform environment (summed); with one its colour, its
 * rotation and the TOP its map parameter names (relative to the light's network), cooked. */
static int
gather_envlight(TdOp *top, td_render_gather *g, TdOp *light, const td_values *v, const td_scene_light *sl)
{
    const char *path = td_values_str(v, td_object_class_of(light)->envmap_par);
    if (path[0] == '\0') {
        for (int k = 0; k < 3; k++) {
            g->env_uniform[k] += sl->color[k];
        }
        return 0;
    }
    if (g->nenvlights >= TD_MAX_ENVLIGHTS) {
        return limit_error(top, TD_MAX_ENVLIGHTS, "environment lights with maps");
    }
    td_top_image image;
    if (light_map(top, light, "envlightmap", path, &image) < 0) {
        return -1;
    }
    td_scene_envlight *e = &g->envlights[g->nenvlights];
    memset(e, 0, sizeof(*e));
    memcpy(e->color, sl->color, 3 * sizeof(float));
    for (int c = 0; c < 3; c++) {
        memcpy(e->rotation + 4 * c, sl->projector_matrix + 4 * c, 3 * sizeof(float));
    }
    g->envmaps[g->nenvlights] = image.target;
    g->envmap_gens[g->nenvlights++] = image.generation;
    return 0;
}

static int
gather_lights(TdOp *top, td_render_gather *g, PyObject *lights)
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
            else if (sl->position[3] == (float)TD_LIGHT_ENVIRONMENT) {
                if (gather_envlight(top, g, l, v, sl) < 0) {
                    td_values_free(v);
                    return -1;
                }
            }
            else if (g->nlights >= TD_MAX_LIGHTS) {
                td_values_free(v);
                return limit_error(top, TD_MAX_LIGHTS, "lights");
            }
            else if ((sl->shadow[0] > 0.0f && gather_shadow(top, g, l, v, sl) < 0) ||
                     (sl->projector[0] > 0.0f && gather_projector(top, g, l, v, sl) < 0)) {
                td_values_free(v);
                return -1;
            }
            else {
                g->nlights++;
            }
        }
        td_values_free(v);
    }
    return 0;
}

/* A MAT's maps: the TOP each names (relative to the MAT's network), cooked, as an index of the
 * render's textures (the same TOP once), with its sampling. */
static int
gather_maps(TdOp *top, td_render_gather *g, TdOp *mat, const td_mat_class *proto, const td_values *mv,
            td_scene_material *out)
{
    for (size_t j = 0; j < proto->program->nmaps && j < TD_MATERIAL_MAPS; j++) {
        const td_mat_map *m = &proto->maps[j];
        const char *path = td_values_str(mv, m->top);
        if (path[0] == '\0') {
            continue;
        }
        TdOp *map = td_path_resolve(mat->parent != NULL ? mat->parent : mat, path);
        if (map == NULL || !map->valid || td_top_class_of(map) == NULL) {
            char msg[512];
            snprintf(msg, sizeof(msg), map == NULL || !map->valid ? "%s '%.400s' names no operator" : "%s '%.400s' is not a TOP",
                     mat->cls->pars[m->top].name, path);
            return td_render_error(mat, "%s", msg);
        }
        Py_INCREF(map);
        td_top_image image;
        int rc = td_top_input_cook(top, map, &image);
        Py_DECREF(map);
        if (rc < 0) {
            return -1;
        }
        int slot = -1;
        for (int k = 0; k < g->ntextures; k++) {
            if (g->textures[k] == image.target) {
                slot = k;
            }
        }
        if (slot >= 0) {
            td_gl_target_release(image.target); /* held once already */
        }
        else if (g->ntextures >= TD_MAX_TEXTURES) {
            td_gl_target_release(image.target);
            return limit_error(top, TD_MAX_TEXTURES, "TOPs sampled by materials");
        }
        else {
            slot = g->ntextures++;
            g->textures[slot] = image.target;
            g->texture_gens[slot] = image.generation;
        }
        out->maps[j] = (signed char)slot;
        out->map_sampling[j] = (unsigned char)TD_SAMPLING((int)mv->v[m->extendu].num, (int)mv->v[m->extendv].num,
                                                          (int)mv->v[m->filter].num != TD_MAPFILTER_NEAREST);
    }
    return 0;
}

/* A wireframe's line width within what the OpenGL draws (its aliased line width range, at least 1
 * pixel), with a warning on top naming the MAT when it had to change (once per message). */
static int
clamp_line_width(TdOp *top, TdOp *mat, const td_mat_class *proto, td_material_state *st)
{
    if (!st->wireframe || st->line_width == 1.0f) {
        return 0;
    }
    td_gl_runtime *rt = td_runtime(td_state_of((PyObject *)top)); /* may release the GIL */
    if (rt == NULL) {
        return -1;
    }
    const td_gl_info *info = td_gl_runtime_info(rt);
    float hi = info->line_width_range[1] > 1.0f ? info->line_width_range[1] : 1.0f;
    float want = st->line_width;
    if (want >= 1.0f && want <= hi) {
        return 0;
    }
    st->line_width = want > hi ? hi : 1.0f; /* below 1 (or NaN): 1 */
    char numbers[512];
    snprintf(numbers, sizeof(numbers), "%s %g: this OpenGL (%s) draws lines 1 to %g pixels wide: drawing %g",
             proto->lines ? "linewidth" : "wirewidth", (double)want, info->renderer, (double)hi,
             (double)st->line_width);
    PyObject *path = td_op_path(mat);
    PyObject *msg = path != NULL ? PyUnicode_FromFormat("material '%U' %s", path, numbers) : NULL;
    Py_XDECREF(path);
    if (msg == NULL) {
        return -1;
    }
    int seen = top->warnings != NULL ? PySequence_Contains(top->warnings, msg) : 0;
    const char *text = seen == 0 ? PyUnicode_AsUTF8(msg) : NULL;
    int rc = seen < 0 || (seen == 0 && (text == NULL || td_op_warn(top, text) < 0)) ? -1 : 0;
    Py_DECREF(msg);
    return rc;
}

/* The material the MAT path names (relative to base's network), evaluated, or phongMAT's defaults
 * when the path is empty; errors name who, the operator whose parameter it is. Its maps are cooked
 * for top's render. */
static int
gather_material(TdOp *top, td_render_gather *g, TdOp *who, TdOp *base, const char *path, td_scene_material *out)
{
    if (path[0] == '\0') {
        td_phong_defaults(out);
        return 0;
    }
    TdOp *mat = td_path_resolve(base->parent != NULL ? base->parent : base, path);
    if (mat == NULL || !mat->valid) {
        return td_render_error(who, "material '%s' names no operator", path);
    }
    const td_mat_class *proto = td_mat_class_of(mat);
    if (proto == NULL) {
        return td_render_error(who, "material '%s' is not a MAT", path);
    }
    Py_INCREF(mat);
    td_values *mv = td_op_values(mat);
    if (mv == NULL) {
        Py_DECREF(mat);
        return -1;
    }
    td_mat_fill(mv, mat->cls, proto->program, out);
    int rc = proto->maps != NULL ? gather_maps(top, g, mat, proto, mv, out) : 0;
    if (rc == 0 && proto->fill != NULL) {
        rc = mat->valid ? proto->fill(mat, mv, out) : td_op_check(mat);
    }
    td_values_free(mv);
    if (rc == 0) {
        rc = clamp_line_width(top, mat, proto, &out->state);
    }
    if (rc < 0) {
        Py_DECREF(mat);
        return -1;
    }
    out->owner = mat->id; /* names the MAT in shader errors */
    out->source = mat->valid ? mat->ext : NULL; /* a replacement fragment source (test-only) */
    if (out->source != NULL) {
        td_gl_source_incref(out->source);
    }
    Py_DECREF(mat);
    return 0;
}

/* Geometry COMPs inside a rendered one are rendered with it, this deep at most. */
#define TD_GEOMETRY_DEPTH 64

static int
is_child_geometry(TdOp *op)
{
    return op->valid && is_rendered_geometry(op);
}

/* Adds a draw of every rendered SOP in geo, then of the geometry COMPs inside it (each geometry
 * COMP once, however it is reached); override, if given, replaces every material. casts: the
 * shadow slots geo's ancestors cast into (a caster's children cast too). */
static int
gather_geometry(td_render_gather *g, TdOp *geo, const td_scene_material *override, uint32_t casts, int depth)
{
    for (size_t i = 0; i < g->ngeos; i++) {
        if (g->geos[i] == geo->id) {
            return 0;
        }
    }
    if (depth > TD_GEOMETRY_DEPTH) {
        char n[16];
        snprintf(n, sizeof(n), "%d", TD_GEOMETRY_DEPTH);
        return td_render_error(geo, "geometry COMPs nested more than %s deep", n);
    }
    g->geos = grow(g->geos, &g->cap_geos, g->ngeos + 1, sizeof(uint64_t));
    if (g->geos == NULL) {
        return -1;
    }
    g->geos[g->ngeos++] = geo->id;
    double world[16];
    td_values *gv = NULL;
    if (td_object_world(geo, world, &gv) < 0) {
        return -1;
    }
    const td_object_class *o = td_object_class_of(geo);
    if (gv->v[o->render_par].num == 0.0) {
        td_values_free(gv); /* its render parameter off: neither it nor what it holds */
        return 0;
    }
    float priority = (float)gv->v[o->drawpriority_par].num;
    td_scene_material material;
    memset(&material, 0, sizeof(material)); /* zeroed: draws are compared with memcmp */
    int rc = 0;
    if (override != NULL) {
        material = *override;
        if (material.source != NULL) {
            td_gl_source_incref(material.source);
        }
    }
    else {
        rc = gather_material(g->top, g, geo, geo, td_values_str(gv, o->material_par), &material);
    }
    td_instances *instances = NULL;
    if (rc == 0 && o->instance_par > 0 && geo->valid) {
        /* the Instance pages: a failure is the geometryCOMP's error (op.errors()) */
        td_op_cook_begin(geo);
        rc = td_instances_build(geo, gv, o->instance_par, world, &instances);
        if (rc < 0 && geo->valid) {
            td_op_cook_failed(geo);
        }
        td_op_cook_end(geo, 0);
    }
    td_values_free(gv);
    if (rc < 0) {
        td_gl_source_decref(material.source);
        return -1;
    }
    for (int k = 0; k < g->nshadows; k++) {
        PyObject *casters = g->casters[k];
        for (Py_ssize_t c = 0; c < PyList_GET_SIZE(casters); c++) {
            if (PyList_GET_ITEM(casters, c) == (PyObject *)geo) {
                casts |= 1u << k; /* identity: no Python runs */
            }
        }
    }
    /* What is inside as it is now, each held: building one SOP may change the others. */
    PyObject *inside = geo->children != NULL ? PyList_GetSlice(geo->children, 0, PY_SSIZE_T_MAX) : PyList_New(0);
    if (inside == NULL) {
        td_gl_source_decref(material.source);
        td_instances_decref(instances);
        return -1;
    }
    for (Py_ssize_t j = 0; j < PyList_GET_SIZE(inside); j++) {
        TdOp *sop = (TdOp *)PyList_GET_ITEM(inside, j);
        if (!sop->valid || td_sop_class_of(sop) == NULL || !td_op_flag(sop, TD_FLAG_RENDER)) {
            continue;
        }
        td_mesh *mesh = td_sop_mesh(sop);
        if (mesh == NULL) {
            rc = -1;
            break;
        }
        g->draws = grow(g->draws, &g->cap_draws, g->ndraws + 1, sizeof(td_scene_draw));
        if (g->draws == NULL) {
            td_mesh_decref(mesh);
            rc = -1;
            break;
        }
        td_scene_draw *d = &g->draws[g->ndraws];
        memset(d, 0, sizeof(*d));
        d->mesh = mesh;
        d->geometry = geo->id;
        d->casts = casts;
        d->seq = (uint32_t)g->ndraws++;
        d->priority = priority;
        td_mat4_to_float(d->model, world);
        td_mat4_normal_matrix(d->normal, world);
        d->material = material;
        if (material.source != NULL) {
            td_gl_source_incref(material.source); /* one reference per draw */
        }
        d->instances = instances;
        if (instances != NULL) {
            td_instances_incref(instances); /* one reference per draw */
        }
    }
    td_gl_source_decref(material.source);
    td_instances_decref(instances);
    for (Py_ssize_t j = 0; rc == 0 && j < PyList_GET_SIZE(inside); j++) {
        TdOp *child = (TdOp *)PyList_GET_ITEM(inside, j);
        if (is_child_geometry(child)) {
            rc = gather_geometry(g, child, override, casts, depth + 1);
        }
    }
    Py_DECREF(inside);
    return rc;
}

/* The draw order without sortedblending: larger drawpriority first, else gather order. */
static int
by_priority_only(const void *pa, const void *pb)
{
    const td_scene_draw *a = pa, *b = pb;
    if (a->priority != b->priority) {
        return a->priority > b->priority ? -1 : 1;
    }
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The draw order: opaque draws first, then those whose material blends ('sortedblending'); by
 * larger drawpriority first (TouchDesigner: smaller values are drawn later); blended draws far to
 * near; else in gather order. */
static int
by_order(const void *pa, const void *pb)
{
    const td_scene_draw *a = pa, *b = pb;
    if (a->material.state.blend != b->material.state.blend) {
        return a->material.state.blend ? 1 : -1;
    }
    if (a->priority != b->priority) {
        return a->priority > b->priority ? -1 : 1;
    }
    if (a->material.state.blend && a->distance != b->distance) {
        return a->distance > b->distance ? -1 : 1;
    }
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* One crop edge as a fraction of the image (0 left/bottom, 1 right/top). fractionaspect counts in
 * units of the image's height on both axes (so the width spans width / height of them). */
static double
crop_fraction(const td_par_value *v, int axis_x, double width, double height)
{
    double value = v[0].num;
    switch ((int)v[1].num) {
    case TD_CROPUNIT_PIXELS:
        return value / (axis_x ? width : height);
    case TD_CROPUNIT_ASPECT:
        return axis_x ? value * height / width : value;
    default:
        return value;
    }
}

/* proj := crop * proj, the crop taking [left, right] x [bottom, top] (fractions) to the whole image. */
static int
apply_crop(TdOp *top, const td_values *tv, Py_ssize_t crop, double width, double height, double proj[16])
{
    const td_par_value *c = tv->v + crop;
    double l = crop_fraction(c + TD_CROP_cropleft, 1, width, height);
    double r = crop_fraction(c + TD_CROP_cropright, 1, width, height);
    double b = crop_fraction(c + TD_CROP_cropbottom, 0, width, height);
    double t = crop_fraction(c + TD_CROP_croptop, 0, width, height);
    if (l == 0.0 && r == 1.0 && b == 0.0 && t == 1.0) {
        return 0;
    }
    if (!(r > l) || !(t > b)) {
        return td_render_error(top, "%s", "the crop needs cropleft < cropright and cropbottom < croptop");
    }
    /* in normalized device coordinates: [2l - 1, 2r - 1] -> [-1, 1] */
    double L = 2.0 * l - 1.0, R = 2.0 * r - 1.0, B = 2.0 * b - 1.0, T = 2.0 * t - 1.0;
    double m[16] = {0};
    m[0] = 2.0 / (R - L);
    m[5] = 2.0 / (T - B);
    m[10] = 1.0;
    m[12] = -(R + L) / (R - L);
    m[13] = -(T + B) / (T - B);
    m[15] = 1.0;
    double out[16];
    td_mat4_mul(out, m, proj);
    memcpy(proj, out, sizeof(out));
    return 0;
}

int
td_render_gather_run(TdOp *top, const td_values *tv, const td_render_layout *lay, double width, double height,
                     double aspect, int camera, td_render_gather *g)
{
    PyObject *cams = NULL, *lights = NULL, *geos = NULL;
    td_values *camv = NULL;
    td_scene_material override;
    int have_override = 0, rc = -1;
    memset(g, 0, sizeof(*g));
    g->top = top;
    memset(&override, 0, sizeof(override));
    /* What the patterns name now (pure C walks), relative to the TOP's network. */
    TdOp *net = top->parent != NULL ? top->parent : top;
    cams = matches(net, td_values_str(tv, lay->camera), is_camera);
    lights = cams != NULL ? matches(net, td_values_str(tv, lay->lights), is_light) : NULL;
    geos = lights != NULL ? matches(net, td_values_str(tv, lay->geometry), is_rendered_geometry) : NULL;
    if (geos == NULL) {
        goto done;
    }
    if (PyList_GET_SIZE(cams) == 0) {
        td_render_error(top, "camera '%s' names no cameraCOMP", td_values_str(tv, lay->camera));
        goto done;
    }
    if (camera >= PyList_GET_SIZE(cams)) {
        char n[64];
        snprintf(n, sizeof(n), "%d (it names %zd)", camera, PyList_GET_SIZE(cams));
        td_render_error(top, "has no camera number %s", n);
        goto done;
    }
    /* The first camera drives the image; renderselectTOP's cameraindex asks for the others. */
    TdOp *cam = (TdOp *)PyList_GET_ITEM(cams, camera);
    if (td_object_world(cam, g->cam_world, &camv) < 0) {
        goto done;
    }
    if (td_mat4_invert(g->view, g->cam_world) != 0) {
        td_render_error(top, "camera '%s' has a singular transform (a zero scale?)", td_values_str(tv, lay->camera));
        goto done;
    }
    if (td_camera_projection(cam, camv, aspect, g->proj) < 0 ||
        (lay->crop >= 0 && apply_crop(top, tv, lay->crop, width, height, g->proj) < 0)) {
        goto done;
    }
    td_camera_background(camv, g->cam_background);
    g->cam_premult = td_camera_premultiply(camv);
    td_camera_fog(camv, &g->cam_fog);
    if (gather_lights(top, g, lights) < 0) {
        goto done;
    }
    if (lay->overridemat >= 0 && td_values_str(tv, lay->overridemat)[0] != '\0') {
        if (gather_material(top, g, top, top, td_values_str(tv, lay->overridemat), &override) < 0) {
            goto done;
        }
        have_override = 1;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(geos); i++) {
        TdOp *geo = (TdOp *)PyList_GET_ITEM(geos, i);
        if (geo->valid && gather_geometry(g, geo, have_override ? &override : NULL, 0, 0) < 0) {
            goto done;
        }
    }
    int sorted = lay->transparency < 0 || (int)tv->v[lay->transparency].num == TD_TRANSPARENCY_SORTED;
    for (size_t i = 0; i < g->ndraws; i++) {
        td_scene_draw *d = &g->draws[i];
        double dx = d->model[12] - g->cam_world[12], dy = d->model[13] - g->cam_world[13];
        double dz = d->model[14] - g->cam_world[14];
        d->distance = sorted && d->material.state.blend ? (float)sqrt(dx * dx + dy * dy + dz * dz) : 0.0f;
    }
    if (g->ndraws > 1) {
        qsort(g->draws, g->ndraws, sizeof(td_scene_draw), sorted ? by_order : by_priority_only);
    }
    rc = td_op_check(top);
done:
    if (rc < 0) {
        td_render_gather_clear(g);
    }
    td_gl_source_decref(override.source);
    Py_XDECREF(cams);
    Py_XDECREF(lights);
    Py_XDECREF(geos);
    td_values_free(camv);
    return rc;
}

td_scene *
td_render_gather_scene(td_render_gather *g, const td_values *tv, const td_render_layout *lay)
{
    td_scene *scene = td_scene_new(g->nlights, g->ndraws);
    if (scene == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    td_mat4_to_float(scene->view, g->view);
    td_mat4_to_float(scene->proj, g->proj);
    for (int k = 0; k < 3; k++) {
        scene->camera_pos[k] = (float)g->cam_world[12 + k];
    }
    if (g->nlights) {
        memcpy(scene->lights, g->lights, g->nlights * sizeof(td_scene_light));
    }
    scene->nlights = g->nlights;
    memcpy(scene->ambient, g->ambient, sizeof(g->ambient));
    if (g->ndraws) {
        memcpy(scene->draws, g->draws, g->ndraws * sizeof(td_scene_draw));
    }
    scene->ndraws = g->ndraws;
    g->ndraws = 0; /* the scene holds the meshes now */
    scene->nshadows = g->nshadows;
    for (int k = 0; k < g->nprojmaps; k++) {
        scene->projmaps[k] = g->projmaps[k]; /* the scene holds them now */
        scene->projmap_gens[k] = g->projmap_gens[k];
    }
    scene->nprojmaps = g->nprojmaps;
    g->nprojmaps = 0;
    for (int k = 0; k < g->ntextures; k++) {
        scene->textures[k] = g->textures[k]; /* the scene holds them now */
        scene->texture_gens[k] = g->texture_gens[k];
    }
    scene->ntextures = g->ntextures;
    g->ntextures = 0;
    for (int k = 0; k < g->nenvlights; k++) {
        scene->envmaps[k] = g->envmaps[k]; /* the scene holds them now */
        scene->envmap_gens[k] = g->envmap_gens[k];
        scene->envlights[k] = g->envlights[k];
    }
    scene->nenvlights = g->nenvlights;
    g->nenvlights = 0;
    memcpy(scene->env_uniform, g->env_uniform, sizeof(g->env_uniform));
    scene->fog = g->cam_fog;
    const td_par_value *v = tv->v;
    if (lay->cullface >= 0) {
        scene->cull = (int)v[lay->cullface].num;
    }
    if (lay->polygonoffset >= 0 && v[lay->polygonoffset].num != 0.0) {
        scene->polygon_offset = 1;
        scene->offset_factor = (float)v[lay->polygonoffsetfactor].num;
        scene->offset_units = (float)v[lay->polygonoffsetunits].num;
    }
    scene->depth_only = lay->drawdepthonly >= 0 && v[lay->drawdepthonly].num != 0.0;
    scene->dither = lay->dither >= 0 && v[lay->dither].num != 0.0;
    return scene;
}
