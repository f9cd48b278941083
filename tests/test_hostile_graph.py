"""Hostile scripts against the graph: blow-ups in time, interruptions, deep networks, and Python that
edits the network while C walks it.

Complexity is checked through counts (expression evaluations counted by a module the expressions
call), never wall time; benchmarks/bench_hostile.py shows the times."""
import signal
import sys
import threading
import types

import pytest

import td_render as td
from td_render._td import _op_from_state


@pytest.fixture
def counter():
    """A module expressions call: hit() counts one evaluation; interrupt/leave raise."""
    mod = types.ModuleType("hostile_counter")
    mod.n = 0

    def hit():
        mod.n += 1
        return 0

    def interrupt():
        raise KeyboardInterrupt("from an expression")

    def leave():
        raise SystemExit(3)

    def sigint():
        signal.raise_signal(signal.SIGINT)
        return 0

    mod.hit, mod.interrupt, mod.leave, mod.sigint = hit, interrupt, leave, sigint
    sys.modules["hostile_counter"] = mod
    yield mod
    del sys.modules["hostile_counter"]


HIT = "__import__('hostile_counter').hit()"


# ---- cause 8: blow-ups in time ----

def test_auto_names_are_the_lowest_free_number_in_step_with_renames_and_destroys(net):
    geos = [net.create(td.geometryCOMP) for _ in range(300)]
    assert [g.name for g in geos] == [f"geo{i}" for i in range(1, 301)]
    geos[4].destroy()
    assert net.create(td.geometryCOMP).name == "geo5"
    geos[6].name = "renamed"
    assert net.create(td.geometryCOMP).name == "geo7"
    assert net.op("renamed") is geos[6] and net.op("geo7").valid
    with pytest.raises(ValueError):
        geos[8].name = "renamed"
    geos[9].name = "geo9000"
    assert net.create(td.geometryCOMP).name == "geo10"
    assert net.create(td.geometryCOMP, "geo9000").name == "geo301"
    # changeType keeps the name and the index
    box = net.create(td.boxSOP, "shape")
    sphere = box.changeType(td.sphereSOP)
    assert sphere.name == "shape" and net.op("shape") is sphere
    assert net.create(td.boxSOP, "shape").name == "shape1"
    # every child is found by its name, and only children are
    names = [c.name for c in net.children]
    assert len(set(names)) == len(names)
    assert all(net.op(n).name == n for n in names)


def test_names_of_a_changed_type_comp_move_with_its_children(net):
    base = net.create(td.baseCOMP, "holder")
    kids = [base.create(td.boxSOP) for _ in range(3)]
    geo = base.changeType(td.geometryCOMP)
    assert [c.name for c in geo.children] == ["box1", "box2", "box3"]
    assert geo.op("box2") is kids[1]
    assert geo.create(td.boxSOP).name == "box4"
    kids[0].destroy()
    assert geo.create(td.boxSOP).name == "box1"


def _chain(net, n, expr_tx, expr_ty):
    ops = []
    for i in range(n):
        o = net.create(td.geometryCOMP, f"c{i}")
        prev = f"op('c{i - 1}')" if i > 0 else None
        o.par.tx.expr = expr_tx(prev)
        o.par.ty.expr = expr_ty(prev)
        ops.append(o)
    return ops


def test_one_evaluation_evaluates_each_parameter_once(net, counter):
    n = 16
    ops = _chain(net, n,
                 lambda p: f"{HIT} + ({p}.par.tx + {p}.par.ty + 1 if {p is not None} else 1)",
                 lambda p: f"{HIT} + ({p}.par.tx - {p}.par.ty if {p is not None} else 0)")
    value = ops[-1].par.tx.eval()
    # tx(k) = tx(k-1) + ty(k-1) + 1, ty(k) = tx(k-1) - ty(k-1): computed here independently
    tx, ty = 1.0, 0.0
    for _ in range(1, n):
        tx, ty = tx + ty + 1, tx - ty
    assert value == pytest.approx(tx)
    # every tx and ty of c0 .. c(n-2) once, and the last tx: 2n - 1 (2^n without the epoch)
    assert counter.n == 2 * n - 1
    counter.n = 0
    ops[-1].par.tx.eval()
    assert counter.n == 2 * n - 1, "a new outermost evaluation starts a new epoch"


