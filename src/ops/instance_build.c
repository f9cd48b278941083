/* The td_instances of a geometryCOMP: its Instance pages' values, the channels of the sources
 * they name, in plain C once every source is read. See instance.h.
 *
 * Each attribute group (translate, rotate, scale, pivot, colour, texture coordinate, active) reads
 * the OP of its own parameter (instancetop ...) or the default instanceop. Instance i reads sample
 * i of each channel, wrapping around a shorter source. A channel name that names nothing is an
 * error unless it is its parameter's default (tx ... pz: then the attribute keeps its identity
 * value), so a SOP source works with the defaults once instancetx/ty/tz name "P(0)" .. "P(2)". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/op.h"
#include "graph/path.h"
#include "ops/instance.h"
#include "ops/render_scene.h"
#include "util/mat4.h"

enum { G_T = 0, G_R, G_S, G_P, G_COLOR, G_TEX, G_ACTIVE, G_COUNT };

typedef struct {
    Py_ssize_t op;    /* the group's own OP parameter (offset), -1: the default instanceop only */
    Py_ssize_t first; /* its first channel parameter (offset) */
    int n;
} group_def;

static const group_def groups[G_COUNT] = {
    [G_T] = {TD_INST_instancetop, TD_INST_instancetx, 3},
    [G_R] = {TD_INST_instancerop, TD_INST_instancerx, 3},
    [G_S] = {TD_INST_instancesop, TD_INST_instancesx, 3},
    [G_P] = {TD_INST_instancepop, TD_INST_instancepx, 3},
    [G_COLOR] = {TD_INST_instancecolorop, TD_INST_instancer, 4},
    [G_TEX] = {-1, TD_INST_instanceu, 3},
    [G_ACTIVE] = {-1, TD_INST_instanceactive, 1},
};

typedef struct {
    TdOp *op; /* held */
    td_chans *chans;
    uint32_t skip; /* leading samples that are no instance (a table DAT's first row) */
    int dat, by_name;
} source;

typedef struct {
    const float *data; /* NULL: not named */
    uint32_t n;
} column;

typedef struct {
    TdOp *geo;
    const td_values *gv;
    Py_ssize_t first;
    source src[G_COUNT + 1];
    int nsrc;
    int group_src[G_COUNT]; /* index in src, -1: none */
    int default_src;
    column col[G_COUNT][4];
} build;

static const char *
par_name(const build *b, Py_ssize_t off)
{
    return b->geo->cls->pars[b->first + off].name;
}

static int
fail(build *b, const char *msg)
{
    return td_render_error(b->geo, "%s", msg);
}

/* The source for path (a parameter's value, off its offset): one of b->src (each operator once). */
static int
add_source(build *b, Py_ssize_t off, const char *path, int *out)
{
    *out = -1;
    if (path[0] == '\0') {
        return 0;
    }
    TdOp *op = td_path_resolve(b->geo->parent != NULL ? b->geo->parent : b->geo, path);
    if (op == NULL || !op->valid) {
        char msg[512];
        snprintf(msg, sizeof(msg), "%s '%.400s' names no operator", par_name(b, off), path);
        return fail(b, msg);
    }
    for (int k = 0; k < b->nsrc; k++) {
        if (b->src[k].op == op) {
            *out = k;
            return 0;
        }
    }
    Py_INCREF(op);
    b->src[b->nsrc].op = op;
    *out = b->nsrc++;
    return 0;
}

/* Channel name in s: by name, or (a DAT's columns) by index. -1 if none. */
static int
find_channel(const source *s, const char *name)
{
    int k = s->by_name ? td_chans_find(s->chans, name) : -1;
    if (k < 0 && s->dat && name[0] >= '0' && name[0] <= '9') {
        char *end = NULL;
        unsigned long i = strtoul(name, &end, 10);
        k = *end == '\0' && i < s->chans->nchans ? (int)i : -1;
    }
    return k;
}

static int
missing_channel(build *b, Py_ssize_t off, const char *name, const source *s)
{
    char msg[1024], have[512];
    size_t n = 0;
    have[0] = '\0';
    for (uint32_t k = 0; k < s->chans->nchans && n < sizeof(have) - 80; k++) {
        n += (size_t)snprintf(have + n, sizeof(have) - n, "%s%s", k ? ", " : "", s->chans->names[k]);
    }
    if (n >= sizeof(have) - 80 && s->chans->nchans > 0) {
        snprintf(have + n, sizeof(have) - n, ", ...");
    }
    PyObject *path = td_op_path(s->op);
    const char *p = path != NULL ? PyUnicode_AsUTF8(path) : NULL;
    snprintf(msg, sizeof(msg), "%s '%.100s' names no channel of '%.300s' (it has %s)", par_name(b, off), name,
             p != NULL ? p : "?", s->chans->nchans > 0 ? have : "none");
    Py_XDECREF(path);
    PyErr_Clear();
    return fail(b, msg);
}

