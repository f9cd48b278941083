"""Hostile input: every public method, property and parameter driven with arbitrary values.

A Hypothesis test draws a sequence of actions against a small network (a scene that renders, plus
whatever the actions create) and feeds each one arbitrary values: NaN, infinities, huge and
negative numbers, empty, huge, non-UTF-8 (surrogate-escaped) and lone-surrogate strings, NUL
bytes, wrong types, None, deeply nested and self-referential containers, destroyed operators, and
objects whose __str__ / __repr__ / __float__ / __index__ / __bool__ / __fspath__ / __eq__ /
__hash__ raise, return nonsense, or destroy and rename operators while td_render is converting
them. Every call must either return a valid result or raise one of ALLOWED; a crash fails the
whole run (and `make test-asan` turns memory errors and undefined behaviour into crashes).

Budget (profiles in conftest.py): `make test` runs the "ci" profile, the same 150 examples of up to
25 actions each run (about 4 s; 15 s under `make test-asan`); `make fuzz` runs "fuzz", 5,000 new ones
(about 2 minutes; 7 under ASan)."""
import decimal
import fractions
import math
import os
import sys

import numpy as np
import pytest
from hypothesis import given, note
from hypothesis import strategies as st
from PIL import Image

import td_render as td


class HostileError(Exception):
    """Raised by the hostile objects below: td_render must let it through unchanged."""


# The documented exception types (README "Errors"), plus what the hostile objects raise
# themselves. OverflowError is CPython's own for an int too large for a C long or double in
# argument parsing (save(quality=10**400), parent(10**100)), as in any CPython API; parameters
# promise ValueError instead and are checked for it separately.
ALLOWED = (TypeError, ValueError, AttributeError, KeyError, OSError, td.tdError, HostileError, OverflowError)
# Par acts as its value in arithmetic, so the value's own arithmetic errors are valid results too.
ALLOWED_ARITHMETIC = ALLOWED + (ArithmeticError,)

# bool(NotImplemented) as a flag argument warns (Python's behaviour, not ours).
pytestmark = pytest.mark.filterwarnings("ignore:NotImplemented should not be used:DeprecationWarning")

MAX_PIXELS = 64 * 64      # cooks larger than this are not attempted (time, not safety)
MAX_SPHERE_QUADS = 4096   # nor cooks of spheres finer than this
OP_TYPES = [td.baseCOMP, td.cameraCOMP, td.geometryCOMP, td.lightCOMP, td.ambientlightCOMP, td.renderTOP,
            td.boxSOP, td.sphereSOP, td.constantMAT, td.phongMAT]


def _par_names():
    comp = td.root.create(td.baseCOMP, "hostile_probe")
    try:
        return {t.__name__: [p.name for p in comp.create(t).par] for t in OP_TYPES}
    finally:
        comp.destroy()


PAR_NAMES = _par_names()
# Attribute names per type, taken once: copyreg caches __slotnames__ on a class the first time one of
# its objects is pickled, which would change dir() between examples.
ATTRIBUTES = {t: sorted(n for n in dir(t) if n != "__slotnames__") for t in OP_TYPES + [td.Par, td.ParCollection]}
ALL_PAR_NAMES = sorted({n for names in PAR_NAMES.values() for n in names})


# ---- hostile objects ----

def _boom(*args, **kwargs):
    raise HostileError("boom")


class RaisesEverywhere:
    __str__ = __repr__ = __float__ = __index__ = __int__ = __bool__ = __fspath__ = _boom
    __eq__ = __ne__ = __lt__ = __hash__ = __len__ = __iter__ = __format__ = __complex__ = _boom


class Returns:
    """__float__, __index__, __int__, __fspath__, __bool__, __str__ return a given (maybe wrong) thing."""

    def __init__(self, value):
        self.value = value

    def __float__(self):
        return self.value

    def __index__(self):
        return self.value

    def __int__(self):
        return self.value

    def __fspath__(self):
        return self.value

    def __bool__(self):
        return self.value

    def __str__(self):
        return self.value

    def __repr__(self):
        return "Returns(%s)" % type(self.value).__name__


