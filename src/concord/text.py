"""Text primitives shared by the aligner, the fact extractors and the checks.

One definition of each: accent folding, the crude cross-language stem, word tokens,
folded word sets (cached per text), number normalisation, content-word features of a
sentence and the Dice and containment overlaps of two feature sets. Nothing here knows
about documents or findings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .lang import Scoped, stop_words

WORD = re.compile(r"\w+(?:[.,]\d+)*", re.U)
_PLAIN_WORD = re.compile(r"\w+")

# Function words of the languages compared (lang.compared()): never content, never evidence.
STOP: Scoped[frozenset] = Scoped(lambda codes: stop_words())


class _FoldTable(dict):
    """``str.translate`` table: each character -> its NFKD decomposition without combining
    marks, computed the first time the character is met. NFKD decomposes character by
    character and only reorders combining marks, which are all dropped, so translating
    character by character equals normalising the whole text."""

    def __missing__(self, code: int) -> str:
        nfkd = unicodedata.normalize("NFKD", chr(code))
        out = "".join(ch for ch in nfkd if not unicodedata.combining(ch))
        self[code] = out
        return out


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower-case without accents: ``García`` and ``Garcia`` fold alike. ASCII text is only
    lower-cased; other text goes through a per-character table (no per-call Unicode
    normalisation)."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD).lower()


def fold_slow(text: str) -> str:
    """:func:`fold` by whole-text NFKD normalisation (the definition; tests compare)."""
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in nfkd if not unicodedata.combining(ch)).lower()


def stem(folded: str) -> str:
    """A crude language-neutral stem of a folded word: no plural -s, at most five letters
    (``agencies``/``agency`` and ``chilean``/``chile`` meet)."""
    if len(folded) > 4 and folded.endswith("s") and not folded.endswith("ss"):
        folded = folded[:-1]
    return folded[:5]


@lru_cache(maxsize=512)
def folded_words(text: str) -> frozenset:
    """The folded words of ``text``. Cached: the same document texts are searched for
    every name of the other version."""
    return frozenset(_PLAIN_WORD.findall(fold(text)))


@lru_cache(maxsize=512)
def word_stems(text: str) -> frozenset:
    """The word stems (:func:`stem`) of ``text``, cached likewise."""
    return frozenset(stem(w) for w in folded_words(text))


def normalise_number(tok: str) -> str:
    """``1.500``/``1,500`` -> ``1500``, ``1,5`` -> ``1.5``, ``16bn``/``5km`` -> ``16``/``5``."""
    unit = re.fullmatch(r"(\d[\d.,]*?)[^\W\d]+", tok)
    if unit:
        tok = unit.group(1)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", tok):
        return re.sub(r"[.,]", "", tok)
    if re.fullmatch(r"\d+[.,]\d+", tok):
        return tok.replace(",", ".")
    return tok


@dataclass
class SentenceFeatures:
    stems: frozenset
    anchors: frozenset
    length: int
    # content words and numbers, without names: what a merged sentence must share
    content: frozenset = frozenset()
    # numbers and capitalised words that do not open the sentence (names, mostly)
    names: frozenset = frozenset()


def features(pivot_text: str, source_text: str | None = None) -> SentenceFeatures:
    """Content-word stems of the pivot text and anchors (numbers, capitalised words) of
    both texts."""
    stems = set()
    anchors = set()
    content = set()
    names = set()
    for pos, m in enumerate(WORD.finditer(pivot_text)):
        w = m.group(0)
        if w[0].isdigit():
            n = "#" + normalise_number(w)
            stems.add(n)
            anchors.add(n)
            content.add(n)
            names.add(n)
            continue
        f = fold(w)
        if f in STOP or len(f) < 2:
            continue
        st = stem(f)
        stems.add(st)
        if w[0].isupper() and len(f) >= 3:
            anchors.add(f)  # a name, or a sentence's first word: not content either way
            if pos:
                names.add(f)
        else:
            content.add(st)
    if source_text and source_text != pivot_text:
        for pos, m in enumerate(WORD.finditer(source_text)):
            w = m.group(0)
            if w[0].isdigit():
                n = "#" + normalise_number(w)
                anchors.add(n)
                names.add(n)
            elif w[0].isupper() and len(w) >= 3 and fold(w) not in STOP:
                anchors.add(fold(w))
                if pos:
                    names.add(fold(w))
    return SentenceFeatures(frozenset(stems), frozenset(anchors), max(1, len(pivot_text)),
                            frozenset(content), frozenset(names))


def dice(a: frozenset, b: frozenset) -> float:
    """Dice overlap of two sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def contained(part: SentenceFeatures, whole: SentenceFeatures) -> float:
    """Share of a sentence's content words and numbers (names aside) that the other side
    carries: a merged sentence must bring content, not only repeat a name."""
    if not part.content:
        return 1.0
    return len(part.content & (whole.stems | whole.anchors)) / len(part.content)
