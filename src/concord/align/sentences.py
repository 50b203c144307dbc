"""What the aligner keeps of a sentence: the translation keys of its content words.

Each content word is a set of *keys* (the five-letter stems of its English translations in
the Apertium lexicon, of its English lemmas, and of itself; ``#n`` for a number); a
sentence's *bag* is the keys of its words plus those of its machine translation. A short
line without final punctuation is a heading (see :mod:`concord.align`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import LANGUAGES
from ..text import STOP, WORD, normalise_number
from ..text import fold as _fold
from ..text import stem as _stem
from .params import SHORT

# English and Spanish function words (used only when the Apertium lexicon, which tags them
# itself, is not installed) are ``concord.text.STOP``, from the language resources.
_STOP = STOP
_WORD = WORD
# sentence-final punctuation, possibly followed by closing quotes or brackets
_FINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
# double quotation marks of English and Spanish typography (straight, curly, angle)
_QUOTE = re.compile(r"[\"“”«»]")
# a number written in groups of three digits separated by a space (the SI and ISO 80000
# digit grouping: ``380 000``, with a normal, no-break or thin space) is one number
_GROUPED = re.compile(r"\b\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+\b")
_DIGIT = re.compile(r"\d")


def _words(text: str) -> list[str]:
    """The words of ``text`` (numbers grouped by spaces read as one number)."""
    if _DIGIT.search(text):  # the grouping needs a digit (one regex search, not one test per character)
        text = _GROUPED.sub(lambda m: re.sub(r"\s", "", m.group()), text)
    return _WORD.findall(text)


def _lexicon_reads(lex, lang: str | None) -> bool:
    """Whether the lexicon (None when Apertium is not installed) reads words of ``lang``:
    it covers the languages that have a profile (:data:`concord.lang.LANGUAGES`)."""
    return lex is not None and lang in LANGUAGES


_KEYS: dict[tuple, frozenset] = {}
_NONE: frozenset = frozenset()


def _word_keys(word: str, lang: str | None, lex) -> frozenset:
    """The keys of one word (empty for a function word or a one-letter token). Figures are
    not memoised: most are a story's own, so their memo would grow with the archive."""
    if word[0].isdigit():
        return frozenset({"#" + normalise_number(word)})
    memo = (word, lang, lex is not None)
    got = _KEYS.get(memo)
    if got is not None:
        return got
    f = _fold(word)
    got = _NONE
    if len(f) >= 2:
        known = lex.keys(word, lang) if _lexicon_reads(lex, lang) else None
        if known is not None:
            got = known or _NONE
        elif f not in _STOP:
            got = frozenset({_stem(f)})
    if len(_KEYS) > 500_000:
        _KEYS.clear()
    _KEYS[memo] = got
    return got


def _keys_of(words: list[str], lang: str | None, lex) -> list[frozenset]:
    """The key sets of the content words among ``words`` (:func:`_word_keys` of each, the
    memo looked up inline)."""
    get = _KEYS.get
    has_lex = lex is not None
    out = []
    for w in words:
        got = get((w, lang, has_lex))
        if got is None:
            got = _word_keys(w, lang, lex)
        if got:
            out.append(got)
    return out


@dataclass
class Sent:
    tokens: list  # key sets of the content words that are counted
    bag: frozenset  # every key of the sentence, its translation's included
    length: int  # characters of the original text
    numbers: frozenset
    heading: bool = False  # a short line without final punctuation (title, dateline)
    quote: bool = False  # carries a quotation (compared verbatim on a linked pair)
    plain: bool = False  # a heading without facts: no number, every word a dictionary word
    title: bool = False  # a line without final punctuation (a headline, a title), any length


def sentence(pivot: str, source: str | None, lang: str | None, pivot_lang: str | None,
             lex) -> Sent:
    piv = _keys_of(_words(pivot), pivot_lang, lex)
    if source is not None and source != pivot:
        src = _keys_of(_words(source), lang, lex)
        # count the original's words when the lexicon can read them, else the translation's
        tokens = src if _lexicon_reads(lex, lang) else piv
        bag = frozenset().union(*src, *piv)
        text = source
    else:
        if lang and lang != pivot_lang:
            piv = _keys_of(_words(pivot), lang, lex)
        tokens, bag, text = piv, frozenset().union(*piv), pivot
    numbers = frozenset(k for k in bag if k.startswith("#"))
    text = text.strip()
    title = not _FINAL.search(text)
    heading = len(tokens) <= SHORT and title
    # a word the lexicon does not know is a name (or a rare word): a fact, not layout
    plain = (heading and not numbers and _lexicon_reads(lex, lang)
             and all(lex.keys(w, lang) is not None for w in _WORD.findall(text)))
    return Sent(tokens, bag, max(1, len(text)), numbers, heading, bool(_QUOTE.search(text)),
                plain, title)