class Meddler:
    """Changes the network while td_render converts it: destroys, renames or resizes an operator,
    then answers like a number, a path, a bool or a string."""

    def __init__(self, world, how, victim_index, answer):
        self.world, self.how, self.victim_index, self.answer = world, how, victim_index, answer

    def _meddle(self):
        victim = self.world.ops[self.victim_index % len(self.world.ops)]
        try:
            if self.how == "destroy":
                victim.destroy()
            elif self.how == "rename":
                victim.name = "renamed%d" % self.victim_index
            elif self.how == "resize":
                victim.par.resolutionw = 8 + self.victim_index % 24
            elif self.how == "create":
                victim.create(td.boxSOP)
        except ALLOWED:
            pass

    def __float__(self):
        self._meddle()
        return float(self.answer)

    def __index__(self):
        self._meddle()
        return int(self.answer)

    def __bool__(self):
        self._meddle()
        return bool(self.answer)

    def __fspath__(self):
        self._meddle()
        return os.path.join(self.world.folder, "meddled.png")

    def __repr__(self):
        return "Meddler(%s)" % self.how


class StrSub(str):
    __hash__ = __eq__ = __repr__ = __str__ = _boom


class IntSub(int):
    __index__ = __float__ = __repr__ = _boom


class FloatSub(float):
    def __float__(self):
        return 1.0


class Meta(type):
    __repr__ = _boom


class WeirdType(metaclass=Meta):
    pass


def _nested(depth):
    v = []
    for _ in range(depth):
        v = [v]
    return v


_self_list = []
_self_list.append(_self_list)
_self_dict = {}
_self_dict["x"] = _self_dict

SPECIAL_STRINGS = [
    "", " ", "/", "//", ".", "..", "../..", "/..", "*", "^", "^*", "geo*", "cam1", "geo1/box1", "/t_x/geo1",
    "a\x00b", "\x00", "\udcff", "\ud800", "caf\u00e9", "\U0001f600", "x" * 100_000, "/".join(["a"] * 5000),
    "*" * 2000, "[", "[!", "[]]", "\\", "%s%n%x", "geo* ^geo1", "\t\n", ",", "render1", "xyz", "srt", "ortho",
    b"\xff\xfe".decode("utf-8", "surrogateescape"), "x" * 255, "x" * 1023, "x" * 1024, "x" * 1025,
]
SPECIAL_NUMBERS = [
    0, 1, -1, 2, 8, 16, 255, 256, 2**31 - 1, 2**31, -2**31 - 1, 2**32, 2**53 + 1, 2**63, -2**63 - 1, 2**64,
    10**100, -10**100, 10**400, 0.0, -0.0, 0.5, -0.5, 1e-320, 5e-324, 1e308, -1e308, math.inf, -math.inf,
    math.nan, True, False, 1 + 2j, complex(math.nan, 0), decimal.Decimal("NaN"), decimal.Decimal("sNaN"),
    decimal.Decimal("1e999999"), decimal.Decimal("-0"), fractions.Fraction(10**400, 3), fractions.Fraction(1, 3),
    np.float32(math.nan), np.float64(-1e300), np.int64(-2**63), np.uint64(2**64 - 1), np.bool_(True),
    np.array([1.0, 2.0]), np.array(3.0), np.array([]), np.float16(65504),
]


def text():
    return st.one_of(
        st.text(st.characters(blacklist_categories=()), max_size=40),  # surrogates included
        st.binary(max_size=40).map(lambda b: b.decode("utf-8", "surrogateescape")),
        # by index: Hypothesis would repr the 100 kB strings when it describes the strategy
        st.integers(0, len(SPECIAL_STRINGS) - 1).map(lambda i: SPECIAL_STRINGS[i]),
        st.from_regex(r"[a-z]{1,6}[0-9]{0,3}", fullmatch=True),
    )


def numbers():
    return st.one_of(
        st.integers(0, len(SPECIAL_NUMBERS) - 1).map(lambda i: SPECIAL_NUMBERS[i]),  # by index, as above
        st.integers(),
        st.integers(-2**70, 2**70),
        st.floats(),
        st.floats(-2000, 2000),
        st.complex_numbers(),
        st.decimals(),
        st.fractions(),
    )


