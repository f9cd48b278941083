/* Mesh generators: plain descriptions in, td_mesh out. Each returns 0 with *out a new mesh (one
 * reference, bounds computed), or -1 with *out NULL and err filled (TD_ERR_VALUE for a bad
 * description, TD_ERR_MEMORY when out of memory). Plain C: no Python, no GL. */
#ifndef TD_GEOM_GEOM_H
#define TD_GEOM_GEOM_H

#include "geom/mesh.h"

/* The most points a generator makes: larger descriptions are refused (TD_ERR_VALUE) before any
 * allocation. */
#define TD_GEOM_MAX_POINTS (1u << 26)

/* How a lattice of points is connected: TouchDesigner's Connectivity menu (surftype), in its order.
 * rows / cols: an open polyline along each row / column; rowcol: both; triangles: two triangles a
 * cell, all split along the same diagonal; quads: a quadrilateral a cell; alttriangles: two
 * triangles a cell, the diagonal alternating like a checkerboard. */
typedef enum {
    TD_CONN_ROWS = 0,
    TD_CONN_COLS,
    TD_CONN_ROWCOL,
    TD_CONN_TRIANGLES,
    TD_CONN_QUADS,
    TD_CONN_ALTTRIANGLES,
} td_geom_conn;

/* A plane by its two in-plane axes (TouchDesigner's orient menus xy, yz, zx): the first axis is
 * a, the second b and the normal n = a x b (xy: x, y, +z; yz: y, z, +x; zx: z, x, +y). */
typedef enum { TD_PLANE_XY = 0, TD_PLANE_YZ, TD_PLANE_ZX } td_geom_plane;
/* An axis (TouchDesigner's orient menus x, y, z). Around axis k the generators use e1 = axis
 * (k + 1) % 3 and e2 = axis (k + 2) % 3, so that e1 x e2 = the axis (y: e1 = z, e2 = x). */
typedef enum { TD_AXIS_X = 0, TD_AXIS_Y, TD_AXIS_Z } td_geom_axis;

/* What a generator's mesh holds besides P: normals ("N", unit) and texture coordinates ("uv"). */
typedef struct td_geom_attrs {
    int normals, uv;
} td_geom_attrs;

/* An axis-aligned box: half-extent size * scale / 2 around center (TouchDesigner's Box SOP:
 * t, size, s). uv_mode: see box.c. */
typedef enum { TD_BOX_UV_FACE_OUTSIDE = 0, TD_BOX_UV_FACE_INSIDE } td_geom_box_uv;
typedef struct td_geom_box_desc {
    double center[3];
    double size[3];
    double scale;
    td_geom_attrs attrs;
    td_geom_box_uv uv_mode;
} td_geom_box_desc;

/* An ellipsoid around an axis (TouchDesigner's Sphere SOP: t, rad, orient). lattice: rows >= 2
 * bands of latitude, cols >= 3 of longitude, connected as conn; otherwise (polyhedron) an
 * icosahedron with each face cut into freq^2 triangles, projected onto the ellipsoid. See
 * sphere.c for the layouts. */
typedef enum {
    TD_SPHERE_UV_OUTSIDE = 0, /* equirectangular seen from outside */
    TD_SPHERE_UV_INSIDE,      /* equirectangular seen from inside (u mirrored) */
    TD_SPHERE_UV_FISHEYE180,  /* equidistant azimuthal around the +axis pole, 90 degrees to the rim */
    TD_SPHERE_UV_FISHEYE360,  /* equidistant azimuthal around the +axis pole, 180 degrees to the rim */
} td_geom_sphere_uv;
typedef struct td_geom_sphere_desc {
    double center[3];
    double radius[3];
    int rows, cols;
    int polyhedron, freq;
    td_geom_axis axis;
    td_geom_conn conn;
    td_geom_attrs attrs;
    td_geom_sphere_uv uv_mode;
} td_geom_sphere_desc;

/* A planar grid of rows x cols points (TouchDesigner's Grid SOP: t, size, rows, cols, orient,
 * surftype; the Rectangle SOP is the 2 x 2 quads grid). See grid.c. */
typedef struct td_geom_grid_desc {
    double center[3];
    double size[2];
    int rows, cols;
    td_geom_plane plane;
    td_geom_conn conn;
    td_geom_attrs attrs;
} td_geom_grid_desc;

/* A circle, ellipse or arc (TouchDesigner's Circle SOP: t, rad, orient, divs, arc, angle). See
 * circle.c. */
