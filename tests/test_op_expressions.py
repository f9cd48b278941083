"""Parameter expressions: scope, re-evaluation when what they read changes (time, storage,
parameters), renders that follow them, errors, and recursion (a clear error, never a crash)."""
import math

import numpy as np
import pytest

import td_render as td
from imagetools import centroid

BOX_COLOR = np.array([204 / 255, 51 / 255, 102 / 255, 1.0], np.float32)


def box_centroid(render):
    return centroid(np.all(render.numpyArray() == BOX_COLOR, axis=-1))


def test_names_in_scope(net):
    geo = net.create(td.geometryCOMP, "geo1")
    cam = net.create(td.cameraCOMP, "cam1")
    box = geo.create(td.boxSOP, "box1")
    ev = geo.evalExpression
    assert ev("me") is geo and ev("op('cam1')") is cam and ev("opex('cam1')") is cam
    assert ev("ops('geo*', 'cam*')") == [geo, cam]
    assert ev("parent()") is net and ev("parent(2)") is td.root and ev("root") is td.root
    assert ev("absTime") is td.absTime and ev("project") is td.project and ev("math.pi") == math.pi
    assert ev("ParMode.EXPRESSION") is td.ParMode.EXPRESSION and ev("tdError") is td.tdError
    # op() is relative to the owner's network: for a SOP inside geo1, its siblings
    assert box.evalExpression("op('box1')") is box and box.evalExpression("op('../cam1')") is cam
    with pytest.raises(td.tdError, match="nothing"):
        geo.evalExpression("opex('nothing')")
    with pytest.raises(SyntaxError):
        geo.evalExpression("1 +")
    with pytest.raises(TypeError):
        geo.evalExpression(5)


def test_expression_reads_other_parameters(net):
    cam = net.create(td.cameraCOMP, "cam1")
    geo = net.create(td.geometryCOMP, "geo1")
    geo.par.ty.expr = "op('cam1').par.tz + 1"
    assert geo.par.ty.eval() == 6.0
    cam.par.tz = 10
    assert geo.par.ty.eval() == 11.0
    geo.par.tz.expr = "me.par.ty * 2"  # a chain
    assert geo.par.tz.eval() == 22.0
    r = net.create(td.renderTOP)
    r.par.camera.expr = "op('cam1')"  # an OP result becomes its path
    assert r.par.camera.eval() == cam.path
    r.par.resolutionw.expr = "int(op('cam1').par.tz) * 10"
    assert r.par.resolutionw.eval() == 100 and r.width == 100


def test_time_drives_expressions(net):
    geo = net.create(td.geometryCOMP)
    geo.par.tx.expr = "absTime.frame * 2"
    geo.par.ty.expr = "absTime.seconds"
    f0 = td.absTime.frame
    assert geo.par.tx.eval() == f0 * 2
    td.advance(3)
    assert td.absTime.frame == f0 + 3 and td.absTime.step == 3 and td.absTime.stepSeconds == 3 / 60
    assert geo.par.tx.eval() == (f0 + 3) * 2 and geo.par.ty.eval() == td.absTime.seconds
    assert td.absTime.rate == td.project.cookRate == 60


def test_advance_checks_its_argument():
    f = td.absTime.frame
    for bad in (0, -1, 10**12):
        with pytest.raises(ValueError):
            td.advance(bad)
    for bad in (1.5, "2", None, True):
        with pytest.raises(TypeError):
            td.advance(bad)
    td.advance()
    assert td.absTime.frame == f + 1 and td.absTime.step == 1


def test_cook_rate_scales_seconds():
    rate = td.project.cookRate
    try:
        td.project.cookRate = 30
        s = td.absTime.seconds
        td.advance(15)
        assert td.absTime.seconds == pytest.approx(s + 0.5) and td.absTime.stepSeconds == 0.5
        for bad in (0, -5, math.inf, math.nan):
            with pytest.raises(ValueError):
                td.project.cookRate = bad
        with pytest.raises(TypeError):
            td.project.cookRate = "60"
    finally:
        td.project.cookRate = rate


