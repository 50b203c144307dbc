"""Numbers: digits and spelled-out numbers in Spanish and English.

Handles locale separators by the language of the text (``1.500`` es = 1500, ``1,5`` es =
1.5, ``1,500`` en = 1500; a separator before exactly three digits is a thousands separator
in both, which also reads Mexican ``1,500`` and ``6.8`` right), percentages (``50%``,
``50 %``, ``50 por ciento``, ``50 percent``), money (``US$5 millones`` = ``$5 million``),
magnitudes (``millones``/``million``, ``mil millones`` = ``billion``), units (``320
toneladas`` = ``320 tons``), ordinals (``tercera`` = ``third`` = 3) and spelled-out
cardinals via text2num (``veintinueve`` = 29). Times of day (``4:12``) are not numbers.
"""

from __future__ import annotations

import re

from .base import Fact, fold

_MAGNITUDES = {
    "mil millones": 1e9, "millardos": 1e9, "millardo": 1e9, "billones": 1e12, "billón": 1e12,
    "millones": 1e6, "millón": 1e6, "million": 1e6, "millions": 1e6, "billion": 1e9,
    "billions": 1e9, "trillion": 1e12, "thousand": 1e3, "mil": 1e3, "bn": 1e9, "m": 1e6,
}
_UNITS = {
    "%": "percent", "por ciento": "percent", "percent": "percent", "per cent": "percent",
    "porciento": "percent", "puntos porcentuales": "pp", "percentage points": "pp",
    "puntos básicos": "bp", "basis points": "bp",
    "toneladas": "t", "tonelada": "t", "tons": "t", "ton": "t", "tonnes": "t", "tonne": "t",
    "kilómetros cuadrados": "km2", "square kilometres": "km2", "square kilometers": "km2",
    "km²": "km2", "km2": "km2", "millas cuadradas": "mi2", "square miles": "mi2",
    "kilómetros por hora": "kmh", "kilometres per hour": "kmh", "kilometers per hour": "kmh",
    "km/h": "kmh", "millas por hora": "mph", "miles per hour": "mph", "mph": "mph",
    "kilómetros": "km", "kilometros": "km", "kilómetro": "km", "kilometers": "km",
    "kilometres": "km", "kilometer": "km", "kilometre": "km", "km": "km", "millas": "mi",
    "milla": "mi", "miles": "mi", "mile": "mi",
    "metros": "m", "metro": "m", "meters": "m", "metres": "m", "meter": "m", "metre": "m",
    "centímetros": "cm", "centimetres": "cm", "centimeters": "cm", "cm": "cm",
    "milímetros": "mm", "millimetres": "mm", "millimeters": "mm", "mm": "mm",
    "pies": "ft", "feet": "ft", "foot": "ft", "ft": "ft", "pulgadas": "in", "inches": "in",
    "yardas": "yd", "yards": "yd", "pounds": "lb", "lbs": "lb", "onzas": "oz", "ounces": "oz",
    "galones": "gal", "gallons": "gal", "acres": "acre",
    "litros": "l", "liters": "l", "litres": "l",
    "kilos": "kg", "kilogramos": "kg", "kilograms": "kg", "kg": "kg", "gramos": "g",
    "grams": "g", "hectáreas": "ha", "hectares": "ha",
    "grados celsius": "degC", "grados centígrados": "degC", "grados c": "degC",
    "degrees celsius": "degC", "degrees centigrade": "degC", "degrees c": "degC",
    "grados fahrenheit": "degF", "degrees fahrenheit": "degF", "degrees f": "degF",
    "°c": "degC", "ºc": "degC", "°f": "degF", "ºf": "degF", "° c": "degC", "° f": "degF",
    "grados": "deg", "degrees": "deg", "°": "deg",
    "horas": "h", "hours": "h", "minutos": "min", "minutes": "min", "años": "year",
    "years": "year", "días": "day", "days": "day", "pesos": "peso", "dólares": "usd",
    "dollars": "usd", "euros": "eur", "libras esterlinas": "gbp",
}
_CURRENCY_PREFIX = {"us$": "usd", "usd": "usd", "$": "usd", "€": "eur", "eur": "eur",
                    "£": "gbp", "mx$": "mxn"}

