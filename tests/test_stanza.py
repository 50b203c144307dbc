"""The stanza NER backend for names, end to end, with tiny real models trained here by
tests/stanza_tiny.py (stanza's own trainer, no download): install them through
`concord models install --stanza`, find names through stanza's pipeline, and see them in
the findings. The models know only their training sentences, so the tests use those."""

import importlib.util
import json
import os
import zipfile

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from concord.cli import main

if importlib.util.find_spec("stanza") is None:
    if os.environ.get("CONCORD_REQUIRE_NEURAL") == "1":
        raise RuntimeError("CONCORD_REQUIRE_NEURAL=1 but stanza is not installed")
    pytest.skip("stanza is not installed (bash scripts/install.sh --neural)",
                allow_module_level=True)

pytestmark = pytest.mark.neural

from concord.facts import ner as ner_module  # noqa: E402
from concord.facts.names import names_from_entities  # noqa: E402
from concord.facts.ner import StanzaNER, tokenize  # noqa: E402

from stanza_tiny import PACKAGE, build_archive  # noqa: E402

EN = """Omar García Harfuch said Mexico sent 37 people to Washington.

Claudia Sheinbaum spoke with Donald Trump about security.

Leaders of the Sinaloa cartel were sent to Houston.

The Mexican government thanked the Department of Justice.
"""
# The Spanish version drops the Sinaloa cartel sentence.
ES = """Omar García Harfuch dijo que México envió a 37 personas a Washington.

Claudia Sheinbaum habló con Donald Trump sobre seguridad.

El Gobierno mexicano agradeció al Departamento de Justicia.
"""


@pytest.fixture(scope="module")
def tiny_archive(tmp_path_factory):
    return build_archive(tmp_path_factory.mktemp("stanza") / "stanza-tiny.zip")


@pytest.fixture
def stanza_home(tmp_path, monkeypatch):
    """An empty stanza resources folder for this test only (and no cached pipelines)."""
    d = tmp_path / "stanza_resources"
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(d))
    monkeypatch.setattr(ner_module, "_BACKENDS", {})
    return d


@pytest.fixture
def installed(tiny_archive, stanza_home):
    res = CliRunner().invoke(main, ["models", "install", "--stanza", str(tiny_archive)])
    assert res.exit_code == 0, res.output
    return stanza_home


