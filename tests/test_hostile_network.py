"""A hostile-script fuzzer: networks whose expressions, storage keys and values edit the network
while td_render is cooking, querying or saving it.

Hypothesis draws a small network (a renderTOP of a box seen by a camera and a shadowed light that
projects another render, a renderpassTOP over it, a depthTOP of that, a levelTOP and a rampTOP
(keys from a tableDAT) composited, plus extra operators)
and a plan: which parameters get an expression that performs a mutation, which storage keys and
state values do (through __hash__/__eq__/__float__), and which mutations they are (create,
destroy, rename, re-parent through copy, change format and resolution, resetPars, __setstate__).
Then several threads at once cook (numpyArray), query (findChildren, dependenciesTo, fetch,
errors) and save (saveByteArray) that network. Every call must return or raise one of ALLOWED; a
crash ends the run (and `make test-asan` turns memory errors into crashes).

Budget: the profile's max_examples / 2 ("ci" in `make test`: 75 fixed examples, a few seconds;
"fuzz" in `make fuzz`: 2,500 new ones; `make fuzz-asan` runs them under the sanitizers)."""
import sys
import threading
import types

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

import td_render as td

ALLOWED = (td.tdError, ValueError, TypeError, KeyError, AttributeError, OSError, RecursionError)
MUTATIONS = ["create", "destroy", "rename", "copy", "format", "resolution", "reset", "setstate", "nothing"]
TARGETS = ["geo", "box", "cam", "mat", "render", "extra", "holder", "pass", "depth", "light", "map", "level",
           "ramp", "keys", "comp"]
MAX_MUTATIONS = 25  # per example: each hook acts until the example's budget is spent


class Plan:
    """The mutations of one example, run by hooks; a budget keeps it finite."""

    def __init__(self, ops, steps):
        self.ops, self.steps, self.left, self.lock = ops, steps, MAX_MUTATIONS, threading.RLock()

    def run(self, k):
        with self.lock:
            if self.left <= 0:
                return 0
            self.left -= 1
        what, target = self.steps[k % len(self.steps)]
        o = self.ops.get(target)
        if o is None or not o.valid:
            return 0
        try:
            if what == "create":
                p = o if o.isCOMP else o.parent()
                p and [p.create(td.boxSOP) for _ in range(3)]
            elif what == "destroy" and o.parent() is not None and o is not self.ops["holder"]:
                o.destroy()
            elif what == "rename":
                o.name = f"m{o.id}"
            elif what == "copy" and o.parent() is not None:
                dest = self.ops["holder"] if o is not self.ops["holder"] else self.ops["net"]
                dest.valid and dest.copy(o)
            elif what == "format" and o.isTOP:
                o.par.format = (int(o.par.format.eval()) + 1) % 3
            elif what == "resolution" and o.isTOP:
                o.par.resolutionw = 4 + (o.id % 9)
            elif what == "reset":
                o.resetPars()
            elif what == "setstate":
                o.__setstate__(o.__getstate__())
        except ALLOWED:
            pass
        return 0


class Key:
    """A storage key (or state value) whose __hash__/__eq__/__float__ runs plan step k."""

    def __init__(self, plan, k, text):
        self.plan, self.k, self.text, self.armed = plan, k, text, False

    def _act(self):
        if self.armed:
            self.plan.run(self.k)

    def __hash__(self):
        self._act()
        return hash(self.text)

    def __eq__(self, other):
        self._act()
        return other == self.text

    def __float__(self):
        self._act()
        return 0.25


PARS = {"geo": ["tx", "ty", "material"], "box": ["sizex", "tx"], "cam": ["tz", "fov"],
        "mat": ["colorr", "alpha"], "render": ["resolutionw", "camera", "geometry"], "extra": ["tx"],
        "pass": ["renderinput", "geometry", "cleardepth"], "depth": ["rendertop", "depthspace"],
        "light": ["shadowtype", "dimmer", "projmap"], "map": ["resolutionw", "geometry"],
        "level": ["brightness1", "outputresolution", "npasses"], "ramp": ["dat", "period", "type"],
        "comp": ["operand", "format", "swaporder"]}

plans = st.fixed_dictionaries({
    "steps": st.lists(st.tuples(st.sampled_from(MUTATIONS), st.sampled_from(TARGETS)), min_size=1, max_size=8),
    "hooked": st.lists(st.tuples(st.sampled_from(sorted(PARS)), st.integers(0, 2), st.integers(0, 7)),
                       max_size=6),
    "keys": st.lists(st.tuples(st.sampled_from(["net", "holder", "geo"]), st.integers(0, 7)), max_size=3),
    "state_value": st.booleans(),
    "queries": st.lists(st.sampled_from(["cook", "find", "deps", "fetch", "errors", "save", "copy"]),
                        min_size=1, max_size=6),
    "threads": st.integers(1, 3),
})


