"""Which passages the detectors read as another language are reported: a passage left
untranslated, not a name, a title, a cited term or a run of function words."""

from concord.checks.language import slip
from concord.document import Span


def _slip(sentence: str, passage: str) -> bool:
    start = sentence.index(passage)
    return slip(Span(start, start + len(passage), passage, "en"), sentence, 0)


def test_an_untranslated_clause_is_a_slip():
    s = "El alcalde dijo que the bridge will open next week antes de irse."
    assert _slip(s, "the bridge will open next week")


def test_function_words_alone_are_no_evidence():
    s = "Los vecinos se reunieron en el centro comercial Riverside on the Park el martes."
    assert not _slip(s, "on the")


def test_a_title_cased_span_is_a_name_or_a_title():
    assert not _slip("La cadena estrenó anoche The House of the Lost Keys, una serie.", "The House of the Lost Keys")
    assert not _slip("Según declaró el director a The Sunday Herald, cerrará.", "The Sunday")


def test_a_short_term_cited_in_quotation_marks_is_a_loanword():
    assert not _slip('El alcalde calificó la denuncia de "fake news" ante la prensa.', "fake news")
    assert not _slip("La fábrica sigue el modelo «just in time» de Japón.", "just in time")
    # a quotation left in the other language is reported
    s = 'El alcalde respondió: "we will not close the bridge" ante la prensa.'
    assert _slip(s, "we will not close the bridge")
    # the same words without quotation marks are a passage, not a cited term
    assert _slip("El alcalde calificó la denuncia de fake news ante la prensa.", "fake news")
