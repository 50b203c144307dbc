"""Partial omissions and additions inside a matched sentence (``concord.checks.partial``).

Each pair of sentences was written for these tests: the Spanish version goes through
Apertium, as in a run, and the English version is compared with it. A span only one
version has is a finding (a hedge, a number, a modifier, a phrase, a clause); a rewording,
a reordering, a pronoun for a name, a title or a nationality spelt out, a converted unit
are not.
"""

from __future__ import annotations

import pytest

from concord import lang
from concord.checks import REGISTRY, _wordnet, partial
from concord.document import Severity

from conftest import needs_apertium

ES = "es"
EN = lang.PIVOT


def _translate(text: str) -> str:
    from concord.translate.apertium import ApertiumTranslator

    return ApertiumTranslator().translate([text], ES, EN)[0]


def _parser_ready() -> bool:
    return partial._parser(EN) is not None and partial._parser(ES) is not None


needs_parser = pytest.mark.skipif(not _parser_ready(), reason="spaCy's pipelines are not installed")


def gaps(es: str, en: str) -> tuple[list[tuple[str, str, tuple, str]], list[tuple[str, str, tuple, str]]]:
    """(spans only the English has, spans only the Spanish has): text, role, what it carries,
    severity."""
    only_en, only_es, _ = partial.sentence_gaps(en, EN, es, ES, _translate(es))
    return ([(en[a:b], role, tuple(c), sev.value) for a, b, role, _, c, sev in only_en],
            [(es[a:b], role, tuple(c), sev.value) for a, b, role, _, c, sev in only_es])


def test_both_checks_are_registered_in_order():
    ids = list(REGISTRY)
    assert ids.index("addition") < ids.index("partial-omission") < ids.index("partial-addition")
    assert REGISTRY["partial-omission"].category == "omission"
    assert REGISTRY["partial-addition"].category == "addition"
    assert REGISTRY["partial-omission"].scope == "bead"


def test_every_profile_has_the_partial_words():
    for code in lang.LANGUAGES:
        words = lang.get(code).partial
        assert words.HEDGES and words.HEDGE_LIKE
        assert not words.HEDGES & words.HEDGE_LIKE


def test_wordnet_relates_and_lemmatises():
    if not _wordnet.synonyms("huge"):
        pytest.skip("WordNet's data files are not installed")
    assert "die" in _wordnet.lemmas("died")
    assert "child" in _wordnet.lemmas("children")
    assert "large" in _wordnet.synonyms("huge")
    assert "economy" in _wordnet.synonyms("economic")  # a pertainym
    assert _wordnet.verb_form("taken") and _wordnet.verb_form("moved")
    assert not _wordnet.verb_form("bridge")
    assert _wordnet.senses("take") > partial.MAX_SENSES


# --- spans one version has ---------------------------------------------------------------

@needs_apertium
@needs_parser
def test_a_dropped_hedge_is_a_warning():
    only_en, only_es = gaps(
        "Los detenidos, presuntamente miembros de una red de contrabando, fueron trasladados a la cárcel de la ciudad.",
        "The detainees, members of a smuggling network, were taken to the city prison.")
    assert only_en == []
    assert only_es == [("presuntamente", "hedge", ("hedge",), "warning")]


@needs_apertium
@needs_parser
def test_an_added_hedge_is_a_warning():
    only_en, only_es = gaps(
        "Los detenidos, miembros de una red de contrabando, fueron trasladados a la cárcel de la ciudad.",
        "The detainees, allegedly members of a smuggling network, were taken to the city prison.")
    assert only_en == [("allegedly", "hedge", ("hedge",), "warning")]
    assert only_es == []


@needs_apertium
@needs_parser
def test_a_restrictive_only_is_a_hedge():
    only_en, _ = gaps("La empresa vendió dos mil coches el año pasado.",
                      "The company sold only two thousand cars last year.")
    assert only_en == [("only", "hedge", ("hedge",), "warning")]