def test_a_cook_evaluates_each_parameter_once(net, counter):
    ops = _chain(net, 12,
                 lambda p: f"{HIT} + ({p}.par.tx + {p}.par.ty if {p is not None} else 1)",
                 lambda p: f"{HIT} + ({p}.par.tx if {p is not None} else 2)")
    last = ops[-1]
    last.cook(force=True)
    # the generic cook evaluates every parameter of last: its tx and ty, each reaching c0 .. c10
    # through both paths; once each within the cook: 2 * 12
    assert counter.n == 2 * 12


def test_a_change_during_an_evaluation_forgets_the_values_of_the_epoch(net, counter):
    a, b, c = (net.create(td.geometryCOMP, n) for n in "abc")
    c.par.tx = 1
    b.par.tx.expr = f"{HIT} + op('c').par.tx"
    a.par.tx.expr = "float(op('b').par.tx) + (setattr(op('c').par, 'tx', 5) or 0) + float(op('b').par.tx)"
    assert a.par.tx.eval() == 1 + 5
    assert counter.n == 2


def test_cycles_are_still_found_within_an_epoch(net):
    a, b, d = (net.create(td.geometryCOMP, n) for n in "abd")
    a.par.tx.expr = "op('b').par.tx + 1"
    b.par.tx.expr = "op('a').par.tx + 1"
    d.par.tx.expr = "op('a').par.tx + op('b').par.tx"
    for p in (a.par.tx, b.par.tx, d.par.tx):
        with pytest.raises(td.tdError, match="recursive expression"):
            p.eval()
    b.par.tx.expr = "2"
    assert d.par.tx.eval() == 3 + 2


def test_dependencies_to_does_not_walk_every_path_that_misses_the_target(net):
    # c(i).tx reads c(i-1), c(i).ty reads c(i-2): Fibonacci(n) paths leave c0, none reaches 'end'
    # except the direct one; the search used to walk all of them (hours for n = 60).
    n = 60
    ops = [net.create(td.geometryCOMP, f"c{i}") for i in range(n)]
    for i in range(1, n):
        ops[i].par.tx.expr = f"op('c{i - 1}').par.tx + 1"
        ops[i].par.ty.expr = f"op('c{max(0, i - 2)}').par.ty + 1"
    end = net.create(td.geometryCOMP, "end")
    end.par.tx.expr = "op('c0').par.tx"
    driver = net.create(td.geometryCOMP, "driver")
    driver.par.tx.expr = f"sum(float(op('c' + str(i)).par.tx + op('c' + str(i)).par.ty) for i in range({n}))"
    driver.par.tx.eval()
    end.par.tx.eval()
    assert ops[0].dependenciesTo(end) == [[ops[0], end]]
    # paths through the lattice are all found (up to the cap): c0 -> c3 has 3 simple paths
    paths = ops[0].dependenciesTo(ops[3])
    assert sorted(len(p) for p in paths) == [3, 3, 4]
    assert all(p[0] is ops[0] and p[-1] is ops[3] for p in paths)


# ---- cause 5: signals and exits propagate unchanged ----

@pytest.mark.parametrize("call, exc", [("interrupt()", KeyboardInterrupt), ("leave()", SystemExit),
                                       ("sigint()", KeyboardInterrupt)])
def test_base_exceptions_from_an_expression_propagate_from_eval(net, counter, call, exc):
    g = net.create(td.geometryCOMP)
    g.par.tx.expr = f"__import__('hostile_counter').{call}"
    with pytest.raises(exc):
        g.par.tx.eval()
    h = net.create(td.geometryCOMP)
    h.par.ty.expr = f"op('{g.name}').par.tx + 1"
    with pytest.raises(exc):
        h.par.ty.eval()
    with pytest.raises(exc):
        float(h.par.ty)
    with pytest.raises(exc):
        g.cook(force=True)
    g.par.tx.expr = "2"
    assert h.par.ty.eval() == 3, "nothing stays pending"


@pytest.mark.parametrize("call, exc", [("interrupt()", KeyboardInterrupt), ("leave()", SystemExit)])
def test_base_exceptions_propagate_from_members_that_evaluate(net, counter, call, exc):
    r = net.create(td.renderTOP)
    r.par.resolutionw.expr = f"__import__('hostile_counter').{call}"
    with pytest.raises(exc):
        r.width
    with pytest.raises(exc):
        r.height
    r.par.resolutionw.expr = "32"
    assert r.width == 32