_UNIT_ALT = "|".join(sorted((re.escape(u) for u in _UNITS if u[0].isalpha()), key=len, reverse=True))
_MAG_ALT = "|".join(sorted((re.escape(m) for m in _MAGNITUDES), key=len, reverse=True))
_CUR_ALT = r"US\$|USD|MX\$|\$|€|£|EUR"

_DIGITS = re.compile(
    rf"(?P<cur>(?:{_CUR_ALT})\s?)?"
    r"(?P<num>(?<![\w.,:/])(?<![^\W\d_]-)(?:\d{1,3}(?:[.,\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?))"
    r"(?![\d:/])"
    # ordinal suffixes: English 16th, Spanish 4º, 1ª, 1er, 1ero (not the degree sign)
    r"(?:(?P<ord>st|nd|rd|th|º(?![CF]\b)|ª|ero|era|er)\b)?"
    # a magnitude: "5 millones", "$221bn" (an abbreviation may be written attached)
    rf"(?(ord)|(?P<mag>\s?(?:bn|m)\b|\s(?:{_MAG_ALT})\b)?"
    # after a magnitude, Spanish puts "de" before the unit: "5 millones de dólares"
    rf"(?P<unit>\s?%|\s?[°º]\s?[CF]\b|\s?°|\s(?(mag)(?:de\s)?)(?:{_UNIT_ALT})\b)?)",
    re.I,
)
# a time of day written with a dot ("at 23.45", "a las 10.30"): not a quantity
_TIME_BEFORE = re.compile(r"(?:\bat|\ba\s+las?|\bby|\buntil|\bhasta\s+las?)\s+$", re.I)
# words that make the number that follows approximate (closed classes of degree adverbs
# and quantifying prepositions in both grammars)
_APPROX_BEFORE = re.compile(
    r"(?:\b(?:about|around|some|roughly|nearly|almost|approximately|approx\.|over|under|"
    r"more\s+than|less\s+than|fewer\s+than|up\s+to|unos|unas|cerca\s+de|alrededor\s+de|"
    r"aproximadamente|casi|más\s+de|menos\s+de|en\s+torno\s+a(?:l)?|hasta))\s+$", re.I)

_EN_CARD = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
_ES_CARD = {
    "cero": 0, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
    "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
    "veinte": 20, "veintiuno": 21, "veintidós": 22, "veintitrés": 23, "veinticuatro": 24,
    "veinticinco": 25, "veintiséis": 26, "veintisiete": 27, "veintiocho": 28,
    "veintinueve": 29, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
    "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100,
    "doscientos": 200, "doscientas": 200, "trescientos": 300, "trescientas": 300,
    "cuatrocientos": 400, "quinientos": 500, "quinientas": 500, "seiscientos": 600,
    "setecientos": 700, "ochocientos": 800, "novecientos": 900, "docena": 12,
}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3,
    "tercero": 3, "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5,
    "sexto": 6, "sexta": 6, "séptimo": 7, "séptima": 7, "octavo": 8, "octava": 8,
    "noveno": 9, "novena": 9, "décimo": 10, "décima": 10,
}
_ORDINAL_LANG = {w: ("en" if i < 10 else "es") for i, w in enumerate(_ORDINALS)}
# Words that join spelled-out numbers: "twenty-one", "treinta y dos", "one hundred and five".
_JOINERS = {"y", "and", "-"}
_SCALE_WORDS = {"mil": 1e3, "thousand": 1e3, "millón": 1e6, "millones": 1e6, "million": 1e6,
                "billion": 1e9}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.U)


