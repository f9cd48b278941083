"""Bad input gets a clear Python exception, never a crash or a hang."""
import math
import re

import pytest

import td_render as td


def test_unknown_parameter_names(net):
    r = net.create(td.renderTOP)
    with pytest.raises(AttributeError, match="renderTOP has no parameter 'nosuch'"):
        r.par.nosuch
    with pytest.raises(AttributeError, match="nosuch"):
        r.par.nosuch = 1
    with pytest.raises(KeyError):
        r.par['nosuch']
    with pytest.raises(TypeError):
        r.par[3]
    with pytest.raises(AttributeError):
        r.nosuchmember


@pytest.mark.parametrize("par,value", [
    ("tx", "a"), ("tx", None), ("tx", [1]), ("fov", object()), ("xord", 1.5), ("xord", None),
])
def test_wrong_types_for_camera(net, par, value):
    cam = net.create(td.cameraCOMP)
    with pytest.raises(TypeError):
        cam.par[par] = value


def test_wrong_types_for_render(net):
    r = net.create(td.renderTOP)
    for par, value in [("camera", 5), ("camera", 1.0), ("geometry", ["geo1"]), ("resolutionw", "100"),
                       ("resolutionh", None)]:
        with pytest.raises(TypeError):
            r.par[par] = value
    cam = net.create(td.cameraCOMP)
    with pytest.raises(TypeError):
        net.create(td.geometryCOMP).par.material = cam.par  # a ParCollection is not an OP


@pytest.mark.parametrize("value", [0, -1, -640, 32769, 10**30])
def test_bad_resolution_values(net, value):
    r = net.create(td.renderTOP)
    with pytest.raises(ValueError, match="resolutionw"):
        r.par.resolutionw = value
    assert r.par.resolutionw == 1280  # unchanged


def test_resolution_beyond_gl_limit(net):
    limit = td.glInfo()["max_texture_size"]
    if limit >= 32768:
        # The parameter's own cap (32768) binds first: rejected when set.
        with pytest.raises(ValueError, match="resolutionw"):
            net.create(td.renderTOP).par.resolutionw = limit + 1
        return
    net.create(td.geometryCOMP).create(td.boxSOP)
    net.create(td.cameraCOMP)
    r = net.create(td.renderTOP)
    r.par.resolutionw, r.par.resolutionh = limit + 1, 4
    with pytest.raises(ValueError, match="limit"):
        r.numpyArray()
    r.par.resolutionw = 8
    assert r.numpyArray().shape == (4, 8, 4)  # recovers


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_non_finite_floats(net, value):
    cam = net.create(td.cameraCOMP)
    with pytest.raises(ValueError):
        cam.par.tx = value
    assert cam.par.tx == 0


def test_menu_values(net):
    cam = net.create(td.cameraCOMP)
    with pytest.raises(ValueError, match="srt"):
        cam.par.xord = "bogus"
    with pytest.raises(ValueError):
        cam.par.xord = 6
    with pytest.raises(ValueError):
        cam.par.xord = -1


def test_camera_that_names_nothing(net):
    net.create(td.geometryCOMP).create(td.boxSOP)
    r = net.create(td.renderTOP)
    r.par.camera = "nocam7"
    with pytest.raises(td.tdError, match="nocam7"):
        r.numpyArray()
    with pytest.raises(td.tdError, match="nocam7"):
        r.save("never.png")
    # a non-camera OP named by the parameter is not a camera either
    net.create(td.constantMAT, "nocam7")
    with pytest.raises(td.tdError, match="nocam7"):
        r.numpyArray()


def test_material_that_names_nothing_or_not_a_mat(net):
    geo = net.create(td.geometryCOMP)
    geo.create(td.boxSOP)
    net.create(td.cameraCOMP)
    r = net.create(td.renderTOP)
    r.par.resolutionw = r.par.resolutionh = 16
    geo.par.material = "phong404"
    with pytest.raises(td.tdError, match="phong404"):
        r.numpyArray()
    geo.par.material = "cam1"
    with pytest.raises(td.tdError, match="not a MAT"):
        r.numpyArray()
    geo.par.material = ""
    assert r.numpyArray().shape == (16, 16, 4)


def test_bad_camera_parameters(net):
    net.create(td.cameraCOMP)
    r = net.create(td.renderTOP)
    r.par.resolutionw = r.par.resolutionh = 8
    cam = net.op("cam1")
    cam.par.near, cam.par.far = 10, 1
    with pytest.raises(td.tdError, match="near"):
        r.numpyArray()
    cam.par.near, cam.par.far = 0.1, 100
    cam.par.fov = 180
    with pytest.raises(td.tdError, match="fov"):
        r.numpyArray()
    cam.par.fov = 45
    cam.par.sx = 0  # singular: no view matrix
    with pytest.raises(td.tdError, match="singular"):
        r.numpyArray()