def test_keyboard_interrupt_in_a_cook_propagates(box_scene, counter):
    s = box_scene
    s["render"].par.resolutionw, s["render"].par.resolutionh = 16, 16
    s["geo"].par.tx.expr = "__import__('hostile_counter').interrupt()"
    with pytest.raises(KeyboardInterrupt):
        s["render"].numpyArray()
    s["geo"].par.tx.expr = "__import__('hostile_counter').leave()"
    with pytest.raises(SystemExit):
        s["render"].numpyArray()
    s["geo"].par.tx.expr = "0"
    assert s["render"].numpyArray().shape == (16, 16, 4)


# ---- cause 4: no unbounded C recursion ----

def _nest(top, depth):
    comps = [top]
    for _ in range(depth):
        comps.append(comps[-1].create(td.baseCOMP, "n"))
    return comps


def _deep_walks(top, depth):
    comps = _nest(top, depth)
    assert top.numChildrenRecursive == depth
    assert len(top.findChildren(type=td.baseCOMP)) == depth
    assert top.findChildren(depth=depth)[0] is comps[-1]
    assert top.errors(recurse=True) == ""
    assert top.childrenCPUMemory() >= 0 and top.childrenGPUMemory() >= 0
    top.cook(recurse=True)
    assert top.op(comps[-1].id) is None or True  # lookups by id walk the tree
    assert td.root.op(comps[-1].id) is comps[-1]
    state = top.__getstate__()
    inner, levels = state, 0
    while inner["children"]:
        inner, levels = inner["children"][0], levels + 1
    assert levels == depth
    copy = top.parent().copy(top)
    assert copy.numChildrenRecursive == depth
    copy.destroy()
    comps[1].destroy()
    assert not comps[-1].valid and top.numChildrenRecursive == 0


def test_100k_nested_comps_are_walked_without_recursion(net):
    _deep_walks(net.create(td.baseCOMP, "deep"), 100_000)


def test_deep_networks_in_a_thread_with_a_small_stack(net):
    old = threading.stack_size(256 * 1024)
    errors = []

    def run():
        try:
            _deep_walks(net.create(td.baseCOMP, "deep_t"), 3000)
        except BaseException as e:  # reported below
            errors.append(e)

    try:
        t = threading.Thread(target=run)
        t.start()
        t.join()
    finally:
        threading.stack_size(old)
    assert not errors, errors


def test_a_state_that_contains_itself_is_refused(net):
    comp = net.create(td.baseCOMP, "loop")
    state = comp.__getstate__()
    state["children"].append(state)
    with pytest.raises(ValueError, match="reached twice"):
        _op_from_state(state, net.path)
    shared = net.create(td.baseCOMP, "leaf").__getstate__()
    two = comp.__getstate__()
    two["children"] = [shared, shared]
    with pytest.raises(ValueError, match="reached twice"):
        _op_from_state(two, net.path)
    assert [c.name for c in net.children] == ["loop", "leaf"], "nothing half-made is left"


# ---- cause 1: Python that edits the network while C walks it ----

class Hostile:
    """A value or key whose __eq__/__hash__/__float__ runs an action first."""

    def __init__(self, action, value=0.5, hash_as="key", armed=True):
        self.action, self.value, self.hash_as, self.armed = action, value, hash_as, armed

    def act(self):
        if self.armed:
            self.action()

    def __float__(self):
        self.act()
        return self.value

    def __hash__(self):
        self.act()
        return hash(self.hash_as)

    def __eq__(self, other):
        self.act()
        return other == self.hash_as


def _actions(net, victim):
    """Each: destroy the operator being walked, create 200 siblings, rename it, destroy its parent."""
    return {
        "destroy": lambda: victim.valid and victim.destroy(),
        "create200": lambda: victim.valid and victim.parent() is not None and
        [victim.parent().create(td.boxSOP) for _ in range(200)],
        "rename": lambda: victim.valid and setattr(victim, "name", f"r{victim.id}"),
        "destroy_parent": lambda: victim.valid and victim.parent() is not net and victim.parent().destroy(),
    }


ACTIONS = ["destroy", "create200", "rename", "destroy_parent"]
OK_ERRORS = (td.tdError, ValueError, TypeError, KeyError)


