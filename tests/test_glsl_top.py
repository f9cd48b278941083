"""glslTOP: the user's pixel shader over its inputs with TouchDesigner's GLSL TOP names; expected
pixels computed here from the inputs' own images and the shader's formula."""
import numpy as np
import pytest

import td_render as td

W, H = 16, 12
RNG = np.random.default_rng(5)


def _input(net, name=None):
    s = net.create(td.scriptTOP, name)
    a = RNG.uniform(0, 1, (H, W, 4)).astype(np.float32)
    s.copyNumpyArray(a)
    return s, a


def _glsl(net, text, *inputs, name="glsl1"):
    g = net.create(td.glslTOP, name)
    d = net.create(td.textDAT, name + "_pixel")
    d.text = text
    g.par.pixeldat = d.name
    for i, src in enumerate(inputs):
        g.inputConnectors[i].connect(src)
    return g, d


GAIN = """uniform vec4 uGain;
out vec4 fragColor;
void main()
{
    vec4 color = texture(sTD2DInputs[0], vUV.st);
    fragColor = TDOutputSwizzle(color * uGain);
}
"""


def test_a_filter_shader_with_a_vector_uniform(net):
    s, a = _input(net)
    g, _ = _glsl(net, GAIN, s)
    g.par.vec0name = "uGain"
    g.par.vec0valuex, g.par.vec0valuey, g.par.vec0valuez, g.par.vec0valuew = 2.0, 0.5, 1.0, 1.0
    got = g.numpyArray()
    assert (g.width, g.height, g.pixelFormatName) == (W, H, "rgba32float")
    assert np.allclose(got, a * np.float32([2.0, 0.5, 1.0, 1.0]), atol=1e-6)


def test_two_inputs_and_their_infos(net):
    s0, a0 = _input(net, "in0")
    s1 = net.create(td.scriptTOP, "in1")
    a1 = RNG.uniform(0, 1, (6, 8, 4)).astype(np.float32)
    s1.copyNumpyArray(a1)
    text = """out vec4 fragColor;
void main()
{
    ivec2 p = ivec2(gl_FragCoord.xy);
    vec4 a = texelFetch(sTD2DInputs[0], p, 0);
    fragColor = vec4(a.rg, uTD2DInfos[1].res.z + 100.0 * uTD2DInfos[1].res.w, uTDOutputInfo.res.z * TD_NUM_2D_INPUTS);
}
"""
    g, _ = _glsl(net, text, s0, s1)
    got = g.numpyArray()
    assert np.array_equal(got[..., :2], a0[..., :2])
    assert np.all(got[..., 2] == 8 + 100 * 6) and np.all(got[..., 3] == W * 2)


def test_a_generator_shader_without_inputs(net):
    text = """out vec4 fragColor;
void main() { fragColor = vec4(vUV.st, 0.25, 1.0); }
"""
    g, _ = _glsl(net, text)
    g.par.resolutionw, g.par.resolutionh = 10, 5
    g.par.format = "rgba32float"
    got = g.numpyArray()
    ys, xs = np.mgrid[0:5, 0:10]
    assert np.allclose(got[..., 0], (xs + 0.5) / 10, atol=1e-6) and np.allclose(got[..., 1], (ys + 0.5) / 5, atol=1e-6)


def test_a_uniform_expression_follows_time(net):
    text = """uniform float uTime;
out vec4 fragColor;
void main() { fragColor = vec4(uTime); }
"""
    g, _ = _glsl(net, text)
    g.par.format = "rgba32float"
    g.par.resolutionw = g.par.resolutionh = 4
    g.par.vec0name = "uTime"
    g.par.vec0valuex.expr = "absTime.frame * 0.5"
    f = td.absTime.frame
    assert np.all(g.numpyArray() == f * 0.5)
    td.advance(3)
    assert np.all(g.numpyArray() == (f + 3) * 0.5)


def test_constants_int_uniforms_and_passes(net):
    s, a = _input(net)
    text = """uniform int uSteps;
out vec4 fragColor;
void main()
{
    fragColor = texture(sTD2DInputs[0], vUV.st) + vec4(0.125 * float(STEP), float(uSteps), float(uTDPass), 0.0);
}
"""
    g, _ = _glsl(net, text, s)
    g.par.const0name, g.par.const0value = "STEP", 2
    g.par.vec0name, g.par.vec0valuex = "uSteps", 3
    got = g.numpyArray()
    assert np.allclose(got, a + np.float32([0.25, 3, 0, 0]), atol=1e-6)
    g.par.npasses = 3  # each pass reads the one before as input 0
    got = g.numpyArray()
    assert np.allclose(got, a + np.float32([0.75, 9, 0 + 1 + 2, 0]), atol=1e-5)


def test_empty_pixeldat_passes_input_zero(net):
    s, a = _input(net)
    g = net.create(td.glslTOP)
    g.inputConnectors[0].connect(s)
    assert np.array_equal(g.numpyArray(), a)


def test_shader_errors_name_the_top_stage_and_line(net):
    s, a = _input(net)
    g, d = _glsl(net, "out vec4 fragColor;\nvoid main()\n{\n    fragColor = nothing_here;\n}\n", s)
    with pytest.raises(td.tdError, match=r"glsl1: pixel shader failed to compile at line 4"):
        g.numpyArray()
    assert "line 4" in g.errors()
    d.text = GAIN  # fixed: it cooks again
    g.par.vec0name, g.par.vec0valuex, g.par.vec0valuey, g.par.vec0valuez, g.par.vec0valuew = "uGain", 1, 1, 1, 1
    got = g.numpyArray()
    assert np.abs(got - a).max() < 1e-6, np.abs(got - a).max()
    g.par.pixeldat = "nothere"
    with pytest.raises(td.tdError, match="glsl1: pixeldat 'nothere' names no DAT"):
        g.numpyArray()
    g.par.pixeldat = s.name
    with pytest.raises(td.tdError, match="is not a DAT"):
        g.numpyArray()
    g.par.pixeldat = "out vec4 fragColor;\nvoid main() { fragColor = vec4(1.0, 0.0, 0.0, 1.0); }\n"  # the text itself
    assert np.all(g.numpyArray() == [1, 0, 0, 1])
