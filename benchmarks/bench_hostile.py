"""Time blow-ups of ordinary-looking scripts: each measure at N and 2N, with the growth ratio.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_hostile.py    # 10,000 creates, 1,000-operator chain
    PYTHONPATH=. .venv/bin/python benchmarks/bench_hostile.py --creates 2000 --chain 18 --deps 26  # sizes
                                                                 # the code before issue 9 manages

creates: N auto-named create() calls in one COMP (geometryCOMP stems geo1, geo2, ...).
chain:   N geometryCOMPs whose tx and ty each read the previous operator's tx and ty, evaluated once: a
         driver's tx sums every chain operator's tx in order (one outermost evaluation; each
         operator's parameters are reached through two paths per step, 2^k evaluations uncached).
deps:    N geometryCOMPs where each one's tx reads the previous one's and its ty the one before that
         (all evaluated once through a driver, so the reads are known), and an operator 'end' reading the
         first: dependenciesTo() from the first to 'end', which every other path misses.

A linear measure grows about 2x from N to 2N; quadratic 4x, cubic 8x; exponential far more.
(PYTHONPATH=. makes the worktree's build the one imported, not the installed one.)
"""
import argparse
import sys
import time

import td_render as td


def creates(n):
    comp = td.root.create(td.baseCOMP)
    try:
        t = time.perf_counter()
        for _ in range(n):
            comp.create(td.geometryCOMP)
        return time.perf_counter() - t
    finally:
        comp.destroy()


def build_chain(comp, n):
    ops = [comp.create(td.geometryCOMP, "c0")]
    for i in range(1, n):
        o = comp.create(td.geometryCOMP, f"c{i}")
        prev = f"op('c{i - 1}')"
        o.par.tx.expr = f"{prev}.par.tx + {prev}.par.ty + 1"
        o.par.ty.expr = f"{prev}.par.tx - {prev}.par.ty"
        ops.append(o)
    return ops


def chain(n):
    comp = td.root.create(td.baseCOMP)
    try:
        build_chain(comp, n)
        driver = comp.create(td.geometryCOMP, "driver")
        driver.par.tx.expr = f"sum(float(op('c' + str(i)).par.tx) for i in range({n}))"
        t = time.perf_counter()
        driver.par.tx.eval()
        return time.perf_counter() - t
    finally:
        comp.destroy()


def deps(n):
    comp = td.root.create(td.baseCOMP)
    try:
        ops = [comp.create(td.geometryCOMP, f"c{i}") for i in range(n)]
        for i in range(1, n):
            ops[i].par.tx.expr = f"op('c{i - 1}').par.tx + 1"
            ops[i].par.ty.expr = f"op('c{max(0, i - 2)}').par.ty + 1"
        end = comp.create(td.geometryCOMP, "end")
        end.par.tx.expr = "op('c0').par.tx"
        driver = comp.create(td.geometryCOMP, "driver")
        driver.par.tx.expr = f"sum(float(op('c' + str(i)).par.tx) + float(op('c' + str(i)).par.ty) for i in range({n}))"
        driver.par.tx.eval(), end.par.tx.eval()
        t = time.perf_counter()
        paths = ops[0].dependenciesTo(end)
        took = time.perf_counter() - t
        assert paths == [[ops[0], end]], paths
        return took
    finally:
        comp.destroy()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--creates", type=int, default=10000, help="N of the create() measure (also runs N/2)")
    ap.add_argument("--chain", type=int, default=1000, help="N of the chain measure (also N/2)")
    ap.add_argument("--deps", type=int, default=1000, help="N of the deps measure (also N/2)")
    a = ap.parse_args()
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20 * max(a.chain, a.deps) + 1000))
    for name, fn, n in (("creates", creates, a.creates), ("chain", chain, a.chain), ("deps", deps, a.deps)):
        half = max(1, n // 2)
        t1 = fn(half)
        t2 = fn(n)
        ratio = t2 / t1 if t1 > 0 else float("inf")
        print(f"{name:8s} N={half:6d} {t1 * 1e3:10.2f} ms   2N={n:6d} {t2 * 1e3:10.2f} ms   ratio {ratio:6.2f}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
