"""Pixel formats: each renders into a texture of its precision and numpyArray() returns the
documented channels and value range."""
import numpy as np
import pytest

import td_render as td

# token: (channels, what a constant colour (0.5, 4.0, -1.0, 0.25) over a background
#         (0.1, 0, 0, 1) reads back as, per channel, and the tolerance)
FIXED8, FIXED16, HALF = 1 / 255, 1 / 65535, 1e-3
FORMATS = {
    "rgba8fixed": (4, [0.5, 1.0, 0.0, 0.25], FIXED8),
    "srgba8fixed": (4, [0.5, 1.0, 0.0, 0.25], 0.006),  # sRGB-encoded storage, read back linear
    "rgba16float": (4, [0.5, 4.0, -1.0, 0.25], HALF),
    "rgba32float": (4, [0.5, 4.0, -1.0, 0.25], 0.0),
    "rgb10a2fixed": (4, [0.5, 1.0, 0.0, 1 / 3], 1 / 1023),  # alpha has 2 bits: 0.25 -> 1/3
    "rgba16fixed": (4, [0.5, 1.0, 0.0, 0.25], FIXED16),
    "rgba11float": (4, [0.5, 4.0, 0.0, 1.0], HALF),  # unsigned floats, alpha always 1
    "rgb16float": (3, [0.5, 4.0, -1.0], HALF),
    "rgb32float": (3, [0.5, 4.0, -1.0], 0.0),
    "mono8fixed": (1, [0.5], FIXED8),
    "mono16fixed": (1, [0.5], FIXED16),
    "mono16float": (1, [0.5], HALF),
    "mono32float": (1, [0.5], 0.0),
    "rg8fixed": (2, [0.5, 1.0], FIXED8),
    "rg16fixed": (2, [0.5, 1.0], FIXED16),
    "rg16float": (2, [0.5, 4.0], HALF),
    "rg32float": (2, [0.5, 4.0], 0.0),
    "a8fixed": (1, [0.25], FIXED8),
    "a16fixed": (1, [0.25], FIXED16),
    "a16float": (1, [0.25], HALF),
    "a32float": (1, [0.25], 0.0),
    "monoalpha8fixed": (2, [0.5, 0.25], FIXED8),
    "monoalpha16fixed": (2, [0.5, 0.25], FIXED16),
    "monoalpha16float": (2, [0.5, 0.25], HALF),
    "monoalpha32float": (2, [0.5, 0.25], 0.0),
}
BACKGROUND = {"RGBA": [0.1, 0, 0, 1], "RGB": [0.1, 0, 0], "RG": [0.1, 0], "R": [0.1], "A": [1.0], "RA": [0.1, 1.0]}
LAYOUT = {4: "RGBA", 3: "RGB"}


@pytest.fixture
def scene(net):
    geo = net.create(td.geometryCOMP, "geo1")
    geo.create(td.boxSOP)
    mat = net.create(td.constantMAT)
    mat.par.colorr, mat.par.colorg, mat.par.colorb, mat.par.alpha = 0.5, 4.0, -1.0, 0.25
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.bgcolorr, cam.par.bgcolora = 0.1, 1.0
    r = net.create(td.renderTOP)
    r.par.resolutionw, r.par.resolutionh = 40, 30
    return r


def test_every_menu_token_is_covered():
    r = td.root.create(td.renderTOP, "fmtprobe")
    try:
        assert r.par.format.menuNames == ["useinput"] + list(FORMATS)
        assert r.par.format == "rgba8fixed" and r.pixelFormatName == "rgba8fixed"
    finally:
        r.destroy()


@pytest.mark.parametrize("token", list(FORMATS))
def test_format_precision_channels_and_range(scene, token):
    channels, expected, tol = FORMATS[token]
    scene.par.format = token
    a = scene.numpyArray()
    assert a.dtype == np.float32 and a.shape == (30, 40, channels) and a.flags.c_contiguous
    assert scene.pixelFormatName == token and isinstance(scene.pixelFormat, str) and scene.pixelFormat
    np.testing.assert_allclose(a[15, 20], expected, atol=tol, rtol=0)
    layout = "A" if token.startswith("a") else "RA" if token.startswith("monoalpha") else \
        "R" if token.startswith("mono") else "RG" if token.startswith("rg") and channels == 2 else LAYOUT[channels]
    bg = BACKGROUND[layout]
    if token == "rgba11float":
        bg = [0.1, 0, 0, 1]
    np.testing.assert_allclose(a[0, 0], bg, atol=max(tol, 1 / 1023 if "10a2" in token else tol, HALF * 2))


@pytest.mark.parametrize("token", ["rgba16float", "rgba32float", "mono32float", "rg16float"])
def test_float_formats_keep_values_outside_unit_range(scene, token):
    scene.par.format = token
    a = scene.numpyArray()
    assert a[15, 20, 0] == 0.5 and a[15, 20, 1] == 4.0 if a.shape[2] > 1 else a[15, 20, 0] == 0.5
    if a.shape[2] >= 3:
        assert a[15, 20, 2] == -1.0


def test_fixed_formats_clamp(scene):
    scene.par.format = "rgba16fixed"
    a = scene.numpyArray()
    assert a[15, 20, 1] == 1.0 and a[15, 20, 2] == 0.0


def test_changing_format_reallocates_and_rerenders(scene):
    scene.numpyArray()
    small = scene.gpuMemory
    cooks = scene.totalCooks
    scene.par.format = "rgba32float"
    scene.numpyArray()
    assert scene.totalCooks == cooks + 1
    assert scene.gpuMemory > small
    # texture: 16 bytes a texel instead of 4; depth and the readback buffer grow accordingly
    texels = 40 * 30
    assert scene.gpuMemory == texels * 16 + texels * 4 + texels * 16


def test_useinput_without_inputs_is_rgba8fixed(scene):
    scene.par.format = "useinput"
    assert scene.pixelFormatName == "rgba8fixed"
    assert scene.numpyArray().shape == (30, 40, 4)


def test_chanmask_limits_written_channels(scene):
    scene.par.format = "rgba32float"
    scene.par.chanmask = 1 | 8  # R and A
    a = scene.numpyArray()
    np.testing.assert_array_equal(a[15, 20], [0.5, 0.0, 0.0, 0.25])  # G, B keep the background
    scene.par.chanmask = 0
    np.testing.assert_array_equal(scene.numpyArray()[15, 20], np.float32([0.1, 0.0, 0.0, 1.0]))