def parse_digits(num: str, language: str | None) -> float | None:
    """Parse a digit string with the separators of ``language``.

    A separator followed by groups of exactly three digits is a thousands separator
    (``1.500`` es, ``1,500`` en, Mexican ``1,500``), except a lone ``.ddd`` in English,
    which is a decimal; any other separator is the decimal mark (``1,5`` es, ``6.8``).
    """
    s = num.replace("\u00a0", " ")
    if " " in s:
        if not re.fullmatch(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?", s):
            return None
        s = s.replace(" ", "")
    m = re.fullmatch(r"(\d{1,3})((?:[.,]\d{3})+)([.,]\d+)?", s)
    if m:
        seps = set(re.findall(r"[.,]", m.group(2)))
        tail = m.group(3)
        if len(seps) == 1:
            sep = seps.pop()
            if tail and tail[0] == sep:
                return None
            if not tail and len(m.group(2)) == 4 and language == "en" and sep == ".":
                return float(s)
            whole = m.group(1) + re.sub(r"[.,]", "", m.group(2))
            return float(whole + ("." + tail[1:] if tail else ""))
        return None
    m = re.fullmatch(r"(\d+)(?:[.,](\d+))?", s)
    if not m:
        return None
    return float(f"{m.group(1)}.{m.group(2)}" if m.group(2) else m.group(1))


def _unit_of(raw: str | None) -> str | None:
    if not raw:
        return None
    key = re.sub(r"^de\s+", "", raw.strip().lower())
    return _UNITS.get(key, key)


def _cards(language: str | None) -> dict:
    """Number words of the text's language only: English ``once`` is not Spanish
    ``once`` (11); text of unknown language reads both."""
    if language == "en":
        return _EN_CARD
    if language == "es":
        return _ES_CARD
    return {**_ES_CARD, **_EN_CARD}


# "one" / "un(o|a)" are numbers only before a magnitude, unit or number word ("one
# million", "un 1 %", "one hundred"), never as a pronoun or article ("one of", "una vez").
_WEAK_ONE = {"en": {"one"}, "es": {"un", "uno", "una"}}
# multiplicative adverbs: "twice" / "dos veces"
_EN_TIMES = {"twice": 2, "thrice": 3}


def _spelled_runs(text: str, language: str | None):
    """Runs of number words of ``language``: yield (start, end, value, is_ordinal).
    A compound whose first part is a number (``two-year-old``, ``five-member``) gives
    that part."""
    cards = _cards(language)
    weak = _WEAK_ONE.get(language, _WEAK_ONE["en"] | _WEAK_ONE["es"])
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]

    def is_num(w: str) -> bool:
        ps = w.split("-")
        return all(p in cards or (k > 0 and p in weak) for k, p in enumerate(ps))

    i = 0
    while i < len(words):
        a, b, w = words[i]
        low = w.lower()
        if low in _ORDINALS and (language is None or _ORDINAL_LANG[low] == language):
            yield a, b, float(_ORDINALS[low]), True
            i += 1
            continue
        if language == "en" and low in _EN_TIMES:
            yield a, b, float(_EN_TIMES[low]), False
            i += 1
            continue
        if not is_num(low):
            parts = low.split("-")
            lead = 0
            while lead < len(parts) and (parts[lead] in cards or (lead > 0 and parts[lead] in weak)):
                lead += 1
            if lead:  # "two-year-old", "seven-continent"
                end = a + len("-".join(w.split("-")[:lead]))
                value = _words_value(text[a:end], language)
                if value is not None:
                    yield a, end, value, False
                i += 1
                continue
            nxt = words[i + 1][2].lower() if i + 1 < len(words) else ""
            adjacent = i + 1 < len(words) and text[b:words[i + 1][0]].strip() == ""
            if low in weak and adjacent and (nxt in _SCALE_WORDS or nxt in cards):
                pass  # "one hundred", "un millón": a run
            elif low in weak and (adjacent and nxt in _MAGNITUDES
                                  or re.match(rf"\s(?:{_UNIT_ALT})\b|\s?%", text[b:], re.I)):
                yield a, b, 1.0, False  # "one percent", "un 1 %"
                i += 1
                continue
            else:
                i += 1
                continue
        # extend the run over number words, joiners and scale words
        j = i
        end = b
        k = i + 1
        while k < len(words):
            ka, kb, kw = words[k]
            kl = kw.lower()
            between = text[words[k - 1][1]:ka]
            if between.strip() not in ("", "-"):
                break
            if kl in _JOINERS and k + 1 < len(words) and (
                    is_num(words[k + 1][2].lower()) or words[k + 1][2].lower() in weak):
                if words[k - 1][2].lower() in _SCALE_WORDS and _scale_follows(words, k + 1, cards, weak):
                    break  # "tres millones y cinco millones": two numbers
                k += 1
                continue
            if kl in _SCALE_WORDS or is_num(kl) or (kl in weak and words[k - 1][2].lower() in _JOINERS):
                j = k
                end = kb
                k += 1
                continue
            break
        phrase = text[a:end]
        value = _words_value(phrase, language)
        if value is not None:
            yield a, end, value, False
        i = j + 1


