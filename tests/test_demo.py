"""The built-in demo scene renders a non-trivial image."""
import numpy as np
from PIL import Image

from td_render import demo


def test_demo_renders(tmp_path, capsys):
    out = tmp_path / "demo.png"
    assert demo.main(["--out", str(out), "--width", "320", "--height", "180"]) == 0
    img = np.asarray(Image.open(out))
    assert img.shape == (180, 320, 4)
    # several distinct colours: background, two lit materials, a constant one
    assert len(np.unique(img.reshape(-1, 4), axis=0)) > 100
    assert str(out) in capsys.readouterr().out
