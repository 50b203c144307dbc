"""Partial omission and addition: a sentence both versions have, that says less in one.

The sentence checks report a sentence only one version has; this check reads the
sentences the aligner matched one to one and finds a stretch of one of them that the
other does not carry: a clause, a prepositional phrase, a noun phrase, a modifier, a hedge
such as *allegedly* or *only*.

1. **Word correspondence.** Every word of the pivot-language sentence is looked up in the
   other version: in its machine translation (stems, WordNet lemmas, the lexicon's keys
   of the translation's words, and WordNet's related lemmas of the pivot word — synonyms,
   derivations, pertainyms, similar adjectives: :mod:`concord.checks._wordnet`), and in
   its original words (the Apertium lexicon's translation keys, :mod:`concord.lexicon`,
   and the word itself: a name or a number copied through). The machine translation is
   mapped back to the original words by the longest in-order chain of lexicon matches
   (a rule-based translation keeps the order of phrases), so a pivot word that matches a
   translated word also matches the original word it came from. An original word whose
   translation is only function words (``sin embargo`` -> *however*) carries no content.
   A translated word between two anchors of the chain may also come from the original
   word just past either anchor (the translation swaps a noun and its adjective). The
   pairs that may correspond are then linked one to one, as a word aligner does: pairs
   that share a word's own keys (its stem, its lemmas, its lexicon translations) before
   pairs that meet only through WordNet's related lemmas, those before pairs that meet
   only through a translated word of uncertain origin; within each, the pairs nearest the
   diagonal of the two sentences first (a word that may stand for two words of the other
   sentence goes to the one at the nearer place); then a word left over beside the
   lexical counterpart of its candidate (a compound written as two words). A content word
   whose translation the other sentence holds as a word the lexicon classes as a function
   word (*last* / *últimos*: a determiner in Apertium's tags) has its counterpart.
   A word neither the lexicon nor WordNet knows (a rare word the translator passed
   through) cannot be checked: it is never reported, and it may stand for any unmatched
   word of the other side.
2. **Runs and spans.** A rewording leaves unmatched words on both sides at one place, an
   omission leaves nothing on the other side there. So the unmatched content words of the
   two sentences are first paired one to one by place (:func:`_pair_leftovers`: a word
   and an unmatched word of the other sentence between the counterparts of its linked
   neighbours, :data:`NEAR` content words wider, the nearest first; an unmatched verb and
   an unmatched verb anywhere): one reworded word of the other sentence answers one word
   here, not every word around it. Unmatched content words left unpaired next to each
   other form a run. A nationality or a weekday (capitalised in the translation) is
   linked like any word but never reported. Further, the rest of both sentences must
   correspond (:data:`MIN_COVERAGE`, read by :func:`_literal`: the share of their
   checkable content words with a counterpart), and the run must hold a word that is
   evidence at all: very frequent words and words with many senses or many translations
   are what translators add and drop when they rephrase (:data:`GENERIC_ZIPF`,
   :data:`MAX_SENSES`); inflected verbs (translators restructure verbs: nominalisations,
   light verbs) count neither for nor against the correspondence. The
   run is widened to the constituent of spaCy's dependency parse that holds it and nothing
   matched (a whole prepositional phrase, a relative clause); its head and its role
   (clause, phrase, noun phrase, modifier, hedge) come from the parse. The sentences of a
   pair that need a parse are parsed in one batch per language.
3. **Not findings:** a lone verb (translators restructure verbs: nominalisations, light
   verbs), a name or a number alone (the name and number checks compare those), a name
   word the other version writes as a pronoun, a nationality or a title beside a name
   (explicitation), a parenthesis with a number (a converted unit).
4. **Severity.** A span that carries a negation or a hedge
   (``lang.get(code).partial.HEDGES``: *allegedly*, *only*, *almost*) changes what the
   sentence asserts: a warning, unless it is a short adjunct of a reporting verb (*in a
   statement*) or of time (*on Tuesday*). A span's numbers (in digits) and names are
   listed in the message, but the number and name checks report those facts at their
   own severity, so they do not raise the span. A
   negation counts only when the other sentence negates nothing; a hedge only when the other
   sentence has no hedge or word that may carry one (``HEDGE_LIKE``: *just*, *may*,
   *largely*). A span of two or more content words in a pair that otherwise corresponds
   word for word (:data:`TIGHT`, :data:`MIN_RUN`) is a warning too: a whole constituent
   a rewording would have left answered. Any other span is info: on clean professional
   translations a lone unmatched content word is as often a free rendering the lexicon
   and WordNet do not know as a lost fact (measured: raising such spans to warnings finds
   about a third of the single words added to a machine translation, but adds about nine
   warnings per 100 sentences of professionally translated news, and however tight the
   rest of the pair must be, the share found falls as fast as the false alarms), so it
   is shown, never failing a run. The finding's message gives how literally the rest of
   the pair corresponds and the aligner's bead score.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .. import lang
from ..document import Bead, BeadKind, Category, Finding, Sentence, Severity
from ..facts.polarity import negations
from ..facts.polarity import profile as polarity_profile
from ..lexicon import Lexicon, get_lexicon
from ..text import STOP, fold, normalise_number, stem
from ._wordnet import lemmas as wordnet_lemmas
from ._wordnet import senses, synonyms, verb_form
from .base import Pair, check, evidence, span_evidence

# Share of the checkable content words of both sentences (the run left out, :func:`_literal`)
# that must correspond before a run is reported at all: below it (more than about one word
# in seven without a counterpart) the translation is free and an unmatched word is more
# likely a rewording than a lost fact.
MIN_COVERAGE = 0.85
# Share of the checkable content words of both sentences (the run left out; a weak word
# without a counterpart counts against, :func:`_literal`) from which the pair is read as a
# word-for-word translation: a run of two or more content words, one of them evidence
# (not :func:`_weak`), that has no counterpart in such a pair is a constituent one version
# lacks, not a rewording, and a warning. At this share a sentence of twenty content
# words has at most one other word without a counterpart.
TIGHT = 0.95
# content words a run needs to be a warning on the pair's literalness alone: one word
# without a counterpart is as often a free rendering the lexicon and WordNet do not know
MIN_RUN = 2
# How many content words beyond the counterparts of a word's neighbours the other sentence
# is searched for an unmatched word that may say the same (:func:`_place_cost`): Spanish,
# French and Portuguese put most adjectives after the noun and English before it, so the
# counterpart of a reworded modifier may sit one content word outside the stretch its
# neighbours' counterparts bound.
NEAR = 1
# what a span must carry to be a warning: a lost negation or hedge changes what the
# sentence asserts (a name or a number is the name and number checks' to report, at
# their own severity: raising the span as well would report the fact twice)
_RAISING = ("negation", "hedge")
# wordfreq Zipf frequency from which a word is one of the few thousand commonest of its
# language (Zipf 5 = once per 100,000 words): generic words (*thing*, *people*, *around*)
# that rephrasing adds and drops, weak evidence on their own.
GENERIC_ZIPF = 5.0
# WordNet senses (pivot words) or lexicon translation keys (other words) above which a
# word has so many readings that its missing counterpart is weak evidence.
MAX_SENSES = 8
# a short adjunct (*on Tuesday*, *in a statement*): at most this many words
SHORT_ADJUNCT = 4

# (hedges, negators, calendar words, speech verbs) of a language, folded
_Words = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]
# a span of a sentence: (start, end, role, head, what it carries, severity)
_Span = tuple[int, int, str, str, list[str], Severity]

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*[^\W\d_]*|[^\W\d_]+(?:['’][^\W\d_]+)?", re.U)
_CLITIC = re.compile(r"(?:n['’]t|['’][^\W\d_]+)$", re.U)
_NOT = re.compile(r"n['’]t$")  # a negative clitic written onto a verb (*didn't*)
_NEGATORS = frozenset().union(*(lang.get(c).polarity.NEGATORS for c in lang.LANGUAGES))


@dataclass
class Word:
    """A word of one sentence: its offsets, whether it carries content, its own
    correspondence keys, its wider keys (WordNet's related lemmas), and whether the other
    version has a counterpart."""

    i: int
    start: int
    end: int
    text: str
    folded: str
    content: bool
    keys: frozenset[str]
    wide: frozenset[str]
    known: bool = True  # the lexicon or WordNet knows it, or it is a name or a number
    matched: bool = False
    verbal: bool = False  # an inflected verb (or the original of one): restructured freely
    links: set[int] = field(default_factory=set)  # the other version's words it corresponds to
    # a word that is not reported but may be linked: a nationality or a weekday, written
    # with a capital in the translation (the name and date checks compare those)
    linkable: bool = False
    # an unmatched word paired with an unmatched word of the other version at the same
    # place (:func:`_pair_leftovers`): a rewording, not an omission
    reworded: bool = False


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon | None:
    return get_lexicon()


def _number_key(w: str) -> str:
    return "#" + normalise_number(w)


@lru_cache(maxsize=65536)
def _pivot_keys(word: str) -> tuple[bool, frozenset[str], frozenset[str], bool]:
    """(content, own keys, wide keys) of a pivot-language word: its stem, the stems of its
    WordNet lemmas and its lexicon keys; the wide keys add WordNet's related lemmas."""
    if word[0].isdigit():
        k = frozenset({_number_key(word)})
        return True, k, k, True
    if _NOT.search(word):
        return False, frozenset({"not"}), frozenset({"not"}), True
    word = _CLITIC.sub("", word) or word
    f = fold(word)
    lex = _lexicon()
    lk = lex.keys(word, lang.PIVOT) if lex is not None else None
    content = f not in STOP and f not in _NEGATORS and len(f) > 2 and lk != frozenset()
    own = {stem(f)} | set(lk or ()) | {stem(fold(x)) for x in wordnet_lemmas(f)}
    syn = synonyms(f)
    # a word of many senses (*take*: 44) relates to nearly anything: its own keys only
    wide = own | {stem(fold(x)) for x in syn} if senses(f) <= MAX_SENSES else own
    known = lk is not None or bool(syn) or word[0].isupper()
    return content, frozenset(own), frozenset(wide), known


@lru_cache(maxsize=65536)
def _other_keys(word: str, language: str) -> tuple[bool, frozenset[str], bool]:
    """(content, keys) of a word of a non-pivot version: its own stem (a name or a
    number copied through) and the lexicon's translation keys."""
    if word[0].isdigit():
        return True, frozenset({_number_key(word)}), True
    word = _CLITIC.sub("", word) or word
    f = fold(word)
    lex = _lexicon()
    lk = lex.keys(word, language) if lex is not None else None
    content = f not in STOP and f not in _NEGATORS and len(f) > 2 and lk != frozenset()
    return content, frozenset({stem(f)} | set(lk or ())), lk is not None or word[0].isupper()


def pivot_words(text: str) -> list[Word]:
    """The words of a pivot-language text with their keys."""
    out: list[Word] = []
    for m in _TOKEN.finditer(text):
        content, own, wide, known = _pivot_keys(m.group(0))
        out.append(Word(len(out), m.start(), m.end(), m.group(0), fold(m.group(0)), content, own,
                        wide, known, verbal=verb_form(m.group(0))))
    return out


def other_words(text: str, language: str) -> list[Word]:
    """The words of a text in ``language`` with their lexicon keys."""
    out: list[Word] = []
    for m in _TOKEN.finditer(text):
        content, keys, known = _other_keys(m.group(0), language)
        out.append(Word(len(out), m.start(), m.end(), m.group(0), fold(m.group(0)), content, keys,
                        keys, known))
    return out


def _monotone(o_words: list[Word], t_words: list[Word]) -> dict[int, set[int]]:
    """Translation word index -> the original words it comes from: the longest in-order
    chain of key matches between the original and its machine translation; a translation
    word between two matched words is given the original words between them, or those two
    when there are none (a rule-based translation keeps the order of phrases)."""
    n, m = len(o_words), len(t_words)
    where: dict[str, set[int]] = {}
    for t in t_words:
        for k in t.keys | {t.folded}:
            where.setdefault(k, set()).add(t.i)
    match = [[False] * m for _ in range(n)]
    for o in o_words:
        for k in o.keys | {o.folded}:
            for j in where.get(k, ()):
                match[o.i][j] = True
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1],
                             best[i + 1][j + 1] + 1 if match[i][j] else 0)
    pairs = []
    i = j = 0
    while i < n and j < m:
        if match[i][j] and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i += 1
            j += 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    out: dict[int, set[int]] = {}
    prev = (-1, -1)
    for a, b in pairs + [(n, m)]:
        between = set(range(prev[0] + 1, a))
        if not between:
            # nothing between: the two matched words themselves (a compound the
            # translation writes in two words, "pretemporada" -> "pre-season")
            between = {x for x in (prev[0], a) if 0 <= x < n}
        # a rule-based translation swaps a noun and its adjective (*células inmunitarias*
        # -> *immune cells*): a word between two anchors may also come from the word just
        # past either anchor
        swapped = between | {x for x in (prev[0] - 1 if prev[0] > 0 else -1, a + 1) if 0 <= x < n}
        for jj in range(prev[1] + 1, b):
            out[jj] = swapped
        if a < n:
            out[b] = {a}
        prev = (a, b)
    return out


