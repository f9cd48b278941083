"""fileinSOP: an OBJ box written here (quads, normals, uvs in boxSOP's documented 'Face Outside'
layout) renders as boxSOP does; counts, bounds, uvs, normals and primitives follow the file;
the file is read again when it changes; hostile files are clear errors on the SOP."""
import itertools
import os

import numpy as np
import pytest

import td_render as td

# Per face of an axis-aligned box: outward normal, then the directions u and v grow in, with
# u x v = normal (boxSOP's 'Face Outside' layout, documented in src/geom/box.c).
FACES = [((1, 0, 0), (0, 0, -1), (0, 1, 0)), ((-1, 0, 0), (0, 0, 1), (0, 1, 0)),
         ((0, 1, 0), (1, 0, 0), (0, 0, -1)), ((0, -1, 0), (1, 0, 0), (0, 0, 1)),
         ((0, 0, 1), (1, 0, 0), (0, 1, 0)), ((0, 0, -1), (-1, 0, 0), (0, 1, 0))]
UV_CORNERS = [(0, 0), (1, 0), (1, 1), (0, 1)]  # counter-clockwise seen from outside


def box_obj(size, center=(0.0, 0.0, 0.0), normals=True, uvs=True):
    """OBJ text of a box: 8 shared positions, 4 texture vertices, 6 normals, 6 quads."""
    corners = list(itertools.product((-1, 1), repeat=3))
    lines = ["# a box of size %r" % (size,), "o box"]
    lines += ["v %r %r %r" % tuple(center[k] + s[k] * size[k] / 2 for k in range(3)) for s in corners]
    lines += ["vt %r %r" % uv for uv in UV_CORNERS]
    lines += ["vn %d %d %d" % n for n, _, _ in FACES]
    for f, (n, u, v) in enumerate(FACES):
        assert tuple(np.cross(u, v)) == n  # the layout's own rule
        refs = []
        for c, (cu, cv) in enumerate(UV_CORNERS):
            s = tuple(n[k] + (2 * cu - 1) * u[k] + (2 * cv - 1) * v[k] for k in range(3))
            ref = str(corners.index(s) + 1)
            if uvs or normals:
                ref += "/" + (str(c + 1) if uvs else "")
            if normals:
                ref += "/" + str(f + 1)
            refs.append(ref)
        lines.append("f " + " ".join(refs))
    return "\n".join(lines) + "\n"


def write(path, text):
    with open(path, "w") as f:
        f.write(text)
    return str(path)


def bump_mtime(path, seconds=1):
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + seconds * 1_000_000_000))


def uv_image(net, n=64):
    """A float image whose red and green are its texture coordinates u and v at texel centres."""
    src = net.create(td.scriptTOP, "uvimage")
    src.par.format = "rgba32float"
    xs = (np.arange(n) + 0.5) / n
    a = np.zeros((n, n, 4), np.float32)
    a[..., 0], a[..., 1], a[..., 3] = xs[None, :], xs[:, None], 1
    src.copyNumpyArray(a)
    return src


def lit_scene(net, mat=None):
    geo = net.create(td.geometryCOMP, "geo1")
    geo.par.rx, geo.par.ry = 25, 35  # three faces in view
    if mat is None:
        mat = net.create(td.phongMAT, "phong1")
        mat.par.diffr, mat.par.diffg, mat.par.diffb = 0.8, 0.5, 0.3
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.bgcolora = 1.0
    light = net.create(td.lightCOMP, "light1")
    light.par.tx, light.par.ty, light.par.tz = 2, 3, 5
    render = net.create(td.renderTOP, "render1")
    render.par.resolutionw, render.par.resolutionh = 160, 120
    return geo, render


def only(geo, sop):
    """Renders only sop of geo."""
    for child in geo.children:
        child.render = child is sop


def near_edge(mask):
    """Pixels within one pixel (8-neighbourhood) of a change in mask."""
    m = np.pad(mask, 1, mode="edge")
    out = np.zeros_like(mask)
    for dy, dx in itertools.product((-1, 0, 1), repeat=2):
        out |= m[1 + dy:1 + dy + mask.shape[0], 1 + dx:1 + dx + mask.shape[1]] != mask
    return out


