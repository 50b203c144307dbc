"""French date patterns, over the profile's month and weekday names (CLDR).

* ``CAPITALISED``: false: French writes month and weekday names in lower case, and a
  sentence may begin with one, so the patterns ignore case.
* :func:`month_pattern`: the month names a date is read by, as a regex alternation: the
  profile's ``MONTHS``.
* :func:`weekday_numbers`: weekday name -> number, Monday 0: the profile's
  ``WEEKDAY_NUMBERS``.
* :func:`patterns`: date patterns in the order they are tried, written from French date
  style (Imprimerie nationale, *Lexique des règles typographiques*): ``(mardi) 20 janvier
  (2026)`` (also ``1er janvier``), ``janvier 2026``, a month standing alone and a month
  after a preposition (``en août``, ``fin mai``, ``début mars``, ``mi-juin``).
  ``{weekday}`` and ``{year}`` stand for the weekday and year patterns, filled in by
  :mod:`concord.facts.dates`.
* ``YEAR_BEFORE``: words after which a bare year is a date (``depuis 2025``).

The functions take the profile (``concord.lang.fr``), whose calendar words they read.
"""

from __future__ import annotations

from types import ModuleType

from .._calendar import month_pattern, weekday_forms, weekday_numbers  # noqa: F401  (this profile's)

CAPITALISED = False
YEAR_BEFORE = ("depuis", "en", "jusqu'en", "de", "année", "dès")


def patterns(profile: ModuleType) -> tuple[str, ...]:
    """The date patterns, in the order they are tried."""
    month = month_pattern(profile)
    return (
        # (mardi) 20 janvier (2026); 1er janvier
        rf"(?:{{weekday}},?\s+)?\b(?P<d>[12]\d|3[01]|0?[1-9])(?:er)?\s+(?P<mon>{month})\b(?:,?\s+(?P<y>{{year}})\b)?",
        # janvier 2026
        rf"\b(?P<mon>{month})\s+(?P<y>{{year}})\b",
        # a month name standing alone, in any case
        rf"\b(?P<mon>{month})\b",
        # en août, fin mai (month only)
        rf"\b(?:en|depuis|jusqu'en|pendant|pour|fin|début|mi-|courant)\s*(?P<mon>{month})\b(?!\s+{{year}})",
    )
