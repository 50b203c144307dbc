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
  clause's negation; a clause whose only negation is *ni / tampoco / nor / neither*,
  right after a negated clause, continues it. A negator written as the first part of a
  hyphenated compound (*no-confidence motion*) forms a word, not a negated clause. Fixed phrases whose
  negative word negates nothing (*not only*, *no sólo*, *a no ser que* = *unless*, *no
  obstante* = *however*) are not counted. Two versions whose counts of negated clauses
  differ have a polarity flip.
* **Antonyms.** A word on one side whose antonym stands on the other side and not the
  word itself: *large* / *small*, *loved* / *hated*, *closed* / *open*. Antonym pairs come
  from WordNet's lexical antonym pointers (adjectives, adverbs and verbs; noun antonyms
  and indirect antonyms through the adjective clusters, :func:`indirect_antonyms`, are
  weaker evidence a comparison weighs on its own) read from the
  system's WordNet database (Debian ``wordnet-base``: ``$WNSEARCHDIR`` or
  ``/usr/share/wordnet``), and from the morphological negative prefixes (*un-, in-, im-,
  il-, ir-, dis-, non-*; Spanish *in-, im-, i-, des-, dis-*) when the word without the
  prefix is itself a common word of the language by ``wordfreq`` (*possible* /
  *impossible*, *posible* / *imposible*). Without the WordNet data the prefix rule still
  works.

The words of each language (negators, implied negations, negative prefixes) are in its
profile (``lang.get(code).polarity``). This module reads one text; comparing two versions
(:func:`concord.checks._reversal.reversal`, which weighs the evidence against how well the
rest of the two sentences match) is a check's work.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from .. import lang


def profile(language: str | None) -> ModuleType:
    """The polarity words of ``language``; those of the pivot language for a language
    without a profile (the reading every version has)."""
    return lang.get(language if language in lang.LANGUAGES else lang.PIVOT).polarity


def _words(name: str) -> frozenset:
    """The union of one polarity word set over every profile."""
    return frozenset().union(*(getattr(lang.get(code).polarity, name) for code in lang.LANGUAGES))


def _alternatives(name: str) -> str:
    """The regex alternatives ``name`` of every profile, in profile order."""
    return "|".join(alt for code in lang.LANGUAGES for alt in getattr(lang.get(code).polarity, name))


# words that continue the negation of the clause before them (coordination of negatives:
# "no X, ni Y" / "not X, nor Y")
_CONTINUERS = _words("CONTINUERS")
# fixed phrases whose negative word negates nothing in the clause (*not only*, *no sólo*)
_NOT_NEGATING = re.compile(r"\b(?:" + _alternatives("NOT_NEGATING") + r")(?!\w)", re.I)
# punctuation between clauses (not the comma or point of a number: 1,5 / 2.000)
CLAUSE_SPLIT = re.compile(r"(?<!\d),|,(?!\d)|[;:()\[\]—–\"“”«»]|\.\s|\s-\s")
# a negative clitic written onto a verb (English *n't*), with either apostrophe
_CLITICS = tuple(c for code in lang.LANGUAGES
                 for c in [lang.get(code).polarity.CONTRACTED_NEGATION] if c)
_CLITIC_STEMS = {k: v for code in lang.LANGUAGES for k, v in lang.get(code).polarity.CONTRACTED_STEMS.items()}
# an apostrophe as written, or escaped as software strings write it (``can\\'t``, ``can''t``)
_APOSTROPHE = r"(?:''|\\?[’'])"
_TOKEN = re.compile("".join(re.escape(c).replace("'", _APOSTROPHE) + r"\b|" for c in _CLITICS)
                    + r"[^\W\d_]+(?:" + _APOSTROPHE + r"[^\W\d_]+)?", re.U)
