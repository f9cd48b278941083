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
    TD_PAR_PULSE, /* a momentary button: 0 at rest; Par.pulse() sets 1, cooks the owner, restores 0 */
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
#define TD_PAR_P(n, l, pg) {.name = n, .label = l, .page = pg, .kind = TD_PAR_PULSE, .def = 0, .max = 1}
#define TD_PAR_M(n, l, pg, d, tokens) {.name = n, .label = l, .page = pg, .kind = TD_PAR_MENU, .def = d, .menu = tokens}
#define TD_PAR_ML(n, l, pg, d, tokens, labels)                                                             \
    {.name = n, .label = l, .page = pg, .kind = TD_PAR_MENU, .def = d, .menu = tokens, .menu_labels = labels}
#define TD_PAR_S(n, l, pg, d) {.name = n, .label = l, .page = pg, .kind = TD_PAR_STR, .sdef = d}
#define TD_PAR_O(n, l, pg, d) {.name = n, .label = l, .page = pg, .kind = TD_PAR_OP, .sdef = d}
/* A float with a range that flags say how to apply (TD_PAR_REJECT_*, TD_PAR_CLAMP_*). */
#define TD_PAR_FR(n, l, pg, d, lo, hi, fl)                                                                 \
    {.name = n, .label = l, .page = pg, .kind = TD_PAR_FLOAT, .def = d, .min = lo, .max = hi, .flags = fl}
/* A float clamped to [lo, hi]. */
#define TD_PAR_FC(n, l, pg, d, lo, hi)                                                                     \
    {.name = n, .label = l, .page = pg, .kind = TD_PAR_FLOAT, .def = d, .min = lo, .max = hi,              \
     .flags = TD_PAR_CLAMP_MIN | TD_PAR_CLAMP_MAX}

#define TD_NPARS(table) (sizeof(table) / sizeof((table)[0]))

/* A type's parameters are one X-macro list of rows X(id, ROW, label, page, ...), ROW being one of
 * the row macros above without its name (the name is the id):
 *
 *   #define SPHERE_PARS(X)                                                            \
 *       X(radx, TD_PAR_F, "Radius", "Sphere", 1)                                      \
 *       X(rows, TD_PAR_I, "Rows", "Sphere", 20, 2, 2048, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)
 *   TD_PAR_TABLE(sphere_pars, SPHERE_PARS)
 *
 * gives the table sphere_pars[] and, in the same order, the indices PAR_radx, PAR_rows ... and
 * PAR_COUNT, which code reads parameters by: a misspelt name is a compile error, and a row
 * inserted anywhere moves every index with it. Lists of shared pages (the Xform page, a TOP's
 * Common page) are macros taking X, spliced into a type's list. */
#define TD_PAR_ROW(id, ROW, ...) ROW(#id, __VA_ARGS__),
#define TD_PAR_ID(id, ...) PAR_##id,
#define TD_PAR_TABLE(table, LIST)                                                                          \
    enum { LIST(TD_PAR_ID) PAR_COUNT };                                                                    \
    static const td_par_def table[] = {LIST(TD_PAR_ROW)}

/* Menus as X-macro lists M(ID, "token"): `enum { LIST(TD_MENU_ID) }` gives the indices and
 * `{LIST(TD_MENU_TOKEN) NULL}` the token array, so code compares a menu parameter with its token's
 * name, never a bare number. */
#define TD_MENU_ID(id, token) id,
#define TD_MENU_TOKEN(id, token) token,

#endif
