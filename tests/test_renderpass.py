"""renderpassTOP: continuing a render into its colour and depth. Expected regions come from the
orthographic projection computed here: an ortho camera of width OW maps world x to pixel
(x / OW + 1/2) * W."""
import numpy as np
import pytest

import td_render as td

W = H = 40
OW = 4.0
RED, GREEN = (1.0, 0.0, 0.0), (0.0, 1.0, 0.0)


def _square(net, name, z, half, color):
    """A camera-facing square of half-size `half` whose front face is at world z, in a constantMAT."""
    geo = net.create(td.geometryCOMP, name)
    box = geo.create(td.boxSOP)
    box.par.sizex = box.par.sizey = 2 * half
    box.par.sizez = 0.01
    geo.par.tz = z - 0.005
    mat = net.create(td.constantMAT, name + "_mat")
    mat.par.colorr, mat.par.colorg, mat.par.colorb = color
    geo.par.material = mat
    return geo


def _inside(half):
    """Mask of the pixels whose centres fall inside a centred square of half-size `half`."""
    c = (np.arange(W) + 0.5) / W * OW - OW / 2
    inside = np.abs(c) < half
    return inside[:, None] & inside[None, :]


def _scene(net, first, second):
    """render1 draws `first`; pass1 continues with `second` (each (z, half, colour))."""
    _square(net, "a", *first)
    _square(net, "b", *second)
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.projection = "ortho"
    cam.par.orthowidth = OW
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = 0.0, 0.0, 1.0, 1.0
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.geometry = "a"
    p = net.create(td.renderpassTOP, "pass1")
    p.setInputs([r])
    p.par.geometry = "b"
    return r, p


def _color_mask(img, color):
    return np.all(np.abs(img[..., :3] - np.array(color)) <= 0.6 / 255, axis=-1)  # rgba8fixed: half a step


def test_a_second_object_behind_the_first_is_occluded_by_its_depth(net):
    # render1: a small red square at z = 0; the pass: a large green one behind it at z = -2
    r, p = _scene(net, (0.0, 0.6, RED), (-2.0, 1.5, GREEN))
    img = p.numpyArray()
    small, large = _inside(0.6), _inside(1.5)
    assert _color_mask(img, RED)[small].all()
    assert _color_mask(img, GREEN)[large & ~small].all()
    assert _color_mask(img, (0.0, 0.0, 1.0))[~large].all()  # the input's background
    # the input's own image is untouched
    assert _color_mask(r.numpyArray(), RED)[small].all() and not _color_mask(r.numpyArray(), GREEN).any()


def test_a_second_object_in_front_draws_over_the_first(net):
    _, p = _scene(net, (-2.0, 1.5, GREEN), (0.0, 0.6, RED))
    img = p.numpyArray()
    small, large = _inside(0.6), _inside(1.5)
    assert _color_mask(img, RED)[small].all() and _color_mask(img, GREEN)[large & ~small].all()


def test_cleardepth_and_cleartocamcolor(net):
    r, p = _scene(net, (0.0, 0.6, RED), (-2.0, 1.5, GREEN))
    p.par.cleardepth = True  # the green square no longer hides behind the red one's depth
    assert _color_mask(p.numpyArray(), GREEN)[_inside(1.5)].all()
    p.par.cleardepth = False
    p.par.cleartocamcolor = True
    cam2 = net.create(td.cameraCOMP, "cam2")
    cam2.par.projection = "ortho"
    cam2.par.orthowidth = OW
    cam2.par.bgcolorr, cam2.par.bgcolorg, cam2.par.bgcolorb, cam2.par.bgcolora = 0.25, 0.5, 0.75, 1.0
    p.par.camera = "cam2"
    img = p.numpyArray()
    small, large = _inside(0.6), _inside(1.5)
    # the colour is cleared to cam2's background, the depth kept: red is gone, its hole stays
    assert _color_mask(img, (0.25, 0.5, 0.75))[~large | small].all()
    assert _color_mask(img, GREEN)[large & ~small].all()


