"""Fact extraction: one module per fact kind (numbers, dates, names, quotes), the NER
backends (:mod:`.ner`) and the per-document fact table every check reads (:mod:`.table`)."""

from __future__ import annotations

from .base import Fact, fold
from .dates import extract_dates
from .names import extract_names, name_in
from .numbers import extract_numbers
from .quotes import extract_quotes

__all__ = ["Fact", "fold", "extract_dates", "extract_names", "extract_numbers", "extract_quotes", "name_in"]
