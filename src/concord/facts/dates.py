"""Dates in Spanish and English: full dates, month-and-year, month-only and year-only.

``20 de enero, 2026`` = ``January 20, 2026`` = ``Tuesday, January 20, 2026`` =
``2026-01-20``; ``28 de febrero de 2025``; ``in August`` / ``en agosto``; ``since 2025``.
A weekday written next to a full date is checked against the calendar. Values are
``(year, month, day)`` tuples with ``None`` for what the text leaves out. Regular
expressions only: no date parser runs over every token. The patterns of each language
are its profile's (``lang/xx/dates.py``), over its CLDR month and weekday names.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import cast

from .. import lang
from ..lang import Scoped
from .base import Fact

_ALL = {code: lang.get(code) for code in lang.LANGUAGES}
# The profiles of the languages compared (lang.compared()); each value built from them is
# Scoped: built once for each pair's languages.
_PROFILES: Scoped[dict] = Scoped(lambda codes: {code: _ALL[code] for code in codes})

# Month and weekday names come from the language profiles (CLDR through babel).
MONTHS: Scoped[dict] = Scoped(lambda codes: {k: v for p in _PROFILES.values() for k, v in p.MONTH_NUMBERS.items()})
WEEKDAYS: Scoped[dict] = Scoped(
    lambda codes: {k: v for p in _PROFILES.values() for k, v in p.dates.weekday_numbers(p).items()})
_WD: Scoped[str] = Scoped(
    lambda codes: "(?P<wd>" + "|".join(w for p in _PROFILES.values() for w in p.dates.weekday_forms(p)) + ")")
_YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"


def _fill(template: str) -> str:
    """A profile's date pattern with the weekday and year patterns in place."""
    return template.replace("{weekday}", _WD.current()).replace("{year}", _YEAR)


def _flags(profile) -> int:
    """Case-sensitive patterns for a language that capitalises month names."""
    return 0 if profile.dates.CAPITALISED else re.I


# Each pattern with its prerequisite: what each of its matches holds, a year (``year``)
# or a month name of the pattern's language (the language code). A pattern runs only on a
# text holding its prerequisite, so most sentences skip most patterns (same matches, less
# work).
_PATTERNS: Scoped[list[tuple[re.Pattern, str]]] = Scoped(lambda codes: [
    # 2026-01-20
    (re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0?[1-9]|1[0-2])-(?P<d>0?[1-9]|[12]\d|3[01])\b"), "year"),
    *((re.compile(_fill(t), _flags(p)), code) for code, p in _PROFILES.items() for t in p.dates.patterns(p)),
    # year only, in context: since 2025 / desde 2025 / in 2021 / en 2021
    (re.compile(rf"\b(?:{'|'.join(w for p in _PROFILES.values() for w in p.dates.YEAR_BEFORE)})\s+"
                rf"(?P<y>{_YEAR})\b(?![.,]\d)", re.I), "year"),
])
_NEEDS: Scoped[dict] = Scoped(lambda codes: {
    "year": re.compile(_YEAR),
    **{code: re.compile(p.dates.month_pattern(p), _flags(p)) for code, p in _PROFILES.items()}})

# a weekday standing alone ("on Saturday", "el domingo"); in a language that writes
# weekdays in lower case, a capitalised weekday after a capitalised word is part of a
# name (Santo Domingo, Plácido Domingo)
_WEEKDAY_ALONE: Scoped[re.Pattern] = Scoped(lambda codes: re.compile(rf"\b{_WD.current()}\b"))
_LOWER_CASE_WEEKDAYS: Scoped[frozenset] = Scoped(lambda codes: frozenset(
    w for p in _PROFILES.values() if not p.dates.CAPITALISED for w in p.dates.weekday_numbers(p)))
_AFTER_NAME = re.compile(rf"[{lang.UPPER}][\w'’-]*\s+$")