_ESCAPED_APOSTROPHE = re.compile(_APOSTROPHE)
# the verbs whose complement is not the case (*dejar de*, *stop*, *no longer*, *fail to*)
NEGATIVE_VERBS = re.compile(r"\b(?:" + _alternatives("NEGATIVE_VERBS") + r")\b", re.I)


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Words of ``text`` with offsets, lower-case; ``don't`` gives ``do`` and ``n't``."""
    return list(word_tokens(text))


@lru_cache(maxsize=2048)
def word_tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """:func:`tokens` as a tuple, memoised: a sentence is read as written, as a clause and as the
    other side of a comparison."""
    out = []
    for m in _TOKEN.finditer(text):
        w = _ESCAPED_APOSTROPHE.sub("'", m.group(0).lower())
        clitic = next((c for c in _CLITICS if w.endswith(c) and len(w) > len(c)), None)
        if clitic:
            stem = w[:-len(clitic)]
            out.append((m.start(), m.start() + len(stem), _CLITIC_STEMS.get(stem, stem)))
            out.append((m.start() + len(stem), m.end(), clitic))
        else:
            out.append((m.start(), m.end(), w))
    return tuple(out)


def not_negating(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` holding a fixed phrase whose negative word negates nothing
    (*not only*, *no sólo*: ``NOT_NEGATING`` of every profile)."""
    return [m.span() for m in _NOT_NEGATING.finditer(text)]


def negations(text: str, language: str) -> list[tuple[int, int]]:
    """The negated clauses of ``text``: the offsets of the negative word that makes each
    one negative (negative concord and coordinated negatives count once; an implied
    negation, ``without``, ``sin``, counts on its own)."""
    return [(a, b) for a, b, _ in negated_clauses(text, language)]


@lru_cache(maxsize=2048)
def negated_clauses(text: str, language: str) -> tuple[tuple[int, int, bool], ...]:
    """:func:`negations` with, for each, whether it is an implied negation (memoised)."""
    words = profile(language)
    negs = words.NEGATORS
    masked = _NOT_NEGATING.sub(lambda m: " " * len(m.group(0)), text)
    out: list[tuple[int, int, bool]] = []
    prev_negative = False
    bounds = [0] + [x for m in CLAUSE_SPLIT.finditer(masked) for x in (m.start(), m.end())] + [len(masked)]
    for start, end in zip(bounds[::2], bounds[1::2]):
        toks = word_tokens(masked[start:end])
        if not toks:
            continue
        implied = [(m.start(), m.end(), True) for m in
                   words.IMPLIED.finditer(masked[start:end])]
        hits: list[tuple[int, int, bool]] = []
        clause = masked[start:end]
        for a, b, w in toks:
            if w not in negs or (clause[b:b + 1] == "-" and clause[b + 1:b + 2].isalpha()):
                continue  # not a negator, or the first part of a compound (*no-confidence*)
            before = hits or any(x < a for x, _, _ in implied)
            if before and w not in words.ALWAYS_NEGATES:
                # negative concord ("no dijo nada", "sin nada"), or a determiner after the
                # clause's negation ("no X and no Y", "neither X nor Y"): one negated clause
                continue
            hits.append((a, b, False))
        hits = sorted(hits + implied)
        if not hits:
            prev_negative = False
            continue
        if prev_negative and all(not imp and clause[a:b].lower() in _CONTINUERS for a, b, imp in hits):
            continue  # "no X, ni Y", "nunca lo oculté, tampoco en ...": the negation goes on
        out += [(start + a, start + b, imp) for a, b, imp in hits]
        prev_negative = True
    return tuple(out)


# --- antonyms --------------------------------------------------------------------------

def wordnet_dir() -> str | None:
    """The WordNet database folder (Debian ``wordnet-base``): ``$WNSEARCHDIR`` or
    ``/usr/share/wordnet``, where its data files are; None without them."""
    for d in (os.environ.get("WNSEARCHDIR"), "/usr/share/wordnet"):
        if d and os.path.isfile(os.path.join(d, "data.adj")) and os.path.isfile(os.path.join(d, "data.noun")):
            return d
    return None


_wordnet_dir = wordnet_dir


def wordnet_cache_file(kind: str, version: str, d: str, files: tuple[str, ...]) -> Path:
    """Where a table parsed from WordNet's files is kept (the cache folder, beside the
    lexicon): ``wordnet-KIND-KEY.json``, KEY a hash of ``version`` (the table's format),
    the folder and each file's size and modification time, so an edited or reinstalled
    WordNet is parsed again."""
    import hashlib

    from ..lexicon import cache_path

    digest = hashlib.sha256(f"{version} {d}".encode())
    for name in files:
        try:
            st = os.stat(os.path.join(d, name))
            digest.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
        except OSError:
            digest.update(f"{name}:-".encode())
    key = digest.hexdigest()[:16]
    return cache_path(key).with_name(f"wordnet-{kind}-{key}.json")


