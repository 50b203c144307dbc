"""Number checks: a figure changed, or stated in one version only."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import cast

from ..document import Bead, Category, Finding, Severity
from ..facts.base import Fact
from ..facts.dates import calendar_change, date_changes, date_key, dates_agree, year_number, year_only, ymd
from ..facts.numbers import number_key, same_number, unit_readings, value_of
from ..facts.quantities import convert, convertible, precision
from ..facts.table import DocumentFacts
from .base import Pair, check, evidence


@check("number", Category.NUMBER, Severity.ERROR)
def numbers_differ(pair: Pair, bead: Bead) -> list[Finding]:
    """A number differs within an aligned pair of sentences.

    Flags a number changed between versions (``12`` vs ``14``; error) and a number present
    on one side only (warning) unless it appears anywhere in the other version (it moved).
    Values are compared, not strings: ``1.500`` (es) = ``1,500`` (en), ``siete`` = ``7``,
    ``50 por ciento`` = ``50%``, ``160 km`` = ``100 miles``, ``los años 60`` = ``the
    1960s`` (see :func:`concord.facts.numbers.same_number`). A number that is a year or day
    of a date on the other side is that date (``the 2016 election`` / ``las elecciones de
    2016``). Ordinals count against ordinals first; two leftover written ordinals (``16th``,
    ``siglo XVI``) that differ are a change, an ordinal word alone is not reported. A small
    count spelled out on one side only (``two`` with no number opposite: ``both``,
    ``a pair``, ``twice``) is info, and a hundred percent on one side only (``100 percent
    certain`` / ``totalmente seguro``, ``100% of the shares`` / ``todas las acciones``) is
    no finding: it is the whole, which translators say in words that are not numbers (a
    hundred percent against another figure is still a changed number).

    A date whose year changed while its day, month and weekday agree (``10 de octubre de
    1958`` / ``October 10, 1960``, ``en 2012`` / ``in 2011``) is a changed figure: reported
    here (error), not by the ``date`` check, which reports a changed day of the calendar
    (see :func:`concord.facts.dates.calendar_change`).
    """
    A, B = pair.A, pair.B
    out: list[Finding] = []
    for x, y in date_changes(A.all(A.dates, bead.a), B.all(B.dates, bead.b)):
        if calendar_change(x, y):
            continue
        out.append(pair.finding(
            "number", Severity.ERROR,
            f"Number changed in a date: {A.doc.id} says {x.surface!r}, {B.doc.id} says {y.surface!r}.",
            evidence(A.doc, bead.a, x), evidence(B.doc, bead.b, y), date_key(ymd(x)), date_key(ymd(y))))
    left, right = _pair_numbers(A.all(A.numbers, bead.a), B.all(B.numbers, bead.b))
    # a year or day of a date on the other side
    left = [x for x in left if not any(_date_holds(x, d) for d in B.all(B.dates, bead.b))]
    right = [y for y in right if not any(_date_holds(y, d) for d in A.all(A.dates, bead.a))]
    pairs = list(zip([x for x in left if _strong_ordinal(x)], [y for y in right if _strong_ordinal(y)]))
    left = [x for x in left if not x.ordinal]
    right = [y for y in right if not y.ordinal]
    pairs += list(zip(left, right)) if left and right else []
    n_card = min(len(left), len(right))
    lone_left, lone_right = left[n_card:], right[n_card:]
    out += _years_against_dates(pair, bead, lone_left, lone_right)
    for x, y in pairs:
        where = " (inside a quote)" if _in_quote(A, x) or _in_quote(B, y) else ""
        out.append(pair.finding(
            "number", Severity.ERROR,
            f"Number changed{where}: {A.doc.id} says {x.surface!r}, {B.doc.id} says {y.surface!r}.",
            evidence(A.doc, bead.a, x), evidence(B.doc, bead.b, y), number_key(x), number_key(y)))
    for x in lone_left:
        if _index(pair, B).holds(x) or _whole(x):
            continue
        out.append(pair.finding("number", _one_side_severity(x),
                                f"Number {x.surface!r} is in {A.doc.id} but not in {B.doc.id}.",
                                evidence(A.doc, bead.a, x), evidence(B.doc, bead.b), number_key(x), ""))
    for y in lone_right:
        if _index(pair, A).holds(y) or _whole(y):
            continue
        out.append(pair.finding("number", _one_side_severity(y),
                                f"Number {y.surface!r} is in {B.doc.id} but not in {A.doc.id}.",
                                evidence(A.doc, bead.a), evidence(B.doc, bead.b, y), "", number_key(y)))
    return out


def _years_against_dates(pair: Pair, bead: Bead, left: list[Fact], right: list[Fact]) -> list[Finding]:
    """A year written as a bare number on one side (``140 millones de dólares 2017``)
    against a year-only date on the other (``$140 million in 2019``) that nothing on the
    first side gives: the year changed (error). The numbers reported are removed from
    ``left`` and ``right`` (they are not also "in one version only")."""
    A, B = pair.A, pair.B
    out: list[Finding] = []
    for mine, theirs, side, other, sents, others, a_first in (
            (left, B.all(B.dates, bead.b), A, B, bead.a, bead.b, True),
            (right, A.all(A.dates, bead.a), B, A, bead.b, bead.a, False)):
        own_dates = side.all(side.dates, sents)
        own_numbers = side.all(side.numbers, sents)
        lone = [d for d in theirs if year_only(d)
                and not any(dates_agree(d, e) for e in own_dates)
                and not any(_date_holds(n, d) for n in own_numbers)]
        for x in [x for x in mine if year_number(x)]:
            if not lone:
                break
            d = lone.pop(0)
            mine.remove(x)
            ex, ed = evidence(side.doc, sents, x), evidence(other.doc, others, d)
            xs, ds = x.surface, d.surface
            out.append(pair.finding(
                "number", Severity.ERROR,
                f"Number changed in a date: {A.doc.id} says {(xs if a_first else ds)!r}, "
                f"{B.doc.id} says {(ds if a_first else xs)!r}.",
                ex if a_first else ed, ed if a_first else ex,
                number_key(x) if a_first else date_key(ymd(d)),
                date_key(ymd(d)) if a_first else number_key(x)))
    return out


def _index(pair: Pair, side: DocumentFacts) -> _DocNumbers:
    """The number and date index of one side of ``pair``, built once per pair."""
    key = ("numbers", id(side))
    if key not in pair.cache:
        pair.cache[key] = _DocNumbers(side)
    return cast(_DocNumbers, pair.cache[key])


class _DocNumbers:
    """Every number and date of one document, indexed so that "does number ``x`` appear
    anywhere in this version?" costs a few lookups, not a scan of the document.

    Numbers that :func:`same_number` cannot tell apart are kept once. Values are sorted
    for a bisect (equal within :func:`same_number`'s tolerance); two-digit decades are
    kept by their last two digits; quantities are kept by unit, rounding step and
    approximateness, each list sorted by value, where the two values either side of ``x``
    converted decide (:func:`concord.facts.quantities.same_quantity` accepts a difference
    up to a bound that grows with the distance from ``x``'s value only monotonically, so
    if the nearest value on a side fails, every farther one does). The years and days of
    dates are sets. Every candidate is confirmed with :func:`same_number`: the answer is
    exactly that of comparing ``x`` with every number of the document."""

    def __init__(self, side: DocumentFacts):
        seen: set[tuple[object, ...]] = set()
        pts: list[tuple[float, int, Fact]] = []
        self.odd: list[Fact] = []  # values a bisect cannot place (nan)
        self.decades: dict[int, list[Fact]] = {}
        by_unit: dict[tuple[str, float | None, bool], list[tuple[float, int, Fact]]] = {}
        k = 0
        for i in sorted(side.numbers):
            for f in side.numbers[i]:
                vals = [value_of(f)] + ([f.alt] if f.alt is not None else [])
                if any(not isinstance(v, (int, float)) or math.isnan(v) for v in vals):
                    self.odd.append(f)
                    continue
                step = precision(f.surface, value_of(f)) if f.unit and not math.isinf(value_of(f)) else None
                sig = (f.decade, value_of(f), f.alt, f.unit, step, f.approx)
                if sig in seen:
                    continue  # same_number gives the same answer for both
                seen.add(sig)
                k += 1
                pts += [(float(v), k, f) for v in vals]
                if f.decade:
                    self.decades.setdefault(int(value_of(f)) % 100, []).append(f)
                elif f.unit and not math.isinf(value_of(f)):
                    by_unit.setdefault((f.unit, step, f.approx), []).append((float(value_of(f)), k, f))
        pts.sort(key=lambda t: (t[0], t[1]))
        self.keys = [v for v, _, _ in pts]
        self.facts = [f for _, _, f in pts]
        self.units: dict[tuple[str, float | None, bool], tuple[list[float], list[Fact]]] = {}
        for bucket, rows in sorted(by_unit.items(), key=lambda kv: repr(kv[0])):
            rows.sort(key=lambda t: (t[0], t[1]))
            self.units[bucket] = ([v for v, _, _ in rows], [f for _, _, f in rows])
        self.years: set[int] = set()
        self.days: set[int] = set()
        for i in sorted(side.dates):
            for d in side.dates[i]:
                year, _, day = ymd(d)
                if year is not None:
                    self.years.add(year)
                if day is not None:
                    self.days.add(day)
        self.years_2 = {y % 100 for y in self.years}
        # the times of day written with a colon or an h (10:30, 06h30, 23 h 45), which no
        # profile reads as numbers: hours and minutes as a figure H.MM, and the hour alone
        # on the hour (10h00)
        self.clock: set[float] = set()
        doc = getattr(side, "doc", None)  # (an index built from facts alone has no text)
        for m in _CLOCK.finditer(doc.text if doc is not None else ""):
            hours, minutes = int(m.group(1)), int(m.group(2))
            self.clock.add(round(hours + minutes / 100, 2))
            if minutes == 0:
                self.clock.add(float(hours))
        self._memo: dict[tuple[object, ...], bool] = {}

    def holds(self, x: Fact) -> bool:
        """``x`` equals a number of this document, or is the year or day of one of its dates,
        or is a time of day this document writes as one (``6.30`` / ``06h30``, ``10am`` /
        ``10:00``)."""
        sig = (value_of(x), x.alt, x.unit, x.decade, x.surface, x.approx)
        if sig not in self._memo:
            self._memo[sig] = self._date_holds(x) or self._clock_holds(x) \
                or any(same_number(x, y) for y in self._candidates(x))
        return self._memo[sig]

    def _clock_holds(self, n: Fact) -> bool:
        """A bare figure of a time of day (no unit, no ordinal: the ``6.30`` of ``6.30-10am``)
        that this document writes as a time."""
        v = value_of(n)
        return bool(self.clock) and not n.unit and not n.ordinal and not n.decade \
            and isinstance(v, (int, float)) and round(float(v), 2) in self.clock

    def _date_holds(self, n: Fact) -> bool:
        """As :func:`_date_holds` against every date of the document."""
        v = value_of(n)
        if not isinstance(v, (int, float)) or math.isnan(v) or math.isinf(v) or not float(v).is_integer():
            return False
        v = int(v)
        if n.decade:
            return v in self.years or (v < 100 and v in self.years_2)
        return v in self.years or (not n.unit and v in self.days)

    def _candidates(self, x: Fact) -> Iterator[Fact]:
        yield from self.odd
        for a in [value_of(x)] + ([x.alt] if x.alt is not None else []):
            if not isinstance(a, (int, float)) or math.isnan(a):
                yield from self.facts
                return
            tol = 2e-9 * max(1.0, abs(a))
            yield from self.facts[bisect_left(self.keys, a - tol):bisect_right(self.keys, a + tol)]
        if x.decade:
            yield from self.decades.get(int(value_of(x)) % 100, [])
            return  # a decade is compared by value, never converted
        if not x.unit or math.isinf(value_of(x)):
            return
        for (unit, _, _), (keys, facts) in self.units.items():
            if unit == x.unit != "deg":
                continue  # same unit: compared by value (above); degrees with no scale
                # on both sides may be Fahrenheit on one, Celsius on the other
            for ux in unit_readings(x.unit):
                for uy in unit_readings(unit):
                    if ux != uy and convertible(ux, uy):
                        # the nearest value below and the nearest at or above, converted
                        at = bisect_left(keys, convert(value_of(x), ux, uy))
                        yield from facts[max(0, at - 1):at + 1]


# a time of day: hours and minutes with a colon or an h between (10:30, 06h30, 23 h 45),
# not part of a longer figure
_CLOCK = re.compile(r"(?<![\d.,:])([01]?\d|2[0-3])\s?[h:]\s?([0-5]\d)(?![\d:])")


def _in_quote(side: DocumentFacts, f: Fact) -> bool:
    """Fact ``f`` lies inside a quotation of its sentence."""
    quotes = side.quotes.get(f.sentence, []) if f.sentence is not None else []
    return any(q.start <= f.start and f.end <= q.end for q in quotes)


def _pair_numbers(na: list[Fact], nb: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """Remove the numbers that agree, ordinals with ordinals first; return the rest."""
    left = list(na)
    right = list(nb)
    for strict in (True, False):
        for x in list(left):
            for y in right:
                if same_number(x, y) and (not strict or x.ordinal
                                          == y.ordinal):
                    left.remove(x)
                    right.remove(y)
                    break
    return left, right


def _date_holds(n: Fact, d: Fact) -> bool:
    """Number ``n`` is the year, or the day, of date ``d`` (or the decade of its year)."""
    if not float(value_of(n)).is_integer():
        return False
    v = int(value_of(n))
    year, _, day = ymd(d)
    if n.decade:
        return year is not None and (year == v or (v < 100 and year % 100 == v))
    return (year is not None and year == v) or (day is not None and day == v and not n.unit)


def _strong_ordinal(f: Fact) -> bool:
    """An ordinal written with digits or a Roman numeral (``16th``, ``4º``, ``siglo XVI``)."""
    return bool(f.ordinal) and not f.spelled


def _whole(f: Fact) -> bool:
    """A hundred percent, the whole (``100 percent certain`` / ``totalmente seguro``,
    ``cien por cien`` / ``entirely``): a degree said in words, not a figure."""
    return f.unit == "percent" and value_of(f) == 100


def _one_side_severity(f: Fact) -> Severity:
    """Info for what translators say in words that are not numbers: a small count spelled
    out (``two`` / ``both``), and a magnitude after the indefinite article, which is also
    the numeral *one* in French, Portuguese and Spanish (``un milliard de dollars``, ``um
    bilhão``) where English writes ``a billion``, no figure."""
    small_word = f.spelled and not f.unit and value_of(f) <= 12
    article_magnitude = bool(f.spelled and f.scaled and value_of(f) == f.scaled)
    return Severity.INFO if small_word or article_magnitude else Severity.WARNING
