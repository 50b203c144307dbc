"""Machine-readable output: findings.json against its JSON Schema, SARIF 2.1.0 against the
OASIS schema, JUnit counts, baselines, configuration."""

import json
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from click.testing import CliRunner

from concord.cli import main
from concord.schemas import FINDINGS, load_schema

from conftest import CORPUS, ROOT, needs_apertium

SEEDS = ("000_30275b1cc5977e66.txt", "002_b2ec2e246b353f73.txt")


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """One full run over the shipped corpus with every output format."""
    out = tmp_path_factory.mktemp("reports")
    cache = tmp_path_factory.mktemp("cache")
    res = CliRunner().invoke(main, ["check", str(CORPUS), "-o", str(out), "--format",
                                    "html,json,sarif,junit", "--fail-on", "never"],
                             env={"CONCORD_CACHE_DIR": str(cache)})
    assert res.exit_code == 0, res.output
    return out


def _all_findings(data):
    return [(g["id"], p, f) for g in data["groups"] for p in g["pairs"] for f in p["findings"]]


def test_findings_json_validates_against_its_schema(reports):
    data = json.loads((reports / "findings.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(load_schema(FINDINGS))
    jsonschema.validate(data, load_schema(FINDINGS), cls=jsonschema.Draft202012Validator)
    assert data["baseline"] is None
    assert len(_all_findings(data)) > 10


def test_schema_rejects_a_broken_finding(reports):
    data = json.loads((reports / "findings.json").read_text(encoding="utf-8"))
    _, _, f = _all_findings(data)[0]
    f["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load_schema(FINDINGS), cls=jsonschema.Draft202012Validator)


def test_sarif_validates_and_points_at_file_line_column(reports):
    sarif = json.loads((reports / "findings.sarif").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.validate(sarif, schema, cls=jsonschema.Draft4Validator)
    data = json.loads((reports / "findings.json").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert len(results) == len(_all_findings(data))
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert [r["level"] for r in results] == [levels[f["severity"]] for _, _, f in _all_findings(data)]
    houston = [r for r in results if "'Houston'" in r["message"]["text"]
               and r["properties"]["documents"] == list(SEEDS)]
    assert len(houston) == 1
    loc = houston[0]["locations"][0]["physicalLocation"]
    if loc["artifactLocation"]["uri"].endswith(SEEDS[0]):  # the other side comes first
        loc = houston[0]["relatedLocations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith("corpus/" + SEEDS[1])
    lines = (CORPUS / SEEDS[1]).read_text(encoding="utf-8").split("\n")
    line, col = loc["region"]["startLine"], loc["region"]["startColumn"]
    assert lines[line - 1][col - 1:col - 1 + len("Houston")] == "Houston"
    assert loc["region"]["endColumn"] == col + len("Houston")


def test_junit_parses_and_counts_match_findings_json(reports):
    data = json.loads((reports / "findings.json").read_text(encoding="utf-8"))
    root = ET.parse(reports / "junit.xml").getroot()
    assert root.tag == "testsuites"
    pairs = [(g["id"], p) for g in data["groups"] for p in g["pairs"]]
    cases = root.findall("./testsuite/testcase")
    assert int(root.get("tests")) == len(cases) == len(pairs)
    for (_gid, p), case in zip(pairs, cases):
        assert case.get("name") == f"{p['a']} vs {p['b']}"
        props = {e.get("name"): int(e.get("value")) for e in case.iter("property")}
        for sev in ("error", "warning", "info"):
            assert props[f"findings.{sev}"] == sum(f["severity"] == sev for f in p["findings"])
        # fail_on=never in this run: nothing fails, every finding is in system-out
        assert case.find("failure") is None
        out = case.find("system-out")
        assert (0 if out is None else len(out.text.split("\n"))) == len(p["findings"])


def test_junit_failures_follow_fail_on(tmp_path):
    a, b = tmp_path / "a.en.txt", tmp_path / "a.es.txt"
    a.write_text("The fire killed 12 people in Lima on Monday.\n", encoding="utf-8")
    b.write_text("El incendio mató a 14 personas en Lima el lunes.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["compare", str(a), str(b), "-o", str(tmp_path / "r"),
                                    "--format", "junit,json", "--translator", "none"])
    assert res.exit_code == 1, res.output
    case = ET.parse(tmp_path / "r" / "junit.xml").getroot().find("./testsuite/testcase")
    failure = case.find("failure")
    assert failure is not None and failure.get("message") == "1 finding(s) at or above error"
    assert "says '12'" in failure.text and "says '14'" in failure.text


def test_unknown_format_is_a_usage_error(tmp_path):
    res = CliRunner().invoke(main, ["check", str(CORPUS), "-o", str(tmp_path), "--format", "html,pdf"])
    assert res.exit_code == 2
    assert "unknown format 'pdf'" in res.output


@needs_apertium
def test_baseline_round_trip(corpus_copy, tmp_path):
    runner = CliRunner()
    base = tmp_path / "concord-baseline.json"
    res = runner.invoke(main, ["baseline", str(corpus_copy), "-o", str(base)])
    assert res.exit_code == 0, res.output
    recorded = json.loads(base.read_text(encoding="utf-8"))["findings"]
    assert len(recorded) > 10
    res = runner.invoke(main, ["check", str(corpus_copy), "-o", str(tmp_path / "r1"),
                               "--baseline", str(base), "--fail-on", "warning"])
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "r1" / "findings.json").read_text(encoding="utf-8"))
    assert _all_findings(data) == []
    assert data["baseline"] == {"file": base.name, "suppressed": len(recorded)}
    assert f"{len(recorded)} findings suppressed" in res.output

    es = corpus_copy / "sismo-chile.es.txt"
    es.write_text(es.read_text(encoding="utf-8").replace("48 kilómetros", "58 kilómetros"), encoding="utf-8")
    res = runner.invoke(main, ["check", str(corpus_copy), "-o", str(tmp_path / "r2"),
                               "--baseline", str(base), "--fail-on", "warning"])
    assert res.exit_code == 1, res.output
    data = json.loads((tmp_path / "r2" / "findings.json").read_text(encoding="utf-8"))
    new = _all_findings(data)
    assert len(new) == 1
    gid, _, f = new[0]
    assert (gid, f["category"], f["severity"]) == ("sismo-chile", "number", "error")
    assert (f["a"]["text"], f["b"]["text"]) == ("48 kilometers", "58 kilómetros")


def test_bad_baseline_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("[1, 2", encoding="utf-8")
    for path in (bad, tmp_path / "missing.json"):
        res = CliRunner().invoke(main, ["check", str(CORPUS), "-o", str(tmp_path / "r"),
                                        "--baseline", str(path), "--translator", "none"])
        assert res.exit_code == 2
        assert res.output.count("\n") == 1 and "baseline" in res.output and "Traceback" not in res.output


def test_config_file_sets_severity_ignore_and_fail_on(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "fire.en.txt").write_text(
        "The fire killed 12 people in Lima on Monday, Mayor Rosa Quispe said.\n", encoding="utf-8")
    (corpus / "fire.es.txt").write_text(
        "El incendio mató a 14 personas en Lima el lunes, dijo la alcaldesa Rosa Quispe "
        "a Radio Capital.\n", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(main, ["check", str(corpus), "-o", str(tmp_path / "r0"), "--translator", "none"])
    data = json.loads((tmp_path / "r0" / "findings.json").read_text(encoding="utf-8"))
    before = {(f["category"], f["severity"]) for _, _, f in _all_findings(data)}
    assert ("number", "error") in before and res.exit_code == 1
    assert any("Radio Capital" in f["message"] for _, _, f in _all_findings(data))
    (corpus / "concord.toml").write_text(
        '[concord]\ntranslator = "none"\nfail_on = "never"\nignore = ["Radio Capital"]\n'
        '[concord.severities]\nnumber = "warning"\n', encoding="utf-8")
    res = runner.invoke(main, ["check", str(corpus), "-o", str(tmp_path / "r1")])
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "r1" / "findings.json").read_text(encoding="utf-8"))
    after = _all_findings(data)
    assert data["settings"]["translator"] == "none" and data["settings"]["fail_on"] == "never"
    assert [f["severity"] for _, _, f in after if f["category"] == "number"] == ["warning"]
    assert not any("Radio Capital" in f["message"] for _, _, f in after)


def test_index_and_csv_keep_hostile_text_inert(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "x.en.txt").write_text('<script>alert(1)</script> Officials say the <b>flood</b> killed 12 people\n\n'
                                     '=HYPERLINK("http://x") was the 12th.\n', encoding="utf-8")
    (corpus / "x.es.txt").write_text('<script>alert(1)</script> Las autoridades dicen que murieron 14 personas\n',
                                     encoding="utf-8")
    out = tmp_path / "r"
    res = CliRunner().invoke(main, ["check", str(corpus), "-o", str(out), "--translator", "none",
                                    "--format", "html,csv", "--fail-on", "never"])
    assert res.exit_code == 0, res.output
    for page in ("index.html", "group-x.html"):
        html = (out / page).read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<b>flood" not in html, page
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Officials say the &lt;b&gt;flood" in html, page
    import csv
    import io

    rows = list(csv.reader(io.StringIO((out / "findings.csv").read_text(encoding="utf-8"))))
    assert len(rows) > 2 and not [c for r in rows for c in r if c[:1] in ("=", "+", "-", "@")]


def test_indented_dumps_equals_json_dumps():
    """findings.json's fast encoder writes exactly what json.dumps(indent=2) writes."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from concord.report.findings_json import dumps_indented

    leaves = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
    values = st.recursive(leaves, lambda kids: st.lists(kids, max_size=4) | st.tuples(kids, kids)
                          | st.dictionaries(st.text(max_size=6), kids, max_size=4), max_leaves=30)

    @settings(max_examples=300, deadline=None)
    @given(values)
    def same(v):
        assert dumps_indented(v) == json.dumps(v, ensure_ascii=False, indent=2)

    same()
    assert dumps_indented({"a": [1, 2.5, "é\n\"x\""], "b": {}, "c": [], "d": None}) == (
        '{\n  "a": [\n    1,\n    2.5,\n    "é\\n\\"x\\""\n  ],\n  "b": {},\n  "c": [],\n  "d": null\n}')
