"""Storage: store/fetch/fetchOwner/unstore with patterns, searching parents, defaults, startup
values, and re-cooking what reads it."""
import pytest

import td_render as td


def test_store_and_fetch(net):
    geo = net.create(td.geometryCOMP)
    value = {"nested": [1, 2]}
    assert geo.store("k", value) is value
    assert geo.fetch("k") is value and geo.storage == {"k": value}
    geo.store("k", 2)
    assert geo.fetch("k") == 2


def test_fetch_searches_parents(net):
    comp = net.create(td.baseCOMP)
    geo = comp.create(td.geometryCOMP)
    box = geo.create(td.boxSOP)
    net.store("shared", "top")
    geo.store("shared", "near")
    assert box.fetch("shared") == "near" and box.fetchOwner("shared") is geo
    assert comp.fetch("shared") == "top" and comp.fetchOwner("shared") is net
    with pytest.raises(KeyError):
        box.fetch("shared", search=False)
    assert box.fetch("shared", "dflt", search=False) == "dflt"
    assert box.fetchOwner("nothing") is None


def test_defaults(net):
    geo = net.create(td.geometryCOMP)
    with pytest.raises(KeyError, match="missing"):
        geo.fetch("missing")
    assert geo.fetch("missing", None) is None and geo.storage == {}
    assert geo.fetch("missing", 5, storeDefault=True) == 5
    assert geo.storage == {"missing": 5}
    assert geo.fetch("missing", 6, storeDefault=True) == 5


def test_unstore_patterns(net):
    geo = net.create(td.geometryCOMP)
    for k in ("apple", "apricot", "banana", "cherry"):
        geo.store(k, 1)
    geo.unstore("ap*")
    assert sorted(geo.storage) == ["banana", "cherry"]
    geo.unstore("nothing*", "ban?na")
    assert sorted(geo.storage) == ["cherry"]
    geo.unstore("*")
    assert geo.storage == {}
    geo.unstore("never stored")  # patterns that match nothing are fine
    with pytest.raises(TypeError):
        geo.unstore()
    with pytest.raises(TypeError):
        geo.unstore(5)


def test_startup_values(net):
    geo = net.create(td.geometryCOMP)
    session = object()  # something that should not be persisted
    geo.store("conn", session)
    geo.storeStartupValue("conn", None)
    geo.storeStartupValue("other", 3)
    assert geo.fetch("conn") is session  # the live value is unchanged
    state = geo.__getstate__()
    assert state["storage"] == {"conn": None, "other": 3} and state["storageStartup"] == {"conn": None, "other": 3}
    copy = net.copy(geo)
    assert copy.fetch("conn") is None and copy.fetch("other") == 3
    geo.unstoreStartupValue("c*")
    assert geo.__getstate__()["storageStartup"] == {"other": 3}
    assert geo.fetch("conn") is session


def test_storing_re_cooks_what_reads_it(net):
    geo = net.create(td.geometryCOMP)
    geo.par.tx.expr = "me.fetch('x', 0) * 2"
    geo.cook()
    assert geo.par.tx.eval() == 0
    cooks = geo.totalCooks
    net.store("x", 4)
    geo.cook()
    assert geo.totalCooks == cooks + 1 and geo.par.tx.eval() == 8
    net.unstore("x")
    geo.cook()
    assert geo.totalCooks == cooks + 2 and geo.par.tx.eval() == 0


def test_bad_keys_and_destroyed(net):
    geo = net.create(td.geometryCOMP)
    for bad in (1, None, ("t",)):
        with pytest.raises(TypeError):
            geo.store(bad, 1)
        with pytest.raises(TypeError):
            geo.fetch(bad)
        with pytest.raises(TypeError):
            geo.fetchOwner(bad)
    with pytest.raises(AttributeError):
        geo.storage = {}
    geo.storage[5] = "odd key put directly"
    geo.unstore("*")  # keys that are not str are not matched by patterns
    assert geo.storage == {5: "odd key put directly"}
    geo.destroy()
    for call in (lambda: geo.store("a", 1), lambda: geo.fetch("a", 1), lambda: geo.storage,
                 lambda: geo.unstore("a"), lambda: geo.fetchOwner("a")):
        with pytest.raises(td.tdError):
            call()
