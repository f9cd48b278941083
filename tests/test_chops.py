"""CHOPs: the CHOP and Channel API, constantCHOP against its parameters, noiseCHOP's determinism and
the bound its formula gives, scriptCHOP from lists and NumPy (and hostile callbacks), soptoCHOP of a
boxSOP against the box's layout computed here."""
import math

import numpy as np
import pytest

import td_render as td


def script(net, body, name="script1"):
    """A scriptCHOP whose callbacks DAT holds body (the text of a module defining onCook)."""
    dat = net.create(td.textDAT, name + "_callbacks")
    dat.text = body
    chop = net.create(td.scriptCHOP, name)
    chop.par.callbacks = dat.name
    return chop, dat


# ---- the CHOP and Channel API, on constantCHOP ----

def test_constant_defaults(net):
    c = net.create(td.constantCHOP)
    assert isinstance(c, td.CHOP) and c.isCHOP and c.family == "CHOP" and type(c) in td.families["CHOP"]
    assert (c.numChans, c.numSamples, c.rate, c.start, c.end) == (1, 1, 60.0, 0.0, 0.0)
    ch = c["chan1"]
    assert isinstance(ch, td.Channel) and ch.name == "chan1" and ch.index == 0 and ch.owner is c
    assert ch.vals == [0.0] and len(ch) == 1 and ch[0] == 0.0 and ch.valid
    assert c.par.const0name.default == "chan1" and c.par.const39value.default == 0


def test_constant_values_and_patterns(net):
    c = net.create(td.constantCHOP)
    c.par.const0name, c.par.const0value = "t[xyz]", 2.5
    c.par.const1name, c.par.const1value = "ty", -1  # a name again: the later value
    c.par.const2name, c.par.const2value = "chan[1-5:2] s", 7
    names = [ch.name for ch in c]
    assert names == ["tx", "ty", "tz", "chan1", "chan3", "chan5", "s"]
    expected = {"tx": 2.5, "ty": -1.0, "tz": 2.5, "chan1": 7.0, "chan3": 7.0, "chan5": 7.0, "s": 7.0}
    assert {ch.name: ch[0] for ch in c} == expected
    a = c.numpyArray()
    assert a.dtype == np.float32 and a.shape == (7, 1)
    assert a[:, 0].tolist() == [expected[n] for n in names]
    assert len(c) == 7 and c.numChans == 7 and bool(c)
    assert c[1].name == "ty" and c["tz"].index == 2 and c["nosuch"] is None and c[7] is None and c[-1] is None


def test_chan_and_chans_select(net):
    c = net.create(td.constantCHOP)
    c.par.const0name = "tx ty tz rx ry rz"
    assert c.chan("r*").name == "rx" and c.chan("nosuch") is None and c.chan(4).name == "ry"
    assert [ch.name for ch in c.chans("t?", 5)] == ["tx", "ty", "tz", "rz"]
    assert [ch.name for ch in c.chans()] == ["tx", "ty", "tz", "rx", "ry", "rz"]
    assert [ch.name for ch in c.chans("TX", caseSensitive=False)] == ["tx"] and c.chans("TX") == []
    assert [ch.name for ch in c.chans("tz", "t*")] == ["tx", "ty", "tz"]  # channel order, each once
    with pytest.raises(TypeError):
        c.chan()
    with pytest.raises(TypeError):
        c.chans(1.5)
    with pytest.raises(TypeError):
        c.chans("t*", nosuch=1)
    with pytest.raises(TypeError):
        c[1.5]


def test_channels_are_snapshots(net):
    c = net.create(td.constantCHOP)
    c.par.const0value = 3
    old = c["chan1"]
    c.par.const0value = 4
    assert old.vals == [3.0] and c["chan1"].vals == [4.0]  # a new cook makes new channels
    arr = c.numpyArray()
    arr[0, 0] = 99  # a copy
    assert c["chan1"][0] == 4.0
    with pytest.raises(td.tdError, match="onCook"):
        old.vals = [1.0]
    with pytest.raises(td.tdError):
        c.numSamples = 5
    kept = c["chan1"]
    c.destroy()
    assert not kept.valid and kept.vals == [4.0] and kept.numpyArray().tolist() == [4.0]


