"""The polarity, names and detect topic modules of the language profiles: both languages
expose the same attributes, and the code reads its words from them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from concord import lang

TOPICS = ("polarity", "names", "detect")


def _public(module) -> set[str]:
    return {k for k in vars(module) if k.isupper()}


@pytest.mark.parametrize("topic", TOPICS)
def test_every_profile_has_the_same_attributes(topic):
    names = {code: _public(getattr(lang.get(code), topic)) for code in lang.LANGUAGES}
    first = names[lang.LANGUAGES[0]]
    assert first
    for code, attrs in names.items():
        assert attrs == first, (code, attrs ^ first)


@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_module_says_where_its_words_come_from(topic):
    for code in lang.LANGUAGES:
        module = getattr(lang.get(code), topic)
        doc = module.__doc__ or ""
        for attr in _public(module):
            assert f"``{attr}``" in doc, (code, topic, attr)


def test_the_pivot_is_a_profile():
    assert lang.PIVOT in lang.LANGUAGES


def test_spanish_negative_concord_counts_one_negation():
    from concord.facts.polarity import negations

    assert "nunca" in lang.get("es").polarity.NEGATORS
    text = "Nunca dijo nada a la prensa."
    assert negations(text, "es") == [(0, 5)]  # "nada" continues the negation of "Nunca"


def test_english_counts_every_not_and_never():
    from concord.facts.polarity import negations

    text = "She did not call and never wrote back."
    assert [text[a:b] for a, b in negations(text, "en")] == ["not", "never"]
    text = "They don't know."
    assert [text[a:b] for a, b in negations(text, "en")] == ["n't"]


def test_spanish_prefix_i_only_before_l_or_r():
    from concord.facts.polarity import prefix_base

    assert prefix_base("imposible", "es") == "posible"
    assert prefix_base("ilegal", "es") == "legal"
    assert lang.get("es").polarity.PREFIX_BEFORE["i"] == ("l", "r")


def test_an_english_title_is_not_a_name():
    from concord.facts.names import extract_names

    assert "President" in lang.get("en").NOT_NAMES
    found = [f.surface for f in extract_names("President Lula spoke to reporters in Brasilia.", "en")]
    assert found == ["Lula", "Brasilia"]


def test_a_spanish_article_opens_no_name():
    from concord.facts.names import extract_names

    found = [f.surface for f in extract_names("Según la Fiscalía de Sinaloa, el operativo sigue.", "es")]
    assert found == ["Fiscalía de Sinaloa"]


def test_bylines_of_both_profiles():
    from concord.checks._name_match import is_byline

    assert "Publicado por" in lang.get("es").names.BYLINES
    assert is_byline("Publicado por Ana Ruiz")
    assert is_byline("Published by Ana Ruiz")
    assert is_byline("Ciudad de México, 20 de enero de 2026")
    assert not is_byline("La policía detuvo a Ana Ruiz por el robo de un coche en 2026.")


def test_spacy_pipelines_come_from_the_profiles():
    from concord.facts.ner import SPACY_MODELS

    assert {code: m for code in lang.LANGUAGES if (m := lang.get(code).names.SPACY_MODEL)} == SPACY_MODELS


def test_detection_reads_orthography_and_marks_from_the_profiles():
    from concord.detect import DEFAULT_LANGUAGES, tokenize

    assert DEFAULT_LANGUAGES == lang.LANGUAGES
    toks = tokenize("¿Dónde está el acusado?")
    assert toks.texts[0] == "¿" and toks.evidence(0) == "es"
    toks = tokenize("The trial opens March 4 in Boston.")
    at = toks.texts.index("March")
    assert toks.evidence(at) == "en"  # a month before a number, not the verb
    assert tokenize("They march on").evidence(1) is None


def test_no_check_module_imports_another_check_module():
    folder = Path(__import__("concord.checks", fromlist=["x"]).__file__).parent
    checks = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_") and p.stem != "base"}
    for path in folder.glob("*.py"):
        if path.stem not in checks:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                imported = {node.module} if node.module else {a.name for a in node.names}
                assert not (imported & checks), (path.name, imported & checks)
