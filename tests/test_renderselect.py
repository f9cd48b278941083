"""renderselectTOP and the render's extra colour buffers and cameras. The render lists two cameras;
camera k's image of a box at the origin is predicted from its position (an ortho camera of width OW
looking down -Z: world x maps to pixel (x - cam_x) / OW * W + W / 2)."""
import numpy as np
import pytest

import td_render as td

W, H = 40, 20
OW = 4.0


def _scene(net):
    geo = net.create(td.geometryCOMP, "geo1")
    geo.create(td.boxSOP)  # 1 x 1 x 1 at the origin
    mat = net.create(td.constantMAT, "mat1")
    mat.par.colorr, mat.par.colorg, mat.par.colorb = 1.0, 0.5, 0.0
    geo.par.material = mat
    for name, tx in (("cam1", 0.0), ("cam2", 1.0)):
        cam = net.create(td.cameraCOMP, name)
        cam.par.projection = "ortho"
        cam.par.orthowidth = OW
        cam.par.tx = tx
        cam.par.bgcolora = 1.0
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.camera = "cam1 cam2"
    r.par.format = "rgba32float"
    s = net.create(td.renderselectTOP, "select1")
    s.par.top = r
    return r, s


def _box_columns(img):
    cols = np.flatnonzero((img[..., 0] > 0.5).any(axis=0))
    return cols.min(), cols.max()


def _expected_columns(cam_x):
    centres = (np.arange(W) + 0.5) / W * OW - OW / 2 + cam_x
    inside = np.flatnonzero(np.abs(centres) < 0.5)
    return inside.min(), inside.max()


def test_camera_index_zero_and_buffer_zero_is_the_render(net):
    r, s = _scene(net)
    assert np.array_equal(s.numpyArray(), r.numpyArray())
    assert _box_columns(r.numpyArray()) == _expected_columns(0.0)
    assert (s.width, s.height, s.pixelFormatName) == (W, H, "rgba32float")


def test_camera_index_one_renders_the_second_camera(net):
    r, s = _scene(net)
    s.par.cameraindex = 1
    assert _box_columns(s.numpyArray()) == _expected_columns(1.0)
    assert _box_columns(r.numpyArray()) == _expected_columns(0.0)  # the render still shows cam1
    s.par.cameraindex = 2
    with pytest.raises(td.tdError, match="no camera number 2"):
        s.numpyArray()


def test_extra_colour_buffers_exist_and_hold_zeros(net):
    r, s = _scene(net)
    r.par.numcolorbufs = 3
    s.par.colorbufindex = 2
    extra = s.numpyArray()
    assert extra.shape == (H, W, 4) and not extra.any()  # no material writes buffers > 0 yet
    assert _box_columns(r.numpyArray()) == _expected_columns(0.0)  # buffer 0 is unchanged
    s.par.colorbufindex = 3
    with pytest.raises(td.tdError, match="has 3 colour buffers"):
        s.numpyArray()
    r.par.antialias = "aa4"  # multisampled buffers resolve too
    s.par.colorbufindex = 1
    assert not s.numpyArray().any()
    s.par.colorbufindex = 0
    assert np.array_equal(s.numpyArray(), r.numpyArray())


def test_a_renderpass_keeps_the_inputs_buffers(net):
    r, s = _scene(net)
    r.par.numcolorbufs = 2
    p = net.create(td.renderpassTOP, "pass1")
    p.setInputs([r])
    p.par.geometry = ""
    s.par.top = p
    s.par.colorbufindex = 1
    assert not s.numpyArray().any()
    s.par.colorbufindex = 0
    assert np.array_equal(s.numpyArray(), r.numpyArray())
    s.par.cameraindex = 1
    with pytest.raises(td.tdError, match="needs a renderTOP"):
        s.numpyArray()


def test_recooks_when_the_render_changes(net):
    r, s = _scene(net)
    s.numpyArray()
    cooks = s.totalCooks
    net.create(td.baseCOMP, "unrelated")
    s.numpyArray()
    assert s.totalCooks == cooks
    net.op("mat1").par.colorr = 0.25
    assert s.numpyArray()[H // 2, W // 2, 0] == pytest.approx(0.25)
    assert s.totalCooks == cooks + 1


def test_bad_tops(net):
    r, s = _scene(net)
    s.par.top = "cam1"
    with pytest.raises(td.tdError, match="not a TOP"):
        s.numpyArray()
    s.par.top = ""
    with pytest.raises(td.tdError, match="needs an input"):
        s.numpyArray()
    with pytest.raises(ValueError):
        s.par.colorbufindex = 8
    s.par.top = r
    assert s.numpyArray().shape == (H, W, 4)
