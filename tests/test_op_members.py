"""OP members: general, type, appearance and viewers, on every operator type; families and
containerCOMP; read-only members refuse assignment; help() works on every new type and method."""
import inspect
import os

import pytest

import td_render as td

TYPES = {
    # class: (type, family, label, subType, isFilter, minInputs, maxInputs)
    td.baseCOMP: ("base", "COMP", "Base", "", False, 0, 0),
    td.containerCOMP: ("container", "COMP", "Container", "panel", False, 0, 0),
    td.cameraCOMP: ("camera", "COMP", "Camera", "object", False, 0, 0),
    td.geometryCOMP: ("geometry", "COMP", "Geometry", "object", False, 0, 0),
    td.lightCOMP: ("light", "COMP", "Light", "object", False, 0, 0),
    td.ambientlightCOMP: ("ambientlight", "COMP", "Ambient Light", "object", False, 0, 0),
    td.environmentlightCOMP: ("environmentlight", "COMP", "Environment Light", "object", False, 0, 0),
    td.nullCOMP: ("null", "COMP", "Null", "object", False, 0, 0),
    td.renderTOP: ("render", "TOP", "Render", "", False, 0, 0),
    td.renderpassTOP: ("renderpass", "TOP", "Render Pass", "", False, 0, 1),
    td.depthTOP: ("depth", "TOP", "Depth", "", False, 0, 1),
    td.renderselectTOP: ("renderselect", "TOP", "Render Select", "", False, 0, 0),
    td.constantTOP: ("constant", "TOP", "Constant", "", False, 0, 1),
    td.nullTOP: ("null", "TOP", "Null", "", True, 1, 1),
    td.levelTOP: ("level", "TOP", "Level", "", True, 1, 1),
    td.compositeTOP: ("composite", "TOP", "Composite", "", True, 1, 16),
    td.scriptTOP: ("script", "TOP", "Script", "", False, 0, 16),
    td.flipTOP: ("flip", "TOP", "Flip", "", True, 1, 1),
    td.transformTOP: ("transform", "TOP", "Transform", "", True, 1, 1),
    td.resolutionTOP: ("resolution", "TOP", "Resolution", "", True, 1, 1),
    td.blurTOP: ("blur", "TOP", "Blur", "", True, 1, 1),
    td.selectTOP: ("select", "TOP", "Select", "", False, 0, 1),
    td.inTOP: ("in", "TOP", "In", "", True, 1, 1),
    td.outTOP: ("out", "TOP", "Out", "", True, 1, 1),
    td.rampTOP: ("ramp", "TOP", "Ramp", "", False, 0, 1),
    td.noiseTOP: ("noise", "TOP", "Noise", "", False, 0, 1),
    td.moviefileinTOP: ("moviefilein", "TOP", "Movie File In", "", False, 0, 0),
    td.glslTOP: ("glsl", "TOP", "GLSL", "", False, 0, 16),
    td.boxSOP: ("box", "SOP", "Box", "", False, 0, 1),
    td.sphereSOP: ("sphere", "SOP", "Sphere", "", False, 0, 1),
    td.gridSOP: ("grid", "SOP", "Grid", "", False, 0, 1),
    td.rectangleSOP: ("rectangle", "SOP", "Rectangle", "", False, 0, 1),
    td.circleSOP: ("circle", "SOP", "Circle", "", False, 0, 1),
    td.lineSOP: ("line", "SOP", "Line", "", False, 0, 1),
    td.torusSOP: ("torus", "SOP", "Torus", "", False, 0, 1),
    td.tubeSOP: ("tube", "SOP", "Tube", "", False, 0, 1),
    td.fileinSOP: ("filein", "SOP", "File In", "", False, 0, 0),
    td.scriptSOP: ("script", "SOP", "Script", "", False, 0, 64),
    td.nullSOP: ("null", "SOP", "Null", "", True, 1, 1),
    td.inSOP: ("in", "SOP", "In", "", True, 1, 1),
    td.outSOP: ("out", "SOP", "Out", "", True, 1, 1),
    td.transformSOP: ("transform", "SOP", "Transform", "", True, 1, 2),
    td.mergeSOP: ("merge", "SOP", "Merge", "", True, 1, 64),
    td.noiseSOP: ("noise", "SOP", "Noise", "", True, 1, 1),
    td.constantMAT: ("constant", "MAT", "Constant", "", False, 0, 0),
    td.phongMAT: ("phong", "MAT", "Phong", "", False, 0, 0),
    td.pbrMAT: ("pbr", "MAT", "PBR", "", False, 0, 0),
    td.glslMAT: ("glsl", "MAT", "GLSL", "", False, 0, 0),
    td.wireframeMAT: ("wireframe", "MAT", "Wireframe", "", False, 0, 0),
    td.textDAT: ("text", "DAT", "Text", "", False, 0, 0),
    td.tableDAT: ("table", "DAT", "Table", "", False, 0, 0),
    td.renderpickDAT: ("renderpick", "DAT", "Render Pick", "", False, 0, 1),
    td.constantCHOP: ("constant", "CHOP", "Constant", "", False, 0, 0),
    td.noiseCHOP: ("noise", "CHOP", "Noise", "", False, 0, 1),
    td.scriptCHOP: ("script", "CHOP", "Script", "", False, 0, 16),
    td.soptoCHOP: ("sopto", "CHOP", "SOP to", "", False, 0, 0),
}


