"""textDAT and tableDAT against TouchDesigner's DAT Class and Cell Class: text round trips, table
edits, lookups by index and by name (the first column's / first row's cell), cells' conversions,
the file parameter, the change serial, persistence and bad input."""
import copy
import math
import pickle

import numpy as np
import pytest

import td_render as td


def table_text(rows):
    """The documented text form: tab-separated cells, each row ended by a newline."""
    return "".join("\t".join(r) + "\n" for r in rows)


def make_table(net, rows, name="table1"):
    t = net.create(td.tableDAT, name)
    t.text = table_text(rows)
    return t


MONTHS = [["month", "sales", "cost"], ["January", "3", "1.5"], ["February", "10", "2"], ["March", "x", ""]]


# ---- text ----

def test_text_dat_round_trip_and_lines(net):
    t = net.create(td.textDAT)
    assert (t.isText, t.isTable, t.text, t.numRows, t.numCols) == (True, False, "", 0, 0)
    src = "void main() {\n    fragColor = vec4(1.0);\n}\n"
    t.text = src
    lines = src.split("\n")[:-1]
    assert t.text == src
    assert (t.numRows, t.numCols) == (len(lines), max(len(line) for line in lines))
    t.text = "é\tü"  # characters, not bytes
    assert (t.text, t.numRows, t.numCols) == ("é\tü", 1, 3)


def test_write_appends_like_print(net):
    t = net.create(td.textDAT)
    t.text = "a"
    assert t.write("b", 1) == "b1"
    print("line", file=t)
    assert t.text == "ab1line\n"
    t.clear()
    assert t.text == ""


def test_text_dat_has_no_table(net):
    t = net.create(td.textDAT)
    t.text = "a\tb\n"
    for call in (lambda: t[0, 0], lambda: t.cell(0, 0), lambda: t.row(0), lambda: t.appendRow(["x"]),
                 lambda: t.setSize(1, 1), lambda: t.csv):
        with pytest.raises(td.tdError, match="not a table"):
            call()
    assert t.text == "a\tb\n"


# ---- table text ----

def test_table_text_round_trip(net):
    t = make_table(net, MONTHS)
    assert (t.isTable, t.isText, t.numRows, t.numCols) == (True, False, len(MONTHS), len(MONTHS[0]))
    assert t.text == table_text(MONTHS)
    assert t.rows(val=True) == MONTHS


def test_table_text_parse_rules(net):
    t = net.create(td.tableDAT)
    t.text = "a\tb\tc\r\nd\n\ne\tf"  # CRLF, a short row, a blank line, no last newline
    assert t.rows(val=True) == [["a", "b", "c"], ["d", "", ""], ["", "", ""], ["e", "f", ""]]
    t.text = "\n"
    assert (t.numRows, t.numCols, t.text) == (1, 1, "\n")
    t.text = ""
    assert (t.numRows, t.numCols, t.text) == (0, 0, "")


def test_newlines_in_cells_are_dropped_from_text_but_kept_in_csv(net):
    t = make_table(net, [["a", "b"]])
    t[0, 0] = "two\nlines"
    assert t.text == "twolines\tb\n"
    assert t.csv == '"two\nlines",b\n'
    t.csv = 'x,"say ""hi"", twice"\n"multi\nline",3\n'
    assert t.rows(val=True) == [["x", 'say "hi", twice'], ["multi\nline", "3"]]
    t.csv = t.csv
    assert t.rows(val=True) == [["x", 'say "hi", twice'], ["multi\nline", "3"]]


# ---- lookups ----

def test_subscript_by_index_and_name(net):
    t = make_table(net, MONTHS)
    for r, row in enumerate(MONTHS):
        for c, val in enumerate(row):
            assert t[r, c].val == val and (t[r, c].row, t[r, c].col) == (r, c)
            assert t[row[0], MONTHS[0][c]].val == val
    assert t["February", "cost"].owner is t
    assert t["february", "cost"] is None  # names are exact, case-sensitive
    assert t["Feb*", 1] is None  # no patterns in []
    assert t[len(MONTHS), 0] is None and t[0, 3] is None and t[-1, 0] is None
    assert [c.val for c in t["March"]] == MONTHS[3]
    assert t[2.0, 1].val == "10"


def test_cell_and_cells_match_patterns(net):
    t = make_table(net, MONTHS)
    assert t.cell("*ary", "sales").val == "3"  # the first row matching
    assert t.cell("J*", "s*", val=True) == "3"
    assert t.cell("january", "SALES") is None
    assert t.cell("january", "SALES", caseSensitive=False).val == "3"
    assert [c.val for c in t.cells("*ary", "*")] == MONTHS[1] + MONTHS[2]
    assert t.cells("nothing", 0) == []
    assert t.cell(9, 0) is None


