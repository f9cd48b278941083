/* cameraCOMP: looks down its local -Z axis from its transform's origin.
 *   projection 'perspective' | 'ortho'; viewanglemethod 'horzfov' (fov is horizontal, the default) |
 *   'vertfov' | 'focalaperture' (fov = 2 atan(aperture / 2 / focal)); fov 45, near 0.1, far 1000,
 *   orthowidth 2, bgcolorr/g/b/a 0 (the render's background). Default position tz = 5. */
#include <math.h>

#include "bind/state.h"
#include "graph/op.h"
#include "ops/object.h"
#include "ops/camera.h"

#define PROJECTION_MENU(M) M(PROJ_PERSPECTIVE, "perspective") M(PROJ_ORTHO, "ortho")
#define VIEWANGLE_MENU(M) M(VIEW_HORZFOV, "horzfov") M(VIEW_VERTFOV, "vertfov") M(VIEW_FOCALAPERTURE, "focalaperture")
enum { PROJECTION_MENU(TD_MENU_ID) };
enum { VIEWANGLE_MENU(TD_MENU_ID) };
static const char *const projection_menu[] = {PROJECTION_MENU(TD_MENU_TOKEN) NULL};
static const char *const viewangle_menu[] = {VIEWANGLE_MENU(TD_MENU_TOKEN) NULL};

#define CAMERA_PARS(X)                                                                                     \
    TD_XFORM_PARS(X, 5)                                                                                    \
    X(projection, TD_PAR_M, "Projection", "View", PROJ_PERSPECTIVE, projection_menu)                      \
    X(orthowidth, TD_PAR_F, "Ortho Width", "View", 2)                                                      \
    X(viewanglemethod, TD_PAR_M, "Viewing Angle Method", "View", VIEW_HORZFOV, viewangle_menu)            \
    X(fov, TD_PAR_F, "Field of View", "View", 45)                                                          \
    X(focal, TD_PAR_F, "Focal Length", "View", 50)                                                         \
    X(aperture, TD_PAR_F, "Aperture", "View", 41.4214)                                                     \
    X(near, TD_PAR_F, "Near", "View", 0.1)                                                                 \
    X(far, TD_PAR_F, "Far", "View", 1000)                                                                  \
    X(bgcolorr, TD_PAR_F, "Background Color", "Settings", 0)                                               \
    X(bgcolorg, TD_PAR_F, "Background Color", "Settings", 0)                                               \
    X(bgcolorb, TD_PAR_F, "Background Color", "Settings", 0)                                               \
    X(bgcolora, TD_PAR_F, "Background Color", "Settings", 0)
TD_PAR_TABLE(camera_pars, CAMERA_PARS);

static int
camera_error(TdOp *cam, const char *what)
{
    PyObject *path = td_op_path(cam);
    if (path != NULL) {
        PyErr_Format(td_state_of((PyObject *)cam)->tdError, "%U: %s", path, what);
        Py_DECREF(path);
    }
    return -1;
}

/* The projection from the camera's values, or the reason there is none. */
static const char *
projection(const td_values *vals, double aspect, double out[16])
{
    const td_par_value *v = vals->v;
    double n = v[PAR_near].num, f = v[PAR_far].num;
    int ortho = (int)v[PAR_projection].num == PROJ_ORTHO;
    if (!(f > n) || (!ortho && !(n > 0.0))) {
        return "needs 0 < near < far";
    }
    for (int i = 0; i < 16; i++) {
        out[i] = 0.0;
    }
    if (ortho) {
        double w = v[PAR_orthowidth].num;
        if (!(w > 0.0)) {
            return "needs orthowidth > 0";
        }
        out[0] = 2.0 / w;
        out[5] = out[0] * aspect;
        out[10] = 1.0 / (n - f);
        out[14] = n / (n - f);
        out[15] = 1.0;
        return NULL;
    }
    int method = (int)v[PAR_viewanglemethod].num;
    double fov = v[PAR_fov].num;
    if (method == VIEW_FOCALAPERTURE) {
        double focal = v[PAR_focal].num, aperture = v[PAR_aperture].num;
        if (!(focal > 0.0) || !(aperture > 0.0)) {
            return "needs focal > 0 and aperture > 0";
        }
        fov = 2.0 * atan(aperture * 0.5 / focal) * 180.0 / M_PI;
    }
    if (!(fov > 0.0 && fov < 180.0)) {
        return "needs 0 < fov < 180";
    }
    double t = 1.0 / tan(fov * M_PI / 360.0);
    if (method == VIEW_VERTFOV) {
        out[5] = t;
        out[0] = t / aspect;
    }
    else {
        out[0] = t;
        out[5] = t * aspect;
    }
    out[10] = f / (n - f);
    out[11] = -1.0;
    out[14] = n * f / (n - f);
    return NULL;
}

int
td_camera_projection(TdOp *cam, const td_values *vals, double aspect, double out[16])
{
    const char *why = projection(vals, aspect, out);
    return why != NULL ? camera_error(cam, why) : 0;
}

void
td_camera_background(const td_values *vals, float out[4])
{
    for (int k = 0; k < 4; k++) {
        out[k] = (float)vals->v[PAR_bgcolorr + k].num;
    }
}

static const td_object_class camera_proto = {.role = TD_OBJECT_CAMERA};

static PyType_Slot camera_slots[] = {
    {Py_tp_doc, "cameraCOMP: the viewpoint of a renderTOP; looks down its local -Z axis.\n\n"
                "viewanglemethod 'horzfov' (fov is horizontal), 'vertfov', or 'focalaperture'\n"
                "(fov = 2 atan(aperture / 2 / focal)). bgcolor is the render's background. Depth is\n"
                "mapped to [0, 1], as TouchDesigner's Vulkan renderer does."},
    {Py_tp_methods, td_camera_methods},
    {0, NULL},
};

static PyType_Spec camera_spec = {
    .name = "td_render.cameraCOMP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = camera_slots,
};

const td_op_class td_class_cameraCOMP = {
    .optype = "cameraCOMP", .family = "COMP", .label = "Camera", .base_name = "cam", .subtype = "object",
    .base = TD_BASE_OBJECT, .spec = &camera_spec, .pars = camera_pars, .npars = PAR_COUNT, .proto = &camera_proto,
};