@pytest.fixture
def story(tmp_path):
    (tmp_path / "story.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "story.es.txt").write_text(ES, encoding="utf-8")
    return tmp_path


def test_install_list_and_doctor(tiny_archive, stanza_home):
    runner = CliRunner()
    assert "[--] stanza en NER model (names): missing" in runner.invoke(main, ["doctor"]).output
    res = runner.invoke(main, ["models", "install", "--stanza", str(tiny_archive)])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines() == [
        f"installed stanza models for en (ner, pretrain) in {stanza_home}",
        f"installed stanza models for es (ner, pretrain) in {stanza_home}"]
    assert (stanza_home / "en" / "ner" / f"{PACKAGE}.pt").is_file()
    resources = json.loads((stanza_home / "resources.json").read_text())
    assert resources["es"]["default_processors"] == {"ner": PACKAGE}
    listed = runner.invoke(main, ["models", "list"]).output
    assert f"stanza\ten: ner,pretrain\t{stanza_home / 'en'}" in listed
    assert "[ok] stanza es NER model (names): installed" in runner.invoke(main, ["doctor"]).output


def test_install_merges_into_existing_resources(tiny_archive, stanza_home):
    stanza_home.mkdir()
    (stanza_home / "resources.json").write_text(json.dumps({"fr": {"lang_name": "French"}}))
    assert CliRunner().invoke(main, ["models", "install", "--stanza", str(tiny_archive)]).exit_code == 0
    resources = json.loads((stanza_home / "resources.json").read_text())
    assert sorted(resources) == ["en", "es", "fr"] and resources["fr"] == {"lang_name": "French"}


def test_entities_through_the_stanza_pipeline(installed):
    ner = StanzaNER()
    assert ner.available("en") and ner.available("es") and not ner.available("fr")
    texts = ["Omar García Harfuch said Mexico sent 37 people to Washington.",
             "",
             "The Mexican government thanked the Department of Justice."]
    got = [[(t[a:b], label) for a, b, label in ents] for t, ents in zip(texts, ner.entities(texts, "en"))]
    assert got == [[("Omar García Harfuch", "PER"), ("Mexico", "GPE"), ("Washington", "GPE")],
                   [],
                   [("Mexican", "NORP"), ("Department of Justice", "ORG")]]
    es = "Líderes del cártel de Sinaloa fueron enviados a Chicago."
    assert [(es[a:b], label) for a, b, label in ner.entities([es], "es")[0]] == [
        ("cártel de Sinaloa", "ORG"), ("Chicago", "LOC")]
    # A nationality is not a name fact; an organisation keeps its common noun.
    facts = names_from_entities(texts[2], ner.entities([texts[2]], "en")[0])
    assert [(f.surface, f.entity) for f in facts] == [("Department of Justice", "ORG")]


def test_stanza_names_reach_the_findings(installed, story):
    runner = CliRunner()
    out = {}
    for names in ("stanza", "rules"):
        res = runner.invoke(main, ["compare", str(story / "story.en.txt"), str(story / "story.es.txt"),
                                   "--names", names, "--translator", "none", "--format", "json",
                                   "--no-cache", "-o", str(story / names), "--fail-on", "never"])
        assert res.exit_code == 0, res.output
        out[names] = json.loads((story / names / "findings.json").read_text())
    group = out["stanza"]["groups"][0]
    assert out["stanza"]["settings"]["names"] == "stanza"
    assert group["names"] == {"en": "stanza", "es": "stanza"}
    # the names of the sentence only the English has are listed in that sentence's finding:
    # stanza's ORG entity is "Sinaloa cartel"; the rules see only the capitalised "Sinaloa"
    def lone_facts(result):
        fs = result["groups"][0]["pairs"][0]["findings"]
        assert not [f for f in fs if f["category"] == "name"]
        return [f["facts"] for f in fs if f["category"] in ("omission", "addition")]

    assert lone_facts(out["stanza"]) == [["Sinaloa cartel", "Houston"]]
    assert out["rules"]["groups"][0]["names"] == {"en": "rules", "es": "rules"}
    assert lone_facts(out["rules"]) == [["Sinaloa", "Houston"]]


def test_auto_uses_stanza_per_language(installed, story):
    (installed / "es" / "ner" / f"{PACKAGE}.pt").unlink()
    res = CliRunner().invoke(main, ["compare", str(story / "story.en.txt"), str(story / "story.es.txt"),
                                    "--translator", "none", "--format", "json", "--no-cache",
                                    "-o", str(story / "auto"), "--fail-on", "never"])
    assert res.exit_code == 0, res.output
    group = json.loads((story / "auto" / "findings.json").read_text())["groups"][0]
    # stanza where its model is installed, else spaCy (installed by the default install)
    from concord.facts.ner import SpacyNER

    assert group["names"] == {"en": "stanza", "es": "spacy" if SpacyNER().available("es") else "rules"}


def test_names_stanza_without_a_model_is_a_one_line_error(stanza_home, story):
    res = CliRunner().invoke(main, ["compare", str(story / "story.en.txt"), str(story / "story.es.txt"),
                                    "--names", "stanza", "--no-cache", "-o", str(story / "x")])
    assert res.exit_code == 2
    assert res.output.strip().splitlines() == [
        "concord: error: --names stanza: no stanza NER model for en, es, fr, pt: "
        "concord models install --stanza FILE.zip (or SRC TGT with a network)"]
    assert not (story / "x").exists()


def test_bad_stanza_archives_are_clear_errors(stanza_home, tmp_path):
    runner = CliRunner()
    not_zip = tmp_path / "model.zip"
    not_zip.write_bytes(b"\x00\x01 not a zip")
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("resources.json", json.dumps({"en": {}}))
        zf.writestr("../en/ner/x.pt", b"x")
    for path, msg in [(not_zip, "not a stanza model archive"), (evil, "unexpected member ../en/ner/x.pt"),
                      (tmp_path / "missing.zip", "no such file")]:
        res = runner.invoke(main, ["models", "install", "--stanza", str(path)])
        assert res.exit_code == 2, res.output
        assert len(res.output.strip().splitlines()) == 1 and msg in res.output, res.output
    assert not stanza_home.exists()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=60), min_size=1, max_size=4))
def test_entity_offsets_point_inside_the_text(tiny_archive, tmp_path_factory, texts):
    home = tmp_path_factory.getbasetemp() / "stanza-prop"
    if not (home / "resources.json").exists():
        from concord.model_install import install_stanza_file

        install_stanza_file(tiny_archive, str(home))
    ner = _PROP.setdefault("ner", StanzaNER(home))
    for text, ents in zip(texts, ner.entities(texts, "en")):
        toks = tokenize(text)
        for a, b, _label in ents:
            assert 0 <= a < b <= len(text)
            assert any(t[0] == a for t in toks) and any(t[1] == b for t in toks)
        for f in names_from_entities(text, ents):
            assert text[f.start:f.end] == f.surface


_PROP: dict = {}
