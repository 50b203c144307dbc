"""Scale benchmark: a corpus of N story groups built from the team's corpus, checked cold,
warm and incrementally, with 1 and 2 worker processes.

The scaled corpus is deterministic (seeded): group i copies one of the real groups, changes
some numbers and names and swaps two paragraphs in one version, and tags every sentence
with the group's case number *inside* the sentence (before its final full stop), so every
sentence is distinct and no tag becomes a sentence of its own: a cold run sends every
sentence to the translator.

For each run it prints wall time, documents/s, sentences/s, words/s, peak memory (PSS) of the
whole process tree (Concord, its workers and the Apertium processes), and the share of time
per stage (summed over workers). It also times raw
Apertium (one ``apertium -f line`` process) on exactly the sentences Concord sends to it (the
Spanish documents, segmented by Concord, one sentence per line) in the same run, and compares
Concord's translate stage with it.

With ``--baseline REF`` (default: the 0.1.0 release commit) it also checks out that release's
``src/`` with ``git archive`` and times its warm run side by side with this code's, both with
the rule-based name extractor (0.1.0 had no spaCy NER), plus this code's warm run with and
without NER. A clone without that commit (shallow) skips the comparison and says so.

Runs:
  cold      empty translation cache, every group computed (--full)
  warm      translation cache filled by the cold run, every group computed (--full)
  rerun     after a normal run stored every group, one document is edited: only its group
            is recomputed (the incremental path users get by default)

    python benchmarks/scale.py [--groups 1000] [--jobs 1,2] [--memory 250,1000]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
NAMES = ["Ana Beltrán", "Luis Ferreira", "Marta Quintero", "Jorge Salas", "Rosa Ibáñez",
         "Pablo Cortés", "Elena Vidal", "Tomás Rivas"]


def _base_groups() -> list[list[tuple[str, str, str]]]:
    """The real groups as lists of (slug, lang tag, text)."""
    sys.path.insert(0, str(ROOT / "src"))
    from concord.corpus import group_documents, load_manifest, read_corpus

    corpus = read_corpus(CORPUS)
    out = []
    for g in group_documents(corpus.documents, load_manifest(CORPUS)):
        docs, seen = [], set()
        for d in g.documents:
            m = re.match(r".*\.([a-z]{2})\.txt$", d.path)
            tag = m.group(1) if m else "en"
            while tag in seen:
                tag = tag.split("-")[0] + "-X" + chr(ord("A") + len(seen))
            seen.add(tag)
            docs.append((g.id, tag, (CORPUS / d.path).read_text(encoding="utf-8")))
        out.append(docs)
    return out


_END = re.compile(r"(?<=[^\s.!?])([.!?]+[\"”»’)]*)(?=\s+[\"“«¿¡(]*[A-ZÁÉÍÓÚÑ0-9]|\s*$)")


def _tag_sentences(paragraph: str, tag: str) -> str:
    """Put ``tag`` inside every sentence of ``paragraph``, before its final punctuation (a
    heading without a full stop gets it at its end)."""
    tagged = _END.sub(lambda m: tag + m.group(1), paragraph)
    return tagged if tagged != paragraph else paragraph + tag


def _perturb(text: str, rng: random.Random, i: int, change: bool, es: bool) -> str:
    paras = text.split("\n\n")
    word = "caso" if es else "case"
    tag = f" ({word} {i})"
    paras = [_tag_sentences(p.rstrip(), tag) if p.strip() else p for p in paras]
    if change:
        if len(paras) > 3 and rng.random() < 0.5:
            a, b = rng.sample(range(1, len(paras)), 2)
            paras[a], paras[b] = paras[b], paras[a]
        out = "\n\n".join(paras)
        nums = list(re.finditer(r"\b\d{2,3}\b", out))
        if nums:
            m = rng.choice(nums)
            out = out[:m.start()] + str(int(m.group()) + rng.randint(1, 9)) + out[m.end():]
        caps = list(re.finditer(r"\b[A-Z][a-záéíóú]+ [A-Z][a-záéíóú]+\b", out))
        if caps and rng.random() < 0.5:
            m = rng.choice(caps)
            out = out[:m.start()] + rng.choice(NAMES) + out[m.end():]
        return out
    return "\n\n".join(paras)


def build_corpus(dest: Path, n_groups: int, seed: int = 7) -> dict:
    bases = _base_groups()
    dest.mkdir(parents=True, exist_ok=True)
    words = docs = 0
    for i in range(n_groups):
        rng = random.Random(seed * 100003 + i)
        group = bases[i % len(bases)]
        changed = rng.randrange(len(group))
        for k, (slug, tag, text) in enumerate(group):
            es = tag.startswith("es")
            body = _perturb(text, rng, i, k == changed, es)
            (dest / f"s{i:05d}-{slug}.{tag}.txt").write_text(body, encoding="utf-8")
            words += len(body.split())
            docs += 1
    return {"groups": n_groups, "documents": docs, "words": words}


class PeakRSS:
    """Poll the memory (PSS) of a process and all its descendants: every 0.05 s in the
    first second (short runs), then every 0.5 s. Reading ``smaps_rollup`` makes the kernel
    walk each process's page tables; at 20 polls a second over a 2-worker run's dozen
    processes that took enough CPU from the run it measures to cut the measured --jobs 2
    speed-up from about 1.8x to 1.6x."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, 0, False
        self.t0 = time.perf_counter()
        self.t = threading.Thread(target=self._loop, daemon=True)
        self.t.start()

    @staticmethod
    def _tree(pid: int) -> list[int]:
        out, pending = [], [pid]
        while pending:
            p = pending.pop()
            out.append(p)
            try:
                for tid in os.listdir(f"/proc/{p}/task"):
                    with open(f"/proc/{p}/task/{tid}/children") as fh:
                        pending += [int(x) for x in fh.read().split()]
            except OSError:
                pass
        return out

    @staticmethod
    def _pss(pid: int) -> int:
        """Proportional set size: shared pages split between the processes sharing them,
        so a process tree's sum is its real footprint (RSS would count them twice)."""
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def _loop(self):
        while not self._stop:
            total = 0
            for p in self._tree(self.pid):
                total += self._pss(p)
            self.peak = max(self.peak, total)
            time.sleep(0.05 if time.perf_counter() - self.t0 < 1.0 else 0.5)

    def stop(self) -> int:
        self._stop = True
        self.t.join()
        return self.peak


