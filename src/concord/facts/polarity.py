"""Polarity: evidence that two versions of a sentence say opposite things.

Two kinds of evidence, both read in one language (a Spanish sentence is read through its
machine translation, which keeps a negation as a negation):

* **Negation.** The negative words are a closed grammatical class. English: *not, n't,
  cannot, no, none, nobody, no one, nothing, nowhere, neither, nor, never* (Quirk et al.,
  *A Comprehensive Grammar of the English Language*, 1985, §10.54-10.64). Spanish: *no,
  nunca, jamás, nadie, nada, ninguno/ninguna/ningún, ni, tampoco* (RAE-ASALE, *Nueva
  gramática de la lengua española*, 2009, ch. 48). Spanish has negative concord (§48.3:
  *no dijo nada* is one negation, not two): in Spanish every *no* counts, and another
  negative word counts only when no negation comes before it in its clause (*nunca
  vino* counts, the *nada* of *no dijo nada* does not); in English every *not / n't /
  cannot / never* counts (standard English has no concord) and the other negative words
  (determiners and pronouns: *no X and no Y*, *neither X nor Y*) count when they open the
  clause's negation; a clause opened by *ni / nor* right after a negated
  clause continues it. Fixed phrases whose
  negative word negates nothing (*not only*, *no sólo*, *a no ser que* = *unless*, *no
  obstante* = *however*) are not counted. Two versions whose counts of negated clauses
  differ have a polarity flip.
* **Antonyms.** A word on one side whose antonym stands on the other side and not the
  word itself: *large* / *small*, *loved* / *hated*, *closed* / *open*. Antonym pairs come
  from WordNet's lexical antonym pointers (adjectives, adverbs and verbs; nouns such as
  *man* / *woman* are left out because a changed noun is not a reversal) read from the
  system's WordNet database (Debian ``wordnet-base``: ``$WNSEARCHDIR`` or
  ``/usr/share/wordnet``), and from the morphological negative prefixes (*un-, in-, im-,
  il-, ir-, dis-, non-*; Spanish *in-, im-, i-, des-, dis-*) when the word without the
  prefix is itself a common word of the language by ``wordfreq`` (*possible* /
  *impossible*, *posible* / *imposible*). Without the WordNet data the prefix rule still
  works.

:func:`reversal` weighs the evidence against how well the rest of the two sentences match
(a reworded translation is not a reversal); the thresholds are documented there.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from .base import fold

NEGATORS = {
    "en": {"not", "no", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor",
           "cannot", "n't", "noone"},
    "es": {"no", "nunca", "jamás", "nadie", "nada", "ninguno", "ninguna", "ningún",
           "ningunos", "ningunas", "ni", "tampoco"},
}
# words that continue the negation of the clause before them (coordination of negatives:
# "no X, ni Y" / "not X, nor Y"); "tampoco" / "neither do they" negate a clause of their own
_CONTINUERS = {"ni", "nor"}
# Approximate negators (Quirk et al. §10.63: few, little, seldom, rarely, hardly, scarcely,
# barely; Spanish apenas, poco, RAE-ASALE §48.7) and the verbs of lacking: a version that
# says "hardly", "lacks" or "little ethical" where the other says "not" or "unethical"
# keeps the meaning.
APPROXIMATE = {
    "en": {"few", "fewer", "little", "seldom", "rarely", "hardly", "scarcely", "barely",
           "non", "nary"},
    "es": {"apenas", "poco", "poca", "pocos", "pocas", "escasamente"},
}
# Implied negation (Quirk et al. §10.64: the preposition *without* and the privative
# phrases *free of/from*, *short of*, *far from*, *absence of*, the verb *lack*; Spanish
# *sin*, *libre de*, *lejos de*, *falta de*, *ausencia de*, *carecer*, RAE-ASALE §48.2):
# a clause that says "free of coal" is as negative as one that says "that does not use
# coal". They count as a negation of their own: a *not* before them makes the clause
# positive again in both languages (*not without* = *with*, *no sin* = *con*), so "is not
# free of" against "no utilice" is a reversal, "is free of" against it is not. An n-word
# after them is negative concord (*sin decir nada*), as after *no*.
IMPLIED = {
    "en": re.compile(r"\b(?:without|free\s+(?:of|from)|short\s+of|far\s+from|absence\s+of|"
                     r"lack(?:s|ed|ing)?)\b", re.I),
    "es": re.compile(r"\b(?:sin|libres?\s+del?|lejos\s+del?|falta\s+del?|ausencia\s+del?|"
                     r"carec(?:e|en|er|ía|ían|ió|ieron))\b", re.I),
}
# Determiners and deictic adverbs (closed classes, Quirk et al. ch. 5 and §7.58): WordNet
# gives some of them antonyms (some / no, here / there), but they change reference, not
# polarity.
_NOT_ANTONYMS = {"some", "any", "all", "every", "each", "no", "none", "here", "there", "then",
                 "now", "this", "that", "these", "those", "such", "other", "another"}
# fixed phrases whose negative word negates nothing in the clause; "not only" may be split
# by the verb (*did not only*: one word between) and in Spanish by the verb and its clitics
# (*no se lo aplicaría únicamente*: up to three)
_NOT_NEGATING = re.compile(
    r"\b(?:not(?:\s+\w+)?\s+only|not\s+just|no\s+doubt|nothing\s+but|"
    r"no\s+s[oó]lo|no(?:\s+\w+){0,3}?\s+(?:sólo|solamente|[úu]nicamente)|a\s+no\s+ser\s+que|"
    r"no\s+obstante|no\s+cabe\s+duda|"
    r"no\.(?=\s*\d))(?!\w)", re.I)
_CLAUSE_SPLIT = re.compile(r"[,;:()\[\]—–\"“”«»]|\.\s|\s-\s")
_TOKEN = re.compile(r"n[’']t\b|[^\W\d_]+(?:[’'][^\W\d_]+)?", re.U)

# Thresholds of reversal(), set on the planted reversals of a held-out evaluation set and
# checked on clean professional translations of it (see the function's docstring).
NEGATION_MATCH = 0.45
ANTONYM_MATCH = 0.45
# WordNet's verb antonyms are often converses (come / go, make / break, leave / arrive)
# that a translator may pick for one event: they need a closer match
VERB_ANTONYM_MATCH = 0.6
# inside a quotation (see reversal())
QUOTED_MATCH = 0.1


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Words of ``text`` with offsets, lower-case; ``don't`` gives ``do`` and ``n't``."""
    return list(_tokens(text))