def _capitalised(language: str | None) -> bool:
    """``language`` has a profile that writes weekday names with a capital."""
    return language in _ALL and _ALL[language].dates.CAPITALISED


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def extract_dates(text: str, language: str | None = None) -> list[Fact]:
    """Every date in ``text``; a longer match wins over a shorter one it contains."""
    found: list[Fact] = []
    present = {k: bool(r.search(text)) for k, r in _NEEDS.items()}
    for pat in (p for p, need in _PATTERNS if present[need]):
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
        if wd[0].isupper() and wd.lower() in _LOWER_CASE_WEEKDAYS and not _capitalised(language) \
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


# a date's value: (year, month, day), None for what the text leaves out
Ymd = tuple[int | None, int | None, int | None]


def ymd(f: Fact) -> Ymd:
    """The ``(year, month, day)`` of date fact ``f`` (``Fact.value`` holds every kind's)."""
    return cast(Ymd, f.value)


def compatible(x: tuple, y: tuple) -> bool:
    """Two dates agree on every field both of them give (a weekday alone gives none)."""
    shared = [(a, b) for a, b in zip(x, y) if a is not None and b is not None]
    return bool(shared) and all(a == b for a, b in shared)


def date_changes(da: list[Fact], db: list[Fact]) -> list[tuple[Fact, Fact]]:
    """The dates of ``da`` that no date of ``db`` agrees with, each paired with the first
    leftover date of ``db`` of the same shape: the changed dates, in order."""
    left = [x for x in da if not any(dates_agree(x, y) for y in db)]
    right = [y for y in db if not any(dates_agree(x, y) for x in da)]
    out = []
    for x in left:
        rivals = [y for y in right if same_shape(x, y)]
        if rivals:
            right.remove(rivals[0])
            out.append((x, rivals[0]))
    return out


def year_only(f: Fact) -> bool:
    """A date that gives a year and nothing else (``in 2021``, ``desde 2025``)."""
    year, month, day = ymd(f)
    return year is not None and month is None and day is None and f.weekday is None


def year_number(f: Fact) -> bool:
    """A number fact written as a year is (four digits in the years the date patterns
    read, no unit, not an ordinal or a decade): ``dólares 2017`` may be the year a
    translation writes ``in 2017``."""
    return (not f.unit and not f.ordinal and not f.decade and not f.spelled
            and re.fullmatch(_YEAR, f.surface.strip()) is not None)


def calendar_change(x: Fact, y: Fact) -> bool:
    """Changed dates ``x`` and ``y`` name another day of the calendar: their weekdays
    differ (both write one, or either is a weekday alone), or their months, or their days
    of the month. Otherwise only the year differs: a figure of its own (a count of years,
    written alike in every language), and the change is a changed number."""
    if weekday_only(x) or weekday_only(y):
        return True
    if x.weekday is not None and y.weekday is not None and x.weekday != y.weekday:
        return True
    return ymd(x)[1] != ymd(y)[1] or ymd(x)[2] != ymd(y)[2]


def weekday_only(f: Fact) -> bool:
    """A weekday standing alone, with no day, month or year."""
    return f.value == (None, None, None)


def dates_agree(x: Fact, y: Fact) -> bool:
    """Every field both dates give is equal, and so are the weekdays both write; a weekday
    alone agrees with the same written weekday."""
    wx, wy = x.weekday, y.weekday
    if weekday_only(x) or weekday_only(y):
        return wx is not None and wx == wy
    if not compatible(ymd(x), ymd(y)):
        return False
    return wx is None or wy is None or wx == wy


def same_shape(x: Fact, y: Fact) -> bool:
    """Dates that can conflict: both give a day, or both a month, or both only a year; a
    weekday alone conflicts with another written weekday."""
    if weekday_only(x) or weekday_only(y):
        return x.weekday is not None and y.weekday is not None
    (_, mx, dx), (_, my, dy) = ymd(x), ymd(y)
    return (dx is None) == (dy is None) and (mx is None) == (my is None)


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
    """The written weekday of a date fact, as its name in the pivot language ("" when none
    is written)."""
    wd = f.weekday
    return lang.get(lang.PIVOT).WEEKDAYS[wd] if wd is not None else ""