def test_row_col_rows_cols(net):
    t = make_table(net, MONTHS)
    assert t.row("February", val=True) == MONTHS[2]
    assert t.row("nothing", "M*", val=True) == MONTHS[3]  # the first key that matches
    assert t.row("nothing") is None
    assert t.col("cost", val=True) == [r[2] for r in MONTHS]
    assert [c.row for c in t.col(1)] == list(range(len(MONTHS)))
    assert t.rows(val=True) == MONTHS
    assert t.rows("*ary", 0, val=True) == [MONTHS[0], MONTHS[1], MONTHS[2]]  # table order, once each
    assert t.cols(val=True) == [list(c) for c in zip(*MONTHS)]
    assert t.cols("c*", "s*", val=True) == [[r[1] for r in MONTHS], [r[2] for r in MONTHS]]


# ---- editing ----

def test_append_and_insert(net):
    t = make_table(net, [["name", "n"], ["b", "2"]])
    assert t.appendRow(["d", 4]) == 2
    assert t.insertRow(["a", 1], "b") == 1  # before row 'b'
    assert t.appendRow(["c", 3], "b") == 3  # after row 'b'
    assert t.col(0, val=True) == ["name", "a", "b", "c", "d"]
    assert t.appendRow() == 5 and t.row(5, val=True) == ["", ""]
    assert t.appendRow(["e", 5, "extra"]) == 6  # a longer row widens the table
    assert t.numCols == 3 and t.row(1, val=True) == ["a", "1", ""]
    assert t.appendCol(["k", 1, 2]) == 3 and t.col(3, val=True) == ["k", "1", "2", "", "", "", ""]
    assert t.insertCol(["first"]) == 0 and t[0, 0].val == "first" and t[0, 1].val == "name"
    assert t.insertCol("z", 2) == 2 and t[0, 2].val == "z"  # a str is one value


def test_append_sorted(net):
    t = make_table(net, [["b"], ["d"]])
    assert t.appendRow(["c"], sort=0) == 1
    assert t.appendRow(["a"], sort=0) == 0
    assert t.appendRow(["e"], sort=0) == 4
    assert t.col(0, val=True) == sorted(t.col(0, val=True))


def test_replace_delete_set_size(net):
    t = make_table(net, MONTHS)
    assert t.replaceRow("January", ["January", 5, 6, 7]) == 1  # widens to 4 columns
    assert t.row(1, val=True) == ["January", "5", "6", "7"] and t.numCols == 4
    assert t.replaceRow(2, ["Feb"], entireRow=False) == 2
    assert t.row(2, val=True) == ["Feb", "10", "2", ""]
    t.replaceRow(0)
    assert t.row(0, val=True) == [""] * 4
    assert t.replaceCol(3, ["w"]) == 3 and t.col(3, val=True) == ["w", "", "", ""]
    t.deleteRow("Feb")
    t.deleteCol(3)
    assert t.rows(val=True) == [["", "", ""], ["January", "5", "6"], MONTHS[3]]
    t.setSize(2, 5)
    assert t.rows(val=True) == [["", "", "", "", ""], ["January", "5", "6", "", ""]]
    t.setSize(0, 0)
    assert (t.numRows, t.numCols, t.text) == (0, 0, "")


@pytest.mark.parametrize("kw,expected", [
    ({}, []),
    ({"keepSize": True}, [[""] * 3] * 3),
    ({"keepFirstRow": True}, [["a", "b", "c"]]),
    ({"keepFirstCol": True}, [["a"], ["d"], ["g"]]),
    ({"keepFirstRow": True, "keepFirstCol": True}, [["a", "b", "c"], ["d", "", ""], ["g", "", ""]]),
])
def test_clear(net, kw, expected):
    t = make_table(net, [["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i"]])
    t.clear(**kw)
    assert t.rows(val=True) == expected


def test_copy_between_dats(net):
    src = make_table(net, MONTHS, "src")
    dst = net.create(td.tableDAT)
    dst.copy(src)
    assert dst.rows(val=True) == MONTHS
    text = net.create(td.textDAT)
    text.copy(src)
    assert text.text == table_text(MONTHS)
    with pytest.raises(TypeError):
        dst.copy(net)


# ---- cells ----

def test_cell_values_convert_like_touchdesigner(net):
    t = make_table(net, MONTHS)
    three, half, x, empty = t[1, 1], t[1, 2], t[3, 1], t[3, 2]
    assert (str(three), int(three), float(three), float(half)) == ("3", 3, 3.0, 1.5)
    assert three + three == 6 and three.val + three.val == "33"  # numeric contents add as numbers
    assert x + x == "xx"  # a non-numeric cell acts as its str
    assert three * 2 == 6 and 10 - three == 7 and half / 3 == 0.5 and -three == -3 and three ** 2 == 9
    assert three == 3 and three == 3.0 and three != "3" and three < t[2, 1] and half > 1
    assert x == "x" and x < "y" and empty == ""
    assert not empty and bool(three) and int(t[2, 2]) == 2
    assert t[1, 1] == t[1, 1] and math.isclose(float(t[1, 2]) * 2, 3.0)
    with pytest.raises(ValueError):
        int(x)
    with pytest.raises(TypeError):
        hash(three)
    assert repr(three) == "type:Cell cell:(1, 1) owner:%s value:3" % t.path