# Objects whose repr or hash raises (or is huge) are made outside Hypothesis, which reprs and
# hashes what it draws: strategies draw a recipe of safe values and names, build() makes the object.
FACTORIES = {
    "raises_everywhere": RaisesEverywhere,
    "str_subclass": lambda: StrSub("cam1"),
    "int_subclass": lambda: IntSub(3),
    "float_subclass": lambda: FloatSub(2.5),
    "weird_type": lambda: WeirdType,
    "weird_instance": WeirdType,
    "object": object,
    "object_type": lambda: object,
    "int_type": lambda: int,
    "type_type": lambda: type,
    "renderTOP_type": lambda: td.renderTOP,
    "OP_type": lambda: td.OP,
    "Par_type": lambda: td.Par,
    "deep_list": lambda: _nested(10_000),
    "self_list": lambda: _self_list,
    "self_dict": lambda: _self_dict,
    "memoryview": lambda: memoryview(b"ab"),
    "range": lambda: range(3),
    "slice": lambda: slice(1),
    "ellipsis": lambda: Ellipsis,
    "not_implemented": lambda: NotImplemented,
    "module": lambda: sys,
    "generator": lambda: (i for i in range(3)),
    "exception": lambda: HostileError("as a value"),
}


def _recipes():
    scalars = st.one_of(
        st.tuples(st.just("lit"), st.none() | st.booleans() | numbers() | text() | st.binary(max_size=20)),
        st.tuples(st.just("bytearray"), st.binary(max_size=8)),
        st.tuples(st.just("obj"), st.sampled_from(sorted(FACTORIES))),
    )
    returned = st.tuples(st.just("lit"), numbers() | text() | st.none()) | st.tuples(
        st.just("obj"), st.sampled_from(["raises_everywhere", "object", "str_subclass"]))
    return st.one_of(
        scalars,
        st.tuples(st.just("returns"), returned),
        st.recursive(scalars, lambda kids: st.tuples(st.just("list"), st.lists(kids, max_size=3))
                     | st.tuples(st.just("tuple"), st.lists(kids, max_size=3))
                     | st.tuples(st.just("dict"), st.lists(st.tuples(text(), kids), max_size=2)), max_leaves=6),
    )


RECIPES = _recipes()


def build(recipe):
    kind, arg = recipe
    if kind == "lit":
        return arg
    if kind == "bytearray":
        return bytearray(arg)
    if kind == "obj":
        return FACTORIES[arg]()
    if kind == "returns":
        return Returns(build(arg))
    if kind == "list":
        return [build(r) for r in arg]
    if kind == "tuple":
        return tuple(build(r) for r in arg)
    return {k: build(r) for k, r in arg}


# ---- the world an example acts on ----

class World:
    def __init__(self, folder):
        self.folder = folder
        self.comp = td.root.create(td.baseCOMP, "hostile")
        c = self.comp
        geo = c.create(td.geometryCOMP, "geo1")
        geo.create(td.boxSOP, "box1")
        sphere = geo.create(td.sphereSOP, "sphere1")
        sphere.par.rows, sphere.par.cols = 6, 8
        geo.par.material = c.create(td.phongMAT, "phong1")
        c.create(td.constantMAT, "constant1")
        c.create(td.cameraCOMP, "cam1")
        c.create(td.lightCOMP, "light1").par.tz = 5
        c.create(td.ambientlightCOMP, "ambient1")
        render = c.create(td.renderTOP, "render1")
        render.par.resolutionw, render.par.resolutionh = 16, 12
        self.ops = [td.root, c] + c.children + geo.children
        self.pars = [render.par.resolutionw, geo.par.material, sphere.par.rows]

    def value(self, data):
        """An arbitrary value: plain hostile values, the world's own objects, or a Meddler."""
        kind = data.draw(st.sampled_from(["plain"] * 6 + ["op", "par", "parcollection", "meddler"]))
        if kind == "op":
            return data.draw(st.sampled_from(self.ops))
        if kind == "par":
            return data.draw(st.sampled_from(self.pars))
        if kind == "parcollection":
            op = data.draw(st.sampled_from(self.ops))
            return op.par if op.valid else RaisesEverywhere()
        if kind == "meddler":
            return Meddler(self, data.draw(st.sampled_from(["destroy", "rename", "resize", "create"])),
                           data.draw(st.integers(0, 50)), data.draw(st.sampled_from([1, 0, 2.5, 16, -3])))
        return build(data.draw(RECIPES))

    def cook_is_cheap(self, op):
        if not (op.valid and op.isTOP):
            return True  # raises at once
        if op.par.resolutionw * op.par.resolutionh > MAX_PIXELS:
            return False
        for o in self.ops:
            if o.valid and o.OPType == "sphereSOP" and o.par.rows * o.par.cols > MAX_SPHERE_QUADS:
                return False
        return True

    def track(self, result):
        if isinstance(result, td.OP) and all(result is not o for o in self.ops):
            self.ops.append(result)
        if isinstance(result, td.Par):
            self.pars.append(result)


