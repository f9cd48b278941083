"""The layering of src/, read from the source: which folder may include what, and where GL is called.

`check_tree(root)` reads every C file under root/src and returns the violations of these rules:

  python-in-plain-c  a plain-C folder includes Python.h (or structmember.h, numpy/...), directly or
                     through headers of ours that do;
  never-reaches      a folder includes, directly or through our headers, a folder it may never reach
                     (src/graph -> src/gpu: the network knows no GPU);
  gl-outside-gpu     a GL or EGL call (glFoo(, eglFoo(), or an include of a GL loader or GL header,
                     in a file outside src/gpu (comments and string literals are ignored);
  folder-cycle       the folders include each other in a circle (a file of folder A including a
                     header of folder B is an edge A -> B; the files directly in src/ are folder "src");
  file-cycle         files of more than one folder include each other in a circle (a .c file and its
                     .h in the same folder count as one node, "x.[ch]": x.c defines what x.h declares).

Includes are resolved as the build does (setup.py passes -Isrc): `#include "x/y.h"` relative to src/,
then relative to the including file; a quoted include that is neither, or a system include, is not
ours and only counts for the header-name rules. A folder is the first path component under src/
(src/ops/top/x.c is in "ops").

The fixture trees under tests/fixtures/layering/ hold one deliberate violation each (and one tree
with none), so each rule is shown to fail; test_src_layering applies the same checker to src/.
"""
import collections
import dataclasses
import os
import pathlib
import re

import pytest

