"""Options that choose what is read as what: ``--source`` names a language or a file of the
corpus (anything else is a one-line error, exit 2, instead of a run that silently has no
source); ``--docx-changes`` chooses the text of a Word file's tracked changes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from concord.cli import main
from concord.schemas import FINDINGS, load_schema

from conftest import needs_apertium


@needs_apertium
@pytest.mark.parametrize(("spec", "code"), [("es", 0), ("sismo-chile.es.txt", 0), ("xx", 2), ("'es'", 2),
                                            ("missing.es.txt", 2)])
def test_source_must_name_a_language_or_a_file(corpus_copy, tmp_path, spec, code):
    res = CliRunner().invoke(main, ["check", str(corpus_copy), "-o", str(tmp_path / "out"), "--source", spec,
                                    "--fail-on", "never", "--format", "json", "-q", "--names", "rules"])
    assert res.exit_code == code, res.output
    if code == 2:
        assert res.output.strip().splitlines() == [
            f"concord: error: --source {spec!r} names no version: neither a language code (such as es) "
            "nor a file of the corpus"]
        assert not (tmp_path / "out" / "findings.json").exists()


DOCX = Path(__file__).parent / "data" / "formats" / "docx" / "tracked-changes.docx"


@pytest.mark.parametrize(("option", "sentence"), [
    ([], "El alcalde dijo que treinta personas murieron el lunes."),
    (["--docx-changes", "accepted"], "El alcalde dijo que treinta personas murieron el lunes."),
    (["--docx-changes", "original"], "El alcalde dijo que el lunes."),
])
def test_docx_changes_chooses_the_text_of_tracked_changes(tmp_path, option, sentence):
    """A Word file under review is read as its accepted text by default, or as the text
    before the changes with ``--docx-changes original`` (recorded in findings.json)."""
    story = tmp_path / "story.en.txt"
    story.write_text("The mayor said that thirty people died on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["compare", str(DOCX), str(story), "-o", str(out), "--format", "json",
                                    "--translator", "none", "--names", "rules", "--fail-on", "never",
                                    "-q", *option])
    assert res.exit_code == 0, res.output
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    docx = next(d for g in data["groups"] for d in g["documents"] if d["path"].endswith(".docx"))
    assert sentence in [s["text"] for s in docx["sentences"]]
    assert data["settings"].get("docx_changes", "accepted") == (option[1] if option else "accepted")
    # a Word document (and the setting) is what findings.json's schema describes
    jsonschema.validate(data, load_schema(FINDINGS), cls=jsonschema.Draft202012Validator)
