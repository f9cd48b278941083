/* cameraCOMP: looks down its local -Z axis from its transform's origin.
 *
 *   View page: projection 'perspective' | 'ortho' (orthowidth wide) | 'persporthoblend' (the two
 *   matrices blended by projectionblend) | 'custommatrix' (a cook error: no matrix source here);
 *   viewanglemethod 'horzfov' | 'vertfov' | 'focalaperture' (fov_x = 2 atan(aperture / 2 / focal));
 *   near, far; then the window, applied after the projection: winx winy (offset), winsize (zoom),
 *   winroll (degrees) about the pivot winrollpivot; ipdshift (a shift along the camera's x axis
 *   after its rotation).
 *   Settings page: bgcolor (the render's background), premultrgbbyalpha, fog 'off' | 'linear' |
 *   'exp' | 'exp2' with fogdensity, fognear, fogfar, fogcolor, fogalpha (applied by every material
 *   through TDFog, shaders/td_fragment.glsl); fogmap and camlightmask are stored only.
 *   Default position tz = 5. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bind/state.h"
#include "graph/op.h"
#include "ops/object.h"
#include "ops/camera.h"
#include "util/mat4.h"

#define PROJECTION_MENU(M)                                                                                 \
    M(PROJ_PERSPECTIVE, "perspective") M(PROJ_ORTHO, "ortho") M(PROJ_BLEND, "persporthoblend")             \
    M(PROJ_CUSTOM, "custommatrix")
#define VIEWANGLE_MENU(M) M(VIEW_HORZFOV, "horzfov") M(VIEW_VERTFOV, "vertfov") M(VIEW_FOCALAPERTURE, "focalaperture")
#define ROLLPIVOT_MENU(M) M(PIVOT_VIEWPORT, "viewport") M(PIVOT_CAMERA, "camera") M(PIVOT_LEGACY, "legacy")
#define FOG_MENU(M) M(FOG_OFF, "off") M(FOG_LINEAR, "linear") M(FOG_EXP, "exp") M(FOG_EXP2, "exp2")
enum { PROJECTION_MENU(TD_MENU_ID) };
enum { VIEWANGLE_MENU(TD_MENU_ID) };
enum { ROLLPIVOT_MENU(TD_MENU_ID) };
enum { FOG_MENU(TD_MENU_ID) };
static const char *const projection_menu[] = {PROJECTION_MENU(TD_MENU_TOKEN) NULL};
static const char *const projection_labels[] = {"Perspective", "Orthographic", "Perspective to Ortho Blend",
                                                "Custom Projection Matrix", NULL};
static const char *const viewangle_menu[] = {VIEWANGLE_MENU(TD_MENU_TOKEN) NULL};
static const char *const viewangle_labels[] = {"Horizontal FOV", "Vertical FOV", "Focal Length and Aperture", NULL};
static const char *const rollpivot_menu[] = {ROLLPIVOT_MENU(TD_MENU_TOKEN) NULL};
static const char *const rollpivot_labels[] = {"Viewport Origin", "Camera Origin", "Legacy Behavior", NULL};
static const char *const fog_menu[] = {FOG_MENU(TD_MENU_TOKEN) NULL};
static const char *const fog_labels[] = {"Off", "Linear", "Exponential", "Squared Exponential", NULL};

#define CAMERA_PARS(X)                                                                                     \
    TD_XFORM_PARS(X, 5)                                                                                    \
    X(projection, TD_PAR_ML, "Projection", "View", PROJ_PERSPECTIVE, projection_menu, projection_labels)  \
    X(projectionblend, TD_PAR_FC, "Projection Blend", "View", 0, 0, 1)                                     \
    X(orthowidth, TD_PAR_F, "Ortho Width", "View", 2)                                                      \
    X(viewanglemethod, TD_PAR_ML, "Viewing Angle Method", "View", VIEW_HORZFOV, viewangle_menu,            \
      viewangle_labels)                                                                                    \
    X(fov, TD_PAR_F, "FOV Angle", "View", 45)                                                              \
    X(focal, TD_PAR_F, "Focal Length", "View", 50)                                                         \
    X(aperture, TD_PAR_F, "Aperture", "View", 41.4214)                                                     \
    X(near, TD_PAR_F, "Near", "View", 0.1)                                                                 \
    X(far, TD_PAR_F, "Far", "View", 1000)                                                                  \
    X(winrollpivot, TD_PAR_ML, "Window Roll Pivot", "View", PIVOT_VIEWPORT, rollpivot_menu, rollpivot_labels) \
    X(winx, TD_PAR_F, "Window X/Y", "View", 0)                                                             \
    X(winy, TD_PAR_F, "Window X/Y", "View", 0)                                                             \
    X(winsize, TD_PAR_F, "Window Size", "View", 1)                                                         \
    X(winroll, TD_PAR_F, "Window Roll", "View", 0)                                                         \
    X(ipdshift, TD_PAR_F, "IPD Shift", "View", 0)                                                          \
    X(bgcolorr, TD_PAR_F, "Background Color", "Settings", 0)                                               \
    X(bgcolorg, TD_PAR_F, "Background Color", "Settings", 0)                                               \
    X(bgcolorb, TD_PAR_F, "Background Color", "Settings", 0)                                               \
    X(bgcolora, TD_PAR_F, "Background Color", "Settings", 0)                                               \
    X(premultrgbbyalpha, TD_PAR_T, "Pre-Multiply RGB by Alpha", "Settings", 0)                             \
    X(fog, TD_PAR_ML, "Fog", "Settings", FOG_OFF, fog_menu, fog_labels)                                   \
    X(fogdensity, TD_PAR_FR, "Fog Density", "Settings", 0.1, 0, 1e9, TD_PAR_CLAMP_MIN)                    \
    X(fognear, TD_PAR_F, "Fog Near", "Settings", 1)                                                        \
    X(fogfar, TD_PAR_F, "Fog Far", "Settings", 10)                                                         \
    X(fogcolorr, TD_PAR_F, "Fog Color", "Settings", 0)                                                     \
    X(fogcolorg, TD_PAR_F, "Fog Color", "Settings", 0)                                                     \
    X(fogcolorb, TD_PAR_F, "Fog Color", "Settings", 0)                                                     \
    X(fogalpha, TD_PAR_F, "Fog Alpha", "Settings", 1)                                                      \
    X(fogmap, TD_PAR_O, "Fog Map", "Settings", "")                                                         \
    X(camlightmask, TD_PAR_O, "Camera Light Mask", "Settings", "")
TD_PAR_TABLE(camera_pars, CAMERA_PARS);

/* ---- the projection: plain C over the values ---- */

