/* soptoCHOP: channels of a SOP's point attributes, one sample per point (TouchDesigner's SOP to
 * CHOP): P as tx ty tz, Cd as cr cg cb and alpha, N as nx ny nz, uv as u v and w, and the point
 * index as index, each set switched by its toggle. */
#include <string.h>

#include "bind/state.h"
#include "geom/mesh.h"
#include "graph/op.h"
#include "graph/path.h"
#include "ops/chop.h"
#include "ops/sop.h"

#define SOPTO_PARS(X)                                                                                      \
    X(sop, TD_PAR_O, "SOP", "SOP to CHOP", "")                                                             \
    X(group, TD_PAR_S, "Group", "SOP to CHOP", "")                                                         \
    X(position, TD_PAR_T, "Position", "SOP to CHOP", 1)                                                    \
    X(colorrgb, TD_PAR_T, "Color RGB", "SOP to CHOP", 0)                                                   \
    X(coloralpha, TD_PAR_T, "Color Alpha", "SOP to CHOP", 0)                                               \
    X(normal, TD_PAR_T, "Normal", "SOP to CHOP", 0)                                                        \
    X(textureuv, TD_PAR_T, "Texture UV", "SOP to CHOP", 0)                                                 \
    X(texturew, TD_PAR_T, "Texture W", "SOP to CHOP", 0)                                                   \
    X(pointindex, TD_PAR_T, "Point Index", "SOP to CHOP", 0)
TD_PAR_TABLE(sopto_pars, SOPTO_PARS);

/* One set of channels: its toggle, the attribute, the first component, the names, and the value a
 * point has when the SOP lacks the attribute. */
typedef struct {
    Py_ssize_t toggle;
    const char *attr;
    int first, count;
    const char *names[3];
    float missing;
} chan_set;

static const chan_set sets[] = {
    {PAR_position, "P", 0, 3, {"tx", "ty", "tz"}, 0.0f},
    {PAR_colorrgb, "Cd", 0, 3, {"cr", "cg", "cb"}, 1.0f},
    {PAR_coloralpha, "Cd", 3, 1, {"alpha"}, 1.0f},
    {PAR_normal, "N", 0, 3, {"nx", "ny", "nz"}, 0.0f},
    {PAR_textureuv, "uv", 0, 2, {"u", "v"}, 0.0f},
    {PAR_texturew, "uv", 2, 1, {"w"}, 0.0f},
    {PAR_pointindex, NULL, 0, 1, {"index"}, 0.0f},
};

static int
sopto_cook(TdOp *chop, const td_values *vals, td_chans *const *inputs, int ninputs, td_chans **out)
{
    (void)inputs;
    (void)ninputs;
    const char *path = td_values_str(vals, PAR_sop);
    if (path[0] == '\0') {
        td_err err = {0};
        *out = td_chans_new(0, 0, &err);
        return *out != NULL ? 0 : (PyErr_NoMemory(), -1);
    }
    TdOp *sop = td_path_resolve(chop->parent != NULL ? chop->parent : chop, path);
    if (sop == NULL || !sop->valid || td_sop_class_of(sop) == NULL) {
        char msg[600];
        snprintf(msg, sizeof(msg), "sop '%.500s' %s", path,
                 sop == NULL || !sop->valid ? "names no operator" : "is not a SOP");
        return td_chop_error(chop, msg);
    }
    Py_INCREF(sop);
    td_mesh *m = td_sop_mesh(sop); /* may run Python */
    Py_DECREF(sop);
    if (m == NULL) {
        return -1;
    }
    uint32_t nchans = 0;
    for (size_t s = 0; s < sizeof(sets) / sizeof(sets[0]); s++) {
        nchans += vals->v[sets[s].toggle].num != 0.0 ? (uint32_t)sets[s].count : 0;
    }
    if (m->nverts > TD_CHOP_MAX_SAMPLES) {
        td_mesh_decref(m);
        return td_chop_error(chop, "the SOP has more points than a channel may have samples");
    }
    td_err err = {0};
    td_chans *c = td_chans_new(nchans, m->nverts, &err);
    if (c == NULL) {
        td_mesh_decref(m);
        PyErr_NoMemory();
        return -1;
    }
    uint32_t ch = 0;
    for (size_t s = 0; s < sizeof(sets) / sizeof(sets[0]); s++) {
        if (vals->v[sets[s].toggle].num == 0.0) {
            continue;
        }
        const td_mesh_attr *a = sets[s].attr != NULL ? td_mesh_find(m, sets[s].attr) : NULL;
        for (int k = 0; k < sets[s].count; k++, ch++) {
            td_chans_set_name(c, ch, sets[s].names[k], &err);
            float *dst = td_chans_samples(c, ch);
            int comp = sets[s].first + k;
            for (uint32_t i = 0; i < m->nverts; i++) {
                if (sets[s].attr == NULL) {
                    dst[i] = (float)i;
                }
                else if (a != NULL && comp < a->size) {
                    dst[i] = a->data[(size_t)i * (size_t)a->size + (size_t)comp];
                }
                else {
                    dst[i] = sets[s].missing;
                }
            }
        }
    }
    td_mesh_decref(m);
    *out = c;
    return 0;
}

static const td_chop_class sopto_proto = {.cook = sopto_cook, .always = 1};

static PyType_Slot sopto_slots[] = {
    {Py_tp_doc, "soptoCHOP: the point attributes of the SOP named by sop as channels, one sample per point\n"
                "(numSamples = the SOP's numPoints, in point order).\n\n"
                "position: tx ty tz (P); colorrgb: cr cg cb and coloralpha: alpha (Cd); normal: nx ny nz\n"
                "(N); textureuv: u v and texturew: w (uv); pointindex: index (0, 1, 2 ...), in that\n"
                "order. A point attribute the SOP lacks gives 1 for colour and alpha, 0 otherwise\n"
                "(td_render's rule). A point here is a mesh vertex: where TouchDesigner shares a point\n"
                "between faces with different normals or uvs, td_render has one point per face (a\n"
                "boxSOP has 24). It cooks after any change in the network (it reads another operator).\n"
                "The toggles' defaults other than position's are ours. Stored only: group. Not offered\n"
                "yet: normpos, custom attributes (custom, attribscope, renamescope)."},
    {0, NULL},
};

static PyType_Spec sopto_spec = {
    .name = "td_render.soptoCHOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = sopto_slots,
};

const td_op_class td_class_soptoCHOP = {
    .optype = "soptoCHOP", .family = "CHOP", .label = "SOP to", .base_name = "sopto", .subtype = "",
    .base = TD_BASE_CHOP, .spec = &sopto_spec, .pars = sopto_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 0, .release = td_chop_release, .cook = td_chop_cook, .proto = &sopto_proto,
};