@needs_apertium
@needs_parser
def test_an_added_modifier_is_info():
    only_en, only_es = gaps(
        "El alcalde inauguró ayer el puente de hierro sobre el río durante una ceremonia con la banda "
        "municipal.",
        "The mayor yesterday opened the rusty iron bridge over the river during a ceremony with the "
        "municipal band.")
    assert only_es == []
    assert only_en == [("rusty", "modifier", (), "info")]


@needs_apertium
@needs_parser
def test_a_dropped_phrase_is_one_span():
    only_en, only_es = gaps(
        "Los arqueólogos hallaron una vasija de cerámica junto a la muralla durante la excavación del "
        "yacimiento romano.",
        "The archaeologists found a ceramic vessel during the excavation of the Roman site.")
    assert only_en == []
    assert len(only_es) == 1
    text, role, _, severity = only_es[0]
    assert text.endswith("la muralla") and role == "phrase" and severity == "info"


@needs_apertium
@needs_parser
def test_a_dropped_noun_phrase_is_one_span():
    only_en, only_es = gaps(
        "Los bomberos controlaron el incendio del almacén de muebles, que había calcinado dos furgonetas, "
        "antes del amanecer.",
        "Firefighters controlled the furniture warehouse fire before dawn.")
    assert only_en == []
    assert len(only_es) == 1
    text, role, _, _ = only_es[0]
    assert "dos furgonetas" in text and role in ("noun phrase", "clause")


@needs_apertium
@needs_parser
def test_a_dropped_adjunct_with_its_noun_is_one_span():
    only_en, only_es = gaps("La orquesta interpretó la sinfonía ante un público entusiasta en el teatro de la ópera.",
                            "The orchestra performed the symphony in the opera house.")
    assert only_en == []
    # two content words with no counterpart while the rest corresponds word for word: a
    # whole constituent is missing, a warning
    assert only_es == [("ante un público entusiasta", "phrase", (), "warning")]


