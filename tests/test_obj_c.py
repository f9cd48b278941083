"""The Wavefront .obj reader (src/geom/obj.c) built and tested on its own: tests/c/test_obj.c
compiled with src/geom/*.c and src/util/*.c only (no Python headers, no GL), every allocation made
to fail in turn through the linker's --wrap; built twice, plain and under AddressSanitizer +
UndefinedBehaviorSanitizer."""
import glob
import os
import shutil
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SANITIZE = ["-fsanitize=address,undefined,float-cast-overflow", "-fno-sanitize-recover=all",
            "-fno-omit-frame-pointer"]


@pytest.mark.parametrize("flags", [[], SANITIZE], ids=["plain", "sanitized"])
def test_obj_c_program(tmp_path, flags):
    cc = shutil.which("cc")
    assert cc is not None, "a C compiler (cc) is needed to build td_render"
    sources = [os.path.join(ROOT, "tests", "c", "test_obj.c")]
    sources += sorted(glob.glob(os.path.join(ROOT, "src", "geom", "*.c")))
    sources += sorted(glob.glob(os.path.join(ROOT, "src", "util", "*.c")))
    exe = str(tmp_path / "test_obj")
    cmd = [cc, "-std=c11", "-D_GNU_SOURCE", "-Wall", "-Wextra", "-Werror", "-O1", "-g", *flags,
           "-I" + os.path.join(ROOT, "src"), *sources, "-o", exe, "-lm",
           "-Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free"]
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and not k.endswith("SAN_OPTIONS")}
    built = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)
    assert built.returncode == 0, built.stderr
    ran = subprocess.run([exe], capture_output=True, text=True, timeout=120, env=env)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert ran.stdout.strip().startswith("ok ") and " 0 failed" in ran.stdout, ran.stdout
