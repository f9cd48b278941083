/* renderpickDAT: what lies under points of a render, as a table. Its input is a table DAT whose
 * first row names the columns select, u and v, one pick a row after it; rendertop names the
 * renderTOP or renderpassTOP to pick from. The output has a row per input row (and the header):
 * select, u, v, path (the geometryCOMP hit; empty for nothing), then P_0..2 and N_0..2 (in the space
 * position / normal name), depth if on, Tex_0..2 if uv, Color_0..3 if color, instance if
 * instanceid. Column names as TouchDesigner's Render Pick DAT writes them. The picks are ray casts
 * on the CPU (render_pick.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind/state.h"
#include "graph/op.h"
#include "graph/path.h"
#include "ops/dat.h"
#include "ops/render_pick.h"

#define STRATEGY_MENU(M) M(STRATEGY_SELECT, "select") M(STRATEGY_HOLDFIRST, "holdfirst") \
    M(STRATEGY_HOLDLAST, "holdlast") M(STRATEGY_ALWAYS, "always")
enum { STRATEGY_MENU(TD_MENU_ID) };
static const char *const strategy_tokens[] = {STRATEGY_MENU(TD_MENU_TOKEN) NULL};
static const char *const strategy_labels[] = {"While Select", "Hold First Picked", "Hold Last Picked", "Always", NULL};
#define RESPONSE_MENU(M) M(RESPONSE_NEXTCOOK, "nextcook") M(RESPONSE_THISCOOK, "thiscook")
static const char *const response_tokens[] = {RESPONSE_MENU(TD_MENU_TOKEN) NULL};
static const char *const response_labels[] = {"Next Cook (Faster)", "This Cook (Slower)", NULL};
#define SPACE_MENU(M) M(SPACE_SOP, "sopspace") M(SPACE_WORLD, "worldspace") M(SPACE_CAMERA, "cameraspace")
enum { SPACE_MENU(TD_MENU_ID) };
static const char *const space_tokens[] = {SPACE_MENU(TD_MENU_TOKEN) NULL};
static const char *const space_labels[] = {"SOP Space", "World Space", "Camera Space", NULL};

#define PICK_PARS(X)                                                                                       \
    X(strategy, TD_PAR_ML, "Strategy", "Render Pick", STRATEGY_SELECT, strategy_tokens, strategy_labels)   \
    X(clearprev, TD_PAR_T, "Clear Previous Pick on New Pick", "Render Pick", 0)                            \
    X(responsetime, TD_PAR_ML, "Response Time", "Render Pick", 0, response_tokens, response_labels)        \
    X(rendertop, TD_PAR_O, "Render TOP", "Render Pick", "")                                                \
    X(usepickableflags, TD_PAR_T, "Use Pickable Flags", "Render Pick", 0)                                  \
    X(pickradius, TD_PAR_F, "Pick Radius", "Render Pick", 0)                                               \
    X(position, TD_PAR_ML, "Position", "Render Pick", SPACE_WORLD, space_tokens, space_labels)             \
    X(normal, TD_PAR_ML, "Normal", "Render Pick", SPACE_WORLD, space_tokens, space_labels)                 \
    X(depth, TD_PAR_T, "Depth", "Render Pick", 0)                                                          \
    X(uv, TD_PAR_T, "Texture Coordinate", "Render Pick", 0)                                                \
    X(color, TD_PAR_T, "Color", "Render Pick", 0)                                                          \
    X(instanceid, TD_PAR_T, "Instance ID", "Render Pick", 0)                                               \
    TD_DAT_COMMON_PARS(X)
TD_PAR_TABLE(pick_pars, PICK_PARS);

/* The picks the input asks for, read into plain C. */
typedef struct {
    size_t n;
    double *uv;       /* 2n */
    double *select;   /* n */
    td_table echo;    /* the input's select, u, v cells as written, a row each */
} pick_input;

static void
input_free(pick_input *in)
{
    free(in->uv);
    free(in->select);
    td_table_free(&in->echo);
}

static int
pick_error(TdOp *dat, const char *msg)
{
    PyObject *path = td_op_path(dat);
    if (path != NULL) {
        PyErr_Format(td_state_of((PyObject *)dat)->tdError, "%U: %s", path, msg);
        Py_DECREF(path);
    }
    return -1;
}

