/* ObjectCOMP: the base of components with a transform (cameraCOMP, geometryCOMP, lightCOMP,
 * ambientlightCOMP). Their Xform page follows TouchDesigner: tx ty tz, rx ry rz (degrees),
 * sx sy sz, px py pz (pivot), scale (uniform), xord (default 'srt': scale, then rotate, then
 * translate) and rord (default 'xyz': rotate about x first). Objects inside other objects inherit
 * their transforms. */
#include <string.h>

#include "bind/state.h"
#include "graph/op.h"
#include "ops/registry.h"
#include "ops/object.h"
#include "util/mat4.h"

void
td_object_local(TdOp *obj, double out[16])
{
    const char *xord = td_menu_xord[(size_t)td_par_num(obj, "xord")];
    const char *rord = td_menu_rord[(size_t)td_par_num(obj, "rord")];
    double u = td_par_num(obj, "scale");
    double px = td_par_num(obj, "px"), py = td_par_num(obj, "py"), pz = td_par_num(obj, "pz");
    td_mat4_identity(out);
    td_mat4_translate(out, px, py, pz);
    /* The first letter is applied first, so it is multiplied last. */
    for (int i = 2; i >= 0; i--) {
        switch (xord[i]) {
        case 't':
            td_mat4_translate(out, td_par_num(obj, "tx"), td_par_num(obj, "ty"), td_par_num(obj, "tz"));
            break;
        case 's':
            td_mat4_scale(out, td_par_num(obj, "sx") * u, td_par_num(obj, "sy") * u, td_par_num(obj, "sz") * u);
            break;
        case 'r':
            for (int j = 2; j >= 0; j--) {
                int axis = rord[j] - 'x';
                static const char *const names[3] = {"rx", "ry", "rz"};
                td_mat4_rotate_axis(out, axis, td_par_num(obj, names[axis]));
            }
            break;
        }
    }
    td_mat4_translate(out, -px, -py, -pz);
}

void
td_object_world(TdOp *obj, double out[16])
{
    td_object_local(obj, out);
    for (TdOp *p = obj->parent; p != NULL && p->cls->base == TD_BASE_OBJECT; p = p->parent) {
        double local[16], r[16];
        td_object_local(p, local);
        td_mat4_mul(r, local, out);
        memcpy(out, r, sizeof(r));
    }
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