def attempt(what, fn, allowed=ALLOWED):
    """fn() must return normally or raise one of `allowed`; returns (ok, result)."""
    try:
        result = fn()
    except allowed as e:
        note("%s -> %s" % (what, type(e).__name__))
        return False, None
    except BaseException as e:  # noqa: BLE001 - anything else is the failure we look for
        raise AssertionError("%s raised %s (not an allowed type): %s" % (what, type(e).__name__, e)) from e
    note("%s -> ok (%s)" % (what, type(result).__name__))
    return True, result


# ---- checks of valid results ----

def check_par_value(par, v):
    style = par.style
    if style == "Float":
        assert type(v) is float and math.isfinite(v)
    elif style == "Int":
        assert type(v) is int
    elif style == "Toggle":
        assert type(v) is bool
    elif style == "Menu":
        assert v in par.menuNames
    else:
        assert type(v) is str


def channels_of(token):
    if token.startswith("monoalpha") or token.startswith("rg") and not token.startswith("rgb"):
        return 2
    if token.startswith("mono") or token.startswith("a"):
        return 1
    return 3 if token in ("rgb16float", "rgb32float") else 4


def check_image(op, a, current=True):
    """current: the image of this call (a delayed read returns an earlier call's, of its shape)."""
    assert isinstance(a, np.ndarray) and a.dtype == np.float32
    assert a.ndim == 3 and a.shape[2] in (1, 2, 3, 4) and a.flags.c_contiguous
    if current:
        assert a.shape == (op.height, op.width, channels_of(op.pixelFormatName))
        if "fixed" in op.pixelFormatName:
            assert np.isfinite(a).all() and a.min() >= 0.0 and a.max() <= 1.0


# ---- actions ----

def act_set_par(world, data):
    op = data.draw(st.sampled_from(world.ops))
    name = data.draw(st.sampled_from(PAR_NAMES.get(type(op).__name__) or ALL_PAR_NAMES) | text())
    value = world.value(data)
    how = data.draw(st.sampled_from(["attr", "item", "val", "menuIndex", "del-attr", "del-item", "del-val"]))
    note("set %r.par.%r (%s) = a %s" % (op, name, how, type(value).__name__))

    def go():
        pc = op.par
        if how == "attr":
            setattr(pc, name, value)
        elif how == "item":
            pc[name] = value
        elif how == "val":
            pc[name].val = value
        elif how == "menuIndex":
            pc[name].menuIndex = value
        elif how == "del-attr":
            delattr(pc, name)
        elif how == "del-item":
            del pc[name]
        else:
            del pc[name].val
        return pc[name]

    ok, par = attempt("set par", go)
    if ok and op.valid:
        check_par_value(par, par.eval())
    if isinstance(value, (int, float)) and not isinstance(value, bool) and how in ("attr", "item", "val"):
        # Parameters promise ValueError for out-of-range numbers, not OverflowError.
        attempt("set number", lambda: setattr(op.par, name, value), allowed=ALLOWED[:-1])


