"""Par, ParGroup, ParCollection and Page: values, modes, ranges, clamping, menus, groups, pulses."""
import pytest

import td_render as td


# ---- value and mode ----

def test_val_eval_expr_and_mode(net):
    geo = net.create(td.geometryCOMP)
    p = geo.par.tx
    assert p.mode is td.ParMode.CONSTANT and p.expr == "" and p.val == 0.0
    p.val = 2
    assert p.eval() == 2.0 and isinstance(p.eval(), float)
    p.expr = "3 * 4"
    assert p.mode is td.ParMode.EXPRESSION and p.eval() == 12.0
    assert p.val == 2.0  # the constant is kept aside
    assert p + 1 == 13.0 and p == 12.0 and float(p) == 12.0
    geo.par.tx = 5  # assigning a value selects constant mode, as in TouchDesigner
    assert p.mode is td.ParMode.CONSTANT and p.eval() == 5.0 and p.expr == "3 * 4"
    p.mode = td.ParMode.EXPRESSION  # back to the kept expression
    assert p.eval() == 12.0


def test_switching_to_expression_mode_starts_from_the_constant(net):
    cam = net.create(td.cameraCOMP)
    cam.par.fov.mode = td.ParMode.EXPRESSION
    assert cam.par.fov.expr == "45.0" and cam.par.fov.eval() == 45.0
    r = net.create(td.renderTOP)
    r.par.camera.mode = td.ParMode.EXPRESSION
    assert r.par.camera.expr == "'cam1'" and r.par.camera.eval() == "cam1"


def test_export_and_bind_modes_are_reported_but_not_selectable(net):
    p = net.create(td.geometryCOMP).par.tx
    assert [m.name for m in td.ParMode] == ["CONSTANT", "EXPRESSION", "EXPORT", "BIND"]
    for mode in (td.ParMode.EXPORT, td.ParMode.BIND):
        with pytest.raises(td.tdError, match=mode.name):
            p.mode = mode
    assert p.mode is td.ParMode.CONSTANT
    for bad in (1, "EXPRESSION", None):
        with pytest.raises(TypeError):
            p.mode = bad
    with pytest.raises(TypeError):
        p.expr = 5
    with pytest.raises(AttributeError):
        del p.expr


def test_default_is_default_and_reset(net):
    cam = net.create(td.cameraCOMP)
    p = cam.par.tz
    assert p.default == 5.0 and p.isDefault
    p.val = 1
    assert not p.isDefault
    p.expr = "5.0"
    assert not p.isDefault  # expression mode is not the default state, even with the same value
    p.reset()
    assert p.mode is td.ParMode.CONSTANT and p.val == 5.0 and p.isDefault
    assert cam.par.xord.default == "srt" and cam.par.projection.default == "perspective"
    assert net.create(td.renderTOP).par.camera.default == "cam1"
    with pytest.raises(AttributeError):
        p.default = 3


def test_identity_members(net):
    cam = net.create(td.cameraCOMP)
    p = cam.par.tz
    assert (p.name, p.label, p.help, p.owner, p.style) == ("tz", "Translate", "Translate", cam, "Float")
    assert p.page.name == "Xform" and p.page.owner is cam
    assert p.index == [q.name for q in cam.pars()].index("tz") and p.vecIndex == 2
    assert p.parGroup.name == "t" and p.valid
    assert p.isSamePar(cam.par.tz) and not p.isSamePar(cam.par.tx) and not p.isSamePar(5.0)
    assert cam.par.fov.vecIndex == 0 and cam.par.fov.parGroup.name == "fov"


def test_kind_flags_and_styles(net):
    cam = net.create(td.cameraCOMP)
    r = net.create(td.renderTOP)
    cases = [
        (cam.par.tx, "Float", dict(isFloat=1, isNumber=1)),
        (r.par.resolutionw, "Int", dict(isInt=1, isNumber=1)),
        (cam.par.xord, "Menu", dict(isMenu=1)),
        (r.par.camera, "OP", dict(isOP=1, isString=1)),
    ]
    flags = ["isMenu", "isNumber", "isFloat", "isInt", "isToggle", "isString", "isOP", "isPulse", "isMomentary",
             "isPython", "isSequence", "isCustom"]
    for par, style, on in cases:
        assert par.style == style
        for f in flags:
            assert getattr(par, f) is bool(on.get(f)), (par.name, f)
    assert cam.par.tx.enable is True and cam.par.tx.hidden is False
    with pytest.raises(AttributeError):
        cam.par.tx.enable = False


