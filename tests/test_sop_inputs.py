"""SOP inputs: wired SOPs cook first and in order, a rebuilt input rebuilds its readers, a loop of
inputs is an error on the SOP, bypass passes input 0 through; numPoints / numPrims / numVertices and
computeBounds() on every SOP, computed from the generators' documented layouts."""
import pytest

import td_render as td


def test_box_counts_and_bounds(net):
    geo = net.create(td.geometryCOMP)
    box = geo.create(td.boxSOP)
    box.par.sizex, box.par.sizey, box.par.sizez = 2, 4, 6
    box.par.tx = 1
    # flat faces: 4 points a face (a point is a vertex here), 6 quads of 4 vertices
    assert (box.numPoints, box.numPrims, box.numVertices) == (24, 6, 24)
    b = box.computeBounds()
    assert tuple(b.min) == (0.0, -2.0, -3.0) and tuple(b.max) == (2.0, 2.0, 3.0)
    assert tuple(b.center) == (1.0, 0.0, 0.0) and tuple(b.size) == (2.0, 4.0, 6.0)


def test_sphere_counts(net):
    geo = net.create(td.geometryCOMP)
    s = geo.create(td.sphereSOP)
    s.par.rows, s.par.cols = 5, 7
    assert s.numPoints == 6 * 8 and s.numPrims == 5 * 7 and s.numVertices == 4 * 5 * 7


def test_compute_bounds_flags(net):
    geo = net.create(td.geometryCOMP)
    box = geo.create(td.boxSOP)
    box.render = False
    assert tuple(box.computeBounds(render=True).size) == (0.0, 0.0, 0.0)
    assert tuple(box.computeBounds().size) == (1.0, 1.0, 1.0)


def test_inputs_cook_first_and_in_order(net):
    geo = net.create(td.geometryCOMP)
    a, b, c = geo.create(td.boxSOP), geo.create(td.boxSOP), geo.create(td.sphereSOP)
    b.setInputs([a])
    c.setInputs([b])
    before = [op.totalCooks for op in (a, b, c)]
    assert c.numPoints > 0
    assert [op.totalCooks - n for op, n in zip((a, b, c), before)] == [1, 1, 1]
    # nothing changed: no cook
    c.numPoints
    assert [op.totalCooks - n for op, n in zip((a, b, c), before)] == [1, 1, 1]
    # a changed input rebuilds its readers, not the SOPs before it
    b.par.sizex = 3
    c.numPoints
    assert [op.totalCooks - n for op, n in zip((a, b, c), before)] == [1, 2, 2]


def test_loop_of_inputs_is_refused(net):
    geo = net.create(td.geometryCOMP)
    a, b = geo.create(td.boxSOP), geo.create(td.boxSOP)
    b.setInputs([a])
    with pytest.raises(ValueError, match="cycle"):
        a.setInputs([b])
    assert b.numPoints == 24


def test_bypass_passes_input_zero(net):
    geo = net.create(td.geometryCOMP)
    sphere = geo.create(td.sphereSOP)
    sphere.par.rows, sphere.par.cols = 3, 4
    box = geo.create(td.boxSOP)
    box.setInputs([sphere])
    box.bypass = True
    assert box.numPoints == 4 * 5
    alone = geo.create(td.boxSOP)
    alone.bypass = True
    assert (alone.numPoints, alone.numPrims) == (0, 0)


def test_non_sop_input_is_an_error(net):
    geo = net.create(td.geometryCOMP)
    box = geo.create(td.boxSOP)
    other = geo.create(td.geometryCOMP)
    try:
        box.setInputs([other])
    except (td.tdError, TypeError, ValueError):
        return  # refused at wiring time: fine too
    with pytest.raises(td.tdError, match="not a SOP"):
        box.numPoints


def test_input_destroyed_by_an_expression(net):
    geo = net.create(td.geometryCOMP)
    a, b = geo.create(td.boxSOP), geo.create(td.boxSOP)
    b.setInputs([a])
    # b's expression destroys its own input while b cooks: b's build sees only what it holds
    b.par.sizex.expr = "op(%r).destroy() or 1 if op(%r) else 1" % (a.path, a.path)
    assert b.numPoints == 24
    assert not a.valid