def act_read_par(world, data):
    if data.draw(st.booleans()):
        op = data.draw(st.sampled_from(world.ops))
        ok, par = attempt("get par", lambda: op.par[data.draw(st.sampled_from(ALL_PAR_NAMES) | text())])
        if not ok:
            return
        world.track(par)
    else:
        par = data.draw(st.sampled_from(world.pars))
    other = world.value(data)
    for name in ("val", "name", "label", "page", "owner", "default", "isDefault", "style", "isMenu", "isNumber",
                 "isFloat", "isInt", "isToggle", "isString", "isOP", "isPulse", "menuNames", "menuIndex", "min",
                 "max", "valid"):
        attempt("Par.%s" % name, lambda: getattr(par, name))
    for name in ("eval", "reset", "evalOPs"):
        ok, r = attempt("Par.%s()" % name, lambda: getattr(par, name)())
        if ok and name == "evalOPs":
            assert isinstance(r, list) and all(isinstance(o, td.OP) for o in r)
    attempt("Par.isSamePar", lambda: par.isSamePar(other))
    attempt("str(Par)", lambda: str(par))
    attempt("repr(Par)", lambda: repr(par))
    attempt("hash(Par)", lambda: hash(par))
    ops = ["+", "-", "*", "/", "//", "%", "**", "==", "!=", "<", ">=", "pow3"]
    funcs = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b,
             "//": lambda a, b: a // b, "%": lambda a, b: a % b, "**": lambda a, b: a ** b,
             "==": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b,
             ">=": lambda a, b: a >= b, "pow3": lambda a, b: pow(a, b, 7)}
    which = data.draw(st.sampled_from(ops))
    if which in ("*", "**") and (isinstance(other, (str, bytes, bytearray, list, tuple, memoryview))
                                 or (isinstance(other, int) and abs(other) > 64)):
        # Python itself would spend minutes and gigabytes on 32768 * 'x' * 100000 or 1280 ** 2**70.
        other = 2
    f = funcs[which]
    attempt("Par %s value" % which, lambda: f(par, other), ALLOWED_ARITHMETIC)
    attempt("value %s Par" % which, lambda: f(other, par), ALLOWED_ARITHMETIC)
    for g in (float, int, bool, abs, lambda p: -p, lambda p: +p):
        attempt("unary Par", lambda: g(par), ALLOWED_ARITHMETIC)


def act_create(world, data):
    comp = data.draw(st.sampled_from(world.ops))
    optype = data.draw(st.sampled_from(OP_TYPES + [t.__name__ for t in OP_TYPES] + [td.OP, td.TOP, td.COMP]))
    if data.draw(st.booleans()):
        optype = world.value(data)
    args = [optype]
    kwargs = {}
    if data.draw(st.booleans()):
        args.append(data.draw(st.none() | st.from_regex(r"[a-zA-Z_][a-zA-Z0-9_]{0,8}", fullmatch=True))
                    if data.draw(st.booleans()) else world.value(data))
    if data.draw(st.booleans()):
        kwargs["initialize"] = world.value(data)
    ok, new = attempt("create", lambda: comp.create(*args, **kwargs))
    if ok:
        assert isinstance(new, td.OP) and new.valid and new.parent() is comp
        assert new in comp.children
        world.track(new)


def act_rename(world, data):
    op = data.draw(st.sampled_from(world.ops))
    if data.draw(st.booleans()):
        attempt("del name", lambda: delattr(op, "name"))
        return
    value = world.value(data) if data.draw(st.booleans()) else data.draw(text())
    ok, _ = attempt("rename", lambda: setattr(op, "name", value))
    if ok and op.valid:
        assert type(op.name) is str and op.parent().op(op.name) is op


