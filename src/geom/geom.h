/* Mesh generators: plain descriptions in, td_mesh out. Each returns 0 with *out a new mesh (one
 * reference, bounds computed), or -1 with *out NULL and err filled (TD_ERR_VALUE for a bad
 * description, TD_ERR_MEMORY when out of memory). Plain C: no Python, no GL. */
#ifndef TD_GEOM_GEOM_H
#define TD_GEOM_GEOM_H

#include "geom/mesh.h"

/* An axis-aligned box: half-extent size * scale / 2 around center (TouchDesigner's Box SOP:
 * t, size, s). */
typedef struct td_geom_box_desc {
    double center[3];
    double size[3];
    double scale;
} td_geom_box_desc;

/* A latitude/longitude ellipsoid around the y axis (TouchDesigner's Sphere SOP, Mesh type:
 * t, rad, rows, cols). rows >= 2 bands of latitude, cols >= 3 of longitude. */
typedef struct td_geom_sphere_desc {
    double center[3];
    double radius[3];
    int rows, cols;
} td_geom_sphere_desc;

/* 24 vertices (4 a face) with P, N (the face normal) and uv; 36 indices. See box.c. */
int td_geom_box(const td_geom_box_desc *desc, td_mesh **out, td_err *err);
/* (rows + 1) * (cols + 1) vertices with P, N (smooth ellipsoid normals) and uv; 6 * rows * cols
 * indices. See sphere.c. */
int td_geom_sphere(const td_geom_sphere_desc *desc, td_mesh **out, td_err *err);

#endif
