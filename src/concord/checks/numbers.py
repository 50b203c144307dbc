"""Number checks: a figure changed, or stated in one version only."""

from __future__ import annotations

from ..document import Bead, Category, Severity
from ..facts.base import Fact
from ..facts.numbers import number_key, same_number
from ..facts.table import DocumentFacts
from .base import Pair, check, evidence


@check("number", Category.NUMBER, Severity.ERROR)
def numbers_differ(pair: Pair, bead: Bead):
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
    ``a pair``, ``twice``) is info: translators say it in words that are not numbers.
    """
    A, B = pair.A, pair.B
    left, right = _pair_numbers(A.all(A.numbers, bead.a), B.all(B.numbers, bead.b))
    # a year or day of a date on the other side
    left = [x for x in left if not any(_date_holds(x, d) for d in B.all(B.dates, bead.b))]
    right = [y for y in right if not any(_date_holds(y, d) for d in A.all(A.dates, bead.a))]
    out = []
    doc_b_vals = [f for fs in B.numbers.values() for f in fs]
    doc_a_vals = [f for fs in A.numbers.values() for f in fs]
    doc_b_dates = [f for fs in B.dates.values() for f in fs]
    doc_a_dates = [f for fs in A.dates.values() for f in fs]
    pairs = list(zip([x for x in left if _strong_ordinal(x)], [y for y in right if _strong_ordinal(y)]))
    left = [x for x in left if not x.ordinal]
    right = [y for y in right if not y.ordinal]
    pairs += list(zip(left, right)) if left and right else []
    n_card = min(len(left), len(right))
    for x, y in pairs:
        where = " (inside a quote)" if _in_quote(A, x) or _in_quote(B, y) else ""
        out.append(pair.finding(
            "number", Severity.ERROR,
            f"Number changed{where}: {A.doc.id} says {x.surface!r}, {B.doc.id} says {y.surface!r}.",
            evidence(A.doc, bead.a, x), evidence(B.doc, bead.b, y), number_key(x), number_key(y)))
    for x in left[n_card:]:
        if any(same_number(x, y) for y in doc_b_vals) or any(_date_holds(x, d) for d in doc_b_dates):
            continue
        out.append(pair.finding("number", _one_side_severity(x),
                                f"Number {x.surface!r} is in {A.doc.id} but not in {B.doc.id}.",
                                evidence(A.doc, bead.a, x), evidence(B.doc, bead.b), number_key(x), ""))
    for y in right[n_card:]:
        if any(same_number(x, y) for x in doc_a_vals) or any(_date_holds(y, d) for d in doc_a_dates):
            continue
        out.append(pair.finding("number", _one_side_severity(y),
                                f"Number {y.surface!r} is in {B.doc.id} but not in {A.doc.id}.",
                                evidence(A.doc, bead.a), evidence(B.doc, bead.b, y), "", number_key(y)))
    return out


def _in_quote(side: DocumentFacts, f: Fact) -> bool:
    """Fact ``f`` lies inside a quotation of its sentence."""
    return any(q.start <= f.start and f.end <= q.end for q in side.quotes.get(f.sentence, []))


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
    if not float(n.value).is_integer():
        return False
    v = int(n.value)
    year, _, day = d.value
    if n.decade:
        return year is not None and (year == v or (v < 100 and year % 100 == v))
    return (year is not None and year == v) or (day is not None and day == v and not n.unit)


def _strong_ordinal(f: Fact) -> bool:
    """An ordinal written with digits or a Roman numeral (``16th``, ``4º``, ``siglo XVI``)."""
    return bool(f.ordinal) and not f.spelled


def _one_side_severity(f: Fact) -> Severity:
    small_word = f.spelled and not f.unit and f.value <= 12
    return Severity.INFO if small_word else Severity.WARNING