def act_navigate(world, data):
    op = data.draw(st.sampled_from(world.ops))
    v = world.value(data) if data.draw(st.booleans()) else data.draw(text())
    for what, fn in [("op()", lambda: op.op(v)), ("td.op()", lambda: td.op(v))]:
        ok, r = attempt(what, fn)
        if ok:
            assert r is None or isinstance(r, td.OP)
    vs = [world.value(data) if data.draw(st.booleans()) else data.draw(text())
          for _ in range(data.draw(st.integers(0, 3)))]
    for what, fn in [("ops()", lambda: op.ops(*vs)), ("td.ops()", lambda: td.ops(*vs))]:
        ok, r = attempt(what, fn)
        if ok:
            assert isinstance(r, list) and all(isinstance(o, td.OP) for o in r)
    ok, r = attempt("parent()", lambda: op.parent(v))
    if ok:
        assert r is None or isinstance(r, td.OP)
    for name in ("valid", "name", "path", "id", "family", "OPType", "type", "label", "subType", "isTOP", "isCOMP",
                 "isSOP", "isMAT", "isCHOP", "isDAT", "isObject", "children", "numChildren", "width", "height",
                 "totalCooks", "gpuMemory", "gpuCookTime", "cpuCookTime"):
        attempt("OP.%s" % name, lambda: getattr(op, name))
    attempt("repr(OP)", lambda: repr(op))
    ok, pc = attempt("OP.par", lambda: op.par)
    if ok:
        for what, fn in [("len", lambda: len(pc)), ("in", lambda: v in pc), ("iter", lambda: list(pc)),
                         ("dir", lambda: dir(pc)), ("repr", lambda: repr(pc))]:
            attempt("ParCollection %s" % what, fn)


def act_destroy(world, data):
    op = data.draw(st.sampled_from(world.ops))
    attempt("destroy", op.destroy)
    if op is not td.root:
        assert not op.valid


def act_cook(world, data):
    op = data.draw(st.sampled_from(world.ops))
    if not world.cook_is_cheap(op):
        note("cook skipped: too large")
        return
    kwargs = {k: world.value(data) for k in data.draw(st.sets(st.sampled_from(["delayed", "writable"])))}
    delayed = "delayed" in kwargs
    ok, a = attempt("numpyArray(%s)" % sorted(kwargs), lambda: op.numpyArray(**kwargs), ALLOWED)
    if ok and not (delayed and a is None):  # a delayed read returns None when none was started before
        check_image(op, a, current=not delayed)


def act_save(world, data):
    op = data.draw(st.sampled_from(world.ops))
    if not world.cook_is_cheap(op):
        note("save skipped: too large")
        return
    # Paths stay inside this example's folder: the hostile part is the name, not the place.
    kind = data.draw(st.sampled_from(["name", "name", "value", "none"]))
    if kind == "name":
        name = data.draw(text()).replace("..", "__").lstrip("/") or "x"
        suffix = data.draw(st.sampled_from([".png", ".PNG", "", ".gif", "/", ".png/x.png"]))
        path = os.path.join(world.folder, name + suffix)
        forms = [path, Returns(path)]
        try:
            forms.append(os.fsencode(path))
        except UnicodeEncodeError:  # a lone surrogate has no bytes form; as str it must be refused
            pass
        filepath = forms[data.draw(st.integers(0, len(forms) - 1))]
    elif kind == "value":
        filepath = world.value(data)
        if isinstance(filepath, str) or isinstance(filepath, bytes) or isinstance(filepath, Returns):
            filepath = os.path.join(world.folder, "x.png")
    else:
        filepath = None  # '<name>.png' in the current folder: the test runs in world.folder
    kwargs = {k: world.value(data) for k in data.draw(st.sets(st.sampled_from(["createFolders", "quality"])))}
    ok, out = attempt("save", lambda: op.save(filepath, **kwargs))
    if ok:
        assert isinstance(out, (str, bytes))  # the path as given (os.fspath of it)
        with Image.open(os.path.join(os.fsencode(world.folder), os.fsencode(out))) as img:
            assert img.size == (op.width, op.height)


