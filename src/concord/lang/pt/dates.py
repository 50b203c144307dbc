"""Portuguese date patterns, over the profile's month and weekday names (CLDR).

* ``CAPITALISED``: false: Portuguese writes month and weekday names in lower case (since the
  1990 agreement in Portugal too), so the patterns ignore case.
* :func:`month_pattern`: the month names a date is read by, as a regex alternation: the
  profile's ``MONTHS``.
* :func:`weekday_numbers`: weekday name (with and without *-feira* and accent) -> number,
  Monday 0: the profile's ``WEEKDAY_NUMBERS``.
* :func:`patterns`: date patterns in the order they are tried, written from Portuguese date
  style: ``(terça-feira,) 20 de janeiro (de 2026)`` (also ``1º de janeiro``), ``janeiro de
  2026``, a month standing alone and a month after a preposition (``em agosto``, ``no fim
  de maio``). ``{weekday}`` and ``{year}`` stand for the weekday and year patterns, filled
  in by :mod:`concord.facts.dates`.
* ``YEAR_BEFORE``: words after which a bare year is a date (``desde 2025``).

The functions take the profile (``concord.lang.pt``), whose calendar words they read.
"""

from __future__ import annotations

from types import ModuleType

from .._calendar import month_pattern, weekday_forms, weekday_numbers  # noqa: F401  (this profile's)

CAPITALISED = False
YEAR_BEFORE = ("desde", "em", "até", "de", "ano")


def patterns(profile: ModuleType) -> tuple[str, ...]:
    """The date patterns, in the order they are tried."""
    month = month_pattern(profile)
    return (
        # (terça-feira,) 20 de janeiro (de 2026); 1º de janeiro
        rf"(?:{{weekday}},?\s+)?\b(?P<d>[12]\d|3[01]|0?[1-9])(?:º|°)?\s+de\s+(?P<mon>{month})\b(?:(?:,|\s+de)\s+(?P<y>{{year}})\b)?",
        # janeiro de 2026
        rf"\b(?P<mon>{month})\s+de\s+(?P<y>{{year}})\b",
        # a month name standing alone, in any case
        rf"\b(?P<mon>{month})\b",
        # em agosto (month only)
        rf"\b(?:em|desde|até|durante|para|no\s+fim\s+de|no\s+início\s+de|em\s+meados\s+de)\s+(?P<mon>{month})\b(?!\s+de\s+{{year}})",
    )