@lru_cache(maxsize=2048)
def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """:func:`tokens`, memoised: a sentence is read as written, as a clause and as the
    other side of a comparison."""
    out = []
    for m in _TOKEN.finditer(text):
        w = m.group(0).lower().replace("’", "'")
        if w.endswith("n't") and len(w) > 3:
            stem = w[:-3]
            out.append((m.start(), m.start() + len(stem), "can" if stem == "ca" else
                        "will" if stem == "wo" else stem))
            out.append((m.start() + len(stem), m.end(), "n't"))
        else:
            out.append((m.start(), m.end(), w))
    return tuple(out)


def negations(text: str, language: str) -> list[tuple[int, int]]:
    """The negated clauses of ``text``: the offsets of the negative word that makes each
    one negative (negative concord and coordinated negatives count once; an implied
    negation, ``without``, ``sin``, counts on its own)."""
    return [(a, b) for a, b, _ in _negations(text, language)]


@lru_cache(maxsize=2048)
def _negations(text: str, language: str) -> tuple[tuple[int, int, bool], ...]:
    """:func:`negations` with, for each, whether it is an implied negation (memoised)."""
    negs = NEGATORS.get(language, NEGATORS["en"])
    masked = _NOT_NEGATING.sub(lambda m: " " * len(m.group(0)), text)
    out: list[tuple[int, int]] = []
    prev_negative = False
    bounds = [0] + [x for m in _CLAUSE_SPLIT.finditer(masked) for x in (m.start(), m.end())] + [len(masked)]
    for start, end in zip(bounds[::2], bounds[1::2]):
        toks = _tokens(masked[start:end])
        if not toks:
            continue
        implied = [(m.start(), m.end(), True) for m in
                   IMPLIED.get(language, IMPLIED["en"]).finditer(masked[start:end])]
        hits = []
        for a, b, w in toks:
            if w not in negs:
                continue
            before = hits or any(x < a for x, _, _ in implied)
            if language == "es" and before and w != "no":
                continue  # negative concord: "no dijo nada", "nunca dijo nada", "sin nada"
            if language != "es" and before and w not in ("not", "n't", "cannot", "never"):
                continue  # "no X and no Y", "neither X nor Y": one negated clause
            hits.append((a, b, False))
        hits = sorted(hits + implied)
        if not hits:
            prev_negative = False
            continue
        if prev_negative and toks[0][2] in _CONTINUERS and len(hits) == 1:
            continue
        out += [(start + a, start + b, imp) for a, b, imp in hits]
        prev_negative = True
    return tuple(out)