def test_create_errors(net):
    with pytest.raises(ValueError, match="nosuchTOP"):
        net.create("nosuchTOP")
    with pytest.raises(TypeError):
        net.create(5)
    with pytest.raises(TypeError):
        net.create(int)
    with pytest.raises(TypeError):
        net.create(td.TOP)  # abstract
    for bad in ("", "a b", "x/y", "na\u00efve", "a.b"):
        with pytest.raises(ValueError):
            net.create(td.renderTOP, bad)
    with pytest.raises(TypeError):
        net.create(td.renderTOP, 7)
    assert net.numChildren == 0


def test_root_cannot_be_destroyed_or_renamed():
    with pytest.raises(td.tdError):
        td.root.destroy()
    with pytest.raises(td.tdError):
        td.root.name = "x"
    assert td.root.valid


def test_save_bad_paths(net, tmp_path):
    net.create(td.geometryCOMP).create(td.boxSOP)
    net.create(td.cameraCOMP)
    r = net.create(td.renderTOP)
    r.par.resolutionw = r.par.resolutionh = 8
    with pytest.raises(ValueError, match=".png"):
        r.save(str(tmp_path / "x.gif"))
    with pytest.raises(OSError, match="missing"):
        r.save(str(tmp_path / "missing" / "x.png"))
    assert not (tmp_path / "missing").exists()
    with pytest.raises(TypeError):
        r.save(5)
    for q in (-0.1, 1.5, math.nan):
        with pytest.raises(ValueError, match="quality"):
            r.save(str(tmp_path / "q.png"), quality=q)
    assert list(tmp_path.iterdir()) == []


def test_flag_arguments_take_booleans_only(box_scene, tmp_path):
    import numpy as np
    r = box_scene["render"]
    for bad in ("yes", None, 1.0, [1]):
        with pytest.raises(TypeError):
            r.numpyArray(delayed=bad)
        with pytest.raises(TypeError):
            r.numpyArray(writable=bad)
        with pytest.raises(TypeError):
            r.save(str(tmp_path / "x.png"), asynchronous=bad)
        with pytest.raises(TypeError):
            r.save(str(tmp_path / "x.png"), createFolders=bad)
    assert r.numpyArray(delayed=np.bool_(False), writable=1).shape == (240, 320, 4)
    assert list(tmp_path.iterdir()) == []


def test_value_conversion_that_destroys_the_operator(net):
    # __float__ runs Python code between the check that the OP exists and the store of the value:
    # destroying the OP there used to write the value into freed memory (heap-use-after-free).
    cam = net.create(td.cameraCOMP)

    class Destroys:
        def __float__(self):
            cam.destroy()
            return 1.0

    with pytest.raises(td.tdError, match="destroyed"):
        cam.par.tx = Destroys()
    assert not cam.valid


@pytest.mark.parametrize("value,shown", [(-0.5, "-0.5"), (-1e300, "-1e+300")])
def test_range_error_names_the_value(net, value, shown):
    # The value used to be cast to long long for the message: -0.5 showed as 0, and -1e300 was
    # undefined behaviour (UBSan: float-cast-overflow).
    mat = net.create(td.phongMAT)
    with pytest.raises(ValueError, match=re.escape("at least 0.0, not %s" % shown)):
        mat.par.shininess = value
    assert mat.par.shininess == 10


def test_str_subclasses_are_stored_as_str(net):
    # A str subclass's own methods (here a raising __eq__/__hash__/__repr__) must not travel into
    # the network: names and string parameters keep an exact str copy.
    class Hostile(str):
        def __eq__(self, other):
            raise RuntimeError("__eq__ ran")

        __hash__ = __repr__ = __eq__

    geo = net.create(td.geometryCOMP, Hostile("geo1"))
    assert type(geo.name) is str and geo.name == "geo1"
    geo.name = Hostile("geo2")
    assert type(geo.name) is str and geo.name == "geo2"
    r = net.create(td.renderTOP)
    r.par.camera = Hostile("cam1")
    r.par.geometry = Hostile("geo*")
    assert type(r.par.camera.eval()) is str and r.par.camera == "cam1"
    assert type(r.par.geometry.eval()) is str and r.par.geometry.isDefault


@pytest.mark.parametrize("par", ["tx", "resolutionw", "xord"])
def test_numbers_beyond_a_double_are_out_of_range(net, par):
    # PyFloat_AsDouble(10**400) raises OverflowError; parameters promise ValueError for values out
    # of range (README "Errors").
    op = net.create(td.renderTOP if par == "resolutionw" else td.cameraCOMP)
    before = op.par[par].eval()
    for value in (10**400, -10**400):
        with pytest.raises(ValueError):
            op.par[par] = value
    assert op.par[par].eval() == before
