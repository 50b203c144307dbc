"""WordNet as a thesaurus: the words a pivot-language word may stand for.

Read from the system's WordNet database (Debian ``wordnet-base``; the folder
:mod:`concord.facts.polarity` finds through ``$WNSEARCHDIR`` or ``/usr/share/wordnet``),
never from nltk. For every single-word lemma: the members of its synsets (synonyms), and
the members of the synsets its synsets point to by a *derivationally related form* (``+``:
*death* / *die*), a *pertainym* (``\\``: *economic* / *economy*), a *similar to* (``&``:
*huge* / *large*) or a *participle* (``<``) pointer — the relations under which a
translator rewords without changing what is said. The tables are parsed once and kept as
one JSON file in the cache folder (beside the lexicon), keyed by the data files' sizes and
modification times; without the WordNet data every word is its own only synonym.

The irregular forms (``*.exc``) and WordNet's suffix rules (morphy) give a word's lemmas,
and tell an inflected verb form (``taken``, ``moved``) from other words.
"""

from __future__ import annotations

import json
from functools import lru_cache

from .. import lang
from ..facts.polarity import wordnet_cache_file, wordnet_exceptions, wordnet_records
from ..facts.polarity import wordnet_dir as _wordnet_dir

_POS = ("noun", "verb", "adj", "adv")
# pointer symbols followed from a synset (see the module docstring)
_RELATED = frozenset({"+", "\\", "&", "<"})
_FORMAT = 2  # bump when the parsed layout changes
# WordNet's morphy detachment rules, from the profile of WordNet's language
_WORDS = next(lang.get(code).polarity for code in lang.LANGUAGES if lang.get(code).polarity.WORDNET)
_MORPHY = _WORDS.LEMMA_SUFFIXES


def _parse(d: str) -> tuple[dict[str, list[int]], list[list[str]], dict[str, list[str]], list[str]]:
    """(lemma -> synset numbers, synset number -> its lemmas and its related synsets'
    lemmas, inflected verb form -> lemmas, the lemmas that are verbs) from the data files
    in folder ``d``."""
    members: list[list[str]] = []
    links: list[list[tuple[str, str]]] = []
    at: dict[tuple[str, str], int] = {}
    for pos in _POS:
        for rec in wordnet_records(d, pos):
            ptrs = [(off, p) for sym, off, p, _st in rec.pointers if sym in _RELATED]
            at[(pos[0] if pos != "adj" else "a", rec.offset)] = len(members)
            members.append([w for w in rec.words if "_" not in w])
            links.append(ptrs)
    index: dict[str, list[int]] = {}
    related: list[list[str]] = []
    for i, words in enumerate(members):
        for w in words:
            index.setdefault(w, []).append(i)
        near = set(words)
        for off, p in links[i]:
            j = at.get(("a" if p == "s" else p, off))
            if j is not None:
                near.update(members[j])
        related.append(sorted(near))
    verbs = sorted({w for (p, _), i in at.items() if p == "v" for w in members[i]})
    exc: dict[str, list[str]] = {}
    for pos in _POS:
        for form, bases in wordnet_exceptions(d, pos):
            exc.setdefault(form, []).extend(bases)
    return index, related, exc, verbs


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, list[int]], list[list[str]], dict[str, list[str]], frozenset[str]]:
    d = _wordnet_dir()
    if d is None:
        return {}, [], {}, frozenset()
    path = wordnet_cache_file("synonyms", f"format {_FORMAT}", d,
                              tuple(name for pos in _POS for name in (f"data.{pos}", f"{pos}.exc")))
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return raw["index"], raw["related"], raw["exc"], frozenset(raw["verbs"])
    except (OSError, ValueError, KeyError, TypeError):
        pass  # not cached yet (or damaged): parse, then keep it
    index, related, exc, verbs = _parse(d)
    try:
        from ..fsutil import atomic_write

        atomic_write(path, json.dumps({"index": index, "related": related, "exc": exc, "verbs": verbs},
                                      ensure_ascii=False, separators=(",", ":")))
    except OSError:
        pass  # a read-only cache folder: parsed again next time
    return index, related, exc, frozenset(verbs)


