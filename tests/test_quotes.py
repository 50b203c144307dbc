"""Quotes and meaning reversals end to end (Apertium): a quote or sentence whose meaning is
reversed is an error; the same quote in other words, or without quotation marks, is not."""

import pytest

from concord.config import Settings
from concord.facts.polarity import _wordnet
from concord.pipeline import compare_files

from conftest import needs_apertium

needs_wordnet = pytest.mark.skipif(not _wordnet()[0], reason="WordNet data (wordnet-base) not installed")

_ES = (
    "La alcaldesa Marta Ibáñez habló el lunes ante los vecinos del barrio.\n\n"
    "“Vamos a abrir la biblioteca nueva en primavera”, dijo Ibáñez.\n\n"
    "La planta de reciclaje permanecerá cerrada durante todo el invierno.\n\n"
    "Los vecinos pidieron más autobuses para el barrio.\n"
)
_EN = (
    "Mayor Marta Ibáñez spoke to residents of the neighbourhood on Monday.\n\n"
    "“We are going to open the new library in spring,” Ibáñez said.\n\n"
    "The recycling plant will remain closed throughout the winter.\n\n"
    "Residents asked for more buses for the neighbourhood.\n"
)


def _findings(tmp_path, es_text, en_text):
    es, en = tmp_path / "v.es.txt", tmp_path / "v.en.txt"
    es.write_text(es_text, encoding="utf-8")
    en.write_text(en_text, encoding="utf-8")
    r = compare_files([es, en], Settings(translator="apertium", source="es"))
    return [f for f in r.groups[0]["pairs"][0]["findings"]
            if f["category"] in ("quote", "meaning") and f["severity"] != "info"]


@needs_apertium
def test_a_faithful_translation_has_no_reversal(tmp_path):
    assert _findings(tmp_path, _ES, _EN) == []


@needs_apertium
def test_a_negated_quote_is_a_changed_quote(tmp_path):
    en = _EN.replace("We are going to open", "We are not going to open")
    fs = _findings(tmp_path, _ES, en)
    assert [(f["category"], f["severity"], f["classification"]) for f in fs] == [("quote", "error", "changed")]
    assert "negates it ('not')" in fs[0]["message"]
    assert "not" in fs[0]["b"]["text"]


@needs_apertium
@needs_wordnet
def test_an_antonym_in_a_quote_is_a_changed_quote(tmp_path):
    en = _EN.replace("open the new library", "close the new library")
    fs = _findings(tmp_path, _ES, en)
    assert [(f["category"], f["classification"]) for f in fs] == [("quote", "changed")]
    assert fs[0]["message"].endswith("(antonyms).")


@needs_apertium
@needs_wordnet
def test_a_reversal_outside_quotes_is_a_meaning_finding(tmp_path):
    en = _EN.replace("will remain closed", "will remain open")
    fs = _findings(tmp_path, _ES, en)
    assert [(f["check"], f["category"], f["severity"], f["classification"]) for f in fs] == [
        ("meaning", "meaning", "error", "antonym")]
    assert "open" in fs[0]["message"] and "closed" not in fs[0]["b"]["text"]
    en = _EN.replace("The recycling plant will remain closed", "The recycling plant will not remain closed")
    fs = _findings(tmp_path, _ES, en)
    assert [(f["category"], f["classification"]) for f in fs] == [("meaning", "negation")]


@needs_apertium
def test_a_reworded_sentence_is_not_a_reversal(tmp_path):
    # other words, same meaning: "shut" for "closed", "ask for" for "request"
    en = _EN.replace("will remain closed throughout", "will stay shut for all of")
    assert _findings(tmp_path, _ES, en) == []


@needs_apertium
def test_a_quote_without_quotation_marks_is_info(tmp_path):
    es = _ES.replace("“Vamos a abrir la biblioteca nueva en primavera”, dijo Ibáñez.",
                     "Vamos a abrir la biblioteca nueva en primavera, dijo Ibáñez.")
    es_path, en_path = tmp_path / "v.es.txt", tmp_path / "v.en.txt"
    es_path.write_text(es, encoding="utf-8")
    en_path.write_text(_EN, encoding="utf-8")
    r = compare_files([es_path, en_path], Settings(translator="apertium", source="es"))
    quotes = [f for f in r.groups[0]["pairs"][0]["findings"] if f["category"] == "quote"]
    assert [(f["severity"], f["classification"]) for f in quotes] == [("info", "paraphrased")]


@needs_apertium
def test_a_negation_dropped_from_a_quote_is_a_changed_quote(tmp_path):
    es = _ES.replace("“Vamos a abrir", "“No vamos a abrir")
    fs = _findings(tmp_path, es, _EN)
    assert [(f["category"], f["severity"], f["classification"]) for f in fs] == [("quote", "error", "changed")]
    assert "v.es.txt negates it ('No')" in fs[0]["message"]


@needs_apertium
def test_a_quote_in_other_words_is_not_a_changed_quote(tmp_path):
    en = _EN.replace("We are going to open the new library in spring",
                     "The new library will be opened by us this spring")
    assert _findings(tmp_path, _ES, en) == []


@needs_apertium
def test_a_negated_idiom_in_a_quote_is_a_changed_quote(tmp_path):
    # the idiom shares almost no words with Apertium's reading of the Spanish
    es = _ES + "\n“El viejo molino está para el arrastre”, afirmó su propietario.\n"
    en = _EN + "\n“The old mill is not on its last legs,” the owner told reporters.\n"
    fs = _findings(tmp_path, es, en)
    assert [(f["category"], f["classification"]) for f in fs] == [("quote", "changed")]
    assert "v.en.txt negates it ('not')" in fs[0]["message"]
    assert _findings(tmp_path, es, en.replace(" not on its last legs", " on its last legs")) == []


