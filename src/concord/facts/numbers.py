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
    "kilómetros": "km", "kilometros": "km", "kilómetro": "km", "kilometers": "km",
    "kilometres": "km", "kilometer": "km", "km": "km", "millas": "mi", "miles": "mi",
    "metros": "m", "meters": "m", "metres": "m", "litros": "l", "liters": "l", "litres": "l",
    "kilos": "kg", "kilogramos": "kg", "kilograms": "kg", "kg": "kg", "gramos": "g",
    "grams": "g", "hectáreas": "ha", "hectares": "ha", "grados": "deg", "degrees": "deg",
    "horas": "h", "hours": "h", "minutos": "min", "minutes": "min", "años": "year",
    "years": "year", "días": "day", "days": "day", "pesos": "peso", "dólares": "usd",
    "dollars": "usd", "euros": "eur",
}
_CURRENCY_PREFIX = {"us$": "usd", "usd": "usd", "$": "usd", "€": "eur", "eur": "eur",
                    "£": "gbp", "mx$": "mxn"}

_UNIT_ALT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_MAG_ALT = "|".join(sorted((re.escape(m) for m in _MAGNITUDES), key=len, reverse=True))
_CUR_ALT = r"US\$|USD|MX\$|\$|€|£|EUR"

_DIGITS = re.compile(
    rf"(?P<cur>(?:{_CUR_ALT})\s?)?"
    r"(?P<num>(?<![\w.,:/])(?<![^\W\d_]-)(?:\d{1,3}(?:[.,\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?))"
    r"(?![\d:/])"
    rf"(?P<mag>\s(?:{_MAG_ALT})\b)?"
    # after a magnitude, Spanish puts "de" before the unit: "5 millones de dólares"
    rf"(?P<unit>\s?%|\s(?(mag)(?:de\s)?)(?:{_UNIT_ALT})\b)?",
    re.I,
)

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


def _spelled_runs(text: str, language: str | None):
    """Runs of number words: yield (start, end, value, is_ordinal)."""
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    i = 0
    while i < len(words):
        a, b, w = words[i]
        low = w.lower()
        if low in _ORDINALS:
            yield a, b, float(_ORDINALS[low]), True
            i += 1
            continue
        parts = low.split("-")
        if not all(p in _EN_CARD or p in _ES_CARD for p in parts):
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
                    words[k + 1][2].lower() in _EN_CARD or words[k + 1][2].lower() in _ES_CARD):
                k += 1
                continue
            if kl in _EN_CARD or kl in _ES_CARD or kl in _SCALE_WORDS or all(
                    p in _EN_CARD or p in _ES_CARD for p in kl.split("-")):
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


def _words_value(phrase: str, language: str | None) -> float | None:
    from text_to_num import text2num

    words = phrase.lower().replace("-", " ").split()
    langs = [language] if language in ("es", "en") else []
    langs += [x for x in ("en", "es") if x not in langs]
    for lang in langs:
        try:
            return float(text2num(" ".join(words), lang))
        except (ValueError, TypeError, AssertionError):
            continue
    # simple fallback: sum of parts, with scale words multiplying
    total, current = 0.0, 0.0
    for w in words:
        if w in _JOINERS:
            continue
        if w in _SCALE_WORDS:
            current = (current or 1) * _SCALE_WORDS[w]
            total += current
            current = 0
        elif w in _EN_CARD or w in _ES_CARD:
            current += _EN_CARD.get(w, _ES_CARD.get(w, 0))
        else:
            return None
    return total + current


def extract_numbers(text: str, language: str | None = None) -> list[Fact]:
    """Every number in ``text`` with its value, unit and offsets."""
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for m in _DIGITS.finditer(text):
        num = m.group("num")
        value = parse_digits(num, language)
        if value is None:
            continue
        mag = m.group("mag")
        if mag:
            mkey = mag.strip().lower()
            if mkey == "m" and not m.group("cur"):
                mag = None
            else:
                value *= _MAGNITUDES[mkey]
        unit = _unit_of(m.group("unit"))
        cur = m.group("cur")
        if cur:
            unit = _CURRENCY_PREFIX.get(cur.strip().lower(), unit)
        start = m.start("cur") if cur else m.start("num")
        end = m.end()
        # "mil millones" may follow the digits: "5 mil millones"
        facts.append(Fact("number", value, start, end, text[start:end], unit))
        taken.append((start, end))
    for a, b, value, ordinal in _spelled_runs(text, language):
        if any(a < tb and ta < b for ta, tb in taken):
            continue
        end = b
        unit = None
        tail = re.match(rf"\s(?P<mag>{_MAG_ALT})\b", text[b:], re.I)
        scaled = text[a:b].split()[-1].lower() in _MAGNITUDES
        if tail and not ordinal and tail.group("mag").lower() != "m":
            value *= _MAGNITUDES[tail.group("mag").lower()]
            end = b + tail.end()
            scaled = True
        de = r"(?:de\s)?" if scaled else ""
        tail = re.match(rf"(?:\s?%|\s{de}(?:{_UNIT_ALT})\b)", text[end:], re.I)
        if tail and not ordinal:
            unit = _unit_of(tail.group(0))
            end = end + tail.end()
        facts.append(Fact("number", value, a, end, text[a:end], unit,
                          {"ordinal": ordinal, "spelled": True}))
    facts.sort(key=lambda f: (f.start, f.end))
    return facts


def same_number(x: Fact, y: Fact) -> bool:
    """Two numbers agree when their values agree (units may be dropped in translation)."""
    if abs(x.value - y.value) > 1e-9 * max(1.0, abs(x.value)):
        return False
    if x.unit and y.unit and x.unit != y.unit and {x.unit, y.unit} & {"percent", "pp", "bp"}:
        return x.unit in ("percent", "pp") and y.unit in ("percent", "pp")
    return True


def number_key(f: Fact) -> str:
    v = f.value
    return (str(int(v)) if float(v).is_integer() else f"{v:g}") + (f" {f.unit}" if f.unit else "")


__all__ = ["extract_numbers", "parse_digits", "same_number", "number_key", "fold"]
