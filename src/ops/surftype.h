/* The menus the SOP generators share: TouchDesigner's Connectivity (surftype), Orientation (orient:
 * planes and axes) and Primitive Type tokens, in its order. A Connectivity index is a td_geom_conn,
 * a plane index a td_geom_plane, an axis index a td_geom_axis. */
#ifndef TD_OPS_SURFTYPE_H
#define TD_OPS_SURFTYPE_H

#include "geom/geom.h"

/* Each including file uses only some of these. */
#define TD_MENU_SHARED static __attribute__((unused)) const char *const

#define TD_SURFTYPE_MENU(M)                                                                                \
    M(SURF_ROWS, "rows") M(SURF_COLS, "cols") M(SURF_ROWCOL, "rowcol") M(SURF_TRIANGLES, "triangles")      \
    M(SURF_QUADS, "quads") M(SURF_ALTTRIANGLES, "alttriangles")
enum { TD_SURFTYPE_MENU(TD_MENU_ID) };
_Static_assert(SURF_ROWS == (int)TD_CONN_ROWS && SURF_QUADS == (int)TD_CONN_QUADS &&
                   SURF_ALTTRIANGLES == (int)TD_CONN_ALTTRIANGLES,
               "the Connectivity menu is td_geom_conn's order");
TD_MENU_SHARED td_surftype_menu[] = {TD_SURFTYPE_MENU(TD_MENU_TOKEN) NULL};
TD_MENU_SHARED td_surftype_labels[] = {"Rows",      "Columns",        "Rows and Columns",
                                       "Triangles", "Quadrilaterals", "Alternating Triangles", NULL};

#define TD_PLANE_MENU(M) M(PLANE_XY, "xy") M(PLANE_YZ, "yz") M(PLANE_ZX, "zx")
enum { TD_PLANE_MENU(TD_MENU_ID) };
_Static_assert(PLANE_XY == (int)TD_PLANE_XY && PLANE_ZX == (int)TD_PLANE_ZX,
               "the plane menu is td_geom_plane's");
TD_MENU_SHARED td_plane_menu[] = {TD_PLANE_MENU(TD_MENU_TOKEN) NULL};
TD_MENU_SHARED td_plane_labels[] = {"XY Plane", "YZ Plane", "ZX Plane", NULL};

#define TD_AXIS_MENU(M) M(AXIS_X, "x") M(AXIS_Y, "y") M(AXIS_Z, "z")
enum { TD_AXIS_MENU(TD_MENU_ID) };
_Static_assert(AXIS_X == (int)TD_AXIS_X && AXIS_Z == (int)TD_AXIS_Z, "the axis menu is td_geom_axis's");
TD_MENU_SHARED td_axis_menu[] = {TD_AXIS_MENU(TD_MENU_TOKEN) NULL};
TD_MENU_SHARED td_axis_labels[] = {"X Axis", "Y Axis", "Z Axis", NULL};

/* Primitive Type without 'prim' (Grid, Torus) and with it (Sphere, Tube). */
#define TD_PRIMTYPE_MENU(M)                                                                                \
    M(PRIM_POLY, "poly") M(PRIM_MESH, "mesh") M(PRIM_NURBS, "nurbs") M(PRIM_BEZIER, "bezier")
enum { TD_PRIMTYPE_MENU(TD_MENU_ID) };
TD_MENU_SHARED td_primtype_menu[] = {TD_PRIMTYPE_MENU(TD_MENU_TOKEN) NULL};
TD_MENU_SHARED td_primtype_labels[] = {"Polygon", "Mesh", "NURBS", "Bezier", NULL};
#define TD_PRIMTYPE5_MENU(M)                                                                               \
    M(PRIM5_PRIM, "prim") M(PRIM5_POLY, "poly") M(PRIM5_MESH, "mesh") M(PRIM5_NURBS, "nurbs")             \
    M(PRIM5_BEZIER, "bezier")
enum { TD_PRIMTYPE5_MENU(TD_MENU_ID) };
TD_MENU_SHARED td_primtype5_menu[] = {TD_PRIMTYPE5_MENU(TD_MENU_TOKEN) NULL};
TD_MENU_SHARED td_primtype5_labels[] = {"Primitive", "Polygon", "Mesh", "NURBS", "Bezier", NULL};

/* Texture Coordinates off / Row & Columns (Grid, Torus, Tube). */
#define TD_ROWCOL_TEX_MENU(M) M(ROWCOL_TEX_OFF, "off") M(ROWCOL_TEX_ROWCOL, "rowcol")
enum { TD_ROWCOL_TEX_MENU(TD_MENU_ID) };
TD_MENU_SHARED td_rowcol_tex_menu[] = {TD_ROWCOL_TEX_MENU(TD_MENU_TOKEN) NULL};
TD_MENU_SHARED td_rowcol_tex_labels[] = {"Off", "Row & Columns", NULL};

#endif