def _links(es: str, en: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(English content word -> its Spanish counterparts, Spanish content word -> its English
    counterparts)."""
    p_words, o_words = partial.correspond(en, es, _translate(es), ES)
    return ({w.text: [o_words[j].text for j in sorted(w.links)] for w in p_words if w.content},
            {w.text: [p_words[j].text for j in sorted(w.links)] for w in o_words if w.content})


@needs_apertium
def test_a_word_goes_to_the_counterpart_at_the_nearer_place():
    # "Mexican" may stand for "México" and for "mexicanos": it is linked to the one at its
    # own place, and "México" is left without a counterpart
    en, es = _links("Para México, la relación con los emigrantes mexicanos es difícil.",
                    "The relationship with Mexican emigrants is difficult.")
    assert en["Mexican"] == ["mexicanos"]
    assert es["México"] == []


@needs_apertium
@needs_parser
def test_a_compound_written_as_two_words_is_no_gap():
    es, en = ("El ejército probó ayer el nuevo sistema antimisiles en el desierto.",
              "The army tested the new anti-missile system in the desert yesterday.")
    en_links, es_links = _links(es, en)
    assert en_links["missile"] == ["antimisiles"] and all(es_links.values())
    assert gaps(es, en) == ([], [])


@needs_apertium
def test_a_weekday_is_linked_though_not_reported():
    en, _ = _links("El museo abrió la exposición el martes.", "The museum opened the exhibition on Tuesday.")
    assert en["Tuesday"] == ["martes"]


# --- what must stay silent ---------------------------------------------------------------

SILENT = [
    # reordering and function words
    ("Ayer el gobierno aprobó la nueva ley de vivienda.",
     "The government approved the new housing law yesterday."),
    # a verb rendered by another verb
    ("El ministro de economía dimitió tras el escándalo.",
     "The economy minister stepped down after the scandal."),
    # a pronoun for a name
    ("García dijo que el proyecto estará terminado en junio.",
     "He said the project will be finished in June."),
    # a title added to a name
    ("Sánchez visitó la fábrica de coches de la ciudad.",
     "President Sánchez visited the city's car factory."),
    # a nationality spelt out
    ("El ministro visitó la fábrica de coches de la ciudad.",
     "The Spanish minister visited the city's car factory."),
    # a converted unit in parentheses
    ("La tormenta llegó a la costa con vientos de 100 kilómetros por hora.",
     "The storm reached the coast with winds of 100 kilometres (62 miles) per hour."),
    # one hedge rendered by another
    ("Los detenidos, supuestamente miembros de una red de contrabando, fueron trasladados a la cárcel.",
     "The detainees, reportedly members of a smuggling network, were taken to the prison."),
    # a hedge rendered by a word that may carry it
    ("Yo era solamente un niño con los zapatos llenos de barro.",
     "I was just a child with shoes full of mud."),
    # a verb rendered by another verb beside a reworded modifier
    ("El museo expone una colección de relojes antiguos desde el martes.",
     "The museum has been showing a collection of antique clocks since Tuesday."),
    # a word the lexicon translates otherwise, in its place on both sides
    ("El tribunal condenó al empresario a seis años de cárcel por fraude fiscal.",
     "The court sentenced the businessman to six years in prison for tax fraud."),
    # an adjective of place written as a name
    ("Los científicos descubrieron una nueva especie de rana en la selva amazónica.",
     "Scientists discovered a new frog species in the Amazon rainforest."),
    # a rewording: unmatched words on both sides
    ("La noticia cayó como un jarro de agua fría entre los aficionados del club.",
     "The news came as a bitter blow to the club's supporters."),
]


@needs_apertium
@needs_parser
@pytest.mark.parametrize("es,en", SILENT)
def test_rewordings_are_not_findings(es, en):
    assert gaps(es, en) == ([], [])


def test_a_sentence_without_checkable_words_has_no_gap():
    assert partial.sentence_gaps("", EN, "", ES, "") == ([], [], 1.0)


def test_hedges_answer_hedges():
    words = partial.pivot_words("reportedly")
    others = partial.other_words("supuestamente", ES)
    partial._hedges_match(words, [], others, EN, ES)
    assert words[0].matched and others[0].matched


@needs_apertium
@needs_parser
def test_an_added_modifier_in_a_literal_pair_is_shown():
    # one content word with no counterpart: shown, not a warning (a lone word is as often a
    # free rendering the lexicon does not know)
    only_en, only_es = gaps("El alcalde inauguró ayer el nuevo puente sobre el río.",
                            "The mayor opened the new wooden bridge over the river yesterday.")
    assert only_en == [("wooden", "modifier", (), "info")] and only_es == []


@needs_apertium
@needs_parser
def test_a_dropped_phrase_in_a_literal_pair_is_a_warning():
    only_en, only_es = gaps("El ministro visitó la frontera con una delegación de diputados.",
                            "The minister visited the border.")
    assert only_en == []
    assert only_es == [("con una delegación de diputados", "phrase", (), "warning")]


@needs_apertium
def test_a_determiner_like_adjective_has_its_counterpart():
    # "últimos" is a determiner in Apertium's tags: "last" still has its counterpart
    assert gaps("Perdieron tres de sus últimos cuatro partidos en casa.",
                "They lost three of their last four games at home.") == ([], [])


@needs_apertium
def test_an_adjective_the_translation_moved_finds_its_original():
    # "células inmunitarias" comes out as "immune cells": "immune" is linked past "cells"
    en, es = _links("Los científicos extrajeron células inmunitarias de la sangre.",
                    "The scientists extracted immune cells from the blood.")
    assert en["immune"] == ["inmunitarias"] and all(es.values())


@needs_apertium
def test_a_word_at_the_end_of_the_translation_is_a_place_guess():
    # "lugar oscuro" comes out as "dark place" at the sentence's end: "place" may come from
    # "oscuro" (its one anchor) or the word before it; its own translation "lugar" wins
    en, es = _links("El preso pasó años en un lugar oscuro.", "The prisoner spent years in a dark place.")
    assert en["place"] == ["lugar"] and es["oscuro"] == ["dark"]


@needs_apertium
def test_a_words_own_translation_comes_before_a_related_lemma():
    # "failure" relates through WordNet to "go", one of the lexicon's readings of "Irán":
    # its own translation "fracaso" is linked first, and "Iran" keeps "Irán"
    en, _ = _links("El fracaso del plan en Irán sorprendió a los analistas.",
                   "The failure of the plan in Iran surprised the analysts.")
    assert en["failure"] == ["fracaso"] and en["Iran"] == ["Irán"]


@needs_apertium
@needs_parser
def test_a_reworded_word_answers_one_word_only():
    # the untranslated "atemporal" may stand for "timeless": silent; beside a second
    # adjective it answers one of the two, and the span is shown
    assert gaps("El museo exhibe una colección atemporal de cerámica.",
                "The museum shows a timeless collection of pottery.") == ([], [])
    only_en, only_es = gaps("El museo exhibe una colección atemporal de cerámica.",
                            "The museum shows a timeless and expensive collection of pottery.")
    assert [(t, sev) for t, _, _, sev in only_en] == [("timeless and expensive", "info")] and only_es == []


def _word(i: int, text: str, link: int | None) -> partial.Word:
    w = partial.Word(i, 0, 0, text, text.lower(), True, frozenset(), frozenset())
    if link is not None:
        w.links.add(link)
        w.matched = True
    return w


def test_leftovers_pair_by_place_and_a_name_only_with_a_name():
    # "rusty" between "Yesterday" and "ships": an unmatched common word of the other
    # sentence at that place is its rewording; an unmatched name there is not
    en = [_word(0, "Yesterday", 0), _word(1, "rusty", None), _word(2, "ships", 2)]
    es = [_word(0, "Ayer", 0), _word(1, "oxidados", None), _word(2, "barcos", 2)]
    partial._pair_leftovers(en, es)
    assert en[1].reworded and es[1].reworded
    en = [_word(0, "Yesterday", 0), _word(1, "rusty", None), _word(2, "ships", 2)]
    es = [_word(0, "Ayer", 0), _word(1, "Vigo", None), _word(2, "barcos", 2)]
    partial._pair_leftovers(en, es)
    assert not en[1].reworded and not es[1].reworded
    # one reworded word answers one word: of two unmatched words, the nearer is paired
    en = [_word(0, "Yesterday", 0), _word(1, "rusty", None), _word(2, "old", None), _word(3, "ships", 2)]
    es = [_word(0, "Ayer", 0), _word(1, "oxidados", None), _word(2, "barcos", 3)]
    partial._pair_leftovers(en, es)
    assert [w.reworded for w in en] == [False, True, False, False]


def test_the_weak_words_are_the_common_and_the_polysemous():
    assert partial._weak("people", EN, True, 1)
    assert not partial._weak("omnivore", EN, True, 1)
    assert partial._weak("hacer", ES, False, 1)
    assert not partial._weak("12", EN, True, 1)


@needs_apertium
@needs_parser
def test_the_finding_points_at_both_sentences(tmp_path):
    from concord.config import Settings
    from concord.pipeline import compare_files

    a, b = tmp_path / "story.es.txt", tmp_path / "story.en.txt"
    a.write_text("Los detenidos, presuntamente miembros de una red de contrabando, fueron trasladados a la "
                 "cárcel de la ciudad.\n", encoding="utf-8")
    b.write_text("The detainees, members of a smuggling network, were taken to the city prison.\n",
                 encoding="utf-8")
    result = compare_files([a, b], Settings(translator="apertium", checks=["partial-omission"], source="es"))
    found = list(result.findings())
    assert len(found) == 1
    f = found[0]
    assert f["severity"] == Severity.WARNING.value and f["classification"] == "hedge"
    assert f["a"]["text"] == "presuntamente"
    assert f["b"]["text"].startswith("The detainees")
    assert "Missing from the translation" in f["message"]
