"""The network: finding operators (op/opex/ops with paths, patterns and ids), parents, paths between
operators, wires and connectors, dependencies, findChildren, copies, changeType and variables."""
import pytest

import td_render as td


@pytest.fixture
def tree(net):
    geo1 = net.create(td.geometryCOMP, "geo1")
    geo2 = net.create(td.geometryCOMP, "geo2")
    cam = net.create(td.cameraCOMP, "cam1")
    box1 = geo1.create(td.boxSOP, "box1")
    box2 = geo1.create(td.boxSOP, "box2")
    sphere = geo2.create(td.sphereSOP, "sphere1")
    return dict(net=net, geo1=geo1, geo2=geo2, cam=cam, box1=box1, box2=box2, sphere=sphere)


def test_op_opex_ops(tree):
    net, geo1, geo2, cam = tree["net"], tree["geo1"], tree["geo2"], tree["cam"]
    assert net.op("geo1") is geo1 and net.op("geo*") is geo1 and net.op("nothing*", "cam?") is cam
    assert net.op(geo2.id) is geo2 and net.op(cam) is cam and net.op(-1) is None and net.op(10**30) is None
    assert net.ops("geo*") == [geo1, geo2] and net.ops("geo* ^geo1") == [geo2]
    assert net.ops("geo1/box*") == [tree["box1"], tree["box2"]] and net.ops("nothing*") == []
    assert net.ops("geo*", "geo1") == [geo1, geo2]  # no duplicates
    assert net.ops(cam.id, "geo2") == [cam, geo2]
    assert tree["box1"].op("box2") is tree["box2"] and tree["box1"].op("../cam1") is cam
    assert td.op(net.path + "/geo*") is geo1 and td.ops(net.path + "/geo*") == [geo1, geo2]
    assert td.opex(geo1.id) is geo1
    with pytest.raises(td.tdError, match="nothing"):
        net.opex("nothing")
    with pytest.raises(td.tdError):
        td.opex("/no/such/path")
    for bad in (1.5, None, [1], True):
        with pytest.raises(TypeError):
            net.op(bad)
        with pytest.raises(TypeError):
            net.ops(bad)
    with pytest.raises(TypeError):
        net.op()
    with pytest.raises(TypeError):
        net.ops("x", nosuch=1)
    assert net.ops("x", includeUtility=True) == []


def test_parent(tree):
    box1, geo1, net = tree["box1"], tree["geo1"], tree["net"]
    assert box1.parent() is geo1 and box1.parent(0) is box1 and box1.parent(2) is net
    assert box1.parent(100) is None and td.root.parent() is None
    with pytest.raises(ValueError):
        box1.parent(-1)
    with pytest.raises(TypeError):
        box1.parent("1")


def test_relative_path(tree):
    box1, box2, geo1, geo2, cam, sphere = (tree[k] for k in ("box1", "box2", "geo1", "geo2", "cam", "sphere"))
    cases = [(box1, box2, "box2"), (box1, cam, "../cam1"), (box1, sphere, "../geo2/sphere1"),
             (geo1, box1, "box1"), (geo1, cam, "../cam1"), (geo1, geo1, "."), (box1, geo1, "."),
             (sphere, td.root, "../..")]
    for frm, to, path in cases:
        assert frm.relativePath(to) == path, (frm, to)
        assert frm.op(path) is to
    with pytest.raises(TypeError):
        box1.relativePath("cam1")


def test_shortcut_path(tree):
    box1, geo1, cam, net, sphere = (tree[k] for k in ("box1", "geo1", "cam", "net", "sphere"))
    cases = [(box1, box1, "me"), (box1, geo1, "parent()"), (box1, net, "parent(2)"),
             (box1, tree["box2"], "op('box2')"), (box1, cam, "op('../cam1')"), (geo1, cam, "op('cam1')"),
             (geo1, sphere, "op('geo2/sphere1')")]
    for frm, to, expr in cases:
        assert frm.shortcutPath(to) == expr
        assert frm.evalExpression(expr) is to  # the expression finds it from frm's expressions
    assert box1.shortcutPath(cam, toParName="fov") == "op('../cam1').par.fov"
    assert box1.evalExpression(box1.shortcutPath(cam, toParName="fov")) == 45
    with pytest.raises(ValueError, match="nosuch"):
        box1.shortcutPath(cam, toParName="nosuch")