def _scale_follows(words, k: int, cards: dict, weak: set) -> bool:
    """A scale word (million, mil) comes among the number words from ``k`` on."""
    while k < len(words):
        w = words[k][2].lower()
        if w in _SCALE_WORDS:
            return True
        if not (w in cards or w in weak or w in _JOINERS):
            return False
        k += 1
    return False


def _words_value(phrase: str, language: str | None) -> float | None:
    from text_to_num import text2num

    words = phrase.lower().replace("-", " ").split()
    langs = [language] if language in ("es", "en") else ["en", "es"]
    for lang in langs:
        try:
            return float(text2num(" ".join(words), lang))
        except (ValueError, TypeError, AssertionError):
            continue
    # simple fallback: sum of parts, with scale words multiplying
    cards = _cards(language)
    total, current = 0.0, 0.0
    for w in words:
        if w in _JOINERS:
            continue
        if w in _SCALE_WORDS:
            current = (current or 1) * _SCALE_WORDS[w]
            total += current
            current = 0
        elif w in cards:
            current += cards[w]
        elif w in ("one", "un", "uno", "una"):
            current += 1
        else:
            return None
    return total + current


# Decades. English: "the 1960s", "the '60s", "mid-1980s", "the Sixties" (the tens
# cardinals + -ies); Spanish: "los años 60", "los años de 1960", "la década de los 60",
# "los años sesenta", and "los 80" where nothing noun-like follows.
_EN_TENS = {k: v for k, v in _EN_CARD.items() if v in range(20, 100, 10)}
_ES_TENS = {k: v for k, v in _ES_CARD.items() if v in range(20, 100, 10)}
_EN_DECADE_WORDS = {k[:-1] + "ies": v for k, v in _EN_TENS.items()}
_EN_DECADE = re.compile(
    r"(?<![\w'’])['’]?(?P<y>(?:1[0-9]|20)?[0-9]0)['’]?s\b"
    r"|\b(?P<w>" + "|".join(_EN_DECADE_WORDS) + r")\b", re.I)
_ES_DECADE = re.compile(
    r"\b(?:(?:los\s+)?años\s+(?:de\s+)?|(?:la\s+)?década\s+de(?:\s+los)?\s+|(?:de|en|a)\s+los\s+)"
    r"(?:(?P<y>(?:1[0-9]|20)?[0-9]0)\b(?!\s*%|[.,]\d)|(?P<w>" + "|".join(_ES_TENS) + r")\b)", re.I)
# after a bare "los 80" a noun would make it a count ("los 80 soldados")
_ES_BARE_OK = re.compile(r"\s*(?:[,.;:)\]»”\"]|$|(?:y|e|o|del|de|en|cuando|que|con|hasta|a)\b)", re.I)


