"""The contract every operator type keeps, walked over td.families so a new type is covered
without a new test: its docstring documents every parameter with its default (written from the
parameter table), and it can be created, cooked, pickled, copied and destroyed."""
import copy
import pickle

import pytest

import td_render as td

TYPES = [t for family in td.families.values() for t in family]


def _default_text(par):
    d = par.default
    if par.isMenu:
        return "%s = '%s'" % (par.name, d)
    if par.isString or par.isOP:
        return "%s = '%s'" % (par.name, d)
    if par.isToggle:
        return "%s = %s" % (par.name, bool(d))
    return "%s = %r" % (par.name, d)


def test_every_family_type_is_listed():
    assert len(TYPES) == len(set(TYPES)) >= 11
    assert all(isinstance(t, type) and issubclass(t, td.OP) for t in TYPES)


@pytest.mark.parametrize("optype", TYPES, ids=lambda t: t.__name__)
def test_docstring_names_every_parameter_and_default(net, optype):
    o = net.create(optype)
    doc = optype.__doc__
    assert doc.startswith(optype.__name__)
    for par in o.builtinPars:
        assert _default_text(par) in doc, (optype.__name__, par.name)
        assert par.page.name + " page:" in doc


@pytest.mark.parametrize("optype", TYPES, ids=lambda t: t.__name__)
def test_create_cook_copy_pickle_destroy(net, optype):
    o = net.create(optype)
    assert type(o) is optype and o.OPType == optype.__name__
    try:
        o.cook(force=True)
    except td.tdError as e:  # e.g. a render without a camera: the failure is the node's error
        assert str(e) in o.errors()
    c = net.copy(o, name="copied")
    assert type(c) is optype and c.name == "copied"
    assert [p.eval() for p in c.builtinPars] == [p.eval() for p in o.builtinPars]
    d = copy.deepcopy(o)
    assert type(d) is optype
    p = pickle.loads(pickle.dumps(o))
    assert type(p) is optype
    for x in (o, c, d, p):
        x.destroy()
        assert not x.valid
