"""A translator finds the unit to fix: in XLIFF, PO and TMX files the unit id of a finding's
evidence is in findings.json, the story page, the CSV table and the terminal line."""

from __future__ import annotations

import csv
import json

import jsonschema
from click.testing import CliRunner

from concord.cli import main
from concord.schemas import FINDINGS, load_schema

from conftest import needs_apertium

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="app.po" source-language="es" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="welcome.title">
        <source>El museo abre sus puertas a las nueve.</source>
        <target>The museum opens its doors at nine.</target>
      </trans-unit>
      <trans-unit id="tickets.count">
        <source>Quedan 250 entradas para la exposición de mañana.</source>
        <target>There are 520 tickets left for tomorrow's exhibition.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


@needs_apertium
def test_unit_ids_reach_every_report(tmp_path):
    corpus = tmp_path / "strings"
    corpus.mkdir()
    (corpus / "app.xlf").write_text(XLIFF, encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["check", str(corpus), "-o", str(out), "--format", "html,json,csv",
                                    "--fail-on", "error"], env={"CONCORD_CACHE_DIR": str(tmp_path / "cache")})
    assert res.exit_code == 1, res.output
    assert "error number [unit tickets.count] Number changed" in res.output
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, load_schema(FINDINGS), cls=jsonschema.Draft202012Validator)
    findings = [f for g in data["groups"] for p in g["pairs"] for f in p["findings"]]
    assert [(f["check"], f["a"]["unit"], f["b"]["unit"]) for f in findings] == [
        ("number", "tickets.count", "tickets.count")]
    with open(out / "findings.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {(r["text"], r["unit"]) for r in rows} == {("250", "tickets.count"), ("520", "tickets.count")}
    page = next(out.glob("group-*.html")).read_text(encoding="utf-8")
    assert "unit <code>tickets.count</code>" in page


@needs_apertium
def test_compare_takes_one_bilingual_file_as_a_whole_story(tmp_path):
    (tmp_path / "app.xlf").write_text(XLIFF, encoding="utf-8")
    res = CliRunner().invoke(main, ["compare", str(tmp_path / "app.xlf"), "-o", str(tmp_path / "out"),
                                    "--format", "json"], env={"CONCORD_CACHE_DIR": str(tmp_path / "cache")})
    assert res.exit_code == 1, res.output
    data = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    findings = [f for g in data["groups"] for p in g["pairs"] for f in p["findings"]]
    assert [(f["check"], f["a"]["text"], f["b"]["text"]) for f in findings] in (
        [("number", "250", "520")], [("number", "520", "250")])
    (tmp_path / "one.es.txt").write_text("Quedan 250 entradas.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["compare", str(tmp_path / "one.es.txt"), "-o", str(tmp_path / "o2")])
    assert res.exit_code == 2
    assert "compare needs at least two versions" in res.output