def extract_decades(text: str, language: str | None = None) -> list[Fact]:
    """Decades as numbers with unit ``decade``: the value is the decade's first year, or
    its two digits when the text gives only those (``los 60`` -> 60, ``the 1960s`` ->
    1960); :func:`same_number` treats 60 and 1960 as the same decade."""
    out = []
    pats = [(_EN_DECADE, _EN_DECADE_WORDS)] if language == "en" else \
        [(_ES_DECADE, _ES_TENS)] if language == "es" else \
        [(_EN_DECADE, _EN_DECADE_WORDS), (_ES_DECADE, _ES_TENS)]
    for pat, words in pats:
        for m in pat.finditer(text):
            if m.group("y"):
                value = float(m.group("y"))
                if pat is _ES_DECADE and not re.search(r"años|década", m.group(0), re.I) \
                        and not _ES_BARE_OK.match(text, m.end()):
                    continue
            else:
                w = m.group("w").lower()
                if pat is _EN_DECADE and m.group("w")[0].islower() and not re.search(
                        r"\b(?:the|early|mid|late)[\s-]+$", text[:m.start()], re.I):
                    continue
                value = float(words[w])
            out.append(Fact("number", value, m.start(), m.end(), text[m.start():m.end()], "decade",
                            decade=True))
    return out


# Roman numerals of centuries: "siglo XVI", "siglos XV y XVI", "XVI century".
_ROMAN = re.compile(r"\b(?:siglos?\s+(?P<r>[IVXL]+)\b(?:\s+(?:y|al?|e)\s+(?P<r2>[IVXL]+)\b)?"
                    r"|(?P<r3>[IVXL]+)\s+(?:century|centuries)\b)")


def roman_value(r: str) -> int | None:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, ch in enumerate(r):
        v = vals[ch]
        total += -v if i + 1 < len(r) and vals[r[i + 1]] > v else v
    return total if 0 < total < 40 else None


def extract_numbers(text: str, language: str | None = None) -> list[Fact]:
    """Every number in ``text`` with its value, unit and offsets.

    The fact says ``ordinal`` (16th, tercera, siglo XVI), ``decade`` (los años 60),
    ``approx`` (about / unos / cerca de before it), ``alt`` (another reading of the value:
    the ``3`` of "between 3 and 10 million" also reads 3 million) and ``scaled`` (a
    magnitude word multiplied it)."""
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for d in extract_decades(text, language):
        facts.append(d)
        taken.append((d.start, d.end))
    for m in _ROMAN.finditer(text):
        for g in ("r", "r2", "r3"):
            if m.group(g) and (v := roman_value(m.group(g))):
                facts.append(Fact("number", float(v), m.start(g), m.end(g), m.group(g), None,
                                  ordinal=True, century=True))
                taken.append((m.start(g), m.end(g)))
    for m in _DIGITS.finditer(text):
        num = m.group("num")
        if any(ta <= m.start("num") < tb for ta, tb in taken):
            continue
        value = parse_digits(num, language)
        if value is None:
            continue
        if re.fullmatch(r"\d{1,2}[.:][0-5]\d", num) and (
                _TIME_BEFORE.search(text[:m.start("num")])
                or re.match(r"\s*(?:[ap]\.?\s?m\.?|h\b|hrs?\b|horas\b)", text[m.end():], re.I)):
            continue  # a time of day
        fields: dict = {}
        if m.group("ord"):
            fields["ordinal"] = True
        mag = m.group("mag")
        if mag:
            mkey = mag.strip().lower()
            if mkey == "m" and not m.group("cur"):
                mag = None
            else:
                value *= _MAGNITUDES[mkey]
                fields["scaled"] = _MAGNITUDES[mkey]
        unit = _unit_of(m.group("unit"))
        cur = m.group("cur")
        if cur:
            unit = _CURRENCY_PREFIX.get(cur.strip().lower(), unit)
        start = m.start("cur") if cur else m.start("num")
        end = m.end() if (mag or m.group("unit") or m.group("ord")) else m.end("num")
        if _APPROX_BEFORE.search(text[:start]):
            fields["approx"] = True
        facts.append(Fact("number", value, start, end, text[start:end], unit, **fields))
        taken.append((start, end))
    for a, b, value, ordinal in _spelled_runs(text, language):
        if any(a < tb and ta < b for ta, tb in taken):
            continue
        end = b
        unit = None
        fields = {"ordinal": ordinal, "spelled": True}
        tail = re.match(rf"\s(?P<mag>{_MAG_ALT})\b", text[b:], re.I)
        scaled = text[a:b].split()[-1].lower() in _MAGNITUDES
        if tail and not ordinal and tail.group("mag").lower() != "m":
            value *= _MAGNITUDES[tail.group("mag").lower()]
            fields["scaled"] = _MAGNITUDES[tail.group("mag").lower()]
            end = b + tail.end()
            scaled = True
        de = r"(?:de\s)?" if scaled else ""
        tail = re.match(rf"(?:\s?%|\s{de}(?:{_UNIT_ALT})\b)", text[end:], re.I)
        if tail and not ordinal:
            unit = _unit_of(tail.group(0))
            end = end + tail.end()
        if _APPROX_BEFORE.search(text[:a]):
            fields["approx"] = True
        facts.append(Fact("number", value, a, end, text[a:end], unit, **fields))
    facts.sort(key=lambda f: (f.start, f.end))
    _share_magnitudes(facts, text)
    return facts


