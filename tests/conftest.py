"""Fixtures: each test builds its scene inside its own baseCOMP, destroyed afterwards, so tests
share the process's one GL context but never each other's operators."""
import os

import pytest
from hypothesis import HealthCheck, settings

import td_render as td

# Hypothesis budgets: "ci" for `make test` (the same examples on every run, well under a minute);
# "fuzz" for `make fuzz` (pytest --hypothesis-profile=fuzz: many more, new ones each run).
# deadline=None: the first cook of an example may start the GL thread or compile shaders.
_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
settings.register_profile("ci", max_examples=150, derandomize=True, deadline=None, suppress_health_check=_HEALTH,
                          print_blob=True)
settings.register_profile("fuzz", max_examples=5000, deadline=None, suppress_health_check=_HEALTH,
                          print_blob=True)
settings.load_profile(os.environ.get("TD_RENDER_HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def net(request):
    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name)[:60]
    comp = td.root.create(td.baseCOMP, name)
    yield comp
    if comp.valid:
        comp.destroy()


@pytest.fixture
def box_scene(net):
    """A unit box with a constantMAT, a camera at the default tz=5, a small non-square render."""
    geo = net.create(td.geometryCOMP, "geo1")
    box = geo.create(td.boxSOP, "box1")
    mat = net.create(td.constantMAT, "constant1")
    mat.par.colorr, mat.par.colorg, mat.par.colorb = 204 / 255, 51 / 255, 102 / 255
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = 0.0, 0.0, 51 / 255, 1.0
    render = net.create(td.renderTOP, "render1")
    render.par.resolutionw, render.par.resolutionh = 320, 240
    return dict(net=net, geo=geo, box=box, mat=mat, cam=cam, render=render)


@pytest.fixture
def sphere_scene(net):
    """A Phong sphere at the origin, lit from the camera's position."""
    geo = net.create(td.geometryCOMP, "geo1")
    sphere = geo.create(td.sphereSOP, "sphere1")
    sphere.par.rows, sphere.par.cols = 64, 128
    mat = net.create(td.phongMAT, "phong1")
    mat.par.diffr = mat.par.diffg = mat.par.diffb = 0.6
    mat.par.specr = mat.par.specg = mat.par.specb = 0.3
    geo.par.material = mat
    cam = net.create(td.cameraCOMP, "cam1")
    light = net.create(td.lightCOMP, "light1")
    light.par.tz = 5
    render = net.create(td.renderTOP, "render1")
    render.par.resolutionw, render.par.resolutionh = 256, 256
    return dict(net=net, geo=geo, sphere=sphere, mat=mat, cam=cam, light=light, render=render)
