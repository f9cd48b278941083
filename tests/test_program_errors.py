"""Shader errors raise: a MAT whose fragment shader does not compile makes the render raise
td_render.tdError naming the MAT, with the driver's log and line; its errors() shows it; fixing the
source renders again. _td._set_material_source is the test-only way in to the normal program path."""
import re

import numpy as np
import pytest

import td_render as td
from td_render import _td

GOOD = "void main()\n{\n    fragColor = TDOutputSwizzle(vec4(0.0, 1.0, 0.0, 1.0));\n}\n"
# a syntax error on line 3
BROKEN = "void main()\n{\n    fragColor = vec4(1.0) + ;\n}\n"


@pytest.fixture
def scene(box_scene):
    return box_scene


def line_ref(msg, line):
    """The driver's reference to `line` of the material's source: Mesa writes 0:3(12), NVIDIA 0(3)."""
    return re.search(r"[(:]%d[):(]" % line, msg) is not None


def test_syntax_error_raises_with_the_log(scene):
    r, mat = scene["render"], scene["mat"]
    _td._set_material_source(mat, BROKEN)
    with pytest.raises(td.tdError) as e:
        r.numpyArray()
    msg = str(e.value)
    assert mat.path in msg
    assert "fragment shader failed to compile" in msg
    assert "error" in msg.split("compile", 1)[1]  # the driver's log follows
    assert line_ref(msg, 3), msg
    assert msg in mat.errors()
    # remembered, not forgotten: the next read raises the same (the image is not drawn black)
    with pytest.raises(td.tdError) as again:
        r.sample(x=160, y=120)
    assert str(again.value) == msg
    with pytest.raises(td.tdError):
        r.numpyArray(delayed=True)
        r.numpyArray(delayed=True)


def test_fixing_the_source_renders_again(scene):
    r, mat = scene["render"], scene["mat"]
    before = r.numpyArray()
    _td._set_material_source(mat, BROKEN)
    with pytest.raises(td.tdError):
        r.numpyArray()
    _td._set_material_source(mat, GOOD)
    assert mat.errors() == ""
    a = r.numpyArray()
    assert np.array_equal(a[120, 160], [0.0, 1.0, 0.0, 1.0])
    _td._set_material_source(mat, None)  # its own shader again
    assert np.array_equal(r.numpyArray(), before)


def test_material_block_fields_reach_a_replacement_source(scene):
    r, mat = scene["render"], scene["mat"]
    _td._set_material_source(mat, "void main() { fragColor = TDOutputSwizzle(vec4(color.bgr, alpha)); }\n")
    mat.par.colorr, mat.par.colorg, mat.par.colorb = 1.0, 0.0, 0.0
    assert np.array_equal(r.numpyArray()[120, 160], [0.0, 0.0, 1.0, 1.0])


def test_undeclared_name_names_its_line(scene):
    r, mat = scene["render"], scene["mat"]
    _td._set_material_source(mat, "void main()\n{\n\n\n    fragColor = nosuchthing;\n}\n")
    with pytest.raises(td.tdError) as e:
        r.numpyArray()
    assert line_ref(str(e.value), 5) and "nosuchthing" in str(e.value)


def test_bad_arguments(scene):
    with pytest.raises(TypeError):
        _td._set_material_source(scene["render"], GOOD)
    with pytest.raises(TypeError):
        _td._set_material_source(scene["mat"], 3)
    with pytest.raises(ValueError):
        _td._set_material_source(scene["mat"], "void main() {}\0")
