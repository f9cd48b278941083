/* Wavefront .obj geometry read from bytes in memory into a td_mesh: plain C, no Python, no GL, no
 * file access (the caller reads the file), so it can be fuzzed on its own.
 *
 * Read: v x y z [w] (w ignored), or v x y z r g b [a] (a colour after the position, as many
 * exporters write: "Cd"); vt u [v [w]] ("uv", missing components 0); vn x y z ("N", as written);
 * f with corners v, v/vt, v//vn or v/vt/vn and negative (relative) indices, any number of corners
 * (a quad stays one primitive); l (polylines, open primitives); o and g (the current group of the
 * primitives after them); comments (# to the end of a line); a backslash at a line's end joins
 * the next line. Ignored: materials (usemtl, mtllib), smoothing groups (s, mg), p, vp and the
 * free-form curve and surface statements. Any other statement, a NUL byte, a bad number, NaN or
 * infinity, index 0 or an index past the elements defined so far is an error naming the line.
 *
 * Each distinct (v, vt, vn) corner becomes one mesh vertex (a point shared by faces with different
 * normals or uvs is one vertex per combination); positions no primitive uses become vertices of
 * their own, so a point cloud keeps its points. */
#ifndef TD_GEOM_OBJ_H
#define TD_GEOM_OBJ_H

#include <stddef.h>
#include <stdint.h>

#include "geom/mesh.h"
#include "util/err.h"

/* Defaults of td_obj_limits (a NULL limits pointer). */
#define TD_OBJ_MAX_BYTES ((uint64_t)1 << 31)
#define TD_OBJ_MAX_ELEMENTS ((uint32_t)1 << 27)
#define TD_OBJ_MAX_POLY ((uint32_t)1 << 20)

typedef struct td_obj_limits {
    uint64_t max_bytes;    /* of the input */
    uint32_t max_elements; /* of each: v, vt, vn, primitives, corners, mesh vertices */
    uint32_t max_poly;     /* corners of one f or l */
} td_obj_limits;

typedef struct td_obj_options {
    /* Where a vertex has no normal from the file: 1 gives it its position's normal, the
     * area-weighted sum over the polygons that use the position (smooth across faces sharing a
     * position); 0 leaves a file without any normals without "N". */
    int compute_normals;
    /* 1 reverses each primitive's vertex order (its facing) and negates the file's normals. */
    int flip;
} td_obj_options;

/* The group of each primitive: names[prim_group[p]], the text after the last o or g before it
 * ("default" before any). A name follows each o or g statement that changes it (not de-duplicated). */
typedef struct td_obj_groups {
    uint32_t nnames;
    char **names;
    uint32_t nprims;
    uint32_t *prim_group;
} td_obj_groups;

/* Parses size bytes at data into *out (a finished mesh: "P", and "N", "uv", "Cd" where the file or
 * the options give them). groups may be NULL; else it is filled (td_obj_groups_free it). 0, or -1
 * with err filled (TD_ERR_VALUE "line N: ..." for a bad file, TD_ERR_MEMORY) and nothing kept. */
int td_obj_parse(const void *data, size_t size, const td_obj_options *opt, const td_obj_limits *lim, td_mesh **out,
                 td_obj_groups *groups, td_err *err);
void td_obj_groups_free(td_obj_groups *g);

#endif
