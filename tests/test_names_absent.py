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
from concord.facts.polarity import wordnet_dir
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


needs_wordnet = pytest.mark.skipif(wordnet_dir() is None, reason="WordNet data (wordnet-base) not installed")


@needs_wordnet
def test_a_country_under_its_other_english_names():
    from concord.facts.name_knowledge import keys_of, known_in

    # WordNet's location synsets: one country under several names
    assert keys_of("Britain") == keys_of("Reino Unido") == keys_of("Great Britain")
    assert "T:US" in keys_of("America")
    assert known_in("Reino Unido", "Prices rose in Britain last year.")
    assert not keys_of("Brussels")  # a city: no country's name


@needs_wordnet
def test_a_hole_where_a_phrase_lost_its_noun():
    from concord.checks._name_match import holed

    # a preposition before a verb that is never a noun
    assert holed("The winegrowers of seem pleased with the harvest.", "en")
    assert not holed("The winegrowers of Chile seem pleased with the harvest.", "en")
    assert not holed("They want to seem pleased with the harvest.", "en")  # an infinitive
    assert not holed("The farmers of export crops sell abroad.", "en")  # (export is a noun too)
    # an opening preposition phrase, its comma, then a finite verb with no subject
    assert holed("In matters of trade, is more cautious than ever.", "en")
    assert not holed("In matters of trade, Japan is more cautious than ever.", "en")
    assert not holed("In your view, is it worth it?", "en")
    # Spanish states no subject
    assert not holed("En materia de comercio, es más prudente que nunca.", "es")


def test_two_person_entities_side_by_side_are_one_name():
    from concord.facts.names import names_from_entities

    text = "Sir Ngozi Okafor Adeyemi's portrait of the queen hangs in the hall."
    people = [(4, 16, "PERSON"), (17, 24, "PERSON")]
    assert [f.surface for f in names_from_entities(text, people, "en")] == ["Ngozi Okafor Adeyemi"]
    # a comma or a conjunction parts two people
    text = "Ana Ruiz, Pedro Gil and Eva Sanz signed."
    got = names_from_entities(text, [(0, 8, "PERSON"), (10, 19, "PERSON"), (24, 32, "PERSON")], "en")
    assert [f.surface for f in got] == ["Ana Ruiz", "Pedro Gil", "Eva Sanz"]


def test_a_place_or_person_span_does_not_end_on_a_lower_case_word():
    from concord.facts.names import names_from_entities

    text = "Ese año la OMPI registró tres millones de solicitudes."
    assert [f.surface for f in names_from_entities(text, [(11, 24, "LOC")], "es")] == ["OMPI"]
    # an organisation may: "the Sinaloa cartel"
    text = "Agents of the Sinaloa cartel were arrested."
    assert [f.surface for f in names_from_entities(text, [(10, 28, "ORG")], "en")] == ["Sinaloa cartel"]


def _side(text, language):
    from types import SimpleNamespace

    from concord.document import Sentence

    s = Sentence(index=0, start=0, end=len(text), text=text, language=language)
    return SimpleNamespace(doc=SimpleNamespace(text=text, sentences=[s], language=language))


@needs_apertium
def test_the_grammar_shows_a_person_the_model_could_not_type():
    from concord.checks._name_match import _person_like
    from concord.facts.base import Fact

    text = "“Vendemos todo antes del mediodía”, cuenta Yusuf, quien abre el puesto."
    at = text.index("Yusuf")
    f = Fact("name", "yusuf", at, at + 5, "Yusuf", None, entity="MISC", doc_start=at, doc_end=at + 5, sentence=0)
    assert _person_like(f, _side(text, "es"))  # a relative pronoun that refers to people only
    text2 = "Visitó el Prado, que abre a las diez."
    at = text2.index("Prado")
    g = Fact("name", "prado", at, at + 5, "Prado", None, entity="MISC", doc_start=at, doc_end=at + 5, sentence=0)
    assert not _person_like(g, _side(text2, "es"))
    # given names and surnames: no word of them a word of the language
    text3 = "Pero Lim Kah Wee dice que las ventas crecieron."
    at = text3.index("Lim")
    h = Fact("name", "lim kah wee", at, at + 11, "Lim Kah Wee", None, entity="MISC", doc_start=at, doc_end=at + 11,
             sentence=0)
    assert _person_like(h, _side(text3, "es"))


@needs_apertium
def test_a_name_cut_out_of_a_translation_is_a_warning(tmp_path):
    # the hole is where the name was: a preposition with no noun, a comma with nothing before
    es = "Cada invierno, miles de turistas viajan a Moscú, Kiev y otras ciudades.\n"
    en = "Every winter, thousands of tourists travel to Moscow, Kiev and other cities.\n"
    assert [f for f in _findings(tmp_path, es, en) if f["severity"] != "info"] == []
    cut = _findings(tmp_path, es, en.replace("to Moscow,", "to,"))
    assert [(f["severity"], f["classification"]) for f in cut] == [("warning", "missing")]
    # a capitalised word that is also a common noun (granada): MT translates it
    es = "En Granada, el alcalde inauguró ayer el puente nuevo.\n"
    en = "In Granada, the mayor opened the new bridge yesterday.\n"
    assert [f for f in _findings(tmp_path, es, en) if f["severity"] != "info"] == []
    cut = _findings(tmp_path, es, en.replace("In Granada,", "At,"))
    assert [f["severity"] for f in cut] == ["warning"]
    # a person the grammar shows (who), given a verb and no name
    es = "“Vendemos todo antes del mediodía”, cuenta Yusuf, quien abre el puesto a las seis.\n"
    en = "“We sell everything before noon,” says Yusuf, who opens the stall at six.\n"
    assert [f for f in _findings(tmp_path, es, en) if f["severity"] != "info"] == []
    assert [f["severity"] for f in _findings(tmp_path, es, en.replace("says Yusuf,", "says,"))] == ["warning"]


