"""French and Portuguese: numbers, names and routes read the way their grammars write them
(sentences composed for these tests)."""

from __future__ import annotations

from concord import lang
from concord.facts.numbers import extract_numbers


def _numbers(text: str, code: str) -> list[tuple[str, float, str | None]]:
    with lang.comparing((code, "en")):
        return [(f.surface, f.value, f.unit) for f in extract_numbers(text, code)]


def test_a_half_after_a_magnitude_or_a_unit_is_part_of_the_number():
    assert _numbers("La mairie a reçu 2 millions et demi d'euros de l'État.", "fr") == [
        ("2 millions et demi d'euros", 2_500_000.0, "eur")]
    assert _numbers("Le chantier a pris trois ans et demi.", "fr") == [("trois ans et demi", 3.5, "year")]
    assert _numbers("O clube pagou um milhão e meio de dólares.", "pt") == [
        ("um milhão e meio de dólares", 1_500_000.0, "usd")]
    assert _numbers("A reunião durou duas horas e meia.", "pt") == [("duas horas e meia", 2.5, "h")]
    # a bare number takes no half (a time of day, a count)
    assert [v for _, v, _ in _numbers("Ils étaient 12 et demi-frères.", "fr")] == [12.0]
    # Spanish and English read none: their figures are unchanged
    assert _numbers("Costó un millón y medio de euros.", "es")[0][1] == 1_000_000.0


def test_an_elided_linker_joins_a_magnitude_to_its_unit():
    for text in ("L'usine a coûté 40 millions d'euros.", "L’usine a coûté 40 millions d’euros."):
        assert _numbers(text, "fr") == [(text[text.index("40"):-1], 40_000_000.0, "eur")]


def test_a_century_is_read_as_french_and_portuguese_write_it():
    assert [(f.surface, f.value, f.century) for f in _facts("Au XIIIe siècle, la ville fut fortifiée.", "fr")] == [
        ("XIII", 13.0, True)]
    assert [(f.value, f.century) for f in _facts("Le pont date du XIXème siècle.", "fr")] == [(19.0, True)]
    # Portuguese may name the century with a number word after its noun
    assert [(f.surface, f.value, f.ordinal, f.century) for f in _facts("No século doze, a vila cresceu.", "pt")] == [
        ("doze", 12.0, True, True)]


def _facts(text: str, code: str) -> list:
    with lang.comparing((code, "en")):
        return extract_numbers(text, code)


def _names(text: str, code: str) -> list[str]:
    from concord.facts.names import extract_names

    with lang.comparing((code, "en")):
        return [f.surface for f in extract_names(text, code)]


def test_a_word_elided_onto_an_ordinary_word_opens_no_name():
    assert _names("L’arrivée de Marie Curie à Varsovie fut saluée.", "fr") == ["Marie Curie", "Varsovie"]
    assert _names("D'après Paul Martin, le budget est tenu.", "fr") == ["Paul Martin"]
    # the capital after the apostrophe is the name's own
    assert _names("L'Oréal et Valérie Lemaire ont signé.", "fr") == ["L'Oréal", "Valérie Lemaire"]


def test_closed_class_words_and_the_regnal_premier_are_not_names():
    assert _names("Sous Henri Ier, la ville grandit.", "fr") == ["Henri"]
    assert _names("Est-ce que Lyon gagnera ?", "fr") == ["Lyon"]
    assert _names("Você conhece Lisboa?", "pt") == ["Lisboa"]


def test_a_century_written_another_way_is_no_antonym():
    """Machine translation renders *XIIIe siècle* / *século treze* word for word: an
    ordinal against a cardinal or a Roman numeral is no reversal (WordNet's ordinal and
    cardinal clusters are antonyms)."""
    from concord.checks._reversal import reversal

    en = "During the thirteenth century, the abbey owned most of the valley."
    for code, text, reading in (
            ("pt", "Durante o século treze, a abadia possuía a maior parte do vale.",
             "During the century thirteen, the abbey owned most of the valley."),
            ("fr", "Au XIIIe siècle, l'abbaye possédait la plus grande partie de la vallée.",
             "In the xiii century, the abbey owned most of the valley.")):
        with lang.comparing(("en", code)):
            assert reversal(en, "en", en, text, code, reading) is None


def test_a_magnitude_after_the_article_on_one_side_only_is_info():
    """*un milliard*, *um bilhão*: the article is also the numeral one, and English writes
    *a billion*, which is no figure: on one side only, it is shown, never a warning."""
    from concord.checks.numbers import _one_side_severity
    from concord.document import Severity

    for code, text in (("fr", "Le fonds recevra un milliard de dollars."),
                       ("pt", "O fundo receberá um bilhão de dólares.")):
        (fact,) = _facts(text, code)
        assert _one_side_severity(fact) is Severity.INFO
    (fact,) = _facts("Le fonds recevra deux milliards de dollars.", "fr")
    assert _one_side_severity(fact) is Severity.WARNING


def test_the_spaces_inside_french_guillemets_are_not_the_quote():
    from concord.facts.quotes import extract_quotes

    text = "Le maire a déclaré\u00a0: «\u202fNous rouvrirons le pont avant l’hiver\u202f», selon la radio."
    (quote,) = extract_quotes(text, "fr")
    assert text[quote.start:quote.end] == quote.surface == "Nous rouvrirons le pont avant l’hiver"


def test_french_and_portuguese_words_reach_english_keys_through_spanish():
    """The lexicon reads French and Portuguese through the pairs that take them to Spanish
    (their route to English): a word's keys are those of the Spanish lemmas it translates
    to, so *enfants* and *crianças* meet *children* even where the machine translation
    picked a gender (*niñas*)."""
    import pytest

    from concord import lexicon

    lex = lexicon.get_lexicon()
    routed = {code for code, _, _ in lexicon._routed()}
    if lex is None or not {"fr", "pt"} <= routed:
        pytest.skip("Apertium's fr-es and es-pt pairs are not installed")
    for word, code in (("enfants", "fr"), ("crianças", "pt")):
        assert lex.keys(word, code) & lex.keys("children", "en")
    assert "lose" in lex.keys("perdeu", "pt")
    # function words carry no evidence; an unknown form is None
    assert lex.keys("les", "fr") == frozenset() and lex.keys("os", "pt") == frozenset()
    assert lex.keys("xqzvw", "fr") is None


def test_a_time_of_day_written_with_an_h_or_a_colon_holds_the_other_versions_figure():
    """*06h30* and *6:30* are times no profile reads as numbers; the *6.30* and *10* of
    another version's *6.30-10am* are that time, not a figure it lacks."""
    from concord.checks.numbers import _DocNumbers
    from concord.document import Document
    from concord.facts.table import document_facts
    from concord.pipeline import segment_document

    def side(text: str, code: str):
        doc = segment_document(Document(id=f"x.{code}.txt", path=f"x.{code}.txt", text=text, language=code))
        with lang.comparing((code, "en")):
            return _DocNumbers(document_facts(doc))

    en = _facts("The market opens at dawn (6.30-10am) every day.", "en")
    for code, text in (("fr", "Le marché ouvre (entre 06h30 et 10h00) chaque jour."),
                       ("pt", "O mercado abre (6:30 - 10:00) todos os dias.")):
        index = side(text, code)
        assert [f.surface for f in en if index.holds(f)] == ["6.30", "10"]
    # a figure that is no time written there is still missing
    (other,) = _facts("The market has 7 stalls.", "en")
    assert not side("Le marché ouvre à 06h30.", "fr").holds(other)