def wordnet_exceptions(d: str, pos: str) -> Iterator[tuple[str, list[str]]]:
    """The irregular forms of part of speech ``pos`` (``adj``, ``adv``, ``noun``,
    ``verb``) in WordNet folder ``d``: each line of ``POS.exc`` as (form, its base forms);
    nothing when the file is absent."""
    path = os.path.join(d, f"{pos}.exc")
    if not os.path.isfile(path):
        return
    with open(path, encoding="latin-1") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2:
                yield parts[0], parts[1:]


@dataclass(frozen=True)
class SynsetRecord:
    """One line of a WordNet data file (``data.noun``, ...): the synset's offset, its
    ``ss_type`` (``n``, ``v``, ``a``, ``s``, ``r``), its words (lower-cased, without an
    adjective's marker such as ``(a)``) and its pointers ``(symbol, offset, pos,
    source/target)``."""

    offset: str
    ss_type: str
    words: list[str]
    pointers: list[tuple[str, str, str, str]]


def wordnet_records(d: str, pos: str) -> Iterator[SynsetRecord]:
    """The synsets of WordNet's ``data.POS`` file in folder ``d``, in file order (the
    licence header skipped)."""
    with open(os.path.join(d, f"data.{pos}"), encoding="latin-1") as fh:
        for line in fh:
            if line.startswith(" "):
                continue  # the licence header
            f = line.split(" | ")[0].split()
            n = int(f[3], 16)
            words = [re.sub(r"\(.*\)$", "", w).lower() for w in f[4:4 + 2 * n:2]]
            k = 4 + 2 * n
            pointers = [(f[k + 1 + 4 * i], f[k + 2 + 4 * i], f[k + 3 + 4 * i], f[k + 4 + 4 * i])
                        for i in range(int(f[k]))]
            yield SynsetRecord(f[0], f[2], words, pointers)


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
    import json

    path = wordnet_cache_file("antonyms", f"format {_WORDNET_FORMAT}", d, _WORDNET_FILES)
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
        for rec in wordnet_records(d, pos):
            words = rec.words
            words_at[rec.offset] = words
            for sym, off, _p, st in rec.pointers:
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
        for form, bases in wordnet_exceptions(d, pos):
            exc.setdefault(form, set()).update(bases)
    return ants, exc, verb_pairs - other_pairs


_CLASSES_FORMAT = 6  # bump when _parse_wordnet_classes's output changes


@dataclass(frozen=True)
class WordClasses:
    """The tables :func:`_wordnet_classes` reads from WordNet (see
    :func:`_parse_wordnet_classes`)."""

    quality: frozenset   # the lemmas WordNet gives as adjectives or adverbs
    known: frozenset     # every lemma it knows
    noun: dict           # noun lemma -> its lexical antonyms
    cluster: dict        # adjective lemma -> the head synsets of the clusters it belongs to
    opposite: dict       # head synset -> the head synsets of its antonyms
    verbs: frozenset     # the verb lemmas
    poles: dict          # noun, verb or adverb lemma -> the synsets of antonym pairs it belongs to
    pole_opposite: dict  # such a synset -> the synsets opposite to it
    see_also: dict       # adjective head synset -> the heads (with antonyms) it refers to, ``^``


_POLE = {"adv": "r", "noun": "n", "verb": "v"}  # the synset keys of poles: part of speech + offset
_CLASS_TABLES = ("quality", "known", "noun", "cluster", "opposite", "verbs", "poles", "pole_opposite",
                 "see_also")


