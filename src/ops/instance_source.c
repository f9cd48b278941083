/* Instance sources: the channels of the operator a geometryCOMP's instanceop (or a per-attribute
 * OP) names, one function a family. See instance.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind/bridge.h"
#include "bind/state.h"
#include "gpu/format.h"
#include "graph/op.h"
#include "ops/chop.h"
#include "ops/dat.h"
#include "ops/instance.h"
#include "ops/render_scene.h"
#include "ops/sop.h"
#include "ops/top.h"

const char *const td_menu_instcount[] = {TD_INSTCOUNT_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_instcount_labels[] = {"Manual", "Instance OP(s) Length", NULL};
const char *const td_menu_instfirstrow[] = {TD_INSTFIRSTROW_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_instfirstrow_labels[] = {"Ignored", "Names", "Values", NULL};
const char *const td_menu_instrottoorder[] = {TD_INSTROTTOORDER_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_instrottoorder_labels[] = {"Default", "Pre-Rot", "Post-Rot", NULL};
const char *const td_menu_instrottoforward[] = {TD_INSTROTTOFORWARD_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_instrottoforward_labels[] = {"+X", "-X", "+Y", "-Y", "+Z", "-Z", NULL};
const char *const td_menu_instorder[] = {TD_INSTORDER_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_instorder_labels[] = {"Instance, then World Transform", "World, then Instance Transform",
                                                NULL};
const char *const td_menu_insttexmode[] = {TD_INSTTEXMODE_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_insttexmode_labels[] = {"Replace", "Transform", NULL};
const char *const td_menu_instcolormode[] = {TD_INSTCOLORMODE_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_instcolormode_labels[] = {"Replace", "Multiply", "Add", "Subtract", NULL};

static td_chans *
raise_err(TdOp *op, const td_err *err)
{
    td_raise_err(td_state_of((PyObject *)op), err);
    return NULL;
}

/* A SOP: each point attribute's components, "P(0)" "P(1)" "P(2)", "N(0)" .., one sample a point. */
static td_chans *
sop_chans(TdOp *sop)
{
    td_mesh *m = td_sop_mesh(sop);
    if (m == NULL) {
        return NULL;
    }
    uint32_t n = 0;
    for (int a = 0; a < m->nattrs; a++) {
        n += (uint32_t)m->attrs[a].size;
    }
    td_err err = {0};
    td_chans *c = td_chans_new(n, m->nverts, &err);
    uint32_t k = 0;
    for (int a = 0; c != NULL && a < m->nattrs; a++) {
        const td_mesh_attr *at = &m->attrs[a];
        for (int j = 0; j < at->size; j++, k++) {
            char name[TD_CHAN_NAME];
            snprintf(name, sizeof(name), "%s(%d)", at->name, j);
            td_chans_set_name(c, k, name, &err); /* fits: attribute names are shorter */
            float *dst = td_chans_samples(c, k);
            for (uint32_t v = 0; v < m->nverts; v++) {
                dst[v] = at->data[(size_t)v * at->size + j];
            }
        }
    }
    td_mesh_decref(m);
    return c != NULL ? c : raise_err(sop, &err);
}

/* A table DAT: one channel a column, one sample a row, the first row included (its cells named
 * the columns when they fit a channel name, else the column's index names it); a cell that is no
 * number reads 0. The builder skips the first row unless instancefirstrow is values. */
