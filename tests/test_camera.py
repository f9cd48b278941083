"""cameraCOMP's View and Settings pages against optics computed here: silhouettes of a flat box of
known size at a known distance under each projection and view-angle method, the window (offset,
size, roll) and ipdshift; fog against its formulas; bad values as clear errors.

Silhouettes are predicted from the pinhole model (image-plane position = focal * X / Z over the
half aperture, or over tan(fov / 2)) and the ortho width, then moved in pixels the way the window
is documented to move them, never from the renderer's own matrices."""
import math

import numpy as np
import pytest

import td_render as td
from imagetools import assert_mask_within_one_pixel, hull

COLOR = np.array([204 / 255, 51 / 255, 102 / 255, 1.0], np.float32)
BG = np.array([0.0, 0.0, 51 / 255, 1.0], np.float32)
PLANE = (1.2, 0.8, 0.02)  # the box's size: a plate facing the camera
CAM_Z = 5.0               # the camera's default distance


@pytest.fixture
def scene(net):
    geo = net.create(td.geometryCOMP, "geo1")
    box = geo.create(td.boxSOP, "box1")
    box.par.sizex, box.par.sizey, box.par.sizez = PLANE
    mat = net.create(td.constantMAT, "constant1")
    mat.par.colorr, mat.par.colorg, mat.par.colorb = COLOR[:3]
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = BG
    r = net.create(td.renderTOP, "render1")
    return dict(net=net, geo=geo, box=box, mat=mat, cam=cam, render=r)


def render(s, w, h, **cam):
    r, c = s["render"], s["cam"]
    r.par.resolutionw, r.par.resolutionh = w, h
    for k, v in cam.items():
        c.par[k] = v
    return r.numpyArray()


def coverage(a):
    is_box = np.all(a == COLOR, axis=-1)
    is_bg = np.all(a == BG, axis=-1)
    assert np.all(is_box | is_bg), "pixels that are neither the material nor the background colour"
    return is_box


# ---- the prediction: optics, then the window in pixels ----

def corners(size=PLANE, cam=(0.0, 0.0, CAM_Z)):
    """The box's 8 corners in the camera's frame (unrotated camera at cam looking down -z)."""
    return [(sx * size[0] / 2 - cam[0], sy * size[1] / 2 - cam[1], sz * size[2] / 2 - cam[2])
            for sx in (-1, 1) for sy in (-1, 1) for sz in (-1, 1)]


def half_extents(w, h, method="horzfov", fov=45.0, focal=50.0, aperture=41.4214):
    """Half width and height of the view at unit distance: tan of the half angles."""
    if method == "focalaperture":
        hx = aperture / 2.0 / focal          # pinhole: half the aperture over the focal length
        return hx, aperture * h / w / 2.0 / focal  # aperture_y = resy / resx * aperture
    t = math.tan(math.radians(fov) / 2.0)
    return (t, t * h / w) if method == "horzfov" else (t * w / h, t)


def to_ndc_perspective(p, hx, hy):
    return p[0] / -p[2] / hx, p[1] / -p[2] / hy


def to_ndc_ortho(p, width, w, h):
    return p[0] / (width / 2.0), p[1] / (width / 2.0 * h / w)


def window_px(ndc, w, h, winx=0.0, winy=0.0, winsize=1.0, winroll=0.0, pivot="viewport"):
    """Pixel position (x right, y up from the bottom) after the documented window: the old centre
    moves by win (normalized: -0.5 is half the image to the left), the view is scaled by 1 / winsize,
    and the window rolls counter-clockwise by winroll (the image turns clockwise) about the output's
    centre ('viewport') or where the camera's axis lands ('camera')."""
    x = ((ndc[0] + 2 * winx) / winsize + 1) * w / 2
    y = ((ndc[1] + 2 * winy) / winsize + 1) * h / 2
    if pivot == "viewport":
        cx, cy = w / 2, h / 2
    else:
        cx, cy = (2 * winx / winsize + 1) * w / 2, (2 * winy / winsize + 1) * h / 2
    a = math.radians(-winroll)
    dx, dy = x - cx, y - cy
    return cx + dx * math.cos(a) - dy * math.sin(a), cy + dx * math.sin(a) + dy * math.cos(a)


def polygon_mask(points, w, h):
    """expected_fn for assert_mask_within_one_pixel: pixel centres inside the convex hull of points
    (pixel coordinates), shrunk by `shrink` pixels."""
    poly = hull(points)

    def mask(shrink):
        xs, ys = np.meshgrid(np.arange(w) + 0.5, np.arange(h) + 0.5)
        inside = np.ones((h, w), bool)
        for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1]):
            ex, ey = x1 - x0, y1 - y0
            inside &= (ex * (ys - y0) - ey * (xs - x0)) / math.hypot(ex, ey) > shrink
        return inside
    return mask