# ---- the rules: change the layout here, in one place ----
RULES = {
    # Folders under src/ that are plain C: no Python headers, directly or through ours.
    "plain_c": ("gpu", "image", "util", "geom", "chan", "scene", "cuda"),
    # Include names that mean Python.
    "python_headers": r"Python\.h|structmember\.h|numpy/.*",
    # The one folder that may talk to GL, and the include names that mean GL.
    "gl_folder": "gpu",
    "gl_headers": r"(glad|GL|GLES\d*|EGL|KHR)/.*",
    # folder -> folders it may never reach, directly or through the headers it includes.
    "never_reaches": {
        "graph": ("gpu",),                   # the network knows no GPU
        "image": ("gpu", "graph", "ops"),    # encoders know nothing of GL or the network
        "geom": ("gpu", "graph", "ops"),     # geometry is data: no GL, no network
        "chan": ("gpu", "graph", "ops"),     # channels likewise
    },
}
C_SUFFIXES = (".c", ".h", ".cc", ".cpp", ".hpp", ".cu", ".cuh", ".inc")
GL_CALL = re.compile(r"\b(?:gl|egl)[A-Z]\w*\s*\(")
INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*([<"])([^>"\n]+)[>"]', re.M)

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "layering"
REPO = pathlib.Path(__file__).resolve().parent.parent


@dataclasses.dataclass(frozen=True)
class Violation:
    rule: str
    path: str  # relative to the tree's root, e.g. "src/gpu/a.c"
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: [{self.rule}] {self.message}"


@dataclasses.dataclass(frozen=True)
class Include:
    line: int
    name: str  # as written
    system: bool  # <...>
    target: str | None  # the file of ours it names (relative to src/), or None


def strip_c(text, keep_strings):
    """text with comments (and, unless keep_strings, string and character literals) blanked out;
    newlines are kept, so line numbers stay."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("".join(ch if ch == "\n" else " " for ch in text[i:j]))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(text[i:j] if keep_strings else c + " " * (j - i - 2) + c)
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def folder_of(rel):
    """The folder (layer) of a path relative to src/: its first component, or "src"."""
    parts = pathlib.PurePosixPath(rel).parts
    return parts[0] if len(parts) > 1 else "src"


def unit_of(rel):
    """x.c and x.h in the same directory are one node of the file graph."""
    p = pathlib.PurePosixPath(rel)
    return str(p.with_suffix("")) + ".[ch]" if p.suffix in (".c", ".h") else rel


def line_of(text, pos):
    return text.count("\n", 0, pos) + 1


class Tree:
    def __init__(self, root):
        self.root = pathlib.Path(root)
        self.src = self.root / "src"
        self.files = {}  # rel (to src/) -> text
        for path in sorted(self.src.rglob("*")):
            if path.is_file() and path.suffix in C_SUFFIXES:
                self.files[path.relative_to(self.src).as_posix()] = path.read_text(errors="replace")
        self.includes = {rel: self._includes(rel, text) for rel, text in self.files.items()}

    def _resolve(self, rel, name):
        for base in (pathlib.PurePosixPath(), pathlib.PurePosixPath(rel).parent):
            cand = os.path.normpath(str(base / name)).replace(os.sep, "/")
            if not cand.startswith("../") and cand in self.files:
                return cand
        return None

    def _includes(self, rel, text):
        code = strip_c(text, keep_strings=True)
        result = []
        for m in INCLUDE.finditer(code):
            system = m.group(1) == "<"
            name = m.group(2).strip()
            result.append(Include(line_of(code, m.start()), name, system,
                                  None if system else self._resolve(rel, name)))
        return result

    def shown(self, rel):
        return f"src/{rel}"

    def reach(self, rel):
        """Files of ours reachable from rel through includes, each with the chain of includes that
        first reaches it (breadth first: a shortest chain)."""
        chains = {rel: []}
        queue = collections.deque([rel])
        while queue:
            cur = queue.popleft()
            for inc in self.includes[cur]:
                if inc.target is not None and inc.target not in chains:
                    chains[inc.target] = chains[cur] + [(cur, inc)]
                    queue.append(inc.target)
        return chains

    def describe_chain(self, chain):
        return " -> ".join(f"{inc.name} ({self.shown(cur)}:{inc.line})" for cur, inc in chain)


def check_python_in_plain_c(tree):
    python = re.compile(RULES["python_headers"])
    holders = {rel: [inc for inc in incs if python.fullmatch(inc.name)] for rel, incs in tree.includes.items()}
    found = []
    for rel in tree.files:
        if folder_of(rel) not in RULES["plain_c"]:
            continue
        if holders[rel]:
            for inc in holders[rel]:
                found.append(Violation("python-in-plain-c", tree.shown(rel), inc.line,
                                       f"plain-C folder src/{folder_of(rel)} includes {inc.name}"))
            continue
        chains = tree.reach(rel)
        for other, chain in chains.items():
            if chain and holders[other]:
                inc = holders[other][0]
                found.append(Violation(
                    "python-in-plain-c", tree.shown(rel), chain[0][1].line,
                    f"plain-C folder src/{folder_of(rel)} reaches {inc.name} through "
                    f"{tree.describe_chain(chain)} -> {inc.name} ({tree.shown(other)}:{inc.line})"))
                break
    return found


def check_never_reaches(tree):
    found = []
    for rel in tree.files:
        for banned in RULES["never_reaches"].get(folder_of(rel), ()):
            direct = [inc for inc in tree.includes[rel] if not inc.system and (
                (inc.target is not None and folder_of(inc.target) == banned) or
                (inc.target is None and inc.name.startswith(banned + "/")))]
            for inc in direct:
                found.append(Violation("never-reaches", tree.shown(rel), inc.line,
                                       f"src/{folder_of(rel)} includes {inc.name} of src/{banned}"))
            if direct:
                continue
            for other, chain in tree.reach(rel).items():
                if chain and folder_of(other) == banned:
                    found.append(Violation("never-reaches", tree.shown(rel), chain[0][1].line,
                                           f"src/{folder_of(rel)} reaches src/{banned} through "
                                           f"{tree.describe_chain(chain)}"))
                    break
    return found


def check_gl_outside_gpu(tree):
    gl_headers = re.compile(RULES["gl_headers"])
    found = []
    for rel, text in tree.files.items():
        if folder_of(rel) == RULES["gl_folder"]:
            continue
        for inc in tree.includes[rel]:
            if gl_headers.fullmatch(inc.name):
                found.append(Violation("gl-outside-gpu", tree.shown(rel), inc.line,
                                       f"includes the GL header {inc.name} outside src/{RULES['gl_folder']}"))
        code = strip_c(text, keep_strings=False)
        for m in GL_CALL.finditer(code):
            call = re.sub(r"\s+", "", m.group(0))
            found.append(Violation("gl-outside-gpu", tree.shown(rel), line_of(code, m.start()),
                                   f"calls {call}...) outside src/{RULES['gl_folder']}"))
    return found


def strongly_connected(nodes, edges):
    """Tarjan's components of the graph (edges: node -> iterable of nodes), each sorted, in a
    stable order."""
    index, low, stack, on_stack, comps = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            comps.append(sorted(comp))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return sorted(comps)


def path_within(edges, start, goal, allowed):
    """A shortest path start -> ... -> goal using only nodes in allowed (a list of nodes)."""
    prev = {start: None}
    queue = collections.deque([start])
    while queue:
        cur = queue.popleft()
        if cur == goal:
            break
        for nxt in sorted(edges.get(cur, ())):
            if nxt in allowed and nxt not in prev:
                prev[nxt] = cur
                queue.append(nxt)
    path, cur = [], goal
    while cur is not None:
        path.append(cur)
        cur = prev[cur]
    return path[::-1]


def cycle_violations(tree, rule, node_of, crosses, label):
    """One violation per circle (strongly connected set of more than one node) of the include graph
    whose nodes are node_of(file), printed as one cycle with an example include per edge."""
    edges, example = collections.defaultdict(set), {}
    for rel, incs in tree.includes.items():
        for inc in incs:
            if inc.target is None:
                continue
            a, b = node_of(rel), node_of(inc.target)
            if a != b:
                edges[a].add(b)
                example.setdefault((a, b), (rel, inc))
    nodes = set(edges) | {b for bs in edges.values() for b in bs}
    found = []
    for comp in strongly_connected(nodes, edges):
        if len(comp) < 2 or not crosses(comp):
            continue
        members = set(comp)
        # Start the printed cycle on an edge that leaves a folder, so the crossing shows.
        first = min((a, b) for a in comp for b in edges[a] if b in members and crosses([a, b]))
        cycle = [first[0]] + path_within(edges, first[1], first[0], members)
        steps = []
        for a, b in zip(cycle, cycle[1:]):
            rel, inc = example[(a, b)]
            steps.append(f"{a} -> {b} ({tree.shown(rel)}:{inc.line} #include \"{inc.name}\")")
        rel, inc = example[first]
        found.append(Violation(rule, tree.shown(rel), inc.line,
                               f"{label} of {len(comp)} ({', '.join(comp)}): " + "; ".join(steps)))
    return found


def check_cycles(tree):
    found = cycle_violations(tree, "folder-cycle", folder_of, lambda comp: True, "folder circle")

    def crosses(comp):
        return len({folder_of(u) for u in comp}) > 1

    return found + cycle_violations(tree, "file-cycle", unit_of, crosses, "file circle across folders")


def check_tree(root):
    """Every violation of RULES in root/src, sorted by file and line."""
    tree = Tree(root)
    found = (check_python_in_plain_c(tree) + check_never_reaches(tree) + check_gl_outside_gpu(tree) +
             check_cycles(tree))
    return sorted(found, key=lambda v: (v.path, v.line, v.rule, v.message))


# ---- the checker, shown to fail on one deliberate violation per fixture tree ----

def summary(violations):
    return sorted((v.rule, v.path, v.line) for v in violations)


def test_good_tree_has_no_violation():
    # Plain-C folders, graph -> ops never back, GL only in gpu, Python.h only in graph/ops, GL names in
    # comments and strings, and an include that is not ours.
    assert check_tree(FIXTURES / "good") == []


# (fixture, the violations it was built with: rule, file, line of the offending include or call)
EXPECTED = {
    "bad_python_in_gpu": [("python-in-plain-c", "src/gpu/a.c", 3)],
    "bad_python_through_header": [("python-in-plain-c", "src/image/enc.c", 2)],
    "bad_numpy_in_util": [("python-in-plain-c", "src/util/arr.c", 1), ("python-in-plain-c", "src/util/arr.h", 4)],
    "bad_graph_to_gpu": [("never-reaches", "src/graph/op.h", 4)],
    "bad_graph_through_header": [("never-reaches", "src/graph/node.c", 1)],
    "bad_gl_call": [("gl-outside-gpu", "src/ops/top.c", 7)],
    "bad_gl_header": [("gl-outside-gpu", "src/graph/draw.h", 3)],
    "bad_cycle": [("folder-cycle", "src/graph/node.c", 1)],
    "bad_file_cycle": [("file-cycle", "src/graph/op.c", 1), ("folder-cycle", "src/graph/op.c", 1)],
}


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_bad_tree_reports_its_violation(fixture):
    assert summary(check_tree(FIXTURES / fixture)) == sorted(EXPECTED[fixture])


def test_transitive_message_names_the_chain():
    (v,) = check_tree(FIXTURES / "bad_python_through_header")
    assert "bind/py.h (src/image/enc.c:2)" in v.message and "Python.h (src/bind/py.h:3)" in v.message


def test_cycle_message_names_each_edge():
    (v,) = check_tree(FIXTURES / "bad_cycle")
    assert v.message.startswith("folder circle of 2 (graph, ops): ")
    assert 'graph -> ops (src/graph/node.c:1 #include "ops/top.h")' in v.message
    assert 'ops -> graph (src/ops/top.c:2 #include "graph/par.h")' in v.message


def test_fixtures_are_checked_as_written():
    # Each bad tree differs from the good one by its violation: without it, it is clean. Proven by
    # blanking the offending line of each and checking again (in a copy).
    import shutil
    import tempfile
    for fixture, expected in EXPECTED.items():
        with tempfile.TemporaryDirectory() as tmp:
            copy = pathlib.Path(tmp) / fixture
            shutil.copytree(FIXTURES / fixture, copy)
            for _, path, line in expected:
                lines = (copy / path).read_text().splitlines(keepends=True)
                lines[line - 1] = "\n"
                (copy / path).write_text("".join(lines))
            assert check_tree(copy) == [], fixture


def test_strip_c_keeps_lines_and_code():
    text = 'a /* glX(\n */ b // eglY(\n"glZ(" \'"\' c'
    stripped = strip_c(text, keep_strings=False)
    assert stripped.count("\n") == text.count("\n")
    assert GL_CALL.search(stripped) is None
    assert stripped.split() == ["a", "b", '"', '"', "'", "'", "c"]


# ---- the real tree ----

def test_src_layering():
    violations = check_tree(REPO)
    if violations:
        pytest.fail(f"{len(violations)} layering violations in src/:\n" + "\n".join(map(str, violations)),
                    pytrace=False)
