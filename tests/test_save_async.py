"""save(asynchronous=True): returns at once a FileSaveStatus; many in flight are safe; failures are
reported; interpreter exit waits for pending saves."""
import gc
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from PIL import Image

import td_render as td


def test_async_save_completes_with_the_pixels_of_the_call(box_scene, tmp_path):
    r, mat = box_scene["render"], box_scene["mat"]
    path = tmp_path / "a.png"
    s = r.save(str(path), asynchronous=True)
    mat.par.colorr = 0.0  # changing the scene after the call must not change the file
    assert isinstance(s, td.FileSaveStatus) and isinstance(s, str) and s == str(path)
    assert s.wait(timeout=30) is True and s.isCompleted() and s.error is None
    img = np.asarray(Image.open(path))
    assert tuple(img[120, 160]) == (204, 51, 102, 255)


def test_sync_save_returns_a_completed_status(box_scene, tmp_path):
    s = box_scene["render"].save(str(tmp_path / "s.png"))
    assert isinstance(s, td.FileSaveStatus) and s.isCompleted() and s.wait() and s.error is None


def test_many_saves_in_flight(box_scene, tmp_path):
    r, mat = box_scene["render"], box_scene["mat"]
    r.par.resolutionw, r.par.resolutionh = 64, 48
    statuses = []
    for i in range(120):
        mat.par.colorr = i / 255
        statuses.append(r.save(str(tmp_path / ("f%03d.%s" % (i, ["png", "tif", "exr", "bmp"][i % 4]))),
                               asynchronous=True))
    td.waitForSaves()
    assert all(s.isCompleted() and s.error is None for s in statuses)
    for i in range(0, 120, 4):  # the PNGs: each holds the colour of its own call
        assert np.asarray(Image.open(tmp_path / ("f%03d.png" % i)))[24, 32, 0] == i


def test_async_failure_is_reported(box_scene, tmp_path):
    (tmp_path / "taken.png").mkdir()  # the rename onto a folder fails in the worker
    s = box_scene["render"].save(str(tmp_path / "taken.png"), asynchronous=True)
    with pytest.raises(OSError):
        s.wait(timeout=30)
    assert s.isCompleted() and isinstance(s.error, OSError)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.png"]  # no temporary left


def test_dropped_failed_status_warns(box_scene, tmp_path):
    (tmp_path / "taken.png").mkdir()
    s = box_scene["render"].save(str(tmp_path / "taken.png"), asynchronous=True)
    s._status.wait(30)
    with pytest.warns(RuntimeWarning, match="taken.png"):
        del s
        gc.collect()


def test_missing_folder_fails_at_the_call(box_scene, tmp_path):
    with pytest.raises(FileNotFoundError, match="missing"):
        box_scene["render"].save(str(tmp_path / "missing" / "x.png"), asynchronous=True)


def run(code):
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=300)


def test_interpreter_exit_waits_for_pending_saves(tmp_path):
    r = run("""
        import td_render as td
        g = td.root.create(td.geometryCOMP, 'geo1'); g.create(td.sphereSOP)
        td.root.create(td.cameraCOMP, 'cam1')
        r = td.root.create(td.renderTOP); r.par.resolutionw = r.par.resolutionh = 1024
        for i in range(6):
            r.save(%r + '/exit%%d.png' %% i, asynchronous=True)
        # no wait: exiting must finish the files
        """ % str(tmp_path))
    assert r.returncode == 0, r.stderr
    for i in range(6):
        assert Image.open(tmp_path / ("exit%d.png" % i)).size == (1024, 1024)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exit%d.png" % i for i in range(6)]


def test_fire_and_forget_failure_is_reported_at_exit(tmp_path):
    (tmp_path / "taken.png").mkdir()
    r = run("""
        import td_render as td
        g = td.root.create(td.geometryCOMP, 'geo1'); g.create(td.boxSOP)
        td.root.create(td.cameraCOMP, 'cam1')
        r = td.root.create(td.renderTOP); r.par.resolutionw = r.par.resolutionh = 16
        r.save(%r, asynchronous=True)
        """ % str(tmp_path / "taken.png"))
    assert r.returncode == 0
    assert "taken.png" in r.stderr and "failed" in r.stderr


def test_dropped_failed_status_with_warnings_as_errors(tmp_path):
    """With -W error the RuntimeWarning a dropped failed save raises in dealloc is an exception: it
    is written as unraisable (once, naming the file) instead of re-entering the dealloc, and the
    exception the script had set meanwhile is kept."""
    (tmp_path / "taken.png").mkdir()
    r = subprocess.run([sys.executable, "-W", "error", "-c", textwrap.dedent("""
        import gc, sys, td_render as td
        g = td.root.create(td.geometryCOMP, 'geo1'); g.create(td.boxSOP)
        td.root.create(td.cameraCOMP, 'cam1')
        r = td.root.create(td.renderTOP); r.par.resolutionw = r.par.resolutionh = 16
        s = r.save(%r, asynchronous=True)
        s._status.wait(30)
        del s
        gc.collect()
        s = r.save(%r, asynchronous=True)
        s._status.wait(30)
        try:
            try:
                raise KeyError("kept")
            finally:
                del s  # dealloc while an exception propagates
        except KeyError as e:
            print("kept", e)
        print("survived")
        """ % (str(tmp_path / "taken.png"), str(tmp_path / "taken.png")))],
        capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, (r.returncode, r.stderr[-3000:])
    assert "survived" in r.stdout and "kept 'kept'" in r.stdout, r.stdout
    assert r.stderr.count("RuntimeWarning") == 2 and "taken.png" in r.stderr, r.stderr[-3000:]
