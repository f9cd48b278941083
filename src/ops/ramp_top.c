/* rampTOP: a gradient between colour keys (shaders/ramp_top.frag, which says how t runs). The keys
 * come from the table DAT named in `dat`: rows of pos r g b a (a header row naming the columns is
 * read by name; without one, the columns are in that order); without a DAT, black at 0 to white
 * at 1 (ours). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bind/state.h"
#include "graph/op.h"
#include "graph/path.h"
#include "ops/dat.h"
#include "ops/image_top.h"
#include "ops/material.h"
#include "td_shaders.h"

#define RAMPTYPE_MENU(M) M(RAMP_HORIZONTAL, "horizontal") M(RAMP_VERTICAL, "vertical") M(RAMP_RADIAL, "radial") \
    M(RAMP_CIRCULAR, "circular")
enum { RAMPTYPE_MENU(TD_MENU_ID) };
static const char *const ramptype_menu[] = {RAMPTYPE_MENU(TD_MENU_TOKEN) NULL};
static const char *const ramptype_labels[] = {"Horizontal", "Vertical", "Radial", "Circular", NULL};

#define RAMP_PARS(X)                                                                                       \
    X(dat, TD_PAR_O, "DAT", "Ramp", "")                                                                    \
    X(type, TD_PAR_ML, "Type", "Ramp", RAMP_HORIZONTAL, ramptype_menu, ramptype_labels)                    \
    X(phase, TD_PAR_F, "Phase", "Ramp", 0)                                                                 \
    X(period, TD_PAR_F, "Period", "Ramp", 1)                                                               \
    X(extend, TD_PAR_ML, "Extend", "Ramp", TD_EXTEND_HOLD, td_menu_extend, td_menu_extend_labels)          \
    TD_TOP_IMAGE_COMMON_PARS(X)
TD_PAR_TABLE(ramp_pars, RAMP_PARS);

#define RAMP_KEYS 8
static const td_block_field ramp_block[] = {
    {"rampParams", 4, -1}, {"keyPos0", 4, -1},   {"keyPos1", 4, -1},   {"keyColor0", 4, -1},
    {"keyColor1", 4, -1},  {"keyColor2", 4, -1}, {"keyColor3", 4, -1}, {"keyColor4", 4, -1},
    {"keyColor5", 4, -1},  {"keyColor6", 4, -1}, {"keyColor7", 4, -1}};
static const char *const ramp_defines[] = {"TD_RAMP_TYPE", "TD_EXTEND"};
static const Py_ssize_t ramp_define_pars[] = {PAR_type, PAR_extend};

static const td_material_program ramp_program = {
    .name = "rampTOP", .fragment = td_shader_ramp_top_frag, .fields = ramp_block, .nfields = TD_NPARS(ramp_block),
    .defines = ramp_defines, .ndefines = TD_NPARS(ramp_defines)};

typedef struct {
    float pos, rgba[4];
} ramp_key;

static int
key_order(const void *a, const void *b)
{
    float pa = ((const ramp_key *)a)->pos, pb = ((const ramp_key *)b)->pos;
    return pa < pb ? -1 : pa > pb;
}

/* A cell as a number; -1 (with a message in msg) if it is not one. */
static int
cell_number(const td_table *t, size_t r, size_t c, float *out, char *msg, size_t cap)
{
    size_t len;
    const char *s = td_table_get(t, r, c, &len);
    char *end;
    double v = s != NULL && len > 0 ? strtod(s, &end) : 0.0;
    if (s == NULL || len == 0 || end != s + len) {
        snprintf(msg, cap, "its keys' row %zu, column %zu is not a number: '%.40s'", r, c, s != NULL ? s : "");
        return -1;
    }
    *out = (float)v;
    return 0;
}

