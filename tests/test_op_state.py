"""__getstate__ / __setstate__, pickle and copy.deepcopy: what an operator's persistent state carries
(name, parameters with modes and expressions, flags, storage, tags, appearance, children with their
wires and docks) and what it does not (id, cook statistics, errors, outside wires)."""
import copy
import pickle
import subprocess
import sys

import pytest

import td_render as td


@pytest.fixture
def geo(net):
    geo = net.create(td.geometryCOMP, "geo1")
    geo.par.tx = 2
    geo.par.ty.expr = "absTime.frame * 0"
    geo.par.material = "phong1"
    geo.render = False
    geo.selected = True
    geo.store("answer", 42)
    geo.store("session", object())
    geo.storeStartupValue("session", None)
    geo.tags = ["hero", "lit"]
    geo.color = (0.1, 0.2, 0.3)
    geo.comment = "the box"
    geo.nodeX, geo.nodeY, geo.nodeWidth, geo.nodeHeight = 100, -50, 200, 60
    b1 = geo.create(td.boxSOP, "box1")
    b2 = geo.create(td.boxSOP, "box2")
    b2.setInputs([b1])
    b2.dock = b1
    b1.par.sizex = 3
    return geo


def test_getstate_contents(geo):
    s = geo.__getstate__()
    assert s["OPType"] == "geometryCOMP" and s["name"] == "geo1"
    assert s["pars"]["tx"] == {"val": 2.0, "mode": "CONSTANT", "expr": "", "readOnly": False}
    assert s["pars"]["ty"] == {"val": 0.0, "mode": "EXPRESSION", "expr": "absTime.frame * 0", "readOnly": False}
    assert s["pars"]["material"]["val"] == "phong1" and s["pars"]["xord"]["val"] == "srt"
    assert s["flags"]["render"] is False and s["flags"]["selected"] is True and s["flags"]["display"] is True
    assert s["storage"] == {"answer": 42, "session": None} and s["storageStartup"] == {"session": None}
    assert s["tags"] == ["hero", "lit"] and s["color"] == (0.1, 0.2, 0.3) and s["comment"] == "the box"
    assert (s["nodeX"], s["nodeY"], s["nodeWidth"], s["nodeHeight"]) == (100, -50, 200, 60)
    kids = s["children"]
    assert [k["name"] for k in kids] == ["box1", "box2"]
    assert kids[1]["inputs"] == ["box1"] and kids[1]["dock"] == "box1" and kids[0]["pars"]["sizex"]["val"] == 3.0
    assert pickle.loads(pickle.dumps(s)) == s  # plain values only (storage aside)


def check_copy(orig, dup):
    assert dup is not orig and dup.valid and dup.id != orig.id
    assert dup.parent() is orig.parent() and dup.name == "geo2"
    assert dup.par.tx == 2 and dup.par.ty.mode is td.ParMode.EXPRESSION and dup.par.ty.expr == "absTime.frame * 0"
    assert dup.par.material == "phong1"
    assert dup.render is False and dup.selected is True
    assert dup.fetch("answer") == 42 and dup.fetch("session") is None  # the startup value
    assert dup.tags == {"hero", "lit"} and dup.color == (0.1, 0.2, 0.3) and dup.comment == "the box"
    assert (dup.nodeX, dup.nodeY, dup.nodeWidth, dup.nodeHeight) == (100, -50, 200, 60)
    b1, b2 = dup.op("box1"), dup.op("box2")
    assert b1 is not orig.op("box1") and b1.par.sizex == 3
    assert b2.inputs == [b1] and b2.dock is b1  # wires and docks among the copies
    assert dup.totalCooks == 0 and dup.errors() == ""


def test_deepcopy(geo):
    geo.cook(force=True)
    check_copy(geo, copy.deepcopy(geo))


def test_pickle(geo):
    check_copy(geo, pickle.loads(pickle.dumps(geo)))


def test_copy_copy_and_comp_copy(geo, net):
    assert copy.copy(geo).name == "geo2"
    c = net.copy(geo, name="copied")
    assert c.name == "copied" and c.op("box2").inputs == [c.op("box1")]
    assert net.copy(geo, name="copied").name == "copied1"


def test_unpickling_in_another_process(geo):
    data = pickle.dumps(geo)
    code = ("import pickle, sys, td_render as td\n"
            "o = pickle.loads(sys.stdin.buffer.read())\n"
            "print(o.path, o.par.tx.eval(), o.par.ty.expr, o.fetch('answer'), sorted(o.tags),"
            " o.op('box2').inputs[0].name)")
    out = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, check=True).stdout.decode()
    # the original's network does not exist there: the copy goes into the root
    assert out.split() == ["/geo1", "2.0", "absTime.frame", "*", "0", "42", "['hero',", "'lit']", "box1"]


def test_setstate_onto_another_operator(geo, net):
    other = net.create(td.geometryCOMP, "other")
    state = geo.__getstate__()
    del state["name"]
    other.__setstate__(state)
    assert other.name == "other" and other.par.tx == 2 and other.par.ty.expr == "absTime.frame * 0"
    assert other.render is False and other.fetch("answer") == 42 and other.tags == {"hero", "lit"}
    assert other.children == []  # children are left as they are
    state["name"] = "renamed"
    other.__setstate__(state)
    assert other.name == "renamed"