def test_constant_bad_pattern_is_a_cook_error(net):
    c = net.create(td.constantCHOP)
    c.par.const0name = "chan[1-"
    with pytest.raises(ValueError, match="unclosed"):
        c.numChans
    assert "unclosed" in c.errors()
    c.par.const0name = "x" * 70
    with pytest.raises(ValueError, match="longer than 63"):
        c.numChans
    c.par.const0name = "a[0-70000]"
    with pytest.raises(ValueError, match="more than 65536"):
        c.numChans
    c.par.const0name = "ok"
    assert c.numChans == 1 and c.errors() == ""


def test_cooks_only_when_parameters_change(net):
    c = net.create(td.constantCHOP)
    c.numChans
    cooks = c.totalCooks
    c.numChans, c.numpyArray(), c["chan1"]
    assert c.totalCooks == cooks
    c.par.const0value = 1
    c.numChans
    assert c.totalCooks == cooks + 1


def test_bypass_passes_the_first_input(net):
    n = net.create(td.noiseCHOP)
    n.par.channelname = "a b"
    s, _ = script(net, "def onCook(scriptOp):\n    scriptOp.copy(scriptOp.inputs[0])\n")
    s.setInputs([n])
    assert s.numpyArray().tolist() == n.numpyArray().tolist()
    s.bypass = True
    assert [ch.name for ch in s] == ["a", "b"] and s.numSamples == n.numSamples
    c = net.create(td.constantCHOP)
    c.bypass = True
    assert c.numChans == 0


def test_wiring_across_families_is_refused(net):
    c = net.create(td.noiseCHOP)
    with pytest.raises(ValueError, match="families differ"):
        c.setInputs([net.create(td.textDAT)])


# ---- noiseCHOP ----

def noise(net, **pars):
    n = net.create(td.noiseCHOP)
    for k, v in pars.items():
        setattr(n.par, k, v)
    return n


def test_noise_is_deterministic(net):
    a = noise(net, seed=3, channelname="tx ty").numpyArray()
    b = noise(net, seed=3, channelname="tx ty").numpyArray()
    c = noise(net, seed=4, channelname="tx ty").numpyArray()
    assert a.shape == (2, 600) and np.array_equal(a, b)
    assert not np.allclose(a, c) and not np.allclose(a[0], a[1])  # another seed, another channel
    assert np.std(a) > 0.01  # not flat


@pytest.mark.parametrize("ntype", ["sparse", "hermite", "harmonic", "brownian", "random", "alligator"])
@pytest.mark.parametrize("amp,offset,exp,harmon,gain", [(1, 0, 1, 2, 0.7), (0.25, 3, 2.5, 5, 1.5), (4, -1, 0.5, 0, 0)])
def test_noise_stays_within_amp_of_offset(net, ntype, amp, offset, exp, harmon, gain):
    n = noise(net, type=ntype, amp=amp, offset=offset, exp=exp, harmon=harmon, gain=gain, period=0.3)
    a = n.numpyArray().astype(np.float64)
    # the formula: offset + amp * sign(f) |f|^exp with |f| <= 1
    assert np.all(np.abs(a - offset) <= amp * (1 + 1e-6) + 1e-6)
    assert np.ptp(a) > 0