def test_read_only_is_stored_and_persisted(net):
    geo = net.create(td.geometryCOMP)
    geo.par.tx.readOnly = True
    assert geo.par.tx.readOnly is True
    geo.par.tx = 3  # like TouchDesigner: read-only locks the user interface, not scripts
    assert geo.par.tx == 3
    assert geo.__getstate__()["pars"]["tx"]["readOnly"] is True


# ---- ranges and clamping ----

def test_ranges(net):
    r = net.create(td.renderTOP)
    w = r.par.resolutionw
    assert (w.min, w.max, w.clampMin, w.clampMax) == (1.0, 32768.0, True, True)
    cam = net.create(td.cameraCOMP)
    assert (cam.par.tx.normMin, cam.par.tx.normMax, cam.par.tx.clampMin, cam.par.tx.clampMax) == (0, 1, False, False)
    assert (cam.par.xord.min, cam.par.xord.max) == (0, 5)
    for member in ("min", "max", "normMin", "normMax", "clampMin", "clampMax"):
        with pytest.raises(AttributeError):
            setattr(cam.par.tx, member, 1)
    tx = cam.par.tx
    tx.val = 0.25
    assert tx.evalNorm() == 0.25
    with pytest.raises(TypeError):
        cam.par.xord.evalNorm()


def test_clamped_parameters_clamp(net):
    mat = net.create(td.constantMAT)
    a = mat.par.alpha
    assert (a.min, a.max, a.clampMin, a.clampMax) == (0, 1, True, True)
    mat.par.alpha = 2.5
    assert mat.par.alpha == 1.0
    mat.par.alpha = -3
    assert mat.par.alpha == 0.0
    mat.par.alpha.expr = "0.5 + 7"  # expression results clamp too
    assert mat.par.alpha.eval() == 1.0
    phong = net.create(td.phongMAT)
    phong.par.alphafront = 9
    assert phong.par.alphafront == 1.0
    box = net.create(td.containerCOMP)
    box.par.w = -20
    assert box.par.w == 0


def test_rejected_values_leave_the_parameter_unchanged(net):
    r = net.create(td.renderTOP)
    with pytest.raises(ValueError, match="resolutionw"):
        r.par.resolutionw = 0
    r.par.resolutionw.expr = "0"  # an expression out of range fails when evaluated
    with pytest.raises(td.tdError, match="resolutionw"):
        r.par.resolutionw.eval()
    assert r.par.resolutionw.val == 1280


# ---- menus ----

def test_menus(net):
    cam = net.create(td.cameraCOMP)
    p = cam.par.xord
    assert p.menuNames == ["srt", "str", "rst", "rts", "tsr", "trs"]
    assert p.menuLabels[0] == "Scale Rotate Translate" and len(p.menuLabels) == 6
    res = net.create(td.renderTOP).par.outputresolution
    assert res.menuLabels == res.menuNames  # no labels: the tokens
    assert p.menuIndex == 0 and p.menuSource == ""
    p.menuIndex = 5
    assert p == "trs" and p.eval() == "trs"
    p.val = "rts"
    assert p.menuIndex == 3
    p.val = 1
    assert p.eval() == "str"
    with pytest.raises(ValueError, match=r"'srt', 'str', 'rst', 'rts', 'tsr', 'trs'"):
        p.val = "xyz"
    with pytest.raises(ValueError):
        p.menuIndex = 6
    with pytest.raises(TypeError):
        p.menuIndex = "srt"
    with pytest.raises(TypeError):
        cam.par.tx.menuIndex = 0
    assert cam.par.tx.menuIndex is None and cam.par.tx.menuNames == []
    p.expr = "'tsr'"
    assert p.menuIndex == 4


# ---- methods ----

