"""Common Flags: stored on every OP with TouchDesigner's defaults, each change bumps the network
serial (so expressions that read them re-evaluate), allowCooking only clears on COMPs, one current
operator per network. Their effect on renders is in test_op_flags_render.py."""
import pytest

import td_render as td

DEFAULTS = dict(activeViewer=False, allowCooking=True, bypass=False, cloneImmune=False, current=False,
                display=True, expose=True, lock=False, selected=False, python=True, render=True,
                showCustomOnly=False, showDocked=True, viewer=False)


@pytest.mark.parametrize("optype", [td.geometryCOMP, td.renderTOP, td.boxSOP, td.phongMAT, td.baseCOMP])
def test_defaults(net, optype):
    o = (net.create(td.geometryCOMP) if optype is td.boxSOP else net).create(optype)
    assert {name: getattr(o, name) for name in DEFAULTS} == DEFAULTS


@pytest.mark.parametrize("flag", sorted(DEFAULTS))
def test_set_and_persist(net, flag):
    o = net.create(td.geometryCOMP)
    setattr(o, flag, not DEFAULTS[flag])
    assert getattr(o, flag) is (not DEFAULTS[flag])
    assert o.__getstate__()["flags"][flag] is (not DEFAULTS[flag])
    copy = net.copy(o)
    assert getattr(copy, flag) is (not DEFAULTS[flag])
    setattr(o, flag, 1 if not DEFAULTS[flag] else 0)  # ints are taken as bools
    assert getattr(o, flag) is (not DEFAULTS[flag])


@pytest.mark.parametrize("flag", sorted(DEFAULTS))
def test_bad_values(net, flag):
    o = net.create(td.geometryCOMP)
    for bad in ("yes", None, 1.0, [True]):
        with pytest.raises(TypeError):
            setattr(o, flag, bad)
    with pytest.raises(AttributeError):
        delattr(o, flag)
    assert getattr(o, flag) is DEFAULTS[flag]


def test_only_comps_clear_allow_cooking(net):
    for o in (net.create(td.renderTOP), net.create(td.geometryCOMP).create(td.boxSOP), net.create(td.phongMAT)):
        with pytest.raises(td.tdError, match="only COMPs"):
            o.allowCooking = False
        assert o.allowCooking is True
        o.allowCooking = True
    comp = net.create(td.baseCOMP)
    comp.allowCooking = False
    assert comp.allowCooking is False


def test_one_current_operator_per_network(net):
    a, b = net.create(td.geometryCOMP), net.create(td.geometryCOMP)
    inner = a.create(td.boxSOP)
    a.current = True
    inner.current = True  # another network: independent
    b.current = True
    assert (a.current, b.current, inner.current) == (False, True, True)


def test_flag_changes_re_evaluate_expressions(net):
    geo = net.create(td.geometryCOMP, "geo1")
    other = net.create(td.geometryCOMP)
    other.par.tx.expr = "10 if op('geo1').bypass else 1"
    assert other.par.tx.eval() == 1
    other.cook()
    cooks = other.totalCooks
    geo.bypass = True
    other.cook()  # the network changed: the cook is required
    assert other.totalCooks == cooks + 1 and other.par.tx.eval() == 10


def test_c_flag_accessor_matches_python(net):
    # td_op_flag() reads the same bits; changeType keeps them.
    box = net.create(td.geometryCOMP).create(td.boxSOP)
    box.render = False
    box.lock = True
    new = box.changeType(td.sphereSOP)
    assert (new.render, new.lock, new.display) == (False, True, True)


def test_flags_of_a_destroyed_operator(net):
    o = net.create(td.geometryCOMP)
    o.destroy()
    for flag in DEFAULTS:
        with pytest.raises(td.tdError):
            getattr(o, flag)
        with pytest.raises(td.tdError):
            setattr(o, flag, True)
