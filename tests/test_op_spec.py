"""Walks the OP class of TouchDesigner's reference (tests/data/op_class_reference.txt, taken from its
"OP Class" section): every member and method it lists exists on our operators, read-only members
refuse assignment, settable ones keep what is assigned, the documented return types hold, methods
take the documented keywords, and each one behaves as its sentence says (one check per name below; a
name the reference gains without a check here fails the test)."""
import inspect
import math
from pathlib import Path

import pytest

import td_render as td

REFERENCE = Path(__file__).resolve().parent / "data" / "op_class_reference.txt"


def parse():
    """(members, methods) of the reference: name -> dict(type, read_only) / dict(params, returns)."""
    members, methods = {}, {}
    for line in REFERENCE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, name, third, fourth = (field.strip() for field in line.split(" | "))
        if kind == "member":
            assert fourth in ("ro", "rw"), line
            members[name] = dict(type=third, read_only=fourth == "ro")
        else:
            assert kind == "method", line
            methods[name] = dict(params=[p.strip() for p in third.split(",") if p.strip()], returns=fourth)
    return members, methods


MEMBERS, METHODS = parse()


def test_the_reference_was_parsed():
    # counts of the reference's OP Class section
    assert len(MEMBERS) == 102 and len(METHODS) == 36, (len(MEMBERS), len(METHODS))
    assert MEMBERS["valid"]["read_only"] and not MEMBERS["name"]["read_only"]
    assert METHODS["cook"]["params"] == ["force=False", "recurse=False", "includeUtility=False"]


@pytest.fixture
def scene(net):
    geo = net.create(td.geometryCOMP, "geo12")
    box = geo.create(td.boxSOP, "box1")
    box2 = geo.create(td.boxSOP, "box2")
    cam = net.create(td.cameraCOMP, "cam1")
    render = net.create(td.renderTOP, "render1")
    return dict(net=net, geo=geo, box=box, box2=box2, cam=cam, render=render)


# ---- members: what each sentence says ----

def _flag(name, default):
    def check(s):
        o = s["geo"]
        assert getattr(o, name) is default
        setattr(o, name, not default)
        assert getattr(o, name) is (not default)
        setattr(o, name, default)
    return check


def _type_member(name, expected):
    def check(s):
        for key, value in expected.items():
            assert getattr(s[key], name) == value, (key, name)
    return check


def _cook_stat(name):
    def check(s):
        box = s["box"]
        value = getattr(box, name)
        kind = bool if name.startswith("cooked") else (int if name in ("totalCooks", "cpuMemory", "gpuMemory") else float)
        assert isinstance(value, kind)
    return check


def check_children(s):
    assert s["geo"].children == [s["box"], s["box2"]] and s["box"].children == []


def check_time(s):
    assert s["geo"].time is td.absTime and s["geo"].time.frame == td.absTime.frame


def check_curpar(s):
    assert s["geo"].curPar is None
    s["geo"].par.tx.expr = "len(me.curPar.name)"   # the parameter being evaluated: 'tx'
    assert s["geo"].par.tx.eval() == 2.0


def check_storage(s):
    s["geo"].store("k", 1)
    assert s["geo"].storage == {"k": 1}
    s["geo"].storage["k2"] = 2          # contents are mutable
    assert s["geo"].fetch("k2") == 2


def check_tags(s):
    s["geo"].tags = ["a", "b"]
    assert s["geo"].tags == {"a", "b"}
    s["geo"].tags.add("c")
    assert s["net"].findChildren(tags=["c"]) == [s["geo"]]


def check_op(s):
    assert s["geo"].op("box1") is s["box"] and s["geo"].op("nothing") is None


def check_opex(s):
    assert s["geo"].opex("box1") is s["box"]
    with pytest.raises(td.tdError):
        s["geo"].opex("nothing")


def check_parent(s):
    assert s["box"].parent() is s["geo"] and s["box"].parent(2) is s["net"]


