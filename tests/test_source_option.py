"""``--source`` names a language or a file of the corpus; anything else is a one-line error
(exit 2) instead of a run that silently has no source."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from concord.cli import main

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
