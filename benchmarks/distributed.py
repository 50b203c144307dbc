"""Distributed benchmark: the same scaled corpus checked with ``--jobs 2`` (local worker
processes) and on a 2-worker Dask ``LocalCluster`` (``--executor dask --jobs 2``).

Prints, per run: wall and CPU seconds, the per-group scheduling overhead of Dask (its extra
wall time over the local pool, per group) against the mean group time, and the peak memory
(PSS) of the client process alone and of the whole process tree (client, workers, Apertium).
Client memory is measured at two corpus sizes to show it stays flat in the number of
groups. Last, a projection of a 1,000,000-group archive re-check from the measured rate.

    .venv/bin/python benchmarks/distributed.py [--groups 200,800]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# this file's folder would shadow dask's ``distributed`` package: read scale.py by its path
sys.path = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]


def _scale():
    import importlib.util

    spec = importlib.util.spec_from_file_location("concord_scale_bench", ROOT / "benchmarks" / "scale.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_s = _scale()
PeakRSS, build_corpus = _s.PeakRSS, _s.build_corpus


class ClientPeak(threading.Thread):
    """Peak PSS of one process (the client), polled."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop_flag = pid, 0, False
        self.start()

    def run(self):
        while not self.stop_flag:
            self.peak = max(self.peak, PeakRSS._pss(self.pid))
            time.sleep(0.05)

    def stop(self) -> int:
        self.stop_flag = True
        self.join()
        return self.peak


def run(corpus: Path, out: Path, cache: Path, extra: list[str]) -> dict:
    env = dict(os.environ, CONCORD_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT / "src"))
    env.pop("CI", None)
    cmd = [sys.executable, "-m", "concord.cli", "check", str(corpus), "-o", str(out), "--full",
           "--fail-on", "never", "-q", "--format", "json"] + extra
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    tree, client = PeakRSS(proc.pid), ClientPeak(proc.pid)
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"concord failed ({proc.returncode}): {err.strip()[-400:]}")
    return {"wall": wall, "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "tree": tree.stop(), "client": client.stop(),
            "findings": (out / "findings.json").read_bytes()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--groups", default="200,800", help="corpus sizes (the first is timed both ways)")
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.groups.split(",") if x]
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("distributed: dask's distributed scheduler is not installed (pip install 'concord-check[dask]')")
        return 0
    with tempfile.TemporaryDirectory(prefix="concord-dist-") as tmp:
        tmp = Path(tmp)
        n = sizes[0]
        corpus = tmp / f"c{n}"
        info = build_corpus(corpus, n)
        cache = tmp / "cache"
        run(corpus, tmp / "warmup", cache, ["--jobs", "2"])  # fill the translation cache: time the rest
        local = run(corpus, tmp / "local", cache, ["--jobs", "2"])
        dask = run(corpus, tmp / "dask", cache, ["--executor", "dask", "--jobs", "2"])
        same = local["findings"] == dask["findings"]
        # scheduling overhead alone: a cluster already running, its workers' models loaded
        from distributed import LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=40) as cluster:
            addr = ["--executor", "dask", "--scheduler", cluster.scheduler_address]
            run(corpus, tmp / "dask-warm", cache, addr)  # each worker loads its models once
            steady = run(corpus, tmp / "dask-steady", cache, addr)
        print(f"corpus: {n} groups, {info['documents']} documents, {info['words']} words (translations cached)")
        print(f"{'run':<28}{'wall s':>8}{'cpu s':>8}{'client MB':>11}{'tree MB':>9}")
        for name, r in (("local, --jobs 2", local), ("dask LocalCluster, 2 workers", dask),
                        ("dask, running cluster", steady)):
            print(f"{name:<28}{r['wall']:>8.1f}{r['cpu']:>8.1f}{r['client'] / 2**20:>11.0f}{r['tree'] / 2**20:>9.0f}")
        print(f"findings.json byte-identical: {same}")
        group_time = local["wall"] * 2 / n
        cold_extra = max(0.0, dask["wall"] - local["wall"]) / n * 2
        overhead = max(0.0, steady["wall"] - local["wall"]) / n * 2
        print(f"mean group time {group_time * 1000:.0f} ms per worker; Dask's scheduling overhead on a "
              f"running cluster {overhead * 1000:.0f} ms per group = {100 * overhead / group_time:.1f}% "
              f"(target < 10%); starting a cluster for the run (its workers load their models) adds "
              f"{cold_extra * 1000:.0f} ms per group over {n} groups")
        clients = [dask["client"]]
        for m in sizes[1:]:
            c = tmp / f"c{m}"
            build_corpus(c, m)
            r = run(c, tmp / f"dask{m}", tmp / "cache-big", ["--executor", "dask", "--jobs", "2"])
            clients.append(r["client"])
        if len(clients) > 1:
            print("client peak memory: " + ", ".join(f"{s} groups {c / 2**20:.0f} MB" for s, c in zip(sizes, clients))
                  + f" ({100 * (clients[-1] / clients[0] - 1):+.1f}%)")
        rate = n / (dask["wall"] * 2) * 3600  # groups per worker-hour (warm translation cache)
        print(f"projection: {rate:,.0f} groups per worker-hour with cached translations; a cold run adds "
              f"Apertium's time (see benchmarks/scale.py). 1,000,000 groups = {1e6 / rate:,.0f} worker-hours "
              f"(e.g. {1e6 / rate / 50:,.1f} h on 50 workers). Limits: the client keeps per-group counts "
              f"(about 1 KB each) and writes every report itself; each worker's translation cache grows "
              f"with the text it has seen.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