/* Every channel parameter of every group, found in its source. */
static int
find_columns(build *b)
{
    for (int g = 0; g < G_COUNT; g++) {
        for (int j = 0; j < groups[g].n; j++) {
            Py_ssize_t off = groups[g].first + j;
            const char *name = td_values_str(b->gv, b->first + off);
            const char *def = b->geo->cls->pars[b->first + off].sdef;
            int is_default = def != NULL && strcmp(name, def) == 0;
            b->col[g][j].data = NULL;
            if (name[0] == '\0') {
                continue;
            }
            if (b->group_src[g] < 0) {
                if (is_default) {
                    continue;
                }
                char msg[256];
                snprintf(msg, sizeof(msg), "%s '%.100s' names a channel, but no instance OP is given (instanceop)",
                         par_name(b, off), name);
                return fail(b, msg);
            }
            const source *s = &b->src[b->group_src[g]];
            int k = find_channel(s, name);
            if (k < 0) {
                if (is_default) {
                    continue;
                }
                return missing_channel(b, off, name, s);
            }
            uint32_t n = s->chans->nsamples > s->skip ? s->chans->nsamples - s->skip : 0;
            b->col[g][j].data = n > 0 ? td_chans_samples(s->chans, (uint32_t)k) + s->skip : NULL;
            b->col[g][j].n = n;
        }
    }
    return 0;
}

static double
sample(const column *c, uint32_t i, double otherwise)
{
    return c->data != NULL ? (double)c->data[i % c->n] : otherwise;
}

static const char *
menu_token(const char *const *menu, double index)
{
    int i = (int)index, n = 0;
    while (menu[n] != NULL) {
        n++;
    }
    return i >= 0 && i < n ? menu[i] : menu[0];
}

/* Fills in from the found columns: instance k is source instance ids[k]. */
static void
fill(const build *b, td_instances *in, const uint32_t *ids, const double world[16])
{
    const td_par_value *v = b->gv->v + b->first;
    const char *xord = menu_token(td_menu_xord, v[TD_INST_instxord].num);
    const char *rord = menu_token(td_menu_rord, v[TD_INST_instrord].num);
    int world_first = (int)v[TD_INST_instanceorder].num == TD_INSTORDER_WORLDINSTANCE;
    double inv[16];
    if (world_first && td_mat4_invert(inv, world) != 0) {
        world_first = 0; /* a singular world draws nothing visible either way */
    }
    int mode = in->color_mode;
    double color_rest = mode == TD_INSTCOLOR_MULTIPLY || mode == TD_INSTCOLOR_REPLACE ? 1.0 : 0.0;
    for (uint32_t k = 0; k < in->count; k++) {
        uint32_t i = ids != NULL ? ids[k] : k;
        double t[3], r[3], s[3], p[3], m[16];
        for (int j = 0; j < 3; j++) {
            t[j] = sample(&b->col[G_T][j], i, 0.0);
            r[j] = sample(&b->col[G_R][j], i, 0.0);
            s[j] = sample(&b->col[G_S][j], i, 1.0);
            p[j] = sample(&b->col[G_P][j], i, 0.0);
        }
        td_mat4_compose(m, xord, rord, t, r, s, p);
        if (world_first) {
            /* world * (W^-1 M W) = M * world: the instance transform applied after the world one */
            double a[16], c[16];
            td_mat4_mul(a, m, world);
            td_mat4_mul(c, inv, a);
            memcpy(m, c, sizeof(m));
        }
        td_mat4_to_float(in->xform + (size_t)k * 16, m);
        for (int j = 0; in->color != NULL && j < 4; j++) {
            in->color[(size_t)k * 4 + j] = (float)sample(&b->col[G_COLOR][j], i, color_rest);
        }
        for (int j = 0; in->texcoord != NULL && j < 3; j++) {
            in->texcoord[(size_t)k * 3 + j] = (float)sample(&b->col[G_TEX][j], i, 0.0);
        }
    }
}