def check_current_page(s):
    cam = s["cam"]
    assert cam.currentPage.name == "Xform"
    cam.currentPage = "View"
    assert cam.currentPage.name == "View"
    cam.currentPage = cam.pages[0]
    assert cam.currentPage == cam.pages[0]


def check_color(s):
    s["geo"].color = (1, 0.5, 0)
    assert s["geo"].color == (1.0, 0.5, 0.0)


def check_node(name):
    def check(s):
        g = s["geo"]
        g.nodeX, g.nodeY, g.nodeWidth, g.nodeHeight = 10, 20, 100, 50
        setattr(g, name, 77)
        assert getattr(g, name) == 77
        assert g.nodeCenterX == g.nodeX + g.nodeWidth // 2 and g.nodeCenterY == g.nodeY + g.nodeHeight // 2
    return check


def check_dock(s):
    s["box2"].dock = s["box"]
    assert s["box2"].dock is s["box"] and s["box"].docked == [s["box2"]]
    s["box2"].dock = None
    assert s["box"].docked == []


def check_inputs(s):
    s["box2"].setInputs([s["box"]])
    assert s["box2"].inputs == [s["box"]] and s["box"].outputs == [s["box2"]]


def check_connectors(s):
    assert [c.isInput for c in s["box2"].inputConnectors] == [True]
    assert [c.isOutput for c in s["box"].outputConnectors] == [True]
    s["box"].outputConnectors[0].connect(s["box2"])
    assert s["box2"].inputs == [s["box"]]


def check_pages(s):
    assert [p.name for p in s["cam"].pages] == ["Xform", "Pre-Xform", "View", "Settings"]