def _contains(a: Word, b: Word) -> bool:
    """One content word containing the other (*migrant* / *immigrant*: a derivation
    WordNet does not list), both of five letters or more."""
    x, y = a.folded, b.folded
    return a.content and b.content and min(len(x), len(y)) >= 5 and (x in y or y in x)


def _hedges(language: str, like: bool = False) -> frozenset[str]:
    """The hedges of ``language`` (folded); with ``like``, also the words that may carry a
    hedge's meaning (``HEDGE_LIKE``)."""
    code = language if language in lang.LANGUAGES else lang.PIVOT
    prof = lang.get(code).partial
    return frozenset(fold(w) for w in prof.HEDGES | (prof.HEDGE_LIKE if like else frozenset()))


def _hedges_match(p_words: list[Word], t_words: list[Word], o_words: list[Word], pivot: str,
                  language: str) -> None:
    """A hedge answers any hedge or hedge-like word of the other version (*reportedly* /
    *supuestamente*, *probably* / *quizás*, *solamente* / *just*): one hedge replaced by
    another is a rewording of the same stance."""
    p_hedges, o_hedges = _hedges(pivot), _hedges(language)
    p_like, o_like = _hedges(pivot, True), _hedges(language, True)
    p_has = any(e.folded in p_like for e in p_words)
    o_has = any(t.folded in p_like for t in t_words) or any(o.folded in o_like for o in o_words)
    for e in p_words:
        if e.folded in p_hedges and o_has:
            e.matched = True
    for o in o_words:
        if o.folded in o_hedges and p_has:
            o.matched = True


