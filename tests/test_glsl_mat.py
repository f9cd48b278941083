"""glslMAT: the user's GLSL from text DATs with TouchDesigner's GLSL API before it. The shaders here
are the shapes of TouchDesigner's "Write a GLSL Material" guide (gl_Position =
TDWorldToProj(TDDeform(TDPos())); fragColor = TDOutputSwizzle(...)). Renders are rgba32float, so
a colour a shader writes comes back exactly."""
import math

import numpy as np
import pytest

import td_render as td
from test_material_maps import MH, MW, OW, _map, _uv

GUIDE_VERTEX = """void main()
{
    gl_Position = TDWorldToProj(TDDeform(TDPos()));
}
"""

GUIDE_PIXEL = """uniform vec4 uColor;
out vec4 fragColor;
void main()
{
    fragColor = TDOutputSwizzle(uColor);
}
"""

W, H = 64, 48


def _scene(net, vertex=GUIDE_VERTEX, pixel=GUIDE_PIXEL, ortho=False):
    """A unit box with a glslMAT whose shaders are in text DATs v1 and p1, a camera at tz=5."""
    geo = net.create(td.geometryCOMP, "geo1")
    geo.create(td.boxSOP, "box1")
    v, p = net.create(td.textDAT, "v1"), net.create(td.textDAT, "p1")
    v.text, p.text = vertex, pixel
    mat = net.create(td.glslMAT, "glsl1")
    mat.par.vdat, mat.par.pdat = "v1", "p1"
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    if ortho:
        cam.par.projection = "ortho"
        cam.par.orthowidth = 4.0
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    r.par.format = "rgba32float"
    return r, mat, v, p


def _set_vec(mat, k, values):
    mat.par["vec%dname" % k] = "uColor"
    for c, x in zip("xyzw", values):
        mat.par["vec%dvalue%s" % (k, c)] = x