def test_noise_interval_and_units(net):
    n = noise(net, start=10, end=19, startunit="samples", endunit="samples")
    assert (n.numSamples, n.start, n.end, n.rate) == (10, 10.0, 19.0, 60.0)
    n = noise(net, start=0, end=2, startunit="seconds", endunit="seconds", rate=30)
    assert (n.numSamples, n.rate) == (61, 30.0)
    n = noise(net, start=5, end=4, startunit="samples", endunit="samples")
    with pytest.raises(ValueError, match="before start"):
        n.numSamples
    n = noise(net, period=0)
    with pytest.raises(ValueError, match="period"):
        n.numpyArray()
    assert "period" in n.errors()


def test_noise_input_points_match_the_time_axis(net):
    """With an input, sample k is the noise at the input's channels (x, y, z): an input of x = i / rate
    gives the same values as the CHOP sampling its own interval."""
    plain = noise(net, channelname="v", start=0, end=99, startunit="samples", endunit="samples", seed=7)
    pts, _ = script(net, "import numpy\n"
                         "def onCook(scriptOp):\n"
                         "    scriptOp.copyNumpyArray(numpy.array([numpy.arange(100) / 60.0, numpy.zeros(100)],"
                         " numpy.float32))\n")
    fed = noise(net, channelname="v", seed=7)
    fed.setInputs([pts])
    assert fed.numSamples == 100
    np.testing.assert_allclose(fed.numpyArray(), plain.numpyArray(), atol=1e-5)


def test_noise_channel_names_patterns(net):
    n = noise(net, channelname="t[xyz] s[1-2]", end=9, endunit="samples")
    assert [ch.name for ch in n] == ["tx", "ty", "tz", "s1", "s2"] and n.numSamples == 10


# ---- scriptCHOP ----

def test_script_from_lists(net):
    s, _ = script(net, "def onCook(scriptOp):\n"
                       "    scriptOp.clear()\n"
                       "    scriptOp.numSamples = 4\n"
                       "    scriptOp.rate = 30\n"
                       "    scriptOp.start = 2\n"
                       "    c = scriptOp.appendChan('tx')\n"
                       "    c.vals = [1, 2, 3, 4]\n"
                       "    d = scriptOp.appendChan()\n"
                       "    d[2] = 9\n"
                       "    assert scriptOp.numChans == 2 and scriptOp['tx'][3] == 4 and len(c) == 4\n")
    assert [ch.name for ch in s] == ["tx", "chan1"] and s.errors() == ""
    assert (s.numSamples, s.rate, s.start, s.end) == (4, 30.0, 2.0, 5.0)
    assert s["tx"].vals == [1, 2, 3, 4] and s["chan1"].vals == [0, 0, 9, 0]
    assert s.numpyArray().tolist() == [[1, 2, 3, 4], [0, 0, 9, 0]]


def test_script_from_numpy(net):
    s, _ = script(net, "import numpy\n"
                       "def onCook(scriptOp):\n"
                       "    a = numpy.arange(12, dtype=numpy.float32).reshape(3, 4)\n"
                       "    scriptOp.copyNumpyArray(a, baseName='p')\n"
                       "    scriptOp['p2'].vals = numpy.ones(4)\n")
    assert [ch.name for ch in s] == ["p1", "p2", "p3"] and s.numSamples == 4
    expected = np.arange(12, dtype=np.float32).reshape(3, 4)
    expected[1] = 1
    assert np.array_equal(s.numpyArray(), expected)


