"""User-interface strings (units of translator files) capitalise by style: a label in
title case, the first word of a string. A name there made of common words is no name; a
rare or proper word keeps its capitals as evidence."""

import pytest

from concord.facts.base import Fact, fold
from concord.facts.names import label_names
from concord.lexicon import get_lexicon

needs_lexicon = pytest.mark.skipif(get_lexicon() is None, reason="Apertium's spa-eng data not installed")


def _name(text: str, surface: str) -> Fact:
    at = text.index(surface)
    return Fact("name", fold(surface), at, at + len(surface), surface)


def _kept(text: str, *surfaces: str, language: str = "en") -> list[str]:
    return [f.surface for f in label_names(text, [_name(text, s) for s in surfaces], language)]


@needs_lexicon
def test_a_title_case_label_of_common_words_is_no_name():
    assert _kept("Keyboard Shortcuts", "Keyboard Shortcuts") == []
    assert _kept("Convert Encodings", "Convert Encodings") == []
    assert _kept("Guardar Cambios", "Guardar Cambios", language="es") == []


@needs_lexicon
def test_the_first_word_of_a_label_is_capitalised_by_style():
    assert _kept("Repeats", "Repeats") == []
    assert _kept("Switcher theme for the window", "Switcher") == []


def test_a_frequent_word_of_a_language_without_the_lexicon():
    assert _kept("Répétitions", "Répétitions", language="fr") == []


@needs_lexicon
def test_proper_names_and_names_inside_a_sentence_keep_their_capitals():
    assert _kept("Paris", "Paris") == ["Paris"]
    assert _kept("Quod Libet is connected", "Quod Libet") == ["Quod Libet"]
    assert _kept("Open the Squeezebox Settings now", "Squeezebox Settings") == ["Squeezebox Settings"]
    assert _kept("Export to the Apple Music library", "Apple Music") == ["Apple Music"]