typedef char td_why[256];

/* The perspective frustum's x and y scales (cot of the half angles) for the view-angle method. */
static int
perspective_scales(const td_par_value *v, double aspect, double *sx, double *sy, td_why why)
{
    int method = (int)v[PAR_viewanglemethod].num;
    if (method == VIEW_FOCALAPERTURE) {
        double focal = v[PAR_focal].num, aperture = v[PAR_aperture].num;
        if (!(focal > 0.0) || !(aperture > 0.0)) {
            snprintf(why, sizeof(td_why),
                     "viewanglemethod 'focalaperture' needs focal > 0 and aperture > 0 (focal %g, aperture %g)",
                     focal, aperture);
            return 0;
        }
        /* tan(fov_x / 2) = (aperture / 2) / focal; aperture_y = aperture / aspect */
        *sx = 2.0 * focal / aperture;
        *sy = *sx * aspect;
        return 1;
    }
    double fov = v[PAR_fov].num;
    if (!(fov > 0.0 && fov < 180.0)) {
        snprintf(why, sizeof(td_why), "needs 0 < fov < 180 (fov %g)", fov);
        return 0;
    }
    double t = 1.0 / tan(fov * M_PI / 360.0);
    if (method == VIEW_VERTFOV) {
        *sy = t;
        *sx = t / aspect;
    }
    else {
        *sx = t;
        *sy = t * aspect;
    }
    return 1;
}

static int
perspective(const td_par_value *v, double aspect, double out[16], td_why why)
{
    double n = v[PAR_near].num, f = v[PAR_far].num, sx, sy;
    if (!(n > 0.0 && f > n)) {
        snprintf(why, sizeof(td_why), "needs 0 < near < far for a perspective projection (near %g, far %g)", n, f);
        return 0;
    }
    if (!perspective_scales(v, aspect, &sx, &sy, why)) {
        return 0;
    }
    memset(out, 0, 16 * sizeof(double));
    out[0] = sx;
    out[5] = sy;
    out[10] = f / (n - f);
    out[11] = -1.0;
    out[14] = n * f / (n - f);
    return 1;
}

static int
ortho(const td_par_value *v, double aspect, double out[16], td_why why)
{
    double n = v[PAR_near].num, f = v[PAR_far].num, w = v[PAR_orthowidth].num;
    if (!(f > n)) {
        snprintf(why, sizeof(td_why), "needs near < far (near %g, far %g)", n, f);
        return 0;
    }
    if (!(w > 0.0)) {
        snprintf(why, sizeof(td_why), "needs orthowidth > 0 (orthowidth %g)", w);
        return 0;
    }
    memset(out, 0, 16 * sizeof(double));
    out[0] = 2.0 / w;
    out[5] = out[0] * aspect;
    out[10] = 1.0 / (n - f);
    out[14] = n / (n - f);
    out[15] = 1.0;
    return 1;
}