def _candidates_of(p_words: list[Word], t_words: list[Word], o_words: list[Word],
                   t_to_o: dict[int, set[int]]) -> dict[tuple[int, int], int]:
    """Every (pivot word, original word) pair of content words that may correspond, with
    how loosely (0: the pivot word and the original word share a key, or the pivot word
    and a word of the machine translation share a key, either side widened by WordNet, or
    one contains the other, and that translated word comes from that original word alone;
    1: the translated word lies between two original words it may come from)."""
    out: dict[tuple[int, int], int] = {}
    p_content = [e for e in p_words if e.content]
    o_content = {o.i for o in o_words if o.content or o.linkable}
    by_wide: dict[str, set[int]] = {}
    by_own: dict[str, set[int]] = {}
    for e in p_content:
        for k in e.wide:
            by_wide.setdefault(k, set()).add(e.i)
        for k in e.keys:
            by_own.setdefault(k, set()).add(e.i)
    p_long = [e for e in p_content if len(e.folded) >= 5]
    for t in t_words:
        ois = t_to_o.get(t.i, set()) & o_content
        if not ois:
            continue
        loose = 2 * int(len(t_to_o[t.i]) > 1)
        own = set().union(*(by_own.get(k, ()) for k in t.keys))
        hits = set().union(*(by_wide.get(k, ()) for k in t.keys), *(by_own.get(k, ()) for k in t.wide))
        if t.content and len(t.folded) >= 5:
            own.update(e.i for e in p_long if _contains(e, t))
        for i in hits | own:
            for oi in ois:
                out[(i, oi)] = min(out.get((i, oi), 3), loose + int(i not in own))
    for oi in o_content:
        keys = o_words[oi].keys
        for i in set().union(*(by_wide.get(k, ()) for k in keys)):
            out[(i, oi)] = min(out.get((i, oi), 3), int(not p_words[i].keys & keys))
    return out