@pytest.mark.parametrize("code,exc,match", [
    ("scriptOp.copyNumpyArray(numpy.zeros((2, 3)))", TypeError, "float32"),
    ("scriptOp.copyNumpyArray(numpy.zeros(3, numpy.float32))", ValueError, "numChannels, numSamples"),
    ("scriptOp.copyNumpyArray([[1.0]])", TypeError, "ndarray"),
    ("scriptOp.copyNumpyArray(numpy.full((1, 2), numpy.nan, numpy.float32))", ValueError, "not finite"),
    ("scriptOp.copyNumpyArray(numpy.zeros((1, 2), numpy.float32), baseName='')", ValueError, "baseName"),
    ("scriptOp.appendChan('a').vals = [1, 2]", ValueError, "samples a channel"),
    ("scriptOp.appendChan('a').vals = [float('inf')]", ValueError, "finite"),
    ("scriptOp.appendChan('a').vals = 'ab'", TypeError, "numbers"),
    ("scriptOp.appendChan('a'); scriptOp.appendChan('a')", ValueError, "already has"),
    ("scriptOp.appendChan('x' * 64)", ValueError, "1 to 63"),
    ("scriptOp.appendChan(3)", TypeError, "str"),
    ("scriptOp.numSamples = -1", ValueError, "numSamples"),
    ("scriptOp.numSamples = 2**27", ValueError, "numSamples"),
    ("scriptOp.rate = 0", ValueError, "rate"),
    ("scriptOp.appendChan('a')[5] = 1", IndexError, "out of range"),
])
def test_script_bad_input_is_a_clear_error(net, code, exc, match):
    s, _ = script(net, "import numpy\ndef onCook(scriptOp):\n    " + code + "\n")
    with pytest.raises(exc, match=match):
        s.numChans
    assert match.split()[0] in s.errors()


def test_script_methods_only_in_on_cook(net):
    s, _ = script(net, "kept = []\ndef onCook(scriptOp):\n    scriptOp.appendChan('a')\n")
    assert s.numChans == 1
    for call in (s.clear, lambda: s.appendChan("b"), lambda: s.copy(s),
                 lambda: s.copyNumpyArray(np.zeros((1, 1), np.float32))):
        with pytest.raises(td.tdError, match="onCook"):
            call()
    with pytest.raises(TypeError):
        s.copy("a")


def test_script_cooks_after_changes_and_starts_empty(net):
    s, _ = script(net, "def onCook(scriptOp):\n"
                       "    scriptOp.numSamples = 2\n"
                       "    scriptOp.appendChan('f').vals = [absTime.frame, absTime.frame + 1]\n")
    f0 = td.absTime.frame
    assert s["f"].vals == [f0, f0 + 1]
    before = s["f"]
    td.advance()
    assert s.numChans == 1 and s["f"].vals == [f0 + 1, f0 + 2]  # cooked again, started without channels
    assert before.vals == [f0, f0 + 1]  # the old snapshot keeps its values


def test_script_live_channel_outside_the_cook(net):
    s, _ = script(net, "store = {}\ndef onCook(scriptOp):\n    scriptOp.storage['c'] = scriptOp.appendChan('a')\n")
    s.numChans
    live = s.storage["c"]
    assert live.name == "a" and live.vals == [0.0] and live.valid
    with pytest.raises(td.tdError, match="onCook"):
        live.vals = [1]


# ---- hostile callbacks ----

@pytest.mark.parametrize("body,match", [
    ("def onCook(scriptOp):\n    raise RuntimeError('boom')\n", "boom"),
    ("def onCook(scriptOp):\n    scriptOp.destroy()\n", "reset|destroyed"),
    ("def onCook(scriptOp):\n    op(scriptOp.par.callbacks.eval()).destroy()\n    scriptOp.appendChan('x')\n", None),
    ("def onCook(scriptOp):\n    scriptOp.numChans\n    scriptOp.cook(force=True)\n    return scriptOp.chans()\n", None),
    ("def onCook(scriptOp):\n    scriptOp.par.callbacks = ''\n    scriptOp.appendChan('x')\n", None),
    ("import sys\ndef onCook(scriptOp):\n    globals().clear()\n    scriptOp.appendChan('x')\n", None),
    ("def onCook(scriptOp):\n    scriptOp.parent().destroy()\n", "reset|destroyed"),
    ("syntax error here\n", "invalid syntax"),
    ("def onCook(scriptOp):\n    scriptOp.numChans\n    scriptOp.numSamples = 10**6\n"
     "    for i in range(3): scriptOp.appendChan()\n", None),
])
def test_hostile_callbacks_never_crash(net, body, match):
    inner = net.create(td.baseCOMP, "inner")
    s, dat = script(inner, body)
    if match is None:
        s.numChans  # cooks without an error
        assert not s.valid or s.errors() == ""
        return
    with pytest.raises(Exception, match=match):
        s.numChans
    if s.valid:
        assert any(m in s.errors() for m in match.split("|"))


