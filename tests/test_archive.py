"""Archive-scale output: findings.jsonl (one group a line), and the synthetic archive of
benchmarks/archive.py the scale measurements run on."""

import json

import archive  # benchmarks/archive.py (the tests' path holds the benchmarks folder)
import jsonschema
import pytest
from click.testing import CliRunner

from concord.cli import main
from concord.schemas import group_line_schema

from conftest import needs_apertium


def test_the_synthetic_archive_is_bilingual_distinct_and_deterministic(tmp_path):
    size = archive.write_archive(tmp_path / "a", 30)
    files = sorted(p.relative_to(tmp_path / "a").as_posix() for p in (tmp_path / "a").rglob("*.txt"))
    assert len(files) == 60 and files[:2] == ["a0000/story-0000000.en.txt", "a0000/story-0000000.es.txt"]
    assert size == sum(p.stat().st_size for p in (tmp_path / "a").rglob("*.txt"))
    sentences = [s for i in range(30) for text in archive.story(i) for s in text.split("\n\n")]
    assert len(sentences) == len(set(sentences))  # no sentence twice: a cold run translates them all
    assert all(12 <= len(s.split()) <= 32 for s in sentences)
    assert archive.story(7) == archive.story(7)


def test_the_synthetic_archive_writes_to_an_fsspec_url():
    fsspec = pytest.importorskip("fsspec")
    archive.write_archive("memory://concord-archive-test", 3)
    fs = fsspec.filesystem("memory")
    try:
        assert len(fs.glob("/concord-archive-test/a0000/*.txt")) == 6
    finally:
        fs.rm("/concord-archive-test", recursive=True)


def _check(folder, out, formats, *extra):
    res = CliRunner().invoke(main, ["check", str(folder), "-o", str(out), "--format", formats, "--fail-on", "never",
                                    "--names", "rules", "--translator", "apertium", "-q", *extra])
    assert res.exit_code == 0, res.output
    return res


@needs_apertium
def test_findings_jsonl_holds_findings_json_groups_one_a_line(tmp_path):
    archive.write_archive(tmp_path / "a", 14)
    out = tmp_path / "out"
    _check(tmp_path / "a", out, "json,jsonl")
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    text = (out / "findings.jsonl").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert text.endswith("\n") and len(lines) == 14
    assert [json.loads(line) for line in lines] == data["groups"]
    assert [g["id"] for g in data["groups"]] == sorted(g["id"] for g in data["groups"])  # corpus order
    assert all("\n" not in line and ": " not in line.split('"text"')[0] for line in lines)  # compact
    schema = group_line_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for line in lines:
        jsonschema.validate(json.loads(line), schema, cls=jsonschema.Draft202012Validator)
    assert any(p["findings"] for g in data["groups"] for p in g["pairs"])  # the changed figures
    # a re-run takes every group from the store (their findings.json text): the same lines
    first = (out / "findings.jsonl").read_bytes()
    _check(tmp_path / "a", out, "jsonl")
    assert (out / "findings.jsonl").read_bytes() == first
    assert not (out / "findings.json").exists()  # the folder holds this run's reports only


@needs_apertium
def test_findings_jsonl_to_standard_output_and_with_a_baseline(tmp_path):
    archive.write_archive(tmp_path / "a", 11)
    res = _check(tmp_path / "a", "-", "jsonl")
    lines = res.stdout.splitlines()
    assert len(lines) == 11 and all(json.loads(x)["id"] for x in lines)
    base = tmp_path / "baseline.json"
    made = CliRunner().invoke(main, ["baseline", str(tmp_path / "a"), "-o", str(base), "--names", "rules",
                                     "--translator", "apertium", "-q"])
    assert made.exit_code == 0, made.output
    _check(tmp_path / "a", tmp_path / "out", "jsonl", "--baseline", str(base))
    groups = [json.loads(x) for x in (tmp_path / "out" / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(groups) == 11 and not any(p["findings"] for g in groups for p in g["pairs"])



@needs_apertium
def test_a_large_run_lists_its_stories_on_several_index_pages(tmp_path, monkeypatch):
    import shutil

    from concord.config import Settings
    from concord.pipeline import check_corpus
    from concord.report import html

    monkeypatch.setattr(html, "INDEX_STORIES", 5)
    archive.write_archive(tmp_path / "a", 12)
    out = tmp_path / "out"
    settings = Settings(translator="apertium", names="rules")
    check_corpus(tmp_path / "a", settings, None, out=out, formats=("html",))
    pages = sorted(p.name for p in out.glob("index*.html"))
    assert pages == ["index-2.html", "index-3.html", "index.html"]
    texts = {n: (out / n).read_text(encoding="utf-8") for n in pages}
    stories = {n: t.count('<tr class="story"') for n, t in texts.items()}
    assert stories == {"index.html": 5, "index-2.html": 5, "index-3.html": 2}
    assert "story-0000000" in texts["index.html"] and "story-0000011" in texts["index-3.html"]
    for t in texts.values():  # every page: the run's totals and links to the others
        assert "12 stories, 24 documents" in t and "12 stories on 3 pages" in t
    second = texts["index-2.html"]
    assert "<strong>6–10</strong>" in second and '<a href="index-3.html">11–12</a>' in second
    assert "Most serious findings" in texts["index.html"] and "Most serious findings" not in texts["index-2.html"]
    # a smaller run: one page again, and the pages it no longer writes are gone
    for rel in archive.story_paths(11) + archive.story_paths(10):
        (tmp_path / "a" / rel).unlink()
    check_corpus(tmp_path / "a", settings, None, out=out, formats=("html",))
    assert sorted(p.name for p in out.glob("index*.html")) == ["index-2.html", "index.html"]
    monkeypatch.setattr(html, "INDEX_STORIES", 2000)
    check_corpus(tmp_path / "a", settings, None, out=out, formats=("html",))
    assert sorted(p.name for p in out.glob("index*.html")) == ["index.html"]
    assert "on 1 pages" not in (out / "index.html").read_text(encoding="utf-8")
    shutil.rmtree(out)
