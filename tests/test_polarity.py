"""Polarity evidence: negated clauses counted by each language's grammar, antonyms from
WordNet and negative prefixes, and reversal() against faithful rewordings."""

import pytest

from concord.checks._reversal import reversal
from concord.facts.polarity import _wordnet, antonyms, negations, prefix_base

needs_wordnet = pytest.mark.skipif(not _wordnet()[0], reason="WordNet data (wordnet-base) not installed")


def test_negative_concord_counts_once_in_spanish():
    assert len(negations("No vimos a nadie ni oímos nada.", "es")) == 1
    assert len(negations("Nunca dijo nada.", "es")) == 1
    assert len(negations("No vino y no llamó.", "es")) == 2
    assert len(negations("No sólo llovió, también nevó.", "es")) == 0
    assert len(negations("Saldrá a no ser que llueva.", "es")) == 0


def test_english_negations_and_non_negating_phrases():
    assert len(negations("They didn't call, and we never knew.", "en")) == 2
    assert len(negations("There was no water and no food.", "en")) == 1
    assert len(negations("Not only did it rain, it snowed.", "en")) == 0
    assert len(negations("He reached No. 3 on the chart.", "en")) == 0


def test_prefix_antonyms_by_rule_in_both_languages():
    assert prefix_base("impossible", "en") == "possible"
    assert prefix_base("imposible", "es") == "posible"
    assert prefix_base("desconocido", "es") == "conocido"
    assert prefix_base("important", "en") is None  # "portant" is not a word
    assert prefix_base("invitation", "en") is None


@needs_wordnet
def test_wordnet_antonyms_with_inflections():
    assert "hate" in antonyms("loved")
    assert "small" in antonyms("larger")
    assert "bad" in antonyms("better")
    assert "open" in antonyms("closed")


def test_added_negation_is_a_reversal():
    r = reversal("The minister said the bridge is safe for lorries.", "en",
                 "The minister said the bridge is safe for lorries.",
                 "El ministro dijo que el puente no es seguro para camiones.", "es",
                 "The minister said that the bridge is not safe for lorries.")
    assert r is not None and r.kind == "negation" and r.words == ("", "no")


def test_negation_said_another_way_is_not_a_reversal():
    # "unsafe" / "no es seguro", "hardly" / "no ... casi": same meaning
    assert reversal("The minister said the bridge is unsafe for lorries.", "en",
                    "The minister said the bridge is unsafe for lorries.",
                    "El ministro dijo que el puente no es seguro para camiones.", "es",
                    "The minister said that the bridge is not safe for lorries.") is None
    assert reversal("Residents hardly noticed the storm last night.", "en",
                    "Residents hardly noticed the storm last night.",
                    "Los vecinos casi no notaron la tormenta anoche.", "es",
                    "The residents almost did not notice the storm last night.") is None


@needs_wordnet
def test_antonym_is_a_reversal_and_a_reworded_sentence_is_not():
    r = reversal("The factory will remain closed until May.", "en",
                 "The factory will remain closed until May.",
                 "La fábrica permanecerá abierta hasta mayo.", "es",
                 "The factory will remain open until May.")
    assert r is not None and r.kind == "antonym" and r.words == ("closed", "open")
    # the same meaning in other words: no evidence
    assert reversal("The factory will stay shut until May.", "en",
                    "The factory will stay shut until May.",
                    "La fábrica permanecerá cerrada hasta mayo.", "es",
                    "The factory will remain closed until May.") is None


def test_prefix_antonym_is_a_reversal():
    r = reversal("Officials called the plan impossible to finance this year.", "en",
                 "Officials called the plan impossible to finance this year.",
                 "Los funcionarios dijeron que el plan es posible de financiar este año.", "es",
                 "The officials said that the plan is possible to finance this year.")
    assert r is not None and r.kind == "antonym" and r.words[0] == "impossible"


def test_a_loose_match_is_not_enough():
    # a negation, but the rest of the sentences share little: not a clear flip
    assert reversal("Nobody expected the verdict.", "en", "Nobody expected the verdict.",
                    "El fallo sorprendió a todos los presentes en la sala.", "es",
                    "The ruling surprised everybody present in the room.") is None