static td_chans *
dat_chans(TdOp *dat)
{
    if (!td_dat_class_of(dat)->table) {
        td_render_error(dat, "%s", "a text DAT has no columns: instancing reads a table DAT");
        return NULL;
    }
    td_dat_data *d = td_dat_contents(dat);
    if (d == NULL) {
        return NULL;
    }
    const td_table *t = &d->table;
    td_err err = {0};
    td_chans *c = td_chans_new((uint32_t)t->ncols, (uint32_t)t->nrows, &err);
    if (c == NULL) {
        return raise_err(dat, &err);
    }
    for (size_t col = 0; col < t->ncols; col++) {
        size_t len = 0;
        const char *head = t->nrows > 0 ? td_table_get(t, 0, col, &len) : NULL;
        char name[TD_CHAN_NAME];
        if (head != NULL && len > 0 && len < TD_CHAN_NAME && strlen(head) == len) {
            memcpy(name, head, len + 1);
        }
        else {
            snprintf(name, sizeof(name), "%zu", col);
        }
        td_chans_set_name(c, (uint32_t)col, name, &err);
        float *dst = td_chans_samples(c, (uint32_t)col);
        for (size_t r = 0; r < t->nrows; r++) {
            const char *s = td_table_get(t, r, col, &len);
            char *end = NULL;
            double v = s != NULL ? strtod(s, &end) : 0.0;
            dst[r] = s != NULL && end != s ? (float)v : 0.0f;
        }
    }
    return c;
}

typedef struct {
    float *data;
    int width, height, channels;
    int alpha; /* an alpha format: its one channel is a */
} pixels_read;

static void *
alloc_pixels(const td_scene *shown, void *ctx)
{
    pixels_read *p = ctx;
    p->width = shown->width;
    p->height = shown->height;
    p->channels = shown->format->channels;
    p->alpha = shown->format->out_mode == TD_OUT_ALPHA;
    size_t n = (size_t)p->width * (size_t)p->height * (size_t)p->channels;
    p->data = PyMem_Malloc(n > 0 ? n * sizeof(float) : sizeof(float));
    if (p->data == NULL) {
        PyErr_NoMemory();
    }
    return p->data;
}

/* A TOP: one sample a pixel, left to right from the bottom row up; "r" "g" "b" "a" as the format
 * has them (an alpha format's one channel is "a", a mono one's "r"). */
static td_chans *
top_chans(TdOp *top)
{
    pixels_read p = {0};
    td_gl_cook job = {.read = TD_READ_FLOAT};
    if (td_top_run(top, &job, alloc_pixels, &p) < 0) {
        PyMem_Free(p.data);
        return NULL;
    }
    static const char *const rgba[4] = {"r", "g", "b", "a"};
    size_t npix = (size_t)p.width * (size_t)p.height;
    td_err err = {0};
    td_chans *c = npix <= UINT32_MAX ? td_chans_new((uint32_t)p.channels, (uint32_t)npix, &err) : NULL;
    if (c == NULL) {
        PyMem_Free(p.data);
        if (npix > UINT32_MAX) {
            td_err_set(&err, TD_ERR_VALUE, "a %dx%d image has too many pixels to instance", p.width, p.height);
        }
        return raise_err(top, &err);
    }
    for (int k = 0; k < p.channels; k++) {
        td_chans_set_name(c, (uint32_t)k, p.alpha && p.channels == 1 ? "a" : rgba[k], &err);
        float *dst = td_chans_samples(c, (uint32_t)k);
        for (size_t i = 0; i < npix; i++) {
            dst[i] = p.data[i * (size_t)p.channels + (size_t)k];
        }
    }
    PyMem_Free(p.data);
    return c;
}

/* The sources by family. */
typedef td_chans *(*source_fn)(TdOp *source);
static const source_fn family_sources[TD_NBASES] = {
    [TD_BASE_CHOP] = td_chop_chans,
    [TD_BASE_SOP] = sop_chans,
    [TD_BASE_DAT] = dat_chans,
    [TD_BASE_TOP] = top_chans,
};

td_chans *
td_instance_chans(TdOp *who, TdOp *source)
{
    source_fn fn = (unsigned)source->cls->base < TD_NBASES ? family_sources[source->cls->base] : NULL;
    if (fn == NULL) {
        char msg[160];
        snprintf(msg, sizeof(msg), "instancing reads a CHOP, SOP, DAT or TOP, not a %.60s", source->cls->optype);
        td_render_error(who, "%s", msg);
        return NULL;
    }
    Py_INCREF(source);
    td_chans *c = fn(source);
    Py_DECREF(source);
    return c;
}