def predicted_perspective(w, h, method="horzfov", cam=(0.0, 0.0, CAM_Z), win=None, **optics):
    hx, hy = half_extents(w, h, method, **optics)
    return polygon_mask([window_px(to_ndc_perspective(p, hx, hy), w, h, **(win or {}))
                         for p in corners(cam=cam)], w, h)


def predicted_ortho(w, h, width, win=None):
    return polygon_mask([window_px(to_ndc_ortho(p, width, w, h), w, h, **(win or {})) for p in corners()], w, h)


# ---- projections and view-angle methods ----

@pytest.mark.parametrize("w,h", [(160, 96), (96, 160)])
@pytest.mark.parametrize("method,optics", [
    ("horzfov", dict(fov=50.0)),
    ("vertfov", dict(fov=40.0)),
    ("focalaperture", dict(focal=35.0, aperture=36.0)),
])
def test_perspective_silhouette_under_each_view_angle_method(scene, w, h, method, optics):
    a = render(scene, w, h, viewanglemethod=method, **optics)
    assert_mask_within_one_pixel(coverage(a), predicted_perspective(w, h, method, **optics))


def test_focalaperture_is_the_horizontal_fov_it_gives(scene):
    # the documented relation fov_x = 2 atan(aperture / 2 / focal): the same image as that horzfov
    focal, aperture = 28.0, 36.0
    a = render(scene, 120, 80, viewanglemethod="focalaperture", focal=focal, aperture=aperture)
    b = render(scene, 120, 80, viewanglemethod="horzfov", fov=math.degrees(2 * math.atan(aperture / 2 / focal)))
    assert np.count_nonzero(coverage(a) != coverage(b)) <= 2 * (120 + 80) * 0.02  # edge pixels at most


@pytest.mark.parametrize("w,h", [(160, 96), (96, 160)])
@pytest.mark.parametrize("width", [2.0, 3.5])
def test_ortho_silhouette_is_the_ortho_width(scene, w, h, width):
    a = render(scene, w, h, projection="ortho", orthowidth=width)
    covered = coverage(a)
    assert_mask_within_one_pixel(covered, predicted_ortho(w, h, width))
    # ortho: the distance does not matter
    scene["cam"].par.tz = 40.0
    assert np.array_equal(coverage(scene["render"].numpyArray()), covered)


def test_persporthoblend_at_0_and_1_is_perspective_and_ortho(scene):
    persp = render(scene, 120, 90, projection="perspective", fov=40.0, orthowidth=3.0)
    ortho = render(scene, 120, 90, projection="ortho")
    assert not np.array_equal(persp, ortho)
    assert np.array_equal(render(scene, 120, 90, projection="persporthoblend", projectionblend=0.0), persp)
    assert np.array_equal(render(scene, 120, 90, projectionblend=1.0), ortho)


def test_persporthoblend_halfway_blends_the_two_matrices(scene):
    # the blend is element by element: x_clip and w are the means of the two projections' x_clip and w
    w, h, fov, width, b = 120, 90, 40.0, 3.0, 0.5
    hx, hy = half_extents(w, h, "horzfov", fov=fov)
    pts = []
    for p in corners():
        xc = (1 - b) * p[0] / hx + b * p[0] / (width / 2)
        yc = (1 - b) * p[1] / hy + b * p[1] / (width / 2 * h / w)
        wc = (1 - b) * -p[2] + b * 1.0
        pts.append(window_px((xc / wc, yc / wc), w, h))
    a = render(scene, w, h, projection="persporthoblend", projectionblend=b, fov=fov, orthowidth=width)
    assert_mask_within_one_pixel(coverage(a), polygon_mask(pts, w, h))


# ---- the window, applied after the projection ----

@pytest.mark.parametrize("win", [
    dict(winx=0.1, winy=-0.15),
    dict(winsize=0.6),
    dict(winsize=1.7),
    dict(winx=-0.2, winy=0.1, winsize=0.8),
])
def test_window_offset_and_size(scene, win):
    w, h = 160, 96
    a = render(scene, w, h, fov=50.0, **win)
    assert_mask_within_one_pixel(coverage(a), predicted_perspective(w, h, fov=50.0, win=win))


