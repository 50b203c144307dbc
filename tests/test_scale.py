"""Parallel and incremental checking: --jobs gives identical output, unchanged groups are
reused, a touched document recomputes only its group."""

import json

from click.testing import CliRunner

from concord.cli import main
from concord.config import Settings
from concord.pipeline import Run
from concord.translate import TranslationCache

from conftest import CORPUS, needs_apertium


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@needs_apertium
def test_jobs_2_gives_identical_reports(tmp_path):
    runner = CliRunner()
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"r{jobs}"
        res = runner.invoke(main, ["check", str(CORPUS), "-o", str(out), "--jobs", jobs, "--full",
                                   "--no-cache", "--format", "html,json,sarif,junit", "--fail-on", "never"])
        assert res.exit_code == 0, res.output
        outs.append(_files(out))
    assert outs[0].keys() == outs[1].keys()
    assert len(outs[0]) == 4 + 4  # index, 4 group pages, json, sarif, junit
    for name in outs[0]:
        assert outs[0][name] == outs[1][name], name


@needs_apertium
def test_parallel_run_uses_workers_and_keeps_order(tmp_path):
    one = list(Run(CORPUS, Settings(), None, jobs=1).groups())
    two = Run(CORPUS, Settings(), None, jobs=2, chunk_size=1)
    got = list(two.groups())
    assert [g["id"] for g in got] == ["lluvias-valencia", "mexico-extradiciones", "sismo-chile", "tasas-colombia"]
    assert json.dumps(got, sort_keys=True) == json.dumps(one, sort_keys=True)
    assert two.timings["translate"] > 0 and two.timings["align"] > 0  # merged from the workers


@needs_apertium
def test_workers_prepare_each_group_for_the_report_writer(tmp_path):
    """With a report writer's spec, the worker that computes a group also serialises it and
    renders its page: the parent gets text to write, the same text it would have made."""
    from concord.report import ReportWriter, group_summary, slim_text
    from concord.report import html as html_report
    from concord.report.findings_json import group_fragment
    from concord.store import StoredGroup

    settings = Settings(translator="none", names="rules")
    plain = list(Run(CORPUS, settings, None, jobs=1).groups())
    run = Run(CORPUS, settings, None, jobs=2, chunk_size=1)
    writer = ReportWriter(tmp_path / "out", ["html", "json"], run.header())
    got = list(run.groups(lazy=True, render=writer.render_spec()))
    assert [g.id for g in got] == [g["id"] for g in plain]
    for prepared, group in zip(got, plain):
        assert isinstance(prepared, StoredGroup) and prepared.page is not None
        assert prepared.fragment == group_fragment(group) and prepared.slim_text == slim_text(group)
        assert prepared.summary == group_summary(group)
        path = html_report.write_group_page(html_report.env(), group, writer.tool, tmp_path, None,
                                            writer.header.settings)
        assert prepared.page == (path.name, path.read_text(encoding="utf-8"))
    # a baseline changes the pages: the writer renders those itself
    with_baseline = ReportWriter(tmp_path / "b", ["html"], run.header(), baseline_ids=set())
    assert with_baseline.render_spec()["html"] is False


@needs_apertium
def test_incremental_rerun_recomputes_only_the_touched_group(corpus_copy, tmp_path):
    cache = TranslationCache(tmp_path / "cache" / "translations.sqlite3")
    first = Run(corpus_copy, Settings(), cache, jobs=1)
    list(first.groups())
    assert first.reused == 0
    again = Run(corpus_copy, Settings(), cache, jobs=1)
    list(again.groups())
    assert again.reused == 4
    es = corpus_copy / "tasas-colombia.es.txt"
    es.write_text(es.read_text(encoding="utf-8").replace("Banco de la República", "Banco Central"),
                  encoding="utf-8")
    third = Run(corpus_copy, Settings(), cache, jobs=1)
    groups = list(third.groups())
    assert third.reused == 3
    assert third.timings.get("align", 0) > 0
    fresh = list(Run(corpus_copy, Settings(), None, jobs=1, incremental=False).groups())
    assert json.dumps(groups, sort_keys=True) == json.dumps(fresh, sort_keys=True)
    # a changed setting is a different key: nothing is reused
    fourth = Run(corpus_copy, Settings(severities={"number": "warning"}), cache, jobs=1)
    list(fourth.groups())
    assert fourth.reused == 0


def test_streamed_json_equals_json_dumps(tmp_path):
    from concord.pipeline import check_corpus
    from concord.report import write_reports
    from concord.report.findings_json import dumps

    result = check_corpus(CORPUS, Settings(translator="none"))
    write_reports(result, tmp_path, ["json"])
    assert (tmp_path / "findings.json").read_text(encoding="utf-8") == dumps(result)
    empty = check_corpus.__globals__["Result"](settings={"pivot": "en"})
    write_reports(empty, tmp_path / "e", ["json"])
    assert json.loads((tmp_path / "e" / "findings.json").read_text(encoding="utf-8"))["groups"] == []
    assert (tmp_path / "e" / "findings.json").read_text(encoding="utf-8") == dumps(empty)


def test_streamed_sarif_and_junit_equal_the_in_memory_documents(tmp_path):
    """SARIF and JUnit are written from the on-disk spool, one result / suite at a time;
    the bytes are those of the whole documents built in memory."""
    from xml.etree import ElementTree as ET

    from concord.pipeline import check_corpus
    from concord.report import junit, sarif, write_reports

    result = check_corpus(CORPUS, Settings(translator="none"))
    assert result.count("info") > 20
    write_reports(result, tmp_path, ["sarif", "junit"])
    whole = json.dumps(sarif.to_sarif(result), ensure_ascii=False, indent=2) + "\n"
    assert (tmp_path / "findings.sarif").read_text(encoding="utf-8") == whole
    root = junit.to_xml(result)
    ET.indent(root)
    xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    assert (tmp_path / "junit.xml").read_text(encoding="utf-8") == xml


def test_report_writer_keeps_counts_not_findings_in_memory(tmp_path):
    from concord.pipeline import check_corpus
    from concord.report import ReportWriter
    from concord.report.spool import GroupSpool

    result = check_corpus(CORPUS, Settings(translator="none"))
    header = check_corpus.__globals__["Result"](settings=result.settings, paths=result.paths)
    writer = ReportWriter(tmp_path, ["html"], header)
    for g in result.groups:
        writer.add(g)
    done = writer.finish()
    assert isinstance(done.groups, GroupSpool)
    assert all("pairs" not in s for s in writer.summaries)
    assert done.count("info") == result.count("info")
    assert done.count("error") == result.count("error") > 0
    assert [g["id"] for g in done.groups] == [g["id"] for g in result.groups]
    assert [f["id"] for f in done.findings()] == [f["id"] for f in result.findings()]