def test_the_guides_material_writes_its_colour(net):
    r, mat, v, p = _scene(net)
    _set_vec(mat, 0, (0.25, 0.5, 0.75, 1.0))
    a = r.numpyArray()
    assert np.array_equal(a[H // 2, W // 2], np.float32([0.25, 0.5, 0.75, 1.0]))
    assert not a[0, 0].any()  # the background: the camera's transparent black
    assert mat.errors() == ""


def test_a_vector_uniform_from_an_expression_follows_time(net):
    r, mat, v, p = _scene(net)
    _set_vec(mat, 0, (0.0, 0.0, 0.0, 1.0))
    mat.par.vec0valuex.expr = "(absTime.frame % 50) / 64"
    mat.par.vec0valuey.expr = "me.par.vec0valuex * 2"
    for step in range(3):
        f = td.absTime.frame
        want = (f % 50) / 64
        got = r.numpyArray()[H // 2, W // 2]
        assert got[0] == np.float32(want) and got[1] == np.float32(2 * want), (f, got)
        td.advance()


def test_a_uniform_is_set_as_declared(net):
    # float, vec2 and int uniforms from one vector block each: their first components
    pixel = """uniform float uA;
uniform vec2 uB;
uniform int uC;
out vec4 fragColor;
void main() { fragColor = TDOutputSwizzle(vec4(uA, uB.y, float(uC) / 8.0, 1.0)); }
"""
    r, mat, v, p = _scene(net, pixel=pixel)
    for k, (name, x, y) in enumerate((("uA", 0.125, 9.0), ("uB", 9.0, 0.375), ("uC", 3.0, 9.0))):
        mat.par["vec%dname" % k] = name
        mat.par["vec%dvaluex" % k], mat.par["vec%dvaluey" % k] = x, y
    assert np.array_equal(r.numpyArray()[H // 2, W // 2], np.float32([0.125, 0.375, 3 / 8, 1.0]))


def test_a_dat_change_rerenders_and_the_source_may_be_the_parameter(net):
    r, mat, v, p = _scene(net)
    _set_vec(mat, 0, (1.0, 0.0, 0.0, 1.0))
    assert r.numpyArray()[H // 2, W // 2, 0] == 1.0
    p.text = "out vec4 fragColor;\nvoid main() { fragColor = TDOutputSwizzle(vec4(0.0, 0.5, 0.0, 1.0)); }\n"
    assert np.array_equal(r.numpyArray()[H // 2, W // 2], np.float32([0.0, 0.5, 0.0, 1.0]))
    # the source itself (it holds a newline; a path never does)
    mat.par.pdat = "out vec4 fragColor;\nvoid main() { fragColor = TDOutputSwizzle(vec4(0.0, 0.0, 0.25, 1.0)); }\n"
    assert np.array_equal(r.numpyArray()[H // 2, W // 2], np.float32([0.0, 0.0, 0.25, 1.0]))


def test_empty_shaders_are_the_defaults(net):
    r, mat, v, p = _scene(net)
    mat.par.vdat = mat.par.pdat = ""
    a = r.numpyArray()
    assert np.array_equal(a[H // 2, W // 2], np.float32([1, 1, 1, 1]))  # the default pixel shader: white
    assert not a[0, 0].any()
    # the default vertex shader with a pixel shader reading TouchDesigner's Vertex block
    p.text = """in Vertex { vec4 color; vec3 worldSpacePos; vec3 worldSpaceNorm; flat int cameraIndex; } iVert;
out vec4 fragColor;
void main() { fragColor = TDOutputSwizzle(vec4(iVert.worldSpaceNorm * 0.5 + 0.5, iVert.color.a)); }
"""
    mat.par.pdat = "p1"
    # the face toward the camera: normal (0, 0, 1)
    assert np.allclose(r.numpyArray()[H // 2, W // 2], [0.5, 0.5, 1.0, 1.0], atol=1e-6)


def test_constants_are_compile_time(net):
    pixel = "out vec4 fragColor;\nfloat k[uN];\nvoid main() { fragColor = TDOutputSwizzle(vec4(float(k.length()) / 8.0, 0.0, 0.0, 1.0)); }\n"
    r, mat, v, p = _scene(net, pixel=pixel)
    mat.par.const0name, mat.par.const0value = "uN", 3  # sizes an array: a constant expression
    assert r.numpyArray()[H // 2, W // 2, 0] == np.float32(3 / 8)
    mat.par.const0value = 5
    assert r.numpyArray()[H // 2, W // 2, 0] == np.float32(5 / 8)


def test_the_matrices_say_where_the_camera_is(net):
    pixel = """out vec4 fragColor;
void main()
{
    vec3 cam = uTDMats[0].camInverse[3].xyz;
    vec4 p = uTDMats[0].worldCamProj * vec4(0.0, 0.0, 0.5, 1.0); // the box's front face centre
    fragColor = TDOutputSwizzle(vec4(cam.z / 10.0, p.x / p.w + 0.5, uTDGeneral.ambientColor.r, 1.0));
}
"""
    r, mat, v, p = _scene(net, pixel=pixel)
    cam = net.op("cam1")
    cam.par.tz = 6.0
    amb = net.create(td.ambientlightCOMP, "lightamb")
    amb.par.dimmer = 0.25
    a = r.numpyArray()[H // 2, W // 2]
    # the camera at z = 6; the front face's centre projects to the image's centre (x 0 in NDC)
    assert np.allclose(a, [0.6, 0.5, 0.25 * amb.par.cr.eval(), 1.0], atol=1e-6)


def test_a_sampler_reads_a_render_at_the_meshs_uv(net):
    # the face (2 x 2, at the origin) under an orthographic camera 4 wide, as in test_material_maps
    m = _map(net)
    vertex = """out vec2 texUV;
void main()
{
    texUV = uv[0].st;
    gl_Position = TDWorldToProj(TDDeform(TDPos()));
}
"""
    pixel = """uniform sampler2D sMap;
in vec2 texUV;
out vec4 fragColor;
void main() { fragColor = TDOutputSwizzle(texture(sMap, texUV)); }
"""
    geo = net.create(td.geometryCOMP, "geo1")
    b = geo.create(td.boxSOP)
    b.par.sizex = b.par.sizey = 2.0
    b.par.sizez = 0.01
    mat = net.create(td.glslMAT, "glsl1")
    mat.par.vdat, mat.par.pdat = vertex, pixel
    mat.par.sampler3name, mat.par.sampler3top, mat.par.sampler3filter = "sMap", m, "nearest"
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.projection, cam.par.orthowidth = "ortho", OW
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw = r.par.resolutionh = 32
    r.par.geometry, r.par.format = "geo1", "rgba32float"
    img, mapimg = r.numpyArray(), m.numpyArray()
    assert (mapimg[..., 0] > 0.5).any() and (mapimg[..., 1] > 0.5).any()
    u, v = _uv()
    inside = (u > 0) & (u < 1) & (v > 0) & (v < 1)
    cols = np.clip((u * MW).astype(int), 0, MW - 1)
    rows = np.clip((v * MH).astype(int), 0, MH - 1)
    assert np.array_equal(img[inside], mapimg[rows, cols][inside])
    assert not img[~inside].any()


def test_tdlighting_matches_phong(sphere_scene):
    s = sphere_scene
    net, phong, light = s["net"], s["mat"], s["light"]
    light.par.tx, light.par.ty, light.par.tz = 3.0, 2.0, 4.0
    amb = net.create(td.ambientlightCOMP, "lightamb")
    amb.par.dimmer = 0.2
    phong.par.ambr, phong.par.ambg, phong.par.ambb = 0.5, 0.25, 1.0
    phong.par.shininess = 20
    s["render"].par.format = "rgba32float"
    want = s["render"].numpyArray()
    # the same lighting through TDLighting, in TouchDesigner's default GLSL MAT shape
    vertex = """out Vertex { vec3 worldSpacePos; vec3 worldSpaceNorm; } oVert;
void main()
{
    vec4 worldSpacePos = TDDeform(TDPos());
    oVert.worldSpacePos = worldSpacePos.xyz;
    oVert.worldSpaceNorm = TDDeformNorm(TDNormal());
    gl_Position = TDWorldToProj(worldSpacePos);
}
"""
    pixel = """uniform vec4 uDiffuse;
uniform vec4 uAmbient;
uniform vec4 uSpecular;
in Vertex { vec3 worldSpacePos; vec3 worldSpaceNorm; } iVert;
out vec4 fragColor;
void main()
{
    vec3 normal = normalize(iVert.worldSpaceNorm);
    if (!TDFrontFacing(iVert.worldSpacePos, normal))
        normal = -normal;
    vec3 viewVec = normalize(uTDMats[0].camInverse[3].xyz - iVert.worldSpacePos);
    vec3 diffuseSum = vec3(0.0), specularSum = vec3(0.0);
    for (int i = 0; i < TD_NUM_LIGHTS; i++) {
        TDPhongResult res = TDLighting(i, iVert.worldSpacePos, normal, 1.0, vec3(0.0), viewVec, uSpecular.w);
        diffuseSum += res.diffuse;
        specularSum += res.specular;
    }
    vec3 c = diffuseSum * uDiffuse.rgb + specularSum * uSpecular.rgb + uTDGeneral.ambientColor.rgb * uAmbient.rgb;
    fragColor = TDOutputSwizzle(TDFog(vec4(c, 1.0), iVert.worldSpacePos, 0));
}
"""
    mat = net.create(td.glslMAT, "glsl1")
    mat.par.vdat, mat.par.pdat = vertex, pixel
    for k, (name, vals) in enumerate((("uDiffuse", (0.6, 0.6, 0.6, 1)), ("uAmbient", (0.5, 0.25, 1.0, 1)),
                                      ("uSpecular", (0.3, 0.3, 0.3, 20)))):
        mat.par["vec%dname" % k] = name
        for c, x in zip("xyzw", vals):
            mat.par["vec%dvalue%s" % (k, c)] = x
    s["geo"].par.material = mat
    got = s["render"].numpyArray()
    assert (want[..., 3] > 0).sum() > 1000 and want[128, 128, :3].max() > 0.3
    assert np.array_equal(got[..., 3], want[..., 3])  # the same coverage
    assert np.allclose(got, want, atol=2e-5)


def test_two_colour_buffers_through_renderselect(net):
    pixel = """layout(location = 0) out vec4 color0;
layout(location = 1) out vec4 color1;
void main()
{
    color0 = TDOutputSwizzle(vec4(1.0, 0.0, 0.0, 1.0));
    color1 = TDOutputSwizzle(vec4(0.0, 0.25, 0.5, 0.75));
}
"""
    r, mat, v, p = _scene(net, pixel=pixel)
    r.par.numcolorbufs = 3
    sel = net.create(td.renderselectTOP, "select1")
    sel.par.top, sel.par.colorbufindex = r, 1
    a0, a1 = r.numpyArray(), sel.numpyArray()
    covered = a0[..., 3] > 0
    assert covered[H // 2, W // 2] and not covered[0, 0]
    assert np.array_equal(a0[covered], np.tile(np.float32([1, 0, 0, 1]), (covered.sum(), 1)))
    assert np.array_equal(a1[covered], np.tile(np.float32([0, 0.25, 0.5, 0.75]), (covered.sum(), 1)))
    assert not a1[~covered].any()  # the extra buffer is cleared to zero
    sel.par.colorbufindex = 2
    assert not sel.numpyArray().any()  # a buffer the program does not write keeps its clear
    # an output array, TouchDesigner's default shape: oFragColor[TD_NUM_COLOR_BUFFERS]
    p.text = """layout(location = 0) out vec4 oFragColor[TD_NUM_COLOR_BUFFERS];
void main()
{
    for (int i = 0; i < TD_NUM_COLOR_BUFFERS; i++)
        oFragColor[i] = TDOutputSwizzle(vec4(float(i) / 4.0, 0.0, 0.0, 1.0));
}
"""
    assert sel.numpyArray()[H // 2, W // 2, 0] == np.float32(0.5)


def test_a_geometry_shader_moves_the_triangles(net):
    geometry = """layout(triangles) in;
layout(triangle_strip, max_vertices = 3) out;
uniform vec4 uShift;
void main()
{
    for (int i = 0; i < 3; i++) {
        gl_Position = gl_in[i].gl_Position + vec4(uShift.x * gl_in[i].gl_Position.w, 0.0, 0.0, 0.0);
        EmitVertex();
    }
    EndPrimitive();
}
"""
    r, mat, v, p = _scene(net, ortho=True)
    _set_vec(mat, 0, (1.0, 1.0, 1.0, 1.0))
    cols = np.nonzero(r.numpyArray()[H // 2, :, 3])[0]
    g = net.create(td.textDAT, "g1")
    g.text = geometry
    mat.par.gdat = "g1"
    mat.par.vec1name, mat.par.vec1valuex = "uShift", 0.5  # half of NDC's [-1, 1]: a quarter of the width
    shifted = np.nonzero(r.numpyArray()[H // 2, :, 3])[0]
    assert len(cols) > 4 and len(shifted) == len(cols)
    assert shifted[0] - cols[0] == W // 4
    mat.par.gdat = ""
    assert np.array_equal(np.nonzero(r.numpyArray()[H // 2, :, 3])[0], cols)


# ---- bad input ----


def test_a_pixel_shader_that_does_not_compile_names_stage_and_line(net):
    r, mat, v, p = _scene(net)
    p.text = "out vec4 fragColor;\nvoid main()\n{\n    fragColor = vec4(1.0) + ;\n}\n"
    with pytest.raises(td.tdError) as e:
        r.numpyArray()
    msg = str(e.value)
    assert mat.path in msg and "pixel shader failed to compile at line 4" in msg
    assert "error" in msg.split("line 4", 1)[1]  # the driver's own words follow
    assert msg in mat.errors()
    with pytest.raises(td.tdError):  # remembered: no black frame next time either
        r.numpyArray()
    p.text = GUIDE_PIXEL  # fixed: renders, the error is gone
    _set_vec(mat, 0, (0, 1, 0, 1))
    assert r.numpyArray()[H // 2, W // 2, 1] == 1.0
    assert mat.errors() == ""


def test_a_vertex_shader_error_names_the_vertex_stage(net):
    r, mat, v, p = _scene(net)
    v.text = "void main()\n{\n\n    gl_Position = nosuchthing;\n}\n"
    with pytest.raises(td.tdError, match="vertex shader failed to compile at line 4") as e:
        r.numpyArray()
    assert "nosuchthing" in str(e.value)


def test_a_geometry_shader_error_names_the_geometry_stage(net):
    r, mat, v, p = _scene(net)
    mat.par.gdat = "layout(triangles) in;\nlayout(triangle_strip, max_vertices = 3) out;\nvoid main() { EmitVertex() }\n"
    with pytest.raises(td.tdError, match="geometry shader failed to compile at line 3"):
        r.numpyArray()


def test_a_link_error_raises(net):
    # the pixel shader reads an input the vertex shader never writes
    pixel = "in vec4 notWritten;\nout vec4 fragColor;\nvoid main() { fragColor = TDOutputSwizzle(notWritten); }\n"
    r, mat, v, p = _scene(net, pixel=pixel)
    with pytest.raises(td.tdError, match="failed to link") as e:
        r.numpyArray()
    assert mat.path in str(e.value) and str(e.value) in mat.errors()


def test_a_sampler_naming_no_top(net):
    r, mat, v, p = _scene(net)
    mat.par.sampler0name, mat.par.sampler0top = "sMap", "nothing"
    with pytest.raises(td.tdError, match="sampler0top 'nothing' names no operator") as e:
        r.numpyArray()
    assert mat.path in str(e.value)
    mat.par.sampler0top = "v1"
    with pytest.raises(td.tdError, match="sampler0top 'v1' is not a TOP"):
        r.numpyArray()


def test_a_vdat_naming_no_dat(net):
    r, mat, v, p = _scene(net)
    mat.par.vdat = "nothing"
    with pytest.raises(td.tdError, match="vdat 'nothing' names no DAT") as e:
        r.numpyArray()
    assert mat.path in str(e.value)
    assert "vdat 'nothing' names no DAT" in mat.errors()
    assert "vdat" in r.errors()  # the render's cook failed with it too
    mat.par.vdat = "v1"
    _set_vec(mat, 0, (0, 0, 1, 1))
    assert r.numpyArray()[H // 2, W // 2, 2] == 1.0
    assert mat.errors() == ""


def test_a_pdat_naming_a_non_dat(net):
    r, mat, v, p = _scene(net)
    mat.par.pdat = "cam1"
    with pytest.raises(td.tdError, match="pdat 'cam1' is not a DAT \\(it is a cameraCOMP\\)"):
        r.numpyArray()
    assert "is not a DAT" in mat.errors()


def test_a_long_uniform_name_is_refused(net):
    r, mat, v, p = _scene(net)
    mat.par.vec2name = "u" * 64
    with pytest.raises(td.tdError, match="vec2name is longer than 63 characters"):
        r.numpyArray()



def test_the_example_writes_its_images(tmp_path):
    import importlib.util
    import pathlib

    path = pathlib.Path(__file__).resolve().parents[1] / "examples" / "glsl_material.py"
    spec = importlib.util.spec_from_file_location("glsl_material_example", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "glsl.png"
    try:
        module.main(["--out", str(out)])
        render, normals = td.root.op("example/render1"), td.root.op("example/normals1")
        a, n = render.numpyArray(), normals.numpyArray()
    finally:
        if td.root.op("example") is not None:
            td.root.op("example").destroy()
    assert out.stat().st_size > 0 and (tmp_path / "glsl_normals.png").stat().st_size > 0
    centre = n[a.shape[0] // 2, a.shape[1] // 2]
    # the sphere's centre faces the camera: normal (0, 0, 1) encoded as (0.5, 0.5, 1)
    assert np.allclose(centre[:3], [0.5, 0.5, 1.0], atol=0.02) and a[a.shape[0] // 2, a.shape[1] // 2, 3] == 1.0


def test_a_shader_dats_file_expression_destroys_the_mat(net):
    # reading the pixel DAT evaluates its file parameter, which destroys the MAT: an error, no crash
    r, mat, v, p = _scene(net)
    p.par.file.expr = "op('glsl1').destroy() or ''"
    with pytest.raises(td.tdError):
        r.numpyArray()
    assert not mat.valid
    with pytest.raises(td.tdError, match="names no operator"):  # the geometry's material is gone
        r.numpyArray()
    net.op("geo1").par.material = ""
    assert r.numpyArray().shape == (H, W, 4)


def test_a_vertex_dat_expression_replaces_the_pixel_dat(net):
    # the file expression of the vertex DAT destroys the pixel DAT before it is read
    r, mat, v, p = _scene(net)
    v.par.file.expr = "op('p1').destroy() or ''"
    with pytest.raises(td.tdError, match="pdat 'p1' names no DAT"):
        r.numpyArray()


def test_matrix_uniforms_from_an_object_and_a_table(net):
    pixel = """uniform mat4 uM;
uniform mat3 uR;
out vec4 fragColor;
void main() { fragColor = TDOutputSwizzle(vec4(uM[3].xyz / 8.0, uR[0].y)); }
"""
    r, mat, v, p = _scene(net, pixel=pixel)
    xf = net.create(td.nullCOMP, "xf1")
    xf.par.tx, xf.par.ty, xf.par.tz = 1.0, 2.0, 3.0
    mat.par.matrix0name, mat.par.matrix0value = "uM", xf
    mat.par.matrix1name = "uR"  # empty value: the identity, so uR[0].y is 0
    assert np.array_equal(r.numpyArray()[H // 2, W // 2], np.float32([1 / 8, 2 / 8, 3 / 8, 0.0]))
    xf.par.rz = 30.0  # the translation stays; uR from the same object: its first column is (cos, sin, 0)
    mat.par.matrix1value = xf
    got = r.numpyArray()[H // 2, W // 2]
    assert np.allclose(got, [1 / 8, 2 / 8, 3 / 8, math.sin(math.radians(30))], atol=1e-6)
    t = net.create(td.tableDAT, "m1")
    for row in ([1, 0, 0, 4], [0, 1, 0, 2], [0, 0, 1, 6], [0, 0, 0, 1]):
        t.appendRow(row)
    mat.par.matrix0value = "m1"  # rows of the table are the matrix's rows: the translation is column 3
    assert np.allclose(r.numpyArray()[H // 2, W // 2, :3], [4 / 8, 2 / 8, 6 / 8], atol=1e-7)
    t.appendRow([0, 0, 0, 0])
    with pytest.raises(td.tdError, match="matrix0value 'm1' is not a 4 x 4 table"):
        r.numpyArray()
    mat.par.matrix0value = "v1"
    with pytest.raises(td.tdError, match="matrix0value 'v1' is neither an object COMP nor a table DAT"):
        r.numpyArray()



def test_a_sampler_without_a_top_reads_nothing(net):
    # two draws: the first binds its map on sampler 0's unit, the second names no TOP there; under
    # the orthographic camera (4 units over 64 pixels) geo1 covers columns 24..39, geo2 48..55
    m = _map(net)
    pixel = "uniform sampler2D sMap;\nout vec4 fragColor;\nvoid main() { fragColor = TDOutputSwizzle(texture(sMap, vec2(0.25, 0.25))); }\n"
    r, mat, v, p = _scene(net, pixel=pixel, ortho=True)
    mat.par.sampler0name, mat.par.sampler0top = "sMap", m
    mat2 = net.create(td.glslMAT, "glsl2")
    mat2.par.vdat, mat2.par.pdat, mat2.par.sampler0name = "v1", "p1", "sMap"
    geo2 = net.create(td.geometryCOMP, "geo2")
    geo2.create(td.boxSOP)
    geo2.par.tx, geo2.par.sx, geo2.par.sy, geo2.par.sz = 1.25, 0.5, 0.5, 0.5
    geo2.par.material = mat2
    geo2.par.drawpriority = -1  # drawn after geo1
    r.par.geometry = "geo1 geo2"
    row, mapimg = r.numpyArray()[H // 2], m.numpyArray()
    assert np.array_equal(mapimg[MH // 4, MW // 4], np.float32([1, 0, 0, 1]))  # the map's red left half
    assert all(np.array_equal(row[c], np.float32([1, 0, 0, 1])) for c in range(25, 39))
    assert all(np.array_equal(row[c], np.float32([0, 0, 0, 1])) for c in range(49, 55))
    assert not row[42:46].any() and not row[58:].any()


def test_uTDLights_members_with_touchdesigners_names(net):
    """A shader reading uTDLights[0] by TouchDesigner's member names: diffuse is colour * dimmer,
    position the light's world position, attenScaleBiasRoll (-1 / (end - start), end / (end - start),
    rolloff) for an attenuated light."""
    pixel = """out vec4 fragColor;
void main()
{
    vec4 a = uTDLights[0].attenScaleBiasRoll;
    fragColor = TDOutputSwizzle(vec4(uTDLights[0].diffuse.rgb + 0.0 * uTDLights[0].position.xyz,
                                     a.x * 100.0 + a.y * 1000.0));
}
"""
    r, mat, v, p = _scene(net, pixel=pixel)
    light = net.create(td.lightCOMP, "light1")
    light.par.cr, light.par.cg, light.par.cb, light.par.dimmer = 0.2, 0.4, 0.6, 0.5
    light.par.attenuated = True
    light.par.attenuationstart, light.par.attenuationend = 2.0, 6.0
    got = r.numpyArray()[H // 2, W // 2]
    assert np.allclose(got[:3], [0.1, 0.2, 0.3], atol=1e-6)
    assert np.isclose(got[3], (-1 / 4) * 100 + (6 / 4) * 1000, rtol=1e-5)