typedef enum { TD_ARC_CLOSED = 0, TD_ARC_OPEN, TD_ARC_CLOSEDARC, TD_ARC_SLICEDARC } td_geom_arc;
typedef struct td_geom_circle_desc {
    double center[3];
    double radius[2];
    td_geom_plane plane;
    int divs;
    td_geom_arc arc;
    double begin_deg, end_deg;
    td_geom_attrs attrs;
} td_geom_circle_desc;

/* A straight polyline of points points from a to b (TouchDesigner's Line SOP: pa, pb, points).
 * See line.c. */
typedef struct td_geom_line_desc {
    double a[3], b[3];
    int points;
    int uv;
} td_geom_line_desc;

/* A torus or a section of one (TouchDesigner's Torus SOP). See torus.c. */
typedef struct td_geom_torus_desc {
    double center[3];
    double radius[2]; /* the ring's (major) radius, the cross-section's (minor) radius */
    td_geom_axis axis;
    int rows, cols;   /* divisions around the ring, around the cross-section */
    td_geom_conn conn;
    double angle_offset_deg;
    double angleu_deg[2], anglev_deg[2];
    int closeu, closev;
    td_geom_attrs attrs;
} td_geom_torus_desc;

/* An open or capped tube or cone along an axis (TouchDesigner's Tube SOP). See tube.c. */
typedef struct td_geom_tube_desc {
    double center[3];
    double radius[2]; /* the top's, the bottom's */
    double height;
    td_geom_axis axis;
    int rows, cols; /* rings along the axis (>= 2), divisions around (>= 3) */
    td_geom_conn conn;
    int cap;
    td_geom_attrs attrs;
} td_geom_tube_desc;

/* 24 vertices (4 a face) with P, N (the face normal) and uv; 36 indices. See box.c. */
int td_geom_box(const td_geom_box_desc *desc, td_mesh **out, td_err *err);
/* See sphere.c. */
int td_geom_sphere(const td_geom_sphere_desc *desc, td_mesh **out, td_err *err);
int td_geom_grid(const td_geom_grid_desc *desc, td_mesh **out, td_err *err);
int td_geom_circle(const td_geom_circle_desc *desc, td_mesh **out, td_err *err);
int td_geom_line(const td_geom_line_desc *desc, td_mesh **out, td_err *err);
int td_geom_torus(const td_geom_torus_desc *desc, td_mesh **out, td_err *err);
int td_geom_tube(const td_geom_tube_desc *desc, td_mesh **out, td_err *err);

/* ---- the lattice the surface generators share (lattice.c) ---- */

/* The primitives and vertex references a lattice of nrows x ncols points makes when connected as
 * conn: 0, or -1 with err (TD_ERR_VALUE) naming `what` when the lattice is too small for conn (a
 * surface needs 2 x 2 points, rows polylines 2 columns, cols polylines 2 rows). */
int td_geom_lattice_count(const char *what, uint32_t nrows, uint32_t ncols, td_geom_conn conn, uint32_t *nprims,
                          uint32_t *nverts, td_err *err);
/* Writes the lattice's primitives into m from primitive *prim and vertex reference *vert on,
 * advancing both; point (i, j) is first + i * ncols + j. Faces are counter-clockwise about
 * (P(i, j+1) - P(i, j)) x (P(i+1, j) - P(i, j)): generators lay points out so that this is the
 * surface's front (outward) side. */
void td_geom_lattice_fill(td_mesh *m, uint32_t first, uint32_t nrows, uint32_t ncols, td_geom_conn conn,
                          uint32_t *prim, uint32_t *vert);
/* Appends one primitive of n vertices (first, first + 1, ... or the list given) to m. */
void td_geom_prim_range(td_mesh *m, uint32_t first, uint32_t n, int closed, uint32_t *prim, uint32_t *vert);
/* A mesh of npoints points and nprims primitives over nverts references with P and the attributes
 * attrs asks for (NULL arrays for the others); NULL with err filled. Refuses more than
 * TD_GEOM_MAX_POINTS points (TD_ERR_VALUE naming `what`). */
td_mesh *td_geom_new(const char *what, uint64_t npoints, uint64_t nprims, uint64_t nverts, td_geom_attrs attrs,
                     float **P, float **N, float **uv, td_err *err);
/* The plane's axes a, b and normal n (0 x, 1 y, 2 z), as the td_geom_plane comment says. */
void td_geom_plane_axes(td_geom_plane p, int *a, int *b, int *n);
/* Around axis k: e1 = (k + 1) % 3, e2 = (k + 2) % 3 (e1 x e2 = the axis). */
void td_geom_axis_frame(td_geom_axis axis, int *k, int *e1, int *e2);
/* td_mesh_finish, then *out = m; or the mesh freed and -1. */
int td_geom_done(td_mesh *m, td_mesh **out, td_err *err);

#endif
