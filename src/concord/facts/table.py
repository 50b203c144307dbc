"""The fact table of one document: every sentence's numbers, dates, names and quotes.

Built once per document by the extract stage (:func:`document_facts`) and shared by every
check of every pair the document is in. Facts are read from the original text; a date in
a span of another language (a Spanish byline in an English article) is read in the span's
language. Each fact records its sentence and its offsets in the whole document.
"""

from __future__ import annotations

import copy
from functools import cached_property
from typing import cast

from .. import lang
from ..document import Document, Sentence
from ..text import folded_words, stem
from .base import Fact
from .dates import extract_dates
from .name_knowledge import defined_acronyms
from .names import TextIndex, extract_names, label_names, names_from_entities, significant_tokens
from .numbers import extract_numbers
from .quotes import extract_quotes


class DocumentFacts:
    """Facts of one document, per sentence index, read from the original text."""

    def __init__(self, doc: Document, ner=None, pivot: str = lang.PIVOT):
        self.doc = doc
        self.pivot = pivot
        self.numbers: dict[int, list[Fact]] = {}
        self.dates: dict[int, list[Fact]] = {}
        self.names: dict[int, list[Fact]] = {}
        self.quotes: dict[int, list[Fact]] = {}
        context = doc.text
        entities = _entities(doc, ner)
        for s in doc.sentences:
            lang = s.language or doc.language
            dates = extract_dates(s.text, lang)
            for f in dates:
                _absolute(f, s)
            nums = [n for n in extract_numbers(s.text, lang)
                    if not any(d.start <= n.start and n.end <= d.end for d in dates)]
            # span-level language: a Spanish date inside an English sentence
            for sp in s.spans:
                for f in extract_dates(sp.text, sp.language):
                    f.start += sp.start - s.start
                    f.end += sp.start - s.start
                    if not any(d.start <= f.start < d.end for d in dates):
                        dates.append(_absolute(f, s))
            for f in nums:
                _absolute(f, s)
            self.numbers[s.index] = [n for n in nums if not _is_year_like(n, dates)]
            self.dates[s.index] = dates
            names = (names_from_entities(s.text, entities[s.index], lang, context) if s.index in entities
                     else extract_names(s.text, lang, context))
            if doc.prealigned:  # a user-interface string: capitals of style are no names
                names = label_names(s.text, names, lang)
            self.names[s.index] = [_absolute(f, s) for f in names]
            self.quotes[s.index] = [_absolute(f, s) for f in extract_quotes(s.text, lang)]
        self.pivot_text = " ".join(s.pivot_text for s in doc.sentences)
        self.source_text = doc.text

    @cached_property
    def rendered(self) -> dict[int, frozenset]:
        """Names that MT partly translated, by fact id: the word stems of the words MT kept.
        ``Los Caballeros Templarios`` -> ``The Knights Templarios``: kept ``templarios``,
        so ``{"templ"}``; a name MT left whole (a person's) is not in the table."""
        out = {}
        for s in self.doc.sentences:
            if not s.translation or (s.language or self.doc.language) == self.pivot:
                continue
            trans = folded_words(s.translation)
            for f in self.names.get(s.index, []):
                toks = significant_tokens(f.surface)
                kept = [t for t in toks if t in trans]
                if kept and len(kept) < len(toks):
                    out[id(f)] = frozenset(stem(t) for t in kept)
        return out

    @cached_property
    def indexes(self) -> tuple[TextIndex, TextIndex]:
        """The lookup indexes of the original text and of the translation (built on first
        use, shared by every pair the document is in)."""
        return TextIndex(self.source_text), TextIndex(self.pivot_text)

    @cached_property
    def acronyms(self) -> dict[str, str]:
        """The acronyms the document defines: ``{"OPS": "Organización Panamericana de la
        Salud"}``."""
        return defined_acronyms(self.source_text)

    @cached_property
    def rendered_index(self) -> dict[str, list[frozenset]]:
        """The values of :attr:`rendered` by their smallest stem: which kept-stem sets a
        set of stems can contain, looked up by its own stems."""
        out: dict[str, list[frozenset]] = {}
        for kept in self.rendered.values():
            out.setdefault(min(kept), []).append(kept)
        return out

    def without(self, spans: list[tuple[int, int]]) -> DocumentFacts:
        """A view of this table without the facts inside the document ranges ``spans`` (a
        dateline one pair reports whole): the same document and indexes, shallow-copied so
        the table shared by the document's other pairs is unchanged."""
        view = copy.copy(self)

        def keep(f: Fact) -> bool:
            return not any(a <= (f.doc_start or 0) and (f.doc_end or 0) <= b for a, b in spans)

        for name in ("numbers", "dates", "names", "quotes"):
            table: dict[int, list[Fact]] = getattr(self, name)
            setattr(view, name, {i: [f for f in fs if keep(f)] for i, fs in table.items()})
        return view

    def all(self, table: dict[int, list[Fact]], sents) -> list[Fact]:
        """The facts of ``table`` in the sentences ``sents``, in order."""
        return [f for i in sents for f in table.get(i, [])]

    def of_sentence(self, i: int) -> list[str]:
        """The surfaces of every fact of sentence ``i`` (quotes in quotation marks)."""
        facts = [f.surface for f in self.numbers.get(i, [])]
        facts += [f.surface for f in self.dates.get(i, [])]
        facts += [f.surface for f in self.names.get(i, [])]
        facts += ["“" + f.surface + "”" for f in self.quotes.get(i, [])]
        return facts


def _absolute(f: Fact, s: Sentence) -> Fact:
    f.doc_start = s.start + f.start
    f.doc_end = s.start + f.end
    f.sentence = s.index
    return f


def _entities(doc: Document, ner) -> dict[int, list]:
    """NER entities per sentence index, for the sentences whose language has a model
    (one batch per language); sentences of other languages use the rule extractor."""
    if ner is None:
        return {}
    by_lang: dict[str | None, list[Sentence]] = {}
    for s in doc.sentences:
        lang = s.language or doc.language
        if ner.available(lang):
            by_lang.setdefault(lang, []).append(s)
    out = {}
    for lang, sents in by_lang.items():
        for s, ents in zip(sents, ner.entities([s.text for s in sents], lang)):
            out[s.index] = ents
    return out


def _is_year_like(n: Fact, dates: list[Fact]) -> bool:
    """A bare year that is already part of a date fact, or a day number of a date."""
    v = cast(float, n.value)  # a number's value is a float, a date's (year, month, day)
    years = (cast("tuple[int | None, int | None, int | None]", d.value)[0] for d in dates)
    return float(v).is_integer() and any(y == int(v) for y in years if y)


def document_facts(doc: Document, ner=None, pivot: str = lang.PIVOT) -> DocumentFacts:
    """Extract the facts of one document once; every check of every pair reuses them.
    ``ner`` (see :mod:`concord.facts.ner`) finds names where it has a model."""
    return DocumentFacts(doc, ner, pivot)