def assert_same_render(a, b, bg):
    ma, mb = np.any(a != bg, axis=-1), np.any(b != bg, axis=-1)
    assert ma.sum() > 1000, "the box is not in view: bad test geometry"
    differ = ma != mb
    assert not (differ & ~near_edge(ma)).any(), "the silhouettes differ away from their edges"
    inside = ma & mb & ~near_edge(ma)
    assert np.abs(a[inside] - b[inside]).max() <= 2 / 255


@pytest.mark.parametrize("size", [(1.0, 1.0, 1.0), (1.5, 0.75, 2.0)])
def test_obj_box_renders_like_box_sop(net, tmp_path, size):
    geo, render = lit_scene(net)
    box = geo.create(td.boxSOP, "box1")
    box.par.sizex, box.par.sizey, box.par.sizez = size
    filein = geo.create(td.fileinSOP, "filein1")
    filein.par.file = write(tmp_path / "box.obj", box_obj(size))
    bg = np.array([0, 0, 0, 1], np.float32)
    only(geo, box)
    want = render.numpyArray()
    only(geo, filein)
    got = render.numpyArray()
    assert_same_render(want, got, bg)


def test_obj_box_textured_like_box_sop(net, tmp_path):
    mat = net.create(td.constantMAT, "constant1")
    mat.par.colormap = uv_image(net)
    geo, render = lit_scene(net, mat)
    box = geo.create(td.boxSOP, "box1")
    filein = geo.create(td.fileinSOP, "filein1")
    filein.par.file = write(tmp_path / "box.obj", box_obj((1.0, 1.0, 1.0)))
    only(geo, box)
    want = render.numpyArray()
    only(geo, filein)
    got = render.numpyArray()
    assert_same_render(want, got, np.array([0, 0, 0, 1], np.float32))


def test_counts_and_bounds_follow_the_file(net, tmp_path):
    geo = net.create(td.geometryCOMP)
    f = geo.create(td.fileinSOP)
    size, center = (3.0, 0.5, 1.25), (1.0, -2.0, 0.5)
    f.par.file = write(tmp_path / "box.obj", box_obj(size, center))
    # every position is used by 3 faces, each with its own normal: 8 * 3 distinct (v, vt, vn) corners
    assert (f.numPoints, f.numPrims, f.numVertices) == (24, 6, 24)
    b = f.computeBounds()
    assert tuple(b.min) == tuple(c - s / 2 for c, s in zip(center, size))
    assert tuple(b.max) == tuple(c + s / 2 for c, s in zip(center, size))
    # without normals and uvs the corners share their positions: 8 points
    f.par.file = write(tmp_path / "plain.obj", box_obj(size, center, normals=False, uvs=False))
    assert (f.numPoints, f.numPrims, f.numVertices) == (8, 6, 24)


def test_uvs_are_the_files(net, tmp_path):
    """A quad filling an orthographic view with uvs (0.25..0.75, 0.25..0.75) over a texture whose
    red and green are its own texture coordinates shows those uvs."""
    mat = net.create(td.constantMAT)
    mat.par.colormap = uv_image(net)
    geo = net.create(td.geometryCOMP)
    geo.par.material = mat
    f = geo.create(td.fileinSOP)
    f.par.file = write(tmp_path / "quad.obj", "v -1 -1 0\nv 1 -1 0\nv 1 1 0\nv -1 1 0\n"
                       "vt 0.25 0.25\nvt 0.75 0.25\nvt 0.75 0.75\nvt 0.25 0.75\nf 1/1 2/2 3/3 4/4\n")
    cam = net.create(td.cameraCOMP)
    cam.par.projection, cam.par.orthowidth = "ortho", 2
    render = net.create(td.renderTOP)
    render.par.format = "rgba32float"
    render.par.resolutionw = render.par.resolutionh = 32
    img = render.numpyArray()
    px = (np.arange(32) + 0.5) / 32  # pixel centres across the quad, 0..1
    want_u = 0.25 + 0.5 * px
    # linear texture sampling of a ramp that is linear between texel centres gives the uv itself
    assert np.abs(img[16, 4:28, 0] - want_u[4:28]).max() < 1e-3
    assert np.abs(img[4:28, 16, 1] - want_u[4:28]).max() < 1e-3
    assert f.numPoints == 4 and f.numPrims == 1 and f.numVertices == 4