def _link(p_words: list[Word], t_words: list[Word], o_words: list[Word],
          t_to_o: dict[int, set[int]]) -> None:
    """Link the words of both versions one to one, as a word aligner would: of the pairs
    that may correspond (:func:`_candidates_of`), the nearest to the diagonal of the two
    sentences first (translations keep most words near the same relative place; a word
    that may stand for two words of the other sentence is taken by the nearer one). A
    word already linked takes a further word only next to its first counterpart (a
    compound written as two words: *antimisiles* / *anti missile*). A word is matched when
    it has a link (or is a hedge answered by a hedge, :func:`_hedges_match`)."""
    n, m = max(len(p_words), 1), max(len(o_words), 1)
    cands = _candidates_of(p_words, t_words, o_words, t_to_o)
    pairs = sorted(cands, key=lambda ij: (cands[ij], abs(ij[0] / n - ij[1] / m), ij))
    for i, j in pairs:  # one to one
        if not p_words[i].links and not o_words[j].links:
            p_words[i].links.add(j)
            o_words[j].links.add(i)
    for i, j in pairs:  # a word left over beside the counterpart of its candidate
        e, o = p_words[i], o_words[j]
        if cands[(i, j)] >= 2:
            continue  # a place guess, not a lexical match: no second link on it
        if (not o.links and any(abs(j - x) <= 1 for x in e.links)) or (
                not e.links and any(abs(i - x) <= 1 for x in o.links)):
            e.links.add(j)
            o.links.add(i)
    for w in p_words + o_words:
        w.matched = w.matched or bool(w.links)


def correspond(pivot_text: str, other_text: str, translation: str,
               language: str) -> tuple[list[Word], list[Word]]:
    """The words of both versions, each marked matched when the other version has a
    counterpart: a pivot word and a translated word share a key (either side widened by
    WordNet) or one contains the other; a pivot word and an original word share a key; a
    translated word's match is its original words' match."""
    p_words = pivot_words(pivot_text)
    t_words = pivot_words(translation)
    o_words = other_words(other_text, language)
    t_to_o = _monotone(o_words, t_words)
    # an original word whose translation is only function words carries no content
    # ("sin embargo" -> "however", "más" -> "more")
    from_o: dict[int, list[Word]] = {}
    for ti, ois in t_to_o.items():
        for oi in ois:
            from_o.setdefault(oi, []).append(t_words[ti])
    t_content = frozenset().union(*(t.keys for t in t_words if t.content))
    for o in o_words:
        ts = from_o.get(o.i)
        if o.content and ts and not o.text[0].isupper():
            if not any(t.content for t in ts) and not o.keys & t_content:
                o.content = False
            elif any(t.text[0].isupper() and t.i > 0 and t_to_o[t.i] == {o.i} for t in ts):
                o.content = False  # a nationality ("español" -> "Spanish"): the name check's
                o.linkable = True
        o.verbal = any(t.verbal for t in ts or ())
    _hedges_match(p_words, t_words, o_words, lang.PIVOT, language)
    _link(p_words, t_words, o_words, t_to_o)
    # a content word translated by a word the lexicon classes as a function word (*last* /
    # *últimos*, *same* / *mismo*: determiners in Apertium's tags) has its counterpart
    p_function = frozenset().union(*(e.keys for e in p_words if not e.content and e.known))
    o_function = frozenset().union(*(o.keys for o in o_words if not o.content and o.known))
    for e in p_words:
        e.matched = e.matched or (e.content and bool(e.keys & o_function))
    for o in o_words:
        o.matched = o.matched or (o.content and bool(o.keys & p_function))
    return p_words, o_words


# --- weak words --------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _weak(word: str, language: str, pivot: bool, keys: int) -> bool:
    """Whether an unmatched word is weak evidence (see the module docstring): one of the
    commonest words of its language, or a word of many senses (pivot words, by WordNet)
    or many translations (other words, by the lexicon)."""
    from wordfreq import zipf_frequency

    if word[0].isdigit():
        return False
    if zipf_frequency(word.lower(), language) >= GENERIC_ZIPF:
        return True
    return (senses(fold(word)) if pivot else keys) > MAX_SENSES


# --- the parse ---------------------------------------------------------------------------

_PARSERS: dict[str, object] = {}


