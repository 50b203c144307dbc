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


# --- the number and date checks on whole sentence pairs -------------------------------


def _check(tmp_path, es, en, checks=("number", "date")):
    """The warnings and errors of ``checks`` on a one-sentence pair, as (check, es, en)."""
    from concord.config import Settings
    from concord.pipeline import compare_files

    a, b = tmp_path / "story.es.txt", tmp_path / "story.en.txt"
    a.write_text(es + "\n", encoding="utf-8")
    b.write_text(en + "\n", encoding="utf-8")
    result = compare_files([a, b], Settings(translator="none", checks=list(checks), source="es"))
    return [(f["check"], (f.get("a") or {}).get("text"), (f.get("b") or {}).get("text"))
            for f in result.findings() if f["severity"] != "info"]


def test_a_changed_year_is_a_number_and_a_changed_day_a_date(tmp_path):
    # a year alone, or the year of a full date: a figure
    assert _check(tmp_path, "El museo abrió en 1987 con tres salas.",
                  "The museum opened in 1989 with three rooms.") == [("number", "1987", "1989")]
    found = _check(tmp_path, "La sonda despegó el 4 de marzo de 1971.",
                   "The probe took off on March 4, 1973.")
    assert [c for c, _, _ in found] == ["number"]
    # the day, the month or the weekday: another day of the calendar
    found = _check(tmp_path, "La sonda despegó el 4 de marzo de 1971.",
                   "The probe took off on March 9, 1971.")
    assert [c for c, _, _ in found] == ["date"]
    found = _check(tmp_path, "La sonda despegó el 4 de marzo de 1971.",
                   "The probe took off on April 4, 1971.")
    assert [c for c, _, _ in found] == ["date"]
    assert _check(tmp_path, "La sonda despegó el 4 de marzo de 1971.",
                  "The probe took off on March 4, 1971.") == []


def test_units_a_translator_converts(tmp_path):
    # pounds and kilos, written in the singular of a compound adjective
    assert _check(tmp_path, "Un oso de casi 180 kilos entró en la cabaña.",
                  "A 400-pound bear walked into the cabin.") == []
    assert _check(tmp_path, "Un oso de casi 120 kilos entró en la cabaña.",
                  "A 400-pound bear walked into the cabin.") != []
    # feet and inches, written attached, against metres
    height = _one("the center stands 7ft 1in tall", "en")
    assert (height.value, height.unit) == (85, "in")
    assert same_number(height, _one("el pívot mide 2,16 metros", "es"))
    assert not same_number(height, _one("el pívot mide 2,06 metros", "es"))
    assert _one("a 10km race", "en").unit == "km"


def test_degrees_without_a_scale_may_be_fahrenheit_against_celsius(tmp_path):
    assert _check(tmp_path, "En Phoenix hacía 41 grados a la sombra.",
                  "In Phoenix it was 106 degrees in the shade.") == []
    assert _check(tmp_path, "En Phoenix hacía 31 grados a la sombra.",
                  "In Phoenix it was 106 degrees in the shade.") != []
    f, c = _one("it was 50 degrees", "en"), _one("hacía 10 grados", "es")
    assert same_number(f, c) and same_number(c, f)
    # against an explicit scale, either reading
    assert same_number(f, _one("hacía 10 °C", "es"))
    assert same_number(f, _one("it was 50 °F", "en"))
    assert not same_number(f, _one("hacía 20 °C", "es"))


def test_magnitudes_and_money_move_their_scale_word():
    assert same_number(_one("a £14m deal", "en"), _one("un acuerdo de 14 millones de libras", "es"))
    assert same_number(_one("a €4.7bn loss", "en"), _one("pérdidas de 4.700 millones de euros", "es"))
    assert same_number(_one("$700bn in debt", "en"), _one("700.000 millones de dólares de deuda", "es"))
    assert same_number(_one("4.7 billion", "en"), _one("4700 millones", "es"))
    # a billón is a million million: a translator's real error
    assert not same_number(_one("£4.7bn", "en"), _one("4700 billones", "es"))


def test_por_ciento_after_number_words_is_one_percentage():
    assert [(f.value, f.unit) for f in extract_numbers("subió un dos por ciento", "es")] == [(2, "percent")]
    assert [(f.value, f.unit) for f in extract_numbers("solo el uno por ciento votó", "es")] == [(1, "percent")]
    rng = extract_numbers("impuestos del tres al siete por ciento", "es")
    assert [(f.value, f.unit) for f in rng] == [(3, "percent"), (7, "percent")]
    en = extract_numbers("taxes of three to seven per cent", "en")
    assert all(same_number(x, y) for x, y in zip(rng, en))


