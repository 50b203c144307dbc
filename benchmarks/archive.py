"""Archive benchmark: a synthetic archive of N small bilingual (Spanish and English) wire
stories, checked at growing N, for the client's peak memory and the throughput.

The archive is deterministic (seeded by the story number): every story is a Spanish and an
English version (``a0001/story-0001234.es.txt`` and ``.en.txt``, grouped by file name) of 3
to 6 news sentences of 14 to 30 words, built from parallel sentence patterns whose slots
(places, people, organisations, weekdays, figures) are filled from the story number, so no
two stories share a sentence and a cold run translates all of them. One story in ten has a
figure changed in its English version and one in thirteen drops a sentence from its
Spanish version, so the reports carry findings as a real archive's would.

For each size it runs ``concord check ARCHIVE --executor local --jobs 1 --full`` (after a
first run that fills the translation cache, unless ``--cold``) in a child process and
prints its wall time, groups per second and peak resident memory (``ru_maxrss`` of that
process, from ``wait4``: the whole client, models included, as the kernel counted it), and
the growth of the peak from the first size to each other one.

    python benchmarks/archive.py [--sizes 2500,10000] [--format jsonl] [--names auto]
    python benchmarks/archive.py --write FOLDER_OR_URL --stories N   # only write an archive
    python benchmarks/archive.py --keep DIR --cache DIR/cache --sizes 2500,10000   # a filled cache, once a size
    python benchmarks/archive.py --report LOG...   # the table and the projection from earlier outputs

The table gives the growth of the client's peak from each size to the next, and a
projection to 1M and 10M groups from the largest size.

``--write`` accepts an fsspec URL (``memory://archive``, ``s3://bucket/archive``) too.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PLACES = ["Valencia", "Sevilla", "Bilbao", "Zaragoza", "Málaga", "Granada", "Murcia", "Córdoba", "Toledo",
          "Salamanca", "Burgos", "Oviedo", "Cádiz", "Vigo", "Alicante", "Almería", "Huelva", "Lugo"]
PEOPLE = ["Ana Beltrán", "Luis Ferreira", "Marta Quintero", "Jorge Salas", "Rosa Ibáñez", "Pablo Cortés",
          "Elena Vidal", "Tomás Rivas", "Carmen Soler", "Andrés Molina", "Lucía Navarro", "Diego Campos"]
DAYS = [("lunes", "Monday"), ("martes", "Tuesday"), ("miércoles", "Wednesday"), ("jueves", "Thursday"),
        ("viernes", "Friday"), ("sábado", "Saturday"), ("domingo", "Sunday")]
BODIES = [("el ayuntamiento", "the city council"), ("el gobierno regional", "the regional government"),
          ("la policía", "the police"), ("el hospital", "the hospital"), ("la universidad", "the university"),
          ("el sindicato", "the union"), ("la empresa", "the company"), ("el tribunal", "the court")]
THINGS = [("nuevas viviendas", "new houses"), ("escuelas públicas", "public schools"),
          ("carreteras rurales", "rural roads"), ("centros de salud", "health centres"),
          ("parques urbanos", "urban parks"), ("líneas de autobús", "bus lines")]

# parallel sentence patterns: (Spanish, English); slots {p} place, {q} person, {d} weekday,
# {b} body (capitalised at the start of a sentence), {t} thing, {n} {m} {k} figures
PATTERNS = [
    ("{B} de {p} aprobó el {d} un presupuesto de {n} millones de euros para construir {t} antes del final del año.",
     "{B} of {p} approved on {d} a budget of {n} million euros to build {t} before the end of the year."),
    ("Según {q}, portavoz de {b}, al menos {m} personas resultaron heridas y {k} fueron trasladadas al hospital.",
     "According to {q}, spokesperson for {b}, at least {m} people were injured and {k} were taken to hospital."),
    ("Los vecinos de {p} denunciaron que llevan {k} semanas sin agua potable y pidieron una respuesta urgente.",
     "The residents of {p} reported that they have been without drinking water for {k} weeks and asked for an "
     "urgent response."),
    ("{q} declaró el {d} ante el juez durante {k} horas y negó haber recibido {n} mil euros de la empresa.",
     "{q} testified on {d} before the judge for {k} hours and denied having received {n} thousand euros from "
     "the company."),
    ("La tormenta dejó {m} litros por metro cuadrado en {p}, donde {b} cerró {k} colegios y varias carreteras.",
     "The storm left {m} litres per square metre in {p}, where {b} closed {k} schools and several roads."),
    ("El paro bajó en {p} hasta {k} por ciento, el nivel más bajo desde que {b} publica estos datos.",
     "Unemployment in {p} fell to {k} percent, the lowest level since {b} has published these figures."),
    ("Más de {n} personas se manifestaron el {d} en {p} para exigir más {t} y mejores salarios.",
     "More than {n} people demonstrated on {d} in {p} to demand more {t} and better wages."),
    ("{B} anunció que contratará a {m} trabajadores en {p} durante los próximos {k} meses.",
     "{B} announced that it will hire {m} workers in {p} over the next {k} months."),
    ("El incendio, que comenzó el {d} por la tarde cerca de {p}, quemó {n} hectáreas de bosque.",
     "The fire, which started on {d} afternoon near {p}, burned {n} hectares of forest."),
    ("{q} ganó las elecciones en {p} con {m} votos, {k} más que su principal rival.",
     "{q} won the elections in {p} with {m} votes, {k} more than her main rival."),
]


def story(i: int) -> tuple[str, str]:
    """Story ``i``'s Spanish and English text (one paragraph per sentence)."""
    rng = random.Random(i)
    es, en = [], []
    for j, k in enumerate(rng.sample(range(len(PATTERNS)), rng.randint(3, 6))):
        body = rng.choice(BODIES)
        day = rng.choice(DAYS)
        thing = rng.choice(THINGS)
        place, person = rng.choice(PLACES), rng.choice(PEOPLE)
        n = 100 + (i * 7 + j * 3) % 900_000  # the story number in a figure: every sentence distinct
        m, kk = rng.randint(2, 900), rng.randint(2, 60)
        s_es, s_en = PATTERNS[k]
        es.append(s_es.format(p=place, q=person, d=day[0], b=body[0], B=body[0][0].upper() + body[0][1:],
                              t=thing[0], n=n, m=m, k=kk))
        en_n = n + 1 if i % 10 == 3 and j == 0 else n  # a changed figure
        en.append(s_en.format(p=place, q=person, d=day[1], b=body[1], B=body[1][0].upper() + body[1][1:],
                              t=thing[1], n=en_n, m=m, k=kk))
    if i % 13 == 5 and len(es) > 3:  # a sentence missing from the Spanish version
        del es[-2]
    return "\n\n".join(es) + "\n", "\n\n".join(en) + "\n"


