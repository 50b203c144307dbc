"""The token reading language detection shares (one code per token): evidence, the context
rules (name particles, March/May before a number) and the letter count."""

from concord import detect as language

ES_EN = ("en", "es")


def _evidence(text, languages=ES_EN):
    toks = language.tokenize(text, languages)
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
    info = language.analyse("El lunes, x² dijo que sí", ES_EN)
    # el, lunes (twice), dijo, que, sí
    assert info.lex == {"es": 1.0 + 2.0 + 1.0 + 1.0 + 1.0, "en": 0.0, "fr": 0.0, "pt": 0.0}
    assert info.letters == len("Ellunesxdijoquesí")
    assert info.words == 6
    assert info.evidence_tokens == {"es": 5, "en": 0, "fr": 0, "pt": 0}
    assert not info.names_only
    assert language.analyse("Los Angeles Times").names_only
    # among the four profiles *que* is also French and Portuguese, and Portuguese writes
    # the *í* of *sí*: evidence of none
    assert language.analyse("El lunes, x² dijo que sí").lex["es"] == info.lex["es"] - 2.0


def test_span_runs_need_two_tokens_of_the_other_language():
    assert language._span_runs("Published by Ana Ruiz 20 de enero, 2026", "en", "es", ES_EN) == [(22, 39)]
    assert language._span_runs("Published by Ana Ruiz on enero", "en", "es", ES_EN) == []


def test_a_word_two_languages_read_write_is_evidence_of_neither():
    """What a word shows depends on the languages it is read among: *la*, *de*, *que* are
    Spanish evidence beside English, and evidence of nothing beside French; *région* has
    an acute accent Spanish, French and Portuguese all write, *deuxième* a grave accent
    only French writes, *ação* a tilde only Portuguese writes."""
    text = "la puissance de sa région que deuxième ação l'État"
    assert dict(_evidence(text)) == {"la": "es", "puissance": None, "de": "es", "sa": None,
                                     "région": "es", "que": "es", "deuxième": None, "ação": None,
                                     "l'État": None}
    ev = dict(_evidence(text, ("en", "es", "fr", "pt")))
    assert ev["la"] is ev["de"] is ev["que"] is ev["région"] is None
    assert ev["deuxième"] == ev["l'État"] == ev["sa"] == "fr"  # a grave accent, an elision
    assert ev["ação"] == "pt"
    assert dict(_evidence("fête", ("en", "es", "fr")))["fête"] == "fr"
    assert dict(_evidence("fête", ("en", "fr", "pt")))["fête"] is None  # ê: French and Portuguese