def _parser(language: str) -> Any:
    """spaCy's pipeline of ``language`` without its entity recogniser (the tagger and the
    dependency parser are what is read), loaded once per process; None without spaCy or
    without the language's pipeline."""
    if language not in _PARSERS:
        import importlib.util
        import warnings

        nlp = None
        module = lang.get(language).names.SPACY_MODEL[0] if language in lang.LANGUAGES else None
        if module and importlib.util.find_spec("spacy") and importlib.util.find_spec(module):
            from ..facts import ner

            load: Callable[[], Any] = ner.import_spacy  # spaCy without torch (see facts.ner)
            spacy = load()
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message=r"\[W095\]")  # see facts.ner
                try:
                    nlp = spacy.load(module, exclude=["ner"])
                except (OSError, ValueError):
                    nlp = None
        _PARSERS[language] = nlp
    return _PARSERS[language]


_PARSED: dict[tuple[str, str], object] = {}
_PARSED_MAX = 2048  # parses kept (a worker checks one group's pairs at a time)


def _parse_many(texts: list[str], language: str) -> None:
    """Parse ``texts`` in one batch and keep the parses for :func:`_parse`."""
    nlp = _parser(language)
    todo = list(dict.fromkeys(t for t in texts if (t, language) not in _PARSED))
    if nlp is None or not todo:
        return
    if len(_PARSED) + len(todo) > _PARSED_MAX:
        _PARSED.clear()
    for text, doc in zip(todo, nlp.pipe(todo, batch_size=64)):
        _PARSED[(text, language)] = doc


def _parse(text: str, language: str) -> Any:
    if (text, language) not in _PARSED:
        _parse_many([text], language)
    return _PARSED.get((text, language))


# --- spans -------------------------------------------------------------------------------

_CLAUSE = frozenset({"relcl", "advcl", "ccomp", "xcomp", "acl", "csubj", "parataxis"})
_PHRASE = frozenset({"prep", "obl", "nmod", "agent", "pobj", "dative"})
_MODIFIER = frozenset({"amod", "advmod", "npadvmod", "nummod", "quantmod", "neg", "compound"})
_VERBS = frozenset({"VERB", "AUX"})
_NOT_CONTENT = frozenset({"ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "PUNCT", "AUX", "SPACE",
                          "SYM", "X", "INTJ"})


@dataclass
class Gap:
    """A stretch of one version's sentence the other version's sentence does not carry."""

    in_a: bool
    sentence: int
    start: int  # offsets in the sentence
    end: int
    text: str
    role: str  # clause, phrase, modifier, noun, hedge, words
    head: str  # the word the span depends on ("" when unknown)
    carries: list[str] = field(default_factory=list)  # number, name, negation, hedge, date
    severity: Severity = Severity.INFO
    coverage: float = 0.0
    score: float = 0.0


def _widen(doc: Any, idxs: set[int], unmatched: set[int]) -> tuple[int, int, Any]:
    """The constituent holding the tokens ``idxs``: from each token up its heads while the
    head's whole subtree has no matched content token; (first token, last token, top). A
    token whose own subtree holds matched words stands with its function words only."""

    def clean(tok: Any) -> bool:
        return all(t.i in unmatched for t in tok.subtree if t.pos_ not in _NOT_CONTENT)

    firsts, lasts, tops = [], [], []
    for i in idxs:
        tok = doc[i]
        if not clean(tok):
            near = [c.i for c in tok.children if c.pos_ in ("DET", "ADP") and c.i < tok.i]
            firsts.append(min(near + [tok.i]))
            lasts.append(tok.i)
            tops.append(tok)
            continue
        while tok.head.i != tok.i and clean(tok.head):
            tok = tok.head
        firsts.append(tok.left_edge.i)
        lasts.append(tok.right_edge.i)
        tops.append(tok)
    first, last = min(firsts), max(lasts)
    while first < last and (doc[first].is_punct or doc[first].pos_ in ("CCONJ",)):
        first += 1
    while last > first and (doc[last].is_punct or doc[last].pos_ in ("CCONJ",)):
        last -= 1
    top = min(tops, key=lambda t: (len(list(t.ancestors)), t.i))
    return first, last, top


def _role(top: Any, tokens: Any) -> str:
    dep = top.dep_
    if dep in _CLAUSE or (top.pos_ in _VERBS and len(tokens) > 2):
        return "clause"
    if top.pos_ == "ADP" or dep in _PHRASE:
        return "phrase"
    if dep in _MODIFIER or top.pos_ in ("ADJ", "ADV"):
        return "modifier"
    if top.pos_ in ("NOUN", "PROPN", "NUM"):
        return "noun phrase" if len(tokens) > 1 else "noun"
    return "words"