def story_paths(i: int) -> tuple[str, str]:
    """Where story ``i``'s two versions go (a thousand stories a folder)."""
    base = f"a{i // 1000:04d}/story-{i:07d}"
    return base + ".es.txt", base + ".en.txt"


def write_archive(dest: str | os.PathLike, n: int, start: int = 0) -> int:
    """Write stories ``start`` .. ``start + n - 1`` to ``dest``, a folder or an fsspec URL;
    the number of bytes written."""
    total = 0
    url = "://" in str(dest)
    if url:
        import fsspec

        fs, root = fsspec.core.url_to_fs(str(dest))
    for i in range(start, start + n):
        for rel, text in zip(story_paths(i), story(i)):
            data = text.encode("utf-8")
            total += len(data)
            if url:
                path = root.rstrip("/") + "/" + rel
                fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
                with fs.open(path, "wb") as fh:
                    fh.write(data)
            else:
                path = os.path.join(dest, rel)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as fh:
                    fh.write(data)
    return total


def run(archive: Path, out: Path, cache: Path, extra: list[str]) -> dict:
    """One ``concord check`` in a child process: wall seconds and the child's peak RSS."""
    env = dict(os.environ, CONCORD_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT / "src"))
    env.pop("CI", None)
    cmd = [sys.executable, "-m", "concord", "check", str(archive), "-o", str(out), "--full",
           "--fail-on", "never", "-q", *extra]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"concord failed ({proc.returncode}): {err.decode(errors='replace').strip()[-600:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss * 1024,
            "out": sum(p.stat().st_size for p in out.iterdir() if p.is_file())}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2500,10000", help="archive sizes in groups (stories)")
    ap.add_argument("--format", default="jsonl", help="report formats (--format of concord check)")
    ap.add_argument("--names", default="auto", help="name extractor (--names of concord check)")
    ap.add_argument("--jobs", default="1")
    ap.add_argument("--executor", default="local")
    ap.add_argument("--cold", action="store_true", help="time the first run (empty cache) instead of a warm one")
    ap.add_argument("--keep", metavar="FOLDER", help="build the archives and caches here (kept)")
    ap.add_argument("--cache", metavar="FOLDER", help="one translation cache for every size, already filled by an "
                    "earlier run (story i is the same in every archive): each size is run once, warm")
    ap.add_argument("--write", metavar="DEST", help="only write an archive of --stories stories to DEST")
    ap.add_argument("--stories", type=int, default=1000)
    ap.add_argument("--report", nargs="+", metavar="LOG", help="only print the table and the projection from the "
                    "outputs of earlier runs (sizes run separately, say in parallel: peak RSS does not depend on load)")
    args = ap.parse_args(argv)
    if args.report:
        rows = []
        for log in args.report:
            rows += [row for line in Path(log).read_text(encoding="utf-8").splitlines() if (row := parse_line(line))]
        table(sorted(rows, key=lambda r: r[0]))
        return 0
    if args.write:
        size = write_archive(args.write, args.stories)
        print(f"wrote {args.stories} stories ({2 * args.stories} files, {size / 2**20:.1f} MB) to {args.write}")
        return 0
    sizes = [int(x) for x in args.sizes.split(",") if x]
    extra = ["--format", args.format, "--names", args.names, "--jobs", args.jobs, "--executor", args.executor]
    with tempfile.TemporaryDirectory(prefix="concord-archive-") as tmp:
        base = Path(args.keep) if args.keep else Path(tmp)
        rows = []
        for n in sizes:
            archive = base / f"archive-{n}"
            if not archive.exists():
                size = write_archive(archive, n)
            else:
                size = sum(p.stat().st_size for p in archive.rglob("*.txt"))
            cache = Path(args.cache) if args.cache else base / f"cache-{n}"
            first = run(archive, base / f"out-{n}", cache, extra)
            r = first if args.cold or args.cache else run(archive, base / f"out-{n}", cache, extra)
            rows.append((n, size, r))
            print(f"{n} groups ({size / 2**20:.1f} MB of text): {'cold' if args.cold else 'warm'} "
                  f"{r['wall']:.1f} s wall, {r['cpu']:.1f} s CPU, {n / r['wall']:.1f} groups/s, "
                  f"client peak RSS {r['rss'] / 2**20:.1f} MB, reports {r['out'] / 2**20:.1f} MB", flush=True)
        table(rows)
    return 0