/* The keys of the DAT's table (sorted by pos) into keys; their count, or -1 with a message. */
static int
read_keys(const td_table *t, ramp_key *keys, char *msg, size_t cap)
{
    static const char *const names[5] = {"pos", "r", "g", "b", "a"};
    size_t col[5] = {0, 1, 2, 3, 4}, first = 0;
    size_t len;
    const char *h = t->nrows > 0 ? td_table_get(t, 0, 0, &len) : NULL;
    char *end;
    if (h != NULL && (len == 0 || (strtod(h, &end), end != h + len))) { /* a header row */
        first = 1;
        for (int k = 0; k < 5; k++) {
            col[k] = (size_t)-1;
            for (size_t c = 0; c < t->ncols; c++) {
                const char *name = td_table_get(t, 0, c, &len);
                if (name != NULL && strcasecmp(name, names[k]) == 0) {
                    col[k] = c;
                }
            }
            if (col[k] == (size_t)-1 && k < 4) {
                snprintf(msg, cap, "its keys DAT has no '%s' column", names[k]);
                return -1;
            }
        }
    }
    else if (t->ncols < 4) {
        snprintf(msg, cap, "its keys DAT has %zu columns; pos r g b (a) are needed", t->ncols);
        return -1;
    }
    int n = 0;
    for (size_t r = first; r < t->nrows; r++) {
        if (n == RAMP_KEYS) {
            snprintf(msg, cap, "its keys DAT has more than %d keys", RAMP_KEYS);
            return -1;
        }
        ramp_key *k = &keys[n++];
        k->rgba[3] = 1.0f;
        for (int j = 0; j < 5; j++) {
            if (col[j] == (size_t)-1 || col[j] >= t->ncols) {
                continue; /* no alpha column: 1 */
            }
            if (cell_number(t, r, col[j], j == 0 ? &k->pos : &k->rgba[j - 1], msg, cap) < 0) {
                return -1;
            }
        }
    }
    if (n == 0) {
        snprintf(msg, cap, "its keys DAT has no keys");
        return -1;
    }
    qsort(keys, (size_t)n, sizeof(*keys), key_order);
    return n;
}

static int
ramp_fill(TdOp *top, td_image_build *b)
{
    ramp_key keys[RAMP_KEYS] = {{0.0f, {0, 0, 0, 1}}, {1.0f, {1, 1, 1, 1}}};
    int n = 2;
    double period = b->vals->v[PAR_period].num;
    if (period == 0.0) {
        return td_image_top_error(top, "period must not be 0");
    }
    const char *path = td_values_str(b->vals, PAR_dat);
    if (path[0] != '\0') {
        TdOp *dat = td_path_resolve(top->parent != NULL ? top->parent : top, path);
        char msg[640];
        if (dat == NULL || !dat->valid || td_dat_class_of(dat) == NULL) {
            snprintf(msg, sizeof(msg), "dat '%.500s' %s", path,
                     dat == NULL || !dat->valid ? "names no operator" : "is not a DAT");
            return td_image_top_error(top, msg);
        }
        if (!td_dat_class_of(dat)->table) {
            snprintf(msg, sizeof(msg), "dat '%.500s' is not a table DAT", path);
            return td_image_top_error(top, msg);
        }
        Py_INCREF(dat);
        td_dat_data *d = td_dat_contents(dat); /* may load its file: no Python runs */
        n = d != NULL ? read_keys(&d->table, keys, msg, sizeof(msg)) : -2;
        Py_DECREF(dat);
        if (n == -2) {
            return -1;
        }
        if (n < 0) {
            return td_image_top_error(top, msg);
        }
    }
    float *blk = b->block; /* rampParams, keyPos0, keyPos1, keyColor0..7: vec4 each */
    blk[0] = (float)b->vals->v[PAR_phase].num;
    blk[1] = (float)period;
    blk[2] = (float)n;
    for (int i = 0; i < n; i++) {
        blk[4 + i] = keys[i].pos;
        memcpy(blk + 12 + 4 * i, keys[i].rgba, sizeof(keys[i].rgba));
    }
    return 0;
}

static const td_image_top_class ramp_proto = {
    .top = TD_IMAGE_TOP_PROTO, .program = &ramp_program, .defines = ramp_define_pars, .fill = ramp_fill};

static PyType_Slot ramp_slots[] = {
    {Py_tp_doc, "rampTOP: a gradient between colour keys.\n\n"
                "dat names a table DAT of keys, rows of pos r g b a (a header row naming the columns, as\n"
                "TouchDesigner's ramp keys DAT has, is read by name; without one the columns are in that\n"
                "order; alpha defaults to 1); at most 8 keys. Without a DAT: black at 0, white at 1 (ours:\n"
                "TouchDesigner makes a docked keys DAT). type: 'horizontal' t = u, 'vertical' t = v,\n"
                "'radial' the distance from the centre (1 at the middle of the image's top edge),\n"
                "'circular' the angle around the centre from +x, counterclockwise (a turn is 1); then\n"
                "t / period + phase, and extend says what t outside 0..1 gives ('hold' the default). The\n"
                "colour is linear between keys, held past the first and last. Not offered yet: the\n"
                "interpolation menu, the position of the centre, the colour space."},
    {0, NULL},
};

static PyType_Spec ramp_spec = {
    .name = "td_render.rampTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = ramp_slots,
};

const td_op_class td_class_rampTOP = {
    .optype = "rampTOP", .family = "TOP", .label = "Ramp", .base_name = "ramp", .subtype = "",
    .base = TD_BASE_TOP, .spec = &ramp_spec, .pars = ramp_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 1, .release = td_top_release, .proto = &ramp_proto,
    .cook = td_top_cook_hook,
};
