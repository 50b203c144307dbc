"""Spanish number knowledge: number words, magnitudes, units, ordinals, decades.

Hand-written from Spanish grammar (the RAE's *Nueva gramática*, numerals) and news style
(Fundéu, EFE):

* ``CARDINALS``: cardinal number words and their values (``veinte`` = 20, ``docena`` =
  12); ``un``, ``uno``, ``una`` are in ``WEAK_ONE``, a number only before a magnitude,
  unit or number word (``un millón``) or after a ``NUMBER_NOUNS`` word (``el número
  uno``), never as an article (``una vez``).
* ``ORDINALS``: ordinal words up to ``décimo`` in both genders (and the apocopated
  ``primer``, ``tercer``); ``ORDINAL_SUFFIXES``: those written after digits (``1er``,
  ``1ero``, ``1era``; the ordinal indicators ``º``/``ª`` are symbols, read in code).
* ``TIMES``: multiplicative adverbs (none: *dos veces* is read as the number *dos*).
* ``JOINERS``: words inside a spelled-out number (``treinta y dos``); ``SCALE_WORDS``:
  the words that multiply what comes before (``mil``).
* ``MAGNITUDES``: words that scale a number (``5 millones``, ``mil millones`` = 10^9,
  ``billón`` = 10^12); ``ATTACHED_MAGNITUDES``: those written attached to the figure
  (none); ``MAGNITUDE_LINKERS``: the word between a magnitude and its unit (``5 millones
  de dólares``).
* ``HALVES``: the words after a magnitude or a unit that add half of it: none read yet
  (*millón y medio*).
* ``UNITS``: unit words -> Concord's unit codes (``millas`` -> ``mi``);
  ``ATTACHED_UNITS``: abbreviations written attached to the figure (none).
* ``TIME_BEFORE`` / ``TIME_AFTER``: words around a time of day written with a dot
  (``a las 10.30``, ``10.30 horas``), which is not a quantity.
* ``APPROX_BEFORE``: words that make the number after them approximate (``unos``,
  ``cerca de``, ``más de``).
* ``RANGE_WORDS`` / ``RANGE_QUALIFIERS``: what stands between the two numbers of a range
  (``entre 3 y 10 millones``, ``2 o 3 mil``, ``3 y más de 10``, ``del 5 al 10 %``).
* ``DECIMAL_POINT``: false: the decimal mark is a comma, so ``.ddd`` is a thousands
  separator (``6.500`` = 6500).
* ``DECADE``, ``DECADE_WORDS``, :func:`decade_ok`: decades (``los años 60``, ``los años
  de 1960``, ``la década de los 60``, ``los años sesenta``, and ``los 80`` where nothing
  noun-like follows).
* ``CENTURY_BEFORE`` / ``CENTURY_AFTER`` / ``CENTURY_JOINERS``: words around a century's
  Roman numeral (``siglo XVI``, ``siglos XV y XVI``, ``del siglo XV al XVI``).
"""

from __future__ import annotations

import re

CARDINALS = {
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
WEAK_ONE = frozenset({"un", "uno", "una"})
# the nouns and signs of a rank, after which "uno" is the numeral ("el número uno")
NUMBER_NOUNS = ("número", "núm.", "nº", "n.º")
ORDINALS = {
    "primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3,
    "tercero": 3, "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5,
    "sexto": 6, "sexta": 6, "séptimo": 7, "séptima": 7, "octavo": 8, "octava": 8,
    "noveno": 9, "novena": 9, "décimo": 10, "décima": 10,
}
ORDINAL_SUFFIXES = ("ero", "era", "er")
TIMES: dict[str, int] = {}
JOINERS = frozenset({"y"})
SCALE_WORDS = {"mil": 1e3, "millón": 1e6, "millones": 1e6}

MAGNITUDES = {
    "mil millones": 1e9, "millardos": 1e9, "millardo": 1e9, "billones": 1e12, "billón": 1e12,
    "millones": 1e6, "millón": 1e6, "mil": 1e3,
}
ATTACHED_MAGNITUDES = ()
HALVES: tuple[str, ...] = ()
MAGNITUDE_LINKERS = ("de",)

UNITS = {
    "por ciento": "percent", "porciento": "percent", "por cien": "percent", "puntos porcentuales": "pp",
    "puntos básicos": "bp",
    "toneladas": "t", "tonelada": "t",
    "kilómetros cuadrados": "km2", "millas cuadradas": "mi2",
    "kilómetros por hora": "kmh", "millas por hora": "mph",
    "kilómetros": "km", "kilometros": "km", "kilómetro": "km", "millas": "mi", "milla": "mi",
    "metros": "m", "metro": "m", "centímetros": "cm", "milímetros": "mm",
    "pies": "ft", "pulgadas": "in", "yardas": "yd", "onzas": "oz", "galones": "gal",
    "acres": "acre", "litros": "l",
    "kilos": "kg", "kilogramos": "kg", "gramos": "g", "hectáreas": "ha",
    "grados celsius": "degC", "grados centígrados": "degC", "grados c": "degC",
    "grados fahrenheit": "degF", "grados": "deg",
    "horas": "h", "minutos": "min", "años": "year", "días": "day", "pesos": "peso",
    "dólares": "usd", "euros": "eur", "libras esterlinas": "gbp",
}
# unit abbreviations written attached to the figure: none (the symbols written alike in
# every language, km, kg, ..., are read in code; the RAE separates a symbol by a space)
ATTACHED_UNITS: tuple[str, ...] = ()

TIME_BEFORE = ("a la", "a las", "hasta la", "hasta las")
TIME_AFTER = ("horas",)
APPROX_BEFORE = (
    "unos", "unas", "cerca de", "alrededor de", "aproximadamente", "casi", "más de",
    "menos de", "en torno a", "en torno al", "hasta",
)
RANGE_WORDS = ("y", "e", "a", "al", "o", "u")
RANGE_QUALIFIERS = ("más de", "menos de")
DECIMAL_POINT = False

DECADE_WORDS = {k: v for k, v in CARDINALS.items() if v in range(20, 100, 10)}  # "sesenta": 60
DECADE = re.compile(
    r"\b(?:(?:los\s+)?años\s+(?:de\s+)?|(?:la\s+)?década\s+de(?:\s+los)?\s+|(?:de|en|a)\s+los\s+)"
    r"(?:(?P<y>(?:1[0-9]|20)?[0-9]0)\b(?!\s*%|[.,]\d)|(?P<w>" + "|".join(DECADE_WORDS) + r")\b)", re.I)
_DECADE_NOUN = re.compile(r"años|década", re.I)
# after a bare "los 80" a noun would make it a count ("los 80 soldados")
_BARE_OK = re.compile(r"\s*(?:[,.;:)\]»”\"]|$|(?:y|e|o|del|de|en|cuando|que|con|hasta|a)\b)", re.I)


def decade_ok(text: str, m: re.Match) -> bool:
    """A :data:`DECADE` match is a decade: a bare ``los 80`` (no ``años``, no ``década``)
    only where no noun follows (``los 80 soldados`` is a count)."""
    if not m.group("y"):
        return True
    return bool(_DECADE_NOUN.search(m.group(0))) or bool(_BARE_OK.match(text, m.end()))


CENTURY_BEFORE = ("siglo", "siglos")
CENTURY_AFTER = ()
CENTURY_JOINERS = ("y", "a", "al", "e")
