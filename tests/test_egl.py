"""The GL context: OpenGL 4.5 core through EGL, and a clear error when none can be made."""
import os
import subprocess
import sys

import td_render as td


def test_context_is_gl45_core():
    info = td.glInfo()
    major, minor = (int(x) for x in info["version"].split()[0].split(".")[:2])
    assert (major, minor) >= (4, 5)
    assert "Core" in info["version"] or info["platform"] == "device"
    assert info["platform"] in ("device", "surfaceless", "default")
    assert info["max_texture_size"] >= 4096


def run_isolated(env_extra):
    env = dict(os.environ, **env_extra)
    code = ("import td_render as td\n"
            "try:\n    td.glInfo()\nexcept td.tdError as e:\n    print('tdError:', e)\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)


def test_missing_egl_library_is_a_clear_error():
    r = run_isolated({"TD_RENDER_LIBEGL": "libEGL-does-not-exist.so.9"})
    assert r.returncode == 0, r.stderr
    assert "tdError:" in r.stdout and "libEGL-does-not-exist.so.9" in r.stdout


def test_no_platform_works_lists_what_was_tried():
    # Forcing only the device platform on a machine without an NVIDIA EGL device must fail
    # with one message naming the attempt (on an NVIDIA machine it would succeed).
    r = run_isolated({"TD_RENDER_EGL_PLATFORMS": "device,bogus"})
    assert r.returncode == 0, r.stderr
    if "tdError:" not in r.stdout:
        assert td.glInfo()["platform"] == "device"  # a real NVIDIA machine
        return
    assert "device platform" in r.stdout and "unknown platform 'bogus'" in r.stdout


def test_failure_then_render_in_same_process_recovers():
    code = ("import os, td_render as td\n"
            "os.environ['TD_RENDER_EGL_PLATFORMS'] = 'bogus'\n"
            "try:\n    td.glInfo()\n    print('unexpected success')\nexcept td.tdError:\n    print('failed once')\n"
            "del os.environ['TD_RENDER_EGL_PLATFORMS']\n"
            "print(td.glInfo()['platform'])\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.split()
    assert lines[0:2] == ["failed", "once"] and lines[2] in ("device", "surfaceless")
