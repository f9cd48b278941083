"""The type stubs (td_render/*.pyi) match the module: mypy's stubtest finds no difference, the generated
blocks are what scripts/gen_stubs.py writes now, and a type checker knows the operator types, their
typed op.par and what the package re-exports."""
import ast
import importlib.util
import inspect
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import td_render as td

ROOT = Path(__file__).resolve().parents[1]
ALLOWLIST = ROOT / "tests" / "stubtest_allowlist.txt"


def _gen_stubs():
    spec = importlib.util.spec_from_file_location("gen_stubs", ROOT / "scripts" / "gen_stubs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(args, tmp_path, cwd=ROOT):
    env = dict(os.environ, MYPY_CACHE_DIR=str(tmp_path / "mypy_cache"))
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_stubtest_finds_no_mismatch(tmp_path):
    """td_render and its submodules (td_render._td, the C module, among them) against their stubs."""
    r = _run(["-m", "mypy.stubtest", "--allowlist", str(ALLOWLIST), "td_render"], tmp_path)
    assert r.returncode == 0, "stubtest found mismatches:\n" + r.stdout + r.stderr
    assert "in 4 modules" in r.stdout, r.stdout  # td_render, ._td, ._save, .demo


def test_generated_blocks_are_current(tmp_path):
    r = _run([str(ROOT / "scripts" / "gen_stubs.py"), "--check"], tmp_path)
    assert r.returncode == 0, r.stderr + "\nregenerate with: .venv/bin/python scripts/gen_stubs.py"


def test_the_check_sees_a_stale_block(tmp_path):
    """A parameter dropped from the generated block, and one type's class gone, are both noticed."""
    gen = _gen_stubs()
    for relative, _ in gen.TARGETS:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / relative, tmp_path / relative)
    stub = tmp_path / "td_render" / "_td.pyi"
    text = stub.read_text()
    line = next(l for l in text.splitlines(keepends=True) if l.startswith("    sizex: _ParAttribute"))
    stub.write_text(text.replace(line, "", 1))
    r = _run([str(ROOT / "scripts" / "gen_stubs.py"), "--check", "--root", str(tmp_path)], tmp_path)
    assert r.returncode == 1 and "td_render/_td.pyi" in r.stderr and "gen_stubs.py" in r.stderr, r.stderr
    r = _run([str(ROOT / "scripts" / "gen_stubs.py"), "--root", str(tmp_path)], tmp_path)  # rewrites it
    assert r.returncode == 0 and stub.read_text() == text, r.stderr


def test_every_operator_type_has_a_generated_class_and_par_collection():
    gen = _gen_stubs()
    _, block, _ = gen.split((ROOT / "td_render" / "_td.pyi").read_text())
    classes = {n.name: n for n in ast.parse(block).body if isinstance(n, ast.ClassDef)}
    types = [cls for family in td.families.values() for cls in family]
    assert types and len(classes) == 2 * len(types)
    for cls in types:
        node = classes[cls.__name__]
        assert [ast.unparse(b) for b in node.bases] == [cls.__bases__[0].__name__]
        par_node = classes["_%s_par" % cls.__name__]
        listed = [a.target.id for a in par_node.body if isinstance(a, ast.AnnAssign)]
        instance = td.root.create(cls)
        try:
            assert listed == [p.name for p in instance.builtinPars], cls.__name__
        finally:
            instance.destroy()


def test_members_a_type_defines_itself_are_written_untyped():
    """No type has any today; the path a new one would take writes stubs stubtest accepts."""
    class Probe:
        def method(self, a, /, b, *, c=1):
            """A method."""

        def varargs(self, *args, key=None, **kw):
            """Another."""

        @property
        def value(self):
            """A property."""
    lines = _gen_stubs()._own_member_lines(Probe)
    assert lines == ["    def method(self, a: Any, /, b: Any, *, c: Any = ...) -> Any: ...",
                     "    @property", "    def value(self) -> Any: ...",
                     "    def varargs(self, *args: Any, key: Any = ..., **kw: Any) -> Any: ..."]
    stub = ast.parse("class Probe:\n" + "\n".join(lines)).body[0]
    method = next(n for n in stub.body if getattr(n, "name", "") == "method")
    assert [a.arg for a in method.args.posonlyargs] == ["self", "a"] and method.args.kwonlyargs[0].arg == "c"
    assert str(inspect.signature(Probe.method)) == "(self, a, /, b, *, c=1)"


def test_a_type_checker_knows_the_operators_and_their_parameters(tmp_path):
    script = tmp_path / "user.py"
    script.write_text(
        "from td_render import *\n"
        "import td_render as td\n"
        "geo = td.root.create(td.geometryCOMP, 'geo1')\n"
        "box = geo.create(boxSOP)\n"
        "reveal_type(geo)\n"
        "reveal_type(geo.par.tx)\n"
        "geo.par.tx = 5\n"
        "reveal_type(box.par.sizex.eval())\n"
        "reveal_type(root.create(renderTOP).save('x.png', asynchronous=True))\n"
        "reveal_type(op('geo1'))\n"
        "box.par.sizez.nosuchmember\n")
    r = _run(["-m", "mypy", "--no-error-summary", str(script)], tmp_path, cwd=ROOT)
    lines = [l.split(": ", 1)[1] for l in r.stdout.splitlines()]
    assert lines == [
        'note: Revealed type is "td_render._td.geometryCOMP"',
        'note: Revealed type is "td_render._td.Par"',
        'note: Revealed type is "Any"',
        'note: Revealed type is "td_render._save.FileSaveStatus"',
        'note: Revealed type is "td_render._td.OP | None"',
        'error: "Par" has no attribute "nosuchmember"  [attr-defined]',
    ], r.stdout + r.stderr


@pytest.mark.parametrize("name", [cls.__name__ for family in td.families.values() for cls in family])
def test_the_package_re_exports_every_operator_type(name):
    assert getattr(td, name) is getattr(td._td, name) and name in td.__all__
