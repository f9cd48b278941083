/* cameraCOMP: looks down its local -Z axis from its transform's origin.
 *   projection 'perspective' | 'ortho'; viewanglemethod 'horzfov' (fov is horizontal, the default) |
 *   'vertfov' | 'focalaperture' (fov = 2 atan(aperture / 2 / focal)); fov 45, near 0.1, far 1000,
 *   orthowidth 2, bgcolorr/g/b/a 0 (the render's background). Default position tz = 5. */
#include <math.h>

#include "bind/state.h"
#include "graph/op.h"
#include "ops/camera.h"

static const char *const projection_menu[] = {"perspective", "ortho", NULL};
static const char *const viewangle_menu[] = {"horzfov", "vertfov", "focalaperture", NULL};

static const td_par_def camera_pars[] = {
    TD_XFORM_PARS(5),
    TD_PAR_M("projection", "Projection", "View", 0, projection_menu),
    TD_PAR_F("orthowidth", "Ortho Width", "View", 2),
    TD_PAR_M("viewanglemethod", "Viewing Angle Method", "View", 0, viewangle_menu),
    TD_PAR_F("fov", "Field of View", "View", 45),
    TD_PAR_F("focal", "Focal Length", "View", 50),
    TD_PAR_F("aperture", "Aperture", "View", 41.4214),
    TD_PAR_F("near", "Near", "View", 0.1),
    TD_PAR_F("far", "Far", "View", 1000),
    TD_PAR_F("bgcolorr", "Background Color", "Settings", 0),
    TD_PAR_F("bgcolorg", "Background Color", "Settings", 0),
    TD_PAR_F("bgcolorb", "Background Color", "Settings", 0),
    TD_PAR_F("bgcolora", "Background Color", "Settings", 0),
};

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

int
td_camera_projection(TdOp *cam, double aspect, double out[16])
{
    double n = td_par_num(cam, "near"), f = td_par_num(cam, "far");
    int ortho = td_par_num(cam, "projection") == 1.0;
    if (!(f > n) || (!ortho && !(n > 0.0))) {
        return camera_error(cam, "needs 0 < near < far");
    }
    for (int i = 0; i < 16; i++) {
        out[i] = 0.0;
    }
    if (ortho) {
        double w = td_par_num(cam, "orthowidth");
        if (!(w > 0.0)) {
            return camera_error(cam, "needs orthowidth > 0");
        }
        out[0] = 2.0 / w;
        out[5] = out[0] * aspect;
        out[10] = 1.0 / (n - f);
        out[14] = n / (n - f);
        out[15] = 1.0;
        return 0;
    }
    int method = (int)td_par_num(cam, "viewanglemethod");
    double fov = td_par_num(cam, "fov");
    if (method == 2) {
        double focal = td_par_num(cam, "focal"), aperture = td_par_num(cam, "aperture");
        if (!(focal > 0.0) || !(aperture > 0.0)) {
            return camera_error(cam, "needs focal > 0 and aperture > 0");
        }
        fov = 2.0 * atan(aperture * 0.5 / focal) * 180.0 / M_PI;
    }
    if (!(fov > 0.0 && fov < 180.0)) {
        return camera_error(cam, "needs 0 < fov < 180");
    }
    double t = 1.0 / tan(fov * M_PI / 360.0);
    if (method == 1) { /* vertical fov */
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
    return 0;
}

void
td_camera_background(TdOp *cam, float out[4])
{
    out[0] = (float)td_par_num(cam, "bgcolorr");
    out[1] = (float)td_par_num(cam, "bgcolorg");
    out[2] = (float)td_par_num(cam, "bgcolorb");
    out[3] = (float)td_par_num(cam, "bgcolora");
}

static PyType_Slot camera_slots[] = {
    {Py_tp_doc, "cameraCOMP: the viewpoint of a renderTOP; looks down its local -Z axis.\n\n"
                "Parameters: the Xform page (default tz=5), projection ('perspective' | 'ortho'),\n"
                "viewanglemethod ('horzfov' default | 'vertfov' | 'focalaperture'), fov (degrees, default\n"
                "45), focal (50), aperture (41.4214), near (0.1), far (1000), orthowidth (2), and\n"
                "bgcolorr/g/b/a (the background, default 0,0,0,0). Depth is mapped to [0, 1]."},
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
    .base = TD_BASE_OBJECT, .spec = &camera_spec, .pars = camera_pars, .npars = TD_NPARS(camera_pars),
};
