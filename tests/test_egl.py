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


def test_library_that_is_not_egl():
    # A real shared library without EGL's entry points, and a file that is no library at all.
    for lib, expected in [("libz.so.1", "no usable EGL entry points"), ("/etc/hostname", "could not load")]:
        r = run_isolated({"TD_RENDER_LIBEGL": lib})
        assert r.returncode == 0, r.stderr
        assert "tdError:" in r.stdout and expected in r.stdout and lib in r.stdout, r.stdout


def test_hostile_environment_values():
    # Long and odd platform lists, and CUDA ordinals that are no numbers: an error naming what was
    # tried, or (where a listed platform works) a context; never a crash.
    many = ",".join(["bogus%d" % i for i in range(200)])
    cases = [
        {"TD_RENDER_EGL_PLATFORMS": many},
        {"TD_RENDER_EGL_PLATFORMS": ",,, ,\t,"},
        {"TD_RENDER_EGL_PLATFORMS": "surfaceless," + "x" * 5000},
        {"TD_RENDER_EGL_PLATFORMS": "%s%n%x"},
        {"TD_RENDER_CUDA_DEVICE": "not a number", "TD_RENDER_EGL_PLATFORMS": "device"},
        {"TD_RENDER_CUDA_DEVICE": "99999999999999999999", "TD_RENDER_EGL_PLATFORMS": "device"},
        {"TD_RENDER_CUDA_DEVICE": "-1", "TD_RENDER_EGL_PLATFORMS": "device"},
    ]
    for env in cases:
        r = run_isolated(env)
        assert r.returncode == 0, (env, r.stderr[-2000:])
        if "tdError:" in r.stdout:
            assert "tried:" in r.stdout, r.stdout
    # Only the first 127 bytes of the list are read: 200 bogus names fail with a bounded message.
    r = run_isolated({"TD_RENDER_EGL_PLATFORMS": many})
    assert "unknown platform 'bogus0'" in r.stdout and len(r.stdout) < 1200


def test_failed_start_then_render_recovers():
    # A failed start is not remembered: the first render after the environment is fixed works.
    code = ("import os, td_render as td\n"
            "os.environ['TD_RENDER_LIBEGL'] = 'libEGL-missing.so.0'\n"
            "net = td.root.create(td.baseCOMP)\n"
            "net.create(td.geometryCOMP, 'geo1').create(td.boxSOP)\n"
            "net.create(td.cameraCOMP, 'cam1')\n"
            "r = net.create(td.renderTOP)\n"
            "r.par.resolutionw = r.par.resolutionh = 8\n"
            "for i in range(3):\n"
            "    try:\n        r.numpyArray()\n    except td.tdError:\n        print('failed')\n"
            "del os.environ['TD_RENDER_LIBEGL']\n"
            "print(r.numpyArray().shape, r.totalCooks)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split("\n")[:4] == ["failed", "failed", "failed", "(8, 8, 4) 1"]