def _span(text: str, language: str, run: list[Word], unmatched_offsets: frozenset[tuple[int, int]],
          words_of: _Words, other_negated: bool) -> tuple[int, int, str, str, list[str], bool, bool]:
    """(start, end, role, head, carries, short adjunct, skip) of a run in its sentence;
    ``words_of`` is :func:`_language_words` of its language; ``other_negated`` whether the
    other version's sentence negates anything."""
    hedges, negators, calendar, speech = words_of
    doc = _parse(text, language)
    carries = []
    words = [w.text for w in run]
    if any(w[0].isdigit() for w in words):
        carries.append("number")
    if doc is None:
        if any(fold(w) in hedges for w in words):
            carries.append("hedge")
        return run[0].start, run[-1].end, "words", "", carries, False, False
    by_start = {t.idx: t.i for t in doc}
    idxs = {by_start[w.start] for w in run if w.start in by_start}
    unmatched = {t.i for t in doc if (t.idx, t.idx + len(t.text)) in unmatched_offsets
                 or t.pos_ in _NOT_CONTENT or fold(t.text) in STOP}
    if not idxs:
        return run[0].start, run[-1].end, "words", "", carries, False, False
    first, last, top = _widen(doc, idxs, unmatched)
    toks = doc[first:last + 1]
    content = [t for t in toks if t.pos_ not in _NOT_CONTENT and t.i in idxs]
    if not content:
        return 0, 0, "", "", carries, False, True
    skip = False
    if all(t.pos_ in _VERBS and fold(t.text) not in hedges for t in content):
        skip = True  # a lone verb: translators restructure verbs
    if all(t.pos_ in ("PROPN", "NUM") or t.like_num or (t.text[:1].isupper() and t.i > 0)
           for t in content):
        skip = True  # a name, a nationality or a number alone: the name and number checks
    if top.dep_ in ("compound", "appos", "flat", "title") and top.head.pos_ == "PROPN":
        skip = True  # a title or a description beside a name (explicitation)
    if first > 0 and doc[first - 1].text == "(" and any(t.like_num for t in toks):
        skip = True  # a converted unit in parentheses
    if any(_is_hedge(t, hedges) for t in content + [top]):
        carries.append("hedge")
    if any(t.pos_ == "PROPN" and t.i != 0 for t in content):
        carries.append("name")
    if not other_negated and any(
            t.dep_ == "neg" or (fold(t.text) in negators and t.pos_ in ("ADV", "DET", "PRON")
                                and not doc.text[t.idx + len(t.text):].startswith("-"))
            for t in toks):
        carries.append("negation")  # the other sentence negates nothing: the negation is lost
    role = "hedge" if "hedge" in carries and len(content) == 1 else _role(top, toks)
    head = top.head.text if top.head.i != top.i else ""
    short = (len(toks) <= SHORT_ADJUNCT and role == "phrase"
             and (fold(top.head.text) in speech
                  or all(fold(t.text) in calendar for t in content)))
    return toks.start_char, toks.end_char, role, head, carries, short, skip


def _is_hedge(tok: Any, hedges: frozenset[str]) -> bool:
    """A hedge adverb (not *the only one*), or a verb of appearance with the clause it
    hedges (*seems to*, *appears that*; not *appeared on stage*)."""
    if fold(tok.text) not in hedges:
        return False
    if tok.pos_ == "ADV":
        return True
    return tok.pos_ in _VERBS and any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)


def _language_words(language: str) -> _Words:
    """(hedges, negators, calendar words, speech verbs) of ``language``, folded."""
    code = language if language in lang.LANGUAGES else lang.PIVOT
    prof = lang.get(code)
    hedges = frozenset(fold(w) for w in prof.partial.HEDGES)
    negators = frozenset(fold(w) for w in polarity_profile(code).NEGATORS)
    calendar = frozenset(fold(w) for w in tuple(prof.WEEKDAYS) + tuple(prof.MONTHS))
    speech = frozenset(fold(w) for w in prof.SPEECH_VERBS)
    return hedges, negators, calendar, speech


def _runs(words: list[Word]) -> list[list[Word]]:
    """Unmatched, known content words next to each other (function words and verbs between
    them allowed; a matched content word ends a run)."""
    out: list[list[Word]] = []
    cur: list[Word] = []
    for w in [x for x in words if x.content] + [None]:
        if w is not None and not w.matched:
            if w.known and not w.verbal and not w.reworded:
                cur.append(w)  # a verb joins its span through the parse, never starts one
            continue
        if cur:
            out.append(cur)
        cur = []
    return out


# a run worth a span: (pivot side, its sentence, its language, its words, the offsets of its
# side's unmatched words, how literally the rest corresponds (:func:`_literal`), whether it
# holds a word that is evidence (not :func:`_weak`))
_Run = tuple[bool, str, str, tuple[Word, ...], frozenset[tuple[int, int]], float, bool]


def _window(w: Word, words: list[Word], other: list[Word]) -> tuple[int, int]:
    """The stretch of ``other`` (word indices) between the counterparts of the nearest
    linked words before and after ``w`` (the sentence's ends where there are none)."""
    before = [x for x in words[:w.i] if x.links]
    after = [x for x in words[w.i + 1:] if x.links]
    lo = min(before[-1].links) if before else 0
    hi = max(after[0].links) if after else len(other) - 1
    if lo > hi:
        lo, hi = min(after[0].links) if after else 0, max(before[-1].links) if before else len(other) - 1
    return lo, hi


def _place_cost(w: Word, words: list[Word], y: Word, other: list[Word]) -> int | None:
    """How far ``y`` of the other sentence lies from the place of ``w``: 0 inside the
    stretch its linked neighbours' counterparts bound, 1 within :data:`NEAR` content
    words of it, None further."""
    lo, hi = _window(w, words, other)
    if lo <= y.i <= hi:
        return 0
    content = [x for x in other if x.content or x.links]
    pos = {x.i: k for k, x in enumerate(content)}
    if y.i not in pos:
        return None
    first = next((k for k, x in enumerate(content) if x.i >= lo), len(content))
    last = next((k for k in range(len(content) - 1, -1, -1) if content[k].i <= hi), -1)
    k = pos[y.i]
    return 1 if first - NEAR <= k <= last + NEAR else None


def _named(w: Word) -> bool:
    """A capitalised word inside its sentence: a name."""
    return w.i > 0 and w.text[:1].isupper()