static int
parse_number(const char *s, double *out)
{
    char *end = NULL;
    double v = strtod(s, &end);
    while (end != NULL && (*end == ' ' || *end == '\t')) {
        end++;
    }
    if (end == s || end == NULL || *end != '\0' || !isfinite(v)) {
        return -1;
    }
    *out = v;
    return 0;
}

/* The wired input's table: columns select, u and v found by the first row's names. */
static int
read_input(TdOp *dat, pick_input *in)
{
    memset(in, 0, sizeof(*in));
    td_table_init(&in->echo);
    if (dat->inputs == NULL || PyList_GET_SIZE(dat->inputs) == 0) {
        return 0; /* no input: no picks, the header alone */
    }
    TdOp *src = (TdOp *)Py_NewRef(PyList_GET_ITEM(dat->inputs, 0));
    const td_dat_class *sp = src->valid ? td_dat_class_of(src) : NULL;
    td_dat_data *d = sp != NULL && sp->table ? td_dat_contents(src) : NULL; /* may run Python */
    if (d == NULL) {
        if (!PyErr_Occurred()) {
            pick_error(dat, "its input must be a table DAT with columns select, u and v");
        }
        Py_DECREF(src);
        return -1;
    }
    /* plain C from here: the table is read, not kept */
    const td_table *t = &d->table;
    long col[3] = {-1, -1, -1};
    static const char *const names[3] = {"select", "u", "v"};
    for (size_t c = 0; t->nrows > 0 && c < t->ncols; c++) {
        for (int k = 0; k < 3; k++) {
            if (col[k] < 0 && strcmp(td_table_get(t, 0, c, NULL), names[k]) == 0) {
                col[k] = (long)c;
            }
        }
    }
    int rc = 0;
    td_err err = {0};
    if (col[1] < 0 || col[2] < 0) {
        rc = pick_error(dat, "its input's first row must name the columns u and v (and select)");
    }
    else {
        in->n = t->nrows - 1;
        in->uv = malloc((in->n ? in->n : 1) * 2 * sizeof(double));
        in->select = malloc((in->n ? in->n : 1) * sizeof(double));
        if (in->uv == NULL || in->select == NULL || td_table_resize(&in->echo, in->n, 3, &err) != 0) {
            PyErr_NoMemory();
            rc = -1;
        }
        for (size_t r = 0; rc == 0 && r < in->n; r++) {
            in->select[r] = 1.0;
            for (int k = 0; rc == 0 && k < 3; k++) {
                if (col[k] < 0) {
                    continue;
                }
                size_t len;
                const char *cell = td_table_get(t, r + 1, (size_t)col[k], &len);
                double v;
                if (parse_number(cell, &v) != 0) {
                    char msg[160];
                    snprintf(msg, sizeof(msg), "its input's row %zu has %s '%.40s', not a number", r + 1, names[k], cell);
                    rc = pick_error(dat, msg);
                    break;
                }
                if (k == 0) {
                    in->select[r] = v;
                }
                else {
                    in->uv[2 * r + (size_t)(k - 1)] = v;
                }
                if (td_table_set(&in->echo, r, (size_t)k, cell, len, &err) != 0) {
                    PyErr_NoMemory();
                    rc = -1;
                }
            }
        }
    }
    Py_DECREF(src);
    if (rc != 0) {
        input_free(in);
    }
    return rc;
}

/* Appends the numbers v[0..n) to row r from column *c on. */
static int
put_numbers(td_table *t, size_t r, size_t *c, const double *v, int n, td_err *err)
{
    for (int k = 0; k < n; k++) {
        char buf[32];
        int len = snprintf(buf, sizeof(buf), "%.9g", v[k]);
        if (td_table_set(t, r, (*c)++, buf, (size_t)len, err) != 0) {
            return -1;
        }
    }
    return 0;
}

static const double *
in_space(const td_pick_result *p, int space, int normal)
{
    switch (space) {
    case SPACE_SOP:
        return normal ? p->sop_normal : p->sop_position;
    case SPACE_CAMERA:
        return normal ? p->cam_normal : p->cam_position;
    default:
        return normal ? p->normal : p->position;
    }
}

