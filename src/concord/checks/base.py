"""The check registry and what every check is given.

A check is a small function registered with :func:`check` (in the manner of
translate-toolkit's ``@critical``/``@functional`` filters and sacrebleu's ``METRICS``): its
id, the :class:`~concord.document.Category` of what it reports, its default
:class:`~concord.document.Severity` and its scope. The first line of its docstring is its
title (SARIF rule text, the README's check table); the rest says what it flags and why.

* ``scope="bead"`` checks run on every matched bead: ``fn(pair, bead) -> findings``;
* ``scope="pair"`` checks run once per pair of versions: ``fn(pair) -> findings``.

A check builds findings with :meth:`Pair.finding`, which fills in the category, the stable
id and the evidence; it never imports the aligner or the reports.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .. import lang
from ..document import Bead, BeadKind, Category, Document, Evidence, Finding, Severity
from ..facts.base import Fact
from ..facts.table import DocumentFacts
from ..text import fold
from ..versions import is_source, pair_order  # noqa: F401  (re-exported: checks read them here)

# A check function: ``fn(pair, bead)`` (scope "bead") or ``fn(pair)`` (scope "pair").
CheckFunc = Callable[..., Iterable[Finding]]
F = TypeVar("F", bound=CheckFunc)


@dataclass(frozen=True)
class Check:
    """A registered check."""

    id: str
    category: Category
    severity: Severity  # the most serious severity it reports by default
    scope: str  # "bead" or "pair"
    func: CheckFunc
    title: str
    description: str
    default: bool = True  # runs unless --checks names others; False: only when named
    # a pair check that reports passages whole (a dateline one version lacks) and claims
    # them (``Pair.claimed``): it runs first, and the other checks do not see their facts
    claims: bool = False

    def __call__(self, *args: Any) -> Iterable[Finding]:
        return self.func(*args)


REGISTRY: dict[str, Check] = {}
SCOPES = ("bead", "pair")


def check(id: str, category: Category, severity: Severity, scope: str = "bead",
          default: bool = True, claims: bool = False) -> Callable[[F], F]:
    """Register the decorated function as check ``id`` (ids are unique); the function is
    returned unchanged. A check with ``default=False`` runs only when ``--checks`` names it
    (one still being measured, or slower than its worth on every corpus). A pair check
    with ``claims=True`` runs before the others and claims the passages it reports
    (``Pair.claimed``): the other checks do not see the facts inside them."""

    def deco(fn: F) -> F:
        if id in REGISTRY:
            raise ValueError(f"check {id!r} registered twice")
        if scope not in SCOPES:
            raise ValueError(f"check {id!r}: scope must be one of {SCOPES}")
        if claims and scope != "pair":
            raise ValueError(f"check {id!r}: only a pair check claims passages")
        doc = (fn.__doc__ or "").strip()
        if not doc:
            raise ValueError(f"check {id!r} has no docstring")
        title, _, rest = doc.partition("\n")
        REGISTRY[id] = Check(id, Category(category), Severity(severity), scope, fn, title.strip(),
                             " ".join(rest.split()), default, claims)
        return fn

    return deco


def stable_id(category: str, *parts: str) -> str:
    """A finding id: a hash of the category and the normalised keys (case, accents and
    spacing ignored), so it survives unrelated edits around the evidence."""
    norm = "\x1f".join(" ".join(fold(p or "").split()) for p in parts)
    return hashlib.sha256(f"{category}\x1f{norm}".encode()).hexdigest()[:16]


def shorten(text: str, width: int = 90) -> str:
    """``text`` on one line, cut at a word boundary to about ``width`` characters."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0] or text[:width]
    return cut.rstrip(",;:") + "…"


def evidence(doc: Document, sents: list[int], fact: Fact | None = None) -> Evidence | None:
    """Evidence in ``doc``: the fact's own text when given, else the sentences ``sents``."""
    if not sents:
        return None
    if fact is not None and fact.doc_start is not None and fact.doc_end is not None:  # set together
        start, end = fact.doc_start, fact.doc_end
    else:
        start = doc.sentences[sents[0]].start
        end = doc.sentences[sents[-1]].end
    line, col = doc.line_col(start)
    return Evidence(doc.id, list(sents), doc.text[start:end], start, end, line, col,
                    unit=doc.sentences[sents[0]].unit)


def span_evidence(doc: Document, sentence: int, start: int, text: str) -> Evidence | None:
    """Evidence for ``text`` found at document offset ``start`` (None if it is not there)."""
    if doc.text[start:start + len(text)] != text:
        return None
    line, col = doc.line_col(start)
    return Evidence(doc.id, [sentence], text, start, start + len(text), line, col,
                    unit=doc.sentences[sentence].unit)


@dataclass
class Pair:
    """Two aligned versions and their fact tables: what every check reads."""

    A: DocumentFacts
    B: DocumentFacts
    beads: list[Bead]
    pivot: str = lang.PIVOT
    # per-pair results checks share, keyed by a tuple that starts with the check's name
    cache: dict[tuple[object, ...], Any] = field(default_factory=dict)
    source: str = ""  # the run's --source: a language or file name ("" = no source)
    # text a pair check reported as a whole (a dateline one version lacks), as (document
    # id, start, end): other findings about one side's facts inside it are folded into it
    claimed: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def a_is_source(self) -> bool:
        """Whether A is the source and B its translation (else the wording is neutral)."""
        return is_source(self.A.doc, self.source) and not is_source(self.B.doc, self.source)

    @property
    def cross_language(self) -> bool:
        return (self.A.doc.language or "") != (self.B.doc.language or "")

    def finding(self, check_id: str, severity: Severity | str, message: str, a: Evidence | None,
                b: Evidence | None, key_a: str | None = None, key_b: str | None = None,
                classification: str | None = None, facts: list[str] | None = None) -> Finding:
        """A finding of check ``check_id``. Its id hashes the check's category and the keys
        (the normalised facts; the evidence text when no key is given; "" for the side
        that lacks the fact)."""
        category = REGISTRY[check_id].category
        if key_a is None:
            key_a = a.text if a is not None else ""
        if key_b is None:
            key_b = b.text if b is not None else ""
        return Finding(stable_id(category, key_a, key_b), check_id, category, Severity(severity),
                       message, a, b, classification, facts)

    def partner(self, index: int, is_a: bool) -> list[int]:
        """The sentences aligned with sentence ``index`` of A (``is_a``) or of B."""
        for bd in self.beads:
            if bd.kind in (BeadKind.OMISSION, BeadKind.ADDITION):
                continue
            if (index in bd.a) if is_a else (index in bd.b):
                return bd.b if is_a else bd.a
        return []

    def unaligned(self, of_a: bool) -> list[int]:
        """Sentences of A (``of_a``) or of B that have no counterpart: omission (A) or
        addition (B) beads that no moved or repeated bead links, in order."""
        linked_a, linked_b = self.linked()
        if of_a:
            return [bd.a[0] for bd in self.beads if bd.kind == BeadKind.OMISSION and bd.a[0] not in linked_a]
        return [bd.b[0] for bd in self.beads if bd.kind == BeadKind.ADDITION and bd.b[0] not in linked_b]

    def linked(self) -> tuple[set[int], set[int]]:
        """Sentences of A and of B that a moved or repeated bead links."""
        kinds = (BeadKind.MOVED, BeadKind.REPEATED)
        return ({i for bd in self.beads if bd.kind in kinds for i in bd.a},
                {j for bd in self.beads if bd.kind in kinds for j in bd.b})
