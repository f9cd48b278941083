"""Where save() writes: a relative path is resolved against the current folder of the call (an
os.chdir() right after an asynchronous save does not move the file), and save() never replaces
what is not a regular file or a symlink (a FIFO, a device node, a socket, a folder): it refuses with
an OSError naming the path, leaving the node as it was and no temporary beside it."""
import errno
import os
import socket
import stat

import numpy as np
import pytest
from PIL import Image

import td_render as td


@pytest.fixture
def small(box_scene):
    r = box_scene["render"]
    r.par.resolutionw, r.par.resolutionh = 32, 24
    return r


def test_async_relative_path_resolved_at_the_call(small, tmp_path, monkeypatch):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (second / "f.png").write_bytes(b"not touched")
    monkeypatch.chdir(first)
    statuses = [small.save("f.png", asynchronous=True), small.save("sub/g.png", asynchronous=True,
                                                                    createFolders=True)]
    os.chdir(second)  # before the worker writes (it has not even encoded yet, normally)
    for s in statuses:
        assert s.wait(timeout=30) and s.error is None
    assert statuses[0] == "f.png" and statuses[1] == "sub/g.png"  # reads as the caller gave it
    assert Image.open(first / "f.png").size == (32, 24)
    assert Image.open(first / "sub" / "g.png").size == (32, 24)
    assert (second / "f.png").read_bytes() == b"not touched"
    assert sorted(p.name for p in second.iterdir()) == ["f.png"]


def test_async_default_name_resolved_at_the_call(small, tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    s = small.save(asynchronous=True)  # '<name>.png' in the current folder
    os.chdir(tmp_path / "b")
    assert s.wait(timeout=30) and s.error is None and s == small.name + ".png"
    assert (tmp_path / "a" / s).is_file() and not any((tmp_path / "b").iterdir())


def refuses(r, path, asynchronous, code):
    """Saves onto path, expects an OSError with errno code naming path, from the call or the status."""
    before = os.lstat(path)
    with pytest.raises(OSError) as info:
        s = r.save(str(path), asynchronous=asynchronous)
        s.wait(timeout=30)
    assert info.value.errno == code and str(path) in str(info.value), info.value
    after = os.lstat(path)
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode) and after.st_ino == before.st_ino
    return info.value


@pytest.mark.parametrize("asynchronous", [False, True])
def test_fifo_is_not_replaced(small, tmp_path, asynchronous):
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    refuses(small, fifo, asynchronous, errno.EEXIST)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.png"]  # no temporary left


@pytest.mark.parametrize("asynchronous", [False, True])
def test_socket_is_not_replaced(small, tmp_path, asynchronous):
    path = tmp_path / "sock.png"
    srv = socket.socket(socket.AF_UNIX)
    try:
        srv.bind(str(path))
        refuses(small, path, asynchronous, errno.EEXIST)
    finally:
        srv.close()
    assert stat.S_ISSOCK(os.lstat(path).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sock.png"]


def test_character_device_is_not_replaced(small, tmp_path):
    """/dev/null's own node, made again under a name with an image suffix (save() needs one)."""
    null = "/dev/null"
    if not stat.S_ISCHR(os.lstat(null).st_mode):
        pytest.skip("no /dev/null character device here")
    try:
        os.mknod(tmp_path / "null.png", 0o666 | stat.S_IFCHR, os.lstat(null).st_rdev)
    except PermissionError:
        pytest.skip("mknod needs privileges here")
    for asynchronous in (False, True):
        refuses(small, tmp_path / "null.png", asynchronous, errno.EEXIST)
    assert stat.S_ISCHR(os.lstat(tmp_path / "null.png").st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null.png"]


def test_folder_is_not_replaced(small, tmp_path):
    (tmp_path / "d.png").mkdir()
    refuses(small, tmp_path / "d.png", False, errno.EISDIR)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.png"]


def test_symlink_is_replaced_not_written_through(small, tmp_path):
    target = tmp_path / "target.png"
    target.write_bytes(b"old")
    link = tmp_path / "link.png"
    link.symlink_to(target)
    small.save(str(link))
    assert not link.is_symlink() and Image.open(link).size == (32, 24)
    assert target.read_bytes() == b"old"


def test_regular_file_is_replaced(small, tmp_path):
    path = tmp_path / "r.png"
    path.write_bytes(b"old")
    small.save(str(path))
    img = np.asarray(Image.open(path))
    assert img.shape == (24, 32, 4)