static int
pick_compute(TdOp *dat, int force)
{
    td_state *st = td_state_of((PyObject *)dat);
    td_dat_data *d = td_dat_data_of(dat);
    if (d == NULL) {
        return -1;
    }
    if (!force && d->computed && d->computed_serial == st->serial) {
        return 0;
    }
    td_values *vals = td_op_values(dat); /* runs Python */
    if (vals == NULL) {
        return -1;
    }
    pick_input in;
    if (td_op_check(dat) < 0 || read_input(dat, &in) < 0) {
        td_values_free(vals);
        return -1;
    }
    td_op_cook_begin(dat);
    const char *path = td_values_str(vals, PAR_rendertop);
    TdOp *top = NULL;
    int rc = 0;
    if (in.n > 0) {
        top = path[0] != '\0' ? td_path_resolve(dat->parent != NULL ? dat->parent : dat, path) : NULL;
        if (top == NULL || !top->valid) {
            char msg[512];
            snprintf(msg, sizeof(msg), path[0] ? "rendertop '%.400s' names no operator" : "rendertop names no TOP%s", path);
            rc = pick_error(dat, msg);
            top = NULL;
        }
    }
    td_pick_result *res = calloc(in.n ? in.n : 1, sizeof(*res));
    if (rc == 0 && res == NULL) {
        rc = -1;
        PyErr_NoMemory();
    }
    if (rc == 0 && top != NULL) {
        Py_INCREF(top);
        rc = td_render_pick(top, in.n, in.uv, res); /* cooks the render: runs Python */
        Py_DECREF(top);
    }
    if (rc == 0 && (td_op_check(dat) < 0 || (d = td_dat_data_of(dat)) == NULL)) {
        rc = -1; /* Python ran: the DAT's contents are looked up again */
    }
    td_table out;
    td_table_init(&out);
    if (rc == 0) {
        /* the header, then a row a pick: plain C from the values and results */
        int strategy = (int)vals->v[PAR_strategy].num;
        int show_depth = vals->v[PAR_depth].num != 0, show_uv = vals->v[PAR_uv].num != 0;
        int show_color = vals->v[PAR_color].num != 0, show_id = vals->v[PAR_instanceid].num != 0;
        int pspace = (int)vals->v[PAR_position].num, nspace = (int)vals->v[PAR_normal].num;
        const char *cols[24];
        size_t nc = 0;
        static const char *const fixed[] = {"select", "u", "v", "path", "P_0", "P_1", "P_2", "N_0", "N_1", "N_2"};
        for (size_t k = 0; k < sizeof(fixed) / sizeof(fixed[0]); k++) {
            cols[nc++] = fixed[k];
        }
        if (show_depth) {
            cols[nc++] = "depth";
        }
        if (show_uv) {
            cols[nc++] = "Tex_0", cols[nc++] = "Tex_1", cols[nc++] = "Tex_2";
        }
        if (show_color) {
            cols[nc++] = "Color_0", cols[nc++] = "Color_1", cols[nc++] = "Color_2", cols[nc++] = "Color_3";
        }
        if (show_id) {
            cols[nc++] = "instance";
        }
        td_err err = {0};
        rc = td_table_resize(&out, in.n + 1, nc, &err);
        for (size_t c = 0; rc == 0 && c < nc; c++) {
            rc = td_table_set(&out, 0, c, cols[c], strlen(cols[c]), &err);
        }
        /* the previous table, for the hold strategies: its row r + 1 if it has the same columns */
        const td_table *prev = d->computed && d->table.ncols == nc ? &d->table : NULL;
        for (size_t r = 0; rc == 0 && r < in.n; r++) {
            const td_pick_result *p = &res[r];
            int selected = in.select[r] > 0.0 || strategy == STRATEGY_ALWAYS;
            int had = prev != NULL && r + 1 < prev->nrows && td_table_get(prev, r + 1, 3, NULL)[0] != '\0';
            int hold = had && ((strategy == STRATEGY_HOLDLAST && (!selected || !p->found)) ||
                               (strategy == STRATEGY_HOLDFIRST && selected));
            for (size_t c = 0; rc == 0 && c < 3; c++) {
                size_t len;
                const char *cell = td_table_get(&in.echo, r, c, &len);
                rc = td_table_set(&out, r + 1, c, cell, len, &err);
            }
            if (hold) {
                for (size_t c = 3; rc == 0 && c < nc; c++) {
                    size_t len;
                    const char *cell = td_table_get(prev, r + 1, c, &len);
                    rc = td_table_set(&out, r + 1, c, cell, len, &err);
                }
                continue;
            }
            if (!selected || !p->found) {
                continue; /* empty cells */
            }
            TdOp *geo = td_op_find_id((TdOp *)st->root, p->geometry);
            PyObject *gp = geo != NULL ? td_op_path(geo) : NULL;
            const char *gs = gp != NULL ? PyUnicode_AsUTF8(gp) : NULL;
            if (gs == NULL) {
                Py_XDECREF(gp);
                rc = -1;
                break;
            }
            rc = td_table_set(&out, r + 1, 3, gs, strlen(gs), &err);
            Py_DECREF(gp);
            size_t c = 4;
            double id = p->instance;
            if (rc == 0) {
                rc = put_numbers(&out, r + 1, &c, in_space(p, pspace, 0), 3, &err);
            }
            if (rc == 0) {
                rc = put_numbers(&out, r + 1, &c, in_space(p, nspace, 1), 3, &err);
            }
            if (rc == 0 && show_depth) {
                rc = put_numbers(&out, r + 1, &c, &p->depth, 1, &err);
            }
            if (rc == 0 && show_uv) {
                rc = put_numbers(&out, r + 1, &c, p->uv, 3, &err);
            }
            if (rc == 0 && show_color) {
                rc = put_numbers(&out, r + 1, &c, p->color, 4, &err);
            }
            if (rc == 0 && show_id) {
                rc = put_numbers(&out, r + 1, &c, &id, 1, &err);
            }
        }
        if (rc != 0 && !PyErr_Occurred()) {
            td_dat_raise(dat, &err);
        }
    }
    if (rc == 0) {
        td_dat_set_table(dat, &out); /* bumps the serial */
        d = dat->ext;
        if (d != NULL) {
            d->computed = 1;
            d->computed_serial = st->serial;
        }
    }
    else {
        td_op_cook_failed(dat);
    }
    td_op_cook_end(dat, 1);
    td_table_free(&out);
    free(res);
    input_free(&in);
    td_values_free(vals);
    return rc;
}

