/* td_geo_builder: geometry being built point by point and polygon by polygon (a scriptSOP's cook),
 * in growable arrays, until td_geo_builder_finish makes the immutable td_mesh of it.
 *
 * Points carry P (3 floats) and, once any point sets one, N (3), uv (3) and Cd (4); a point that
 * never set one has the default: N (0, 0, 0), uv (0, 0, 0), Cd (1, 1, 1, 1). Primitives are
 * polygons over the points (closed) or polylines (open), as in td_mesh.
 *
 * Reference counted (not atomically: its users hold the GIL). `live` is 1 while its cook runs;
 * `gen` counts td_geo_builder_clear calls: a holder of an index remembers both and finds its index
 * stale when the cook ended or the builder was cleared since. Plain C: no Python, no GL. */
#ifndef TD_GEOM_BUILDER_H
#define TD_GEOM_BUILDER_H

#include <stdint.h>

#include "geom/mesh.h"

/* The most points, primitives or vertex references a builder holds. */
#define TD_GEO_BUILDER_MAX 0x7fffffffu

typedef enum { TD_GEO_N = 0, TD_GEO_UV, TD_GEO_CD, TD_GEO_NOPTIONAL } td_geo_optional;

typedef struct td_geo_builder {
    int refs;
    int live;     /* 1 while the cook that builds it runs */
    uint64_t gen; /* bumped by every clear */
    uint32_t npoints, cap_points;
    float *P;                       /* 3 a point */
    float *opt[TD_GEO_NOPTIONAL];   /* N (3), uv (3), Cd (4) a point; NULL until first set */
    uint32_t nprims, cap_prims;
    uint32_t *prim_start;           /* nprims + 1 entries (cap_prims + 1 allocated) */
    unsigned char *prim_closed;
    uint32_t nverts, cap_verts;
    uint32_t *verts;                /* point index of each vertex reference */
    /* Geometry it starts from, copied in only when first read or changed (td_geo_builder_take_seed);
     * one reference, or NULL. A builder whose seed was never taken finishes as the seed itself. */
    td_mesh *seed;
} td_geo_builder;

/* Floats a point of each optional attribute, and their names ("N", "uv", "Cd"). */
extern const int td_geo_optional_size[TD_GEO_NOPTIONAL];
extern const char *const td_geo_optional_name[TD_GEO_NOPTIONAL];

/* An empty, live builder with one reference; NULL (err filled) if out of memory. */
td_geo_builder *td_geo_builder_new(td_err *err);
void td_geo_builder_incref(td_geo_builder *b);
/* Drops one reference; the last frees it. NULL is ignored. */
void td_geo_builder_decref(td_geo_builder *b);
/* Starts it from m's geometry (held, copied in later); replaces any seed. */
void td_geo_builder_set_seed(td_geo_builder *b, td_mesh *m);
/* Copies the seed in (appending it) if there is one; 0, or -1 (err filled). */
int td_geo_builder_take_seed(td_geo_builder *b, td_err *err);
/* Appends m's points (P and the optional attributes it has) and primitives; 0, or -1 (err filled). */
int td_geo_builder_append_mesh(td_geo_builder *b, const td_mesh *m, td_err *err);
/* Empties it (points, primitives, any seed) and bumps gen. */
void td_geo_builder_clear(td_geo_builder *b);
/* Appends n points at the origin with default attributes; the first new index, or -1 (err filled)
 * when out of memory or past TD_GEO_BUILDER_MAX. */
int64_t td_geo_builder_add_points(td_geo_builder *b, uint32_t n, td_err *err);
/* The optional attribute's array (npoints * size floats), made with the defaults on first use;
 * NULL (err filled) if out of memory. */
float *td_geo_builder_attr(td_geo_builder *b, td_geo_optional which, td_err *err);
/* Appends a primitive of n vertex references, each the point `first + i`, or point 0 if first is
 * negative; the new primitive's index, or -1 (err filled). */
int64_t td_geo_builder_add_prim(td_geo_builder *b, uint32_t n, int closed, int64_t first, td_err *err);
/* Appends one vertex reference (to point) at the end of the last primitive; -1 (err filled) if
 * there is no primitive or memory runs out. */
int td_geo_builder_add_vertex(td_geo_builder *b, uint32_t point, td_err *err);
/* Replaces the whole contents with arrays the caller made (malloc'd; the builder takes them, or
 * frees them on failure): npoints points of P (and the optional arrays, NULL for none), nprims
 * primitives in prim_start (nprims + 1 entries) over verts, all closed. Bumps gen. 0, or -1 (err
 * filled). */
int td_geo_builder_adopt(td_geo_builder *b, uint32_t npoints, float *P, float *opt[TD_GEO_NOPTIONAL],
                         uint32_t nprims, uint32_t *prim_start, uint32_t *verts, td_err *err);
/* The mesh of its contents: points as vertices with P and the optional attributes made, the
 * primitives checked and triangulated (td_mesh_finish). 0 with *out, or -1 (err filled, naming a
 * bad primitive). */
int td_geo_builder_finish(const td_geo_builder *b, td_mesh **out, td_err *err);

#endif
