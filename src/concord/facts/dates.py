"""Dates in Spanish and English: full dates, month-and-year, month-only and year-only.

``20 de enero, 2026`` = ``January 20, 2026`` = ``Tuesday, January 20, 2026`` =
``2026-01-20``; ``28 de febrero de 2025``; ``in August`` / ``en agosto``; ``since 2025``.
A weekday written next to a full date is checked against the calendar. Values are
``(year, month, day)`` tuples with ``None`` for what the text leaves out. Regular
expressions only: no date parser runs over every token.
"""

from __future__ import annotations

import datetime as _dt
import re

from ..lang import en as _en
from ..lang import es as _es
from .base import Fact

# Month and weekday names come from the language resources (CLDR through babel).
MONTHS = {**_en.MONTH_NUMBERS, **_es.MONTH_NUMBERS}
WEEKDAYS = {**{d.lower(): i for i, d in enumerate(_en.WEEKDAYS)}, **_es.WEEKDAY_NUMBERS}
_EN_MONTH = "(?:" + "|".join([*_en.MONTHS, *(re.escape(a + ".") for a in _en.MONTH_ABBREVIATIONS)]) + ")"
_ES_MONTH = "(?:" + "|".join(_es.MONTHS) + ")"
_WD = "(?P<wd>" + "|".join([*_en.WEEKDAYS, *sorted(_es.WEEKDAY_NUMBERS, key=_es.WEEKDAY_NUMBERS.get)]) + ")"
_EN_MONTH_ALONE = "|".join(m for m in _en.MONTHS if m not in _en.AMBIGUOUS_MONTHS)
_YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"

_PATTERNS = [
    # 2026-01-20
    re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0?[1-9]|1[0-2])-(?P<d>0?[1-9]|[12]\d|3[01])\b"),
    # (Tuesday,) January 20(th)(, 2026)
    re.compile(rf"(?:{_WD},?\s+(?:this\s+)?)?(?P<mon>{_EN_MONTH})\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{_YEAR})\b)?"),
    # (Tuesday) 20 January 2026, (on Monday,) the 3rd of November(, 1927)
    re.compile(rf"(?:{_WD},?\s+)?(?:the\s+)?\b(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_EN_MONTH})(?:,?\s+(?P<y>{_YEAR})\b)?"),
    # (martes) 20 de enero(, 2026 | de 2026 | del 2026); 1º / 1ero de octubre
    re.compile(rf"(?:{_WD},?\s+)?\b(?P<d>[12]\d|3[01]|0?[1-9])(?:º|°|ero|er|o)?\s+de\s+(?P<mon>{_ES_MONTH})\b(?:(?:,|\s+de|\s+del)\s+(?P<y>{_YEAR})\b)?", re.I),
    # January 2026 / enero de 2026
    re.compile(rf"\b(?P<mon>{_EN_MONTH})\s+(?:of\s+)?(?P<y>{_YEAR})\b"),
    re.compile(rf"\b(?P<mon>{_ES_MONTH})\s+(?:de|del)\s+(?P<y>{_YEAR})\b", re.I),
    # in August / en agosto (month only)
    re.compile(rf"\b(?:in|since|until|by|during|from|last|next|early|late|mid-?)\s+(?P<mon>{_EN_MONTH.replace('May|', '')})\b"),
    # a month name standing alone ("December's figures", "noviembre fue"): English names
    # that are not also common words (May, March), Spanish names in any case
    re.compile(rf"\b(?P<mon>{_EN_MONTH_ALONE})\b"),
    re.compile(rf"\b(?P<mon>{_ES_MONTH})\b", re.I),
    re.compile(rf"\b(?:en|desde|hasta|de|durante|para|a\s+finales\s+de|a\s+principios\s+de|a\s+mediados\s+de)\s+(?P<mon>{_ES_MONTH})\b(?!\s+de\s+{_YEAR})", re.I),
    # year only, in context: since 2025 / desde 2025 / in 2021 / en 2021
    re.compile(rf"\b(?:in|since|until|by|from|of|desde|en|hasta|de|del|año|year)\s+(?P<y>{_YEAR})\b(?![.,]\d)", re.I),
]


