"""pytest plugin loaded by `make test-asan` (-p lsan_plugin): checks that the test session ran
against the sanitizer build, and runs LeakSanitizer when the session ends.

The leak check runs here, while the interpreter is still whole, rather than at exit
(leak_check_at_exit=0 in scripts/asan-env): at this point every block Python or td_render still
uses is reachable from a global, a thread's stack or another reachable block, so whatever LSan
reports was really lost. At exit CPython frees only part of its memory and would be reported by
the hundred. Leaks inside Mesa and LLVM are suppressed in lsan.supp (each entry says why);
td_render's own allocations never are."""
import ctypes
import gc
import os
import sys

import pytest


def pytest_configure(config):
    import td_render._td as core

    expected = os.environ.get("TD_RENDER_SANITIZED")
    if not expected or os.path.realpath(core.__file__) != os.path.realpath(expected):
        raise pytest.UsageError("lsan_plugin: td_render._td is %s, not the sanitizer build %s"
                                % (core.__file__, expected))


def pytest_sessionfinish(session, exitstatus):
    gc.collect()
    check = getattr(ctypes.CDLL(None), "__lsan_do_recoverable_leak_check", None)
    if check is None:
        raise pytest.UsageError("lsan_plugin: LeakSanitizer is not loaded (run under scripts/asan-env)")
    sys.stderr.flush()
    if check() != 0:
        sys.stderr.write("\nlsan_plugin: LeakSanitizer found leaks (report above); failing the session\n")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    else:
        sys.stderr.write("\nlsan_plugin: no leaks\n")