# --- antonyms --------------------------------------------------------------------------

def _wordnet_dir() -> str | None:
    for d in (os.environ.get("WNSEARCHDIR"), "/usr/share/wordnet"):
        if d and os.path.isfile(os.path.join(d, "data.adj")):
            return d
    return None


_WORDNET_FILES = ("data.adj", "data.adv", "data.verb", "adj.exc", "adv.exc", "verb.exc")
_WORDNET_FORMAT = 1  # bump when _parse_wordnet's output changes


@lru_cache(maxsize=1)
def _wordnet() -> tuple[dict, dict, set]:
    """(antonyms: lemma -> set of lemmas, exceptions: inflected -> lemmas, the pairs that
    are antonyms only as verbs) from WordNet's data files (see :func:`_parse_wordnet`),
    loaded on first use. The parsed tables are kept in the cache folder (beside the
    lexicon), keyed by the data files' sizes and modification times, so a later process
    reads one small JSON file instead of parsing WordNet again."""
    d = _wordnet_dir()
    if d is None:
        return {}, {}, set()
    import hashlib
    import json

    digest = hashlib.sha256(f"format {_WORDNET_FORMAT} {d}".encode())
    for name in _WORDNET_FILES:
        try:
            st = os.stat(os.path.join(d, name))
            digest.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
        except OSError:
            digest.update(f"{name}:-".encode())
    from ..lexicon import cache_path

    path = cache_path(digest.hexdigest()[:16]).with_name(f"wordnet-antonyms-{digest.hexdigest()[:16]}.json")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return ({k: set(v) for k, v in raw["ants"].items()}, {k: set(v) for k, v in raw["exc"].items()},
                {frozenset(p) for p in raw["verb"]})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # not cached yet (or damaged): parse, then keep it
    ants, exc, verb_pairs = _parse_wordnet(d)
    try:
        from ..fsutil import atomic_write

        atomic_write(path, json.dumps({"ants": {k: sorted(v) for k, v in sorted(ants.items())},
                                       "exc": {k: sorted(v) for k, v in sorted(exc.items())},
                                       "verb": sorted(sorted(p) for p in verb_pairs)},
                                      ensure_ascii=False, separators=(",", ":")))
    except OSError:
        pass  # a read-only cache folder: parsed again next time
    return ants, exc, verb_pairs


