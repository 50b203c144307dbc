"""The fact record every extractor returns."""

from __future__ import annotations

from dataclasses import dataclass

from ..text import fold, stem  # noqa: F401  (re-exported: the extractors' primitives)


@dataclass
class Fact:
    """A fact found in a text: ``text[start:end] == surface`` always holds.

    The first six fields are common to every kind; the rest belong to one kind each and
    keep their defaults elsewhere. ``sentence``, ``doc_start`` and ``doc_end`` place the
    fact in its document once the fact table (:mod:`concord.facts.table`) has read it.
    """

    kind: str  # number | date | name | quote
    value: object  # number: float; date: (y, m, d); name: folded string; quote: text
    start: int
    end: int
    surface: str
    unit: str | None = None
    # where it stands in the document
    sentence: int | None = None
    doc_start: int | None = None
    doc_end: int | None = None
    # numbers
    ordinal: bool = False  # 16th, tercera, siglo XVI
    century: bool = False  # a Roman-numeral century
    spelled: bool = False  # written in words
    decade: bool = False  # los años 60, the 1960s
    approx: bool = False  # about / unos / cerca de before it
    scaled: float | None = None  # the magnitude word after it (million -> 1e6)
    alt: float | None = None  # another reading of the value (the 3 of "3 to 10 million")
    # dates
    weekday: int | None = None  # 0 = Monday
    weekday_ok: bool | None = None  # a written weekday agrees with the calendar
    invalid: bool = False  # a day the month does not have
    # names
    alias: bool = False  # an alias in quotes (alias "La Tuta")
    entity: str | None = None  # the NER label it came from
    # quotes
    speaker: str | None = None