def test_eval_ops(net):
    net.create(td.geometryCOMP, "geo1")
    net.create(td.geometryCOMP, "geo2")
    net.create(td.geometryCOMP, "other")
    r = net.create(td.renderTOP)
    assert [o.name for o in r.par.geometry.evalOPs()] == ["geo1", "geo2"]
    r.par.geometry = "geo* ^geo2"
    assert [o.name for o in r.par.geometry.evalOPs()] == ["geo1"]
    r.par.geometry = "nothing*"
    assert r.par.geometry.evalOPs() == []
    r.par.geometry.expr = "'oth' + 'er'"
    assert [o.name for o in r.par.geometry.evalOPs()] == ["other"]
    assert r.par.resolutionw.evalOPs() == []


def test_eval_expression_ignores_the_mode(net):
    geo = net.create(td.geometryCOMP)
    geo.par.tx.expr = "1 + 1"
    geo.par.tx = 7
    assert geo.par.tx.eval() == 7 and geo.par.tx.evalExpression() == 2
    with pytest.raises(td.tdError, match="no expression"):
        geo.par.ty.evalExpression()


def test_pulse_restores_at_once_or_after_frames(net):
    geo = net.create(td.geometryCOMP)
    box = geo.create(td.boxSOP)
    box.par.sizex = 2
    seen = []
    box.par.sizey.expr = "me.store('seen', me.par.sizex.eval()) and 1"
    box.par.sizex.pulse(9)  # cooks the owner with the pulsed value, then restores
    assert box.fetch("seen") == 9.0 and box.par.sizex == 2
    box.par.sizex.pulse(5, frames=2)
    assert box.par.sizex == 5
    td.advance()
    assert box.par.sizex == 5
    td.advance()
    assert box.par.sizex == 2 and box.par.sizex.mode is td.ParMode.CONSTANT
    box.par.tx.expr = "absTime.frame"
    box.par.tx.pulse(3, seconds=1 / 60)  # one frame at 60 fps
    assert box.par.tx.mode is td.ParMode.CONSTANT and box.par.tx == 3
    td.advance()
    assert box.par.tx.mode is td.ParMode.EXPRESSION and box.par.tx.expr == "absTime.frame"
    with pytest.raises(ValueError):
        box.par.tx.pulse(1, frames=-1)
    with pytest.raises(TypeError):
        box.par.tx.pulse("x")
    del seen


def test_pulse_on_a_destroyed_owner_is_dropped(net):
    geo = net.create(td.geometryCOMP)
    geo.par.tx.pulse(4, frames=1)
    geo.destroy()
    td.advance()  # the due restore of a destroyed operator is skipped, not a crash


# ---- groups ----

def test_parameter_groups(net):
    cam = net.create(td.cameraCOMP)
    g = cam.parGroup.t
    assert (g.name, g.label, len(g), g[2].name, g.owner) == ("t", "Translate", 3, "tz", cam)
    assert g.eval() == (0.0, 0.0, 5.0) and g == (0, 0, 5) and g.default == (0.0, 0.0, 5.0) and g.isDefault
    assert [p.name for p in g] == ["tx", "ty", "tz"] and [p.name for p in g.pars()] == ["tx", "ty", "tz"]
    assert g.page.name == "Xform" and g.style == "Float" and g.index == cam.par.tx.index
    g.val = (1, 2, 3)
    assert cam.par.tz == 3 and not g.isDefault
    cam.parGroup.t = (4, 5, 6)
    assert cam.parGroup["t"].eval() == (4.0, 5.0, 6.0)
    g.expr = ("1", "absTime.frame * 0", "2 + 2")
    assert g.eval() == (1.0, 0.0, 4.0) and g.mode == (td.ParMode.EXPRESSION,) * 3
    g.mode = td.ParMode.CONSTANT
    assert g.eval() == (4.0, 5.0, 6.0)
    g.reset()
    assert g.isDefault
    assert cam.parGroup.bgcolor.eval() == (0.0, 0.0, 0.0, 0.0) and cam.parGroup.fov.eval() == (45.0,)
    r = net.create(td.renderTOP)
    assert r.parGroup.resolution.eval() == (1280, 720) and r.parGroup.aspect.eval() == (16.0, 9.0)
    assert net.create(td.lightCOMP).parGroup.c.eval() == (1.0, 1.0, 1.0)
    assert net.create(td.phongMAT).parGroup.diff.eval() == (1.0, 1.0, 1.0)
    with pytest.raises(IndexError):
        g[3]