def test_quads_lines_groups_relative_indices_colours(net, tmp_path):
    geo = net.create(td.geometryCOMP)
    f = geo.create(td.fileinSOP)
    text = ("mtllib scene.mtl\nv 0 0 0 1 0 0\nv 1 0 0 0 1 0\nv 1 1 0 0 0 1\nv 0 1 0\n"
            "g first\nusemtl red\ns 1\nf -4 -3 -2 -1\n"
            "o second\nf 1 2 \\\n 3\nl 1 2 3 4 1  # a closed outline as a polyline\n"
            "v 5 5 5\n")
    f.par.file = write(tmp_path / "mixed.obj", text)
    # one quad, one triangle (over the continued line), one polyline of 5; the unused 5th
    # position is a point of its own
    assert (f.numPrims, f.numVertices, f.numPoints) == (3, 4 + 3 + 5, 5)
    b = f.computeBounds()
    assert tuple(b.min) == (0, 0, 0) and tuple(b.max) == (5, 5, 5)


def test_missing_normals_are_computed(net, tmp_path):
    """A quad facing +x without normals lights like one whose file gives the normal +x; with
    'normals' off it gets the default normal (0, 0, 1) and lights differently."""
    quad = "v 0 -1 1\nv 0 -1 -1\nv 0 1 -1\nv 0 1 1\n"
    mat = net.create(td.phongMAT)
    geo = net.create(td.geometryCOMP)
    geo.par.material = mat
    f = geo.create(td.fileinSOP)
    cam = net.create(td.cameraCOMP)
    cam.par.tx, cam.par.tz, cam.par.ry = 5, 0, 90  # looking down -x at the quad
    light = net.create(td.lightCOMP)
    light.par.tx, light.par.ty = 3, 2
    render = net.create(td.renderTOP)
    render.par.resolutionw = render.par.resolutionh = 32
    f.par.file = write(tmp_path / "given.obj", quad + "vn 1 0 0\nf 1//1 2//1 3//1 4//1\n")
    given = render.numpyArray()[16, 16].copy()
    assert given[:3].max() > 0.1, "the quad is not in view or not lit: bad test geometry"
    f.par.file = write(tmp_path / "none.obj", quad + "f 1 2 3 4\n")
    assert np.abs(render.numpyArray()[16, 16] - given).max() <= 1 / 255
    f.par.normals = False
    assert np.abs(render.numpyArray()[16, 16] - given).max() > 0.05


def test_flipfacing_reverses_the_facing(net, tmp_path):
    mat = net.create(td.constantMAT)
    mat.par.cullface = "backfaces"
    geo = net.create(td.geometryCOMP)
    geo.par.material = mat
    f = geo.create(td.fileinSOP)
    f.par.file = write(tmp_path / "quad.obj", "v -1 -1 0\nv 1 -1 0\nv 1 1 0\nv -1 1 0\nf 1 2 3 4\n")
    net.create(td.cameraCOMP)
    render = net.create(td.renderTOP)
    render.par.resolutionw = render.par.resolutionh = 16
    assert np.all(render.numpyArray()[8, 8] == 1)  # facing the camera: drawn white
    f.par.flipfacing = True
    assert np.all(render.numpyArray()[8, 8] == 0)  # facing away: culled


def test_reads_again_when_the_file_changes(net, tmp_path):
    geo = net.create(td.geometryCOMP)
    f = geo.create(td.fileinSOP)
    path = write(tmp_path / "live.obj", box_obj((1.0, 1.0, 1.0)))
    f.par.file = path
    assert f.computeBounds().max.x == 0.5
    write(path, box_obj((4.0, 1.0, 1.0)))
    bump_mtime(path)
    assert f.computeBounds().max.x == 2.0
    # the same version (time and size) is not read again: junk of the same size stays unread
    st = os.stat(path)
    write(path, "x" * st.st_size)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert f.computeBounds().max.x == 2.0 and not f.errors()
    # refresh off: a change is seen only on refreshpulse
    f.par.refresh = False
    write(path, box_obj((6.0, 1.0, 1.0)))
    bump_mtime(path, 2)
    assert f.computeBounds().max.x == 2.0
    f.par.refreshpulse.pulse()
    assert f.computeBounds().max.x == 3.0
    # and on a change of the parameters the mesh is made from
    write(path, box_obj((8.0, 1.0, 1.0)))
    bump_mtime(path, 3)
    f.par.flipfacing = True
    assert f.computeBounds().max.x == 4.0


