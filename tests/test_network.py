"""The network: td.root, td.op(), COMP.create, naming, destroy, parameters and their types."""
import subprocess
import sys

import pytest

import td_render as td

TD_NAMES = ["OP", "COMP", "TOP", "renderTOP", "baseCOMP", "cameraCOMP", "geometryCOMP", "lightCOMP",
            "boxSOP", "sphereSOP", "constantMAT", "phongMAT", "tdError", "root", "op"]


def test_star_import_gives_td_names():
    code = "from td_render import *\nnames = dir()\nprint(sorted(n for n in %r if n not in names))" % TD_NAMES
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_operator_classes_are_c_types_with_td_hierarchy():
    for cls in (td.renderTOP, td.cameraCOMP, td.boxSOP, td.phongMAT):
        assert type(cls) is type and cls.__module__ == "td_render"
        assert not hasattr(cls, "__dict__") or "__init__" not in cls.__dict__
    assert issubclass(td.renderTOP, td.TOP) and issubclass(td.TOP, td.OP)
    assert issubclass(td.cameraCOMP, td.COMP) and issubclass(td.baseCOMP, td.COMP)
    assert issubclass(td.boxSOP, td.OP) and issubclass(td.phongMAT, td.OP)
    with pytest.raises(TypeError):
        td.renderTOP()


def test_root_and_op_lookup(net):
    assert td.root.path == "/" and isinstance(td.root, td.baseCOMP)
    geo = net.create(td.geometryCOMP, "geo1")
    sphere = geo.create(td.sphereSOP)
    assert td.op(net.path + "/geo1") is geo
    assert td.op(net.path + "/geo1/sphere1") is sphere
    assert net.op("geo1/sphere1") is sphere
    assert sphere.op("../geo1") is geo  # relative to the sphere's network (geo1)
    assert net.op("nothing") is None and td.op("/nope/none") is None
    assert td.op("/") is td.root


def test_create_by_class_or_name_and_auto_naming(net):
    a = net.create(td.renderTOP)
    b = net.create("renderTOP")
    c = net.create(td.renderTOP, "render1")  # taken: numbered on
    assert (a.name, b.name, c.name) == ("render1", "render2", "render3")
    assert isinstance(b, td.renderTOP)
    assert net.create(td.cameraCOMP).name == "cam1"
    assert net.create(td.geometryCOMP).name == "geo1"
    assert net.create(td.lightCOMP).name == "light1"
    assert net.create(td.constantMAT).name == "constant1"
    assert net.create(td.phongMAT).name == "phong1"
    assert [o.name for o in net.children] == ["render1", "render2", "render3", "cam1", "geo1", "light1",
                                              "constant1", "phong1"]


def test_op_members(net):
    geo = net.create(td.geometryCOMP, "geo1")
    assert geo.name == "geo1" and geo.path == net.path + "/geo1"
    assert geo.valid and geo.family == "COMP" and geo.OPType == "geometryCOMP" and geo.type == "geometry"
    assert geo.isCOMP and not geo.isTOP and geo.isObject
    r = net.create(td.renderTOP)
    assert r.isTOP and r.family == "TOP" and r.width == 1280 and r.height == 720  # documented default
    assert geo.parent() is net and geo.parent(2) is td.root
    geo.name = "geo9"
    assert net.op("geo9") is geo and geo.path.endswith("/geo9")
    with pytest.raises(ValueError):
        geo.name = "bad name"


def test_destroy_invalidates_every_reference(net):
    geo = net.create(td.geometryCOMP)
    sop = geo.create(td.boxSOP)
    par = geo.par.tx
    geo.destroy()
    assert not geo.valid and not sop.valid
    assert net.numChildren == 0
    for use in (lambda: geo.name, lambda: geo.par, lambda: par.eval(), lambda: sop.par.sizex,
                lambda: geo.create(td.boxSOP), lambda: geo.destroy()):
        with pytest.raises(td.tdError):
            use()
    assert "destroyed" in repr(geo)


def test_parameter_values_and_types(net):
    cam = net.create(td.cameraCOMP)
    assert cam.par.tz == 5 and cam.par.fov == 45 and cam.par.near == 0.1 and cam.par.far == 1000
    assert isinstance(cam.par.tz.eval(), float) and cam.par.tz.val == 5.0
    cam.par.tx = 2
    assert cam.par.tx.eval() == 2.0 and isinstance(cam.par.tx.eval(), float)
    assert cam.par.tx + 1 == 3.0 and cam.par.tx * 2 == 4.0 and -cam.par.tx == -2.0 and float(cam.par.tx) == 2.0
    cam.par['ty'] = 1.5
    assert cam.par.ty == 1.5 and 'ty' in cam.par and 'nope' not in cam.par
    assert cam.par.xord == "srt" and cam.par.xord.menuNames[:2] == ["srt", "str"]
    cam.par.xord = 5
    assert cam.par.xord.eval() == "trs"
    cam.par.xord = "rts"
    assert cam.par.xord.menuIndex == 3
    cam.par.tz.reset()
    assert cam.par.tz.isDefault
    r = net.create(td.renderTOP)
    assert r.par.camera.eval() == "cam1" and r.par.geometry == "geo*" and r.par.lights == "light*"
    r.par.camera = cam
    assert r.par.camera.eval() == cam.path
    r.par.resolutionw = 640.0
    assert r.par.resolutionw.eval() == 640 and isinstance(r.par.resolutionw.eval(), int)
    assert r.width == 640
    names = [p.name for p in cam.par]
    assert {"tx", "ty", "tz", "rx", "ry", "rz", "sx", "sy", "sz", "fov", "near", "far",
            "bgcolorr", "bgcolorg", "bgcolorb", "bgcolora"} <= set(names)


def test_defaults_of_scene_operators(net):
    light = net.create(td.lightCOMP)
    assert (light.par.cr, light.par.cg, light.par.cb, light.par.dimmer) == (1, 1, 1, 1)
    box = net.create(td.geometryCOMP).create(td.boxSOP)
    assert (box.par.sizex, box.par.sizey, box.par.sizez) == (1, 1, 1)
    sphere = net.create(td.geometryCOMP).create(td.sphereSOP)
    assert (sphere.par.radx, sphere.par.rady, sphere.par.radz) == (1, 1, 1)
    const = net.create(td.constantMAT)
    assert (const.par.colorr, const.par.colorg, const.par.colorb, const.par.alpha) == (1, 1, 1, 1)
    phong = net.create(td.phongMAT)
    assert phong.par.shininess == 10 and phong.par.diffr == 1 and phong.par.specr == 1
    cam = net.create(td.cameraCOMP)
    assert (cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora) == (0, 0, 0, 0)


def test_help_works_for_public_types():
    for obj in (td.OP, td.COMP, td.TOP, td.renderTOP, td.cameraCOMP, td.geometryCOMP, td.lightCOMP,
                td.boxSOP, td.sphereSOP, td.constantMAT, td.phongMAT, td.Par, td.ParCollection,
                td.renderTOP.numpyArray, td.renderTOP.save, td.COMP.create, td.OP.destroy, td.glInfo):
        assert obj.__doc__ and len(obj.__doc__) > 20, obj
