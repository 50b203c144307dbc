"""Spanish date patterns, over the profile's month and weekday names (CLDR).

* ``CAPITALISED``: false: Spanish writes month and weekday names in lower case, and a
  sentence may begin with one, so the patterns ignore case; a capitalised weekday after a
  capitalised word is part of a name (*Santo Domingo*, *Plácido Domingo*).
* :func:`month_pattern`: the month names a date is read by, as a regex alternation: the
  profile's ``MONTHS`` (with ``setiembre``).
* :func:`weekday_numbers`: weekday name (with and without accent) -> number, Monday 0:
  the profile's ``WEEKDAY_NUMBERS``.
* :func:`patterns`: date patterns in the order they are tried, written from Spanish date
  style (RAE, *Ortografía* §8.2; Fundéu): ``(martes) 20 de enero(, 2026 | de 2026 | del
  2026)`` (also ``1º``, ``1.º``, ``1ero de octubre``), ``enero de 2026``, a month standing alone
  (``noviembre fue``) and a month after a preposition (``en agosto``, ``a finales de
  mayo``). ``{weekday}`` and ``{year}`` stand for the weekday and year patterns, filled in
  by :mod:`concord.facts.dates`.
* ``YEAR_BEFORE``: words after which a bare year is a date (``desde 2025``).

The functions take the profile (``concord.lang.es``), whose calendar words they read.
"""

from __future__ import annotations

from types import ModuleType

from .._calendar import month_pattern, weekday_forms, weekday_numbers  # noqa: F401  (this profile's)

CAPITALISED = False
YEAR_BEFORE = ("desde", "en", "hasta", "de", "del", "año")


def patterns(profile: ModuleType) -> tuple[str, ...]:
    """The date patterns, in the order they are tried."""
    month = month_pattern(profile)
    return (
        # (martes) 20 de enero(, 2026 | de 2026 | del 2026); 1º / 1ero de octubre
        rf"(?:{{weekday}},?\s+)?\b(?P<d>[12]\d|3[01]|0?[1-9])(?:\.?º|°|ero|er|o)?\s+de\s+(?P<mon>{month})\b(?:(?:,|\s+de|\s+del)\s+(?P<y>{{year}})\b)?",
        # enero de 2026
        rf"\b(?P<mon>{month})\s+(?:de|del)\s+(?P<y>{{year}})\b",
        # a month name standing alone ("noviembre fue"), in any case
        rf"\b(?P<mon>{month})\b",
        # en agosto (month only)
        rf"\b(?:en|desde|hasta|de|durante|para|a\s+finales\s+de|a\s+principios\s+de|a\s+mediados\s+de)\s+(?P<mon>{month})\b(?!\s+de\s+{{year}})",
    )