def _pair_leftovers(p_words: list[Word], o_words: list[Word]) -> None:
    """Pair the unmatched content words of the two sentences one to one by place, as a
    rewording pairs them: a word of one sentence and a word of the other at the same place
    (:func:`_place_cost`, either seen from its own side), the nearest first; an unmatched
    verb also pairs with an unmatched verb anywhere (a verb rendered by another verb); a
    name (capitalised inside its sentence) pairs only with a name (the name checks compare
    names; a name rendered another way is no rewording of a common word). An unmatched
    word of the other sentence stands for one word here, not for every word around it:
    what is left unpaired is what one version says and the other does not."""
    left = [w for w in p_words if w.content and not w.matched]
    right = [w for w in o_words if w.content and not w.matched]
    if not left or not right:
        return
    n, m = max(len(p_words), 1), max(len(o_words), 1)
    cands = []
    for x in left:
        for y in right:
            if _named(x) != _named(y):
                continue  # a name is the name check's, never a rewording of a common word
            costs = [c for c in (_place_cost(x, p_words, y, o_words), _place_cost(y, o_words, x, p_words))
                     if c is not None]
            if costs:
                cost = min(costs)
            elif x.verbal and y.verbal:
                cost = 2
            else:
                continue
            cands.append((cost, abs(x.i / n - y.i / m), x.i, y.i))
    for _, _, i, j in sorted(cands):
        x, y = p_words[i], o_words[j]
        if not x.reworded and not y.reworded:
            x.reworded = y.reworded = True


def _literal(words: list[Word], other: list[Word], leave: frozenset[int]) -> float:
    """How literally the two sentences correspond: the share of the checkable content words
    of both (known to the lexicon or WordNet, not inflected verbs, but the words
    ``leave``: the run being judged) that have a counterpart. A weak word without a
    counterpart counts against: a generic word added or dropped is the mark of a free
    rendering."""
    checkable = [w for w in words if w.content and w.known and not w.verbal and w.i not in leave]
    checkable += [w for w in other if w.content and w.known and not w.verbal]
    return sum(w.matched for w in checkable) / len(checkable) if checkable else 1.0


@lru_cache(maxsize=1024)
def _candidates(pivot_text: str, pivot_language: str, other_text: str, other_language: str,
                translation: str) -> tuple[float, tuple[_Run, ...]]:
    """(how literally the pair corresponds, runs worth a span) of a matched sentence pair;
    each run is a :data:`_Run`. The unmatched words of the two sentences are first paired
    by place (:func:`_pair_leftovers`); a run counts when it holds a word that is evidence
    at all (not :func:`_weak`, or a hedge) and when the rest of both sentences corresponds
    (:data:`MIN_COVERAGE`)."""
    p_words, o_words = correspond(pivot_text, other_text, translation, other_language)
    _pair_leftovers(p_words, o_words)
    coverage = _literal(p_words, o_words, frozenset())
    out: list[_Run] = []
    sides = ((p_words, pivot_text, pivot_language, True, o_words),
             (o_words, other_text, other_language, False, p_words))
    for words, text, language, pivot, other in sides:
        hedges = _language_words(language)[0]
        offsets = frozenset((w.start, w.end) for w in words if w.content and not w.matched)
        for run in _runs(words):
            hedged = any(w.folded in hedges for w in run)
            strong = any(not _weak(w.text, language, pivot, len(w.keys)) for w in run)
            if not (hedged or strong):
                continue
            literal = _literal(words, other, frozenset(w.i for w in run))
            if literal < MIN_COVERAGE:
                continue  # the rest does not correspond well: a free translation
            out.append((pivot, text, language, tuple(run), offsets, literal, strong))
    return coverage, tuple(out)


def sentence_gaps(pivot_text: str, pivot_language: str, other_text: str, other_language: str,
                  translation: str) -> tuple[list[_Span], list[_Span], float]:
    """The gaps of a matched sentence pair: (spans only the pivot sentence has, spans only
    the other has, the share of checkable content words that correspond). A span is
    ``(start, end, role, head, carries, severity)`` in its own sentence."""
    coverage, runs = _candidates(pivot_text, pivot_language, other_text, other_language,
                                 translation)
    out: tuple[list[_Span], list[_Span]] = ([], [])
    for pivot, text, language, run, offsets, literal, strong in runs:
        other, other_language = (other_text, other_language) if pivot else (pivot_text, pivot_language)
        start, end, role, head, carries, short, skip = _span(
            text, language, list(run), offsets, _language_words(language),
            bool(negations(other, other_language)))
        if skip or start >= end:
            continue
        # a name is the name check's to report; a number, a negation or a hedge changes
        # what the sentence asserts
        raised = [c for c in carries if c in _RAISING]
        sure = strong and literal >= TIGHT and len(run) >= MIN_RUN
        sev = Severity.WARNING if (raised and not short) or sure else Severity.INFO
        out[0 if pivot else 1].append((start, end, role, head, carries, sev))
    return out[0], out[1], coverage


def _sides(pair: Pair, bead: Bead) -> tuple[bool, Sentence, Sentence, str] | None:
    """(whether A is the pivot-language side, the pivot sentence, the other sentence, the
    other's language) of a one-to-one matched bead, or None when the check does not apply."""
    if bead.kind != BeadKind.MATCH or len(bead.a) != 1 or len(bead.b) != 1:
        return None
    sa, sb = pair.A.doc.sentences[bead.a[0]], pair.B.doc.sentences[bead.b[0]]
    la = sa.language or pair.A.doc.language or pair.pivot
    lb = sb.language or pair.B.doc.language or pair.pivot
    if sa.translation is None and sb.translation is not None and la == pair.pivot:
        return True, sa, sb, lb
    if sb.translation is None and sa.translation is not None and lb == pair.pivot:
        return False, sb, sa, la
    if sa.translation is None and sb.translation is None and la == lb == pair.pivot:
        return True, sa, sb, lb
    return None