def _parse_wordnet(d: str) -> tuple[dict, dict, set]:
    """The antonym tables from WordNet's data files in folder ``d``: the lexical antonym
    pointers (``!``) of adjectives, adverbs and verbs, and the irregular forms."""
    ants: dict[str, set[str]] = {}
    exc: dict[str, set[str]] = {}
    other_pairs: set[frozenset] = set()
    verb_pairs: set[frozenset] = set()
    for pos in ("adj", "adv", "verb"):
        words_at: dict[str, list[str]] = {}
        pointers = []
        with open(os.path.join(d, f"data.{pos}"), encoding="latin-1") as fh:
            for line in fh:
                if line.startswith(" "):
                    continue  # the licence header
                f = line.split(" | ")[0].split()
                n = int(f[3], 16)
                words = [re.sub(r"\(.*\)$", "", w).lower() for w in f[4:4 + 2 * n:2]]
                words_at[f[0]] = words
                k = 4 + 2 * n
                for i in range(int(f[k])):
                    sym, off, _p, st = f[k + 1 + 4 * i:k + 5 + 4 * i]
                    if sym == "!":
                        pointers.append((words[int(st[:2], 16) - 1], off, int(st[2:], 16)))
        for src, off, tgt in pointers:
            target = words_at.get(off)
            if target and tgt:
                dst = target[tgt - 1]
                if "_" not in src and "_" not in dst:
                    ants.setdefault(src, set()).add(dst)
                    ants.setdefault(dst, set()).add(src)
                    (verb_pairs if pos == "verb" else other_pairs).add(frozenset((src, dst)))
        exc_path = os.path.join(d, f"{pos}.exc")
        if os.path.isfile(exc_path):
            with open(exc_path, encoding="latin-1") as fh:
                for line in fh:
                    parts = line.split()
                    if len(parts) >= 2:
                        exc.setdefault(parts[0], set()).update(parts[1:])
    return ants, exc, verb_pairs - other_pairs


