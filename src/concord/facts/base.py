"""The fact record every extractor returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text import fold, stem  # noqa: F401  (re-exported: the extractors' primitives)


@dataclass
class Fact:
    """A fact found in a text: ``text[start:end] == surface`` always holds."""

    kind: str  # number | date | name | quote
    value: object  # number: float; date: (y, m, d); name: folded string; quote: text
    start: int
    end: int
    surface: str
    unit: str | None = None
    extra: dict = field(default_factory=dict)
