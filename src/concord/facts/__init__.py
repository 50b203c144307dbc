"""Fact extraction: one module per fact kind (numbers, dates, names, quotes)."""

from __future__ import annotations

from .base import Fact, fold
from .dates import extract_dates
from .names import extract_names, name_in
from .numbers import extract_numbers
from .quotes import extract_quotes


def extract_facts(text: str, language: str | None = None, context: str | None = None) -> list[Fact]:
    """All facts of ``text``; numbers inside a date are part of the date, not numbers."""
    dates = extract_dates(text, language)
    numbers = [n for n in extract_numbers(text, language)
               if not any(d.start <= n.start and n.end <= d.end for d in dates)]
    return sorted(dates + numbers + extract_names(text, language, context) + extract_quotes(text, language),
                  key=lambda f: (f.start, f.kind))


__all__ = ["Fact", "fold", "extract_facts", "extract_dates", "extract_names", "extract_numbers",
           "extract_quotes", "name_in"]
