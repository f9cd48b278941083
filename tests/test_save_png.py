"""save() writes an upright PNG equal to numpyArray() flipped, atomically, and returns the path."""
import os

import numpy as np
import pytest
from PIL import Image

import td_render as td


def test_png_matches_numpyarray_upright(box_scene, tmp_path):
    render = box_scene["render"]
    box_scene["geo"].par.ty = 1.0  # off-centre vertically so a flip would show
    path = str(tmp_path / "frame.png")
    assert render.save(path) == path
    img = np.asarray(Image.open(path))
    assert img.shape == (240, 320, 4) and img.dtype == np.uint8
    a = render.numpyArray()
    assert np.array_equal(img, np.round(a[::-1] * 255).astype(np.uint8))
    # the box is in the upper half of the file (top row first)
    rows = np.nonzero(np.all(img == [204, 51, 102, 255], axis=-1).any(axis=1))[0]
    assert rows.max() < 120


def test_save_accepts_pathlike_and_creates_folders(box_scene, tmp_path):
    render = box_scene["render"]
    target = tmp_path / "a" / "b" / "frame.PNG"
    out = render.save(target, createFolders=True)
    assert out == str(target) and target.exists()
    assert Image.open(target).size == (320, 240)


def test_default_name_in_current_folder(box_scene, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = box_scene["render"].save()
    assert out == "render1.png" and (tmp_path / "render1.png").exists()


def test_quality_trades_size_for_speed(box_scene, tmp_path):
    render = box_scene["render"]
    # TouchDesigner's scale: 0 "small size", 1 "largest size"; lossless pixels never change
    small = os.path.getsize(render.save(str(tmp_path / "best.png"), quality=0.0))
    fast = os.path.getsize(render.save(str(tmp_path / "fast.png"), quality=1.0))
    assert small <= fast
    assert np.array_equal(np.asarray(Image.open(tmp_path / "best.png")), np.asarray(Image.open(tmp_path / "fast.png")))


def test_overwrite_is_atomic_and_leaves_no_temporary(box_scene, tmp_path):
    render = box_scene["render"]
    path = tmp_path / "frame.png"
    path.write_bytes(b"old")
    render.save(str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["frame.png"]


def test_folder_without_write_permission(box_scene, tmp_path):
    if os.geteuid() == 0:
        # root ignores permission bits; sysfs refuses new files even to root
        with pytest.raises(PermissionError, match="/sys"):
            box_scene["render"].save("/sys/td_render_test.png")
        return
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(PermissionError, match="ro"):
            box_scene["render"].save(str(ro / "x.png"))
    finally:
        ro.chmod(0o700)
    assert list(ro.iterdir()) == []


def test_folder_that_is_a_file(box_scene, tmp_path):
    (tmp_path / "plain").write_text("x")
    with pytest.raises(NotADirectoryError):
        box_scene["render"].save(str(tmp_path / "plain" / "x.png"))
    with pytest.raises(NotADirectoryError):
        box_scene["render"].save(str(tmp_path / "plain" / "x.png"), createFolders=True)


def test_failed_cook_leaves_no_file(net, tmp_path):
    r = net.create(td.renderTOP)
    r.par.camera = "nothing"
    with pytest.raises(td.tdError):
        r.save(str(tmp_path / "x.png"))
    assert list(tmp_path.iterdir()) == []
