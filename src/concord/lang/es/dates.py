"""Spanish date patterns, over the profile's CLDR month and weekday names.

* ``MONTH``: a regex alternation of the month names (CLDR, and ``setiembre``).
* ``WEEKDAY_FORMS``: the weekday names a date may begin with (CLDR, and without accent);
  ``WEEKDAY_NUMBERS``: weekday name -> number, Monday 0.
* ``CAPITALISED``: false: Spanish writes month and weekday names in lower case, and a
  sentence may begin with one, so the patterns ignore case; a capitalised weekday after a
  capitalised word is part of a name (*Santo Domingo*, *Plácido Domingo*).
* ``PATTERNS``: date patterns in the order they are tried, written from Spanish date style
  (RAE, *Ortografía* §8.2; Fundéu): ``(martes) 20 de enero(, 2026 | de 2026 | del 2026)``
  (also ``1º``/``1ero de octubre``), ``enero de 2026``, a month standing alone
  (``noviembre fue``) and a month after a preposition (``en agosto``, ``a finales de
  mayo``). ``{weekday}`` and ``{year}`` stand for the weekday and year patterns, filled
  in by :mod:`concord.facts.dates`.
* ``YEAR_BEFORE``: words after which a bare year is a date (``desde 2025``).
"""

from __future__ import annotations

from . import MONTHS as _MONTHS
from . import WEEKDAY_NUMBERS as _WEEKDAY_NUMBERS

MONTH = "(?:" + "|".join(_MONTHS) + ")"
WEEKDAY_NUMBERS = _WEEKDAY_NUMBERS
WEEKDAY_FORMS = tuple(sorted(_WEEKDAY_NUMBERS, key=_WEEKDAY_NUMBERS.get))
CAPITALISED = False

PATTERNS = (
    # (martes) 20 de enero(, 2026 | de 2026 | del 2026); 1º / 1ero de octubre
    rf"(?:{{weekday}},?\s+)?\b(?P<d>[12]\d|3[01]|0?[1-9])(?:º|°|ero|er|o)?\s+de\s+(?P<mon>{MONTH})\b(?:(?:,|\s+de|\s+del)\s+(?P<y>{{year}})\b)?",
    # enero de 2026
    rf"\b(?P<mon>{MONTH})\s+(?:de|del)\s+(?P<y>{{year}})\b",
    # a month name standing alone ("noviembre fue"), in any case
    rf"\b(?P<mon>{MONTH})\b",
    # en agosto (month only)
    rf"\b(?:en|desde|hasta|de|durante|para|a\s+finales\s+de|a\s+principios\s+de|a\s+mediados\s+de)\s+(?P<mon>{MONTH})\b(?!\s+de\s+{{year}})",
)
YEAR_BEFORE = ("desde", "en", "hasta", "de", "del", "año")

