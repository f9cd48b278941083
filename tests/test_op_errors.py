"""Errors, warnings and script errors: addError/addWarning only while cooking and kept until the
next cook, script errors until cleared (with patterns), recursion through children, the report
format, and expression errors."""
import pytest

import td_render as td


def test_add_error_only_while_cooking(net):
    geo = net.create(td.geometryCOMP)
    for method in ("addError", "addWarning"):
        with pytest.raises(td.tdError, match="only valid while .* is cooking"):
            getattr(geo, method)("x")
    assert geo.errors() == "" and geo.warnings() == ""


def test_errors_added_during_a_cook_last_until_the_next(net):
    box = net.create(td.geometryCOMP, "geo1").create(td.boxSOP, "box1")
    box.par.sizex.expr = "(me.addError('bad size') or me.addWarning('odd size')) or 2"
    box.cook(force=True)
    assert box.errors() == "bad size (%s)" % box.path
    assert box.warnings() == "odd size (%s)" % box.path
    box.par.sizex.expr = "2"
    box.cook()
    assert box.errors() == "" and box.warnings() == ""


def test_errors_recurse(net):
    comp = net.create(td.baseCOMP, "comp")
    geo = comp.create(td.geometryCOMP, "geo1")
    box = geo.create(td.boxSOP, "box1")
    box.par.sizex.expr = "1/0"
    geo.par.tx.expr = "undefined_name"
    with pytest.raises(td.tdError):
        comp.cook(force=True, recurse=True)
    assert comp.errors() == ""
    lines = comp.errors(recurse=True).split("\n")
    assert len(lines) == 2
    assert lines[0].startswith("par tx: expression 'undefined_name' failed: NameError") and lines[0].endswith(
        "(%s)" % geo.path)
    assert "ZeroDivisionError" in lines[1] and lines[1].endswith("(%s)" % box.path)


def test_script_errors(net):
    comp = net.create(td.baseCOMP)
    geo = comp.create(td.geometryCOMP)
    geo.addScriptError("first problem")
    geo.addScriptError("second problem")
    comp.addScriptError("top problem")
    assert geo.scriptErrors() == "first problem (%s)\nsecond problem (%s)" % (geo.path, geo.path)
    assert comp.scriptErrors(recurse=True).count("\n") == 2
    geo.clearScriptErrors(error="first*")
    assert geo.scriptErrors() == "second problem (%s)" % geo.path
    comp.clearScriptErrors(error="nothing matches*", recurse=True)
    assert comp.scriptErrors(recurse=True).count("problem") == 2
    comp.clearScriptErrors(recurse=True)
    assert comp.scriptErrors(recurse=True) == ""
    assert geo.errors() == ""  # script errors are not cook errors


def test_bad_arguments(net):
    geo = net.create(td.geometryCOMP)
    for method in ("addError", "addWarning", "addScriptError"):
        with pytest.raises(TypeError):
            getattr(geo, method)(5)
    with pytest.raises(TypeError):
        geo.errors(nosuch=1)
    with pytest.raises(TypeError):
        geo.clearScriptErrors(error=3)
    geo.destroy()
    for method in ("errors", "warnings", "scriptErrors", "clearScriptErrors"):
        with pytest.raises(td.tdError):
            getattr(geo, method)()