_SUFFIXES = (("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""),
             ("ing", "e"), ("ing", ""), ("er", ""), ("er", "e"), ("est", ""), ("est", "e"))


@lru_cache(maxsize=65536)
def lemmas(word: str) -> frozenset[str]:
    """Base forms of an English word that WordNet knows (``hated`` -> ``hate``, ``better``
    -> ``good``): the word, its listed irregular forms, and suffix rules (WordNet's morphy).
    Memoised: news text repeats its words."""
    ants, exc, _ = _wordnet()
    out = {word} | exc.get(word, set())
    for suf, rep in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 2:
            base = word[: -len(suf)] + rep
            if base in ants:
                out.add(base)
    # doubled consonant before -ed/-ing: "stopped" -> "stop"
    m = _DOUBLED.match(word)
    if m:
        out.add(m.group(1) + m.group(2))
    return frozenset(out)


_DOUBLED = re.compile(r"(.+?)([b-df-hj-np-tv-z])\2(?:ed|ing)$")


_PREFIXES = {"en": ("non", "dis", "un", "in", "im", "il", "ir"),
             "es": ("des", "dis", "in", "im", "i")}
_REVERSATIVE = ("dis", "des")


@lru_cache(maxsize=65536)
def prefix_base(word: str, language: str) -> str | None:
    """The word a negative prefix was added to (``impossible`` -> ``possible``), when that
    word is itself common in ``language`` (wordfreq Zipf >= 3) and the prefixed word is a
    word of the language too; else None."""
    from wordfreq import zipf_frequency

    for p in _PREFIXES.get(language, ()):
        if word.startswith(p) and len(word) - len(p) >= 4:
            base = word[len(p):]
            if p == "i" and not base.startswith(("l", "r")):
                continue  # Spanish i- only before l/r: ilegal, irreal
            if zipf_frequency(base, language) >= 3.0 and zipf_frequency(word, language) >= 1.5:
                return base
    return None


@lru_cache(maxsize=65536)
def antonyms(word: str, language: str = "en") -> frozenset[str]:
    """Antonyms of ``word`` (lower-case): WordNet's (English) and the prefix rule's."""
    out: set[str] = set()
    if language == "en":
        ants, _, _ = _wordnet()
        for lem in lemmas(word):
            out |= ants.get(lem, set())
    base = prefix_base(word, language)
    if base:
        out.add(base)
    return frozenset(out)


# --- comparing two versions ---------------------------------------------------------------

_STOP = {"the", "and", "that", "this", "with", "from", "have", "been", "will", "would", "which",
         "their", "there", "they", "what", "were", "when", "also"}


def _content(text: str) -> set[str]:
    """Content-word stems (five letters) of an English text, negative words left out."""
    negs = NEGATORS["en"]
    return {fold(w)[:5] for _, _, w in _tokens(text)
            if len(w) >= 4 and w not in negs and w not in _STOP}


def similarity(x: str, y: str) -> float:
    """Dice coefficient of the content-word stems of two English texts."""
    a, b = _content(x), _content(y)
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


@dataclass
class Reversal:
    """Evidence that two texts say opposite things. ``kind`` is ``negation`` or
    ``antonym``; ``words`` the word on each side (``""`` where a side has none);
    ``at_a`` / ``at_b`` the offsets of the evidence in each side's own text, where known;
    ``similarity`` how well the rest of the two texts match."""

    kind: str
    words: tuple[str, str]
    at_a: tuple[int, int] | None
    at_b: tuple[int, int] | None
    similarity: float


def reversal(text_a: str, lang_a: str, pivot_a: str, text_b: str, lang_b: str, pivot_b: str,
             quoted_a: Sequence[tuple[int, int]] = (), quoted_b: Sequence[tuple[int, int]] = ()
             ) -> Reversal | None:
    """Polarity or antonym evidence between two versions of a sentence (or of a quote).

    ``text_*`` is each side as written, ``lang_*`` its language, ``pivot_*`` its English
    reading (the text itself for English, the machine translation for Spanish);
    ``quoted_*`` the spans of ``text_*`` that are quotations (four words or more).

    * Negation flip: the numbers of negated clauses differ, both on the texts as written
      (each in its own grammar) and on the English readings, the version without the
      negation does not say it in other words (:func:`_negative_in_other_words`), and the
      rest of the two English readings match with Dice >= ``NEGATION_MATCH`` (0.45).
    * Antonym: an English content word of one reading whose antonym is in the other
      reading, neither reading having both, with the rest matching with Dice >=
      ``ANTONYM_MATCH`` (0.45), or ``VERB_ANTONYM_MATCH`` (0.6) for a pair WordNet gives
      as verbs only (``love`` / ``hate``; ``come`` / ``go`` are often converses).
    * Inside a quotation the match may be looser, ``QUOTED_MATCH`` (0.1): an explicit
      negation (``not``, ``never``, not an implied one) inside a quote where the other
      version has no negation at all, or a negative-prefix antonym (``unimportant`` /
      ``important``) inside a quote. Quoted speech is rendered closely, but idiom inside
      it (*está en las últimas* / *on its way out*) shares few words with machine
      translation, so the aligned pair's wording is a weak guide there.

    Set on the planted reversals of a held-out evaluation set (one negation or antonym
    added to a faithful professional translation, where the rest matches at 0.5-0.9
    through Apertium, and at 0.17-0.4 for idiomatic quotes) and checked on clean
    translations of the same texts, where a negation restructured by the translator
    (*unprecedented* / *no hay precedentes*) comes with a looser match or with the same
    count of negated clauses, and no negation flip lies inside a quotation.
    """
    sim = similarity(pivot_a, pivot_b)
    na, nb = _negations(text_a, lang_a), _negations(text_b, lang_b)
    pa, pb = negations(pivot_a, "en"), negations(pivot_b, "en")
    if len(na) != len(nb) and len(pa) != len(pb) and (len(na) > len(nb)) == (len(pa) > len(pb)) \
            and sim >= min(NEGATION_MATCH, QUOTED_MATCH) \
            and not (_negative_in_other_words(text_b, lang_b, pivot_b, text_a + " " + pivot_a)
                     if len(na) > len(nb) else
                     _negative_in_other_words(text_a, lang_a, pivot_a, text_b + " " + pivot_b)):
        more_a = len(na) > len(nb)
        at_a = _pick(na) if more_a else None
        at_b = _pick(nb) if not more_a else None
        at, found, quoted, fewer = (at_a, na, quoted_a, nb) if more_a else (at_b, nb, quoted_b, na)
        explicit = any((a, b) == at and not imp for a, b, imp in found)
        in_quote = explicit and not fewer and _inside(at, quoted)
        if sim >= (QUOTED_MATCH if in_quote else NEGATION_MATCH):
            wa = text_a[at_a[0]:at_a[1]] if at_a else ""
            wb = text_b[at_b[0]:at_b[1]] if at_b else ""
            return Reversal("negation", (wa, wb), at_a, at_b, sim)
    if sim < min(ANTONYM_MATCH, QUOTED_MATCH):
        return None
    ta, la, aa = _lemma_profile(pivot_a)
    tb, lb, ab = _lemma_profile(pivot_b)
    if not (aa & lb or ab & la):
        return None  # no word of either reading has an antonym in the other
    for x, y, tx, ty, qx, qy, swap in ((ta, tb, text_a, text_b, quoted_a, quoted_b, False),
                                       (tb, ta, text_b, text_a, quoted_b, quoted_a, True)):
        px, py = (pivot_b, pivot_a) if swap else (pivot_a, pivot_b)
        found = _antonym_pair(x, y, sim, (lb, la) if swap else (la, lb))
        if not found:
            continue
        (wx, span_x), (wy, span_y) = found
        span_x = span_x if px == tx else None
        span_y = span_y if py == ty else None
        if sim < ANTONYM_MATCH:
            prefixed = wx in _prefixed(wy) or wy in _prefixed(wx)
            if not (prefixed and (_inside(span_x, qx) or _inside(span_y, qy))):
                continue
        if swap:
            return Reversal("antonym", (wy, wx), span_y, span_x, sim)
        return Reversal("antonym", (wx, wy), span_x, span_y, sim)
    return None


def _inside(at: tuple[int, int] | None, spans: Sequence[tuple[int, int]]) -> bool:
    return at is not None and any(a <= at[0] < b for a, b in spans)


def _prefixed(word: str) -> set[str]:
    """The base of an English word made negative by an affix (``unimportant`` ->
    ``{important}``), else an empty set."""
    base = affixal_negative(word)
    return {base} if base else set()


def _pick(found: list[tuple[int, int, bool]]) -> tuple[int, int]:
    """The negation to show: the last explicit one (``not`` of ``not free of``), else the
    last implied one."""
    explicit = [f for f in found if not f[2]]
    a, b, _ = (explicit or found)[-1]
    return a, b


# "a few", "a little", "un poco", "hace poco" (= recently) are not negative (Quirk et al.
# §10.63: only bare few / little are)
_NOT_APPROXIMATE = re.compile(r"\b(?:a\s+(?:few|little)|un\s+poco|hace\s+poco|poco\s+a\s+poco|"
                              r"dentro\s+de\s+poco|poco\s+(?:despu[ée]s|antes))\b", re.I)


def _negative_in_other_words(text: str, language: str, pivot: str, negated: str) -> bool:
    """The version without the negation says it another way: an approximate negator
    (``hardly``, ``poco``), or a word made negative by an affix (``unaware`` against ``would
    not know``, ``roadless`` against ``sin camino``). The prefixes *dis- / des-* mostly
    reverse an action rather than negate a quality (*disappear*, *desaparecer*, *discover*;
    RAE-ASALE §10.8, Quirk et al. App. I.21): such a word counts only when the negated
    version negates its base (``disagree`` against ``not agree``; the base is looked for by
    its five-letter stem in the negated version as written and in its English reading), so
    ``desaparecer`` against ``never collapse`` is no such evidence."""
    approx = APPROXIMATE.get(language, APPROXIMATE["en"])
    for _, _, w in tokens(_NOT_APPROXIMATE.sub(" ", text)):
        if w in approx:
            return True
    stems = {fold(w)[:5] for _, _, w in tokens(negated) if len(w) >= 4}
    for t, lang in ((text, language), (pivot, "en")):
        for _, _, w in tokens(t):
            base = affixal_negative(w, lang)
            if base and (not w.startswith(_REVERSATIVE) or fold(base)[:5] in stems):
                return True
    return False


def affixal_negative(word: str, language: str = "en") -> str | None:
    """The base of a word made negative by an affix: ``unclear`` -> ``clear``, ``invalid``
    -> ``valid``, ``indistinguishable`` -> ``distinguishable`` (WordNet's antonym),
    ``roadless`` -> ``road`` (the suffix *-less*, Quirk et al. App. I.34); else None."""
    base = prefix_base(word, language)
    if base:
        return base
    if language == "en" and word.endswith("less") and len(word) >= 8:
        from wordfreq import zipf_frequency

        if zipf_frequency(word[:-4], "en") >= 3.0:
            return word[:-4]  # the privative suffix -less: roadless, harmless
    if language == "en":
        ants, _, _ = _wordnet()
        return next((a for a in sorted(ants.get(word, ())) for p in _PREFIXES["en"]
                     if word == p + a), None)
    return None


# the one-word implied negations of IMPLIED["en"] (before an antonym: "lack of approval")
_IMPLIED_WORDS = {"without", "lack", "lacks", "lacked", "lacking", "absence"}
# comparatives a degree word may modify (Quirk et al. §7.83: "far fewer", "many more",
# "much less"): the degree word then says how much, not what
_COMPARATIVES = {"more", "less", "fewer"}


def _degree(toks: list, i: int) -> bool:
    """Word ``i`` of ``toks`` modifies the comparative after it (``many`` of ``many less``)."""
    return i + 1 < len(toks) and toks[i + 1][2] in _COMPARATIVES


@lru_cache(maxsize=1024)
def _lemma_profile(text: str):
    """The tokens of an English text, the lemmas of its words, and the antonyms of its
    words of three letters or more: what :func:`_antonym_pair` compares, once per text."""
    toks = _tokens(text)
    lems = frozenset(lem for _, _, w in toks for lem in lemmas(w))
    ants = frozenset(a for _, _, w in toks if len(w) >= 3 for a in antonyms(w))
    return toks, lems, ants


def _antonym_pair(ta, tb, sim: float = 1.0, lemma_sets=None):
    """A word of ``ta`` whose antonym is in ``tb``, neither side having both, and the
    antonym not itself negated (``not clear`` / ``little ethical`` say ``unclear`` /
    ``unethical``). ``lemma_sets``: the lemmas of ``ta`` and ``tb``, where known."""
    if lemma_sets is None:
        lemma_sets = ({lem for _, _, w in ta for lem in lemmas(w)}, {lem for _, _, w in tb for lem in lemmas(w)})
    la, lb = lemma_sets
    words_b = {w for _, _, w in tb}
    neg_before = NEGATORS["en"] | APPROXIMATE["en"] | _IMPLIED_WORDS
    for i, (sa, ea, w) in enumerate(ta):
        if len(w) < 3 or w in words_b or w in _NOT_ANTONYMS or lemmas(w) & lb \
                or _degree(ta, i):
            continue
        if any(t[2] in neg_before for t in ta[max(0, i - 4):i]):
            continue  # "not clear" against "unclear"
        for ant in antonyms(w):
            if ant not in lb or ant in la or ant in _NOT_ANTONYMS:
                continue
            if sim < VERB_ANTONYM_MATCH and any(
                    frozenset((lem, ant)) in _wordnet()[2] for lem in lemmas(w)):
                continue
            for k, (sb, eb, x) in enumerate(tb):
                if ant in lemmas(x) and not _degree(tb, k) \
                        and not any(t[2] in neg_before for t in tb[max(0, k - 4):k]):
                    return (w, (sa, ea)), (x, (sb, eb))
    return None

__all__ = ["NEGATORS", "negations", "antonyms", "lemmas", "prefix_base", "similarity",
           "reversal", "Reversal", "tokens"]
