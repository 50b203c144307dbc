"""Fixture files of every structured format (tests/data/formats/<format>/), each read and
compared with the text expected per block (segment, unit) in its ``*.expected.json``.

An expected file names the file it is about (``"file"``), optionally how to read it
(``"read"``: keyword arguments of :func:`concord.reading.read_document_text`, e.g.
``{"docx_changes": "original"}``), and per version its language, label, unit ids (translator
formats), blocks and inline codes (``[kind, id, text]`` per code, by block).

Run with ``CONCORD_WRITE_FIXTURES=1`` to write what is read into the expected files (then
read them over before committing)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from concord.reading import read_document_text

DATA = Path(__file__).parent / "data" / "formats"
CASES = sorted(DATA.glob("*/*.expected.json"))


def _read(case: Path, spec: dict) -> dict:
    decoded = read_document_text(case.parent / spec["file"], **spec.get("read", {}))
    out = []
    for v in decoded.versions:
        version: dict = {"language": v.language, "label": v.label,
                         "blocks": [v.text[a:b] for a, b in v.blocks]}
        if v.units is not None:
            version["units"] = v.units
        if v.codes:
            by_block: dict[str, list] = {}
            for c in v.codes:
                by_block.setdefault(str(c.block), []).append([c.kind, c.id, c.text])
            version["codes"] = by_block
        out.append(version)
    return {"format": decoded.format, "versions": out}


def test_every_format_has_fixtures():
    assert {p.parent.name for p in CASES} >= {"ninjs", "nitf", "newsml", "docx", "xliff", "tmx", "po"}


@pytest.mark.parametrize("case", CASES, ids=[f"{p.parent.name}/{p.name.removesuffix('.expected.json')}" for p in CASES])
def test_fixture_reads_as_expected(case: Path):
    spec = json.loads(case.read_text(encoding="utf-8"))
    got = _read(case, spec)
    if os.environ.get("CONCORD_WRITE_FIXTURES"):
        spec.update(got)
        case.write_text(json.dumps(spec, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert got == {"format": spec["format"], "versions": spec["versions"]}
    # Every block starts where its first character is written in the file (or the
    # reference/escape that writes it); a .docx maps into its extracted text.
    decoded = read_document_text(case.parent / spec["file"], **spec.get("read", {}))
    for v in decoded.versions:
        assert len(v.offset_map) == len(v.text) + 1
        for a, _ in v.blocks:
            at = decoded.source_text[v.offset_map[a]:]
            assert at.startswith(v.text[a]) or at[:1] in "&\\", (v.label, v.text[a:a + 20])