def make(net, cls):
    return (net.create(td.geometryCOMP) if issubclass(cls, td.SOP) else net).create(cls)


@pytest.mark.parametrize("cls", list(TYPES), ids=lambda c: c.__name__)
def test_type_members(net, cls):
    o = make(net, cls)
    typ, family, label, sub, is_filter, lo, hi = TYPES[cls]
    assert (o.type, o.family, o.label, o.subType, o.OPType) == (typ, family, label, sub, cls.__name__)
    assert (o.isFilter, o.minInputs, o.maxInputs, o.isMultiInputs, o.visibleLevel) == (is_filter, lo, hi, True, 0)
    assert o.licenseType == "Non-Commercial" and 1 <= len(o.icon) <= 3
    assert o.isCOMP == (family == "COMP") and o.isTOP == (family == "TOP") and o.isSOP == (family == "SOP")
    assert o.isMAT == (family == "MAT") and o.isCHOP == (family == "CHOP") and o.isDAT == (family == "DAT")
    assert o.isObject == (sub == "object") and o.isPanel == (sub == "panel") and o.isBase == (cls is td.baseCOMP)
    assert cls in td.families[family]
    for member in ("type", "family", "label", "subType", "OPType", "icon", "isFilter", "minInputs", "maxInputs",
                   "isMultiInputs", "visibleLevel", "isBase", "isPanel", "licenseType", "id", "path", "digits",
                   "base", "children", "numChildren", "numChildrenRecursive", "storage", "par", "parGroup",
                   "inputs", "outputs", "docked", "totalCooks", "cpuMemory"):
        with pytest.raises(AttributeError):
            setattr(o, member, getattr(o, member))


def test_families():
    assert set(td.families) == {"COMP", "TOP", "SOP", "MAT", "CHOP", "DAT", "POP"}
    assert td.families["TOP"] == [td.renderTOP, td.renderpassTOP, td.depthTOP, td.renderselectTOP, td.constantTOP,
                                  td.nullTOP, td.levelTOP, td.compositeTOP, td.scriptTOP, td.flipTOP, td.transformTOP,
                                  td.resolutionTOP, td.blurTOP, td.selectTOP, td.inTOP, td.outTOP,
                                  td.rampTOP, td.noiseTOP, td.moviefileinTOP, td.glslTOP]
    assert td.families["CHOP"] == [td.constantCHOP, td.noiseCHOP, td.scriptCHOP, td.soptoCHOP]
    assert td.families["SOP"] == [td.boxSOP, td.sphereSOP, td.gridSOP, td.rectangleSOP, td.circleSOP,
                                  td.lineSOP, td.torusSOP, td.tubeSOP, td.fileinSOP, td.scriptSOP,
                                  td.nullSOP, td.inSOP, td.outSOP, td.transformSOP, td.mergeSOP, td.noiseSOP]
    assert td.families["DAT"] == [td.textDAT, td.tableDAT, td.renderpickDAT] and td.families["POP"] == []
    assert sum(len(v) for v in td.families.values()) == len(TYPES)