def test_a_render_shows_the_changed_file(net, tmp_path):
    geo, render = lit_scene(net)
    f = geo.create(td.fileinSOP)
    path = write(tmp_path / "box.obj", box_obj((0.5, 0.5, 0.5)))
    f.par.file = path
    small = np.any(render.numpyArray()[..., :3] > 0, axis=-1).sum()
    write(path, box_obj((1.5, 1.5, 1.5)))
    bump_mtime(path)
    td.advance()  # the next frame's render cooks the SOP, which reads the new file
    big = np.any(render.numpyArray()[..., :3] > 0, axis=-1).sum()
    assert big > 4 * small  # 9 times the projected area, nearly


HOSTILE = [
    ("truncated_vertex", "v 0 0 0\nv 1 0 0\nv 1 1", r"line 3: v needs 3 numbers, it has 2"),
    ("truncated_face", "v 0 0 0\nv 1 0 0\nv 1 1 0\nf 1 2", r"line 4: f needs at least 3 vertices, it has 2"),
    ("huge_index", "v 0 0 0\nv 1 0 0\nv 1 1 0\nf 1 2 99999999999999999999999",
     r"line 4: f: vertex index 99999999999999999\d* is out of range \(3 defined before it\)"),
    ("index_zero", "v 0 0 0\nv 1 0 0\nv 1 1 0\n\nf 0 1 2\n", r"line 5: f: vertex index 0"),
    ("relative_too_far", "v 0 0 0\nv 1 0 0\nf -1 -2 -3\n", r"line 3: f: vertex index -3 is out of range"),
    ("bad_uv_index", "v 0 0 0\nv 1 0 0\nv 1 1 0\nvt 0 0\nf 1/1 2/2 3/1\n",
     r"line 5: f: texture vertex index 2 is out of range \(1 defined"),
    ("nan", "v 0 0 0\nv nan 0 0\n", r"line 2: v: 'nan' is not a finite number"),
    ("overflow", "v 0 0 1e39\n", r"line 1: v: '1e39' is not a finite number"),
    ("not_a_number", "vn 0 0 zero\n", r"line 1: vn: 'zero' is not a number"),
    ("bad_reference", "v 0 0 0\nv 1 0 0\nv 1 1 0\nf 1/ 2 3\n", r"line 4: f: '1/' is not a vertex reference"),
    ("unknown", "v 0 0 0\nbogus 1 2\n", r"line 2: unknown statement 'bogus'"),
    ("nul_byte", "v 0 0 0\nv 1\x002 3\n", r"line 2: a NUL byte"),
]