@lru_cache(maxsize=1)
def _wordnet_classes() -> WordClasses:
    """The word classes and indirect antonyms of WordNet's lemmas from its data files (see
    :func:`_parse_wordnet_classes`), cached like :func:`_wordnet`'s tables."""
    d = _wordnet_dir()
    if d is None:
        return WordClasses(frozenset(), frozenset(), {}, {}, {}, frozenset(), {}, {}, {})
    import json

    path = wordnet_cache_file("classes", f"classes {_CLASSES_FORMAT}", d,
                              ("data.adj", "data.adv", "data.noun", "data.verb"))
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        tables: tuple = tuple(set(raw[k]) if isinstance(raw[k], list) else
                              {w: set(v) for w, v in raw[k].items()} for k in _CLASS_TABLES)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        tables = ()  # not cached yet (or damaged): parse, then keep it
    if len(tables) != len(_CLASS_TABLES):
        tables = _parse_wordnet_classes(d)
        try:
            from ..fsutil import atomic_write

            atomic_write(path, json.dumps({k: {w: sorted(v) for w, v in sorted(t.items())}
                                           if isinstance(t, dict) else sorted(t)
                                           for k, t in zip(_CLASS_TABLES, tables)},
                                          ensure_ascii=False, separators=(",", ":")))
        except OSError:
            pass  # a read-only cache folder: parsed again next time
    quality, known, noun, cluster, opposite, verbs, poles, pole_opposite, see_also = tables
    return WordClasses(frozenset(quality), frozenset(known), noun, cluster, opposite, frozenset(verbs),
                       poles, pole_opposite, see_also)


def _parse_wordnet_classes(d: str) -> tuple[set, set, dict, dict, dict, set, dict, dict, dict]:
    """The tables of :class:`WordClasses`, read from WordNet's data files in ``d``: the
    word classes of its lemmas, the lexical antonym pointers (``!``) of nouns, and two kinds
    of indirect antonymy (WordNet's antonymy holds between two lemmas; their synonyms are
    opposed through them):

    * the adjective clusters (Gross & Miller 1990, the design of WordNet's adjectives: a
      head adjective with its antonym, each with its *similar to* satellites, ``&``;
      *enormous* is a satellite of *large*, *minuscule* of *small*, so the two are indirect
      antonyms). A head's *see also* pointers (``^``) to other heads with antonyms are kept
      for words made negative by an affix (*unhappy*: *happy* sees *contented*, whose
      head words include *content*);
    * the synsets of nouns, verbs and adverbs that hold an antonym pair: every synonym of
      the pair's lemmas takes part (*diminish* is a synonym of *decrease*, the antonym
      of *increase*). Wider relations (the *see also* links of adjectives, the troponyms of verbs:
      *break out* is a way to *begin*, *make* a way to *change*) join words whose usual
      senses are not opposed (*broke out* / *began*, *makes* / *remains*)."""
    quality: set[str] = set()
    known: set[str] = set()
    noun: dict[str, set[str]] = {}
    cluster: dict[str, set[str]] = {}
    opposite: dict[str, set[str]] = {}
    verbs: set[str] = set()
    poles: dict[str, set[str]] = {}
    pole_opposite: dict[str, set[str]] = {}
    see_also: dict[str, set[str]] = {}
    for pos in ("adj", "adv", "noun", "verb"):
        words_at: dict[str, list[str]] = {}
        pointers = []
        heads: dict[str, str] = {}
        for rec in wordnet_records(d, pos):
            words = rec.words
            words_at[rec.offset] = words
            plain = {w for w in words if "_" not in w}
            known.update(plain)
            if pos in ("adj", "adv"):
                quality.update(plain)
            elif pos == "verb":
                verbs.update(plain)
            for sym, off, target_pos, st in rec.pointers:
                if sym == "!":
                    pointers.append((rec.offset, words[int(st[:2], 16) - 1], off, int(st[2:], 16)))
                elif sym == "&" and pos == "adj" and rec.ss_type == "s":
                    heads[rec.offset] = off  # a satellite's head synset
                elif sym == "^" and pos == "adj" and rec.ss_type == "a" and target_pos == "a":
                    see_also.setdefault(rec.offset, set()).add(off)
        for at, src, off, tgt in pointers:
            target = words_at.get(off)
            if not (target and tgt):
                continue
            dst = target[tgt - 1]
            if pos == "noun" and "_" not in src and "_" not in dst:
                noun.setdefault(src, set()).add(dst)
                noun.setdefault(dst, set()).add(src)
            if pos == "adj":
                opposite.setdefault(at, set()).add(off)
                opposite.setdefault(off, set()).add(at)
            else:
                key, other = _POLE[pos] + at, _POLE[pos] + off
                pole_opposite.setdefault(key, set()).add(other)
                pole_opposite.setdefault(other, set()).add(key)
        if pos == "adj":
            for at, words in words_at.items():
                head = heads.get(at, at)
                if head in opposite:
                    for w in words:
                        if "_" not in w:
                            cluster.setdefault(w, set()).add(head)
        elif pos != "adj":
            for at, words in words_at.items():
                keys = {_POLE[pos] + at} & pole_opposite.keys()
                for w in words:
                    if "_" not in w and keys:
                        poles.setdefault(w, set()).update(keys)
    see_also = {h: {s for s in seen if s in opposite} for h, seen in see_also.items() if h in opposite}
    return quality, known, noun, cluster, opposite, verbs, poles, pole_opposite, \
        {h: seen for h, seen in see_also.items() if seen}


