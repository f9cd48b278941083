/* Parameter definitions: one static table per operator type, naming each parameter with
 * TouchDesigner's Python name, its kind, default and range. Plain data, no Python. */
#ifndef TD_GRAPH_PARDEF_H
#define TD_GRAPH_PARDEF_H

#include <stddef.h>

typedef enum {
    TD_PAR_FLOAT = 0,
    TD_PAR_INT,
    TD_PAR_TOGGLE,
    TD_PAR_MENU,
    TD_PAR_STR,
    TD_PAR_OP, /* an OP path or pattern; an OP object is accepted and stored as its path */
} td_par_kind;

enum {
    TD_PAR_REJECT_MIN = 1, /* a value below min raises ValueError */
    TD_PAR_REJECT_MAX = 2, /* a value above max raises ValueError */
    TD_PAR_CLAMP_MIN = 4,  /* a value below min becomes min (Par.clampMin) */
    TD_PAR_CLAMP_MAX = 8,  /* a value above max becomes max (Par.clampMax) */
};

typedef struct td_par_def {
    const char *name;   /* Python name: "tx" */
    const char *label;  /* "Translate" */
    const char *page;   /* "Xform" */
    td_par_kind kind;
    double def;         /* numeric default; for menus the index */
    double min, max;    /* value range: clamped or checked where flags say so, else the slider range */
    const char *sdef;   /* string default */
    const char *const *menu; /* NULL-terminated menu tokens */
    unsigned flags;
    const char *const *menu_labels; /* labels of the tokens, NULL: the tokens themselves */
} td_par_def;

#define TD_PAR_F(n, l, pg, d) {.name = n, .label = l, .page = pg, .kind = TD_PAR_FLOAT, .def = d, .min = 0, .max = 1}
#define TD_PAR_I(n, l, pg, d, lo, hi, fl) \
    {.name = n, .label = l, .page = pg, .kind = TD_PAR_INT, .def = d, .min = lo, .max = hi, .flags = fl}
#define TD_PAR_T(n, l, pg, d) {.name = n, .label = l, .page = pg, .kind = TD_PAR_TOGGLE, .def = d, .max = 1}
#define TD_PAR_M(n, l, pg, d, tokens) {.name = n, .label = l, .page = pg, .kind = TD_PAR_MENU, .def = d, .menu = tokens}
#define TD_PAR_ML(n, l, pg, d, tokens, labels)                                                             \
    {.name = n, .label = l, .page = pg, .kind = TD_PAR_MENU, .def = d, .menu = tokens, .menu_labels = labels}
#define TD_PAR_S(n, l, pg, d) {.name = n, .label = l, .page = pg, .kind = TD_PAR_STR, .sdef = d}
#define TD_PAR_O(n, l, pg, d) {.name = n, .label = l, .page = pg, .kind = TD_PAR_OP, .sdef = d}
/* A float clamped to [lo, hi]. */
#define TD_PAR_FC(n, l, pg, d, lo, hi)                                                                     \
    {.name = n, .label = l, .page = pg, .kind = TD_PAR_FLOAT, .def = d, .min = lo, .max = hi,              \
     .flags = TD_PAR_CLAMP_MIN | TD_PAR_CLAMP_MAX}

/* The Xform page shared by the object COMPs (camera, geometry, light). */
extern const char *const td_menu_xord[];
extern const char *const td_menu_rord[];
extern const char *const td_menu_xord_labels[];
extern const char *const td_menu_rord_labels[];
#define TD_XFORM_PARS(tz_default)                                                                          \
    TD_PAR_ML("xord", "Transform Order", "Xform", 0, td_menu_xord, td_menu_xord_labels),                 \
        TD_PAR_ML("rord", "Rotate Order", "Xform", 0, td_menu_rord, td_menu_rord_labels),                \
        TD_PAR_F("tx", "Translate", "Xform", 0), TD_PAR_F("ty", "Translate", "Xform", 0),                \
        TD_PAR_F("tz", "Translate", "Xform", tz_default), TD_PAR_F("rx", "Rotate", "Xform", 0),          \
        TD_PAR_F("ry", "Rotate", "Xform", 0), TD_PAR_F("rz", "Rotate", "Xform", 0),                      \
        TD_PAR_F("sx", "Scale", "Xform", 1), TD_PAR_F("sy", "Scale", "Xform", 1),                        \
        TD_PAR_F("sz", "Scale", "Xform", 1), TD_PAR_F("px", "Pivot", "Xform", 0),                        \
        TD_PAR_F("py", "Pivot", "Xform", 0), TD_PAR_F("pz", "Pivot", "Xform", 0),                        \
        TD_PAR_F("scale", "Uniform Scale", "Xform", 1)

#define TD_NPARS(table) (sizeof(table) / sizeof((table)[0]))

#endif
