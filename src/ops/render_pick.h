/* Picking: what geometry lies under points (u, v) of a rendering TOP's image, found by casting rays
 * through its camera into the scene it last rendered (src/geom/pick.h): renderTOP.pick() and
 * renderpickDAT. */
#ifndef TD_OPS_RENDER_PICK_H
#define TD_OPS_RENDER_PICK_H

#include <stddef.h>
#include <stdint.h>

#include "graph/op.h"

/* One pick's answer. */
typedef struct td_pick_result {
    int found;            /* 0: nothing under the point (the rest is zero) */
    uint64_t geometry;    /* id of the geometryCOMP hit */
    uint32_t instance;    /* its instance (0 without instancing) */
    double position[3];   /* world space */
    double normal[3];     /* world space, unit length (the surface's, as interpolated from N) */
    double uv[3];         /* the texture coordinate "uv" there (zeros without one) */
    double color[4];      /* the point colour "Cd" there (1, 1, 1, 1 without one) */
    double depth;         /* distance from the camera to position */
    double sop_position[3], sop_normal[3]; /* in the SOP's own space (before instance and COMP transforms) */
    double cam_position[3], cam_normal[3]; /* in the camera's space (the render's view) */
} td_pick_result;

/* Cooks top (a renderTOP or renderpassTOP) if needed and picks n points uv[2k], uv[2k + 1] (0..1,
 * left to right and bottom to top) of its image into out[0 .. n). The rays are cast with the GIL
 * released. 0, or -1 with a Python error (a TOP that renders no geometry, a cube map render, a
 * failed cook). */
int td_render_pick(TdOp *top, size_t n, const double *uv, td_pick_result *out);

/* renderTOP.pick(u, v) and renderpassTOP's: a PyMethodDef entry for their method tables. */
PyObject *td_render_pick_call(TdOp *self, PyObject *args, PyObject *kwargs);
#define TD_RENDER_PICK_METHOD                                                                              \
    {"pick", (PyCFunction)(void (*)(void))td_render_pick_call, METH_VARARGS | METH_KEYWORDS,             \
     "pick($self, /, u, v)\n--\n\n"                                                                       \
     "What lies under the point (u, v) of this render's image (0 to 1, left to right and bottom to\n"     \
     "top, whatever the aspect): a PickResult (path, position, normal, uv, color, instance, depth),\n"    \
     "or None where the ray meets no geometry. Cooks the TOP first if its network changed. Ours\n"       \
     "(renderpickDAT does the same for a table of points): the ray is cast on the CPU into the scene\n"  \
     "the TOP rendered, so no image is read back and the position is exact, not a depth sample.\n"       \
     "Faces the render culls are not picked, nor are lines."}
/* The result type of pick(); made at module setup. */
struct td_state;
int td_pick_setup(struct td_state *st);

#endif