def test_callbacks_naming_nothing(net):
    s = net.create(td.scriptCHOP)
    assert s.numChans == 0  # no callbacks: no channels
    s.par.callbacks = "nosuch"
    with pytest.raises(td.tdError, match="names no operator"):
        s.numChans
    s.par.callbacks = net.create(td.noiseCHOP).name
    with pytest.raises(td.tdError, match="is not a DAT"):
        s.numChans


def test_input_loop_is_an_error(net):
    a, b = net.create(td.noiseCHOP), net.create(td.noiseCHOP)
    b.setInputs([a])
    s, _ = script(net, "def onCook(scriptOp):\n    scriptOp.copy(op('" + b.name + "'))\n")
    a.setInputs([s])  # a <- s, and s reads b <- a while it cooks
    with pytest.raises(td.tdError):
        b.numChans


# ---- soptoCHOP ----

# The box's layout (geom/box.c): per face its outward normal and the directions u and v grow in;
# corners (u, v) = (0,0) (1,0) (1,1) (0,1).
BOX_FACES = [((1, 0, 0), (0, 0, -1), (0, 1, 0)), ((-1, 0, 0), (0, 0, 1), (0, 1, 0)),
             ((0, 1, 0), (1, 0, 0), (0, 0, -1)), ((0, -1, 0), (1, 0, 0), (0, 0, 1)),
             ((0, 0, 1), (1, 0, 0), (0, 1, 0)), ((0, 0, -1), (-1, 0, 0), (0, 1, 0))]


def box_points(center, size):
    pts = []
    for n, fu, fv in BOX_FACES:
        for u, v in ((0, 0), (1, 0), (1, 1), (0, 1)):
            su, sv = 2 * u - 1, 2 * v - 1
            p = [center[k] + (n[k] + su * fu[k] + sv * fv[k]) * size[k] / 2 for k in range(3)]
            pts.append((p, n, (u, v, 0)))
    return pts


def test_sopto_of_a_box(net):
    geo = net.create(td.geometryCOMP)
    box = geo.create(td.boxSOP)
    box.par.tx, box.par.ty, box.par.tz = 1, 2, 3
    box.par.sizex, box.par.sizey, box.par.sizez = 2, 3, 4
    s = geo.create(td.soptoCHOP)
    s.par.sop = box.name
    s.par.normal = s.par.textureuv = s.par.texturew = s.par.pointindex = True
    s.par.colorrgb = s.par.coloralpha = True
    assert [ch.name for ch in s] == ["tx", "ty", "tz", "cr", "cg", "cb", "alpha", "nx", "ny", "nz", "u", "v", "w",
                                     "index"]
    expected = box_points((1, 2, 3), (2, 3, 4))
    assert s.numSamples == len(expected) == box.numPoints == 24
    a = s.numpyArray()
    for i, (p, n, uvw) in enumerate(expected):
        assert a[0:3, i].tolist() == pytest.approx(p) and a[7:10, i].tolist() == pytest.approx(n)
        assert a[10:13, i].tolist() == pytest.approx(uvw) and a[13, i] == i
    assert np.all(a[3:7] == 1)  # the box has no Cd: white, opaque
    box.par.tx = 5  # the CHOP follows the SOP
    assert s["tx"][0] == pytest.approx(5 + 1)


def test_sopto_errors(net):
    s = net.create(td.soptoCHOP)
    assert s.numChans == 0  # no sop: no channels
    s.par.sop = "nosuch"
    with pytest.raises(td.tdError, match="names no operator"):
        s.numChans
    s.par.sop = net.create(td.constantCHOP).name
    with pytest.raises(td.tdError, match="not a SOP"):
        s.numChans


