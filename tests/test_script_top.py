"""scriptTOP: NumPy in. copyNumpyArray round trips exactly for every dtype and channel count, the
array's row 0 is the image's bottom row, bad arrays get clear errors, and the callbacks DAT's
onCook runs on each cook."""
import sys
import types

import numpy as np
import pytest

import td_render as td

RNG = np.random.default_rng(7)


def _array(dtype, shape):
    if dtype in (np.uint8, np.uint16):
        return RNG.integers(0, np.iinfo(dtype).max + 1, size=shape, dtype=dtype)
    return RNG.uniform(-2.0, 3.0, size=shape).astype(dtype)  # floats keep values outside 0..1


def _as_float(a):
    if a.dtype == np.uint8:
        return (a.astype(np.float64) / 255).astype(np.float32)
    if a.dtype == np.uint16:
        return (a.astype(np.float64) / 65535).astype(np.float32)
    return a.astype(np.float32)


FORMATS = {  # (dtype, channels) -> the format 'useinput' gives
    (np.uint8, 1): "mono8fixed", (np.uint8, 2): "rg8fixed", (np.uint8, 3): "rgba8fixed", (np.uint8, 4): "rgba8fixed",
    (np.uint16, 1): "mono16fixed", (np.uint16, 2): "rg16fixed", (np.uint16, 3): "rgba16fixed",
    (np.uint16, 4): "rgba16fixed",
    (np.float16, 1): "mono16float", (np.float16, 2): "rg16float", (np.float16, 3): "rgb16float",
    (np.float16, 4): "rgba16float",
    (np.float32, 1): "mono32float", (np.float32, 2): "rg32float", (np.float32, 3): "rgb32float",
    (np.float32, 4): "rgba32float",
}


@pytest.mark.parametrize("dtype,channels", list(FORMATS), ids=lambda v: getattr(v, "__name__", str(v)))
def test_round_trip_exact(net, dtype, channels):
    s = net.create(td.scriptTOP)
    a = _array(dtype, (9, 13, channels))
    s.copyNumpyArray(a)
    got = s.numpyArray()
    assert (s.width, s.height, s.pixelFormatName) == (13, 9, FORMATS[(dtype, channels)])
    want = _as_float(a)
    n = min(got.shape[2], channels)
    assert np.array_equal(got[..., :n], want[..., :n])
    if got.shape[2] == 4 and channels == 3:
        assert np.all(got[..., 3] == 1.0)  # RGB: alpha 1


def test_two_dimensional_is_one_channel_and_row_zero_is_the_bottom(net):
    s = net.create(td.scriptTOP)
    a = np.zeros((4, 5), np.float32)
    a[0, 1] = 0.5  # bottom row
    a[3, 4] = 0.25  # top row
    s.copyNumpyArray(a)
    assert s.numpyArray().shape == (4, 5, 1)
    assert s.sample(x=1, y=0)[0] == 0.5 and s.sample(x=4, y=3)[0] == 0.25


def test_explicit_format_converts(net):
    s = net.create(td.scriptTOP)
    a = np.linspace(-0.5, 1.5, 20, dtype=np.float32).reshape(4, 5, 1).repeat(4, axis=2)
    s.par.format = "rgba8fixed"
    s.copyNumpyArray(a)
    assert s.pixelFormatName == "rgba8fixed"
    assert np.array_equal(s.numpyArray(), (np.round(np.clip(a, 0, 1) * 255) / 255).astype(np.float32))


def test_resolution_from_the_common_page(net):
    s = net.create(td.scriptTOP)
    a = _array(np.float32, (8, 8, 4))
    s.copyNumpyArray(a)
    s.par.outputresolution = "half"
    got = s.numpyArray()
    assert got.shape == (4, 4, 4)
    want = a.reshape(4, 2, 4, 2, 4).mean(axis=(1, 3))  # linear at the centre of each 2 x 2 block
    assert np.abs(got - want).max() < 1e-2


def test_the_copy_is_made_at_once(net):
    s = net.create(td.scriptTOP)
    a = np.full((2, 2, 4), 0.5, np.float32)
    s.copyNumpyArray(a)
    a[:] = 0.0
    assert np.all(s.numpyArray() == 0.5)
    s.copyNumpyArray(a)  # a new array: the next read shows it
    assert np.all(s.numpyArray() == 0.0)


def test_blank_before_any_array(net):
    s = net.create(td.scriptTOP)
    got = s.numpyArray()
    assert got.shape == (256, 256, 4) and not got.any()


