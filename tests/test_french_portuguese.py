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