def test_wires(tree):
    box1, box2, geo1 = tree["box1"], tree["box2"], tree["geo1"]
    box3 = geo1.create(td.boxSOP, "box3")
    box2.setInputs([box1])
    assert box2.inputs == [box1] and box1.outputs == [box2] and box2.outputs == []
    box3.setInputs((box2,))
    with pytest.raises(ValueError, match="cycle"):
        box1.setInputs([box3])
    with pytest.raises(ValueError, match="cycle"):
        box1.setInputs([box1])
    with pytest.raises(ValueError, match="at most 1"):
        box3.setInputs([box1, box2])
    with pytest.raises(ValueError, match="same network"):
        box1.setInputs([tree["sphere"]])
    tree["geo1"].setInputs([])  # a COMP with no inputs takes the empty list
    with pytest.raises(ValueError, match="at most 0"):
        tree["geo2"].setInputs([tree["cam"]])
    with pytest.raises(ValueError, match="families"):
        box1.setInputs([geo1.create(td.renderTOP)])
    with pytest.raises(TypeError):
        box1.setInputs("box2")
    with pytest.raises(TypeError):
        box1.setInputs([None])
    assert box3.inputs == [box2] and box1.inputs == []  # unchanged by the failures
    box2.destroy()  # wires to a destroyed operator go
    assert box3.inputs == [] and box1.outputs == []


def test_connectors(tree):
    box1, box2 = tree["box1"], tree["box2"]
    (inp,) = box2.inputConnectors
    (out,) = box1.outputConnectors
    assert (inp.index, inp.isInput, inp.isOutput, inp.owner) == (0, True, False, box2)
    assert (out.isInput, out.isOutput, out.owner, out.inOP, out.outOP) == (False, True, box1, None, None)
    assert tree["geo1"].inputConnectors == [] and tree["geo1"].outputConnectors == []
    assert tree["net"].create(td.renderTOP).outputConnectors[0].isOutput
    inp.connect(box1)
    assert box2.inputs == [box1]
    assert [c.owner for c in inp.connections] == [box1] and [c.owner for c in out.connections] == [box2]
    out.disconnect()
    assert box2.inputs == []
    out.connect(inp)
    assert box2.inputs == [box1]
    inp.disconnect()
    assert box2.inputs == [] and inp.connections == []
    box1.outputConnectors[0].connect(box2)
    assert box2.inputs == [box1]
    with pytest.raises(ValueError):
        out.connect(box1.outputConnectors[0])  # output to output
    with pytest.raises(TypeError):
        out.connect("box2")
    with pytest.raises(ValueError, match="cycle"):
        box1.inputConnectors[0].connect(box2)
    box1.destroy()
    with pytest.raises(td.tdError):
        out.connect(box2)


def test_dependencies(tree):
    net, geo1, cam = tree["net"], tree["geo1"], tree["cam"]
    r = net.create(td.renderTOP, "render1")
    r.par.geometry = "geo1"
    mat = net.create(td.phongMAT, "phong1")
    geo1.par.material = "phong1"
    assert mat.dependenciesTo(r) == [[mat, geo1, r]]
    assert cam.dependenciesTo(r) == [[cam, r]]
    assert r.dependenciesTo(mat) == [] and tree["geo2"].dependenciesTo(r) == []
    assert r.dependenciesTo(r) == []
    tree["box2"].setInputs([tree["box1"]])
    assert tree["box1"].dependenciesTo(tree["box2"]) == [[tree["box1"], tree["box2"]]]
    with pytest.raises(TypeError):
        r.dependenciesTo("geo1")


def test_find_children(tree):
    net, geo1, geo2, cam = tree["net"], tree["geo1"], tree["geo2"], tree["cam"]
    box1, box2, sphere = tree["box1"], tree["box2"], tree["sphere"]
    fc = net.findChildren
    assert fc() == [geo1, box1, box2, geo2, sphere, cam]
    assert fc(type=td.SOP) == [box1, box2, sphere] and fc(type=td.boxSOP) == [box1, box2]
    assert fc(type=td.COMP, maxDepth=1) == [geo1, geo2, cam] and fc(depth=2) == [box1, box2, sphere]
    assert fc(name="box*") == [box1, box2] and fc(name="cam1 sphere*") == [sphere, cam]
    assert fc(path="*/geo2/*") == [sphere]
    box2.tags = ["red", "big"]
    box1.tags = ["red"]
    assert fc(tags=["big", "small"]) == [box2] and fc(tags=["red", "big"], allTags=True) == [box2]
    assert fc(tags=["red"]) == [box1, box2] and fc(tags="red") == [box1, box2]
    cam.comment = "main camera"
    assert fc(comment="main*") == [cam]
    box1.par.sizex = 2.5
    assert fc(parValue="2.5") == [box1] and fc(parName="sizex", onlyNonDefaults=True) == [box1]
    assert fc(onlyNonDefaults=True, type=td.SOP) == [box1]
    sphere.par.radx.expr = "absTime.frame * 0 + 3"
    assert fc(parExpr="absTime*") == [sphere] and fc(parValue="3.0", parName="rad*") == [sphere]
    assert fc(key=lambda o: o.name.endswith("2")) == [box2, geo2]
    assert fc(text="anything") == [] and fc(name="nothing*") == [] and fc(depth=5) == []
    for kw, bad, exc in [("type", "boxSOP", TypeError), ("name", 5, TypeError), ("depth", 0, ValueError),
                         ("maxDepth", "2", TypeError), ("key", 5, TypeError), ("tags", [1], TypeError)]:
        with pytest.raises(exc):
            fc(**{kw: bad})
    with pytest.raises(TypeError):
        fc("positional")


