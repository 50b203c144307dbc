"""Watch benchmark: how long after a document of the scale corpus is saved ``concord
watch`` has rewritten the reports, against the warm run of the same corpus.

The corpus is benchmarks/scale.py's (N groups built from the team's corpus). In one run
of this script: a cold ``check --full`` fills the translation and entity caches, a warm
``check --full`` is timed, then ``concord watch`` starts on the corpus (its first run
stores every group). Then, several times, one number of one Spanish document (a
different story each time) is changed and saved; the time from the save to the moment
the watch process has written the reports and printed its line is measured, and the new
number is looked for in findings.json. Last, Ctrl-C (SIGINT) stops the watch: exit 130.

With ``--baseline REF`` the same is done, in the same run (same corpus, same caches, one
after the other), with ``REF``'s ``src/`` (unpacked with ``git archive``), so the two are
compared under the same load. The warm ``check --full`` is this code's (it fills the group
store), so both watches start from a filled store.

    python benchmarks/watch.py [--groups 1000] [--changes 5] [--jobs 2] [--baseline REF]
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale  # the scale corpus and the timed check runs

ROOT = Path(__file__).resolve().parent.parent


class Lines:
    """The lines a process prints, read in a thread; ``wait`` for one matching a pattern."""

    def __init__(self, stream):
        self.lines: list[tuple[float, str]] = []
        self.cond = threading.Condition()
        self.t = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.t.start()

    def _read(self, stream):
        for line in stream:
            with self.cond:
                self.lines.append((time.perf_counter(), line.rstrip("\n")))
                self.cond.notify_all()

    def wait(self, pattern: str, start: int, timeout: float) -> tuple[int, float, str]:
        rx = re.compile(pattern)
        end = time.perf_counter() + timeout
        with self.cond:
            while True:
                for i in range(start, len(self.lines)):
                    if rx.search(self.lines[i][1]):
                        return i, self.lines[i][0], self.lines[i][1]
                left = end - time.perf_counter()
                if left <= 0:
                    raise SystemExit(f"no line matching {pattern!r} within {timeout:.0f} s; last lines: "
                                     + " | ".join(x[1] for x in self.lines[-5:]))
                self.cond.wait(left)


def change_number(path: Path, k: int) -> str:
    """Replace the first number of ``path`` by one no version holds; return it."""
    text = path.read_text(encoding="utf-8")
    m = re.search(r"(?<![\d.,])\d{2,}(?![\d.,])", text)
    new = str(97000 + k)
    assert m is not None, path
    path.write_text(text[:m.start()] + new + text[m.end():], encoding="utf-8")
    return new


def watch_changes(src: Path, corpus: Path, cache: Path, out: Path, args, warm: float, k0: int
                  ) -> tuple[float, float, int | None]:
    """Start ``concord watch`` (of ``src``) on the corpus, change ``args.changes`` documents one
    at a time, time each from the save to the run's line, stop it with Ctrl-C: the median
    and longest times and the exit code."""
    path = [str(src)] + ([os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else [])
    env = dict(os.environ, CONCORD_CACHE_DIR=str(cache), PYTHONPATH=os.pathsep.join(path))
    env.pop("CI", None)
    cmd = [sys.executable, "-m", "concord.cli", "watch", str(corpus), "-o", str(out), "--jobs", str(args.jobs),
           "--no-serve", "--fail-on", "never"]
    print(f"watch of {src}:")
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines = Lines(proc.stdout)
    code = None
    try:
        _, t_ready, line = lines.wait(r"^watching ", 0, 3600)
        mode = re.search(r"\((filesystem events|polling)\)", line)
        print(f"  first run and warm-up {t_ready - t0:.1f} s ({mode.group(1) if mode else '?'})")
        victims = sorted(corpus.glob("*.es.txt"))
        step = max(1, len(victims) // max(1, args.changes))
        times = []
        for k in range(k0, k0 + args.changes):
            victim = victims[(k * step + step // 2) % len(victims)]
            time.sleep(0.3)  # the previous save's events are over
            start = len(lines.lines)
            t_save = time.perf_counter()
            new = change_number(victim, k)
            _, t_done, _line = lines.wait(r"^\[\d\d:\d\d:\d\d\] ", start, 600)
            seconds = t_done - t_save
            found = new in (out / "findings.json").read_text(encoding="utf-8")
            times.append(seconds)
            print(f"  change {k + 1}: {victim.name}: report written {seconds:.3f} s after the save "
                  f"({100 * seconds / warm:.2f}% of the warm run); {new} in findings.json: {'yes' if found else 'NO'}")
            if not found:
                raise SystemExit("the changed number is not in findings.json")
        proc.send_signal(signal.SIGINT)
        code = proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
    return statistics.median(times), max(times), code


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--groups", type=int, default=1000)
    ap.add_argument("--changes", type=int, default=5, help="documents changed, one at a time")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes of the check runs and the first watch run")
    ap.add_argument("--baseline", default=None, metavar="REF",
                    help="also time the watch of this commit's src/ (say, the last release), in the same run")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="concord-watch-") as tmp:
        tmp = Path(tmp)
        corpus, cache, out = tmp / "corpus", tmp / "cache", tmp / "out"
        info = scale.build_corpus(corpus, args.groups)
        print(f"Scaled corpus: {info['groups']} groups, {info['documents']} documents, {info['words']} words; "
              f"{os.cpu_count()} cores")
        scale.build_model_files(cache)
        cold = scale.run_check(corpus, tmp / "out-cold", cache, args.jobs, full=True)
        warm = scale.run_check(corpus, tmp / "out-warm", cache, args.jobs, full=True)
        print(f"cold run: {cold['wall']:.1f} s; warm run: {warm['wall']:.1f} s ({args.jobs} workers)")
        results = [("this code", watch_changes(ROOT / "src", corpus, cache, out, args, warm["wall"], 0))]
        if args.baseline:
            old = scale.baseline_src(args.baseline, tmp / "baseline")
            if old is None:
                print(f"no baseline: {args.baseline} is not in this clone")
            else:
                results.append((args.baseline, watch_changes(old, corpus, cache, tmp / "out-baseline", args,
                                                             warm["wall"], args.changes)))
        for label, (med, top, code) in results:
            print(f"{label}: save to report written: median {med:.3f} s, max {top:.3f} s = "
                  f"{100 * med / warm['wall']:.2f}% (max {100 * top / warm['wall']:.2f}%) of the warm run "
                  f"(target < 3% and < 1 s at 1,000 groups); Ctrl-C exit {code} (want 130)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