def test_window_x_minus_half_puts_the_centre_on_the_left_edge(scene):
    # the documented example: Window X -0.5 moves the previous centre of the image to the left edge
    a = coverage(render(scene, 160, 96, fov=50.0, winx=-0.5))
    row = a[48]
    cols = np.nonzero(row)[0]
    assert cols.min() == 0 and 0 < cols.max() < 80  # the plate's right half only, from the edge


def test_window_on_an_ortho_camera(scene):
    w, h, win = 96, 160, dict(winx=0.15, winy=0.2, winsize=0.7)
    a = render(scene, w, h, projection="ortho", orthowidth=3.0, **win)
    assert_mask_within_one_pixel(coverage(a), predicted_ortho(w, h, 3.0, win=win))


@pytest.mark.parametrize("pivot", ["viewport", "camera", "legacy"])
@pytest.mark.parametrize("roll", [30.0, -75.0])
def test_window_roll_about_its_pivot(scene, pivot, roll):
    w, h = 160, 96
    win = dict(winx=0.12, winy=-0.1, winsize=0.9, winroll=roll,
               pivot="viewport" if pivot == "viewport" else "camera")
    a = render(scene, w, h, fov=50.0, winx=0.12, winy=-0.1, winsize=0.9, winroll=roll, winrollpivot=pivot)
    assert_mask_within_one_pixel(coverage(a), predicted_perspective(w, h, fov=50.0, win=win))


def test_window_roll_is_the_cameras_roll_without_an_offset(scene):
    # the window turns counter-clockwise: the image turns as it does when the camera rolls by rz
    rolled = coverage(render(scene, 128, 128, winroll=25.0))
    scene["cam"].par.winroll = 0.0
    scene["cam"].par.rz = 25.0
    by_rz = coverage(scene["render"].numpyArray())
    assert np.count_nonzero(rolled != by_rz) <= 8


def test_ipdshift_moves_the_eye_along_the_cameras_x_axis(scene):
    w, h, ipd = 160, 96, 0.4
    a = render(scene, w, h, fov=50.0, ipdshift=ipd)
    assert_mask_within_one_pixel(coverage(a), predicted_perspective(w, h, fov=50.0, cam=(ipd, 0.0, CAM_Z)))
    # after the camera's rotation: turned 180 degrees about y (looking down +z from -5), the eye moves
    # along the camera's own x, which is world -x
    scene["cam"].par.ry = 180.0
    scene["cam"].par.tz = -CAM_Z
    b = coverage(scene["render"].numpyArray())
    cols = np.nonzero(b[48])[0]
    centre = (cols.min() + cols.max() + 1) / 2
    cols_a = np.nonzero(coverage(a)[48])[0]
    assert centre == pytest.approx((cols_a.min() + cols_a.max() + 1) / 2, abs=1.0)


# ---- fog ----

FOG_W = FOG_H = 32
FOG_ORTHO = 4.0
FACE = PLANE[2] / 2
C_RGB, C_ALPHA = np.array([0.8, 0.3, 0.1]), 0.6
F_RGB, F_ALPHA = np.array([0.1, 0.5, 0.9]), 0.25


@pytest.fixture
def fog_scene(net):
    """A constantMAT plate filling an ortho view, so each pixel shows a known world point."""
    geo = net.create(td.geometryCOMP, "geo1")
    box = geo.create(td.boxSOP)
    box.par.sizex = box.par.sizey = 40.0
    box.par.sizez = 2 * FACE
    mat = net.create(td.constantMAT)
    mat.par.colorr, mat.par.colorg, mat.par.colorb = C_RGB
    mat.par.alpha = C_ALPHA
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.projection = "ortho"
    cam.par.orthowidth = FOG_ORTHO
    cam.par.fogcolorr, cam.par.fogcolorg, cam.par.fogcolorb = F_RGB
    cam.par.fogalpha = F_ALPHA
    r = net.create(td.renderTOP)
    r.par.resolutionw, r.par.resolutionh = FOG_W, FOG_H
    r.par.format = "rgba32float"
    return dict(net=net, geo=geo, mat=mat, cam=cam, render=r)


def fog_factor(mode, d, density=0.0, near=0.0, far=1.0):
    """The documented fog equations, f clamped to [0, 1]."""
    if mode == "linear":
        f = (far - d) / (far - near)
    elif mode == "exp":
        f = math.exp(-density * d)
    else:
        f = math.exp(-(density * d) ** 2)
    return min(max(f, 0.0), 1.0)


