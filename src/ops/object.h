/* Object COMPs (camera, geometry, lights): transforms from the Xform page. */
#ifndef TD_OPS_OBJECT_H
#define TD_OPS_OBJECT_H

#include "graph/op.h"

/* The Xform and Pre-Xform pages every object COMP's parameter list starts with (TouchDesigner's
 * names, tokens and labels; tz's default varies: 5 for cameras). Defaults TouchDesigner does not
 * document are ours: forwarddir 'negz', lookup 'on', up (0, 1, 0), pathorient off, pxform on.
 * pathsop, roll (but with lookup 'roll'), pos, pathorient, bank and xformmatrixop are stored only. */
extern const char *const td_menu_xord[];
extern const char *const td_menu_rord[];
extern const char *const td_menu_xord_labels[];
extern const char *const td_menu_rord_labels[];
extern const char *const td_menu_parentxformsrc[];
extern const char *const td_menu_parentxformsrc_labels[];
extern const char *const td_menu_forwarddir[];
extern const char *const td_menu_forwarddir_labels[];
extern const char *const td_menu_lookup[];
extern const char *const td_menu_lookup_labels[];
#define TD_PARENTXFORMSRC_MENU(M) M(TD_PXSRC_HIERARCHY, "hierarchy") M(TD_PXSRC_SPECIFY, "specify") \
    M(TD_PXSRC_WORLDORIGIN, "worldorigin")
#define TD_FORWARDDIR_MENU(M) M(TD_FWD_POSX, "posx") M(TD_FWD_NEGX, "negx") M(TD_FWD_POSY, "posy") \
    M(TD_FWD_NEGY, "negy") M(TD_FWD_POSZ, "posz") M(TD_FWD_NEGZ, "negz")
#define TD_LOOKUP_MENU(M) M(TD_LOOKUP_OFF, "off") M(TD_LOOKUP_ON, "on") M(TD_LOOKUP_QUAT, "quat") \
    M(TD_LOOKUP_ROLL, "roll")
enum { TD_PARENTXFORMSRC_MENU(TD_MENU_ID) };
enum { TD_FORWARDDIR_MENU(TD_MENU_ID) };
enum { TD_LOOKUP_MENU(TD_MENU_ID) };

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
    X(scale, TD_PAR_F, "Uniform Scale", "Xform", 1)                                                        \
    X(parentxformsrc, TD_PAR_ML, "Parent Transform Source", "Xform", TD_PXSRC_HIERARCHY,                  \
      td_menu_parentxformsrc, td_menu_parentxformsrc_labels)                                               \
    X(parentobject, TD_PAR_O, "Parent Object", "Xform", "")                                                \
    X(lookat, TD_PAR_O, "Look At", "Xform", "")                                                            \
    X(forwarddir, TD_PAR_ML, "Forward Direction", "Xform", TD_FWD_NEGZ, td_menu_forwarddir,               \
      td_menu_forwarddir_labels)                                                                           \
    X(lookup, TD_PAR_ML, "Look At Up Vector", "Xform", TD_LOOKUP_ON, td_menu_lookup, td_menu_lookup_labels) \
    X(pathsop, TD_PAR_O, "Path SOP", "Xform", "")                                                          \
    X(roll, TD_PAR_F, "Roll", "Xform", 0)                                                                  \
    X(pos, TD_PAR_F, "Position", "Xform", 0)                                                               \
    X(pathorient, TD_PAR_T, "Orient along Path", "Xform", 0)                                               \
    X(upx, TD_PAR_F, "Orient Up Vector", "Xform", 0)                                                       \
    X(upy, TD_PAR_F, "Orient Up Vector", "Xform", 1)                                                       \
    X(upz, TD_PAR_F, "Orient Up Vector", "Xform", 0)                                                       \
    X(bank, TD_PAR_F, "Auto-Bank Factor", "Xform", 0)                                                      \
    X(pxform, TD_PAR_T, "Apply Pre-Transform", "Pre-Xform", 1)                                             \
    X(pxord, TD_PAR_ML, "Transform Order", "Pre-Xform", 0, td_menu_xord, td_menu_xord_labels)            \
    X(prord, TD_PAR_ML, "Rotate Order", "Pre-Xform", 0, td_menu_rord, td_menu_rord_labels)               \
    X(ptx, TD_PAR_F, "Translate", "Pre-Xform", 0)                                                          \
    X(pty, TD_PAR_F, "Translate", "Pre-Xform", 0)                                                          \
    X(ptz, TD_PAR_F, "Translate", "Pre-Xform", 0)                                                          \
    X(prx, TD_PAR_F, "Rotate", "Pre-Xform", 0)                                                             \
    X(pry, TD_PAR_F, "Rotate", "Pre-Xform", 0)                                                             \
    X(prz, TD_PAR_F, "Rotate", "Pre-Xform", 0)                                                             \
    X(psx, TD_PAR_F, "Scale", "Pre-Xform", 1)                                                              \
    X(psy, TD_PAR_F, "Scale", "Pre-Xform", 1)                                                              \
    X(psz, TD_PAR_F, "Scale", "Pre-Xform", 1)                                                              \
    X(ppx, TD_PAR_F, "Pivot", "Pre-Xform", 0)                                                              \
    X(ppy, TD_PAR_F, "Pivot", "Pre-Xform", 0)                                                              \
    X(ppz, TD_PAR_F, "Pivot", "Pre-Xform", 0)                                                              \
    X(pscale, TD_PAR_F, "Uniform Scale", "Pre-Xform", 1)                                                   \
    X(xformmatrixop, TD_PAR_O, "Xform Matrix/CHOP/DAT", "Pre-Xform", "")

