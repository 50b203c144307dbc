"""English date patterns, over the profile's month and weekday names (CLDR).

* ``CAPITALISED``: English writes month and weekday names with a capital, so the patterns
  are case-sensitive (``may`` and ``march`` in lower case are not months).
* :func:`month_pattern`: the month names a date is read by, as a regex alternation: the
  profile's ``MONTHS`` and its ``MONTH_ABBREVIATIONS`` with their full stop (``Jan.``,
  ``Sept.``).
* :func:`weekday_numbers`: weekday name (as the patterns write it) -> number, Monday 0.
* :func:`patterns`: date patterns in the order they are tried, written from English (AP
  and Chicago) date style: ``(Tuesday,) January 20(th)(, 2026)``, ``(the) 20(th) (of)
  January (2026)``, ``January (of) 2026``, a month after a preposition (``in August``; not
  ``May``, also a name) and a month standing alone (not the profile's
  ``AMBIGUOUS_MONTHS``). ``{weekday}`` and ``{year}`` stand for the weekday and year
  patterns, filled in by :mod:`concord.facts.dates` (a weekday of any language may begin
  an English date).
* ``YEAR_BEFORE``: words after which a bare year is a date (``since 2025``).

The functions take the profile (``concord.lang.en``), whose calendar words they read.
"""

from __future__ import annotations

import re
from types import ModuleType

CAPITALISED = True
YEAR_BEFORE = ("in", "since", "until", "by", "from", "of", "year")


def _alternation(names) -> str:
    return "(?:" + "|".join(names) + ")"


def _with_stop(profile: ModuleType) -> list[str]:
    return [re.escape(a + ".") for a in profile.MONTH_ABBREVIATIONS]


def month_pattern(profile: ModuleType) -> str:
    """The month names and abbreviations a date is read by: ``(?:January|...|Jan\\.|...)``."""
    return _alternation([*profile.MONTHS, *_with_stop(profile)])


def weekday_numbers(profile: ModuleType) -> dict[str, int]:
    """``{"monday": 0, ...}``: the weekday names, lower-case, Monday 0."""
    return {d.lower(): i for i, d in enumerate(profile.WEEKDAYS)}


def weekday_forms(profile: ModuleType) -> tuple[str, ...]:
    """The weekday names as a date writes them (``Monday``)."""
    return tuple(profile.WEEKDAYS)


def patterns(profile: ModuleType) -> tuple[str, ...]:
    """The date patterns, in the order they are tried."""
    month = month_pattern(profile)
    after_preposition = _alternation([*(m for m in profile.MONTHS if m != "May"), *_with_stop(profile)])
    alone = "|".join(m for m in profile.MONTHS if m not in profile.AMBIGUOUS_MONTHS)
    return (
        # (Tuesday,) January 20(th)(, 2026)
        rf"(?:{{weekday}},?\s+(?:this\s+)?)?(?P<mon>{month})\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{{year}})\b)?",
        # (Tuesday) 20 January 2026, (on Monday,) the 3rd of November(, 1927)
        rf"(?:{{weekday}},?\s+)?(?:the\s+)?\b(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{month})(?:,?\s+(?P<y>{{year}})\b)?",
        # January 2026
        rf"\b(?P<mon>{month})\s+(?:of\s+)?(?P<y>{{year}})\b",
        # in August (month only)
        rf"\b(?:in|since|until|by|during|from|last|next|early|late|mid-?)\s+(?P<mon>{after_preposition})\b",
        # a month name standing alone ("December's figures"), when not also a common word
        rf"\b(?P<mon>{alone})\b",
    )
