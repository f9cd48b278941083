/* ObjectCOMP: the base of components with a transform (cameraCOMP, geometryCOMP, lightCOMP,
 * ambientlightCOMP). Their Xform page follows TouchDesigner: tx ty tz, rx ry rz (degrees),
 * sx sy sz, px py pz (pivot), scale (uniform), xord (default 'srt': scale, then rotate, then
 * translate) and rord (default 'xyz': rotate about x first). Objects inside other objects inherit
 * their transforms. */
#include <string.h>

#include "bind/state.h"
#include "graph/op.h"
#include "ops/registry.h"
#include "gpu/scene.h"
#include "ops/object.h"
#include "util/mat4.h"

const char *const td_menu_xord[] = {"srt", "str", "rst", "rts", "tsr", "trs", NULL};
const char *const td_menu_rord[] = {"xyz", "xzy", "yxz", "yzx", "zxy", "zyx", NULL};
const char *const td_menu_xord_labels[] = {"Scale Rotate Translate", "Scale Translate Rotate",
                                           "Rotate Scale Translate", "Rotate Translate Scale",
                                           "Translate Scale Rotate", "Translate Rotate Scale", NULL};
const char *const td_menu_rord_labels[] = {"Rx Ry Rz", "Rx Rz Ry", "Ry Rx Rz", "Ry Rz Rx",
                                           "Rz Rx Ry", "Rz Ry Rx", NULL};

void
td_object_local(const td_values *v, double out[16])
{
    double x[TD_XFORM_COUNT];
    for (int i = 0; i < TD_XFORM_COUNT; i++) {
        x[i] = v->v[i].num;
    }
    const char *xord = td_menu_xord[(size_t)x[TD_XFORM_xord]];
    const char *rord = td_menu_rord[(size_t)x[TD_XFORM_rord]];
    double u = x[TD_XFORM_scale];
    double px = x[TD_XFORM_px], py = x[TD_XFORM_py], pz = x[TD_XFORM_pz];
    td_mat4_identity(out);
    td_mat4_translate(out, px, py, pz);
    /* The first letter is applied first, so it is multiplied last. */
    for (int i = 2; i >= 0; i--) {
        switch (xord[i]) {
        case 't':
            td_mat4_translate(out, x[TD_XFORM_tx], x[TD_XFORM_ty], x[TD_XFORM_tz]);
            break;
        case 's':
            td_mat4_scale(out, x[TD_XFORM_sx] * u, x[TD_XFORM_sy] * u, x[TD_XFORM_sz] * u);
            break;
        case 'r':
            for (int j = 2; j >= 0; j--) {
                int axis = rord[j] - 'x';
                td_mat4_rotate_axis(out, axis, x[TD_XFORM_rx + axis]);
            }
            break;
        }
    }
    td_mat4_translate(out, -px, -py, -pz);
}

int
td_object_world(TdOp *obj, double out[16], td_values **own)
{
    if (own != NULL) {
        *own = NULL;
    }
    /* The chain of object COMPs first, each held: evaluating one's expressions may re-parent or
     * destroy any of them. */
    PyObject *chain = PyList_New(0);
    if (chain == NULL) {
        return -1;
    }
    for (TdOp *p = obj; p != NULL && p->cls->base == TD_BASE_OBJECT; p = p->parent) {
        if (PyList_Append(chain, (PyObject *)p) < 0) {
            Py_DECREF(chain);
            return -1;
        }
    }
    td_mat4_identity(out);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(chain); i++) {
        td_values *v = td_op_values((TdOp *)PyList_GET_ITEM(chain, i));
        if (v == NULL) {
            Py_DECREF(chain);
            if (own != NULL) {
                td_values_free(*own);
                *own = NULL;
            }
            return -1;
        }
        double local[16], r[16];
        td_object_local(v, local);
        if (i == 0 && own != NULL) {
            *own = v; /* obj's own values, for the caller */
        }
        else {
            td_values_free(v);
        }
        td_mat4_mul(r, local, out);
        memcpy(out, r, sizeof(r));
    }
    Py_DECREF(chain);
    return 0;
}

int
td_light_fill(const td_values *vals, Py_ssize_t c, Py_ssize_t dimmer, int kind, const double world[16],
              td_scene_light *out)
{
    double d = vals->v[dimmer].num;
    if (d < 0.001) {
        return 0; /* as in TouchDesigner, such a light is off */
    }
    for (int k = 0; k < 3; k++) {
        out->position[k] = (float)world[12 + k];
        out->color[k] = (float)(vals->v[c + k].num * d);
    }
    out->position[3] = (float)kind;
    return 1;
}

static PyType_Slot object_slots[] = {
    {Py_tp_doc, "ObjectCOMP: a component with a 3D transform (Xform page: t, r, s, p, scale, xord, rord)."},
    {0, NULL},
};

PyType_Spec td_ObjectCOMP_spec = {
    .name = "td_render.ObjectCOMP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = object_slots,
};
