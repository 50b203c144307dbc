"""Numbers: quantities across units, decades, ordinals, number words in their own language,
and the number check on aligned sentences (years of dates, shared magnitudes)."""

from concord.facts.numbers import extract_numbers, same_number
from concord.facts.quantities import convert, same_quantity


def _one(text, lang):
    found = extract_numbers(text, lang)
    assert len(found) == 1, [f.surface for f in found]
    return found[0]


def test_converted_units_are_the_same_quantity():
    km = _one("the road runs 320 km north", "en")
    mi = _one("la carretera recorre 200 millas", "es")
    assert (km.unit, mi.unit) == ("km", "mi")
    assert same_number(km, mi)  # 320 km = 198.8 mi, written as 200
    changed = _one("la carretera recorre 240 millas", "es")
    assert not same_number(km, changed)


def test_temperature_celsius_and_fahrenheit():
    c = _one("alcanzó 35 grados", "es")
    f = _one("it reached 95 degrees Fahrenheit", "en")
    assert f.unit == "degF" and c.unit == "deg"
    assert same_number(c, f)
    assert not same_number(_one("alcanzó 38 grados", "es"), f)
    assert round(convert(100, "degC", "degF")) == 212


def test_rounding_tolerance_is_the_coarser_side():
    assert same_quantity(50, "km", "50", 31, "mi", "31")
    assert not same_quantity(50, "km", "50", 40, "mi", "40")
    assert same_quantity(1.5, "kg", "1,5", 3.3, "lb", "3.3")


def test_decades_in_both_languages():
    es = extract_numbers("creció en los años 70 y a mediados de los 80, y en los años cincuenta", "es")
    en = extract_numbers("it grew in the 1970s and in the mid-'80s, and in the Fifties", "en")
    assert [(f.value, f.unit) for f in es] == [(70, "decade"), (80, "decade"), (50, "decade")]
    assert [(f.value, f.unit) for f in en] == [(1970, "decade"), (80, "decade"), (50, "decade")]
    assert all(same_number(x, y) for x, y in zip(es, en))
    assert not same_number(es[0], en[1])
    # "los 80" followed by a noun is a count, not a decade
    assert extract_numbers("llegaron los 80 soldados", "es")[0].unit is None


def test_number_words_only_in_their_own_language():
    assert extract_numbers("I once saw it, once more", "en") == []
    assert _one("son once jugadores", "es").value == 11
    assert _one("a three-week-old calf", "en").value == 3
    assert extract_numbers("one of them came once", "en") == []
    pct = _one("roughly one percent of the land", "en")
    assert (pct.value, pct.unit, pct.approx) == (1, "percent", True)


def test_ordinals_centuries_and_times():
    en = extract_numbers("in the 17th century, at 10.30, and in grade 4", "en")
    es = extract_numbers("en el siglo XVII, y en 4º curso", "es")
    assert [(f.value, f.ordinal) for f in en] == [(17, True), (4, False)]
    assert [(f.value, f.ordinal) for f in es] == [(17, True), (4, True)]


def test_magnitudes_attached_and_shared_in_a_range():
    assert _one("a loss of £3.2bn", "en").value == 3.2e9
    es = extract_numbers("entre 4 y 9 millones de personas", "es")
    en = extract_numbers("between 4 million and 9 million people", "en")
    assert same_number(es[0], en[0]) and same_number(es[1], en[1])
    es = extract_numbers("dos millones y seis millones", "es")
    assert [f.value for f in es] == [2e6, 6e6]