_LINE = re.compile(r"(\d+) groups \(([\d.]+) MB of text\): \w+ ([\d.]+) s wall, ([\d.]+) s CPU, .*"
                   r"client peak RSS ([\d.]+) MB, reports ([\d.]+) MB")


def parse_line(line: str) -> tuple[int, float, dict] | None:
    """A size's result from the line this benchmark prints for it (for ``--report``)."""
    m = _LINE.search(line)
    if not m:
        return None
    n, text, wall, cpu, rss, out = m.groups()
    return int(n), float(text) * 2**20, {"wall": float(wall), "cpu": float(cpu), "rss": float(rss) * 2**20,
                                         "out": float(out) * 2**20}


def table(rows: list[tuple[int, float, dict]]) -> None:
    """The table of the sizes run, the growth of the client's peak from each size to the
    next, and the projection to 1M and 10M groups from the largest size (CPU rate, report
    bytes per group, and the peak extended by the growth per group between the two largest
    sizes, if any)."""
    print(f"{'groups':>8}{'text MB':>9}{'wall s':>9}{'CPU s':>8}{'groups/CPU-s':>14}{'peak RSS MB':>13}"
          f"{'growth':>8}{'reports MB':>12}")
    for k, (n, size, r) in enumerate(rows):
        growth = 100 * (r["rss"] / rows[k - 1][2]["rss"] - 1) if k else 0.0
        print(f"{n:>8}{size / 2**20:>9.1f}{r['wall']:>9.1f}{r['cpu']:>8.1f}{n / r['cpu']:>14.1f}"
              f"{r['rss'] / 2**20:>13.1f}{growth:>+7.1f}%{r['out'] / 2**20:>12.1f}")
    n, _, r = rows[-1]
    slope = max(0.0, (r["rss"] - rows[-2][2]["rss"]) / (n - rows[-2][0])) if len(rows) > 1 else 0.0
    print(f"projection from {n} groups ({n / r['cpu']:.1f} groups per CPU-second, {r['out'] / n / 1024:.1f} KB "
          f"of reports a group, the client's peak {slope:+.0f} bytes a group):")
    for big in (1_000_000, 10_000_000):
        print(f"{big:>10} groups: {big / (n / r['cpu']) / 3600:.1f} worker-hours, reports "
              f"{big * r['out'] / n / 2**30:.1f} GiB, client peak RSS {(r['rss'] + slope * (big - n)) / 2**20:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
