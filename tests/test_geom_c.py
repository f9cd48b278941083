"""The plain-C geometry (src/geom) built and tested on its own: tests/c/test_geom.c (meshes, box,
sphere), tests/c/test_geom_shapes.c (the other generators) and tests/c/test_geom_filters.c (merge,
transform), each compiled with
src/geom/*.c and src/util/*.c only, no Python headers and no GL, which also shows that the layer
needs neither. The program fails allocations one at a time through the linker's --wrap; it is
built twice, once plain and once under AddressSanitizer + UndefinedBehaviorSanitizer (out-of-bounds
writes, overflow, leaks)."""
import glob
import os
import shutil
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


SANITIZE = ["-fsanitize=address,undefined,float-cast-overflow", "-fno-sanitize-recover=all",
            "-fno-omit-frame-pointer"]


@pytest.mark.parametrize("program", ["test_geom.c", "test_geom_shapes.c", "test_geom_filters.c"])
@pytest.mark.parametrize("flags", [[], SANITIZE], ids=["plain", "sanitized"])
def test_geom_c_program(tmp_path, flags, program):
    cc = shutil.which("cc")
    assert cc is not None, "a C compiler (cc) is needed to build td_render"
    sources = [os.path.join(ROOT, "tests", "c", program)]
    sources += sorted(glob.glob(os.path.join(ROOT, "src", "geom", "*.c")))
    sources += sorted(glob.glob(os.path.join(ROOT, "src", "util", "*.c")))
    exe = str(tmp_path / "test_geom")
    cmd = [cc, "-std=c11", "-D_GNU_SOURCE", "-Wall", "-Wextra", "-Werror", "-O1", "-g", *flags,
           "-I" + os.path.join(ROOT, "src"), *sources, "-o", exe, "-lm",
           "-Wl,--wrap=malloc,--wrap=calloc,--wrap=free"]
    # not the sanitizer set-up of `make test-asan` (preloaded runtime, leak check off at exit)
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and not k.endswith("SAN_OPTIONS")}
    built = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)
    assert built.returncode == 0, built.stderr
    ran = subprocess.run([exe], capture_output=True, text=True, timeout=120, env=env)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert ran.stdout.strip().startswith("ok ") and " 0 failed" in ran.stdout, ran.stdout
