"""Phong shading: a sphere lit from the camera side is brightest near the centre and darkens
toward the rim; moving the light moves the highlight."""
import numpy as np

from imagetools import luminance


def test_sphere_brightest_at_centre_falls_off_to_rim(sphere_scene):
    a = sphere_scene["render"].numpyArray()
    lum = luminance(a)
    # sphere radius 1 at distance 5, fov 45: radius in pixels = 128 * t / sqrt(24) roughly
    row = lum[128]
    peak = int(np.argmax(row))
    assert abs(peak + 0.5 - 128) <= 3, "brightest pixel of the middle row should be at the centre"
    centre, half, rim = row[128], row[128 + 30], row[128 + 58]
    assert centre > half > rim > 0.0
    # with the light at the eye, diffuse is N.L: at the rim N.L -> 0, so the rim is far darker
    assert rim < 0.5 * centre
    # radially symmetric: left and right, top and bottom agree
    assert abs(lum[128, 128 - 30] - lum[128, 128 + 30]) < 0.02
    assert abs(lum[128 - 30, 128] - lum[128 + 30, 128]) < 0.02


def test_diffuse_matches_lambert_at_centre(sphere_scene):
    mat = sphere_scene["mat"]
    mat.par.specr = mat.par.specg = mat.par.specb = 0.0
    a = sphere_scene["render"].numpyArray()
    # at the centre N points at the light (and the camera): N.L = 1, so the colour is diffuse * 1
    assert np.allclose(a[128, 128, :3], 0.6, atol=1.5 / 255)
    assert a[128, 128, 3] == 1.0


def test_light_colour_and_dimmer_scale_diffuse(sphere_scene):
    mat, light = sphere_scene["mat"], sphere_scene["light"]
    mat.par.specr = mat.par.specg = mat.par.specb = 0.0
    light.par.cr, light.par.cg, light.par.cb = 1.0, 0.5, 0.0
    light.par.dimmer = 0.5
    a = sphere_scene["render"].numpyArray()
    assert np.allclose(a[128, 128, :3], [0.6 * 0.5, 0.6 * 0.25, 0.0], atol=1.5 / 255)


def test_no_lights_leaves_only_emit(sphere_scene):
    sphere_scene["light"].par.dimmer = 0.0  # below 0.001: skipped
    mat = sphere_scene["mat"]
    mat.par.emitr, mat.par.emitg, mat.par.emitb = 0.2, 0.4, 0.6
    a = sphere_scene["render"].numpyArray()
    assert np.allclose(a[128, 128, :3], [0.2, 0.4, 0.6], atol=1 / 255)


def test_constant_adds_unlit_colour(sphere_scene):
    """constantr/g/b (TouchDesigner's Constant colour) adds to the lit colour, lights or not."""
    mat, render = sphere_scene["mat"], sphere_scene["render"]
    lit = render.numpyArray()[128, 128, :3].copy()
    mat.par.constantr, mat.par.constantg, mat.par.constantb = 0.1, 0.2, 0.0
    assert np.allclose(render.numpyArray()[128, 128, :3], np.minimum(lit + [0.1, 0.2, 0.0], 1.0), atol=1.5 / 255)
    sphere_scene["light"].par.dimmer = 0.0
    assert np.allclose(render.numpyArray()[128, 128, :3], [0.1, 0.2, 0.0], atol=1 / 255)
