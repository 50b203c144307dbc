"""Two runs on the same corpus write the same HTML bytes: the index carries no run time
(the page shows the date its file was written, read by the browser), unless
``SOURCE_DATE_EPOCH`` fixes one."""

from __future__ import annotations

import time

from concord.config import Settings
from concord.pipeline import check_corpus

from conftest import needs_apertium


def _pages(out) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.html"))}


@needs_apertium
def test_two_runs_write_identical_html(corpus_copy, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    settings = Settings(translator="apertium", names="rules")
    check_corpus(corpus_copy, settings, out=tmp_path / "a", formats=["html"], incremental=False)
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 7 * 86400)  # a week later
    check_corpus(corpus_copy, settings, out=tmp_path / "b", formats=["html"], incremental=False)
    a, b = _pages(tmp_path / "a"), _pages(tmp_path / "b")
    assert "index.html" in a and len(a) > 1
    assert a == b
    assert b'id="run-date"' in a["index.html"]


@needs_apertium
def test_source_date_epoch_fixes_the_date_shown(corpus_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    check_corpus(corpus_copy, Settings(translator="apertium", names="rules"), out=tmp_path / "a",
                 formats=["html"], incremental=False)
    index = (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
    assert "run 2026-09-21 14:13 UTC" in index
    assert 'id="run-date"' not in index