def test_names_digits_and_base(net):
    cases = {"geo12": (12, "geo"), "a1b": (1, "a"), "a1b22c": (22, "a"), "plain": (None, "plain"),
             "x007": (7, "x"), "9lives": (9, "")}
    for name, (digits, base) in cases.items():
        o = net.create(td.baseCOMP, name)
        assert (o.digits, o.base) == (digits, base), name
    o = net.op("geo12")
    o.name = "geo3"
    assert o.digits == 3 and td.op(o.id) is o  # the id survives renaming


def test_general_members(net):
    geo = net.create(td.geometryCOMP)
    assert geo.passive is False and geo.curBlock is None and geo.curSeq is None and geo.replicator is None
    assert geo.fileFolder == "" and geo.filePath == ""
    assert geo.time is td.absTime and geo.time.frame == td.absTime.frame
    for lookup in ("ext", "mod", "iop", "ipar", "seq"):
        with pytest.raises(AttributeError):
            getattr(getattr(geo, lookup), "Anything")
    assert geo.customPars == [] and geo.customParGroups == [] and geo.customPages == []
    assert [p.name for p in geo.builtinPars] == [p.name for p in geo.par]


def test_appearance(net):
    geo = net.create(td.geometryCOMP)
    assert geo.color == (0.55, 0.55, 0.55) and geo.comment == ""
    assert (geo.nodeX, geo.nodeY, geo.nodeWidth, geo.nodeHeight) == (0, 0, 130, 90)
    assert (geo.nodeCenterX, geo.nodeCenterY) == (65, 45)
    geo.nodeCenterX, geo.nodeCenterY = 500, 300
    assert (geo.nodeX, geo.nodeY) == (435, 255)
    geo.nodeWidth = 200
    assert geo.nodeCenterX == 535
    geo.resetNodeSize()
    assert (geo.nodeWidth, geo.nodeHeight, geo.nodeX) == (130, 90, 435)
    geo.color = [0, 1, 0.5]
    assert geo.color == (0.0, 1.0, 0.5)
    geo.comment = "hello"
    assert geo.comment == "hello"
    for member, bad, exc in [("color", (1, 2), ValueError), ("color", (2, 0, 0), ValueError),
                             ("color", "red", TypeError), ("color", (0, "g", 0), TypeError),
                             ("comment", 5, TypeError), ("nodeX", 1.5, TypeError), ("nodeX", "1", TypeError),
                             ("nodeWidth", 0, ValueError), ("nodeX", 10**12, ValueError)]:
        with pytest.raises(exc):
            setattr(geo, member, bad)
    assert geo.color == (0.0, 1.0, 0.5) and geo.comment == "hello"


def test_docking(net):
    a, b, c = net.create(td.geometryCOMP), net.create(td.geometryCOMP), net.create(td.geometryCOMP)
    b.dock = a
    c.dock = a
    assert a.docked == [b, c] and b.dock is a and a.dock is None
    with pytest.raises(ValueError, match="cycle"):
        a.dock = b
    with pytest.raises(ValueError):
        a.dock = a
    with pytest.raises(ValueError):
        a.dock = net.create(td.geometryCOMP).create(td.boxSOP)  # another network
    with pytest.raises(TypeError):
        a.dock = "b"
    a.destroy()  # docked operators are undocked
    assert b.dock is None and c.dock is None


def test_viewers_say_there_is_no_user_interface(net):
    geo = net.create(td.geometryCOMP)
    for call in (geo.openViewer, geo.openParameters, geo.openMenu):
        with pytest.raises(td.tdError, match="no user interface"):
            call()
    assert geo.closeViewer() is None and geo.closeViewer(topMost=True) is None
    assert geo.resetViewer(recurse=True) is None
    with pytest.raises(TypeError):
        geo.openViewer(nosuch=1)