@needs_apertium
def test_a_translated_title_in_quotation_marks_is_not_a_missing_quote(tmp_path):
    es = _ES + "\nLa biblioteca prestará “La casa de los gatos perdidos” a los colegios.\n"
    en = _EN + "\nThe library will lend “Catland” to schools.\n"
    es_path, en_path = tmp_path / "v.es.txt", tmp_path / "v.en.txt"
    es_path.write_text(es, encoding="utf-8")
    en_path.write_text(en, encoding="utf-8")
    r = compare_files([es_path, en_path], Settings(translator="apertium", source="es"))
    quotes = [f for f in r.groups[0]["pairs"][0]["findings"] if f["category"] == "quote"]
    assert quotes == []  # the other version quotes it too, in other words: no finding


@needs_apertium
@needs_wordnet
def test_antonyms_at_different_places_of_a_sentence_are_no_reversal(tmp_path):
    # "second" and "primera" speak of different meetings; the sentence is reworded around them
    es = _ES.replace("Los vecinos pidieron más autobuses para el barrio.",
                     "Los vecinos quieren volver a reunirse con ella tras la primera reunión de marzo.")
    en = _EN.replace("Residents asked for more buses for the neighbourhood.",
                     "Residents want a second meeting with her after their initial meeting in March.")
    assert _findings(tmp_path, es, en) == []


@needs_apertium
def test_a_negation_of_the_same_claim_on_both_sides_is_no_reversal(tmp_path):
    es = _ES.replace("permanecerá cerrada durante todo el invierno", "ya no abrirá durante el invierno")
    en = _EN.replace("will remain closed throughout the winter", "will no longer open during the winter")
    assert _findings(tmp_path, es, en) == []


def _quote_findings(tmp_path, es_text, en_text):
    es, en = tmp_path / "v.es.txt", tmp_path / "v.en.txt"
    es.write_text(es_text, encoding="utf-8")
    en.write_text(en_text, encoding="utf-8")
    r = compare_files([es, en], Settings(translator="apertium", source="es"))
    return [f for f in r.groups[0]["pairs"][0]["findings"] if f["category"] == "quote"]


def test_single_quotation_marks_are_told_from_apostrophes():
    from concord.facts.quotes import extract_quotes, has_quotation

    text = "The coach said: 'We won't sell the club's best players this summer.' on Friday."
    assert [q.value for q in extract_quotes(text)] == ["We won't sell the club's best players this summer."]
    assert extract_quotes("The players' union said the club's plan won't work at all.") == []
    assert has_quotation("Le pregunté: '¿Lo vas a vender?'")
    # a quotation that runs over several sentences: its opening mark alone
    assert has_quotation('"We will rebuild the school before winter.')
    assert not has_quotation("The players' union said the club's plan won't work.")


@needs_apertium
def test_a_reworded_quote_across_languages_is_no_finding(tmp_path):
    en = _EN.replace("We are going to open the new library in spring",
                     "The new library will be opened by us this spring")
    assert _quote_findings(tmp_path, _ES, en) == []


@needs_apertium
def test_quotes_without_quotation_marks_are_one_note_with_a_count(tmp_path):
    es = _ES + ("\nVamos a contratar a diez bibliotecarios nuevos, dijo Ibáñez.\n"
                "\nLos libros llegarán antes del verano, añadió la alcaldesa.\n")
    en = _EN + ("\n“We are going to hire ten new librarians,” Ibáñez said.\n"
                "\n“The books will arrive before the summer,” the mayor added.\n")
    quotes = _quote_findings(tmp_path, es, en)
    assert [(f["severity"], f["classification"]) for f in quotes] == [("info", "paraphrased")]
    assert quotes[0]["message"].startswith("2 quotes in v.en.txt are given without quotation marks in v.es.txt")
    assert "librarians" in quotes[0]["message"] and "summer" in quotes[0]["message"]


@needs_apertium
def test_a_quote_in_single_quotation_marks_is_not_missing(tmp_path):
    es = _ES + "\nLe pregunté a la alcaldesa: '¿Abrirá la biblioteca los domingos?'\n"
    en = _EN + "\nI asked the mayor: 'Will the library open on Sundays?'\n"
    assert _quote_findings(tmp_path, es, en) == []


@needs_apertium
@needs_wordnet
def test_an_antonym_in_an_idiomatic_quote_is_a_warning(tmp_path):
    # the quote shares few words with Apertium's reading ("hats off" / "hay que
    # reconocerlo"), too few for an error; the antonym at one place is still a sign
    es = _ES + "\n“Hay que reconocerlo: este año el equipo ha defendido mejor que el rival”, dijo el entrenador.\n"
    en = _EN + "\n“Hats off to them: this season the side defended worse than the opposition,” the coach said.\n"
    fs = _findings(tmp_path, es, en)
    assert [(f["category"], f["severity"], f["classification"]) for f in fs] == [("quote", "warning", "changed")]
    assert "'worse'" in fs[0]["message"] and fs[0]["message"].endswith("(antonyms).")
    assert _findings(tmp_path, es, en.replace("defended worse", "defended better")) == []


@needs_apertium
def test_without_negates_only_its_complement(tmp_path):
    # "without delay" does not say "continue" negatively: the added "not" has no counterpart
    es = _ES + "\nEl ayuntamiento continuará las reparaciones del puente sin demora.\n"
    en = _EN + "\nThe council will not continue the repairs of the bridge without delay.\n"
    fs = _findings(tmp_path, es, en)
    assert [(f["category"], f["classification"]) for f in fs] == [("meaning", "negation")]
    assert _findings(tmp_path, es, en.replace("will not continue", "will continue")) == []
