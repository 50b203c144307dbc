"""English number knowledge: number words, magnitudes, units, ordinals, decades.

Hand-written from English grammar and news style (AP, Reuters):

* ``CARDINALS``: cardinal number words and their values (``twenty`` = 20, ``dozen`` = 12);
  ``one`` is in ``WEAK_ONE``, a number only before a magnitude, unit or number word
  (``one million``) or after a ``NUMBER_NOUNS`` word (``number one``), never as a pronoun
  (``one of``).
* ``ORDINALS``: ordinal words up to ``tenth``; ``ORDINAL_SUFFIXES``: those written after
  digits (``16th``).
* ``TIMES``: multiplicative adverbs (``twice`` = 2).
* ``JOINERS``: words inside a spelled-out number (``one hundred and five``);
  ``SCALE_WORDS``: the words that multiply what comes before (``thousand``).
* ``MAGNITUDES``: words and abbreviations that scale a number (``5 million``, ``$221bn``);
  ``ATTACHED_MAGNITUDES``: those written attached to the figure; ``MAGNITUDE_LINKERS``:
  words between a magnitude and its unit (none in English: ``5 million dollars``).
* ``HALVES``: the words after a magnitude or a unit that add half of it: none read yet
  (*a million and a half*).
* ``UNITS``: unit words and abbreviations -> Concord's unit codes (``miles`` -> ``mi``),
  in the plural and in the singular that a compound adjective takes (``a 550-pound hog``,
  ``a ten-mile walk``); ``ATTACHED_UNITS``: the abbreviations written attached to the
  figure (``6ft 6in``).
* ``TIME_BEFORE`` / ``TIME_AFTER``: words around a time of day written with a dot
  (``at 23.45``, ``10.30 hrs``), which is not a quantity.
* ``APPROX_BEFORE``: degree adverbs and quantifying prepositions that make the number
  after them approximate (``about``, ``more than``).
* ``RANGE_WORDS`` / ``RANGE_QUALIFIERS``: what stands between the two numbers of a range
  (``between 3 and 10 million``, ``3 or more than 10``).
* ``DECIMAL_POINT``: the decimal mark is a point, so a lone ``.ddd`` is a decimal
  (``6.500`` = 6.5), not a thousands separator.
* ``DECADE``, ``DECADE_WORDS``, :func:`decade_ok`: decades (``the 1960s``, ``the '60s``,
  ``the Sixties``: the tens cardinals + *-ies*).
* ``CENTURY_BEFORE`` / ``CENTURY_AFTER`` / ``CENTURY_JOINERS``: words around a century's
  Roman numeral (``XVI century``).
"""

from __future__ import annotations

import re

CARDINALS = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
WEAK_ONE = frozenset({"one"})
# the nouns and signs of a rank, after which "one" is the numeral ("the world number one")
NUMBER_NOUNS = ("number", "no.")
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
TIMES = {"twice": 2, "thrice": 3}
JOINERS = frozenset({"and"})
SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}

MAGNITUDES = {
    "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12,
    "thousand": 1e3, "bn": 1e9, "m": 1e6,
}
ATTACHED_MAGNITUDES = ("bn", "m")
MAGNITUDE_LINKERS = ()
HALVES: tuple[str, ...] = ()

UNITS = {
    "percent": "percent", "per cent": "percent", "percentage points": "pp",
    "basis points": "bp",
    "tons": "t", "ton": "t", "tonnes": "t", "tonne": "t",
    "square kilometres": "km2", "square kilometers": "km2", "square miles": "mi2",
    "kilometres per hour": "kmh", "kilometers per hour": "kmh", "miles per hour": "mph",
    "mph": "mph",
    "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
    "miles": "mi", "mile": "mi",
    "meters": "m", "metres": "m", "meter": "m", "metre": "m",
    "centimetres": "cm", "centimeters": "cm", "millimetres": "mm", "millimeters": "mm",
    "feet": "ft", "foot": "ft", "ft": "ft", "inches": "in", "inch": "in", "yards": "yd",
    "yard": "yd", "pounds": "lb", "pound": "lb", "lbs": "lb", "lb": "lb", "ounces": "oz",
    "ounce": "oz", "gallons": "gal", "gallon": "gal", "acres": "acre", "acre": "acre",
    "liters": "l", "litres": "l", "liter": "l", "litre": "l",
    "kilos": "kg", "kilo": "kg", "kilograms": "kg", "kilogram": "kg", "grams": "g",
    "gram": "g", "hectares": "ha", "hectare": "ha",
    "degrees celsius": "degC", "degrees centigrade": "degC", "degrees c": "degC",
    "degrees fahrenheit": "degF", "degrees f": "degF", "degrees": "deg", "degree": "deg",
    "hours": "h", "minutes": "min", "years": "year", "days": "day", "pesos": "peso",
    "dollars": "usd", "euros": "eur",
}
# unit abbreviations written attached to the figure ("6ft 6in", "550lb"); the symbols
# written alike in every language (km, kg, ...) are read in code
ATTACHED_UNITS = ("ft", "in", "lb", "lbs", "mph", "oz", "yd", "mi")

TIME_BEFORE = ("at", "by", "until")
TIME_AFTER = ("hr", "hrs")
APPROX_BEFORE = (
    "about", "around", "some", "roughly", "nearly", "almost", "approximately", "approx.",
    "over", "under", "more than", "less than", "fewer than", "up to",
)
RANGE_WORDS = ("and", "to", "or")
RANGE_QUALIFIERS = ("more than", "less than", "fewer than")
DECIMAL_POINT = True

_TENS = {k: v for k, v in CARDINALS.items() if v in range(20, 100, 10)}
DECADE_WORDS = {k[:-1] + "ies": v for k, v in _TENS.items()}  # "sixties": 60
DECADE = re.compile(
    r"(?<![\w'’])['’]?(?P<y>(?:1[0-9]|20)?[0-9]0)['’]?s\b"
    r"|\b(?P<w>" + "|".join(DECADE_WORDS) + r")\b", re.I)
_DECADE_WORD_BEFORE = re.compile(r"\b(?:the|early|mid|late)[\s-]+$", re.I)


def decade_ok(text: str, m: re.Match) -> bool:
    """A :data:`DECADE` match is a decade: a lower-case decade word (``sixties``) only
    after ``the``, ``early``, ``mid`` or ``late`` (``in his sixties`` is an age)."""
    if m.group("y"):
        return True
    return not (m.group("w")[0].islower() and not _DECADE_WORD_BEFORE.search(text[:m.start()]))


CENTURY_BEFORE = ()
CENTURY_AFTER = ("century", "centuries")
CENTURY_JOINERS = ()