def _scene(net):
    holder = net.create(td.baseCOMP, "holder")
    geo = holder.create(td.geometryCOMP, "geo1")
    geo.create(td.boxSOP, "box1")
    return holder, geo


@pytest.mark.parametrize("action", ACTIONS)
def test_find_children_survives_expressions_and_keys_that_edit(net, action):
    holder, geo = _scene(net)
    act = _actions(net, geo)[action]
    net.store("act", act)
    geo.par.tx.expr = "parent(2).fetch('act')() and 0.25"
    for kw in ({"parValue": "0.25"}, {"parExpr": "*fetch*"}, {"parName": "t*", "onlyNonDefaults": True},
               {"key": lambda o: act() or True}):
        try:
            found = net.findChildren(**kw)
        except OK_ERRORS:
            continue
        assert all(isinstance(o, td.OP) for o in found)
        if not geo.valid:
            holder, geo = _scene(net) if not holder.valid else (holder, holder.create(td.geometryCOMP))
            act = _actions(net, geo)[action]
            net.store("act", act)
            geo.par.tx.expr = "parent(2).fetch('act')() and 0.25"


@pytest.mark.parametrize("action", ACTIONS)
def test_dependencies_to_survives_op_parameters_that_edit(net, action):
    holder, geo = _scene(net)
    cam = holder.create(td.cameraCOMP, "cam1")
    net.store("act", _actions(net, geo)[action])
    render = holder.create(td.renderTOP)
    render.par.camera.expr = "parent(2).fetch('act')() and 'cam1'"
    render.par.geometry.expr = "parent(2).fetch('act')() and 'geo*'"
    try:
        paths = cam.dependenciesTo(render)
    except OK_ERRORS:
        return
    assert all(p[0] is cam and p[-1] is render for p in paths)


@pytest.mark.parametrize("action", ACTIONS)
def test_fetch_and_unstore_survive_keys_that_edit(net, action):
    holder, geo = _scene(net)
    box = geo.op("box1")
    act = _actions(net, box)[action]
    keys = [Hostile(act, armed=False), Hostile(act, hash_as="other", armed=False)]
    holder.storage[keys[0]] = 1
    geo.storage[keys[1]] = 2
    for k in keys:
        k.armed = True
    for call in (lambda: box.fetch("key", search=True), lambda: box.fetch("key", 0, storeDefault=True),
                 lambda: box.fetchOwner("key"), lambda: holder.unstore("*"), lambda: geo.unstore("k*")):
        try:
            call()
        except OK_ERRORS:
            pass


@pytest.mark.parametrize("action", ACTIONS)
def test_setstate_copies_the_state_before_applying_it(net, action):
    holder, geo = _scene(net)
    act = _actions(net, geo)[action]
    state = geo.__getstate__()
    state["pars"]["tx"]["val"] = Hostile(act)
    state["pars"]["ty"] = {"val": Hostile(act), "mode": "EXPRESSION", "expr": "1"}
    state["color"] = (Hostile(act), 0.5, 0.5)
    state["storage"] = {Hostile(act, hash_as="x"): 1}
    state["name"] = "geo1"
    try:
        geo.__setstate__(state)
    except OK_ERRORS:
        return
    assert geo.valid and geo.par.tx.val == 0.5 and geo.par.ty.eval() == 1
    # a COMP's state whose children's values edit the network
    hstate = holder.__getstate__()
    hstate["children"][0]["pars"]["tx"]["val"] = Hostile(act)
    try:
        net.copy(holder)
        _op_from_state(hstate, net.path)
    except OK_ERRORS:
        pass


@pytest.mark.parametrize("action", ACTIONS)
def test_errors_and_copies_survive_expressions_that_edit(net, action):
    holder, geo = _scene(net)
    net.store("act", _actions(net, geo)[action])
    geo.par.tx.expr = "parent(2).fetch('act')() and 1"
    for call in (lambda: holder.cook(force=True, recurse=True), lambda: net.errors(recurse=True),
                 lambda: holder.copyParameters(holder), lambda: geo.resetPars(),
                 lambda: geo.pars("t*"), lambda: geo.parGroups("t*"), lambda: net.copy(holder),
                 lambda: holder.__getstate__()):
        try:
            call()
        except OK_ERRORS:
            pass
