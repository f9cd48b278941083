"""numpyArray(delayed=True): every call returns the previous call's image, None the first time."""
import numpy as np
import pytest

import td_render as td


@pytest.fixture
def counter(box_scene):
    """A render whose box colour encodes a frame number exactly in 8 bits."""
    r = box_scene["render"]
    r.par.resolutionw, r.par.resolutionh = 32, 24

    def show(frame):
        box_scene["mat"].par.colorr = frame / 255
    return r, show


def frame_of(a):
    return int(round(a[12, 16, 0] * 255))


def test_first_call_is_none_then_one_call_late(counter):
    r, show = counter
    seen = []
    for frame in range(60):
        show(frame)
        a = r.numpyArray(delayed=True)
        if frame == 0:
            assert a is None
        else:
            seen.append(frame_of(a))
    assert seen == list(range(59)), "frames lost or duplicated"


def test_delayed_and_synchronous_reads_do_not_disturb_each_other(counter):
    r, show = counter
    show(7)
    assert r.numpyArray(delayed=True) is None
    show(8)
    assert frame_of(r.numpyArray()) == 8  # synchronous: current
    show(9)
    assert frame_of(r.numpyArray(delayed=True)) == 7  # the image current at the previous delayed call


def test_shape_of_the_previous_call(counter):
    r, show = counter
    show(1)
    r.numpyArray(delayed=True)
    r.par.resolutionw, r.par.resolutionh = 20, 10
    r.par.format = "rgba32float"
    a = r.numpyArray(delayed=True)
    assert a.shape == (24, 32, 4)
    b = r.numpyArray(delayed=True)
    assert b.shape == (10, 20, 4)


def test_delayed_result_is_independent_memory(counter):
    r, show = counter
    show(3)
    r.numpyArray(delayed=True)
    a = r.numpyArray(delayed=True)
    a[:] = 0
    show(4)
    r.numpyArray(delayed=True)
    assert frame_of(r.numpyArray(delayed=True)) == 4


def test_writable_arrays_never_change_the_top(counter):
    r, show = counter
    show(5)
    a = r.numpyArray(writable=True)
    assert a.flags.writeable
    a[:] = 1.0
    assert frame_of(r.numpyArray()) == 5


def test_destroy_right_after_a_delayed_call(net):
    # The delayed call queues GL work for the TOP's target without waiting; destroying the TOP at
    # once must hand the target to the GL thread after that work, not free it under it.
    geo = net.create(td.geometryCOMP, "geo1")
    geo.create(td.boxSOP)
    net.create(td.cameraCOMP, "cam1")
    for _ in range(300):
        r = net.create(td.renderTOP)
        r.par.resolutionw, r.par.resolutionh = 64, 64
        assert r.numpyArray(delayed=True) is None
        r.destroy()
    r = net.create(td.renderTOP)
    r.par.resolutionw, r.par.resolutionh = 8, 8
    assert r.numpyArray().shape == (8, 8, 4)  # the GL thread is alive and well