def test_one_sided_hundred_percent_is_a_whole_said_in_words(tmp_path):
    assert _check(tmp_path, "La alcaldesa está totalmente segura de que el puente resistirá.",
                  "The mayor is 100 percent sure the bridge will hold.") == []
    assert _check(tmp_path, "El entrenador está cien por cien convencido de su plan.",
                  "The coach is fully convinced of his plan.") == []
    # a changed percentage is still a change
    assert _check(tmp_path, "La alcaldesa ganó con el 60 % de los votos.",
                  "The mayor won 100 percent of the vote.") != []


def test_number_forms_no_ordinals_and_spaced_thousands(tmp_path):
    assert [f.value for f in extract_numbers("the team is ranked No.3 in Europe", "en")] == [3]
    assert _check(tmp_path, "El equipo es el número 3 de Europa.",
                  "The team is ranked No.3 in Europe.") == []
    assert _check(tmp_path, "La tenista volvió a ser la número uno del mundo.",
                  "The player became world No. 1 again.") == []
    assert extract_numbers("one of them called once", "en") == []
    floor = _one("vivía en la 7.ª planta", "es")
    assert (floor.value, floor.ordinal) == (7, True)
    assert _check(tmp_path, "Vivía en la 7.ª planta del edificio.",
                  "She lived in the seventh-floor flat of the building.") == []
    for space in ("\u2009", "\u202f", "\u00a0", " "):
        assert _one(f"llegaron 45{space}000 personas", "es").value == 45000


def test_the_article_before_a_number_word_is_not_one():
    assert [f.value for f in extract_numbers("compró una docena de huevos", "es")] == [12]
    assert [f.value for f in extract_numbers("one hundred and five", "en")] == [105]
    assert [f.value for f in extract_numbers("un millón de votos", "es")] == [1e6]


def test_a_converted_figure_rounded_to_two_significant_figures():
    assert same_quantity(6.5, "mi", "6.5", 10, "km", "10")  # 10.46 km
    assert same_quantity(10, "km", "10", 6.5, "mi", "6.5")  # either side may be the source
    assert same_quantity(550, "lb", "550", 250, "kg", "250")  # 249.5 kg
    assert not same_quantity(100, "mi", "100", 170, "km", "170")  # 160.9 km: changed


def test_a_spanish_ordinal_day_with_its_point_is_a_date():
    from concord.facts.dates import extract_dates

    assert [f.value for f in extract_dates("abrió el 1.º de octubre de 2024", "es")] == [(2024, 10, 1)]


def test_a_bare_year_against_a_year_date_is_a_changed_year(tmp_path):
    # the Spanish writes the year after the figure with no preposition (a number), the
    # English as "in 2016" (a year-only date): a changed year all the same
    assert _check(tmp_path, "La fundación repartió 40 becas durante el curso 2014 entre alumnos de Lugo.",
                  "The foundation gave 40 grants in 2016 to students from Lugo.") == [
        ("number", "2014", "2016")]
    # the same year: nothing
    assert _check(tmp_path, "La fundación repartió 40 becas durante el curso 2014 entre alumnos de Lugo.",
                  "The foundation gave 40 grants in 2014 to students from Lugo.") == []
    # a year that is a quantity with a unit is not a year
    assert [c for c, _, _ in _check(tmp_path, "El barco cargó 2014 toneladas de trigo.",
                                    "The ship loaded 2016 tonnes of wheat in 2016.")] != []


def test_a_conjunction_between_two_units_is_two_numbers():
    # a compound numeral joins a round number to a smaller one; "two and three" are two
    assert [(f.surface, f.value) for f in extract_numbers("Hay rutas de dos y tres vías.", "es")] == \
        [("dos", 2.0), ("tres", 3.0)]
    assert [(f.surface, f.value) for f in extract_numbers("Há pontes de duas e três vias.", "pt")] == \
        [("duas", 2.0), ("três", 3.0)]
    assert [f.value for f in extract_numbers("Llegaron treinta y dos barcos.", "es")] == [32.0]
    assert [f.value for f in extract_numbers("Chegaram cento e dois barcos.", "pt")] == [102.0]
    assert [f.value for f in extract_numbers("Il reste trente et un jours.", "fr")] == [31.0]
    assert [f.value for f in extract_numbers("It took one hundred and five days.", "en")] == [105.0]