def test_what_is_not_carried(geo, net):
    outside = net.create(td.geometryCOMP).create(td.boxSOP)
    b1 = geo.op("box1")
    b1.par.sizex.expr = "1/0"
    with pytest.raises(td.tdError):
        b1.cook()
    b1.addScriptError("noted")
    dup = copy.deepcopy(geo)
    d1 = dup.op("box1")
    assert d1.scriptErrors() == "" and d1.errors() == ""  # errors are re-made by the copy's own cooks
    with pytest.raises(td.tdError, match="ZeroDivisionError"):
        d1.cook()
    # wires and docks to operators outside what is copied are dropped
    lone = geo.copy(geo.op("box2"))
    assert lone.name == "box3" and lone.inputs == [] and lone.dock is None
    assert pickle.loads(pickle.dumps(geo.op("box2"))).inputs == []
    del outside


def test_setstate_checks_before_changing_anything(geo, net):
    other = net.create(td.geometryCOMP, "other")
    good = geo.__getstate__()
    del good["name"]
    bad_states = [
        (dict(good, OPType="boxSOP"), ValueError, "geometryCOMP"),
        (dict(good, pars={"nosuch": {"val": 1}}), ValueError, "nosuch"),
        (dict(good, pars={"tx": {"val": "text"}}), TypeError, "tx"),
        (dict(good, pars={"tx": {"mode": "EXPORT"}}), ValueError, "mode"),
        (dict(good, pars={"xord": {"val": "bogus"}}), ValueError, "srt"),
        (dict(good, flags={"nosuch": True}), ValueError, "flag"),
        (dict(good, flags={"render": 1}), ValueError, "flag"),
        (dict(good, tags=[1, 2]), TypeError, "str"),
        (dict(good, color=(2, 0, 0)), ValueError, "color"),
        (dict(good, nodeX="left"), ValueError, "nodeX"),
        (dict(good, nodeWidth=0), ValueError, "nodeWidth"),
        (dict(good, currentPage=2**70), ValueError, "currentPage"),
        (dict(good, storage=[1]), ValueError, "storage"),
        (dict(good, name="geo1"), ValueError, "already contains"),
        (dict(good, name="bad name"), ValueError, "invalid"),
    ]
    for state, exc, match in bad_states:
        with pytest.raises(exc, match=match):
            other.__setstate__(state)
        assert other.par.tx == 0 and other.render is True and other.tags == set()  # unchanged
    with pytest.raises(TypeError):
        other.__setstate__([1, 2])
    box = net.create(td.geometryCOMP).create(td.boxSOP)
    with pytest.raises(ValueError, match="only COMPs"):
        box.__setstate__({"OPType": "boxSOP", "flags": {"allowCooking": False}})


def test_from_state_errors():
    with pytest.raises(ValueError, match="OPType"):
        td._td._op_from_state({"OPType": "nosuchTOP"})
    with pytest.raises(TypeError):
        td._td._op_from_state([])
    with pytest.raises(TypeError):
        td._td._op_from_state({"OPType": "baseCOMP"}, 5)


def test_root_state_copies_into_the_root(net):
    net.create(td.geometryCOMP, "inside")
    state = td.root.__getstate__()
    assert state["name"] == "" and state["OPType"] == "baseCOMP"
    dup = td._td._op_from_state({"OPType": "baseCOMP", "name": "", "children": []})
    assert dup.parent() is td.root and dup.name.startswith("base")
    dup.destroy()


def _workload(net):
    comp = net.create(td.baseCOMP, "w")
    geo = comp.create(td.geometryCOMP)
    a, b = geo.create(td.boxSOP), geo.create(td.boxSOP)
    b.setInputs([a])
    b.dock = a
    a.par.sizex.expr = "me.fetch('k', 1) + absTime.frame * 0"
    a.par.sizey.expr = "nosuch"  # an error, recorded
    comp.store("k", 3)
    comp.store("list", [1, 2, 3])
    comp.storeStartupValue("k", None)
    geo.tags = ["x", "y"]
    with pytest.raises(td.tdError):
        comp.cook(force=True, recurse=True)
    a.par.tx.expr = "parent().par.tx"
    geo.par.tx.expr = "op('geo1/box1').par.tx"  # a cycle with box1's tx
    with pytest.raises(td.tdError):
        geo.par.tx.eval()
    geo.parGroup.s = (1, 2, 3)
    _ = (geo.pages, geo.currentPage, a.inputConnectors[0].connections, b.outputs, geo.docked, geo.parGroup.s.eval())
    copy.deepcopy(comp)
    pickle.loads(pickle.dumps(comp)).destroy()
    b.changeType(td.sphereSOP)
    comp.findChildren(type=td.SOP, parValue="*")
    a.dependenciesTo(geo)
    a.par.tx.pulse(2, frames=1)
    td.advance()
    for o in net.children:
        o.destroy()


def test_no_memory_growth_over_repeated_use(net):
    """No reference leaks: the Python allocator's live blocks (objects and PyMem memory, which the
    C code uses) stop growing with repeated use. Caches of the interpreter settle during the first
    rounds; a leak of even one object a round would make every window grow by at least its length."""
    import gc
    import sys
    rounds = 300
    for _ in range(rounds):
        _workload(net)
    growths = []
    for _ in range(3):
        gc.collect()
        before = sys.getallocatedblocks()
        for _ in range(rounds):
            _workload(net)
        gc.collect()
        growths.append(sys.getallocatedblocks() - before)
    assert min(growths) < rounds // 2, growths