static int
make(build *b, const double world[16], td_instances **out)
{
    const td_par_value *v = b->gv->v + b->first;
    double count = 0.0;
    if ((int)v[TD_INST_instancecountmode].num == TD_INSTCOUNT_MANUAL) {
        count = v[TD_INST_numinstances].num;
    }
    else {
        int d = b->default_src;
        for (int g = 0; d < 0 && g < G_COUNT; g++) {
            d = b->group_src[g];
        }
        if (d < 0) {
            return fail(b, "instancecountmode 'oplength' counts the samples of an instance OP: instanceop names none");
        }
        const source *s = &b->src[d];
        count = s->chans->nsamples > s->skip ? (double)(s->chans->nsamples - s->skip) : 0.0;
    }
    if (!(count >= 0.0) || count > (double)TD_INSTANCES_MAX) {
        char msg[128];
        snprintf(msg, sizeof(msg), "%.0f instances are more than the %u one geometryCOMP draws", count,
                 TD_INSTANCES_MAX);
        return fail(b, msg);
    }
    uint32_t n = (uint32_t)count;
    uint32_t *ids = NULL, active = n;
    const column *act = &b->col[G_ACTIVE][0];
    if (act->data != NULL) {
        ids = PyMem_Malloc((n > 0 ? n : 1) * sizeof(uint32_t));
        if (ids == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        active = 0;
        for (uint32_t i = 0; i < n; i++) {
            if (act->data[i % act->n] != 0.0f) {
                ids[active++] = i;
            }
        }
    }
    unsigned color_mask = 0, tex_mask = 0;
    for (int j = 0; j < 4; j++) {
        color_mask |= b->col[G_COLOR][j].data != NULL ? 1u << j : 0u;
        tex_mask |= j < 3 && b->col[G_TEX][j].data != NULL ? 1u << j : 0u;
    }
    td_err err = {0};
    td_instances *in = td_instances_new(active, color_mask != 0, tex_mask != 0, &err);
    if (in == NULL) {
        PyMem_Free(ids);
        PyErr_NoMemory();
        return -1;
    }
    in->color_mode = (int)v[TD_INST_instancecolormode].num;
    in->tex_mode = (int)v[TD_INST_instancetexmode].num;
    in->color_mask = color_mask;
    in->tex_mask = tex_mask;
    fill(b, in, ids, world);
    PyMem_Free(ids);
    *out = in;
    return 0;
}

int
td_instances_build(TdOp *geo, const td_values *gv, Py_ssize_t first, const double world[16], td_instances **out)
{
    *out = NULL;
    if (gv->v[first + TD_INST_instancing].num == 0.0) {
        return 0;
    }
    build b;
    memset(&b, 0, sizeof(b));
    b.geo = geo;
    b.gv = gv;
    b.first = first;
    int rc = 0;
    Py_INCREF(geo);
    /* Every path resolved first (pure C), then each operator read once (Python may run there). */
    rc = add_source(&b, TD_INST_instanceop, td_values_str(gv, first + TD_INST_instanceop), &b.default_src);
    for (int g = 0; rc == 0 && g < G_COUNT; g++) {
        const char *path = groups[g].op >= 0 ? td_values_str(gv, first + groups[g].op) : "";
        if (path[0] != '\0') {
            rc = add_source(&b, groups[g].op, path, &b.group_src[g]);
        }
        else {
            b.group_src[g] = b.default_src;
        }
    }
    int firstrow = (int)gv->v[first + TD_INST_instancefirstrow].num;
    for (int k = 0; rc == 0 && k < b.nsrc; k++) {
        source *s = &b.src[k];
        s->dat = s->op->cls->base == TD_BASE_DAT;
        s->by_name = !s->dat || firstrow == TD_FIRSTROW_NAMES;
        s->skip = s->dat && firstrow != TD_FIRSTROW_VALUES ? 1 : 0;
        s->chans = s->op->valid ? td_instance_chans(geo, s->op) : NULL;
        if (s->chans == NULL) {
            rc = s->op->valid ? -1 : td_op_check(s->op);
        }
    }
    if (rc == 0) {
        rc = find_columns(&b);
    }
    if (rc == 0) {
        rc = make(&b, world, out);
    }
    for (int k = 0; k < b.nsrc; k++) {
        td_chans_decref(b.src[k].chans);
        Py_DECREF(b.src[k].op);
    }
    Py_DECREF(geo);
    return rc;
}
