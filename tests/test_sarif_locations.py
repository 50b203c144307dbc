"""Where SARIF points: the primary location is the version the terminal line names (the
translation, the second version of its pair) and no URI is machine-specific: paths inside
the working folder are relative to it, a corpus elsewhere is relative to its own root (the
``CORPUS`` base of ``originalUriBaseIds``)."""

from __future__ import annotations

import json

from concord.config import Settings
from concord.pipeline import check_corpus
from concord.report.terminal import location

from conftest import needs_apertium


def _run(corpus, out):
    check_corpus(corpus, Settings(translator="apertium", names="rules"), out=out,
                 formats=["json", "sarif"], incremental=False)
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    sarif = json.loads((out / "findings.sarif").read_text(encoding="utf-8"))
    return data, sarif["runs"][0]


@needs_apertium
def test_primary_location_is_the_translation_and_uris_are_relative_to_the_corpus(corpus_copy, tmp_path,
                                                                                 monkeypatch):
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")  # the corpus lies outside the working folder
    data, run = _run(corpus_copy, tmp_path / "out")
    assert run["originalUriBaseIds"]["CORPUS"]["uri"] == corpus_copy.as_uri() + "/"
    findings = [f for g in data["groups"] for p in g["pairs"] for f in p["findings"]]
    docs = {d["id"]: d["path"] for g in data["groups"] for d in g["documents"]}
    assert len(run["results"]) == len(findings) > 20
    two_sided = 0
    for f, r in zip(findings, run["results"]):
        art = r["locations"][0]["physicalLocation"]["artifactLocation"]
        ev = location(f)
        assert art == {"uri": docs[ev["document"]].replace("\\", "/"), "uriBaseId": "CORPUS"}
        assert r["locations"][0]["physicalLocation"]["region"]["startLine"] == ev["line"]
        if f.get("a") and f.get("b"):
            two_sided += 1
            assert ev is f["b"]
            related = r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            assert related == docs[f["a"]["document"]]
    assert two_sided > 5
    assert all(not a["location"]["uri"].startswith("/") for a in run["artifacts"])


@needs_apertium
def test_a_corpus_inside_the_working_folder_gets_plain_relative_uris(corpus_copy, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _, run = _run(corpus_copy, tmp_path / "out")
    assert "originalUriBaseIds" not in run
    uris = {a["location"]["uri"] for a in run["artifacts"]}
    assert uris and all(u.startswith("corpus/") for u in uris)
