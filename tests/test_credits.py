"""Datelines and bylines (facts/credits.py) and the ``credit`` check.

Every story here was written for these tests. The reading of datelines is typography (a
place, a date, an agency, a dash) and of bylines grammar (the agent preposition before a
name); no place or agency is listed anywhere.
"""

from __future__ import annotations

import pytest

from concord.config import Settings
from concord.document import Document
from concord.facts.credits import find_credits
from concord.facts.table import document_facts
from concord.pipeline import compare_files
from concord.segment import segment_document

from conftest import needs_apertium


def _credits(text: str, code: str) -> list[tuple[tuple[str, ...], str]]:
    d = Document(id="d", path="d", text=text, language=code)
    segment_document(d)
    for s in d.sentences:
        s.language = code
    return [(c.kinds, c.text) for c in find_credits(document_facts(d))]


@pytest.mark.parametrize(("text", "code", "want"), [
    # wire style: a place in capitals, a date, the agency, a dash
    ("OSLO, May 3 (Reuters) - The Norwegian central bank kept its main rate unchanged on Thursday.",
     "en", "OSLO, May 3 (Reuters) -"),
    # Spanish agencies: a place in capitals or not, an abbreviated month, ".-"
    ("Quito, 9 ago (EFE).- El Gobierno ecuatoriano declaró la emergencia en cuatro provincias.",
     "es", "Quito, 9 ago (EFE).-"),
    ("BOGOTÁ (AP) — Las lluvias dejaron a miles de familias sin casa en el norte del país.",
     "es", "BOGOTÁ (AP) —"),
    # a place only, in capitals, with an em dash
    ("SAN JOSÉ — El Congreso aprobó anoche la reforma fiscal tras un largo debate.",
     "es", "SAN JOSÉ —"),
])
def test_a_dateline_that_opens_the_story(text, code, want):
    assert _credits(text, code) == [(("dateline",), want)]


@pytest.mark.parametrize(("text", "code"), [
    # a name and a dash opening a sentence is an aside, not a dateline
    ("Obama - who left office in 2017 - spoke at the event in Chicago.", "en"),
    ("The plan — approved in May — will cost the city three million dollars.", "en"),
    # capitals with a dash and nothing after it to introduce
    ("ÚLTIMA HORA -", "es"),
    # a capitalised place without an agency is not enough (sentence-case text is common)
    ("Paris - the city council voted on Monday to close the bridge.", "en"),
])
def test_no_dateline(text, code):
    assert _credits(text, code) == []


def test_a_dateline_line_of_its_own():
    text = ("Bajan los precios del pan\n\nCiudad de Panamá, 4 de mayo de 2025\n\n"
            "El precio del pan bajó un diez por ciento en el último mes, según el instituto de estadística.")
    assert _credits(text, "es") == [(("dateline",), "Ciudad de Panamá, 4 de mayo de 2025")]


def test_a_byline_at_the_top_and_a_credit_line_at_the_foot():
    text = ("Storm closes ports on the coast\n\nBy Laura Fenwick\n\n"
            "Three ports closed on Sunday as the storm reached the coast, the harbour authority said.\n\n"
            "Ships waited offshore for the wind to drop before they could enter the bay.\n\n"
            "Editing by Mark Doyle")
    assert _credits(text, "en") == [(("byline",), "By Laura Fenwick"), (("byline",), "Editing by Mark Doyle")]


def test_a_byline_with_its_date_is_a_dateline_too():
    text = ("Llega el invierno a la sierra\n\nPor Marta Gil, 2 de junio de 2024\n\n"
            "Las primeras nevadas cerraron dos carreteras de montaña durante la madrugada del domingo.")
    assert _credits(text, "es") == [(("byline", "dateline"), "Por Marta Gil, 2 de junio de 2024")]


def test_the_agent_preposition_inside_the_story_is_not_a_byline():
    # a passive in a body paragraph: far from both ends of the story
    pars = ["Heavy rain in the valley", "The valley had its wettest week in a decade.",
            "Roads were closed on Monday.", "The bridge was inspected by Anne Cole on Tuesday.",
            "Schools reopened on Wednesday.", "Farmers counted their losses.", "More rain is due."]
    assert _credits("\n\n".join(pars), "en") == []