@pytest.mark.parametrize("name,text,message", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_files_are_errors_naming_the_line(net, tmp_path, name, text, message):
    geo = net.create(td.geometryCOMP, "geo1")
    f = geo.create(td.fileinSOP, "filein1")
    f.par.file = write(tmp_path / (name + ".obj"), text)
    with pytest.raises(td.tdError, match=r"geo1/filein1: geometry file '.*%s\.obj': %s" % (name, message)):
        f.numPoints
    assert name + ".obj" in f.errors()
    # a render of it fails with the same error, not a crash
    net.create(td.cameraCOMP)
    render = net.create(td.renderTOP)
    with pytest.raises(td.tdError, match=message):
        render.numpyArray()
    # the file mended, the SOP reads it
    write(tmp_path / (name + ".obj"), "v 0 0 0\nv 1 0 0\nv 1 1 0\nf 1 2 3\n")
    bump_mtime(str(tmp_path / (name + ".obj")))
    assert f.numPrims == 1 and not f.errors()


def test_binary_junk_and_garbage_lines(net, tmp_path):
    geo = net.create(td.geometryCOMP)
    f = geo.create(td.fileinSOP)
    rng = np.random.default_rng(5)
    junk = rng.integers(0, 256, 100_000, dtype=np.uint8).tobytes()
    (tmp_path / "junk.obj").write_bytes(junk)
    f.par.file = str(tmp_path / "junk.obj")
    with pytest.raises(td.tdError, match=r"junk\.obj': line \d+: (a NUL byte|unknown statement)"):
        f.numPoints
    # a million faces of garbage: the first is the error
    garbage = "v 0 0 0\n" + "f 1 2 x\n" * 1_000_000
    f.par.file = write(tmp_path / "garbage.obj", garbage)
    with pytest.raises(td.tdError, match=r"line 2: f: vertex index 2 is out of range \(1 defined"):
        f.numPoints


def test_a_million_faces(net, tmp_path):
    geo = net.create(td.geometryCOMP)
    f = geo.create(td.fileinSOP)
    rng = np.random.default_rng(7)
    nv, nf = 1000, 1_000_000
    pts = rng.uniform(-1, 1, (nv, 3))
    block = "".join("f %d %d %d\n" % tuple(t) for t in rng.integers(1, nv + 1, (1000, 3)))
    with open(tmp_path / "big.obj", "w") as out:
        out.write("".join("v %r %r %r\n" % tuple(map(float, p)) for p in pts))
        out.write(block * (nf // 1000))
    f.par.file = str(tmp_path / "big.obj")
    assert (f.numPrims, f.numVertices) == (nf, 3 * nf)
    assert f.numPoints == nv  # no uvs or normals: one point a position
    b = f.computeBounds()
    assert tuple(b.min) == tuple(pts.min(axis=0).astype(np.float32))


def test_files_that_are_not_there(net, tmp_path):
    geo = net.create(td.geometryCOMP, "geo1")
    f = geo.create(td.fileinSOP, "filein1")
    assert f.numPoints == 0 and not f.errors() and not f.warnings()  # no file: no geometry
    f.par.file = str(tmp_path / "missing.obj")
    with pytest.raises(td.tdError, match=r"filein1: cannot open geometry file '.*missing\.obj': No such file"):
        f.numPoints
    assert "missing.obj" in f.errors()
    f.par.file = str(tmp_path)
    with pytest.raises(td.tdError, match=r"is not a regular file \(a folder\)"):
        f.numPoints
    f.par.file = write(tmp_path / "model.ply", "ply\n")
    with pytest.raises(td.tdError, match=r"\.ply files are not read \(Wavefront \.obj only\)"):
        f.numPoints
    f.par.file = write(tmp_path / "empty.obj", "")
    assert f.numPoints == 0 and not f.errors() and "no geometry" in f.warnings()


def test_path_relative_to_the_working_folder(net, tmp_path, monkeypatch):
    write(tmp_path / "rel.obj", "v 0 0 0\nv 2 0 0\nv 2 2 0\nf 1 2 3\n")
    monkeypatch.chdir(tmp_path)
    geo = net.create(td.geometryCOMP)
    f = geo.create(td.fileinSOP)
    f.par.file = "rel.obj"
    assert f.numPrims == 1 and f.computeBounds().max.x == 2.0


def test_parameters_are_touchdesigners(net):
    f = net.create(td.geometryCOMP).create(td.fileinSOP)
    names = [p.name for p in f.pars()]
    assert names[:5] == ["file", "flipfacing", "normals", "refresh", "refreshpulse"]
    assert f.par.file.label == "Geometry File" and f.par.normals.label == "Compute Normals if None Exist"
    assert (f.par.flipfacing.eval(), f.par.normals.eval(), f.par.refresh.eval()) == (False, True, True)
    assert f.par.refreshpulse.isPulse


def test_destroyed_while_another_thread_reads(net, tmp_path):
    """The file is read with the GIL released: destroying the SOP meanwhile makes that read a
    tdError (or, if it finished first, a result), never a crash."""
    import threading
    import time

    rng = np.random.default_rng(3)
    block = "".join("f %d %d %d\n" % tuple(t) for t in rng.integers(1, 101, (1000, 3)))
    path = tmp_path / "big.obj"
    with open(path, "w") as out:
        out.write("v 0 0 0\n" * 100 + block * 500)
    for delay in (0.0, 0.01, 0.05):
        f = net.create(td.geometryCOMP).create(td.fileinSOP)
        f.par.file = str(path)
        outcome = []

        def read():
            try:
                outcome.append(f.numPrims)
            except td.tdError as e:
                outcome.append(str(e))

        t = threading.Thread(target=read)
        t.start()
        time.sleep(delay)
        f.destroy()
        t.join(60)
        assert not t.is_alive() and len(outcome) == 1
        assert outcome[0] == 500_000 or "destroyed" in outcome[0] or "reset" in outcome[0], outcome
