"""A name one version gives and the other lacks in every form: when it is evidence of a
change (a warning), when it is a form translators render otherwise (a note or nothing)."""

import re

import pytest

from concord.config import Settings
from concord.facts.name_knowledge import (
    currency_of_amount,
    demonym_of,
    expansion_in,
    is_nationality,
    lower_case_form,
)
from concord.facts.names import extract_names
from concord.pipeline import compare_files

from conftest import needs_apertium


def _words(text, language):
    return [(w, language) for w in re.findall(r"[^\W\d_]+", text)]


def test_a_demonym_is_formed_in_one_language_on_that_languages_name():
    # Spanish compound demonym on the words of a two-word name
    assert "T:US" in demonym_of("estadounidense")
    assert "T:US" in demonym_of("estadounidenses")
    for w in ("rusa", "Russian", "australiano", "canadiense", "Macedonian", "francés"):
        assert demonym_of(w), w
    # an English suffix on the Spanish name (Francia + -is) or the reverse is no demonym
    assert "T:RO" not in demonym_of("Romano")


@needs_apertium
def test_a_given_name_is_no_demonym_of_a_short_stem():
    # Luca is not formed on Santa Lucía: a three-letter stem needs a word the lexicon knows
    assert not is_nationality("Luca")
    assert is_nationality("rusa")


def test_an_acronym_and_its_expansion_in_either_order():
    assert expansion_in("ACLU", _words("the American Civil Liberties Union sued", "en"))
    assert expansion_in("BIA", _words("a ruling of the Board of Immigrant Appeals", "en"))
    assert not expansion_in("ACLU", _words("the American Medical Association sued", "en"))
    assert not expansion_in("CTMO", _words("Last year the office registered many trademarks", "en"))
    # two letters are too few to tell an expansion from chance
    assert not expansion_in("UK", _words("United Kingdom", "en"))


@needs_apertium
def test_an_acronym_expanded_in_the_other_language():
    # the letters of ICJ are the initials of the Spanish words' English translations
    assert expansion_in("ICJ", _words("el fallo del Tribunal Internacional de Justicia llega", "es"))


def test_a_currency_code_of_an_amount_is_no_name():
    assert currency_of_amount("USD", "invirtió 2000 millones de ", " en la red")
    assert currency_of_amount("EUR", "el precio es de ", " 40 por noche")
    assert not currency_of_amount("USD", "la moneda ", " sube")
    assert not currency_of_amount("NASA", "unos 300 de la ", "")


def test_a_spaced_plural_abbreviation_is_not_cut_into_a_name():
    names = [f.surface for f in extract_names("Ana Gil, secretaria de Estado de EE. UU., viajó ayer.", "es")]
    assert "Estado de EE" not in names
    assert "Ana Gil" in names


@needs_apertium
def test_a_capital_word_written_in_lower_case_by_the_other_version():
    assert lower_case_form("Geologists", "en", _words("Los geólogos midieron el cráter", "es"))
    assert not lower_case_form("Galloway", "en", _words("Los geólogos midieron el cráter", "es"))


def _findings(tmp_path, es_text, en_text, names="auto"):
    from concord.facts.ner import SpacyNER

    if not (SpacyNER().available("es") and SpacyNER().available("en")):
        pytest.skip("spaCy pipelines not installed")
    es, en = tmp_path / "a.es.txt", tmp_path / "a.en.txt"
    es.write_text(es_text, encoding="utf-8")
    en.write_text(en_text, encoding="utf-8")
    r = compare_files([en, es], Settings(translator="apertium", names=names))
    return [f for f in r.groups[0]["pairs"][0]["findings"] if f["category"] == "name"]


_ES = ("La alcaldesa Marta Quiroga inauguró ayer el nuevo puente sobre el río.\n\n"
       "Los geofísicos midieron la actividad del volcán durante la noche.\n\n"
       "El cajero automático de la plaza no funcionó durante tres días.\n")
_EN = ("Mayor Marta Quiroga opened the new bridge over the river yesterday.\n\n"
       "Geophysicists measured the volcano's activity during the night.\n\n"
       "The ATM of the square did not work for three days.\n")