def test_copy_and_copy_ops(tree):
    net, geo1, box1, box2 = tree["net"], tree["geo1"], tree["box1"], tree["box2"]
    box2.setInputs([box1])
    box1.par.sizex.expr = "2"
    dup = net.copy(geo1)
    assert dup.name == "geo3" and [c.name for c in dup.children] == ["box1", "box2"]
    assert dup.op("box2").inputs == [dup.op("box1")] and dup.op("box1").par.sizex.expr == "2"
    assert box2.inputs == [box1]  # the original is untouched
    assert net.copy(geo1, name="named").name == "named"
    with pytest.raises(ValueError):
        geo1.copy(net)  # into itself
    with pytest.raises(ValueError):
        net.copy(geo1, name="bad name")
    with pytest.raises(TypeError):
        net.copy("geo1")
    copies = tree["geo2"].copyOPs([box1, box2])
    assert [c.name for c in copies] == ["box1", "box2"] and copies[1].inputs == [copies[0]]
    assert all(c.parent() is tree["geo2"] for c in copies)
    box3 = geo1.create(td.boxSOP, "box3")
    box3.dock = box1
    with_dock = tree["geo2"].copy(box1)
    assert [d.name for d in with_dock.docked] == ["box4"]  # box3's copy, docked to the copy
    assert tree["geo2"].copy(box1, includeDocked=False).docked == []


def test_change_type(tree):
    net, geo1, box1, box2 = tree["net"], tree["geo1"], tree["box1"], tree["box2"]
    box2.setInputs([box1])
    box1.par.tx = 3
    box1.store("k", 1)
    box1.tags = ["t"]
    box1.render = False
    sphere = box1.changeType(td.sphereSOP)
    assert not box1.valid and sphere.name == "box1" and sphere.OPType == "sphereSOP"
    assert geo1.children == [sphere, box2]  # same place
    assert sphere.par.tx == 3 and sphere.fetch("k") == 1 and sphere.tags == {"t"} and sphere.render is False
    assert box2.inputs == [sphere]  # wires follow (same family)
    comp = geo1.changeType("baseCOMP")  # children move to the new COMP, same objects
    assert comp.children == [sphere, box2] and sphere.parent() is comp and sphere.valid
    assert sphere.evalExpression("parent()") is comp
    assert comp.changeType(td.baseCOMP) is comp
    mat = comp.changeType(td.phongMAT)  # a COMP becoming a MAT loses its children
    assert not sphere.valid and mat.children == [] and mat.allowCooking is True
    with pytest.raises(ValueError):
        mat.changeType("nosuchTOP")
    with pytest.raises(TypeError):
        mat.changeType(int)
    with pytest.raises(td.tdError):
        td.root.changeType(td.containerCOMP)
    del net


def test_variables(tree):
    net, geo1, box1 = tree["net"], tree["geo1"], tree["box1"]
    net.setVar("SHOT", 10)
    geo1.setVar("TAKE", "b")
    assert box1.var("SHOT") == "10" and box1.var("TAKE") == "b" and box1.var("NONE") == ""
    assert box1.var("TAKE", search=False) == "" and geo1.var("TAKE", False) == "b"
    assert net.vars() == ["SHOT"] and geo1.vars("T*") == ["TAKE"] and geo1.vars("X*") == []
    geo1.setVar("TAKE", "c")
    assert box1.var("TAKE") == "c"
    geo1.unsetVar("T*")
    assert box1.var("TAKE") == ""
    box1.par.tx.expr = "float(me.var('SHOT'))"
    assert box1.par.tx.eval() == 10.0
    with pytest.raises(TypeError):
        box1.var(5)
    with pytest.raises(TypeError):
        geo1.unsetVar(5)
