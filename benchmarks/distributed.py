"""Distributed benchmark: one synthetic archive (``benchmarks/archive.py``) checked with
``--jobs 2`` (local worker processes), on a 2-worker Dask ``LocalCluster`` started for the
run (``--executor dask --jobs 2``), and on a cluster of separate processes (``dask
scheduler`` and two ``dask worker`` programs on 127.0.0.1, ``--scheduler ADDRESS``), once
whole and once with one worker killed (SIGKILL) mid-run.

Prints, per run: wall and CPU seconds (CPU of the client and its children: the cluster's
own processes are not the client's), groups per second, the peak resident memory
(``ru_maxrss`` from ``wait4``: of the client's largest process, its own workers included
when they are its children, as with ``--jobs 2`` and a LocalCluster), whether
findings.jsonl is byte-identical to the local run's, Dask's per-group overhead on the
running cluster against the mean group time, and a projection to 1M and 10M groups from
the measured rate. Translations are cached (each run after a first one that fills the
caches: the client's, and each cluster worker's own).

    .venv/bin/python benchmarks/distributed.py [--groups 400]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# this file's folder would shadow dask's ``distributed`` package: the helpers are read by path
sys.path = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"concord_bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run(archive: Path, out: Path, cache: Path, extra: list[str], kill=None) -> dict:
    """One ``concord check`` in a child process; ``kill`` (a callable) is called once from
    another thread while it runs, as soon as it returns True."""
    env = dict(os.environ, CONCORD_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT / "src"))
    env.pop("CI", None)
    cmd = [sys.executable, "-m", "concord", "check", str(archive), "-o", str(out), "--full", "--names", "rules",
           "--fail-on", "never", "-q", "--format", "jsonl"] + extra
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()
    killed: list[float] = []

    def watch():
        while not done.is_set():
            if kill():
                killed.append(time.perf_counter() - t0)
                return
            time.sleep(0.2)

    watcher = threading.Thread(target=watch, daemon=True) if kill else None
    if watcher:
        watcher.start()
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    done.set()
    if watcher:
        watcher.join()
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"concord failed: {err.decode(errors='replace').strip()[-600:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss * 1024,
            "jsonl": (out / "findings.jsonl").read_bytes(), "killed": killed}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--groups", type=int, default=400, help="archive size in groups (stories)")
    args = ap.parse_args(argv)
    n = args.groups
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("distributed: dask's distributed scheduler is not installed (pip install 'concord-check[dask]')")
        return 0
    archive, procs = _load("archive"), _load("dask_processes")
    with tempfile.TemporaryDirectory(prefix="concord-dist-") as tmp:
        base = Path(tmp)
        corpus = base / "archive"
        size = archive.write_archive(corpus, n)
        cache = base / "cache"
        run(corpus, base / "warm-up", cache, ["--jobs", "2"])  # fill the translation cache: time the rest
        rows = [("local, --jobs 2", run(corpus, base / "local", cache, ["--jobs", "2"]))]
        rows.append(("dask LocalCluster, 2 workers", run(corpus, base / "lc", cache, ["--executor", "dask",
                                                                                       "--jobs", "2"])))
        with procs.ProcessCluster(workers=2, env={"CONCORD_CACHE_DIR": str(base / "worker-cache")}) as cluster:
            addr = ["--executor", "dask", "--scheduler", cluster.address]
            run(corpus, base / "pc-warm-up", cache, addr)  # each worker loads its models, fills its cache
            rows.append(("dask scheduler + 2 dask worker", run(corpus, base / "pc", cache, addr)))
            started = time.perf_counter()

            def kill_one():  # once the run is under way and a worker is busy
                if time.perf_counter() - started < rows[-1][1]["wall"] * 0.3:
                    return False
                busy = cluster.worker_busy()
                if busy:
                    cluster.kill_worker(busy[0])
                return bool(busy)

            rows.append(("the same, a worker killed", run(corpus, base / "pc-kill", cache, addr, kill_one)))
        print(f"archive: {n} groups, {2 * n} documents, {size / 2**20:.1f} MB of text; translations cached, "
              f"--names rules, --format jsonl")
        print(f"{'run':<32}{'wall s':>8}{'client CPU s':>14}{'groups/s':>10}{'peak MB':>9}  findings.jsonl")
        local = rows[0][1]
        for name, r in rows:
            same = "reference" if r is local else ("identical" if r["jsonl"] == local["jsonl"] else "DIFFERENT")
            note = f" (killed at {r['killed'][0]:.1f} s)" if r["killed"] else ""
            print(f"{name:<32}{r['wall']:>8.1f}{r['cpu']:>14.1f}{n / r['wall']:>10.1f}{r['rss'] / 2**20:>9.0f}  "
                  f"{same}{note}")
        if rows[-1][0].endswith("killed") and not rows[-1][1]["killed"]:
            print("(no worker was busy when the kill was due: the run finished first)")
        group_time = local["wall"] * 2 / n  # seconds per group per worker
        steady = rows[2][1]
        overhead = max(0.0, steady["wall"] - local["wall"]) / n * 2
        print(f"mean group time {group_time * 1000:.0f} ms per worker; a running cluster adds "
              f"{overhead * 1000:.0f} ms per group ({100 * overhead / group_time:.1f}%)")
        rate = n / (steady["wall"] * 2) * 3600  # groups per worker-hour, warm caches
        jsonl_per_group = len(local["jsonl"]) / n
        for total in (1_000_000, 10_000_000):
            print(f"projection, {total:,} groups: {total / rate:,.0f} worker-hours with cached translations "
                  f"({total / rate / 50:,.1f} h on 50 workers), "
                  f"findings.jsonl {total * jsonl_per_group / 2**30:,.1f} GB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