/* Indices of the Xform and Pre-Xform pages, the same in every object COMP (first on each). */
#define TD_XFORM_ID(id, ...) TD_XFORM_##id,
enum { TD_XFORM_PARS(TD_XFORM_ID, 0) TD_XFORM_COUNT };
#undef TD_XFORM_ID

/* The object COMPs' protocol (td_op_class.proto of every object COMP): what a render needs to
 * know of it. */
typedef enum { TD_OBJECT_PLAIN = 0, TD_OBJECT_CAMERA, TD_OBJECT_GEOMETRY, TD_OBJECT_LIGHT } td_object_role;
struct td_scene_light;
typedef struct td_object_class {
    td_object_role role;
    /* geometry: the indices of its Render page parameters (material, the render toggle AND-ed with
     * the Render flag, drawpriority: smaller values drawn later, pickpriority, wcolor: wcolorr at
     * this index, g and b after it, lightmask: a pattern of lights) */
    Py_ssize_t material_par, render_par, drawpriority_par, pickpriority_par, wcolor_par, lightmask_par;
    /* geometry: the index of its Instance pages' first parameter (ops/instance.h), 0: none */
    Py_ssize_t instance_par;
    /* lights: fills out from the light's evaluated values and world transform, in plain C; 1 if
     * the light contributes, 0 if it is off (dimmer below 0.001, as in TouchDesigner) */
    int (*fill_light)(const td_values *vals, const double world[16], struct td_scene_light *out);
    /* lights with shadows: index of the pattern naming the geometry that casts them (0: none; a
     * light whose fill sets shadow[0] must have one) */
    Py_ssize_t shadowcasters_par;
    /* lights with projector maps: index of the TOP parameter (0: none; a light whose fill sets
     * projector[0] must have one) */
    Py_ssize_t projmap_par;
    /* environment lights (fill sets position[3] TD_LIGHT_ENVIRONMENT and projector_matrix's columns
     * 0..2 to the world-to-map rotation): index of the map TOP parameter */
    Py_ssize_t envmap_par;
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

/* The transform of an object COMP's Xform page (t r s p scale, in the orders xord and rord:
 * TouchDesigner's transform()), of its Pre-Xform page (identity when pxform is off, unless
 * ignore_toggle), and their product pre * xform (localTransform), from its evaluated values;
 * column-major. Plain C over the values. */
void td_object_local(const td_values *vals, double out[16]);
void td_object_pre(const td_values *vals, int ignore_toggle, double out[16]);
void td_object_local_full(const td_values *vals, double out[16]);
/* The world transform of obj: its parent's world (the object COMP it sits in, the parentobject, or
 * none: parentxformsrc) * pre * xform, turned by lookat toward the origin of the object it names
 * (src/ops/object_world.c); each object evaluated once per call; with own, obj's own values are
 * handed back too (free them). -1 with a Python error if an evaluation fails (see td_op_values), or
 * with tdError naming the object if a lookat or parentobject names nothing or no object COMP, or
 * the objects' transforms depend on each other in a circle. */
int td_object_world(TdOp *obj, double out[16], td_values **own);
/* Makes the named tuple types geometryCOMP.computeBounds() returns (geometry_comp.c). */
struct td_state;
int td_bounds_setup(struct td_state *st);
/* A td_render.Bounds (min, max, center, size) of the box lo .. hi; new reference or NULL. */
PyObject *td_bounds_new(struct td_state *st, const double lo[3], const double hi[3]);

#endif
