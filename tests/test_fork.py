"""fork(): a child never hangs. The parent's GL thread and context do not survive a fork (and a new
context on the parent's Mesa display hangs in the driver), so a child forked after its parent
started OpenGL starts a GL runtime of its own on a display no ancestor opened (Mesa's software EGL
device) and renders the parent's images exactly, operators inherited from the parent included;
where no display is left (a grandchild of a rendering process) its first render raises a tdError
that says so and names the spawn start method. A child forked before the parent's first render
starts its own GL; spawn workers render the parent's images exactly. A save still pending in the
parent is neither written again nor waited for in the child.

Each case runs in its own Python under a timeout (the watchdog: a hang fails the test instead of
blocking the suite)."""
import os
import signal
import subprocess
import sys
import textwrap

import pytest

import td_render as td

WATCHDOG = 120

COMMON = """
import hashlib, multiprocessing, os, sys, time
import td_render as td

def scene(name):
    net = td.root.create(td.baseCOMP, name)
    geo = net.create(td.geometryCOMP, "geo1")
    geo.create(td.boxSOP)
    geo.par.ry = 30
    mat = net.create(td.constantMAT)
    mat.par.colorr, mat.par.colorg = 0.8, 0.3
    geo.par.material = mat
    net.create(td.cameraCOMP, "cam1")
    r = net.create(td.renderTOP)
    r.par.resolutionw, r.par.resolutionh = 64, 48
    return r

def checksum(frame):
    r = scene("f%d" % frame)
    r.par.resolutionw = 64 + frame
    return hashlib.sha256(r.numpyArray().tobytes()).hexdigest()

def try_checksum(frame):
    try:
        return checksum(frame)
    except td.tdError as e:
        return "tdError: " + str(e)
"""


def run(tmp_path, body):
    """Runs COMMON + body as a script file (spawn workers import it), under the watchdog."""
    script = tmp_path / "script.py"
    script.write_text(COMMON + textwrap.dedent(body))
    # The script's folder comes first on its sys.path: put the td_render this test imports before it.
    env = dict(os.environ)
    here = os.path.dirname(os.path.dirname(os.path.abspath(td.__file__)))
    env["PYTHONPATH"] = os.pathsep.join([here] + [p for p in [env.get("PYTHONPATH")] if p])
    # Its own session: on a hang the watchdog kills the whole group, forked children included.
    p = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         cwd=tmp_path, env=env, start_new_session=True)
    try:
        out, err = p.communicate(timeout=WATCHDOG)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
        pytest.fail("hung: still running after %d s\n%s" % (WATCHDOG, err[-3000:]))
    finally:
        try:
            os.killpg(p.pid, signal.SIGKILL)  # a child the script left behind
        except ProcessLookupError:
            pass
    return subprocess.CompletedProcess(p.args, p.returncode, out, err)


def lines(r):
    assert r.returncode == 0, (r.returncode, r.stdout[-2000:], r.stderr[-3000:])
    return dict(line.split(" ", 1) for line in r.stdout.splitlines() if " " in line)


POOL = """
if __name__ == "__main__":
    from concurrent.futures import ProcessPoolExecutor
    %s
    ctx = multiprocessing.get_context(%r)
    with ProcessPoolExecutor(2, mp_context=ctx) as pool:
        got = list(pool.map(try_checksum, range(4), timeout=%d))
    own = [checksum(i) for i in range(4)]
    for i in range(4):
        print("worker%%d" %% i, got[i])
        print("parent%%d" %% i, own[i])
"""


def test_spawn_pool_renders_the_parents_frames(tmp_path):
    out = lines(run(tmp_path, POOL % ("checksum(0)", "spawn", WATCHDOG - 30)))
    for i in range(4):
        assert out["worker%d" % i] == out["parent%d" % i]


def test_fork_pool_after_a_render_renders_the_parents_frames(tmp_path):
    out = lines(run(tmp_path, POOL % ("checksum(0)", "fork", WATCHDOG - 30)))
    for i in range(4):
        assert out["worker%d" % i] == out["parent%d" % i]


def test_fork_pool_before_any_render_renders_the_parents_frames(tmp_path):
    out = lines(run(tmp_path, POOL % ("pass", "fork", WATCHDOG - 30)))
    for i in range(4):
        assert out["worker%d" % i] == out["parent%d" % i]


def test_bare_fork_child_after_a_render(tmp_path):
    out = lines(run(tmp_path, """
        kept = scene("kept")
        before = hashlib.sha256(kept.numpyArray().tobytes()).hexdigest()
        pid = os.fork()
        if pid == 0:
            # an operator the parent rendered: its GL objects are the parent's, made anew here
            same = hashlib.sha256(kept.numpyArray().tobytes()).hexdigest() == before
            kept.par.resolutionw = 70
            moved = kept.numpyArray().shape == (48, 70, 4)
            fresh = checksum(1)
            # a grandchild: both displays Mesa offers belong to its ancestors now
            gpid = os.fork()
            if gpid == 0:
                code = 3
                try:
                    checksum(2)
                except td.tdError as e:
                    code = 0 if "forked" in str(e) and "spawn" in str(e) else 4
                os._exit(code)
            _, gstatus = os.waitpid(gpid, 0)
            print("child", same, moved, fresh, os.waitstatus_to_exitcode(gstatus), flush=True)
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        print("status", os.waitstatus_to_exitcode(status))
        print("parent", checksum(1))
        print("parent-still-renders", hashlib.sha256(kept.numpyArray().tobytes()).hexdigest() == before)
        """))
    same, moved, fresh, grandchild = out["child"].split()
    assert out["status"] == "0" and same == "True" and moved == "True" and grandchild == "0"
    assert fresh == out["parent"]
    assert out["parent-still-renders"] == "True"


def test_child_forked_with_a_save_pending_exits_at_once(tmp_path):
    out = lines(run(tmp_path, """
        r = scene("big")
        r.par.resolutionw = r.par.resolutionh = 2048
        r.numpyArray()
        statuses = [r.save("big%d.png" % i, asynchronous=True) for i in range(3)]
        pid = os.fork()
        if pid == 0:
            t0 = time.monotonic()
            # inherited statuses are final at once; nothing is written or waited for here
            done = all(s.isCompleted() for s in statuses)
            pending = sum(s.error is not None and "forked" in str(s.error) for s in statuses)
            td.waitForSaves()
            print("child-done", done, flush=True)
            print("child-dropped", pending, flush=True)
            print("child-seconds", round(time.monotonic() - t0, 3), flush=True)
            sys.exit(0)  # a normal exit: atexit waits for saves
        _, status = os.waitpid(pid, 0)
        print("child", os.waitstatus_to_exitcode(status))
        td.waitForSaves()
        print("parent-ok", all(s.error is None for s in statuses))
        from PIL import Image
        print("sizes", sorted({Image.open("big%d.png" % i).size for i in range(3)}))
        print("files", sorted(os.listdir(".")))
        """))
    assert out["child"] == "0" and out["child-done"] == "True" and out["parent-ok"] == "True"
    assert float(out["child-seconds"]) < 5.0
    assert int(out["child-dropped"]) >= 1  # the slow PNGs were still queued when it forked
    assert out["sizes"] == "[(2048, 2048)]"
    assert out["files"] == "['big0.png', 'big1.png', 'big2.png', 'script.py']"