@pytest.mark.parametrize("bad,exc,match", [
    ([[1, 2], [3, 4]], TypeError, "numpy.ndarray"),
    (np.zeros((2, 2, 4), np.float64), TypeError, "float64"),
    (np.zeros((2, 2, 4), np.int32), TypeError, "int32"),
    (np.zeros((2, 2, 5), np.float32), ValueError, "5 channels"),
    (np.zeros((2, 2, 2, 2), np.float32), ValueError, "4 dimensions"),
    (np.zeros((4,), np.float32), ValueError, "1 dimensions"),
    (np.zeros((0, 3, 4), np.uint8), ValueError, "not 1 to 32768"),
    (np.zeros((4, 6, 4), np.uint8)[:, ::2], ValueError, "C-contiguous"),
    (np.zeros((4, 3, 4), np.dtype(">f4")), ValueError, "byte order"),
])
def test_bad_arrays(net, bad, exc, match):
    s = net.create(td.scriptTOP)
    with pytest.raises(exc, match=match):
        s.copyNumpyArray(bad)
    with pytest.raises(NotImplementedError):
        s.copyNumpyArray(np.zeros((2, 2, 4), np.uint8), is3D=True)
    with pytest.raises(TypeError):
        s.copyNumpyArray(np.zeros((2, 2, 4), np.uint8), isCube="yes")


CALLBACKS = """
import numpy as np
def onCook(scriptOp):
    v = float(absTime.frame) / 100.0
    scriptOp.copyNumpyArray(np.full((3, 2, 4), v, np.float32))
    import _script_top_probe as probe  # a plain counter: storing on an OP would change the network
    probe.cooks += 1
"""


def test_on_cook_runs_each_frame(net, monkeypatch):
    probe = types.SimpleNamespace(cooks=0)
    monkeypatch.setitem(sys.modules, "_script_top_probe", probe)
    s = net.create(td.scriptTOP, "script1")
    d = net.create(td.textDAT, "script1_callbacks")
    d.text = CALLBACKS
    s.par.callbacks = "script1_callbacks"
    f0 = td.absTime.frame
    assert np.allclose(s.numpyArray(), f0 / 100.0)
    assert probe.cooks == 1
    s.numpyArray()
    assert probe.cooks == 1  # nothing changed: no cook
    td.advance()
    assert np.allclose(s.numpyArray(), (f0 + 1) / 100.0)
    assert probe.cooks == 2


def test_callback_errors_land_on_the_node(net):
    s = net.create(td.scriptTOP, "script1")
    s.par.callbacks = "nothere"
    with pytest.raises(td.tdError, match="callbacks 'nothere' names no operator"):
        s.numpyArray()
    assert "names no operator" in s.errors()
    s.par.callbacks = net.create(td.constantTOP, "c1")
    with pytest.raises(td.tdError, match="is not a DAT"):
        s.numpyArray()
    d = net.create(td.textDAT, "cb")
    d.text = "def onCook(scriptOp):\n    raise RuntimeError('boom')\n"
    s.par.callbacks = d
    with pytest.raises(RuntimeError, match="boom"):
        s.numpyArray()
    assert "boom" in s.errors()
    d.text = "def onCook(scriptOp:\n"
    with pytest.raises(SyntaxError):
        s.numpyArray()
    d.text = "def onCook(scriptOp):\n    scriptOp.copyNumpyArray(scriptOp.numpyArray())\n"
    with pytest.raises(td.tdError):
        s.numpyArray()  # reading itself from its own cook


def test_a_script_top_as_a_render_colormap(net):
    s = net.create(td.scriptTOP)
    a = np.zeros((4, 4, 4), np.uint8)
    a[...] = (10, 200, 30, 255)
    s.copyNumpyArray(a)
    geo = net.create(td.geometryCOMP, "geo1")
    geo.create(td.boxSOP)
    mat = net.create(td.constantMAT)
    mat.par.colormap = s
    geo.par.material = mat
    net.create(td.cameraCOMP, "cam1")
    r = net.create(td.renderTOP)
    r.par.resolutionw = r.par.resolutionh = 16
    assert np.array_equal(r.numpyArray()[8, 8], np.array([10, 200, 30, 255], np.float32) / 255)


def test_before_any_array_a_wired_input_passes_and_the_common_page_applies(net):
    src = net.create(td.scriptTOP, "src")
    a = _array(np.float32, (6, 8, 4))
    src.copyNumpyArray(a)
    s = net.create(td.scriptTOP, "s")
    s.inputConnectors[0].connect(src)
    assert np.array_equal(s.numpyArray(), a)  # no array of its own yet: its input
    b = _array(np.float32, (6, 8, 4))
    s.copyNumpyArray(b)
    assert np.array_equal(s.numpyArray(), b)  # its own array wins
    s.par.chanmask = 1  # red from its array, the rest from input 0 (its pixels)
    assert np.array_equal(s.numpyArray(), b)