@lru_cache(maxsize=65536)
def lemmas(word: str) -> frozenset[str]:
    """The WordNet lemmas of an inflected English form (``died`` -> ``die``, ``children``
    -> ``child``): the form itself when WordNet has it, its listed irregular forms, and
    morphy's suffix rules where the base is a WordNet lemma."""
    index, _, exc, _ = _tables()
    word = word.lower()
    out = {word} if word in index else set()
    out.update(exc.get(word, ()))
    for suf, rep in _MORPHY:
        if word.endswith(suf) and len(word) - len(suf) >= 2:
            base = word[: len(word) - len(suf)] + rep
            if base in index:
                out.add(base)
    return frozenset(out)


@lru_cache(maxsize=65536)
def synonyms(word: str) -> frozenset[str]:
    """Every lemma WordNet relates to one of ``word``'s lemmas (see the module
    docstring), the lemmas themselves included; empty for a word WordNet does not know."""
    index, related, _, _ = _tables()
    out: set[str] = set()
    for lem in lemmas(word):
        out.add(lem)
        for i in index.get(lem, ()):
            out.update(related[i])
    return frozenset(out)


def senses(word: str) -> int:
    """How many synsets ``word``'s lemmas belong to (0 for a word WordNet does not know)."""
    index, _, _, _ = _tables()
    return sum(len(index.get(lem, ())) for lem in lemmas(word))


# the inflections that only a verb takes (the past, the participles): the endings after
# which morphy doubles a consonant (*stopped*, *stopping*)
_VERB_ENDINGS = tuple(_WORDS.DOUBLING_SUFFIXES)


@lru_cache(maxsize=65536)
def verb_form(word: str) -> bool:
    """Whether ``word`` is an inflected verb form: a past or participle ending (``moved``,
    ``taking``) or an irregular verb form WordNet lists (``taken``, ``went``) whose lemma
    is a WordNet verb."""
    _, _, exc, verbs = _tables()
    word = word.lower()
    if word in exc and any(lem in verbs for lem in exc[word]) and word not in verbs:
        return True
    if not word.endswith(_VERB_ENDINGS):
        return False
    return any(lem in verbs and lem != word for lem in lemmas(word))



@lru_cache(maxsize=1)
def _index_lemmas() -> tuple[frozenset[str], frozenset[str]]:
    """(the lemmas WordNet lists as verbs, those it lists as nouns, adjectives or adverbs):
    the first column of its ``index.*`` files; empty without the WordNet data."""
    import os
    import re

    d = _wordnet_dir()
    found: dict[str, set[str]] = {}
    for pos in _POS:
        try:
            with open(os.path.join(d or "", f"index.{pos}"), "rb") as fh:
                found[pos] = {m.decode("latin-1") for m in re.findall(rb"\n([^ \n]+) ", b"\n" + fh.read())}
        except OSError:
            return frozenset(), frozenset()
    return frozenset(found["verb"]), frozenset(found["noun"] | found["adj"] | found["adv"])


@lru_cache(maxsize=65536)
def only_verb(word: str) -> bool:
    """Whether ``word`` is the base form of a verb that WordNet knows as a verb only, never
    as a noun, adjective or adverb (``enjoy``, ``seem``; not ``place``, ``help``): after a
    preposition such a word shows that the preposition's noun phrase is missing."""
    verbs, other = _index_lemmas()
    word = word.lower()
    return word in verbs and word not in other


def verb_reading(word: str) -> bool:
    """Whether ``word`` may be read as a verb: one of its WordNet lemmas (``registered`` ->
    ``register``, ``places`` -> ``place``) is listed as a verb."""
    verbs, _ = _index_lemmas()
    return any(lem in verbs for lem in lemmas(word))
