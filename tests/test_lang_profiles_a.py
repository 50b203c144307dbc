"""Language profiles: the numbers, dates, segment and quotes topic modules.

Both profiles expose the same attribute names, and the extractors read their words from
the profile (sentences written for these tests).
"""

from __future__ import annotations

import types

import pytest

from concord import lang
from concord.facts.dates import extract_dates, weekday_key
from concord.facts.numbers import extract_numbers, parse_digits
from concord.facts.quotes import extract_quotes
from concord.segment import split_sentences

TOPICS = ("numbers", "dates", "segment", "quotes")


def _public(module: types.ModuleType) -> set[str]:
    return {name for name in dir(module)
            if not name.startswith("_") and name != "annotations"
            and not isinstance(getattr(module, name), types.ModuleType)}


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize("topic", TOPICS)
def test_profiles_expose_the_same_topic_attributes(topic):
    names = [_public(getattr(lang.get(code), topic)) for code in lang.LANGUAGES]
    assert names[0], topic
    assert all(n == names[0] for n in names), topic


def test_spanish_number_word_from_the_profile():
    assert lang.get("es").numbers.CARDINALS["veinte"] == 20
    facts = extract_numbers("Llegaron veinte camiones al puerto de Veracruz.", "es")
    assert [(f.value, f.spelled) for f in facts] == [(20.0, True)]


def test_english_magnitude_from_the_profile():
    assert lang.get("en").numbers.MAGNITUDES["billion"] == 1e9
    facts = extract_numbers("The new bridge will cost 3 billion dollars.", "en")
    assert [(f.value, f.unit) for f in facts] == [(3e9, "usd")]


def test_spanish_magnitude_linker_before_the_unit():
    facts = extract_numbers("La obra costará 4 millones de dólares.", "es")
    assert [(f.value, f.unit, f.surface) for f in facts] == [(4e6, "usd", "4 millones de dólares")]


def test_number_words_are_read_in_their_own_language_only():
    # English "once" is not Spanish "once" (11); "twice" is an English adverb
    assert extract_numbers("He once met the mayor.", "en") == []
    assert [f.value for f in extract_numbers("Ganaron once partidos.", "es")] == [11.0]
    assert [f.value for f in extract_numbers("She called twice.", "en")] == [2.0]


def test_decimal_point_of_the_profile():
    assert lang.get("en").numbers.DECIMAL_POINT and not lang.get("es").numbers.DECIMAL_POINT
    assert parse_digits("6.500", "en") == 6.5
    assert parse_digits("6.500", "es") == 6500.0


def test_decades_of_each_profile():
    es = extract_numbers("La banda triunfó en los años sesenta.", "es")
    en = extract_numbers("The band was famous in the Sixties.", "en")
    assert [(f.value, f.decade) for f in es] == [(60.0, True)]
    assert [(f.value, f.decade) for f in en] == [(60.0, True)]


def test_approximate_and_century_words():
    facts = extract_numbers("Cerca de 300 personas visitaron la iglesia del siglo XVI.", "es")
    assert [(f.value, bool(f.approx), bool(f.century)) for f in facts] == \
        [(300.0, True, False), (16.0, False, True)]


def test_spanish_abbreviation_is_not_a_sentence_end():
    assert "avda" in lang.get("es").segment.TITLES
    assert _sentences("La oficina está en la Avda. Juárez desde marzo. Abre a las nueve.") == [
        "La oficina está en la Avda. Juárez desde marzo.", "Abre a las nueve."]
    assert _sentences("La Lic. Gómez presentó el informe.") == ["La Lic. Gómez presentó el informe."]


def test_calendar_words_come_from_cldr():
    assert "jueves" in lang.get("es").segment.CALENDAR
    assert "november" in lang.get("en").segment.CALENDAR
    assert _sentences("Polls open at 7 a.m. Thursday in every county.") == [
        "Polls open at 7 a.m. Thursday in every county."]
    assert _sentences("Polls opened at 7 a.m. Voters queued for hours.") == [
        "Polls opened at 7 a.m.", "Voters queued for hours."]


def test_dates_from_the_profile_patterns():
    (es,) = extract_dates("El tratado se firmó el 3 de marzo de 2024 en Lima.", "es")
    (en,) = extract_dates("Talks resumed on Tuesday, March 5, 2024, in Geneva.", "en")
    assert es.value == (2024, 3, 3)
    assert en.value == (2024, 3, 5) and en.weekday_ok is True
    assert weekday_key(en) == "Tuesday"


def test_speaker_particles_from_the_profile():
    (q,) = extract_quotes("“Vamos a reconstruir el puente entero”, dijo Juan de Dios Pérez.", "es")
    assert q.speaker == "Juan de Dios Pérez"


def test_a_name_in_quotes_is_a_label():
    assert extract_quotes("Firmó con el “Banco de la Nación Argentina” ayer.", "es") == []