def check_fog(r, dist, mode, **k):
    a = r.numpyArray()
    for px, py in [(FOG_W // 2, FOG_H // 2), (3, 7), (FOG_W - 2, FOG_H - 5)]:
        x = (px + 0.5 - FOG_W / 2) * FOG_ORTHO / FOG_W
        y = (py + 0.5 - FOG_H / 2) * FOG_ORTHO / FOG_H
        d = math.sqrt(x * x + y * y + dist * dist)  # from the camera to the surface point
        f = fog_factor(mode, d, **k)
        assert a[py, px, :3] == pytest.approx(f * C_RGB + (1 - f) * F_RGB, abs=1e-4), (mode, dist, px, py)
        assert a[py, px, 3] == pytest.approx(f * C_ALPHA + (1 - f) * F_ALPHA, abs=1e-4)


@pytest.mark.parametrize("dist", [1.0, 4.0, 8.0, 15.0])
def test_linear_fog(fog_scene, dist):
    cam = fog_scene["cam"]
    cam.par.tz = FACE + dist
    cam.par.fog, cam.par.fognear, cam.par.fogfar = "linear", 2.0, 12.0
    check_fog(fog_scene["render"], dist, "linear", near=2.0, far=12.0)


@pytest.mark.parametrize("dist", [1.0, 4.0, 9.0])
@pytest.mark.parametrize("mode,density", [("exp", 0.2), ("exp2", 0.15)])
def test_exponential_fog(fog_scene, dist, mode, density):
    cam = fog_scene["cam"]
    cam.par.tz = FACE + dist
    cam.par.fog, cam.par.fogdensity = mode, density
    check_fog(fog_scene["render"], dist, mode, density=density)


def test_fog_off_leaves_the_colour(fog_scene):
    cam = fog_scene["cam"]
    cam.par.tz = FACE + 9.0
    a = fog_scene["render"].numpyArray()
    assert np.allclose(a[..., :3], C_RGB, atol=1e-6) and np.allclose(a[..., 3], C_ALPHA, atol=1e-6)
    # the same render TOP re-renders when fog is turned on, and when a fog value changes
    cam.par.fog, cam.par.fogdensity = "exp", 0.2
    check_fog(fog_scene["render"], 9.0, "exp", density=0.2)
    cam.par.fogdensity = 0.05
    check_fog(fog_scene["render"], 9.0, "exp", density=0.05)


def test_fog_in_phong_and_through_a_perspective_camera(fog_scene):
    # phongMAT: only emit, so its colour is emit exactly before fog; the centre pixel's ray is the axis
    net, cam = fog_scene["net"], fog_scene["cam"]
    phong = net.create(td.phongMAT)
    for c, v in zip("rgb", C_RGB):
        phong.par["diff" + c] = phong.par["spec" + c] = phong.par["amb" + c] = 0.0
        phong.par["emit" + c] = v
    phong.par.alphafront = C_ALPHA
    fog_scene["geo"].par.material = phong
    cam.par.projection = "perspective"
    cam.par.tz = FACE + 6.0
    cam.par.fog, cam.par.fogdensity = "exp", 0.1
    r = fog_scene["render"]
    r.par.resolutionw = r.par.resolutionh = 33  # odd: the centre pixel's centre is on the axis
    a = r.numpyArray()
    f = fog_factor("exp", 6.0, density=0.1)
    assert a[16, 16, :3] == pytest.approx(f * C_RGB + (1 - f) * F_RGB, abs=1e-4)
    assert a[16, 16, 3] == pytest.approx(f * C_ALPHA + (1 - f) * F_ALPHA, abs=1e-4)


def test_fog_leaves_the_background(scene):
    cam = scene["cam"]
    cam.par.fog, cam.par.fogdensity = "exp", 0.5
    cam.par.fogcolorr = 1.0
    a = render(scene, 64, 48)
    assert np.array_equal(a[0, 0], BG)
    assert not np.array_equal(a[24, 32], COLOR)  # the plate is fogged


@pytest.mark.parametrize("mode", ["linear", "exp", "exp2"])
def test_extreme_fog_values_render(fog_scene, mode):
    cam = fog_scene["cam"]
    cam.par.fog = mode
    cam.par.fogdensity, cam.par.fognear, cam.par.fogfar = 1e300, -1e300, 1e300
    cam.par.fogcolorr, cam.par.fogalpha = 1e300, -1e300
    assert fog_scene["render"].numpyArray().shape == (FOG_H, FOG_W, 4)


@pytest.mark.parametrize("dist,f", [(2.0, 1.0), (6.0, 0.0)])
def test_linear_fog_with_no_span_is_a_step_at_fogfar(fog_scene, dist, f):
    cam = fog_scene["cam"]
    cam.par.tz = FACE + dist
    cam.par.fog, cam.par.fognear, cam.par.fogfar = "linear", 4.0, 4.0
    a = fog_scene["render"].numpyArray()
    assert a[FOG_H // 2, FOG_W // 2, :3] == pytest.approx(f * C_RGB + (1 - f) * F_RGB, abs=1e-5)


def test_fog_density_is_never_negative(scene):
    scene["cam"].par.fogdensity = -1.0
    assert scene["cam"].par.fogdensity.eval() == 0.0


# ---- bad values ----

@pytest.mark.parametrize("pars,match", [
    (dict(near=10.0, far=1.0), "near < far"),
    (dict(near=5.0, far=5.0), "near < far"),
    (dict(projection="ortho", near=10.0, far=1.0), "near < far"),
    (dict(near=0.0), "0 < near"),
    (dict(near=-1.0), "0 < near"),
    (dict(projection="persporthoblend", near=0.0), "0 < near"),
    (dict(fov=0.0), "fov"),
    (dict(fov=180.0), "fov"),
    (dict(fov=270.0), "fov"),
    (dict(fov=-10.0), "fov"),
    (dict(viewanglemethod="vertfov", fov=180.0), "fov"),
    (dict(projection="ortho", orthowidth=0.0), "orthowidth"),
    (dict(projection="ortho", orthowidth=-2.0), "orthowidth"),
    (dict(projection="persporthoblend", orthowidth=0.0), "orthowidth"),
    (dict(viewanglemethod="focalaperture", focal=0.0), "focal"),
    (dict(viewanglemethod="focalaperture", aperture=-1.0), "aperture"),
    (dict(winsize=0.0), "winsize"),
    (dict(winsize=-1.0), "winsize"),
    (dict(winsize=1e-300), "overflows"),
    (dict(viewanglemethod="focalaperture", aperture=1e-320), "overflows"),
    (dict(projection="custommatrix"), "custommatrix"),
])
def test_bad_camera_values_are_clear_cook_errors(scene, pars, match):
    r = scene["render"]
    r.par.resolutionw = r.par.resolutionh = 8
    for k, v in pars.items():
        scene["cam"].par[k] = v
    with pytest.raises(td.tdError, match=match) as e:
        r.numpyArray()
    assert "cam1" in str(e.value)
    assert match in r.errors()
    for k in pars:
        scene["cam"].par[k] = scene["cam"].par[k].default
    assert r.numpyArray().shape == (8, 8, 4) and r.errors() == ""


def test_a_non_finite_expression_is_the_renders_error(scene):
    r = scene["render"]
    r.par.resolutionw = r.par.resolutionh = 8
    scene["cam"].par.fov.expr = "float('inf')"
    with pytest.raises(td.tdError, match="finite"):
        r.numpyArray()
    assert "fov" in r.errors()


def test_ortho_accepts_a_negative_near(scene):
    a = render(scene, 64, 48, projection="ortho", near=-10.0, far=10.0, tz=0.0)
    assert coverage(a).any()  # the camera sits inside the plate's depth range: it is still drawn


@pytest.mark.parametrize("par,token", [("projection", "fisheye"), ("viewanglemethod", "diagonal"),
                                       ("winrollpivot", "centre"), ("fog", "dense")])
def test_unknown_tokens_are_rejected(scene, par, token):
    p = scene["cam"].par[par]
    before = p.eval()
    with pytest.raises(ValueError, match=token):
        p.val = token
    assert p.eval() == before


def test_menus_are_touchdesigners(net):
    cam = net.create(td.cameraCOMP)
    assert cam.par.projection.menuNames == ["perspective", "ortho", "persporthoblend", "custommatrix"]
    assert cam.par.viewanglemethod.menuNames == ["horzfov", "vertfov", "focalaperture"]
    assert cam.par.winrollpivot.menuNames == ["viewport", "camera", "legacy"]
    assert cam.par.fog.menuNames == ["off", "linear", "exp", "exp2"]
    assert cam.par.fog.menuLabels == ["Off", "Linear", "Exponential", "Squared Exponential"]
    assert [p.name for p in cam.pages[3].pars] == [
        "bgcolorr", "bgcolorg", "bgcolorb", "bgcolora", "premultrgbbyalpha", "fog", "fogdensity", "fognear",
        "fogfar", "fogcolorr", "fogcolorg", "fogcolorb", "fogalpha", "fogmap", "camlightmask"]
