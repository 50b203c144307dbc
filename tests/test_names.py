"""Name knowledge and name differences: CLDR names, demonyms, acronyms, spelling."""

import pytest

from concord.config import Settings
from concord.facts.name_knowledge import (cognate, defined_acronyms, is_nationality, keys_of,
                                          known_in, language_specific, typo)
from concord.facts.names import extract_names, name_in
from concord.pipeline import compare_files

from conftest import needs_apertium


def test_cldr_country_names_match_across_languages():
    assert keys_of("Alemania") == keys_of("Germany") == frozenset({"T:DE"})
    assert known_in("Alemania", "Talks were held in Germany.")
    # doubled-initial Spanish plural abbreviation, ISO alpha-3 code, CLDR alias
    for us in ("EE. UU.", "EEUU", "Estados Unidos", "USA"):
        assert known_in(us, "the United States said"), us
    assert known_in("United States", "según EE.UU. y México")
    assert known_in("Russia", "la economía rusa creció")
    assert not known_in("Alemania", "Talks were held in France.")
    assert name_in("Reino Unido", "the United Kingdom voted")
    assert not name_in("Reino Unido", "the United States voted")


def test_nationalities_and_languages_are_not_names():
    for w in ("Macedonian", "Latin Americans", "South Korean", "Finnish", "rusa", "Australian"):
        assert is_nationality(w), w
    for w in ("Germany", "Clinton", "Texas", "Australia"):
        assert not is_nationality(w), w


def test_acronyms_defined_in_the_text():
    assert defined_acronyms("dijo la Organización Panamericana de la Salud (OPS) ayer") == {
        "OPS": "Organización Panamericana de la Salud"}
    assert defined_acronyms("the Pan American Health Organization (PAHO) said") == {
        "PAHO": "Pan American Health Organization"}
    assert defined_acronyms("the price (in USD) rose") == {}


def test_misspelling_and_exonyms_are_told_apart():
    for a, b in (("Clinton", "Clitnon"), ("Williams", "Willaims"), ("Garrard", "Garrand")):
        assert typo(a, b), (a, b)
    for a, b in (("Nilo", "Nile"), ("Tracia", "Thrace"), ("Sajalín", "Sakhalin"), ("Qadesh", "Kadesh"),
                 ("Sukothai", "Sukhothai"), ("Flensburgo", "Flensburg"), ("Clinton", "Clinton")):
        assert not typo(a, b), (a, b)
        assert cognate(a, b), (a, b)
    for a, b in (("Trump", "Curio"), ("Crimea", "Yemen"), ("Madrid", "Hunan"), ("Asia", "Austria")):
        assert not cognate(a, b), (a, b)


def test_language_specific_forms_from_word_frequencies():
    assert language_specific("Tracia", "es", "en")
    assert language_specific("Thrace", "en", "es")
    assert not language_specific("Crimea", "es", "en")
    assert not language_specific("Zuckerberg", "en", "es")


def test_title_case_heading_words_are_not_names():
    assert [f.surface for f in extract_names("Frequently Asked Questions", "en")] == []
    assert [f.surface for f in extract_names("Claudia Sheinbaum", "en")] == ["Claudia Sheinbaum"]
    assert [f.surface for f in extract_names("Increased Cooperation", "en")] == []


_ES = """Bill Clinton visitó Alemania con Mark Zuckerberg.

La Organización Panamericana de la Salud (OPS) publicó su informe sobre Tracia.
"""
_EN = """Bill Clinton visited Germany with Mark Zuckerberg.

The Pan American Health Organization (PAHO) published its report on Thrace.
"""


@needs_apertium
@pytest.mark.parametrize("names", ["rules", "auto"])
def test_translation_is_clean_and_planted_names_are_found(tmp_path, names):
    es, en = tmp_path / "s.es.txt", tmp_path / "s.en.txt"
    es.write_text(_ES, encoding="utf-8")

    def findings(text):
        en.write_text(text, encoding="utf-8")
        r = compare_files([en, es], Settings(translator="apertium", names=names))
        return [f for f in r.groups[0]["pairs"][0]["findings"]
                if f["category"] == "name" and f["severity"] != "info"]

    assert findings(_EN) == []
    misspelt = findings(_EN.replace("Bill Clinton", "Bill Clitnon"))
    assert [f["classification"] for f in misspelt] == ["misspelt"]
    assert "Clitnon" in misspelt[0]["message"] and "Clinton" in misspelt[0]["message"]
    replaced = findings(_EN.replace("Mark Zuckerberg", "Cristina Cifuentes"))
    assert [f["classification"] for f in replaced] == ["replaced"]
    assert "Cristina Cifuentes" in replaced[0]["message"] and "Mark Zuckerberg" in replaced[0]["message"]