@needs_apertium
def test_a_name_in_the_other_languages_form_is_kept_there(tmp_path):
    es = "El equipo juvenil venció a los Dallas Cowboys en la final.\n"
    en = "The youth team beat the Dallas Cowboys in the final.\n"
    assert _findings(tmp_path, es, en) == []
    gone = _findings(tmp_path, es, "The youth team won the final.\n")
    assert [(f["severity"], f["classification"]) for f in gone] == [("warning", "missing")]


@needs_apertium
@needs_wordnet
def test_a_country_or_an_acronym_replaced_is_a_warning(tmp_path):
    es = "Los viticultores de Chile parecen satisfechos con la cosecha.\n"
    en = "The winegrowers of Chile seem pleased with the harvest.\n"
    assert _findings(tmp_path, es, en) == []
    # a city in place of a country the English names in no form
    moved = _findings(tmp_path, es, en.replace("of Chile", "of Lisbon"))
    assert [(f["severity"], f["classification"]) for f in moved] == [("warning", "replaced")]
    # a person in place of an organisation's acronym
    es = "La OMPI registró el año pasado tres millones de solicitudes.\n"
    en = "Last year Gary Lineker registered three million applications.\n"
    assert [(f["severity"], f["classification"]) for f in _findings(tmp_path, es, en)] == [("warning", "replaced")]
    # Britain is the United Kingdom (WordNet)
    es = "Los precios subieron en el Reino Unido el año pasado.\n"
    assert _findings(tmp_path, es, "Prices rose in Britain last year.\n") == []


@needs_apertium
def test_a_nationality_the_model_reads_into_a_given_name():
    from concord.facts.names import names_from_entities

    # "Dragan" is no nationality CLDR knows, nor a word: the rules' name stands
    text = "Before the vote, no Dragan Kostelic supporter spoke to the press."
    at = text.index("Dragan")
    got = names_from_entities(text, [(at, at + 6, "NORP")], "en", text)
    assert [f.surface for f in got] == ["Dragan Kostelic"]
    # a real nationality keeps the rules' capitalised phrase out
    text = "The Mexican Senate voted on Tuesday."
    assert [f.surface for f in names_from_entities(text, [(4, 11, "NORP")], "en", text)] == []


def test_no_hole_from_words_a_language_has_no_list_of():
    from concord import lang
    from concord.checks._name_match import holed

    # French: the bilingual lexicon knows no French words, so no pure prepositions; an
    # article is no hole for want of them
    with lang.comparing(("fr", "pt")):
        assert not holed("Il s’agit d’un des rares bâtiments du centre de la ville.", "fr")
        # nor a finite verb after an opening phrase: French may invert its subject there
        assert not holed("Dans cette ville, est né un grand peintre.", "fr")


@needs_apertium
def test_a_subject_cut_out_before_its_verb_is_a_warning(tmp_path):
    es = "El año pasado la OMPI registró más de dos mil solicitudes de patentes.\n"
    en = "Last year the OMPI registered more than two thousand patent applications.\n"
    assert [f for f in _findings(tmp_path, es, en) if f["severity"] != "info"] == []
    # the words either side of the name closed up: "the registered"
    cut = _findings(tmp_path, es, en.replace("the OMPI registered", "the registered"))
    assert [(f["severity"], f["classification"]) for f in cut] == [("warning", "missing")]
    es2 = "Si Bancolor aumenta sus precios, cada cliente pagará más.\n"
    cut2 = _findings(tmp_path, es2, "If increases its prices, each customer will pay more.\n")
    assert [f["severity"] for f in cut2] == ["warning"]


@needs_apertium
def test_a_name_before_the_noun_it_modifies_moves_rather_than_goes(tmp_path):
    # English puts the name before its noun, Spanish after it: "the expedition" closed up
    # in the Spanish reading is no cut
    es = "En la expedición de 1910, el barco zarpó con veinte hombres.\n"
    en = "In the Valiant expedition of 1910, the ship set sail with twenty men.\n"
    assert [f for f in _findings(tmp_path, es, en) if f["severity"] != "info"] == []


@needs_apertium
def test_a_borrowed_word_cut_where_the_other_sentence_shows_a_hole(tmp_path):
    # a word of no language compared, which MT keeps as written: like a name, it has no
    # translation; cut out of the English, whose sentence opens on an auxiliary
    es = "El surstromming es arenque fermentado que se come en verano.\n"
    en = "Surstromming is fermented herring that is eaten in summer.\n"
    assert [f for f in _findings(tmp_path, es, en) if f["severity"] != "info"] == []
    cut = _findings(tmp_path, es, "Is fermented herring that is eaten in summer.\n")
    assert [(f["severity"], f["classification"]) for f in cut] == [("warning", "missing")]
    assert "surstromming" in cut[0]["message"]
