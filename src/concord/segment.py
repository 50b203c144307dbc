"""Paragraph and sentence segmentation for Spanish and English wire copy.

The rule-based segmenter is the default. It knows about abbreviations (``U.S.``,
``EE.UU.``, ``Sr.``, ``Dr.``, ``a.m.``), initials, decimals (``1.5``, ``1,5``), ellipses,
closing quotes and brackets after the full stop, Spanish ``¿...?`` / ``¡...!``, and lines
without final punctuation (headings, bylines, datelines), which end a sentence at the line
break. A segmenter is any object with ``sentences(text, start, end, language)`` returning
sentence offsets; :func:`segment_document` takes one. The abbreviations and sentence
openers of each language are its profile's (``lang/xx/segment.py``).

Two rules of abbreviation spelling hold in both languages (the RAE's *Ortografía* 2010 for
Spanish, with the same practice for initials in English):

* A spaced abbreviation of several words is a run of one-letter abbreviations or plural
  ones, which double their letter (``EE. UU.``, ``FF. AA.``, ``RR. HH.``), each with its
  full stop and one space (often a no-break space): ``EE. UU.``, ``I. A.``, ``S. A.``,
  ``a. m.``, ``d. C.``, ``J. K.``. A full stop inside such a run never ends a sentence;
  after the last one the run is one abbreviation (``ee.uu``, ``a.m``) and the usual rules
  for abbreviations decide by the word that follows ("Vive en EE. UU. Su hermano no." is
  two sentences, "de EE. UU. Paul Rowlett" one).
* A title takes the plural endings of its language (``Sens.``, ``Reps.``, ``Sres.``,
  ``Dras.``) and stays a title when capitalised.

A sentence is bounded: a stretch without a sentence break longer than
:data:`MAX_SENTENCE_WORDS` words or :data:`MAX_SENTENCE_CHARS` characters (a transcript
without punctuation, a list run together, a hostile file of one line) is cut into pieces
within those bounds, at the last clause mark (``;``, ``:``, ``,``, a dash) of the second half
of each window, else at its last space, else (text without spaces) at the bound itself.
Every later stage compares sentence pairs word by word, so the bound keeps a whole run
linear in the length of a document, whatever its punctuation.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lang
from .document import Document, Paragraph, Sentence


def _union(attr: str) -> frozenset:
    """The words of segmentation list ``attr`` of every language profile."""
    return frozenset(w for code in lang.LANGUAGES for w in getattr(lang.get(code).segment, attr))


# Abbreviations that never end a sentence (a title or a word that needs what follows).
_TITLES = _union("TITLES")
# The plurals of the person titles ("Sens.", "Sres."): each profile's titles with its own
# plural endings; "-es" only after a consonant, and no ending after a final "s" ("Pres.",
# whose "Press" is a word).
_PLURAL_TITLES = frozenset(
    t + ending
    for code in lang.LANGUAGES
    for t in lang.get(code).segment.PERSON_TITLES if not t.endswith("s")
    for ending in lang.get(code).segment.TITLE_PLURAL_ENDINGS
    if ending[0] not in "aeiou" or t[-1] not in "aeiouáéíóú"
)
# "No. 5", "núm. 3": a number sign only before a digit.
_NUMBER_SIGNS = _union("NUMBER_SIGNS")
# Unit symbols (SI and common usage) that end a sentence as often as not.
_UNIT_SYMBOLS = frozenset({"min", "km", "kg", "cm", "mm", "m", "h"})
# Abbreviations that often end a sentence as well: split only before a likely sentence start.
_TERMINAL_ABBREVS = _union("TERMINAL_ABBREVIATIONS") | _UNIT_SYMBOLS
# Abbreviations after which a capitalised word nearly always starts a new sentence.
_CLOSING_ABBREVS = _union("CLOSING_ABBREVIATIONS")
# Words that continue a sentence after a time ("9 a.m. Monday").
_CALENDAR = _union("CALENDAR")
# Capitalised words that typically open a sentence; after a terminal abbreviation they
# make a break likely ("... to the U.S. The group ...").
_STARTERS = _union("STARTERS")
# One-letter words: a single letter before a full stop is otherwise an initial.
_ONE_LETTER_WORDS = _union("ONE_LETTER_WORDS")

_OPENERS = "\"'“‘«¿¡([{"
_CLOSERS = "\"'”’»)]}"
_TERMINALS = ".!?…"

# A candidate break: terminal punctuation (and closers), then whitespace. Possessive
# quantifiers: a long run of punctuation without whitespace after it is rejected once,
# never re-tried from every position inside the run.
_CANDIDATE = re.compile(r"(?<![.!?…])([.!?…]++)([\"'”’»)\]}]*+)(\s++)")
_NEXT_WORD = re.compile(r"[\w']+")
# The space inside a spaced abbreviation ("EE. UU."): a space, a no-break space, a narrow
# no-break space or a thin space; one of them, never a line break.
_ABBREVIATION_SPACES = " \u00a0\u202f\u2009"
# The next piece of a spaced abbreviation: one or two letters and a full stop.
_NEXT_PIECE = re.compile(r"([^\W\d_]{1,2})\.")
# Pieces a spaced abbreviation is joined from, at most: those in use have two or three
# ("EE. UU.", "S. A.", "J. R. R."); the bound keeps the backward scan short.
_MAX_PIECES = 6


def _is_piece(word: str) -> bool:
    """One piece of a spaced abbreviation: one letter (``I``, ``a``), or a capital letter
    doubled for the plural (``EE``, ``UU``, ``FF``)."""
    if len(word) == 1:
        return word.isalpha()
    return len(word) == 2 and word.isalpha() and word.isupper() and word[0] == word[1]


def _spaced_abbreviation(text: str, end: int, word: str) -> list[str]:
    """The pieces of the spaced abbreviation whose last piece is ``word``, ending at
    ``end`` (``["EE", "UU"]``), scanned backwards; ``[word]`` when no piece stands before it."""
    pieces = [word]
    i = end - len(word)
    while len(pieces) < _MAX_PIECES and i >= 3 and text[i - 1] in _ABBREVIATION_SPACES \
            and text[i - 2] == ".":
        prev = _word_before(text, i - 2)
        if not _is_piece(prev):
            break
        pieces.insert(0, prev)
        i -= 2 + len(prev)
    return pieces


def _word_before(text: str, end: int) -> str:
    """The run of word characters and dots that ends at ``end`` (scanned backwards, so the
    cost is the length of the word, never the length of the text before it)."""
    i = end
    while i > 0:
        ch = text[i - 1]
        if ch == "." or ch.isalnum() or ch == "_":
            i -= 1
        else:
            break
    return text[i:end]


def _is_break(text: str, m: re.Match) -> bool:
    punct, closers = m.group(1), m.group(2)
    nxt_pos = m.end()
    if nxt_pos >= len(text):
        return True
    nxt = text[nxt_pos]
    # What follows must look like a sentence start.
    if nxt.islower():
        return False
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or nxt in "-–—•"):
        return False
    if "." in punct and not punct.startswith("..") and punct[0] == "." and not closers:
        word = _word_before(text, m.start(1))
        if _is_piece(word):
            # Inside a spaced abbreviation ("EE. UU.", "I. A.", "a. m."): no break before
            # its next piece.
            nxt_piece = _NEXT_PIECE.match(text, nxt_pos)
            space = m.group(3)
            if len(punct) == 1 and len(space) == 1 and space in _ABBREVIATION_SPACES and nxt_piece \
                    and _is_piece(nxt_piece.group(1)):
                return False
            pieces = _spaced_abbreviation(text, m.start(1), word)
            if len(pieces) > 1:
                word = ".".join(pieces)
        low = word.lower().rstrip(".")
        # A single letter: an initial ("J. K. Rowling"), unless a sentence-start word follows.
        next_word = _NEXT_WORD.match(text, nxt_pos)
        next_low = next_word.group(0).lower() if next_word else ""
        if low in _NUMBER_SIGNS and nxt.isdigit():
            return False
        if len(low) == 1 and low.isalpha():
            return next_low in _STARTERS and low not in _ONE_LETTER_WORDS
        # Dotted abbreviations (U.S., EE.UU., a.m.) and known short forms.
        dotted = "." in low
        if low in _CLOSING_ABBREVS:
            # "at 9 a.m. Police left", "Acme Inc. Shares fell": a capital starts a sentence,
            # unless it is a weekday or month ("9 a.m. Monday").
            return next_low not in _CALENDAR
        if low in _TERMINAL_ABBREVS or (dotted and len(low) <= 6):
            return next_low in _STARTERS
        if low in _TITLES or (word[:1].isupper() and low in _PLURAL_TITLES):
            return False
    if punct.startswith("..") or punct == "…":
        # An ellipsis ends a sentence only before a capital that starts a new one.
        return True
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences of ``text[start:end]``.

    Line breaks inside the range are treated as spaces (wrapped text); call it once per
    paragraph. Leading and trailing whitespace is excluded from every sentence.
    """
    if end is None:
        end = len(text)
    chunk = text[start:end]
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _CANDIDATE.finditer(chunk):
        if _is_break(chunk, m):
            s_end = m.end(2)
            if chunk[pos:s_end].strip():
                out.append((pos, s_end))
            pos = m.end()
    if chunk[pos:].strip():
        out.append((pos, len(chunk)))
    result = []
    for a, b in out:
        seg = chunk[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        result.append((start + a + lead, start + b - trail))
    return result


_TERMINAL_END = re.compile(r"[.!?…:;,\"'”’»)\]]\s*$")
_WRAP_END = re.compile(r"[,\-–]\s*$")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph offsets: blocks separated by line breaks.

    A line joins the one before it when it looks like a wrapped continuation (the previous
    line ends without punctuation in mid-sentence and this one starts in lower case, or the
    previous line ends with a comma or hyphen). Lines that end without punctuation and are
    followed by a capitalised line are headings, bylines or datelines: paragraphs of their own.
    Only the previous line is looked at (never the paragraph so far), so the cost is linear.
    """
    paras: list[list[int]] = []
    prev_line = ""  # the previous non-blank line, stripped
    prev_blank = True
    pos = 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        stripped = line.strip()
        if not stripped:
            prev_blank = True
            continue
        a += len(line) - len(line.lstrip())
        b -= len(line) - len(line.rstrip())
        if paras and not prev_blank:
            tail = prev_line[-8:]  # the end-of-line patterns need a few characters only
            wrapped = (stripped[0].islower() and not _TERMINAL_END.search(tail)) or \
                _WRAP_END.search(tail) is not None
            if wrapped:
                paras[-1][1] = b
                prev_line = stripped
                prev_blank = False
                continue
        paras.append([a, b])
        prev_line = stripped
        prev_blank = False
    return [(a, b) for a, b in paras]


# Real sentences stay far below these bounds (a long sentence of news or of legislation
# runs to 100-200 words); a stretch beyond them is no sentence a reader parses as one.
MAX_SENTENCE_WORDS = 250
MAX_SENTENCE_CHARS = 2000
_SPACE = re.compile(r"\s+")
_CLAUSE_MARK = re.compile(r"[;:,\u2013\u2014]\s")


def bounded(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """``(a, b)`` cut into pieces of at most :data:`MAX_SENTENCE_WORDS` words and
    :data:`MAX_SENTENCE_CHARS` characters (see the module docstring); the pieces cover the
    range but for the spaces between them. Linear in ``b - a``."""
    if b - a <= MAX_SENTENCE_CHARS and len(text[a:b].split()) <= MAX_SENTENCE_WORDS:
        return [(a, b)]
    out = []
    while a < b:
        gap = _SPACE.match(text, a, b)
        if gap:
            a = gap.end()
            continue
        limit = min(b, a + MAX_SENTENCE_CHARS)
        spaces = [m for _, m in zip(range(MAX_SENTENCE_WORDS), _SPACE.finditer(text, a, limit))]
        if limit < b or len(spaces) == MAX_SENTENCE_WORDS:
            if len(spaces) == MAX_SENTENCE_WORDS:
                limit = spaces[-1].start()
            half = a + (limit - a) // 2
            cut = None
            for m in _CLAUSE_MARK.finditer(text, half, limit + 1):
                cut = m.start() + 1
            if cut is None:
                within = [m for m in spaces if half <= m.start() <= limit]
                cut = within[-1].start() if within else limit
        else:
            cut = b
        piece = text[a:cut]
        end = cut - (len(piece) - len(piece.rstrip()))
        if a < end:
            out.append((a, end))
        a = max(cut, a + 1)
    return out


class RuleSegmenter:
    """The default segmenter: rules, no model."""

    name = "rules"

    def sentences(self, text: str, start: int, end: int, language: str | None) -> list[tuple[int, int]]:
        return split_sentences(text, start, end)


@lru_cache(maxsize=1)
def _default_segmenter() -> RuleSegmenter:
    return RuleSegmenter()


def segment_document(doc: Document, segmenter=None, language: str | None = None) -> Document:
    """Fill ``doc.paragraphs`` and ``doc.sentences`` in place and return ``doc``."""
    seg = segmenter or _default_segmenter()
    doc.paragraphs = []
    doc.sentences = []
    for p_index, (a, b) in enumerate(split_paragraphs(doc.text)):
        para = Paragraph(index=p_index, start=a, end=b)
        for s_a, s_b in (piece for span in seg.sentences(doc.text, a, b, language or doc.language)
                         for piece in bounded(doc.text, *span)):
            sent = Sentence(index=len(doc.sentences), start=s_a, end=s_b,
                            text=doc.text[s_a:s_b], paragraph=p_index)
            para.sentences.append(sent.index)
            doc.sentences.append(sent)
        doc.paragraphs.append(para)
    return doc