# "between 3 and 10 million", "entre 3 y más de 10 millones", "2 o 3 mil": the first
# number shares the magnitude written after the second.
_RANGE_GAP = re.compile(r"\s*(?:and|to|or|y|e|a|o|u|-|–)\s+(?:(?:more|less|fewer)\s+than\s+|(?:más|menos)\s+de\s+)?$",
                        re.I)


def _share_magnitudes(facts: list[Fact], text: str) -> None:
    for x, y in zip(facts, facts[1:]):
        if x.scaled is not None or y.scaled is None or x.ordinal:
            continue
        if _RANGE_GAP.match(text[x.end:y.start]) and x.value < y.value / y.scaled * 10:
            x.alt = x.value * y.scaled
            x.unit = x.unit or y.unit


def _values(f: Fact) -> list[float]:
    return [f.value] + ([f.alt] if f.alt is not None else [])


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a))


def same_number(x: Fact, y: Fact) -> bool:
    """Two numbers agree when their values agree (units may be dropped in translation).

    A decade given by two digits matches the same decade given in full (``los 60`` =
    ``the 1960s``); quantities in convertible units agree within the rounding tolerance of
    :mod:`concord.facts.quantities` (``160 km`` = ``100 miles``); a percentage never
    matches a plain count."""
    if x.decade or y.decade:
        a, b = x.value, y.value
        if x.decade and y.decade and (a < 100 or b < 100):
            return int(a) % 100 == int(b) % 100
        return _close(a, b)
    ux, uy = _temperature(x.unit, y.unit), _temperature(y.unit, x.unit)
    if ux and uy and ux != uy:
        from .quantities import convertible, same_quantity

        if convertible(ux, uy):
            return same_quantity(x.value, ux, x.surface, y.value, uy, y.surface,
                                 bool(x.approx or y.approx))
    if not any(_close(a, b) for a in _values(x) for b in _values(y)):
        return False
    if x.unit and y.unit and x.unit != y.unit and {x.unit, y.unit} & {"percent", "pp", "bp"}:
        return x.unit in ("percent", "pp") and y.unit in ("percent", "pp")
    return True


def _temperature(unit: str | None, other: str | None) -> str | None:
    """``degrees`` without a scale is Celsius next to an explicit Fahrenheit (the scale
    of every Spanish-speaking country) and the same as the other side otherwise."""
    if unit == "deg":
        return "degC" if other in ("degF", "degC") else None
    return unit


def number_key(f: Fact) -> str:
    v = f.value
    return (str(int(v)) if float(v).is_integer() else f"{v:g}") + (f" {f.unit}" if f.unit else "")


__all__ = ["extract_numbers", "extract_decades", "parse_digits", "same_number", "number_key", "fold"]
