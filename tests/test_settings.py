"""Settings are validated wherever they come from; the pivot is a real setting."""

import json

import pytest
from click.testing import CliRunner

from concord.cli import main
from concord.config import Settings, make_settings
from concord.document import Document
from concord.errors import UsageError
from concord.facts.table import document_facts
from concord.lang import LANGUAGES
from concord.segment import segment_document

from conftest import CORPUS, needs_apertium


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _one_line_exit_2(res, *needles):
    assert res.exit_code == 2, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("concord: error:"), res.output
    for n in needles:
        assert n in lines[0], lines[0]
    assert "Traceback" not in res.output


@pytest.mark.parametrize("toml, needles", [
    ('pivot = "zz"', ["pivot", "'zz'"]),
    ('languages = ["xx"]', ["languages", "'xx'"]),
    ("pivot = 5", ["pivot", "5"]),
    ("ignore = 5", ["ignore", "a list of strings"]),
    ('ignore = [""]', ["ignore", "empty term"]),
    ('severities = { number = "fatal" }', ["severities.number", "'fatal'", "error, warning, info"]),
    ('severities = { nosuch = "error" }', ["severities", "'nosuch'", "a check id or category"]),
    ('fail-on = "sometimes"', ["fail_on", "'sometimes'", "error, warning, never"]),
    ('ignroe = ["x"]', ["unknown setting 'ignroe'", "known:"]),
    ('checks = ["nosuch"]', ["checks", "'nosuch'", "check ids"]),
    ("max_bytes = -3", ["max_bytes", "positive"]),
    ('translator = "google"', ["translator", "'google'", "auto, apertium, argos, none"]),
])
def test_a_bad_setting_in_concord_toml_is_one_line_exit_2(tmp_path, toml, needles):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.en.txt").write_text("One sentence.\n", encoding="utf-8")
    (corpus / "concord.toml").write_text(f"[concord]\n{toml}\n", encoding="utf-8")
    res = run("check", corpus, "--out", tmp_path / "out", "--no-cache")
    _one_line_exit_2(res, "concord.toml", *needles)
    assert not (tmp_path / "out" / "findings.json").exists()


def test_bad_cli_values_are_one_line_exit_2(tmp_path):
    _one_line_exit_2(run("check", CORPUS, "--pivot", "zz", "--out", tmp_path / "o", "--no-cache"), "pivot", "'zz'")
    _one_line_exit_2(run("check", CORPUS, "--checks", "number,nosuch", "--out", tmp_path / "o", "--no-cache"),
                     "checks", "'nosuch'")
    _one_line_exit_2(run("align", CORPUS / "sismo-chile.es.txt", CORPUS / "sismo-chile.en.txt", "--pivot", "zz"),
                     "--pivot")


def test_a_manifest_of_the_wrong_shape_is_one_line_exit_2(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.en.txt").write_text("One sentence.\n", encoding="utf-8")
    (corpus / "concord.toml").write_text('group = "nope"\n', encoding="utf-8")
    res = run("check", corpus, "--out", tmp_path / "out", "--no-cache")
    _one_line_exit_2(res, "concord.toml")


def test_pyproject_tool_concord_is_validated_too(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.concord]\nseverities = { quote = "loud" }\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    res = run("compare", CORPUS / "sismo-chile.es.txt", CORPUS / "sismo-chile.en.txt", "--out", tmp_path / "o",
              "--translator", "none", "--no-cache")
    _one_line_exit_2(res, "pyproject.toml", "severities.quote", "'loud'")


def test_settings_object_validates_on_creation():
    with pytest.raises(UsageError, match="pivot"):
        Settings(pivot="zz")
    with pytest.raises(UsageError, match="unknown setting 'fail-onn'"):
        make_settings({"fail-onn": "error"})
    s = make_settings({"severities": {"weekday": "error", "quote": "warning"}}, pivot="es")
    assert s.pivot == "es" and s.languages == LANGUAGES
    assert s.severities == {"weekday": "error", "quote": "warning"}


def test_severity_override_by_check_id_beats_category(tmp_path):
    a, b = tmp_path / "x.en.txt", tmp_path / "y.en.txt"
    a.write_text("The plant employs 120 people.\n", encoding="utf-8")
    b.write_text("The plant employs 150 people.\n", encoding="utf-8")
    from concord.pipeline import compare_files

    sev = {f["check"]: f["severity"] for f in compare_files(
        [a, b], make_settings({"severities": {"number": "info"}}, translator="none")).findings()}
    assert sev == {"number": "info"}
    res = compare_files([a, b], make_settings({}, translator="none", checks=["date"]))
    assert list(res.findings()) == []


def _doc(text, lang, translations):
    d = Document(id=f"d.{lang}", path=f"d.{lang}", text=text, language=lang)
    segment_document(d)
    for s, t in zip(d.sentences, translations):
        s.language = lang
        s.translation = t
    return d


def test_the_pivot_decides_which_side_was_translated():
    # "Caballeros Templarios" rendered in part by MT ("Knights Templarios"): a partial
    # rendering is recorded for the side that was translated into the pivot
    es = _doc("Los Caballeros Templarios negaron todo.", "es", ["The Knights Templarios denied everything."])
    assert list(document_facts(es, pivot="en").rendered.values()) == [frozenset({"templ"})]
    assert document_facts(es, pivot="es").rendered == {}


@needs_apertium
def test_a_spanish_pivot_end_to_end(tmp_path):
    out = tmp_path / "o"
    res = run("compare", CORPUS / "sismo-chile.es.txt", CORPUS / "sismo-chile.en.txt", "--pivot", "es",
              "--out", out, "--format", "json", "--fail-on", "never")
    assert res.exit_code == 0, res.output
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert data["settings"]["pivot"] == "es"
    docs = {d["language"]: d for d in data["groups"][0]["documents"]}
    assert all(s["translation"] is None for s in docs["es"]["sentences"])
    translated = [s for s in docs["en"]["sentences"] if s["translation"]]
    assert len(translated) >= len(docs["en"]["sentences"]) - 2
    assert data["groups"][0]["translators"] == {"en-es": "apertium"}
    # the magnitude-7.1 quake is the same number on both sides through a Spanish pivot
    nums = [f for p in data["groups"][0]["pairs"] for f in p["findings"] if f["check"] == "number"]
    assert not any("7.1" in f["message"] or "7,1" in f["message"] for f in nums)


def test_a_single_document_corpus_validates_against_the_schema(tmp_path):
    import jsonschema

    from concord.schemas import load_schema

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "solo.en.txt").write_text("Only one version of this story exists.\n", encoding="utf-8")
    run("check", corpus, "--out", tmp_path / "o", "--format", "json", "--no-cache", "--translator", "none")
    data = json.loads((tmp_path / "o" / "findings.json").read_text(encoding="utf-8"))
    assert data["groups"][0]["method"] == "single"
    jsonschema.validate(data, load_schema())


def test_cache_clear_removes_translations_and_stored_groups(tmp_path, monkeypatch):
    monkeypatch.setenv("CONCORD_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "s.en.txt").write_text("The plant employs 120 people.\n", encoding="utf-8")
    (corpus / "s.es.txt").write_text("La planta emplea a 120 personas.\n", encoding="utf-8")
    run("check", corpus, "--out", tmp_path / "o", "--translator", "none")
    info = run("cache", "info")
    assert info.exit_code == 0 and "0 translation(s), 1 stored group result(s)" in info.output
    cleared = run("cache", "clear")
    assert "removed 0 cached translation(s) and 1 stored group result(s)" in cleared.output
    assert "0 translation(s), 0 stored group result(s)" in run("cache", "info").output
