"""SIGINT and SIGTERM at twenty points of a run, with local worker processes and with a
local Dask cluster: every run ends within five seconds with exit 130 or 143 and one line,
leaves no process behind, no report and no temporary file, a cache SQLite still reads,
and its inputs as they were.

The twenty points are spread over the whole run (stratified: one random instant in each
twentieth of a clean run's duration, denser at the start where most phases are: imports,
settings, reading, model loading, starting the workers; measured from the first line of
Concord's code, since the interpreter's own start-up is not Concord's to handle), the signal alternating between
SIGINT and SIGTERM and between the process alone and its whole process group."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import catches_sigterm, story_copies

ROOT = Path(__file__).resolve().parent.parent
POINTS = 20


def _env(cache: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), CONCORD_CACHE_DIR=str(cache),
               SOURCE_DATE_EPOCH="1700000000")
    env.pop("CI", None)
    return env


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _group_left(pgid: int) -> list[str]:
    return subprocess.run(["pgrep", "-g", str(pgid)], capture_output=True, text=True, check=False).stdout.split()


def _cache_reads(cache: Path) -> bool:
    for db in cache.glob("*.sqlite3"):
        con = sqlite3.connect(db, timeout=30)
        try:
            if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                return False
        finally:
            con.close()
    return True


def _start(args, cache: Path) -> tuple[subprocess.Popen, float]:
    """The run, and the instant Concord's code started in it."""
    p = subprocess.Popen(args, env=_env(cache), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         start_new_session=True)
    end = time.monotonic() + 60
    while not catches_sigterm(p.pid) and p.poll() is None and time.monotonic() < end:
        time.sleep(0.001)
    return p, time.monotonic()


def _points(duration: float, seed: int) -> list[float]:
    """One instant in each twentieth of the run (cubed: denser at the start, where most
    phases are short, and a modest total time: a quarter of a run per point on average)."""
    rnd = random.Random(seed)
    return [duration * ((k + rnd.random()) / POINTS) ** 3 for k in range(POINTS)]


@pytest.mark.parametrize("executor", ["local", "dask"])
def test_a_signal_at_any_of_twenty_points_ends_the_run_cleanly(tmp_path, executor):
    if executor == "dask":
        pytest.importorskip("distributed")
    corpus = story_copies(tmp_path / "corpus", 1)
    inputs = _digest(corpus)
    args = [sys.executable, "-m", "concord", "check", str(corpus), "--translator", "none", "--names", "rules",
            "-q", "--jobs", "2", "--executor", executor, "--format", "json,html"]
    clean, start = _start([*args, "-o", str(tmp_path / "clean")], tmp_path / "cache-clean")
    _, err = clean.communicate(timeout=600)
    duration = time.monotonic() - start
    assert clean.returncode == 1, err
    failures, delivered = [], 0
    for n, at in enumerate(_points(duration, seed=30)):
        sig = (signal.SIGINT, signal.SIGTERM)[n % 2]
        group = n % 4 >= 2
        for attempt in range(4):  # a run faster than the clean one: the point again, earlier
            out, cache = tmp_path / f"out{n}-{attempt}", tmp_path / f"cache{n}-{attempt}"
            p, started = _start([*args, "-o", str(out)], cache)
            when = at * 0.7 ** attempt
            time.sleep(max(0.0, started + when - time.monotonic()))
            if p.poll() is None:
                break
            p.communicate()
        else:
            continue
        (os.killpg if group else os.kill)(p.pid, sig)
        delivered += 1
        sent = time.monotonic()
        try:
            _, err = p.communicate(timeout=60)
        finally:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
                p.communicate()
        took = time.monotonic() - sent
        code, word = (143, "terminated") if sig == signal.SIGTERM else (130, "interrupted")
        where = f"{sig.name} to the {'group' if group else 'process'} at {when:.2f} s"
        deadline = time.monotonic() + 5
        while _group_left(p.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = _group_left(p.pid)
        if left:
            os.killpg(p.pid, signal.SIGKILL)
        files = sorted(f.name for f in out.iterdir()) if out.exists() else []
        line = f"concord: error: {word}\n"
        if p.returncode == 1 and not err and (out / "findings.json").exists():
            # the signal came once the run was done (its reports written): the process
            # ends at once, with the run's own exit code and its complete report
            code, line, files = 1, "", []
            if (out / "findings.json").read_bytes() != (tmp_path / "clean" / "findings.json").read_bytes():
                files = ["a findings.json that differs from the clean run's"]
        problems = [
            f"exit {p.returncode}" if p.returncode != code else "",
            f"stderr {err.decode(errors='replace')!r}" if err.decode(errors="replace") != line else "",
            f"took {took:.1f} s" if took >= 5 else "",
            f"processes left {left}" if left else "",
            f"files left {files}" if files else "",
            "cache unreadable" if not _cache_reads(cache) else "",
        ]
        problems = [x for x in problems if x]
        if problems:
            failures.append(f"{where}: {'; '.join(problems)}")
    assert _digest(corpus) == inputs
    print(f"{executor}: a clean run takes {duration:.1f} s; {delivered} signals delivered")
    assert not failures, "\n".join(failures)
    assert delivered == POINTS, f"only {delivered} runs were still going when their signal came"