def _prepare(pair: Pair) -> None:
    """Parse, in one batch per language, every sentence of the pair that holds a run worth
    a span (spaCy is several times faster on a batch than sentence by sentence)."""
    if pair.cache.get(("partial-prepared",)):
        return
    pair.cache[("partial-prepared",)] = True
    todo: dict[str, list[str]] = {}
    for bead in pair.beads:
        sides = _sides(pair, bead)
        if sides is None:
            continue
        _, piv, other, o_lang = sides
        _, runs = _candidates(piv.text, pair.pivot, other.text, o_lang, other.pivot_text)
        for _, text, language, *_ in runs:
            todo.setdefault(language, []).append(text)
    for language, texts in todo.items():
        _parse_many(texts, language)


def bead_gaps(pair: Pair, bead: Bead) -> list[Gap]:
    """The gaps of a one-to-one matched bead (computed once per bead for both checks)."""
    key = ("partial", tuple(bead.a), tuple(bead.b))
    if key in pair.cache:
        cached: list[Gap] = pair.cache[key]
        return cached
    gaps: list[Gap] = []
    pair.cache[key] = gaps
    sides = _sides(pair, bead)
    if sides is None:
        return gaps
    _prepare(pair)
    a_pivot, piv, other, o_lang = sides
    only_p, only_o, coverage = sentence_gaps(piv.text, pair.pivot, other.text, o_lang,
                                             other.pivot_text)
    for spans, in_a in ((only_p, a_pivot), (only_o, not a_pivot)):
        sent = (piv if a_pivot else other) if in_a else (other if a_pivot else piv)
        for start, end, role, head, carries, sev in spans:
            gaps.append(Gap(in_a, sent.index, start, end, sent.text[start:end], role, head,
                            carries, sev, coverage, bead.score))
    return gaps


def _finding(pair: Pair, check_id: str, gap: Gap) -> Finding:
    side, other = (pair.A, pair.B) if gap.in_a else (pair.B, pair.A)
    sent = side.doc.sentences[gap.sentence]
    ev = span_evidence(side.doc, gap.sentence, sent.start + gap.start, gap.text)
    partner = pair.partner(gap.sentence, gap.in_a)
    other_ev = evidence(other.doc, partner)
    what = f"\u201c{gap.text}\u201d"
    role = gap.role + (f" of \u201c{gap.head}\u201d" if gap.head and gap.role != "clause" else "")
    if pair.a_is_source and gap.in_a:
        msg = f"Missing from the translation {other.doc.id}: {what} ({role}) of the source {side.doc.id}"
    elif pair.a_is_source:
        msg = f"Added in the translation {side.doc.id}, not in the source {other.doc.id}: {what} ({role})"
    else:
        msg = f"Only in {side.doc.id}, not in {other.doc.id}: {what} ({role})"
    msg += (f"; the rest of the sentence corresponds ({gap.coverage:.0%} of its words match, "
            f"alignment score {gap.score:.2f}).")
    if gap.carries:
        msg += f" It carries: {', '.join(gap.carries)}."
    a, b = (ev, other_ev) if gap.in_a else (other_ev, ev)
    # the span and the word it depends on: the same words added to two sentences of a
    # story are two findings
    key = f"{gap.text}\x1f{gap.head}"
    key_a, key_b = (key, "") if gap.in_a else ("", key)
    return pair.finding(check_id, gap.severity, msg, a, b, key_a=key_a, key_b=key_b,
                        classification=gap.role)


@check("partial-omission", Category.OMISSION, Severity.WARNING, default=False)
def part_only_in_a(pair: Pair, bead: Bead) -> list[Finding]:
    """Part of a sentence of the source (or, without a source, of the first version) is missing from its translation.

    A clause, phrase, noun, modifier or hedge of a sentence both versions have, with no
    counterpart in the other version's sentence while the rest corresponds word for word.
    Warning when it carries a lost negation or a hedge (*allegedly*, *only*, *almost*), or
    when it is two content words or more while the rest corresponds word for word; info
    for a short adjunct (*in a statement*, *on Tuesday*) and for other content.
    Rewordings, function words, verbs, a pronoun for a name and explicitation are not
    reported.
    """
    return [_finding(pair, "partial-omission", g) for g in bead_gaps(pair, bead) if g.in_a]


@check("partial-addition", Category.ADDITION, Severity.WARNING, default=False)
def part_only_in_b(pair: Pair, bead: Bead) -> list[Finding]:
    """Part of a sentence of the translation (or, without a source, of the second version) is not in the other.

    A clause, phrase, noun, modifier or hedge of a sentence both versions have, with no
    counterpart in the other version's sentence while the rest corresponds word for word.
    Warning when it carries a negation or a hedge, or when it is two content words or more
    while the rest corresponds word for word; info for a short adjunct and for other
    content.
    """
    return [_finding(pair, "partial-addition", g) for g in bead_gaps(pair, bead) if not g.in_a]