def test_group_assignment_checks_every_value_first(net):
    cam = net.create(td.cameraCOMP)
    with pytest.raises(ValueError, match="3 parameters"):
        cam.parGroup.t = (1, 2)
    with pytest.raises(TypeError):
        cam.parGroup.t = (1, "x", 3)
    assert cam.parGroup.t.eval() == (0.0, 0.0, 5.0)  # nothing changed
    with pytest.raises(TypeError):
        cam.parGroup.t.expr = ("1", 2, "3")
    cam.parGroup.t = 7  # one value for all
    assert cam.parGroup.t.eval() == (7.0, 7.0, 7.0)


def test_pars_patterns_and_collections(net):
    cam = net.create(td.cameraCOMP)
    assert [p.name for p in cam.pars("t?")] == ["tx", "ty", "tz"]
    assert [p.name for p in cam.pars("t?", "fov")] == ["tx", "ty", "tz", "fov"]
    assert cam.pars("nothing*") == [] and len(cam.pars()) == len(cam.par) == len(cam.builtinPars)
    assert [g.name for g in cam.parGroups("[trs]")] == ["t", "r", "s"]
    assert cam.parGroups("zz*") == []
    with pytest.raises(TypeError):
        cam.pars(5)
    assert "t" in cam.parGroup and "tx" not in cam.parGroup and "tx" in cam.par
    assert "t" in dir(cam.parGroup) and "tx" in dir(cam.par)
    assert [g.name for g in cam.parGroup][:4] == ["xord", "rord", "t", "r"]
    assert len(cam.parGroup) == len(list(cam.parGroup))
    with pytest.raises(AttributeError, match="no parameter group 'nosuch'"):
        cam.parGroup.nosuch
    with pytest.raises(KeyError):
        cam.parGroup["nosuch"]
    with pytest.raises(AttributeError):
        cam.parGroup.nosuch = 1
    with pytest.raises(TypeError):
        cam.parGroup[3]


def test_pages(net):
    cam = net.create(td.cameraCOMP)
    pages = cam.pages
    assert [p.name for p in pages] == ["Xform", "Pre-Xform", "View", "Settings"]
    assert [p.index for p in pages] == [0, 1, 2, 3]
    assert [p.name for p in pages[3].pars][:5] == ["bgcolorr", "bgcolorg", "bgcolorb", "bgcolora", "premultrgbbyalpha"]
    assert not pages[0].isCustom and pages[0].owner is cam
    cam.currentPage = "Settings"
    assert cam.currentPage == pages[3]
    with pytest.raises(ValueError, match="Xform"):
        cam.currentPage = "Nope"
    with pytest.raises(TypeError):
        cam.currentPage = 1
    assert td.root.pages == [] and td.root.currentPage is None


# ---- destroyed owners ----

def test_views_of_a_destroyed_operator_raise(net):
    cam = net.create(td.cameraCOMP)
    p, g, page = cam.par.tx, cam.parGroup.t, cam.pages[0]
    cam.destroy()
    assert not p.valid and not g.valid
    for use in (lambda: p.eval(), lambda: p.val, lambda: p.expr, lambda: p.mode, lambda: p.name,
                lambda: p.default, lambda: p + 1, lambda: setattr(p, "val", 1), lambda: g.eval(),
                lambda: g.name, lambda: len(g.pars()), lambda: page.owner, lambda: page.pars,
                lambda: p.pulse(), lambda: p.evalOPs()):
        with pytest.raises(td.tdError):
            use()
    assert "destroyed" in repr(p) and "destroyed" in repr(g)


def test_group_modes_are_checked_first(net):
    cam = net.create(td.cameraCOMP)
    cam.parGroup.t.expr = ("1", "2", "3")
    with pytest.raises(td.tdError, match="EXPORT"):
        cam.parGroup.t.mode = (td.ParMode.CONSTANT, td.ParMode.EXPORT, td.ParMode.CONSTANT)
    with pytest.raises(TypeError):
        cam.parGroup.t.mode = (td.ParMode.CONSTANT, 0, td.ParMode.CONSTANT)
    assert cam.parGroup.t.mode == (td.ParMode.EXPRESSION,) * 3  # nothing changed
    cam.parGroup.t.mode = (td.ParMode.CONSTANT, td.ParMode.EXPRESSION, td.ParMode.CONSTANT)
    assert cam.parGroup.t.eval() == (0.0, 2.0, 5.0)
