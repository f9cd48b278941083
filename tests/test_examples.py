"""Every script in examples/ runs as its docstring says (`python examples/NAME.py --out FILE`) and
writes a real image (not one flat colour)."""
import glob
import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = sorted(glob.glob(os.path.join(HERE, "..", "examples", "*.py")))


def test_there_are_examples():
    assert EXAMPLES


@pytest.mark.parametrize("path", EXAMPLES, ids=os.path.basename)
def test_example_writes_an_image(path, tmp_path):
    out = tmp_path / (os.path.splitext(os.path.basename(path))[0] + ".png")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([os.path.join(HERE, ".."), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, path, "--out", str(out)], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 1000
    with Image.open(out) as im:  # Pillow: a reader independent of td_render
        img = np.asarray(im.convert("RGBA"), np.float32) / 255
    assert img[..., :3].std() > 0.01  # not one flat colour