def build(net):
    holder = net.create(td.baseCOMP, "holder")
    geo = holder.create(td.geometryCOMP, "geo1")
    box = geo.create(td.boxSOP, "box1")
    mat = holder.create(td.constantMAT, "mat1")
    geo.par.material = mat
    cam = holder.create(td.cameraCOMP, "cam1")
    render = holder.create(td.renderTOP, "render1")
    render.par.resolutionw, render.par.resolutionh = 8, 8
    extra = holder.create(td.geometryCOMP, "extra1")
    light = holder.create(td.lightCOMP, "light1")
    light.par.shadowtype = "hard2d"
    light.par.shadowresolution1 = light.par.shadowresolution2 = 16
    mp = holder.create(td.renderTOP, "map1")
    mp.par.resolutionw, mp.par.resolutionh = 4, 4
    light.par.projmap = mp
    ps = holder.create(td.renderpassTOP, "pass1")
    ps.setInputs([render])
    ps.par.geometry = "extra*"
    depth = holder.create(td.depthTOP, "depth1")
    depth.par.rendertop = ps
    # an image-TOP chain around the render: render1 -> level1 -> comp1 <- ramp1 (keys from a table)
    level = holder.create(td.levelTOP, "level1")
    level.inputConnectors[0].connect(render)
    keys = holder.create(td.tableDAT, "ramp1_keys")
    keys.clear()
    keys.appendRow(["pos", "r", "g", "b", "a"])
    keys.appendRow([0, 0, 0, 0, 1])
    keys.appendRow([1, 1, 0.5, 0, 1])
    ramp = holder.create(td.rampTOP, "ramp1")
    ramp.par.dat = keys
    ramp.par.resolutionw = ramp.par.resolutionh = 8
    comp = holder.create(td.compositeTOP, "comp1")
    comp.setInputs([level, ramp])
    return dict(net=net, holder=holder, geo=geo, box=box, cam=cam, mat=mat, render=render, extra=extra,
                light=light, map=mp, depth=depth, level=level, ramp=ramp, keys=keys, comp=comp, **{"pass": ps})


def query(ops, which):
    render, holder, net = ops["render"], ops["holder"], ops["net"]
    if which == "cook":
        a = render.numpyArray()
        assert a.ndim == 3
        if ops["depth"].valid:
            assert ops["depth"].numpyArray().ndim == 3
        if ops["comp"].valid:
            assert ops["comp"].numpyArray().ndim == 3
    elif which == "find":
        net.findChildren(parValue="*")
        net.findChildren(key=lambda o: o.valid)
    elif which == "deps":
        ops["cam"].dependenciesTo(render)
    elif which == "fetch":
        ops["box"].fetch("k", None, search=True)
    elif which == "errors":
        net.errors(recurse=True)
    elif which == "save":
        render.saveByteArray(".png")
    elif which == "copy":
        net.copy(holder).destroy()


@settings(max_examples=max(1, settings.default.max_examples // 2))
@given(plan=plans)
def test_hostile_networks(net, plan):
    ops = build(net)
    p = Plan(ops, plan["steps"])
    mod = types.ModuleType("hostile_fuzz")
    mod.run = p.run
    sys.modules["hostile_fuzz"] = mod
    try:
        for name, which, k in plan["hooked"]:
            par = PARS[name][which % len(PARS[name])]
            o = ops[name]
            if o.valid:
                fallback = getattr(o.par, par).val
                getattr(o.par, par).expr = f"__import__('hostile_fuzz').run({k}) or {fallback!r}"
        keys = []
        for owner, k in plan["keys"]:
            key = Key(p, k, "k")
            if ops[owner].valid:
                ops[owner].storage[key] = k
                keys.append(key)
        if plan["state_value"]:
            state = ops["geo"].__getstate__()
            state["pars"]["tx"]["val"] = Key(p, 0, "v")
            state["pars"]["tx"]["val"].armed = True
            try:
                ops["extra"].__setstate__(state)
            except ALLOWED:
                pass
        for key in keys:
            key.armed = True
        note(f"plan {plan}")

        def worker():
            for q in plan["queries"]:
                try:
                    query(ops, q)
                except ALLOWED:
                    pass

        threads = [threading.Thread(target=worker) for _ in range(plan["threads"] - 1)]
        for t in threads:
            t.start()
        worker()
        for t in threads:
            t.join()
    finally:
        del sys.modules["hostile_fuzz"]
        for child in list(net.children):
            if child.valid:
                child.destroy()
