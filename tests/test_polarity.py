"""Polarity evidence: negated clauses counted by each language's grammar, antonyms from
WordNet and negative prefixes, and reversal() against faithful rewordings."""

import pytest

from concord.facts.polarity import _wordnet, antonyms, negations, prefix_base, reversal

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