static const td_dat_class pick_proto = {
    .table = 1, .par_file = -1, .par_load_pulse = -1, .par_removeblank = -1, .compute = pick_compute,
};

static PyType_Slot pick_slots[] = {
    {Py_tp_doc, "renderpickDAT: what lies under points of a render, as a table.\n\n"
                "Wire a table DAT into it whose first row names the columns select, u and v (one pick a\n"
                "row below it; u and v from 0 to 1, left to right and bottom to top), and name the\n"
                "renderTOP or renderpassTOP in rendertop. Its table (computed when read, again once the\n"
                "network changed) has the header and a row per pick: select, u, v, path (the geometryCOMP\n"
                "hit; empty where nothing is), P_0..P_2 and N_0..N_2 in the space position / normal names\n"
                "(sopspace: the SOP's own coordinates, before instancing and the COMP's transform;\n"
                "worldspace; cameraspace), depth (distance from the camera) if on, Tex_0..Tex_2 (uv) if uv,\n"
                "Color_0..Color_3 (Cd) if color, instance if instanceid. strategy: select picks the rows\n"
                "whose select is above 0; always picks every row; holdfirst keeps a row's first hit while\n"
                "it stays selected; holdlast keeps the last hit when the row misses or is released.\n"
                "The picks are exact ray casts on the CPU into the scene the TOP rendered (renderTOP.pick()\n"
                "does one): no image is read back, and the answer is for this cook.\n"
                "Stored only: clearprev, responsetime (the answer is always this cook's), usepickableflags,\n"
                "pickradius (rays hit exactly or not at all), and the Common page. Our defaults where\n"
                "TouchDesigner does not document them: strategy select, position and normal worldspace,\n"
                "the column toggles off. A camera column in the input is not read (the render's first\n"
                "camera picks)."},
    {0, NULL},
};

static PyType_Spec pick_spec = {
    .name = "td_render.renderpickDAT",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = pick_slots,
};

const td_op_class td_class_renderpickDAT = {
    .optype = "renderpickDAT", .family = "DAT", .label = "Render Pick", .base_name = "renderpick", .subtype = "",
    .base = TD_BASE_DAT, .spec = &pick_spec, .pars = pick_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 1, .proto = &pick_proto, .release = td_dat_release, .cook = td_dat_cook,
};