def test_implied_negation_counts_in_each_language():
    assert len(negations("The old town is free of cars.", "en")) == 1
    assert len(negations("Salió sin paraguas.", "es")) == 1
    assert len(negations("Se fue sin decir nada.", "es")) == 1  # concord after "sin"
    assert len(negations("No lo hizo sin ayuda.", "es")) == 2   # "no ... sin" = with
    assert len(negations("The team was far from ready.", "en")) == 1


def test_a_negated_implied_negation_is_a_reversal():
    # "not free of" = has them; "no tiene" = has none
    es, es_mt = ("El nuevo distrito no tiene coches los días laborables.",
                 "The new district does not have cars on the weekdays.")
    r = reversal("The new district is not free of cars on weekdays.", "en",
                 "The new district is not free of cars on weekdays.", es, "es", es_mt)
    # a double negative says the positive: the Spanish version is the one that negates
    assert r is not None and r.kind == "negation" and r.words == ("", "no")
    assert reversal("The new district is free of cars on weekdays.", "en",
                    "The new district is free of cars on weekdays.", es, "es", es_mt) is None


def test_split_not_only_and_the_adjective_solo():
    assert negations("Esto no se aplicaría únicamente al cine.", "es") == []
    assert len(negations("Pero no está siempre solo.", "es")) == 1  # "solo" = alone


def test_reversative_prefix_is_not_a_negation_said_another_way():
    # "desaparecer" is not "never shrink": the negation is added
    r = reversal("Without rain, the lake could never shrink this summer.", "en",
                 "Without rain, the lake could never shrink this summer.",
                 "Sin lluvia, el lago podría desaparecer este verano.", "es",
                 "Without rain, the lake could disappear this summer.")
    assert r is not None and r.kind == "negation" and r.words == ("never", "")
    # "disagree" is "do not agree": the other side negates the base
    assert reversal("The unions disagree with the plan.", "en", "The unions disagree with the plan.",
                    "Los sindicatos no están de acuerdo con el plan.", "es",
                    "The unions do not agree with the plan.") is None


def test_privative_suffix_says_the_negation():
    # "powerless" = "sin electricidad"
    assert reversal("The village was left powerless after the storm.", "en",
                    "The village was left powerless after the storm.",
                    "El pueblo quedó sin electricidad tras la tormenta.", "es",
                    "The village remained without electricity after the storm.") is None


@needs_wordnet
def test_a_degree_word_before_a_comparative_is_not_an_antonym():
    assert "many" in antonyms("fewer")
    assert reversal("There were far fewer buses this year.", "en", "There were far fewer buses this year.",
                    "Hubo muchos menos autobuses este año.", "es",
                    "There were many less buses this year.") is None


_MILL_EN = '"The old mill is not on its last legs," the owner told reporters.'
_MILL_ES = ('"El viejo molino está para el arrastre", afirmó su propietario.',
            '"The old mill is for the drag", affirmed his proprietor.')


def test_a_negation_inside_a_quote_needs_a_looser_match():
    # an idiom inside the quote: MT shares few words with the human text
    quoted = [(1, _MILL_EN.index(',"'))]
    r = reversal(_MILL_EN, "en", _MILL_EN, _MILL_ES[0], "es", _MILL_ES[1], quoted, [(1, 38)])
    # the negated words have no counterpart in the other version: weaker evidence
    assert r is not None and r.kind == "negation" and r.words == ("not", "") and not r.confident
    assert 0.1 <= r.similarity < 0.45
    # the same sentences without quotation marks: the match is too loose
    assert reversal(_MILL_EN, "en", _MILL_EN, _MILL_ES[0], "es", _MILL_ES[1]) is None


def test_an_implied_negation_inside_a_quote_needs_the_full_match():
    en = '"The old mill is far from its last days," the owner told reporters.'
    assert reversal(en, "en", en, _MILL_ES[0], "es", _MILL_ES[1], [(1, en.index(',"'))]) is None


def test_a_prefix_antonym_inside_a_quote_needs_a_looser_match():
    en = '"That was an unimportant vote for the club," the coach told reporters.'
    es, mt = ('"Fue una votación importante para el club", afirmó su entrenador.',
              '"It was an important vote for the club", affirmed his trainer.')
    r = reversal(en, "en", en, es, "es", mt, [(1, en.index(',"'))], [(1, es.index('",'))])
    assert r is not None and r.kind == "antonym" and r.words == ("unimportant", "important")
    assert r.similarity < 0.45
    assert reversal(en, "en", en, es, "es", mt) is None