def test_cell_val_assignment_and_offset(net):
    t = make_table(net, MONTHS)
    c = t["January", "sales"]
    c.val = 42
    assert t[1, 1].val == "42" and c == 42
    t[1, "cost"] = 2.5
    assert t[1, 2].val == str(2.5)
    d = t["March", "sales"].offset(-1, 1)
    assert (d.row, d.col, d.val) == (2, 2, "2")
    assert c.offset(-2, 0) is None and c.offset(0, 5) is None


def test_cell_refers_to_a_position(net):
    t = make_table(net, MONTHS)
    c = t[3, 2]
    assert c.valid
    t.deleteRow(0)
    assert not c.valid
    with pytest.raises(td.tdError, match="no longer exists"):
        c.val
    t.destroy()
    assert not c.valid and c.owner is t
    with pytest.raises(td.tdError, match="destroyed"):
        str(c)


# ---- the file parameter ----

def test_text_dat_loads_its_file(net, tmp_path):
    f = tmp_path / "shader.glsl"
    f.write_text("out vec4 fragColor;\n")
    t = net.create(td.textDAT)
    t.par.file = str(f)
    assert t.text == f.read_text()
    cooks = t.totalCooks
    t.text = "edited"  # an edit lasts until the file is named again or reloaded
    assert t.text == "edited" and t.totalCooks == cooks
    f.write_text("second")
    t.par.loadonstartpulse.pulse()
    assert t.text == "second"
    t.par.file = ""
    t.text = "kept"
    assert t.text == "kept"


def test_table_dat_loads_tsv_and_csv(net, tmp_path):
    tsv = tmp_path / "t.txt"
    tsv.write_text(table_text(MONTHS[:2]) + "\n" + table_text(MONTHS[2:]))
    t = net.create(td.tableDAT)
    t.par.file = str(tsv)
    assert t.rows(val=True) == MONTHS[:2] + [[""] * 3] + MONTHS[2:]
    t.par.removeblank = True
    t.cook(force=True)
    assert t.rows(val=True) == MONTHS
    csv = tmp_path / "t.CSV"
    csv.write_bytes(b'\xef\xbb\xbfa,"b,c"\r\n1,2\r\n')
    t.par.file = str(csv)
    assert t.rows(val=True) == [["a", "b,c"], ["1", "2"]]


def test_missing_file_is_an_error(net, tmp_path):
    t = net.create(td.textDAT)
    t.text = "before"
    missing = tmp_path / "nope.txt"
    t.par.file = str(missing)
    with pytest.raises(td.tdError, match="cannot read file .*nope.txt"):
        t.text
    assert "nope.txt" in t.errors()
    with pytest.raises(td.tdError):
        t.cook(force=True)
    missing.write_text("now")
    assert t.text == "now" and t.errors() == ""


def test_find_children_by_text(net):
    a = net.create(td.textDAT, "a")
    a.text = "uniform float uTime;"
    make_table(net, [["uTime"]], "b")
    net.create(td.geometryCOMP)
    assert net.findChildren(text="*uTime*") == [a, net.op("b")]
    assert net.findChildren(text="uniform*") == [a]


# ---- changes re-cook what reads them ----

def test_an_expression_reading_a_dat_is_evaluated_again(net):
    t = make_table(net, [["x", "0.5"]])
    geo = net.create(td.geometryCOMP)
    geo.par.tx.expr = "float(op('table1')['x', 1])"
    assert geo.par.tx.eval() == 0.5
    t["x", 1] = 2
    assert geo.par.tx.eval() == 2.0
    t.text = "x\t-1\n"
    assert geo.par.tx.eval() == -1.0


def test_render_reads_a_dat_through_an_expression(box_scene):
    render, geo, net = box_scene["render"], box_scene["geo"], box_scene["net"]
    t = make_table(net, [["tx", "0"]], "offsets")
    geo.par.tx.expr = "float(op('offsets')['tx', 1])"
    before = render.numpyArray()
    cooks = render.totalCooks
    unread = net.create(td.textDAT, "notes")
    unread.text = "not read by anything"
    t.appendRow(["unused", "9"])  # the DAT changed, the value the render reads did not
    assert np.array_equal(render.numpyArray(), before) and render.totalCooks == cooks
    t["tx", 1] = 1
    after = render.numpyArray()
    assert render.totalCooks == cooks + 1 and not np.array_equal(after, before)
    geo.par.tx.expr = ""
    geo.par.tx = 1
    assert np.array_equal(render.numpyArray(), after)  # the same image as tx = 1 set directly