/* The window, in clip space after the projection: ndc' = (ndc + 2 win) / winsize (a winx of -0.5
 * puts the old centre on the left edge), rolled by winroll degrees (the window turns
 * counter-clockwise, so the image turns clockwise) in the image's own proportions, about the output's
 * centre ('viewport') or the point the camera's axis lands on ('camera', 'legacy'). */
static int
window(const td_par_value *v, double aspect, double out[16], td_why why)
{
    double s = v[PAR_winsize].num;
    if (!(s > 0.0)) {
        snprintf(why, sizeof(td_why), "needs winsize > 0 (winsize %g)", s);
        return 0;
    }
    double ox = 2.0 * v[PAR_winx].num, oy = 2.0 * v[PAR_winy].num;
    double a = -v[PAR_winroll].num * M_PI / 180.0, c = cos(a), sn = sin(a);
    /* the rotation of ndc in pixel proportions: diag(1 / aspect, 1) R diag(aspect, 1) */
    double r00 = c, r01 = -sn / aspect, r10 = sn * aspect, r11 = c;
    double tx = ox / s, ty = oy / s; /* W R: rolled about where the camera's axis lands, W(0) */
    if ((int)v[PAR_winrollpivot].num == PIVOT_VIEWPORT) {
        /* R W: rolled about the output's centre */
        tx = (r00 * ox + r01 * oy) / s;
        ty = (r10 * ox + r11 * oy) / s;
    }
    td_mat4_identity(out);
    out[0] = r00 / s, out[4] = r01 / s, out[12] = tx;
    out[1] = r10 / s, out[5] = r11 / s, out[13] = ty;
    return 1;
}

/* The projection from the camera's values, or 0 and the reason there is none. */
static int
projection(const td_values *vals, double aspect, double out[16], td_why why)
{
    const td_par_value *v = vals->v;
    if (!(aspect > 0.0) || !isfinite(aspect)) {
        snprintf(why, sizeof(td_why), "the output's aspect %g cannot be projected to", aspect);
        return 0;
    }
    double p[16], o[16], win[16], shift[16], pw[16];
    switch ((int)v[PAR_projection].num) {
    case PROJ_ORTHO:
        if (!ortho(v, aspect, p, why)) {
            return 0;
        }
        break;
    case PROJ_BLEND: {
        /* element by element: exactly the perspective at 0 and the ortho at 1 */
        double b = v[PAR_projectionblend].num;
        if (!perspective(v, aspect, p, why) || !ortho(v, aspect, o, why)) {
            return 0;
        }
        for (int i = 0; i < 16; i++) {
            p[i] = (1.0 - b) * p[i] + b * o[i];
        }
        break;
    }
    case PROJ_CUSTOM:
        snprintf(why, sizeof(td_why), "projection 'custommatrix' takes its matrix from a CHOP, DAT or tdu.Matrix "
                                      "(projmatrixop), which td_render does not have");
        return 0;
    default:
        if (!perspective(v, aspect, p, why)) {
            return 0;
        }
        break;
    }
    if (!window(v, aspect, win, why)) {
        return 0;
    }
    /* ipdshift: the eye moves along the camera's own x axis, after its rotation (in view space) */
    td_mat4_identity(shift);
    shift[12] = -v[PAR_ipdshift].num;
    td_mat4_mul(pw, win, p);
    td_mat4_mul(out, pw, shift);
    /* extreme values (a winsize of 1e-300) overflow; the matrix goes to the GL as floats */
    for (int i = 0; i < 16; i++) {
        if (!(fabs(out[i]) <= 3e38)) {
            snprintf(why, sizeof(td_why), "its projection overflows (winsize %g, near %g, far %g, fov %g, "
                     "orthowidth %g, focal %g, aperture %g)", v[PAR_winsize].num, v[PAR_near].num, v[PAR_far].num,
                     v[PAR_fov].num, v[PAR_orthowidth].num, v[PAR_focal].num, v[PAR_aperture].num);
            return 0;
        }
    }
    return 1;
}

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
td_camera_projection(TdOp *cam, const td_values *vals, double aspect, double out[16])
{
    td_why why = "";
    return projection(vals, aspect, out, why) ? 0 : camera_error(cam, why);
}