def act_generic(world, data):
    """Any attribute of any of our objects, called with arbitrary arguments if it is callable."""
    kind = data.draw(st.sampled_from(["op", "par", "parcollection", "class", "module"]))
    if kind == "op":
        obj = data.draw(st.sampled_from(world.ops))
    elif kind == "par":
        obj = data.draw(st.sampled_from(world.pars))
    elif kind == "parcollection":
        op = data.draw(st.sampled_from(world.ops))
        if not op.valid:
            return
        obj = op.par
    elif kind == "class":
        cls = data.draw(st.sampled_from(OP_TYPES + [td.OP, td.COMP, td.ObjectCOMP, td.TOP, td.SOP, td.MAT, td.Par,
                                                    td.ParCollection]))
        args = [world.value(data) for _ in range(data.draw(st.integers(0, 2)))]
        attempt("%s(...)" % cls.__name__, lambda: cls(*args))
        return
    else:
        fn = data.draw(st.sampled_from([td.op, td.ops, td.glInfo]))
        args = [world.value(data) for _ in range(data.draw(st.integers(0, 2)))]
        attempt("td.%s(...)" % fn.__name__, lambda: fn(*args))
        return
    # save() is driven by act_save, which keeps the files it writes inside the example's folder;
    # numpyArray() of a large render only costs time and memory (a 16384 x 16384 float array is
    # 4 GB, which may or may not be there), as in act_cook.
    names = [n for n in ATTRIBUTES[type(obj)] if n != "save" and (n != "numpyArray" or world.cook_is_cheap(obj))]
    name = data.draw(st.sampled_from(names) | text())
    ok, attr = attempt("getattr %s" % name, lambda: getattr(obj, name))
    if ok and callable(attr):
        args = [world.value(data) for _ in range(data.draw(st.integers(0, 3)))]
        kwargs = {k: world.value(data) for k in data.draw(st.sets(text(), max_size=2))}
        ok, r = attempt("call %s" % name, lambda: attr(*args, **kwargs))
        if ok:
            world.track(r)


ACTIONS = [act_set_par, act_set_par, act_read_par, act_create, act_rename, act_navigate, act_destroy, act_cook,
           act_save, act_generic, act_generic]


# ---- the test ----

def reference_render(net):
    """A small constant-coloured box; its image must not change whatever the hostile actions did."""
    geo = net.create(td.geometryCOMP, "geo1")
    geo.create(td.boxSOP)
    mat = net.create(td.constantMAT)
    mat.par.colorr, mat.par.colorg, mat.par.colorb = 0.2, 0.4, 0.6
    geo.par.material = mat
    net.create(td.cameraCOMP, "cam1")
    r = net.create(td.renderTOP)
    r.par.resolutionw, r.par.resolutionh = 12, 8
    return r.numpyArray()


_reference = []


def reference():
    """The reference image, rendered once before any hostile action."""
    if not _reference:
        net = td.root.create(td.baseCOMP, "hostile_reference")
        try:
            _reference.append(reference_render(net))
        finally:
            net.destroy()
    return _reference[0]


@given(data=st.data())
def test_hostile_actions(data, tmp_path_factory, monkeypatch):
    expected = reference()
    folder = str(tmp_path_factory.mktemp("hostile"))
    monkeypatch.chdir(folder)
    before = td.root.children
    world = World(folder)
    try:
        for _ in range(data.draw(st.integers(1, 25), label="steps")):
            action = data.draw(st.sampled_from(ACTIONS), label="action")
            action(world, data)
    finally:
        for o in td.root.children:  # what the example made in the root
            if all(o is not b for b in before):
                o.destroy()
        if world.comp.valid:
            world.comp.destroy()
    assert td.root.valid and td.root.children == before
    # The renderer still works and gives the same image as before the storm.
    net = td.root.create(td.baseCOMP, "hostile_after")
    try:
        assert np.array_equal(reference_render(net), expected)
    finally:
        net.destroy()


def test_subclasses_cannot_make_uninitialised_objects():
    # OP and its abstract bases accept subclasses; none may produce an object td_render did not set up.
    for base in (td.OP, td.COMP, td.ObjectCOMP, td.TOP, td.SOP, td.MAT):
        sub = type("Sub", (base,), {})
        with pytest.raises(TypeError):
            sub()
        with pytest.raises(TypeError):
            object.__new__(sub)
        sub_new = type("SubNew", (base,), {"__new__": lambda cls: object.__new__(cls)})
        with pytest.raises(TypeError):
            sub_new()
        with pytest.raises(TypeError):
            td.root.create(sub)
    for t in OP_TYPES + [td.Par, td.ParCollection]:
        with pytest.raises(TypeError):
            t()
        with pytest.raises(TypeError):
            object.__new__(t)
