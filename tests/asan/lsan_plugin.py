"""pytest plugin loaded by `make test-asan` (-p lsan_plugin): checks that the test session ran
against the sanitizer build, and runs LeakSanitizer once pytest has finished.

The check runs in an atexit handler: after pytest has returned and every Python frame has exited,
but before CPython tears itself down. Not earlier: CPython 3.11 keeps the frames of running code in
mmap'd stack chunks that LeakSanitizer does not scan, so a frame object that pytest or Hypothesis
asked for (sys._getframe, tracebacks) would look leaked while its code is still running. Not at exit
either (leak_check_at_exit=0 in scripts/asan-env): during finalization CPython frees only part of
its memory and would be reported by the hundred. At this point every block Python or td_render
still uses is reachable from a global, a thread's stack or another reachable block, so whatever
LSan reports was really lost; the process then exits with status 23. Leaks inside Mesa and LLVM
are suppressed in lsan.supp (each entry says why); td_render's own allocations never are.

The interpreter has no frame pointers, so LSan's stacks stop at the first CPython frame (its slow
unwinder deadlocks against LLVM's JIT). With TD_RENDER_LSAN_EXPLAIN=1 (scripts/asan-env then
turns on LSan's report_objects), each leaked block that is a Python object is shown with its type
and repr; with TD_RENDER_LSAN_EXPLAIN=2 (tracemalloc on) also the Python traceback that made it."""
import atexit
import ctypes
import gc
import os
import re
import sys
import tempfile
import tracemalloc

import pytest

_GC_HEAD = 16  # sizeof(PyGC_Head) in CPython 3.8+ on 64-bit: a GC object starts after it


LEAK_EXIT_STATUS = 23  # LeakSanitizer's own exit code for leaks


def pytest_configure(config):
    import td_render._td as core

    expected = os.environ.get("TD_RENDER_SANITIZED")
    if not expected or os.path.realpath(core.__file__) != os.path.realpath(expected):
        raise pytest.UsageError("lsan_plugin: td_render._td is %s, not the sanitizer build %s"
                                % (core.__file__, expected))
    if getattr(ctypes.CDLL(None), "__lsan_do_recoverable_leak_check", None) is None:
        raise pytest.UsageError("lsan_plugin: LeakSanitizer is not loaded (run under scripts/asan-env)")
    atexit.register(_check_at_exit)


def _leak_check():
    """Runs LeakSanitizer; returns (found, report text)."""
    check = ctypes.CDLL(None).__lsan_do_recoverable_leak_check
    sys.stderr.flush()
    with tempfile.TemporaryFile() as report:
        saved = os.dup(2)
        os.dup2(report.fileno(), 2)
        try:
            found = check() != 0
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        report.seek(0)
        return found, report.read().decode(errors="replace")


def _explain(report):
    """The Python objects among the leaked blocks (report_objects=1 lists their addresses)."""
    lines = []
    for addr, size in re.findall(r"^(0x[0-9a-f]+) \((\d+) bytes\)$", report, re.M):
        try:
            obj = ctypes.cast(int(addr, 16) + _GC_HEAD, ctypes.py_object).value
            what = "%s %.200r" % (type(obj).__name__, obj)
            tb = tracemalloc.get_object_traceback(obj)
        except Exception as e:  # noqa: BLE001 - not every leaked block is a GC object
            lines.append("%s (%s bytes): not a Python GC object (%s)" % (addr, size, type(e).__name__))
            continue
        lines.append("%s (%s bytes): %s" % (addr, size, what))
        if tb is not None:
            lines.extend("    " + line for line in tb.format())
    return "\n".join(lines)


def _check_at_exit():
    gc.collect()
    found, report = _leak_check()
    sys.stderr.write(report)
    if not found:
        sys.stderr.write("lsan_plugin: no leaks\n")
        return
    if os.environ.get("TD_RENDER_LSAN_EXPLAIN"):
        sys.stderr.write("\nlsan_plugin: leaked Python objects:\n%s\n" % _explain(report))
    sys.stderr.write("\nlsan_plugin: LeakSanitizer found leaks (report above): exit status %d\n" % LEAK_EXIT_STATUS)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(LEAK_EXIT_STATUS)