MEMBER_CHECKS = {
    "valid": lambda s: s["geo"].valid is True,
    "id": lambda s: isinstance(s["geo"].id, int) and td.op(s["geo"].id) is s["geo"],
    "name": lambda s: s["geo"].name == "geo12",
    "path": lambda s: s["box"].path == s["net"].path + "/geo12/box1",
    "digits": lambda s: s["geo"].digits == 12 and s["net"].create(td.baseCOMP, "a1b").digits == 1
    and s["net"].create(td.baseCOMP, "plain").digits is None,
    "base": lambda s: s["geo"].base == "geo",
    "passive": lambda s: s["geo"].passive is False,
    "curPar": check_curpar,
    "curBlock": lambda s: s["geo"].curBlock is None,
    "curSeq": lambda s: s["geo"].curSeq is None,
    "time": check_time,
    "ext": lambda s: not hasattr(s["geo"].ext, "MyClass"),
    "fileFolder": lambda s: s["geo"].fileFolder == "",
    "filePath": lambda s: s["geo"].filePath == "",
    "mod": lambda s: not hasattr(s["geo"].mod, "somemodule"),
    "pages": check_pages,
    "parGroup": lambda s: s["geo"].parGroup.t.eval() == (0.0, 0.0, 0.0) and s["geo"].parGroup["t"].name == "t",
    "par": lambda s: s["geo"].par.tx.name == "tx" and s["geo"].par["tx"].name == "tx",
    "builtinPars": lambda s: [p.name for p in s["box"].builtinPars] == ["tx", "ty", "tz", "sizex", "sizey",
                                                                       "sizez", "scale", "texture",
                                                                       "normals"],
    "customParGroups": lambda s: s["geo"].customParGroups == [],
    "customPars": lambda s: s["geo"].customPars == [],
    "customPages": lambda s: s["geo"].customPages == [],
    "replicator": lambda s: s["geo"].replicator is None,
    "storage": check_storage,
    "tags": check_tags,
    "children": check_children,
    "numChildren": lambda s: s["geo"].numChildren == 2 and s["box"].numChildren == 0,
    "numChildrenRecursive": lambda s: s["net"].numChildrenRecursive == 5,
    "op": check_op,
    "opex": check_opex,
    "parent": check_parent,
    "iop": lambda s: not hasattr(s["geo"].iop, "anything"),
    "ipar": lambda s: not hasattr(s["geo"].ipar, "anything"),
    "currentPage": check_current_page,
    "activeViewer": _flag("activeViewer", False),
    "allowCooking": _flag("allowCooking", True),
    "bypass": _flag("bypass", False),
    "cloneImmune": _flag("cloneImmune", False),
    "current": _flag("current", False),
    "display": _flag("display", True),
    "expose": _flag("expose", True),
    "lock": _flag("lock", False),
    "selected": _flag("selected", False),
    "seq": lambda s: not hasattr(s["geo"].seq, "anything"),
    "python": _flag("python", True),
    "render": _flag("render", True),
    "showCustomOnly": _flag("showCustomOnly", False),
    "showDocked": _flag("showDocked", True),
    "viewer": _flag("viewer", False),
    "color": check_color,
    "comment": lambda s: setattr(s["geo"], "comment", "hi") or s["geo"].comment == "hi",
    "nodeHeight": check_node("nodeHeight"),
    "nodeWidth": check_node("nodeWidth"),
    "nodeX": check_node("nodeX"),
    "nodeY": check_node("nodeY"),
    "nodeCenterX": check_node("nodeCenterX"),
    "nodeCenterY": check_node("nodeCenterY"),
    "dock": check_dock,
    "docked": check_dock,
    "inputs": check_inputs,
    "outputs": check_inputs,
    "inputConnectors": check_connectors,
    "outputConnectors": check_connectors,
    "type": _type_member("type", dict(geo="geometry", box="box", render="render", cam="camera")),
    "subType": _type_member("subType", dict(geo="object", box="", net="")),
    "OPType": _type_member("OPType", dict(geo="geometryCOMP", box="boxSOP", render="renderTOP")),
    "label": _type_member("label", dict(geo="Geometry", box="Box", render="Render")),
    "icon": lambda s: all(isinstance(s[k].icon, str) and s[k].icon for k in s),
    "family": _type_member("family", dict(geo="COMP", box="SOP", render="TOP")),
    "isFilter": _type_member("isFilter", dict(geo=False, box=False, render=False)),
    "minInputs": _type_member("minInputs", dict(box=0, render=0)),
    "maxInputs": _type_member("maxInputs", dict(box=1, render=0, geo=0)),
    "isMultiInputs": _type_member("isMultiInputs", dict(box=True)),
    "visibleLevel": _type_member("visibleLevel", dict(box=0, geo=0)),
    "isBase": _type_member("isBase", dict(net=True, geo=False)),
    "isCHOP": _type_member("isCHOP", dict(net=False, box=False)),
    "isCOMP": _type_member("isCOMP", dict(net=True, geo=True, box=False)),
    "isDAT": _type_member("isDAT", dict(net=False, box=False)),
    "isMAT": _type_member("isMAT", dict(net=False, box=False)),
    "isObject": _type_member("isObject", dict(geo=True, net=False, box=False)),
    "isPanel": lambda s: s["net"].create(td.containerCOMP).isPanel and not s["geo"].isPanel,
    "isSOP": _type_member("isSOP", dict(box=True, geo=False)),
    "isTOP": _type_member("isTOP", dict(render=True, box=False)),
    "licenseType": _type_member("licenseType", dict(box="Non-Commercial")),
}
for _name in ("cookFrame", "cookTime", "cpuCookTime", "cookAbsFrame", "cookStartTime", "cookEndTime",
              "cookedThisFrame", "cookedPreviousFrame", "childrenCookTime", "childrenCPUCookTime",
              "childrenCookAbsFrame", "childrenCPUCookAbsFrame", "gpuCookTime", "childrenGPUCookTime",
              "childrenGPUCookAbsFrame", "totalCooks", "cpuMemory", "gpuMemory"):
    MEMBER_CHECKS[_name] = _cook_stat(_name)

