"""Per-check fixtures, one folder a registered check: ``tests/data/checks/<id>/``.

Each folder holds a Spanish and an English version that the check must flag
(``flag.es.txt``, ``flag.en.txt``; one bilingual ``flag.po`` for a check of translator
files) with the findings it must give (``expected.json``: check, category, severity,
classification and the text each side points at), and a pair it must pass
(``pass.es.txt``, ``pass.en.txt``; ``pass.po``): the same story told right. Every sentence was
written for these tests. The whole pipeline runs (Apertium translates) with only that check
selected and Spanish as the source.

Adding a check means adding its folder: the registry test below fails until it exists.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from concord.checks import REGISTRY
from concord.config import Settings
from concord.pipeline import compare_files

from conftest import needs_apertium

FIXTURES = Path(__file__).parent / "data" / "checks"


def _run(folder: Path, kind: str, tmp_path: Path) -> list[dict]:
    # copied, so the file names (and the messages that quote them) do not depend on the folder
    if (folder / f"{kind}.po").exists():  # a check of translator files: one bilingual file
        files = [tmp_path / "story.po"]
        files[0].write_bytes((folder / f"{kind}.po").read_bytes())
    else:
        files = [tmp_path / "story.es.txt", tmp_path / "story.en.txt"]
        files[0].write_bytes((folder / f"{kind}.es.txt").read_bytes())
        files[1].write_bytes((folder / f"{kind}.en.txt").read_bytes())
    result = compare_files(files, Settings(translator="apertium", checks=[folder.name], source="es"))
    return [{"check": f["check"], "category": f["category"], "severity": f["severity"],
             "classification": f.get("classification"),
             "es": (f.get("a") or {}).get("text"), "en": (f.get("b") or {}).get("text")}
            for f in result.findings()]


def test_every_registered_check_has_a_fixture_folder():
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    assert sorted(set(REGISTRY) - folders) == []
    assert sorted(folders - set(REGISTRY)) == []


@needs_apertium
@pytest.mark.parametrize("check_id", list(REGISTRY))
def test_check_flags_its_fixture(check_id, tmp_path):
    folder = FIXTURES / check_id
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert expected, "a fixture must expect at least one finding"
    assert _run(folder, "flag", tmp_path) == expected


@needs_apertium
@pytest.mark.parametrize("check_id", list(REGISTRY))
def test_check_passes_the_correct_version(check_id, tmp_path):
    assert _run(FIXTURES / check_id, "pass", tmp_path) == []