def test_a_french_and_a_portuguese_byline():
    fr = "Le fleuve déborde\n\nPar Claire Dubois\n\nLe fleuve est sorti de son lit dans la nuit de lundi."
    pt = "O rio transbordou\n\nPor Ana Costa\n\nO rio saiu do leito na noite de segunda-feira."
    assert _credits(fr, "fr") == [(("byline",), "Par Claire Dubois")]
    assert _credits(pt, "pt") == [(("byline",), "Por Ana Costa")]


def _pair(tmp_path, es: str, en: str, checks=None) -> list[dict]:
    files = [tmp_path / "story.es.txt", tmp_path / "story.en.txt"]
    files[0].write_text(es, encoding="utf-8")
    files[1].write_text(en, encoding="utf-8")
    result = compare_files(files, Settings(translator="apertium", source="es", checks=checks or []))
    return list(result.findings())


ES = ("Nuevo hospital en Arequipa\n\n"
      "AREQUIPA, 6 oct (Andina).- El Gobierno regional abrió el lunes un hospital con 120 camas "
      "en el distrito de Cerro Colorado.\n\n"
      "La obra costó 40 millones de soles, informó el gobernador.")
EN_WITHOUT = ("New hospital in Arequipa\n\n"
              "The regional government opened on Monday a hospital with 120 beds in the district of "
              "Cerro Colorado.\n\n"
              "The project cost 40 million soles, the governor said.")


@needs_apertium
def test_a_dropped_dateline_is_one_finding_that_carries_its_facts(tmp_path):
    found = _pair(tmp_path, ES, EN_WITHOUT)
    credit = [f for f in found if f["category"] == "credit"]
    assert [(f["severity"], f["a"]["text"], f["b"]) for f in credit] == [
        ("warning", "AREQUIPA, 6 oct (Andina).-", None)]
    assert credit[0]["facts"] == ["AREQUIPA", "6", "Andina"]
    # its day, place and agency are not reported again by the other checks
    assert [f for f in found if f["category"] != "credit"] == []


@needs_apertium
def test_a_changed_figure_beside_a_dropped_dateline_is_still_reported(tmp_path):
    found = _pair(tmp_path, ES, EN_WITHOUT.replace("120 beds", "210 beds"))
    assert sorted((f["category"], f["severity"]) for f in found) == [("credit", "warning"), ("number", "error")]


@needs_apertium
def test_a_dateline_in_both_versions_is_compared_by_the_other_checks(tmp_path):
    en = EN_WITHOUT.replace("The regional government", "AREQUIPA, Oct 7 (Andina) - The regional government")
    found = _pair(tmp_path, ES, en)
    assert [f["category"] for f in found if f["category"] == "credit"] == []
    assert [(f["category"], f["a"]["text"], f["b"]["text"]) for f in found if f["category"] in ("number", "date")] \
        == [("number", "6", "7")]


@needs_apertium
def test_translator_units_are_not_read_for_datelines(tmp_path):
    # a PO message that looks like a dateline or a byline is a string of the software
    po = tmp_path / "app.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: es\\n"\n\n'
                  'msgid "AVISO - esto borrará todos tus archivos guardados"\n'
                  'msgstr "Warning: this will delete all your saved files"\n\n'
                  'msgid "Desarrollado con Django"\nmsgstr "Powered by Django Software"\n', encoding="utf-8")
    found = compare_files([po], Settings(translator="apertium", checks=["credit"]))
    assert list(found.findings()) == []


def test_a_passive_sentence_at_the_edge_of_a_short_story_is_no_byline():
    # short stories have every paragraph near an end; an agent phrase in a sentence is no credit
    text = ("The march was led by General Ana Ruiz who wanted to reach the river.\n\n"
            "The troops crossed the valley in two days.\n\n"
            "The long campaign was ended by Anne Cole's decision")
    assert _credits(text, "en") == []
