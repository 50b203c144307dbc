"""The fact record every extractor returns."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


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

    def to_dict(self) -> dict:
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        return {"kind": self.kind, "value": value, "start": self.start, "end": self.end,
                "surface": self.surface, "unit": self.unit}


def fold(text: str) -> str:
    """Lower-case without accents: ``García`` and ``Garcia`` fold alike."""
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in nfkd if not unicodedata.combining(ch)).lower()


def stem(folded: str) -> str:
    """A crude language-neutral stem of a folded word: no plural -s, at most five letters
    (``agencies``/``agency`` and ``chilean``/``chile`` meet)."""
    if len(folded) > 4 and folded.endswith("s") and not folded.endswith("ss"):
        folded = folded[:-1]
    return folded[:5]