def test_container_comp(net):
    c = net.create(td.containerCOMP)
    assert c.name == "container1" and isinstance(c, td.COMP) and not isinstance(c, td.ObjectCOMP)
    assert (c.par.x, c.par.y, c.par.w, c.par.h) == (0, 0, 100, 100)
    inner = c.create(td.geometryCOMP)
    assert inner.parent() is c and c.numChildren == 1
    assert net.create("containerCOMP", "project1").path.endswith("/project1")


def test_project_and_time_objects():
    assert td.project.name == "td_render" and td.project.folder == os.getcwd() and td.project.realTime is True
    td.project.name = "show"
    try:
        assert td.project.name == "show" and "show" in repr(td.project)
    finally:
        td.project.name = "td_render"
    with pytest.raises(TypeError):
        td.project.name = 3
    with pytest.raises(AttributeError):
        td.project.folder = "/tmp"
    for member in ("frame", "seconds", "step", "stepSeconds", "rate"):
        assert isinstance(getattr(td.absTime, member), float)
        with pytest.raises(AttributeError):
            setattr(td.absTime, member, 1.0)
    with pytest.raises(TypeError):
        td.AbsTime()
    with pytest.raises(TypeError):
        td.Project()


NEW_TYPES = [td.ParGroup, td.Page, td.Connector, td.AbsTime, td.Project, td.containerCOMP, td.ParMode,
             td.Matrix, td.Position, td.Vector, td.ObjectCOMP, td.nullCOMP, td.CHOP, td.Channel, td.scriptCHOP]


def test_help_works_on_every_new_type_and_method():
    for cls in NEW_TYPES + [td.OP, td.COMP, td.Par, td.ParCollection]:
        assert cls.__doc__ and len(cls.__doc__) > 20, cls
        for name, member in vars(cls).items():
            if name.startswith("_") and name not in ("__getstate__", "__setstate__", "__reduce__"):
                continue
            assert getattr(member, "__doc__", None), (cls.__name__, name)
            if callable(member) and not isinstance(member, type):
                inspect.signature(member)  # text signatures parse
    for fn in (td.advance, td.op, td.opex, td.ops):
        assert fn.__doc__ and inspect.signature(fn)
    import pydoc
    assert "dependenciesTo(self, OP, /)" in pydoc.render_doc(td.OP, renderer=pydoc.plaintext)
    assert "findChildren(self, /, *, type=None" in pydoc.render_doc(td.COMP, renderer=pydoc.plaintext)
    assert "connect(self, target, /)" in pydoc.render_doc(td.Connector, renderer=pydoc.plaintext)


def test_star_import_gives_the_new_names():
    import subprocess
    import sys
    names = ["ParMode", "absTime", "project", "advance", "families", "containerCOMP", "opex", "ParGroup"]
    code = "from td_render import *\nnames = dir()\nprint(sorted(n for n in %r if n not in names))" % names
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


BAD_VALUES = [None, -1, 2**70, 1.5, float("nan"), "", "\ud800", "*", [], {}, (1, 2), object(), b"x", td.root]
EXPECTED = (TypeError, ValueError, KeyError, AttributeError, IndexError, SyntaxError, td.tdError)


def _poke(o, other):
    """Every public method with each bad value (and none), every settable member with each bad value."""
    for name in dir(o):
        if name.startswith("_") and name not in ("__getstate__", "__setstate__"):
            continue
        if name in ("destroy", "changeType"):
            continue
        try:
            attr = getattr(o, name)
        except EXPECTED:
            continue
        if callable(attr):
            for value in BAD_VALUES + [other]:
                try:
                    attr(value)
                except EXPECTED:
                    pass
            try:
                attr()
            except EXPECTED:
                pass
        else:
            for value in BAD_VALUES:
                try:
                    setattr(o, name, value)
                except EXPECTED:
                    pass


def test_bad_arguments_raise_python_exceptions(net):
    geo = net.create(td.geometryCOMP, "geo1")
    box = geo.create(td.boxSOP)
    for o in (geo, box, net.create(td.renderTOP), net.create(td.containerCOMP)):
        _poke(o, box)
    for view in (geo.par.tx, geo.parGroup.t, geo.pages[0], box.inputConnectors[0]):
        _poke(view, box)
    gone = net.create(td.geometryCOMP)
    gone.destroy()
    _poke(gone, box)
    assert geo.valid and box.valid