def run_check(corpus: Path, out: Path, cache: Path, jobs: int, full: bool, src: Path = ROOT / "src",
              extra: tuple = ()) -> dict:
    env = dict(os.environ, CONCORD_CACHE_DIR=str(cache), PYTHONPATH=str(src))
    env.pop("CI", None)
    cmd = [sys.executable, "-m", "concord.cli", "check", str(corpus), "-o", str(out), "--jobs", str(jobs),
           "--timings", "--fail-on", "never", "-q"] + (["--full"] if full else []) + list(extra)
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    mem = PeakRSS(proc.pid)
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = mem.stop()
    if proc.returncode != 0:
        raise SystemExit(f"concord failed ({proc.returncode}): {err.strip()[-500:]}")
    m = re.search(r"timings: (.*)", err)
    stages = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", m.group(1))} if m else {}
    return {"wall": wall, "cpu": cpu, "peak": peak, "stages": stages}


def build_model_files(cache: Path) -> float:
    """Build the files Concord derives once per machine from installed data (the Apertium
    lexicon, the WordNet antonym tables and word classes) in the cache folder ``cache``:
    seconds taken. A cold run starts with an empty *translation* cache, not a fresh install."""
    env = dict(os.environ, CONCORD_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT / "src"))
    code = ("from concord.lexicon import get_lexicon\nget_lexicon()\n"
            "from concord.facts.polarity import antonyms, is_quality\nantonyms('open', 'en')\n"
            "is_quality('open')\n")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    return time.perf_counter() - t0