def is_quality(word: str) -> bool | None:
    """Whether WordNet gives ``word`` (or one of its base forms) as an adjective or adverb;
    None when WordNet does not know it (or is not installed)."""
    classes = _wordnet_classes()
    forms = {word} | set(lemmas(word))
    if forms & classes.quality:
        return True
    return False if forms & classes.known else None


def _verb_endings() -> tuple[tuple[str, str], ...]:
    return tuple((suf, rep) for suf, rep in _SUFFIXES if suf in _WORDNET_WORDS.DOUBLING_SUFFIXES)


def indirect_antonyms(a: str, b: str, adjective: bool = False) -> str | None:
    """How ``a`` and ``b`` are antonyms beyond WordNet's direct pairs, or None: ``"noun"``,
    antonyms as nouns (*success* / *failure*), or synonyms of the two lemmas of a noun or
    adverb antonym pair (*son* / *girl*, through *son* / *daughter* and *boy* / *girl*);
    ``"verb"``, synonyms of a verb antonym pair (*increased* / *diminished*, through
    *increase* / *decrease*; like those pairs often converses); ``"adjective"``, indirect antonyms through
    WordNet's adjective clusters (*enormous* / *minuscule*), or one made negative by an
    affix whose base shares a cluster with the other (*uncertain* / *convinced*,
    *unviable* / *possible*). An inflected verb form (*stressed*) is read as the verb, not
    through the adjective clusters, unless ``adjective`` says it stands as an adjective
    there (*an advanced stage*)."""
    classes = _wordnet_classes()
    la, lb = _base_forms(a), _base_forms(b)
    noun = classes.noun
    if any(noun.get(x, set()) & lb for x in la):
        return "noun"
    pa = {h for x in la for h in classes.poles.get(x, ())}
    if pa:
        pb = {h for x in lb for h in classes.poles.get(x, ())}
        opposed = {h[0] for h in pa if classes.pole_opposite.get(h, set()) & pb}
        if opposed:
            return "noun" if opposed - {_POLE["verb"]} else "verb"
    cluster, opposite = classes.cluster, classes.opposite
    for x, y in ((a, b), (b, a)):
        base = affixal_negative(x)
        if base:
            near = cluster.get(base, set())
            near = near | {s for h in near for s in classes.see_also.get(h, ())}
            if near & cluster.get(y, set()):
                # the negated base's cluster (*uncertain* / *convinced*, like *certain*), or one
                # it refers to (*unhappy* / *content*: *happy* sees *contented*)
                return "adjective"
    if not adjective:
        for x in (a, b):
            if any(x.endswith(suf) and x[:-len(suf)] + rep in classes.verbs for suf, rep in _VERB_ENDINGS):
                return None  # an inflected verb (*stressed*): the clusters are an adjective's
    ca = {h for x in la for h in cluster.get(x, ())}
    cb = {h for x in lb for h in cluster.get(x, ())}
    return "adjective" if any(opposite.get(h, set()) & cb for h in ca) else None


@lru_cache(maxsize=65536)
def _base_forms(word: str) -> frozenset[str]:
    """``word`` and its base forms (:func:`lemmas`), with those the suffix rules give that
    WordNet knows in any class (*daughters* -> *daughter*). Memoised."""
    known = _wordnet_classes().known
    out = {word} | set(lemmas(word))
    for suf, rep in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 2 and word[:-len(suf)] + rep in known:
            out.add(word[:-len(suf)] + rep)
    return frozenset(out)


# The polarity words of WordNet's language (English), whose inflection rules lemmas() reads.
_WORDNET_WORDS = next(lang.get(code).polarity for code in lang.LANGUAGES if lang.get(code).polarity.WORDNET)
_SUFFIXES = _WORDNET_WORDS.LEMMA_SUFFIXES


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
    # doubled consonant before an ending: "stopped" -> "stop"
    m = _DOUBLED.match(word)
    if m:
        out.add(m.group(1) + m.group(2))
    return frozenset(out)


