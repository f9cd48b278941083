"""Faults while saving: the target file is always either the old one or the complete new one,
never truncated, and no temporary file is left behind (except by a process killed in the middle
of a save: see test_kill_9_during_save_loop).

Full and read-only file systems are small tmpfs mounts when this machine lets us mount (root in a
container that allows it); otherwise the same faults are made without mounting: a read-only folder
through permission bits (non-root) or /sys (root, where permission bits do not apply), a full disk
through RLIMIT_FSIZE in a child process (write() then fails with EFBIG instead of ENOSPC)."""
import contextlib
import errno
import os
import random
import re
import signal
import subprocess
import sys
import time

import numpy as np
import pytest
from PIL import Image

import td_render as td

SAVE_FORMATS = ["png"]  # every format save() writes; the tests below run for each


@pytest.fixture
def small_render(box_scene):
    r = box_scene["render"]
    r.par.resolutionw, r.par.resolutionh = 32, 24
    return r


@pytest.fixture
def big_render(sphere_scene):
    """A render whose PNG (about 9 kB at quality 0 at 256x256) spans pages of a small tmpfs."""
    r = sphere_scene["render"]
    r.par.resolutionw = r.par.resolutionh = 256
    return r


def names(folder):
    return sorted(p.name for p in folder.iterdir())


def decoded(path):
    """The file's pixels, fully decoded (a truncated file raises)."""
    with Image.open(path) as img:
        img.load()
        return np.asarray(img)


def temporaries(folder, target_name):
    pattern = re.compile(r"^\.%s\.[A-Za-z0-9]{6}$" % re.escape(target_name))
    return [n for n in os.listdir(folder) if pattern.match(n)]


@contextlib.contextmanager
def tmpfs(path, size):
    """Mounts a tmpfs of `size` at path; yields True, or False where mounting is not allowed
    (or TD_RENDER_TEST_NO_MOUNT is set, to run the fallbacks here)."""
    path.mkdir(exist_ok=True)
    if os.environ.get("TD_RENDER_TEST_NO_MOUNT"):
        yield False
        return
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%s,mode=0777" % size, "tmpfs", str(path)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        yield False
        return
    try:
        yield True
    finally:
        subprocess.run(["umount", "-l", str(path)], check=True)


def remount_read_only(path):
    subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True)


@pytest.mark.parametrize("length", [200, 247, 248, 255])
def test_longest_file_names(small_render, tmp_path, length):
    # A target name of up to NAME_MAX (255) bytes is valid; the temporary name beside it used to be
    # '.<name>.XXXXXX', 8 bytes longer, so names of 248..255 bytes failed with ENAMETOOLONG.
    name = "a" * (length - 4) + ".png"
    out = small_render.save(str(tmp_path / name))
    assert Image.open(out).size == (32, 24)
    assert names(tmp_path) == [name]
    with pytest.raises(OSError, match="too long"):
        small_render.save(str(tmp_path / ("a" * 252 + ".png")))  # 256 bytes: refused by the OS
    assert names(tmp_path) == [name]


@pytest.mark.parametrize("fmt", SAVE_FORMATS)
def test_read_only_folder(small_render, tmp_path, fmt):
    target_name = "frame." + fmt
    ro = tmp_path / "ro"
    with tmpfs(ro, "1m") as mounted:
        if mounted:
            old = small_render.save(str(ro / target_name))
            old_bytes = open(old, "rb").read()
            remount_read_only(ro)
            with pytest.raises(OSError) as e:
                small_render.save(str(ro / target_name))
            assert e.value.errno == errno.EROFS and str(ro) in str(e.value)
            assert open(old, "rb").read() == old_bytes and names(ro) == [target_name]
            return
    if os.geteuid() != 0:
        ro.mkdir(exist_ok=True)
        ro.chmod(0o500)
        try:
            with pytest.raises(PermissionError, match="ro"):
                small_render.save(str(ro / target_name))
        finally:
            ro.chmod(0o700)
        assert names(ro) == []
        return
    # root without mount: permission bits do not apply to root; sysfs refuses new files even to root.
    with pytest.raises(OSError, match="/sys"):
        small_render.save("/sys/" + target_name)


@pytest.mark.parametrize("fmt", SAVE_FORMATS)
def test_full_disk(big_render, tmp_path, fmt):
    # No room at all: the old file stays, the error names the target, nothing is left behind.
    target_name = "frame." + fmt
    disk = tmp_path / "disk"
    with tmpfs(disk, "64k") as mounted:
        if not mounted:
            # Without a small file system, test_disk_fills_mid_write's RLIMIT_FSIZE child covers it.
            fill_by_rlimit(big_render, tmp_path, target_name, limit=0)
            return
        big_render.par.resolutionw = 32
        old = big_render.save(str(disk / target_name))
        old_bytes = open(old, "rb").read()
        fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            with pytest.raises(OSError):
                while True:
                    os.write(fd, b"\0" * 4096)
        finally:
            os.close(fd)
        big_render.par.resolutionw = 256
        with pytest.raises(OSError) as e:
            big_render.save(str(disk / target_name), quality=0.0)
        assert e.value.errno == errno.ENOSPC and target_name in str(e.value)
        assert open(old, "rb").read() == old_bytes
        assert names(disk) == sorted(["filler", target_name])


