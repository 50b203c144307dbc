"""Build the gold-aligned files from the authored bead files.

Each ``NN-slug.beads.txt`` is written one bead per block (blocks separated by blank lines):
``es:`` lines are the Spanish sentences of the bead, ``en:`` lines the English ones; a block
with one side only is an omission (1-0) or an addition (0-1). Blocks marked ``@moved`` are
placed on the English side where the ``@here`` block stands (a moved paragraph). ``#`` lines
are comments.

Writes ``NN-slug.es.txt`` and ``NN-slug.en.txt`` (one sentence per line) and
``NN-slug.gold.tsv`` (``ES_IDS<TAB>EN_IDS``, 0-based, comma-separated, empty for none).

    python tests/data/align/build.py        # rewrite the derived files
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_TWO_SENTENCES = re.compile(r"[a-z0-9%][.!?][\"”]? [A-ZÁÉÍÓÚÑ¿¡\"“]")


def parse(path: Path) -> tuple[list[str], list[str], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    blocks = []
    for raw in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        lines = [ln for ln in raw.strip().splitlines() if ln.strip() and not ln.startswith("#")]
        if lines:
            blocks.append(lines)
    es: list[str] = []
    en: list[str] = []
    links = []
    moved: list[tuple[tuple[int, ...], list[str]]] = []
    for lines in blocks:
        if lines == ["@here"]:
            for es_ids, en_lines in moved:
                start = len(en)
                en.extend(en_lines)
                links.append((es_ids, tuple(range(start, len(en)))))
            moved = []
            continue
        tags = {ln for ln in lines if ln.startswith("@")}
        unknown = tags - {"@moved"}
        if unknown:
            raise ValueError(f"{path.name}: unknown tag {sorted(unknown)}")
        es_lines = [ln[3:].strip() for ln in lines if ln.startswith("es:")]
        en_lines = [ln[3:].strip() for ln in lines if ln.startswith("en:")]
        if len(es_lines) + len(en_lines) + len(tags) != len(lines):
            raise ValueError(f"{path.name}: a line is neither es:, en: nor a tag: {lines}")
        for s in es_lines + en_lines:
            if _TWO_SENTENCES.search(s):
                raise ValueError(f"{path.name}: two sentences on one line: {s}")
        start = len(es)
        es.extend(es_lines)
        es_ids = tuple(range(start, len(es)))
        if "@moved" in tags:
            moved.append((es_ids, en_lines))
            continue
        start = len(en)
        en.extend(en_lines)
        links.append((es_ids, tuple(range(start, len(en)))))
    if moved:
        raise ValueError(f"{path.name}: @moved blocks without an @here")
    return es, en, links


def gold_text(links) -> str:
    return "".join(",".join(map(str, a)) + "\t" + ",".join(map(str, b)) + "\n" for a, b in links)


def derived(path: Path) -> dict[Path, str]:
    """The derived files of one bead file and their text."""
    es, en, links = parse(path)
    stem = path.name[: -len(".beads.txt")]
    return {path.with_name(f"{stem}.es.txt"): "\n".join(es) + "\n",
            path.with_name(f"{stem}.en.txt"): "\n".join(en) + "\n",
            path.with_name(f"{stem}.gold.tsv"): gold_text(links)}


def main() -> int:
    total = 0
    for beads in sorted(HERE.glob("*.beads.txt")):
        files = derived(beads)
        for target, text in files.items():
            target.write_text(text, encoding="utf-8")
        n = next(text for path, text in files.items() if path.name.endswith(".gold.tsv")).count("\n")
        total += n
        print(f"{beads.name}: {n} links")
    print(f"{total} links")
    return 0


if __name__ == "__main__":
    sys.exit(main())