def raw_apertium(text: str) -> tuple[float, float]:
    """Wall and CPU seconds of one ``apertium -f line spa-eng`` process (and its pipeline)
    on ``text``."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(["apertium", "-f", "line", "spa-eng"], input=text, text=True,
                   stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def spanish_sentences(corpus: Path) -> str:
    """The Spanish documents' sentences as Concord segments and sends them, one per line."""
    sys.path.insert(0, str(ROOT / "src"))
    from concord.corpus import load_document
    from concord.segment import segment_document
    from concord.translate.apertium import sanitize

    lines = []
    for p in sorted(corpus.glob("*.es*.txt")):
        doc = segment_document(load_document(p, p.name))
        lines += [sanitize(s.text) for s in doc.sentences if s.text.strip()]
    return "".join(line + "\n" for line in lines if line)


def baseline_src(ref: str, dest: Path) -> Path | None:
    """``ref``'s ``src/`` unpacked under ``dest`` with ``git archive``, or None if this is not
    a git clone holding that commit."""
    try:
        data = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ref, "src"],
                              capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    import io
    import tarfile

    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(dest, filter="data")
    return dest / "src"


def sentences_of(corpus: Path) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from concord.corpus import load_document
    from concord.segment import segment_document

    return sum(len(segment_document(load_document(p, p.name)).sentences) for p in sorted(corpus.iterdir())
               if p.suffix == ".txt")


def show(name: str, r: dict, info: dict, n_sent: int, jobs: int) -> None:
    st = r["stages"]
    work = sum(v for k, v in st.items() if k not in ("reused", "groups"))
    stages = ("read", "segment", "detect", "translate", "align", "extract", "compare", "report")
    shares = " ".join(f"{k} {100 * st.get(k, 0) / work:.0f}%" for k in stages) if work else ""
    print(f"{name:<22}{jobs:>5}{r['wall']:>9.1f}{r['cpu']:>8.1f}{info['documents'] / r['wall']:>9.1f}"
          f"{n_sent / r['wall']:>10.0f}{info['words'] / r['wall']:>9.0f}"
          f"{info['words'] / r['wall'] / jobs:>12.0f}{r['peak'] / 2**20:>9.0f}  {shares}")