# Return types the document states, for the members whose value is a plain type.
PLAIN = {"bool": bool, "int": int, "str": str, "float": float, "list": list, "dict": dict, "tuple(r, g, b)": tuple}
# Departures from the stated type, each for a reason given in its sentence or docstring.
TYPE_EXCEPTIONS = {
    "tags": set,      # "a set of user defined strings"
    "digits": int,    # "or None if not found" (checked by its check)
    "parGroup": None,  # "an intermediate parameter collection object"
}


@pytest.mark.parametrize("name", sorted(MEMBERS))
def test_member(scene, name):
    spec = MEMBERS[name]
    assert name in MEMBER_CHECKS, "no check for the documented member %r" % name
    for key in ("geo", "box", "render", "cam", "net"):
        getattr(scene[key], name)  # present on every kind of operator
    expected = TYPE_EXCEPTIONS.get(name, PLAIN.get(spec["type"]))
    if expected is not None:
        assert isinstance(getattr(scene["geo"], name), expected), (name, spec["type"])
    if spec["read_only"]:
        with pytest.raises(AttributeError):
            setattr(scene["geo"], name, getattr(scene["geo"], name))
    elif name != "name":
        before = getattr(scene["geo"], name)
        setattr(scene["geo"], name, before)  # settable, and keeps what it is given
        assert getattr(scene["geo"], name) == before
    assert MEMBER_CHECKS[name](scene) is not False


@pytest.mark.parametrize("name", sorted(MEMBERS))
def test_member_of_destroyed_op_raises(net, name):
    o = net.create(td.geometryCOMP)
    o.destroy()
    if name == "valid":
        assert o.valid is False
        return
    with pytest.raises(td.tdError):
        value = getattr(o, name)
        if callable(value):  # op, opex, parent: bound methods
            value("x") if name != "parent" else value()


# ---- methods ----

def _kwargs(params):
    """The documented keyword parameters and their defaults."""
    out = {}
    for p in params:
        if "=" in p:
            k, v = p.split("=", 1)
            out[k.strip()] = eval(v)
    return out


def check_pars(s):
    assert [p.name for p in s["geo"].pars("t?")] == ["tx", "ty", "tz"] and s["geo"].pars("zz*") == []


def check_cook(s):
    s["box"].par.sizex.expr = "2"
    before = s["box"].totalCooks
    s["box"].cook(force=False, recurse=False, includeUtility=False)
    assert s["box"].totalCooks == before + 1
    s["box"].cook()
    assert s["box"].totalCooks == before + 1  # nothing changed: not required


def check_copy_parameters(s):
    s["box"].par.sizex = 3
    s["box2"].copyParameters(s["box"], custom=True, builtin=True)
    assert s["box2"].par.sizex == 3


def check_change_type(s):
    new = s["box2"].changeType(td.sphereSOP)
    assert not s["box2"].valid and new.OPType == "sphereSOP" and new.name == "box2"


def check_dependencies(s):
    s["box2"].setInputs([s["box"]])
    assert s["box"].dependenciesTo(s["box2"]) == [[s["box"], s["box2"]]]
    assert s["box2"].dependenciesTo(s["box"]) == []


def check_eval_expression(s):
    assert s["geo"].evalExpression("me.name + op('cam1').name") == "geo12cam1"


def check_destroy(s):
    s["box2"].destroy()
    assert not s["box2"].valid
    with pytest.raises(td.tdError):
        s["box2"].destroy()


def check_var(s):
    s["net"].setVar("SHOT", "010")
    assert s["box"].var("SHOT", search=True) == "010" and s["box"].var("SHOT", search=False) == ""


def check_no_ui(method, **kw):
    def check(s):
        with pytest.raises(td.tdError, match="no user interface"):
            getattr(s["geo"], method)(**kw)
    return check


def check_relative_path(s):
    path = s["box"].relativePath(s["cam"])
    assert path == "../cam1" and s["box"].op(path) is s["cam"]


def check_set_inputs(s):
    s["box2"].setInputs([s["box"]])
    assert s["box2"].inputs == [s["box"]]
    s["box2"].setInputs([])
    assert s["box2"].inputs == []


