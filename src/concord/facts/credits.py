"""Datelines and bylines: the furniture at the top and foot of a news story.

A wire story opens with a dateline (``MADRID, Jan 20 (Reuters) -``, ``Lima, 3 mar (EFE).-``,
or a line of its own: ``Ciudad de México, 20 de enero de 2026``) and carries a byline or
credit line (``By Ana Ruiz``, ``(Reporting by Ana Ruiz; Editing by Tom Lee)``). A version
that drops one loses the place, the date or the author, but not a sentence of the story:
the ``credit`` check reports it once, as its own kind, instead of a sentence omission and
a number and a name finding about the same few words.

What is read here is typography and grammar, not a list of places or agencies:

* a **dateline prefix** opens the first sentence of one of the story's first paragraphs:
  a place (capitalised words; in capitals when no agency follows), an optional date after
  a comma, an optional agency in parentheses, then a dash before the story's first words;
* a **dateline line** is a short paragraph that is a date, optionally after a place and a
  comma (the date read by :mod:`concord.facts.dates`);
* a **byline** is a short paragraph among the first or last ones in which the language's
  agent preposition (``segment.AGENT_PREPOSITIONS``: *by*, *por*, *par*) stands right
  before a name (read by the name extractor or NER), at most three words into the line (or
  into a part after a semicolon), in a line that is no sentence (no final full stop); when
  it also gives a date it serves as the dateline too (``By Ana Ruiz, 20 January 2026``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lang
from ..document import Document, Paragraph
from .table import DocumentFacts

# How far from each end of the story furniture is looked for, in paragraphs: a headline,
# a standfirst and a byline come before the dateline; a credit line and a note after the
# last paragraph.
EDGE_PARAGRAPHS = 3
# A furniture line is short: a place and a date, or a preposition and two or three names.
MAX_LINE_WORDS = 16
MAX_PLACE_WORDS = 5
MAX_DATE_WORDS = 6
# The words of text a dateline prefix must lead into (else the "dash" ends a heading).
MIN_FOLLOWING_WORDS = 3
# The words a credit may have before its preposition (*Reporting by*, *Photo and text by*,
# *date 2026-01-20 Published by*).
MAX_CREDIT_LEAD = 3

# place [, date] [(agency)] dash: the dash is a hyphen with spaces, an en or em dash, or
# Spanish agencies' ".-"; the pieces are checked one by one below.
_PREFIX = re.compile(
    r"(?P<head>[^()\n\-\u2013\u2014]{2,80}?)\s*(?:\((?P<agency>[^()\n]{1,40})\)\s*)?"
    r"(?:\.?\s*-{1,2}|\s*[\u2013\u2014])\s+(?=\S)")
_WORD = re.compile(r"\w[\w.'\u2019-]*")
_TRAILING = " \t.,;:()[]"


@dataclass(frozen=True)
class Credit:
    """A dateline or byline of a document: ``doc.text[start:end] == text``."""

    kinds: tuple[str, ...]  # "byline" and/or "dateline" (a byline that gives the date too)
    start: int
    end: int
    text: str
    sentences: tuple[int, ...]
    whole: bool  # whole paragraphs (a line of its own), not the opening of a sentence


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _place(text: str, capitals: bool) -> bool:
    """Whether ``text`` reads as a place: capitalised words (joined by short lower-case
    words, ``Ciudad de México``), all in capitals when ``capitals``."""
    words = _WORD.findall(text)
    if not words or len(words) > MAX_PLACE_WORDS or not _capitalised(words[0]) or not _capitalised(words[-1]):
        return False
    if any(ch.isdigit() for ch in text):
        return False
    if capitals:
        return all(w.isupper() for w in words) and sum(ch.isalpha() for ch in text) >= 2
    return all(_capitalised(w) or (w.islower() and len(w) <= 3) for w in words)


def _agency(text: str) -> bool:
    words = _WORD.findall(text)
    return bool(words) and len(words) <= 4 and all(_capitalised(w) for w in words)


def _date_part(text: str) -> bool:
    words = _WORD.findall(text)
    return 0 < len(words) <= MAX_DATE_WORDS and any(ch.isdigit() for ch in text)


def _dateline_prefix(text: str) -> int | None:
    """The length of the dateline that opens ``text``, or None."""
    m = _PREFIX.match(text)
    if m is None or len(_WORD.findall(text[m.end():])) < MIN_FOLLOWING_WORDS:
        return None
    head, agency = m.group("head"), m.group("agency")
    place, comma, date = head.partition(",")
    if comma and not _date_part(date):
        return None
    if agency is not None and not _agency(agency):
        return None
    if not _place(place, capitals=agency is None):
        return None
    return m.end()


def _paragraph_span(doc: Document, par: Paragraph) -> tuple[int, int]:
    first, last = doc.sentences[par.sentences[0]], doc.sentences[par.sentences[-1]]
    return first.start, last.end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    while start < end and text[start] in _TRAILING:
        start += 1
    return start, end


def _dateline_line(facts: DocumentFacts, par: Paragraph, start: int, end: int) -> bool:
    """A paragraph that is a date, after an optional place and comma."""
    text = facts.doc.text
    dates = [d for i in par.sentences for d in facts.dates.get(i, [])
             if d.doc_start is not None and d.doc_end is not None]
    for d in dates:
        assert d.doc_start is not None and d.doc_end is not None
        if _trimmed(text, d.doc_end, end)[0] < end:  # words after the date
            continue
        before = text[start:d.doc_start].strip()
        if not before:
            return True
        if before.endswith(",") and _place(before[:-1], capitals=False):
            return True
    return False


def _byline(facts: DocumentFacts, par: Paragraph, words: frozenset[str]) -> bool:
    """A paragraph in which the agent preposition stands right before a name: one the name
    extractor read, or two capitalised words (a given name and a surname)."""
    text = facts.doc.text
    starts = {f.doc_start for i in par.sentences for f in facts.names.get(i, [])}
    first = facts.doc.sentences[par.sentences[0]].start
    last = facts.doc.sentences[par.sentences[-1]].end
    if text[first:last].rstrip().endswith((".", "!", "?")):
        return False  # a sentence (*The march was led by Ana Ruiz.*), not a credit line
    for m in _WORD.finditer(text, first, last):
        if m.group().lower() not in words:
            continue
        # a credit opens with its preposition, or a word or three before it (*Reporting
        # by*, *Published by*), in the line or after a semicolon or parenthesis
        opening = text[first:m.start()]
        opening = opening[max(opening.rfind(";"), opening.rfind("(")) + 1:]
        if len(_WORD.findall(opening)) > MAX_CREDIT_LEAD:
            continue
        after = _WORD.findall(text[m.end():m.end() + 60])
        gap = text[m.end():m.end() + 1]
        if gap.isspace() and (text.find(after[0], m.end()) in starts if after else False):
            return True
        if gap.isspace() and len(after) >= 2 and all(_capitalised(w) for w in after[:2]):
            return True
    return False


def find_credits(facts: DocumentFacts) -> list[Credit]:
    """The datelines and bylines of the document, in text order."""
    doc = facts.doc
    pars = [p for p in doc.paragraphs if p.sentences]
    edge = {p.index for p in pars[:EDGE_PARAGRAPHS]} | {p.index for p in pars[-EDGE_PARAGRAPHS:]}
    found: list[Credit] = []
    for k, par in enumerate(pars):
        if par.index not in edge:
            continue
        code = doc.sentences[par.sentences[0]].language or doc.language
        profile = lang.get(code) if code in lang.LANGUAGES else None
        start, end = _trimmed(doc.text, *_paragraph_span(doc, par))
        short = len(_WORD.findall(doc.text[start:end])) <= MAX_LINE_WORDS
        kinds = []
        if short and profile is not None and _byline(facts, par, profile.segment.AGENT_PREPOSITIONS):
            kinds.append("byline")
            if any(facts.dates.get(i) for i in par.sentences):
                kinds.append("dateline")
        elif short and k < EDGE_PARAGRAPHS and _dateline_line(facts, par, start, end):
            kinds.append("dateline")
        if kinds:
            found.append(Credit(tuple(kinds), start, end, doc.text[start:end], tuple(par.sentences), True))
            continue
        if k < EDGE_PARAGRAPHS:
            first = doc.sentences[par.sentences[0]]
            n = _dateline_prefix(first.text)
            if n is not None:
                a = first.start
                b = a + len(first.text[:n].rstrip())  # up to and with the dash
                found.append(Credit(("dateline",), a, b, doc.text[a:b], (first.index,), False))
    return found
