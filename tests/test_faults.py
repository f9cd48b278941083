"""Faults while saving: the target file is always either the old one or the complete new one,
never truncated, and no temporary file is left behind."""
import os

import numpy as np
import pytest
from PIL import Image

import td_render as td


@pytest.fixture
def small_render(box_scene):
    r = box_scene["render"]
    r.par.resolutionw, r.par.resolutionh = 32, 24
    return r


def names(folder):
    return sorted(p.name for p in folder.iterdir())


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