def check_shortcut_path(s):
    expr = s["box"].shortcutPath(s["cam"], toParName="tz")
    assert s["box"].evalExpression(expr) == 5.0
    assert s["box"].shortcutPath(s["geo"]) == "parent()"


def check_ops(s):
    assert s["geo"].ops("box*", includeUtility=False) == [s["box"], s["box2"]] and s["geo"].ops("zz*") == []


def check_reset_pars(s):
    s["box"].par.sizex = s["box"].par.tx = 4
    assert s["box"].resetPars(parNames="size*") is True
    assert s["box"].par.sizex == 1 and s["box"].par.tx == 4


def check_add_script_error(s):
    s["geo"].addScriptError("oops")
    assert "oops" in s["geo"].scriptErrors()
    s["geo"].clearScriptErrors(recurse=False, error="*")
    assert s["geo"].scriptErrors() == ""


def check_add_error(method):
    def check(s):
        with pytest.raises(td.tdError, match="cooking"):
            getattr(s["geo"], method)("x")  # only while cooking
        s["box"].par.sizex.expr = "me.%s('careful') or 2" % method
        s["box"].cook(force=True)
        report = s["box"].errors() if method == "addError" else s["box"].warnings()
        assert "careful" in report
    return check


def check_errors(s):
    s["box"].par.sizex.expr = "1/0"
    with pytest.raises(td.tdError, match="ZeroDivisionError"):
        s["box"].cook()
    assert "ZeroDivisionError" in s["box"].errors(recurse=False)
    assert "ZeroDivisionError" not in s["geo"].errors(recurse=False)
    assert "ZeroDivisionError" in s["geo"].errors(recurse=True)


def check_memory(method):
    def check(s):
        assert getattr(s["geo"], method)() >= (0 if "GPU" in method else s["box"].cpuMemory)
    return check


def check_reset_node_size(s):
    s["geo"].nodeWidth = 500
    s["geo"].resetNodeSize()
    assert s["geo"].nodeWidth == 130


def check_fetch(s):
    s["net"].store("k", 1)
    assert s["box"].fetch("k", None, search=True, storeDefault=False) == 1
    assert s["box"].fetch("k", None, search=False) is None


def check_fetch_owner(s):
    s["net"].store("k", 1)
    assert s["box"].fetchOwner("k") is s["net"] and s["box"].fetchOwner("zz") is None


def check_store(s):
    assert s["geo"].store("k", [1]) == [1] and s["geo"].storage["k"] == [1]


def check_unstore(s):
    s["geo"].store("ab", 1)
    s["geo"].store("ac", 1)
    s["geo"].store("b", 1)
    s["geo"].unstore("a*")
    assert list(s["geo"].storage) == ["b"]


def check_startup(s):
    s["geo"].store("k", object())
    s["geo"].storeStartupValue("k", None)
    assert s["geo"].__getstate__()["storage"]["k"] is None
    s["geo"].unstoreStartupValue("k")
    assert "k" in s["geo"].storage and s["geo"].__getstate__()["storage"]["k"] is not None


def check_getstate(s):
    st = s["geo"].__getstate__()
    assert st["OPType"] == "geometryCOMP" and st["name"] == "geo12" and len(st["children"]) == 2


def check_setstate(s):
    st = s["box"].__getstate__()
    st["pars"]["sizex"]["val"] = 7.0
    s["box2"].__setstate__({k: v for k, v in st.items() if k != "name"})
    assert s["box2"].par.sizex == 7