# ---- persistence ----

def test_copies_and_pickles_carry_the_contents(net):
    t = make_table(net, MONTHS)
    t[1, 0] = "multi\nline"
    text = net.create(td.textDAT, "src")
    text.text = "void main() {}\n"
    for o in (t, text):
        state = o.__getstate__()
        assert state["table" if o.isTable else "text"] == (o.rows(val=True) if o.isTable else o.text)
        for c in (net.copy(o, name=o.name + "_copy"), copy.deepcopy(o), pickle.loads(pickle.dumps(o))):
            assert type(c) is type(o) and c is not o
            assert c.__getstate__()[("table" if o.isTable else "text")] == state["table" if o.isTable else "text"]
    other = net.create(td.tableDAT)
    state = t.__getstate__()
    del state["name"]
    other.__setstate__(state)
    assert other.rows(val=True) == t.rows(val=True)


def test_change_type_keeps_the_contents_as_text(net):
    t = make_table(net, MONTHS)
    x = t.changeType(td.textDAT)
    assert type(x) is td.textDAT and not t.valid and x.text == table_text(MONTHS)
    y = x.changeType("tableDAT")
    assert y.rows(val=True) == MONTHS
    geo = y.changeType(td.geometryCOMP)  # other families take no contents
    assert geo.isCOMP and geo.name == "table1"


@pytest.mark.parametrize("bad", [{"table": "a\tb"}, {"table": [["a"], "b"]}, {"table": [["a", 1]]}, {"table": 3}])
def test_bad_table_state_changes_nothing(net, bad):
    t = make_table(net, MONTHS)
    state = dict(t.__getstate__(), **bad)
    with pytest.raises(ValueError, match="table"):
        t.__setstate__(state)
    assert t.rows(val=True) == MONTHS


def test_bad_text_state(net):
    t = net.create(td.textDAT)
    t.text = "kept"
    with pytest.raises(ValueError, match="text"):
        t.__setstate__(dict(t.__getstate__(), text=b"bytes"))
    assert t.text == "kept"


# ---- bad input ----

def test_bad_arguments(net):
    t = make_table(net, MONTHS)
    with pytest.raises(IndexError, match="no such cell"):
        t[10, 0] = "x"
    with pytest.raises(IndexError, match="no row 'nothing'"):
        t.appendRow(["x"], "nothing")
    with pytest.raises(IndexError, match="no column 'nothing'"):
        t.appendRow(["x"], sort="nothing")
    with pytest.raises(IndexError):
        t.deleteRow(99)
    with pytest.raises(IndexError):
        t.replaceCol("nothing", [])
    with pytest.raises(TypeError, match="index .int. or name .str."):
        t[None, 0]
    with pytest.raises(ValueError, match="whole number"):
        t[0.5, 0]
    with pytest.raises(TypeError):
        del t[0, 0]
    with pytest.raises(TypeError):
        t[0] = "x"
    with pytest.raises(ValueError, match="negative"):
        t.setSize(-1, 2)
    with pytest.raises(ValueError, match="larger than"):
        t.setSize(1 << 20, 1 << 20)
    with pytest.raises(TypeError):
        t.text = 5
    with pytest.raises(AttributeError):
        del t.text
    with pytest.raises(TypeError):
        t.row()
    assert t.rows(val=True) == MONTHS


class Hostile:
    """A value whose str() runs arbitrary code before the DAT stores anything."""

    def __init__(self, action):
        self.action = action

    def __str__(self):
        self.action()
        return "hostile"


def test_hostile_values_are_converted_before_anything_is_stored(net):
    t = make_table(net, MONTHS)
    with pytest.raises(IndexError, match="no such cell"):
        t[1, 1] = Hostile(lambda: t.setSize(1, 1))  # the cell is gone by the time it would be stored
    assert t.rows(val=True) == [["month"]]
    t.text = table_text(MONTHS)

    def fail():
        raise RuntimeError("no")
    with pytest.raises(RuntimeError, match="no"):
        t.appendRow(["a", Hostile(fail)])
    assert t.rows(val=True) == MONTHS
    c = t[1, 1]
    with pytest.raises(td.tdError, match="destroyed"):
        c.val = Hostile(t.destroy)
    assert not t.valid


def test_hostile_value_destroying_the_dat_in_append(net):
    t = make_table(net, MONTHS)
    with pytest.raises(td.tdError, match="destroyed"):
        t.appendRow([Hostile(t.destroy)])
    assert not t.valid
    for call in (lambda: t.text, lambda: t.numRows, lambda: t[0, 0], lambda: t.appendRow()):
        with pytest.raises(td.tdError, match="destroyed"):
            call()
