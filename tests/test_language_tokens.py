"""The token reading language detection shares (one code per token): evidence, the context
rules (name particles, March/May before a number) and the letter count."""

from concord import detect as language


def _evidence(text):
    toks = language.tokenize(text)
    return [(w, toks.evidence(i)) for i, w in enumerate(toks.texts)]


def test_particles_inside_a_name_carry_no_evidence():
    ev = dict(_evidence("Vive en Santa Cruz de la Sierra"))
    assert ev["de"] is None and ev["la"] is None
    assert ev["en"] == "es"
    # four particles in a row, or one before a lower-case word: Spanish evidence kept
    assert [e for w, e in _evidence("Cruz de la de la Sierra") if w in ("de", "la")] == ["es"] * 4
    assert dict(_evidence("Habló Ana de su viaje"))["de"] == "es"


def test_march_is_english_evidence_only_before_a_number():
    assert _evidence("March 4") == [("March", "en"), ("4", None)]
    assert _evidence("March on") == [("March", None), ("on", "en")]


def test_scores_and_counts():
    info = language.analyse("El lunes, x² dijo que sí")
    # el, lunes (twice), dijo, que, sí
    assert info.lex == {"es": 1.0 + 2.0 + 1.0 + 1.0 + 1.0, "en": 0.0, "fr": 0.0, "pt": 0.0}
    assert info.letters == len("Ellunesxdijoquesí")
    assert info.words == 6
    assert info.evidence_tokens == {"es": 5, "en": 0, "fr": 0, "pt": 0}
    assert not info.names_only
    assert language.analyse("Los Angeles Times").names_only


def test_span_runs_need_two_tokens_of_the_other_language():
    assert language._span_runs("Published by Ana Ruiz 20 de enero, 2026", "en", "es") == [(22, 39)]
    assert language._span_runs("Published by Ana Ruiz on enero", "en", "es") == []