def test_render_follows_a_time_expression(box_scene):
    render, geo = box_scene["render"], box_scene["geo"]
    geo.par.tx.expr = "(absTime.frame % 2) * 0.5"
    first = box_centroid(render)
    cooks = render.totalCooks
    td.advance()
    second = box_centroid(render)
    assert abs(second[0] - first[0]) > 10  # the box moved by half a unit
    assert render.totalCooks == cooks + 1
    td.advance()
    assert box_centroid(render) == pytest.approx(first)


def test_render_follows_a_sop_expression(box_scene):
    render, box = box_scene["render"], box_scene["box"]
    covered = np.all(render.numpyArray() == BOX_COLOR, axis=-1).sum()
    box.par.sizex.expr = "1 + absTime.frame % 2"
    td.advance(1 + int(td.absTime.frame) % 2)  # to an odd frame: sizex 2
    wider = np.all(render.numpyArray() == BOX_COLOR, axis=-1).sum()
    assert wider > covered * 1.5
    assert box.par.sizex.eval() == 2.0


def test_render_follows_storage(box_scene):
    render, geo, net = box_scene["render"], box_scene["geo"], box_scene["net"]
    geo.par.ty.expr = "me.fetch('lift', 0)"
    low = box_centroid(render)
    net.store("lift", 0.5)  # found through the parents; storing re-cooks what reads it
    high = box_centroid(render)
    assert high[1] > low[1] + 10
    net.unstore("lift")
    assert box_centroid(render) == pytest.approx(low)


def test_unchanged_expressions_do_not_re_render(box_scene):
    render, geo = box_scene["render"], box_scene["geo"]
    geo.par.tx.expr = "0.25"
    render.numpyArray()
    cooks = render.totalCooks
    td.advance()  # the snapshot is rebuilt, evaluates to the same scene: no render
    render.numpyArray()
    assert render.totalCooks == cooks


def test_cur_par_names_the_parameter_being_evaluated(net):
    geo = net.create(td.geometryCOMP)
    geo.par.tx.expr = "len(me.curPar.name) * 10"
    geo.par.scale.expr = "len(me.curPar.name)"
    assert geo.par.tx.eval() == 20 and geo.par.scale.eval() == 5
    assert geo.curPar is None


def test_errors_are_reported_and_cleared(net):
    geo = net.create(td.geometryCOMP, "geo1")
    geo.par.tx.expr = "nosuchname + 1"
    with pytest.raises(td.tdError, match=r"/geo1: par tx: expression 'nosuchname \+ 1' failed: NameError"):
        geo.par.tx.eval()
    assert "NameError" in geo.errors() and geo.path in geo.errors()
    assert geo.par.tx.val == 0.0  # the constant is untouched
    with pytest.raises(td.tdError, match="NameError"):
        geo.cook(force=True)
    geo.par.tx.expr = "1"
    assert geo.par.tx.eval() == 1.0 and geo.errors() == ""
    geo.par.ty.expr = "'a string'"
    with pytest.raises(td.tdError, match="TypeError"):
        geo.par.ty.eval()
    geo.par.ty = 0  # back to constant mode: its expression's error no longer applies
    assert geo.errors() == ""
    geo.par.tz.expr = "1 +"
    with pytest.raises(td.tdError, match="SyntaxError"):
        geo.par.tz.eval()
    geo.par.tz.expr = "float('nan')"
    with pytest.raises(td.tdError, match="finite"):
        geo.par.tz.eval()