def test_td_chop_chans_from_instancing_side_is_the_same_snapshot(net):
    """Readers hold the same immutable channels until the CHOP cooks again (what instancing reads)."""
    c = net.create(td.constantCHOP)
    a, b = c[0], c[0]
    assert a.vals == b.vals and math.isfinite(a.eval()) and a.eval(5) == a[0]


def test_readers_during_on_cook_get_a_copy(net):
    """Another CHOP reading the scriptCHOP while its onCook runs gets the channels made so far, as a
    snapshot that the rest of the cook does not change."""
    s, _ = script(net, "def onCook(scriptOp):\n"
                       "    scriptOp.numSamples = 5\n"
                       "    scriptOp.appendChan('x')\n"
                       "    scriptOp.store('seen', op('reader').numSamples)\n"
                       "    scriptOp.numSamples = 7\n")
    reader = net.create(td.noiseCHOP, "reader")
    reader.setInputs([s])
    assert s.numSamples == 7 and s.fetch("seen") == 5
    assert reader.numSamples == 7  # its input is a new cook now


def test_a_value_that_destroys_the_chop_while_converting(net):
    s, _ = script(net, "class Evil:\n"
                       "    def __init__(self, o): self.o = o\n"
                       "    def __float__(self):\n"
                       "        self.o.destroy()\n"
                       "        return 1.0\n"
                       "def onCook(scriptOp):\n"
                       "    scriptOp.appendChan('a').vals = [Evil(scriptOp)]\n")
    with pytest.raises(td.tdError):
        s.numChans
    assert not s.valid


def test_cook_force_cooks_again(net):
    c = net.create(td.constantCHOP)
    c.cook()
    n = c.totalCooks
    c.cook()
    assert c.totalCooks == n
    c.cook(force=True)
    assert c.totalCooks == n + 1


def test_extreme_values_saturate_at_float32(net):
    f32 = np.finfo(np.float32).max
    c = net.create(td.constantCHOP)
    c.par.const0value = 1e300
    assert c[0][0] == f32
    n = noise(net, amp=1e300, tx=1e300, period=1e-300, end=9, endunit="samples")
    a = n.numpyArray()
    assert a.shape == (1, 10) and np.all(np.abs(a) <= f32)


# ---- any parameter values: an error or channels, never a crash ----

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# moderate numbers and the extremes (an interval of 10^7 samples is allowed, and only slow)
_VALUES = st.one_of(st.floats(-1e5, 1e5), st.sampled_from([math.nan, math.inf, -math.inf, 1e300, -1e300, 1e-300, 0]),
                    st.integers(-10**5, 10**5), st.text(alphabet="ab1-:,[] xyz", max_size=24), st.booleans())


@settings(max_examples=60)
@given(data=st.data())
def test_any_parameter_values_give_channels_or_an_error(data):
    net = td.root.create(td.baseCOMP)
    try:
        geo = net.create(td.geometryCOMP)
        box = geo.create(td.boxSOP)
        sop = geo.create(td.noiseSOP)
        sop.setInputs([box])
        chops = [net.create(cls) for cls in (td.constantCHOP, td.noiseCHOP, td.soptoCHOP)]
        chops[2].par.sop = sop.path
        for o in chops[:2] + [sop]:
            for par in data.draw(st.lists(st.sampled_from(o.pars()), max_size=6)):
                try:
                    par.val = data.draw(_VALUES)
                except (TypeError, ValueError):
                    pass
        for c in chops:
            try:
                a = c.numpyArray()
                assert a.shape == (c.numChans, c.numSamples) and a.dtype == np.float32
            except (td.tdError, ValueError, MemoryError):
                assert c.errors() != "" or c is chops[2]
    finally:
        net.destroy()