_VERB_ENDINGS = _verb_endings()
_DOUBLED = re.compile(r"(.+?)([b-df-hj-np-tv-z])\2(?:" + "|".join(_WORDNET_WORDS.DOUBLING_SUFFIXES) + ")$")


@lru_cache(maxsize=65536)
def prefix_base(word: str, language: str) -> str | None:
    """The word a negative prefix was added to (``impossible`` -> ``possible``), when that
    word is itself common in ``language`` (wordfreq Zipf >= 3) and the prefixed word is a
    word of the language too; else None. The negative prefixes make adjectives and adverbs
    (Quirk et al. App. I.21): where WordNet knows the word only as a noun or verb
    (*immigrant*, *impose*, *invest*), the prefix is another one (*in-* = *into*)."""
    from wordfreq import zipf_frequency

    if language not in lang.LANGUAGES:
        return None
    words = lang.get(language).polarity
    for p in words.PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 4:
            base = word[len(p):]
            if p in words.PREFIX_BEFORE and not base.startswith(words.PREFIX_BEFORE[p]):
                continue  # Spanish i- only before l/r: ilegal, irreal
            if p not in words.REVERSATIVE and word.endswith(words.GERUND_ENDINGS):
                continue  # a gerund (*informando*): the negative prefixes make adjectives
            if zipf_frequency(base, language) >= 3.0 and zipf_frequency(word, language) >= 1.5:
                if words.WORDNET and p not in words.REVERSATIVE and is_quality(word) is False:
                    continue  # a noun or verb (*immigrant*, *impose*): not a negated quality
                return base
    return None


@lru_cache(maxsize=65536)
def antonyms(word: str, language: str = lang.PIVOT) -> frozenset[str]:
    """Antonyms of ``word`` (lower-case): WordNet's (English), the prefix rule's and the
    profile's opposite closed-class words (``OPPOSITES``: *before* / *after*)."""
    out: set[str] = set()
    if language in lang.LANGUAGES and lang.get(language).polarity.WORDNET:
        ants, _, _ = _wordnet()
        for lem in lemmas(word):
            out |= ants.get(lem, set())
    base = prefix_base(word, language)
    if base:
        out.add(base)
    if language in lang.LANGUAGES:
        for x, y in lang.get(language).polarity.OPPOSITES:
            out |= {y} if word == x else {x} if word == y else set()
    return frozenset(out)


@lru_cache(maxsize=65536)
def affixal_negative(word: str, language: str = lang.PIVOT) -> str | None:
    """The base of a word made negative by an affix: ``unclear`` -> ``clear``, ``invalid``
    -> ``valid``, ``indistinguishable`` -> ``distinguishable`` (WordNet's antonym),
    ``roadless`` -> ``road`` (the suffix *-less*, Quirk et al. App. I.34); else None."""
    base = prefix_base(word, language)
    if base:
        return base
    if language not in lang.LANGUAGES:
        return None
    words = lang.get(language).polarity
    for suffix in words.PRIVATIVE_SUFFIXES:
        if word.endswith(suffix) and len(word) >= 4 + len(suffix):
            from wordfreq import zipf_frequency

            if zipf_frequency(word[:-len(suffix)], language) >= 3.0:
                return word[:-len(suffix)]  # the privative suffix -less: roadless, harmless
    if words.WORDNET:
        ants, _, _ = _wordnet()
        return next((a for a in sorted(ants.get(word, ())) for p in words.PREFIXES
                     if word == p + a), None)
    return None


def verb_antonym_pairs() -> set:
    """The antonym pairs (frozensets of two lemmas) WordNet gives as verbs only (``love`` /
    ``hate``; ``come`` / ``go`` are often converses)."""
    return _wordnet()[2]


__all__ = ["NEGATIVE_VERBS", "CLAUSE_SPLIT", "affixal_negative", "indirect_antonyms", "is_quality",
           "not_negating",
           "antonyms", "lemmas", "negated_clauses", "negations", "prefix_base", "profile",
           "tokens", "verb_antonym_pairs", "word_tokens"]
