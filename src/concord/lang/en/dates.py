"""English date patterns, over the profile's CLDR month and weekday names.

* ``MONTH``: a regex alternation of the month names (CLDR wide names, and the
  abbreviations with their full stop: ``Jan.``, ``Sept.``).
* ``WEEKDAY_FORMS``: the weekday names a date may begin with (CLDR); ``WEEKDAY_NUMBERS``:
  weekday name (lower-case) -> number, Monday 0.
* ``CAPITALISED``: English writes month and weekday names with a capital, so the patterns
  are case-sensitive (``may`` and ``march`` in lower case are not months).
* ``PATTERNS``: date patterns in the order they are tried, written from English (AP and
  Chicago) date style: ``(Tuesday,) January 20(th)(, 2026)``, ``(the) 20(th) (of) January
  (2026)``, ``January (of) 2026``, a month after a preposition (``in August``; not
  ``May``, also a name) and a month standing alone (not the ``AMBIGUOUS_MONTHS``).
  ``{weekday}`` and ``{year}`` stand for the weekday and year patterns, filled in by
  :mod:`concord.facts.dates` (a weekday of any language may begin an English date).
* ``YEAR_BEFORE``: words after which a bare year is a date (``since 2025``).
"""

from __future__ import annotations

import re

from . import AMBIGUOUS_MONTHS as _AMBIGUOUS_MONTHS
from . import MONTH_ABBREVIATIONS as _MONTH_ABBREVIATIONS
from . import MONTHS as _MONTHS
from . import WEEKDAYS as _WEEKDAYS

MONTH = "(?:" + "|".join([*_MONTHS, *(re.escape(a + ".") for a in _MONTH_ABBREVIATIONS)]) + ")"
WEEKDAY_FORMS = _WEEKDAYS
WEEKDAY_NUMBERS = {d.lower(): i for i, d in enumerate(_WEEKDAYS)}
CAPITALISED = True

_AFTER_PREPOSITION = "(?:" + "|".join(
    [*(m for m in _MONTHS if m != "May"), *(re.escape(a + ".") for a in _MONTH_ABBREVIATIONS)]) + ")"
_ALONE = "|".join(m for m in _MONTHS if m not in _AMBIGUOUS_MONTHS)

PATTERNS = (
    # (Tuesday,) January 20(th)(, 2026)
    rf"(?:{{weekday}},?\s+(?:this\s+)?)?(?P<mon>{MONTH})\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{{year}})\b)?",
    # (Tuesday) 20 January 2026, (on Monday,) the 3rd of November(, 1927)
    rf"(?:{{weekday}},?\s+)?(?:the\s+)?\b(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>{{year}})\b)?",
    # January 2026
    rf"\b(?P<mon>{MONTH})\s+(?:of\s+)?(?P<y>{{year}})\b",
    # in August (month only)
    rf"\b(?:in|since|until|by|during|from|last|next|early|late|mid-?)\s+(?P<mon>{_AFTER_PREPOSITION})\b",
    # a month name standing alone ("December's figures"), when not also a common word
    rf"\b(?P<mon>{_ALONE})\b",
)
YEAR_BEFORE = ("in", "since", "until", "by", "from", "of", "year")