CHILD_FILL = r"""
import os, resource, signal, sys
import td_render as td
folder, target_name, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
net = td.root.create(td.baseCOMP)
geo = net.create(td.geometryCOMP, "geo1")
s = geo.create(td.sphereSOP)
s.par.rows, s.par.cols = 64, 128
geo.par.material = net.create(td.phongMAT)
net.create(td.cameraCOMP, "cam1")
net.create(td.lightCOMP, "light1").par.tz = 5
r = net.create(td.renderTOP)
r.par.resolutionw = r.par.resolutionh = 256
r.numpyArray()                                 # everything loaded before the limit
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() past the limit fails with EFBIG instead
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    r.save(os.path.join(folder, target_name), quality=0.0)
    print("saved")
except OSError as e:
    print("OSError", e.errno, e)
"""


def fill_by_rlimit(render, tmp_path, target_name, limit):
    """Saves in a child whose files may not grow past `limit` bytes, over an existing target."""
    folder = tmp_path / "rlimit"
    folder.mkdir()
    render.par.resolutionw = render.par.resolutionh = 32
    old = render.save(str(folder / target_name))
    old_bytes = open(old, "rb").read()
    r = subprocess.run([sys.executable, "-c", CHILD_FILL, str(folder), target_name, str(limit)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.startswith("OSError %d" % errno.EFBIG) and target_name in r.stdout, r.stdout
    assert open(old, "rb").read() == old_bytes
    assert names(folder) == [target_name]


@pytest.mark.parametrize("fmt", SAVE_FORMATS)
def test_disk_fills_mid_write(big_render, tmp_path, fmt):
    # Room for part of the new file only: write() fails after writing some of it.
    target_name = "frame." + fmt
    disk = tmp_path / "disk"
    with tmpfs(disk, "16k") as mounted:   # 4 pages: the old file takes 1, the new one needs 3
        if mounted:
            big_render.par.resolutionw = big_render.par.resolutionh = 32
            old = big_render.save(str(disk / target_name))
            old_bytes = open(old, "rb").read()
            big_render.par.resolutionw = big_render.par.resolutionh = 512  # about 28 kB at quality 0
            big = len(open(big_render.save(str(tmp_path / "big.png"), quality=0.0), "rb").read())
            assert big > 12 * 1024, "the new file must not fit in the room left"
            with pytest.raises(OSError) as e:
                big_render.save(str(disk / target_name), quality=0.0)
            assert e.value.errno == errno.ENOSPC and target_name in str(e.value)
            assert open(old, "rb").read() == old_bytes
            assert names(disk) == [target_name]
            # the room the failed write took is free again: a small file fits
            big_render.par.resolutionw = big_render.par.resolutionh = 32
            big_render.save(str(disk / "again.png"))
            return
    fill_by_rlimit(big_render, tmp_path, target_name, limit=4096)


CHILD_SAVE_LOOP = r"""
import sys
import td_render as td
path = sys.argv[1]
net = td.root.create(td.baseCOMP)
geo = net.create(td.geometryCOMP, "geo1")
s = geo.create(td.sphereSOP)
s.par.rows, s.par.cols = 64, 128
geo.par.material = net.create(td.phongMAT)
cam = net.create(td.cameraCOMP, "cam1")
net.create(td.lightCOMP, "light1").par.tz = 5
r = net.create(td.renderTOP)
r.par.resolutionw = r.par.resolutionh = 512
i = 0
while True:
    cam.par.tx = (i % 2) * 0.5   # two different images, A and B, in turn
    r.save(path, quality=0.0)
    if i == 1:
        print("ready", flush=True)
    i += 1
"""


@pytest.mark.parametrize("fmt", SAVE_FORMATS)
def test_kill_9_during_save_loop(tmp_path, fmt, net):
    """kill -9 at random moments of a save loop: the target is always a complete A or B.

    A killed process can leave its temporary file behind ('.<name>.XXXXXX', hidden, never the
    target's name): nobody else can know whether its writer is still alive, so td_render does not
    delete other processes' temporaries. The test allows at most one per kill."""
    target_name = "frame." + fmt
    path = str(tmp_path / target_name)
    # The two images the child alternates between, rendered here the same way.
    comp = net
    geo = comp.create(td.geometryCOMP, "geo1")
    s = geo.create(td.sphereSOP)
    s.par.rows, s.par.cols = 64, 128
    geo.par.material = comp.create(td.phongMAT)
    cam = comp.create(td.cameraCOMP, "cam1")
    comp.create(td.lightCOMP, "light1").par.tz = 5
    r = comp.create(td.renderTOP)
    r.par.resolutionw = r.par.resolutionh = 512
    expected = []
    for tx in (0.0, 0.5):
        cam.par.tx = tx
        expected.append(decoded(r.save(str(tmp_path / ("ref%d.%s" % (len(expected), fmt))), quality=0.0)))
    rng = random.Random(5)
    kills = 10
    for _ in range(kills):
        child = subprocess.Popen([sys.executable, "-c", CHILD_SAVE_LOOP, path], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        try:
            assert child.stdout.readline().strip() == "ready", child.stderr.read()[-3000:]
            time.sleep(rng.uniform(0.0, 0.4))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=60)
            child.stdout.close()
            child.stderr.close()
        assert child.returncode == -signal.SIGKILL
        pixels = decoded(path)  # complete: decodes to the end
        assert any(np.array_equal(pixels, e) for e in expected), "the target is neither image"
    leftovers = temporaries(tmp_path, target_name)
    assert len(leftovers) <= kills
    assert set(os.listdir(tmp_path)) - set(leftovers) == {target_name, "ref0." + fmt, "ref1." + fmt}
    print("\n%d kills, %d temporaries left by killed processes" % (kills, len(leftovers)))
