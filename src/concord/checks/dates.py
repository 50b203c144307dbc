"""Date checks: a date changed, or a weekday that contradicts its date."""

from __future__ import annotations

from ..document import Bead, Category, Severity
from ..facts.base import Fact
from ..facts.dates import compatible, date_key, weekday_key
from .base import Pair, check, evidence


@check("date", Category.DATE, Severity.ERROR)
def dates_differ(pair: Pair, bead: Bead):
    """A date differs within an aligned pair of sentences.

    ``20 de enero, 2026`` = ``January 20, 2026``; a date agrees with another when every
    field both give (year, month, day) is equal and, when both write a weekday, the
    weekdays are equal. A weekday standing alone (``el domingo``) is compared with the
    weekdays the other side writes; a side that names no weekday is not a change. Only a
    date of the same shape on the other side counts as a change (error).
    """
    A, B = pair.A, pair.B
    da = A.all(A.dates, bead.a)
    db = B.all(B.dates, bead.b)
    out = []
    left = [x for x in da if not any(_dates_agree(x, y) for y in db)]
    right = [y for y in db if not any(_dates_agree(x, y) for x in da)]
    for x in left:
        rivals = [y for y in right if _same_shape(x, y)]
        if rivals:
            y = rivals[0]
            right.remove(y)
            out.append(pair.finding("date", Severity.ERROR,
                                    f"Date changed: {A.doc.id} says {x.surface!r}, {B.doc.id} says {y.surface!r}.",
                                    evidence(A.doc, bead.a, x), evidence(B.doc, bead.b, y),
                                    date_key(x.value) + weekday_key(x), date_key(y.value) + weekday_key(y)))
    return out


def _weekday_only(f: Fact) -> bool:
    return f.value == (None, None, None)


def _dates_agree(x: Fact, y: Fact) -> bool:
    wx, wy = x.weekday, y.weekday
    if _weekday_only(x) or _weekday_only(y):
        return wx is not None and wx == wy
    if not compatible(x.value, y.value):
        return False
    return wx is None or wy is None or wx == wy


def _same_shape(x: Fact, y: Fact) -> bool:
    """Dates that can conflict: both give a day, or both a month, or both only a year; a
    weekday alone conflicts with another written weekday."""
    if _weekday_only(x) or _weekday_only(y):
        return x.weekday is not None and y.weekday is not None
    return (x.value[2] is None) == (y.value[2] is None) and (x.value[1] is None) == (y.value[1] is None)


@check("weekday", Category.DATE, Severity.WARNING)
def weekday_contradicts_date(pair: Pair, bead: Bead):
    """A weekday written next to a full date is not that date's day of the week.

    ``martes 21 de enero de 2026`` (a Wednesday) is flagged in the version that says it,
    whatever the other version says: one of the two is wrong.
    """
    out = []
    for side, sents, is_a in ((pair.A, bead.a, True), (pair.B, bead.b, False)):
        for f in side.all(side.dates, sents):
            if f.weekday_ok is False:
                ev = evidence(side.doc, sents, f)
                out.append(pair.finding("weekday", Severity.WARNING,
                                        f"Weekday does not match the date in {side.doc.id}: {f.surface!r}.",
                                        ev if is_a else None, None if is_a else ev,
                                        "weekday", date_key(f.value)))
    return out