@needs_apertium
def test_a_person_dropped_from_a_translation_is_a_warning(tmp_path):
    assert _findings(tmp_path, _ES, _EN) == []  # a common noun opening a sentence, an acronym said in words
    cut = _findings(tmp_path, _ES, _EN.replace("Mayor Marta Quiroga opened", "The mayor opened"))
    assert [(f["severity"], f["classification"]) for f in cut] == [("warning", "missing")]
    assert "Marta Quiroga" in cut[0]["message"]


@needs_apertium
def test_a_person_the_other_version_names_by_role_is_no_warning(tmp_path):
    es = "El gobernador de la provincia de Tucumán firmó el decreto el lunes.\n"
    en = "Pablo Ferrari, the governor of the province of Tucumán, signed the decree on Monday.\n"
    assert [f["severity"] for f in _findings(tmp_path, es, en) if f["severity"] != "info"] == []


@needs_apertium
def test_a_country_replaced_by_another_place_is_a_warning(tmp_path):
    es = "Las exportaciones de flores a Suecia crecieron un diez por ciento el año pasado.\n"
    en = "Flower exports to Sweden grew by ten percent last year.\n"
    assert _findings(tmp_path, es, en) == []
    moved = _findings(tmp_path, es, en.replace("Sweden", "South Korea"))
    assert [(f["severity"], f["classification"]) for f in moved] == [("warning", "replaced")]
    # a region's name for a country (America / Estados Unidos) is a loose rendering
    es2 = "Los aranceles de Estados Unidos subieron el año pasado.\n"
    en2 = "Tariffs in America rose last year.\n"
    assert [f for f in _findings(tmp_path, es2, en2) if f["severity"] != "info"] == []


@needs_apertium
def test_a_name_of_ordinary_words_is_a_rendering_only_where_its_words_are(tmp_path):
    es = "El faraón construyó el Muro del Príncipe al este del delta del río.\n"
    en = "The pharaoh built the Walls of the Ruler east of the river delta.\n"
    assert [f for f in _findings(tmp_path, es, en) if f["severity"] != "info"] == []
    es2 = "La asociación Manos Solidarias abrió una escuela en Cuzco el año pasado.\n"
    en2 = "The International Leadership Foundation opened a school in Cuzco last year.\n"
    changed = [f for f in _findings(tmp_path, es2, en2) if f["severity"] != "info"]
    assert [f["classification"] for f in changed] == ["replaced"]


def test_a_party_and_its_adherents_adjective_share_a_noun():
    from concord.facts.name_knowledge import cognate, derived, name_rendered

    assert derived("Labour", "laborista")  # (British -our spelt -or elsewhere)
    assert derived("Perón", "peronismo")
    assert not derived("Labour", "laboratorio")
    assert cognate("Labour", "Partido Laborista")
    assert name_rendered("Partido Laborista", "es", [("the", "en"), ("Labour", "en"), ("Party", "en")])


@needs_apertium
def test_a_name_kept_in_the_other_languages_form_and_replaced_is_a_warning(tmp_path):
    # the Spanish keeps the English name verbatim: another name in the English is a change
    es = "La ministra escribió ayer a los trabajadores del hospital de Glasgow Royal sobre el Brexit.\n"
    en = "The minister wrote yesterday to the workers of the Glasgow Royal hospital about Brexit.\n"
    assert [f for f in _findings(tmp_path, es, en) if f["severity"] != "info"] == []
    changed = _findings(tmp_path, es, en.replace("Glasgow Royal", "Somerset"))
    assert [f["severity"] for f in changed if f["classification"] == "replaced"] == ["warning"]


def test_a_roman_numeral_is_no_name():
    from concord.checks._name_match import _ROMAN_NUMERAL

    assert all(_ROMAN_NUMERAL.fullmatch(w) for w in ("XIX", "XXI", "IV", "VIII"))
    assert not any(_ROMAN_NUMERAL.fullmatch(w) for w in ("DC", "MD", "X", "Vix"))
