"""Date checks: a date changed, or a weekday that contradicts its date."""

from __future__ import annotations

from ..document import Bead, Category, Finding, Severity
from ..facts.dates import calendar_change, date_changes, date_key, weekday_key, ymd
from .base import Pair, check, evidence


@check("date", Category.DATE, Severity.ERROR)
def dates_differ(pair: Pair, bead: Bead) -> list[Finding]:
    """A date differs within an aligned pair of sentences.

    ``20 de enero, 2026`` = ``January 20, 2026``; a date agrees with another when every
    field both give (year, month, day) is equal and, when both write a weekday, the
    weekdays are equal. A weekday standing alone (``el domingo``) is compared with the
    weekdays the other side writes; a side that names no weekday is not a change. Only a
    date of the same shape on the other side counts as a change (error).

    This check reports a change of the day the calendar names: its day, month or weekday.
    A date that differs only in its year (``10 de octubre de 1958`` / ``October 10,
    1960``, ``en 2012`` / ``in 2011``) is a changed number, a figure that stands on its
    own and is written alike in every language, and the ``number`` check reports it (see
    :func:`concord.facts.dates.calendar_change`).
    """
    A, B = pair.A, pair.B
    out: list[Finding] = []
    for x, y in date_changes(A.all(A.dates, bead.a), B.all(B.dates, bead.b)):
        if not calendar_change(x, y):
            continue
        out.append(pair.finding("date", Severity.ERROR,
                                f"Date changed: {A.doc.id} says {x.surface!r}, {B.doc.id} says {y.surface!r}.",
                                evidence(A.doc, bead.a, x), evidence(B.doc, bead.b, y),
                                date_key(ymd(x)) + weekday_key(x), date_key(ymd(y)) + weekday_key(y)))
    return out


@check("weekday", Category.DATE, Severity.WARNING)
def weekday_contradicts_date(pair: Pair, bead: Bead) -> list[Finding]:
    """A weekday written next to a full date is not that date's day of the week.

    ``martes 21 de enero de 2026`` (a Wednesday) is flagged in the version that says it,
    whatever the other version says: one of the two is wrong.
    """
    out: list[Finding] = []
    for side, sents, is_a in ((pair.A, bead.a, True), (pair.B, bead.b, False)):
        for f in side.all(side.dates, sents):
            if f.weekday_ok is False:
                ev = evidence(side.doc, sents, f)
                out.append(pair.finding("weekday", Severity.WARNING,
                                        f"Weekday does not match the date in {side.doc.id}: {f.surface!r}.",
                                        ev if is_a else None, None if is_a else ev,
                                        "weekday", date_key(ymd(f))))
    return out
