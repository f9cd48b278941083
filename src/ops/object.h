/* Object COMPs (camera, geometry, lights): transforms from the Xform page. */
#ifndef TD_OPS_OBJECT_H
#define TD_OPS_OBJECT_H

#include "graph/op.h"

/* The Xform page every object COMP's parameter list starts with (TouchDesigner's names, tokens
 * and defaults; tz's default varies: 5 for cameras). */
extern const char *const td_menu_xord[];
extern const char *const td_menu_rord[];
extern const char *const td_menu_xord_labels[];
extern const char *const td_menu_rord_labels[];
#define TD_XFORM_PARS(X, tz_default)                                                                       \
    X(xord, TD_PAR_ML, "Transform Order", "Xform", 0, td_menu_xord, td_menu_xord_labels)                 \
    X(rord, TD_PAR_ML, "Rotate Order", "Xform", 0, td_menu_rord, td_menu_rord_labels)                    \
    X(tx, TD_PAR_F, "Translate", "Xform", 0)                                                               \
    X(ty, TD_PAR_F, "Translate", "Xform", 0)                                                               \
    X(tz, TD_PAR_F, "Translate", "Xform", tz_default)                                                      \
    X(rx, TD_PAR_F, "Rotate", "Xform", 0)                                                                  \
    X(ry, TD_PAR_F, "Rotate", "Xform", 0)                                                                  \
    X(rz, TD_PAR_F, "Rotate", "Xform", 0)                                                                  \
    X(sx, TD_PAR_F, "Scale", "Xform", 1)                                                                   \
    X(sy, TD_PAR_F, "Scale", "Xform", 1)                                                                   \
    X(sz, TD_PAR_F, "Scale", "Xform", 1)                                                                   \
    X(px, TD_PAR_F, "Pivot", "Xform", 0)                                                                   \
    X(py, TD_PAR_F, "Pivot", "Xform", 0)                                                                   \
    X(pz, TD_PAR_F, "Pivot", "Xform", 0)                                                                   \
    X(scale, TD_PAR_F, "Uniform Scale", "Xform", 1)

/* Indices of the Xform page, the same in every object COMP (first on each). */
#define TD_XFORM_ID(id, ...) TD_XFORM_##id,
enum { TD_XFORM_PARS(TD_XFORM_ID, 0) TD_XFORM_COUNT };
#undef TD_XFORM_ID

/* The object COMPs' protocol (td_op_class.proto of every object COMP): what a render needs to
 * know of it. */
typedef enum { TD_OBJECT_PLAIN = 0, TD_OBJECT_CAMERA, TD_OBJECT_GEOMETRY, TD_OBJECT_LIGHT } td_object_role;
struct td_scene_light;
typedef struct td_object_class {
    td_object_role role;
    Py_ssize_t material_par; /* geometry: index of its material parameter */
    /* lights: fills out from the light's evaluated values and world transform, in plain C; 1 if
     * the light contributes, 0 if it is off (dimmer below 0.001, as in TouchDesigner) */
    int (*fill_light)(const td_values *vals, const double world[16], struct td_scene_light *out);
    /* lights with shadows: index of the pattern naming the geometry that casts them (0: none; a
     * light whose fill sets shadow[0] must have one) */
    Py_ssize_t shadowcasters_par;
    /* lights with projector maps: index of the TOP parameter (0: none; a light whose fill sets
     * projector[0] must have one) */
    Py_ssize_t projmap_par;
} td_object_class;

/* The fill_light both light types share: colour (cr cg cb at index c) times dimmer at the world
 * transform's origin, tagged with kind (td_light_kind); 0 when the dimmer is below 0.001. */
int td_light_fill(const td_values *vals, Py_ssize_t c, Py_ssize_t dimmer, int kind, const double world[16],
                  struct td_scene_light *out);

static inline const td_object_class *
td_object_class_of(const TdOp *op)
{
    return op->cls->base == TD_BASE_OBJECT ? (const td_object_class *)op->cls->proto : NULL;
}

/* The local transform of an object COMP from its evaluated Xform parameters (column-major):
 * pivot-relative scale, rotate, translate in the order of xord, rotations in the order of rord.
 * Plain C over the values. */
void td_object_local(const td_values *vals, double out[16]);
/* Local transform times those of the object COMPs it sits in, each evaluated once; with own, obj's
 * own values are handed back too (free them). -1 with a Python error if an evaluation fails (see
 * td_op_values). */
int td_object_world(TdOp *obj, double out[16], td_values **own);

#endif