/* A parameter's value as a float: out of float's range is undefined behaviour in C, so clamp first. */
static float
to_float(double x)
{
    return (float)fmax(fmin(x, FLT_MAX), -FLT_MAX);
}

void
td_camera_background(const td_values *vals, float out[4])
{
    for (int k = 0; k < 4; k++) {
        out[k] = to_float(vals->v[PAR_bgcolorr + k].num);
    }
}

int
td_camera_premultiply(const td_values *vals)
{
    return vals->v[PAR_premultrgbbyalpha].num != 0.0;
}

void
td_camera_fog(const td_values *vals, td_scene_fog *out)
{
    const td_par_value *v = vals->v;
    memset(out, 0, sizeof(*out)); /* fog off: all zero, whatever the other values */
    int mode = (int)v[PAR_fog].num;
    if (mode == FOG_OFF) {
        return;
    }
    out->params[0] = (float)mode;
    out->params[1] = to_float(v[PAR_fogdensity].num);
    /* linear: clamp(d * scale + bias, 0, 1) = clamp((fogfar - d) / (fogfar - fognear), 0, 1); a zero
     * span is a step at fogfar */
    double n = v[PAR_fognear].num, f = v[PAR_fogfar].num, span = f - n;
    double scale = fabs(span) > 1e-6 ? -1.0 / span : -1e6, bias = fabs(span) > 1e-6 ? f / span : f * 1e6;
    out->params[2] = to_float(scale);
    out->params[3] = to_float(bias);
    for (int k = 0; k < 3; k++) {
        out->color[k] = to_float(v[PAR_fogcolorr + k].num);
    }
    out->color[3] = to_float(v[PAR_fogalpha].num);
}

static const td_object_class camera_proto = {.role = TD_OBJECT_CAMERA};

static PyType_Slot camera_slots[] = {
    {Py_tp_doc,
     "cameraCOMP: the viewpoint of a renderTOP; looks down its local -Z axis.\n\n"
     "View page. projection 'perspective', 'ortho' (orthowidth wide, its height from the output's\n"
     "aspect), 'persporthoblend' (the perspective and ortho matrices blended element by element by\n"
     "projectionblend: exactly one or the other at 0 and 1) or 'custommatrix' (a cook error: the\n"
     "matrix would come from a CHOP, DAT or tdu.Matrix, which td_render does not have).\n"
     "viewanglemethod 'horzfov' (fov is horizontal), 'vertfov', or 'focalaperture' (the horizontal\n"
     "fov is 2 atan(aperture / 2 / focal); the vertical aperture is aperture * resy / resx). Depth is\n"
     "mapped to [0, 1], as TouchDesigner's Vulkan renderer does. The window applies after the\n"
     "projection: winx winy offset the image in normalized units (a winx of -0.5 puts the old centre\n"
     "on the left edge: ndc' = (ndc + 2 win) / winsize), winsize zooms (0.5 shows half the view at\n"
     "twice the size), winroll rolls the window counter-clockwise by that many degrees (the image\n"
     "turns clockwise, as with the camera's rz), in the image's own proportions, about the output's\n"
     "centre (winrollpivot 'viewport') or the point the camera's axis lands on ('camera';\n"
     "'legacy' does the same: TouchDesigner does not document it). ipdshift moves the eye along the\n"
     "camera's own x axis after its rotation (projection only: lighting and fog measure from the\n"
     "transform's origin). Bad values (near >= far, near <= 0 in perspective, fov outside (0, 180),\n"
     "orthowidth, focal, aperture or winsize <= 0, a projection that overflows) make the render's\n"
     "cook raise tdError naming the camera.\n\n"
     "Settings page. bgcolor is the render's background (under the renderTOP's bgcolor);\n"
     "premultrgbbyalpha multiplies the image's rgb by alpha, as the renderTOP's does.\n"
     "fog 'linear' (f = (fogfar - d) / (fogfar - fognear)), 'exp' (f = exp(-fogdensity d)),\n"
     "'exp2' (f = exp(-(fogdensity d) ** 2)), f clamped to [0, 1], d the distance from the camera\n"
     "to the surface: every material's colour becomes f * colour + (1 - f) * (fogcolor, fogalpha),\n"
     "alpha included. fogdensity is clamped at 0. Stored only (no effect yet): fogmap,\n"
     "camlightmask.\n\n"
     "Defaults TouchDesigner does not document, ours: winrollpivot 'viewport', fogdensity 0.1,\n"
     "fognear 1, fogfar 10, fogcolor black, fogalpha 1, aperture 41.4214 and focal 50 (a 45 degree\n"
     "horizontal fov)."},
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