def test_renderinput_names_the_input_and_passes_chain(net):
    r, p = _scene(net, (0.0, 0.6, RED), (-2.0, 1.5, GREEN))
    p.setInputs([])
    p.par.renderinput = "render1"
    _square(net, "c", -4.0, 1.9, (1.0, 1.0, 1.0))
    p2 = net.create(td.renderpassTOP, "pass2")
    p2.setInputs([p])
    p2.par.geometry = "c"
    img = p2.numpyArray()
    assert _color_mask(img, (1.0, 1.0, 1.0))[_inside(1.9) & ~_inside(1.5)].all()
    assert _color_mask(img, GREEN)[_inside(1.5) & ~_inside(0.6)].all()
    assert _color_mask(img, RED)[_inside(0.6)].all()


def test_an_antialiased_input_is_continued_multisampled(net):
    r, p = _scene(net, (0.0, 0.6, RED), (-2.0, 1.5, GREEN))
    r.par.antialias = "aa4"
    img = p.numpyArray()
    small, large = _inside(0.55), _inside(1.45)  # away from the blended edges
    assert _color_mask(img, RED)[small].all() and _color_mask(img, GREEN)[large & ~_inside(0.65)].all()


def test_recooks_when_its_input_changes_and_only_then(net):
    r, p = _scene(net, (0.0, 0.6, RED), (-2.0, 1.5, GREEN))
    p.numpyArray()
    cooks = p.totalCooks
    net.create(td.baseCOMP, "unrelated")
    p.numpyArray()
    assert p.totalCooks == cooks
    net.op("a").par.tz = -3.0  # the red square moves behind the green one
    img = p.numpyArray()
    assert p.totalCooks == cooks + 1
    assert _color_mask(img, GREEN)[_inside(1.5)].all()


def test_a_cycle_of_passes_is_an_error_not_a_hang(net):
    r, p = _scene(net, (0.0, 0.6, RED), (-2.0, 1.5, GREEN))
    p2 = net.create(td.renderpassTOP, "pass2")
    p2.setInputs([p])
    with pytest.raises(ValueError, match="cycle"):
        p.setInputs([p2])  # wires cannot make one
    p.setInputs([])
    p.par.renderinput = "pass2"  # a parameter can
    with pytest.raises(td.tdError, match="cycle"):
        p.numpyArray()
    assert "cycle" in p.errors()
    with pytest.raises(td.tdError, match="cycle"):
        p2.numpyArray()
    p.par.renderinput = ""
    p.setInputs([r])
    assert _color_mask(p2.numpyArray(), RED)[_inside(0.6)].all()


def test_inputs_that_are_not_renders_are_errors(net):
    r, p = _scene(net, (0.0, 0.6, RED), (-2.0, 1.5, GREEN))
    d = net.create(td.depthTOP, "depth1")
    d.par.rendertop = r
    p.setInputs([d])
    with pytest.raises(td.tdError, match="not a renderTOP or renderpassTOP"):
        p.numpyArray()
    p.setInputs([])
    with pytest.raises(td.tdError, match="needs an input"):
        p.numpyArray()
    p.par.renderinput = "cam1"
    with pytest.raises(td.tdError, match="not a TOP"):
        p.numpyArray()
    p.par.renderinput = "render1"
    assert p.numpyArray().shape == (H, W, 4)
    assert p.errors() == ""


def test_render_off_keeps_the_last_image(net):
    r, p = _scene(net, (0.0, 0.6, RED), (-2.0, 1.5, GREEN))
    before = p.numpyArray()
    p.par.render = False
    net.op("b").par.tz = 5.0  # would move the green square in front
    assert np.array_equal(p.numpyArray(), before)
    p.par.render = True
    assert not np.array_equal(p.numpyArray(), before)