# What each pattern's every match holds: a year (``year``), an English month name (those
# patterns are case-sensitive) or a Spanish one (any case). A pattern runs only on a text
# holding its prerequisite, so most sentences skip most patterns (same matches, less work).
_NEEDS = {"year": re.compile(_YEAR), "en": re.compile(_EN_MONTH), "es": re.compile(_ES_MONTH, re.I)}
_PATTERN_NEEDS = ("year", "en", "en", "es", "en", "es", "en", "en", "es", "es", "year")
assert len(_PATTERN_NEEDS) == len(_PATTERNS)

# a weekday standing alone ("on Saturday", "el domingo"); a capitalised Spanish weekday
# after a capitalised word is part of a name (Santo Domingo, Plácido Domingo)
_WEEKDAY_ALONE = re.compile(rf"\b{_WD}\b")
_AFTER_NAME = re.compile(r"[A-ZÁÉÍÓÚÑ][\w'’-]*\s+$")


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def extract_dates(text: str, language: str | None = None) -> list[Fact]:
    """Every date in ``text``; a longer match wins over a shorter one it contains."""
    found: list[Fact] = []
    present = {k: bool(r.search(text)) for k, r in _NEEDS.items()}
    for pat in (p for p, need in zip(_PATTERNS, _PATTERN_NEEDS) if present[need]):
        for m in pat.finditer(text):
            gd = m.groupdict()
            year = int(gd["y"]) if gd.get("y") else None
            month = int(gd["m"]) if gd.get("m") else (_month(gd["mon"]) if gd.get("mon") else None)
            day = None
            if gd.get("d"):
                day = int(re.sub(r"\D", "", gd["d"]))
            # the fact covers the date itself, not the preposition before a month or year
            start = m.start("wd") if gd.get("wd") else (
                m.start("mon") if gd.get("mon") and not gd.get("d") else
                (m.start("y") if gd.get("y") and not gd.get("mon") and not gd.get("m") else m.start()))
            if gd.get("d") and not gd.get("wd") and gd.get("mon") and m.start("d") < m.start("mon"):
                start = m.start("d")
            end = m.end()
            fields = {}
            if gd.get("wd"):
                fields["weekday"] = WEEKDAYS[gd["wd"].lower()]
                if year and month and day:
                    try:
                        real = _dt.date(year, month, day).weekday()
                        fields["weekday_ok"] = real == fields["weekday"]
                    except ValueError:
                        fields["weekday_ok"] = False
            if year and month and day:
                try:
                    _dt.date(year, month, day)
                except ValueError:
                    fields["invalid"] = True
            found.append(Fact("date", (year, month, day), start, end, text[start:end], None, **fields))
    for m in _WEEKDAY_ALONE.finditer(text):
        wd = m.group("wd")
        if language != "en" and wd[0].isupper() and wd.lower() in _es.WEEKDAY_NUMBERS \
                and _AFTER_NAME.search(text, max(0, m.start() - 80), m.start()):
            continue
        found.append(Fact("date", (None, None, None), m.start(), m.end(), wd, None,
                          weekday=WEEKDAYS[wd.lower()]))
    # keep the longest non-overlapping matches
    found.sort(key=lambda f: (-(f.end - f.start), f.start))
    kept: list[Fact] = []
    for f in found:
        if any(f.start < k.end and k.start < f.end for k in kept):
            continue
        kept.append(f)
    return sorted(kept, key=lambda f: f.start)


def compatible(x: tuple, y: tuple) -> bool:
    """Two dates agree on every field both of them give (a weekday alone gives none)."""
    shared = [(a, b) for a, b in zip(x, y) if a is not None and b is not None]
    return bool(shared) and all(a == b for a, b in shared)


def date_key(value: tuple) -> str:
    y, m, d = value
    if y and m and d:
        return f"{y:04d}-{m:02d}-{d:02d}"
    if y and m:
        return f"{y:04d}-{m:02d}"
    if m and d:
        return f"--{m:02d}-{d:02d}"
    if m:
        return f"--{m:02d}"
    return f"{y:04d}" if y else "?"


def weekday_key(f: Fact) -> str:
    """The written weekday of a date fact, as its English name ("" when none is written)."""
    wd = f.weekday
    return _en.WEEKDAYS[wd] if wd is not None else ""