# The commit of release 0.1.0 (the last release before the current one).
RELEASE_0_1 = "5a08ea5"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--groups", type=int, default=1000)
    ap.add_argument("--jobs", default="1,2", help="worker counts for the cold run")
    ap.add_argument("--memory", default="250,1000", help="group counts for the memory-growth check ('' to skip)")
    ap.add_argument("--baseline", default=RELEASE_0_1,
                    help="git commit of the release to compare warm runs with ('' to skip)")
    args = ap.parse_args(argv)
    jobs_list = [int(x) for x in args.jobs.split(",") if x]
    with tempfile.TemporaryDirectory(prefix="concord-scale-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        info = build_corpus(corpus, args.groups)
        n_sent = sentences_of(corpus)
        print(f"Scaled corpus: {info['groups']} groups, {info['documents']} documents, {n_sent} sentences, "
              f"{info['words']} words; {os.cpu_count()} cores")
        es_sent = spanish_sentences(corpus)
        raw, raw_cpu = raw_apertium(es_sent)
        es_words = len(es_sent.split())
        print(f"raw apertium on the Spanish sentences Concord sends: {raw:.1f} s ({raw_cpu:.1f} s CPU), "
              f"{es_words / raw:.0f} words/s ({es_words} words; Apertium's pipeline runs its stages in "
              "parallel processes)")
        print(f"{'run':<22}{'jobs':>5}{'wall s':>9}{'cpu s':>8}{'docs/s':>9}{'sent/s':>10}{'words/s':>9}"
              f"{'words/s/job':>12}{'PSS MB':>9}  stage shares")
        cold = {}
        for j in jobs_list:
            cache = tmp / f"cache-cold-{j}"
            built = build_model_files(cache)
            if j == jobs_list[0]:
                print(f"lexicon and WordNet tables built once per machine: {built:.1f} s (not part of the cold runs)")
            cold[j] = run_check(corpus, tmp / f"out-cold-{j}", cache, j, full=True)
            show("cold (empty cache)", cold[j], info, n_sent, j)
        jw = max(jobs_list)
        warm_cache = tmp / f"cache-cold-{jw}"
        warm = run_check(corpus, tmp / "out-warm", warm_cache, jw, full=True)
        show("warm (cached MT)", warm, info, n_sent, jw)
        run_check(corpus, tmp / "out-inc", warm_cache, jw, full=False)  # stores every group
        victim = sorted(corpus.glob("*.es.txt"))[len(list(corpus.glob("*.es.txt"))) // 2]
        victim.write_text(victim.read_text(encoding="utf-8") + "\n\nLa policía detuvo a 3 personas.\n",
                          encoding="utf-8")
        rerun = run_check(corpus, tmp / "out-inc", warm_cache, jw, full=False)
        show("rerun, 1 doc changed", rerun, info, n_sent, jw)
        base = None
        if args.baseline:
            rules = ("--names", "rules")
            src = baseline_src(args.baseline, tmp / "baseline")
            if src is None:
                print(f"release {args.baseline} not in this clone (shallow?): no side-by-side warm run")
            else:
                bcache = tmp / "cache-baseline"
                run_check(corpus, tmp / "out-base", bcache, jw, full=True, src=src, extra=rules)  # fills its cache
                base = run_check(corpus, tmp / "out-base", bcache, jw, full=True, src=src, extra=rules)
                show(f"warm, rules, {args.baseline}", base, info, n_sent, jw)
                here = run_check(corpus, tmp / "out-warm-rules", warm_cache, jw, full=True, extra=rules)
                show("warm, rules, this code", here, info, n_sent, jw)
        print()
        if 1 in cold:
            tr = cold[1]["stages"].get("translate", 0.0)
            print(f"translate stage (cold, 1 worker): {tr:.1f} s against raw Apertium's {raw:.1f} s on the same "
                  f"sentences: {100 * (tr / raw - 1):+.0f}% (target within 15%)")
        if base is not None:
            st = here["stages"]
            work = sum(v for k, v in st.items() if k not in ("reused", "groups"))
            print(f"warm run with rule-based names: {here['wall']:.1f} s ({here['cpu']:.1f} s CPU) against "
                  f"release {args.baseline}'s {base['wall']:.1f} s ({base['cpu']:.1f} s CPU): "
                  f"{100 * (1 - here['wall'] / base['wall']):.0f}% faster by wall time, "
                  f"{100 * (1 - here['cpu'] / base['cpu']):.0f}% by CPU time (target >= 35%); "
                  f"language detection {100 * st.get('detect', 0) / work:.0f}% of it (target < 15%)")
            print(f"warm run with NER: {warm['wall']:.1f} s ({warm['cpu']:.1f} s CPU); "
                  f"without NER: {here['wall']:.1f} s ({here['cpu']:.1f} s CPU)")
        print(f"warm run: {warm['wall']:.1f} s on {jw} worker(s) (target < 60 s for 1,000 groups on 2 cores)")
        if 1 in cold:
            print(f"cold run, 1 worker: {info['words'] / cold[1]['wall']:.0f} words/s per core "
                  f"(target >= 3,000); per CPU second {info['words'] / cold[1]['cpu']:.0f}; "
                  f"raw Apertium's rate is {es_words / raw / (info['words'] / cold[1]['wall']):.1f}x that")
        if 1 in cold and 2 in cold:
            print(f"--jobs 2 speed-up on the cold run: {cold[1]['wall'] / cold[2]['wall']:.2f}x (target >= 1.7x)")
        print(f"rerun with one changed document: {rerun['wall']:.2f} s = "
              f"{100 * rerun['wall'] / warm['wall']:.1f}% of the warm run (target < 3%); "
              f"{rerun['stages'].get('reused', 0):.0f} of {args.groups} groups reused")
        print(f"peak memory: {max(r['peak'] for r in list(cold.values()) + [warm]) / 2**20:.0f} MB (target < 1 GB)")
        if args.memory:
            sizes = [int(x) for x in args.memory.split(",")]
            peaks = []
            for n in sizes:
                c = tmp / f"mem-{n}"
                build_corpus(c, n)
                r = run_check(c, tmp / f"out-mem-{n}", warm_cache, 1, full=True)
                peaks.append(r["peak"])
                shutil.rmtree(c)
            print("memory growth (1 worker, warm cache): " + ", ".join(
                f"{n} groups {p / 2**20:.0f} MB" for n, p in zip(sizes, peaks)) +
                f"; growth {100 * (peaks[-1] / peaks[0] - 1):+.1f}% (target < 10%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