METHOD_CHECKS = {
    "pars": check_pars,
    "cook": check_cook,
    "copyParameters": check_copy_parameters,
    "changeType": check_change_type,
    "dependenciesTo": check_dependencies,
    "evalExpression": check_eval_expression,
    "destroy": check_destroy,
    "var": check_var,
    "openMenu": check_no_ui("openMenu", x=None, y=None),
    "relativePath": check_relative_path,
    "setInputs": check_set_inputs,
    "shortcutPath": check_shortcut_path,
    "ops": check_ops,
    "resetPars": check_reset_pars,
    "addScriptError": check_add_script_error,
    "addError": check_add_error("addError"),
    "addWarning": check_add_error("addWarning"),
    "errors": check_errors,
    "warnings": lambda s: s["geo"].warnings(recurse=False) == "",
    "scriptErrors": check_add_script_error,
    "clearScriptErrors": check_add_script_error,
    "childrenCPUMemory": check_memory("childrenCPUMemory"),
    "childrenGPUMemory": check_memory("childrenGPUMemory"),
    "resetNodeSize": check_reset_node_size,
    "closeViewer": lambda s: s["geo"].closeViewer(topMost=False) is None,
    "openViewer": check_no_ui("openViewer", unique=False, borders=True),
    "resetViewer": lambda s: s["geo"].resetViewer(recurse=False) is None,
    "openParameters": check_no_ui("openParameters"),
    "fetch": check_fetch,
    "fetchOwner": check_fetch_owner,
    "store": check_store,
    "unstore": check_unstore,
    "storeStartupValue": check_startup,
    "unstoreStartupValue": check_startup,
    "__getstate__": check_getstate,
    "__setstate__": check_setstate,
}


@pytest.mark.parametrize("name", sorted(METHODS))
def test_method(scene, name):
    assert name in METHOD_CHECKS, "no check for the documented method %r" % name
    fn = getattr(scene["geo"], name)
    assert callable(fn) and fn.__doc__
    sig = inspect.signature(fn)
    for kw in _kwargs(METHODS[name]["params"]):
        assert kw in sig.parameters, (name, kw)
        assert sig.parameters[kw].kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                           inspect.Parameter.KEYWORD_ONLY), (name, kw)
    assert METHOD_CHECKS[name](scene) is not False


SAFE_ARGS = {
    "pars": ("*",), "cook": (), "copyParameters": None, "dependenciesTo": None, "evalExpression": ("1",),
    "var": ("x",), "relativePath": None, "setInputs": ([],), "shortcutPath": None, "ops": ("*",),
    "resetPars": (), "addScriptError": ("m",), "addError": ("m",), "addWarning": ("m",), "errors": (), "warnings": (), "scriptErrors": (),
    "clearScriptErrors": (), "childrenCPUMemory": (), "childrenGPUMemory": (), "resetNodeSize": (),
    "closeViewer": (), "resetViewer": (), "fetch": ("k", 0), "fetchOwner": ("k",), "store": ("k", 1),
    "unstore": ("k",), "storeStartupValue": ("k", 1), "unstoreStartupValue": ("k",), "__getstate__": (),
}


@pytest.mark.parametrize("name", sorted(METHODS))
def test_method_of_destroyed_op_raises(net, name):
    o = net.create(td.geometryCOMP)
    other = net.create(td.geometryCOMP)
    o.destroy()
    args = SAFE_ARGS.get(name, ())
    if args is None:
        args = (other,)
    if name == "changeType":
        args = (td.baseCOMP,)
    if name == "__setstate__":
        args = (other.__getstate__(),)
    with pytest.raises(td.tdError):
        getattr(o, name)(*args)


def test_keywords_with_documented_defaults_are_accepted(scene):
    """Every method called with all its documented keywords at their documented defaults."""
    other = scene["cam"]
    for name, spec in METHODS.items():
        kw = _kwargs(spec["params"])
        if not kw:
            continue
        args = SAFE_ARGS.get(name, ())
        if args is None:
            args = (other,)
        if name in ("openMenu", "openViewer"):
            with pytest.raises(td.tdError):
                getattr(scene["geo"], name)(*args, **kw)
            continue
        if name == "fetch":
            args = ("k",)
            kw["default"] = 0
        getattr(scene["geo"], name)(*args, **kw)


def test_nan_safe_cook_statistics(scene):
    for name in ("cpuCookTime", "gpuCookTime", "cookStartTime", "cookEndTime"):
        assert math.isfinite(getattr(scene["geo"], name))