def test_recursive_expressions_fail_clearly(net):
    a = net.create(td.geometryCOMP, "a")
    b = net.create(td.geometryCOMP, "b")
    a.par.tx.expr = "op('b').par.tx + 1"
    b.par.tx.expr = "op('a').par.tx + 1"
    with pytest.raises(td.tdError, match=r"recursive expression: .*/a\.par\.tx -> .*/b\.par\.tx -> .*/a\.par\.tx"):
        a.par.tx.eval()
    a.par.ty.expr = "me.par.ty"
    with pytest.raises(td.tdError, match="recursive"):
        a.par.ty.eval()
    assert "recursive" in a.errors()
    with pytest.raises(td.tdError, match="recursive"):
        a.cook(force=True)
    b.par.tx = 1  # break the cycle
    assert a.par.tx.eval() == 2.0
    # a bare Par as the result is evaluated inside the cycle check too
    a.par.tz.expr = "op('b').par.tz"
    b.par.tz.expr = "op('a').par.tz"
    with pytest.raises(td.tdError, match=r"recursive expression: .*/a\.par\.tz -> .*/b\.par\.tz -> .*/a\.par\.tz"):
        a.par.tz.eval()


def test_deep_chains_stop_with_an_error(net):
    ops = [net.create(td.geometryCOMP, "g%d" % i) for i in range(80)]
    for i in range(79):
        ops[i].par.tx.expr = "op('g%d').par.tx + 1" % (i + 1)
    with pytest.raises(td.tdError, match="deeper than 64"):
        ops[0].par.tx.eval()
    assert ops[30].par.tx.eval() == 49.0  # a shorter chain is fine


def test_python_recursion_inside_an_expression(net):
    geo = net.create(td.geometryCOMP)
    geo.par.tx.expr = "(lambda f: f(f))(lambda f: f(f))"
    with pytest.raises(td.tdError, match="RecursionError"):
        geo.par.tx.eval()


def test_an_expression_may_not_set_its_own_parameter(net):
    geo = net.create(td.geometryCOMP)
    geo.par.tx.expr = "setattr(me.par, 'tx', 5) or 1"
    with pytest.raises(td.tdError, match="cannot be set by its own expression"):
        geo.par.tx.eval()
    geo.par.ty.expr = "setattr(me.par.ty, 'expr', '2') or 1"
    with pytest.raises(td.tdError, match="cannot replace itself"):
        geo.par.ty.eval()


def test_an_expression_destroying_its_operator(net):
    geo = net.create(td.geometryCOMP)
    geo.par.tx.expr = "me.destroy() or 1"
    with pytest.raises(td.tdError):
        geo.par.tx.eval()
    assert not geo.valid


def test_expression_reads_are_dependencies(net):
    cam = net.create(td.cameraCOMP, "cam1")
    geo = net.create(td.geometryCOMP, "geo1")
    geo.par.tx.expr = "op('cam1').par.tx * 2"
    geo.par.tx.eval()
    assert cam.dependenciesTo(geo) == [[cam, geo]]
    r = net.create(td.renderTOP)
    r.par.geometry = "geo1"  # r reads geo1 (geometry) and cam1 (its camera parameter)
    assert sorted(cam.dependenciesTo(r), key=len) == [[cam, r], [cam, geo, r]]
    assert geo.dependenciesTo(cam) == []


def test_threads_evaluate_independently(net):
    """Each thread has its own evaluation stack: an expression that lets another thread run in the
    middle (sleep) is neither mistaken for a cycle nor confused about curPar."""
    import threading
    import time as _time
    geos = [net.create(td.geometryCOMP, "g%d" % i) for i in range(4)]
    for i, g in enumerate(geos):
        g.par.ty = i
        g.par.tx.expr = "__import__('time').sleep(0.001) or (len(me.curPar.name) * 100 + me.par.ty)"
    shared = net.create(td.geometryCOMP, "shared")
    shared.par.tx.expr = "__import__('time').sleep(0.001) or 7"
    results, errors = [], []

    def work(g):
        try:
            for _ in range(20):
                results.append((g.name, g.par.tx.eval(), shared.par.tx.eval()))
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(g,)) for g in geos]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    _time.sleep(0)
    assert errors == []
    assert sorted(set(results)) == [("g%d" % i, 200.0 + i, 7.0) for i in range(4)]
