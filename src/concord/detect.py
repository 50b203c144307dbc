"""Language detection per document, per sentence and per span.

Three kinds of evidence are combined:

* **langdetect** (seeded, so results are deterministic): good on long text. It is pure
  Python and slow, so it is consulted only when the other evidence leaves the answer open:
  its probabilities sum to 1, so when the leader is ahead by more than langdetect's weight
  it cannot change the answer and is skipped (the labels are those of always asking it).
* **lingua** (restricted to the corpus languages): good on short text.

Both models load on first use. A text is tokenised once (:func:`analyse`): the span finder,
the sentence detector and the names test share its tokens and lexical scores.
* **lexical evidence**: function words, month and weekday names and orthography (Spanish
  ``ñ``, accented lower-case words, ``¿``/``¡``), read from each language profile
  (``EVIDENCE_WORDS``, ``MONTHS``, ``WEEKDAYS`` and its ``detect`` topic module), which
  decide very short lines such as bylines and datelines and find spans of another language
  inside a sentence (``Published by Williams Perdomo 20 de enero, 2026``).

A line with no evidence at all (a list of names, a number) takes the document's language.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import NamedTuple

from . import lang
from .document import Document, Span

DEFAULT_LANGUAGES = lang.LANGUAGES

# Word evidence, month and weekday names come from the language profiles (lang/): a month
# or weekday name is strong evidence (unless it is also a common word: English "may"). What
# a word shows depends on the languages it is read among: a word two of them write (*la*,
# *de*, *que* in Spanish, French and Portuguese), or a letter two of them write (*é*), is
# evidence of neither, so each set of languages has its own reading (:func:`_reading`).
_PROFILES = {code: lang.get(code) for code in lang.LANGUAGES}
_STRONG_OF = {code: ({m.lower() for m in p.MONTHS} | {d.lower() for d in p.WEEKDAYS})
              - {m.lower() for m in p.AMBIGUOUS_MONTHS} for code, p in _PROFILES.items()}
_LISTED_OF = {code: frozenset(p.EVIDENCE_WORDS) | _STRONG_OF[code] for code, p in _PROFILES.items()}
# the letters beyond a-z each profile writes (Spanish ñ, accents) and its own marks (¿ ¡)
_ORTHO_OF = {code: p.detect.ORTHOGRAPHY for code, p in _PROFILES.items() if p.detect.ORTHOGRAPHY is not None}
_ELISIONS_OF = {code: frozenset(p.detect.ELISIONS) for code, p in _PROFILES.items() if p.detect.ELISIONS}


class _Reading(NamedTuple):
    """What words show among a set of languages: each word listed by one of them, its
    language; the orthographies and marks of those languages."""

    words: dict  # lower-case word -> its language (listed by no other language read)
    ortho: tuple  # (code, pattern) of the languages read that write letters beyond a-z
    marks: dict  # mark -> its language
    elisions: dict  # lower-case elided word (l, qu) -> its language


@lru_cache(maxsize=16)
def _reading(languages: tuple[str, ...]) -> _Reading:
    codes = [c for c in lang.LANGUAGES if c in languages]
    listed = {c: _LISTED_OF[c] for c in codes}
    shared = {w for c in listed for o in listed if o != c for w in listed[c] & listed[o]}
    words = {w: c for c in codes for w in listed[c] - shared}
    ortho = tuple((c, _ORTHO_OF[c]) for c in codes if c in _ORTHO_OF)
    marks = {m: c for c in codes for m in _PROFILES[c].detect.MARKS}
    el = {c: _ELISIONS_OF.get(c, frozenset()) for c in codes}
    elisions = {w: c for c in codes for w in el[c] if not any(w in el[o] for o in codes if o != c)}
    return _Reading(words, ortho, marks, elisions)


_TOKEN = re.compile(r"\w+(?:[.'’]\w+)*|[^\w\s]", re.U)


def _word_evidence(w: str, reading: _Reading) -> str | None:
    low = w.lower()
    code = reading.words.get(low)
    if code is not None:
        return code
    if w.isalpha() and w.islower():
        # an accented lower-case word (names are capitalised): the one language read that
        # writes all its letters beyond a-z, else the one that writes any of them
        special = {c for c in w if not c.isascii()}
        if not special:
            return None
        every = [code for code, ortho in reading.ortho if all(ortho.fullmatch(c) for c in special)]
        if len(every) == 1:
            return every[0]
        if not every:
            some = [code for code, ortho in reading.ortho if ortho.search(w)]
            if len(some) == 1:
                return some[0]
        return None
    if low[:1].isalpha() and ("'" in low or "’" in low):
        head = re.split("['’]", low, maxsplit=1)[0]
        return reading.elisions.get(head)  # French l'État, qu'il: an elided article or conjunction
    return reading.marks.get(w)


_PARTICLES = set().union(*(p.detect.NAME_PARTICLES for p in _PROFILES.values()))
_STRONG = set().union(*_STRONG_OF.values())
# month names that are also common words, as written ("March", "May") -> their language
_AMBIGUOUS = {m: code for code, p in _PROFILES.items() for m in p.AMBIGUOUS_MONTHS}

# What detection reads of a token is computed once per distinct word and packed into one
# character (bits below), so a text's tokens are read as a string of such codes: counted,
# searched and compared in C instead of one Python object per token.
# Its language evidence is the low bits: 1 + the language's place in lang.LANGUAGES (0: no
# evidence); the flags follow.
_EV_BITS = {code: i + 1 for i, code in enumerate(lang.LANGUAGES)}
_EV_NAME = {bits: code for code, bits in _EV_BITS.items()}
_EV_WIDTH = len(lang.LANGUAGES).bit_length()
_EV = (1 << _EV_WIDTH) - 1
_STRONG_BIT = 1 << _EV_WIDTH  # a month or weekday name: counts twice
_CAP = _STRONG_BIT << 1  # a capitalised word (letters only)
_PARTICLE = _STRONG_BIT << 2  # a lower-case name particle (de, la, da, von)
_ALPHA = _STRONG_BIT << 3  # letters only
_DIGIT = _STRONG_BIT << 4  # digits only
_COMMA_DOT = _STRONG_BIT << 5  # "," or "."
_MONTH_VERB = _STRONG_BIT << 6  # "March" or "May": a month only before a number
_PARTICLE_ANY = _STRONG_BIT << 7  # a name particle in any case
_CODES_N = _STRONG_BIT << 8  # the number of codes
_CODE0 = 0x4000  # code = chr(_CODE0 + bits): letters with no meaning in a regex


def _word_code(w: str, reading: _Reading) -> str:
    ev = _word_evidence(w, reading)
    low = w.lower()
    alpha = w.isalpha()
    bits = _EV_BITS.get(ev, 0) if ev is not None else 0
    if low in _STRONG:
        bits |= _STRONG_BIT
    if alpha and w[:1].isupper():
        bits |= _CAP
    if low in _PARTICLES:
        bits |= _PARTICLE_ANY
        if w.islower():
            bits |= _PARTICLE
    if alpha:
        bits |= _ALPHA
    if w.isdigit():
        bits |= _DIGIT
    if w in (",", "."):
        bits |= _COMMA_DOT
    if w in _AMBIGUOUS:
        bits |= _MONTH_VERB
    return chr(_CODE0 + bits)


def _code_class(bit: int) -> str:
    """A regex character class of every code with ``bit`` set."""
    return "[" + "".join(chr(_CODE0 + b) for b in range(_CODES_N) if b & bit) + "]"


# A run of at most three particles between two capitalised words (see _mute_name_particles).
_NAME_PARTICLES = re.compile(f"(?<={_code_class(_CAP)}){_code_class(_PARTICLE)}{{1,3}}(?={_code_class(_CAP)})")
_MONTH_VERB_BEFORE_NUMBER = re.compile(f"{_code_class(_MONTH_VERB)}(?={_code_class(_DIGIT)})")

# languages read -> word as written -> its code (a bounded memo)
_CODES: dict[tuple[str, ...], dict[str, str]] = {}


class Tokens(NamedTuple):
    """The tokens of a text: their texts, and one code character per token (see _word_code)."""

    texts: list  # str, in order
    codes: str  # one code per token, with the context rules applied

    def evidence(self, i: int) -> str | None:
        """The language evidence of token ``i`` (a code of lang.LANGUAGES, or None)."""
        return _EV_NAME.get((ord(self.codes[i]) - _CODE0) & _EV)


def tokenize(text: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> Tokens:
    """The tokens of ``text`` with their language evidence among ``languages`` (see
    :func:`analyse` for the cached, shared reading of a text)."""
    texts = _TOKEN.findall(text)
    memo = _CODES.get(languages)
    if memo is None:
        memo = _CODES[languages] = {}
    try:
        codes = "".join(map(memo.__getitem__, texts))
    except KeyError:
        if len(memo) > 200_000:
            memo.clear()
        reading = _reading(languages)
        for w in texts:
            # figures are not memoised: most are a story's own (the memo would grow with
            # the archive)
            if w not in memo and not w[:1].isdigit():
                memo[w] = _word_code(w, reading)
        codes = "".join([memo[w] if w in memo else _word_code(w, reading) for w in texts])
    changes = {}
    for m in _MONTH_VERB_BEFORE_NUMBER.finditer(codes):
        changes[m.start()] = _EV_BITS[_AMBIGUOUS[texts[m.start()]]]  # "March 4": the month, not the verb
    # ``de``/``la``/``y`` inside a name (Santa Cruz de la Sierra, Secretaría de Seguridad y
    # Protección Ciudadana, Lula da Silva) are part of the name, not Spanish evidence.
    for m in _NAME_PARTICLES.finditer(codes):
        for k in range(m.start(), m.end()):
            changes[k] = 0
    if changes:
        chars = list(codes)
        for k, ev in changes.items():
            chars[k] = chr(((ord(chars[k]) - _CODE0) & ~_EV | ev) + _CODE0)
        codes = "".join(chars)
    return Tokens(texts, codes)


_ALPHA_WORD = re.compile(r"[^\W\d_]+")
_EV_KINDS = {}  # code -> (language, weight) of its evidence, None without evidence
for _bits in range(_CODES_N):
    _EV_KINDS[chr(_CODE0 + _bits)] = ((_EV_NAME[_bits & _EV], 2.0 if _bits & _STRONG_BIT else 1.0)
                                      if _bits & _EV in _EV_NAME else None)


class Analysis(NamedTuple):
    """What detection reads of one text, computed once per text (:func:`analyse`)."""

    tokens: Tokens  # the tokens (shared: never mutate)
    lex: dict  # lexical evidence per language (lang.LANGUAGES)
    names_only: bool  # a line of names (see names_only)
    letters: int  # alphabetic characters
    words: int  # runs of letters
    evidence_tokens: dict  # tokens with evidence per language (lang.LANGUAGES)


@lru_cache(maxsize=2048)
def analyse(text: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> Analysis:
    """Tokens, lexical scores (among ``languages``), the names-only test and the letter and
    word counts of ``text``, computed once: a sentence is read by the span finder, the
    sentence detector and the names test, which all share this one tokenisation."""
    toks = tokenize(text, languages)
    counts = dict.fromkeys(lang.LANGUAGES, 0.0)
    n_ev = dict.fromkeys(lang.LANGUAGES, 0)
    alpha = 0
    alpha_ev = 0
    only = True
    codes = toks.codes
    for code in set(codes):
        n = codes.count(code)
        bits = ord(code) - _CODE0
        kind = _EV_KINDS[code]
        if kind:
            counts[kind[0]] += kind[1] * n
            n_ev[kind[0]] += n
        if bits & _ALPHA:
            alpha += n
            if kind:
                alpha_ev += n
            if not (bits & _CAP or (not kind and bits & _PARTICLE_ANY)):
                only = False
    if alpha and only:
        only = alpha_ev <= 1
    runs = _ALPHA_WORD.findall(text)
    joined = "".join(runs)
    # Every letter is in a run of [^\W\d_]; a run may also hold a numeric non-digit (²).
    letters = len(joined) if not joined or joined.isalpha() else sum(map(str.isalpha, joined))
    return Analysis(toks, counts, only, letters, len(runs), n_ev)


def names_only(text: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> bool:
    """A line of names: every word capitalised (or a particle inside a name), at most one
    capitalised function word (``Los Angeles Times``, ``LA PAZ, Bolivia``)."""
    return analyse(text, languages).names_only


def lexical_scores(text: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> dict[str, float]:
    return dict(analyse(text, languages).lex)


@lru_cache(maxsize=4)
def _lingua(languages: tuple[str, ...]):
    try:
        from lingua import IsoCode639_1, LanguageDetectorBuilder
    except ImportError:  # pragma: no cover - lingua is a hard dependency
        return None
    codes = [getattr(IsoCode639_1, code.upper()) for code in languages]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def warm_up(languages: tuple[str, ...] = DEFAULT_LANGUAGES, likely: tuple[str, ...] | None = None) -> None:
    """Load lingua's models now (before worker processes fork, so the workers share them
    instead of each loading its own copy). Building a detector loads nothing: lingua reads a
    language's models the first time a text could be in that language, so each detector
    reads the Latin alphabet here, in words of five letters so that every n-gram model
    up to five letters loads (about 0.4 s each, once instead of once per worker).
    langdetect's profiles load on first use: it is consulted only where lingua and the
    lexical evidence leave the answer open. With ``likely`` (the languages the documents
    are likely written in), the models of every n-gram size load for those only: lingua
    reads a text of 120 characters or more (a whole document, weighed among all of
    ``languages``) by its trigrams alone, and a sentence among its story's languages."""
    letters = " ".join(string.ascii_lowercase[i:i + 5] for i in range(0, 26, 5))
    det = _lingua(tuple(languages))
    if det is not None and likely is not None:
        det.compute_language_confidence_values(" ".join([letters] * 6))  # 191 characters: trigrams
        _lingua(tuple(likely)).compute_language_confidence_values(letters)
    elif det is not None:
        det.compute_language_confidence_values(letters)
    _lingua_all().compute_language_confidence_values(letters)


def lingua_scores(text: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> dict[str, float]:
    return dict(_lingua_scores(text, tuple(languages)))


@lru_cache(maxsize=1024)
def _lingua_scores(text: str, languages: tuple[str, ...]) -> dict[str, float]:
    """lingua's confidence per language, once per text (the text left around a span is
    weighed, then detected)."""
    det = _lingua(languages)
    if det is None:
        return {}
    out = {}
    for cv in det.compute_language_confidence_values(text):
        out[cv.language.iso_code_639_1.name.lower()] = cv.value
    return out


def langdetect_scores(text: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> dict[str, float]:
    from langdetect import DetectorFactory, LangDetectException, detector_factory

    DetectorFactory.seed = 0
    detector_factory.init_factory()
    det = detector_factory._factory.create()
    det.append(text)
    try:
        det.langprob = _langdetect_block(det)
    except LangDetectException:
        return {}
    found = det.get_probabilities()
    probs = {lang.lang: lang.prob for lang in found if lang.lang in languages}
    total = sum(probs.values())
    return {k: v / total for k, v in probs.items()} if total else {}


_NGRAM_ROWS: dict = {}  # n-gram -> its langdetect probabilities as a numpy row
_NGRAM_ROWS_MAX = 20_000  # about 11 MB at most


def _langdetect_block(det) -> list[float]:
    """langdetect's ``Detector._detect_block``: the same random draws and the same float
    operations in the same order, so the same probabilities (a test compares the two on
    tens of thousands of texts). langdetect multiplies 55 language probabilities in a
    Python loop at each of up to thousands of steps; here each trial's factors (its weight
    plus each n-gram's probabilities) are rows of one numpy array, and a step is one vector
    multiply."""
    import numpy as np
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    det.cleaning_text()
    ngrams = det._extract_ngrams()
    if not ngrams:
        raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
    rows: dict[str, int] = {}
    picks = [rows.setdefault(w, len(rows)) for w in ngrams]  # same length: same draws
    n = len(det.langlist)
    memo = _NGRAM_ROWS
    if len(memo) > _NGRAM_ROWS_MAX:  # bounded: news text uses a small share of the n-grams
        memo.clear()
    wmap = det.word_lang_prob_map
    table = np.array([memo.get(w) if w in memo else memo.setdefault(w, np.array(wmap[w], dtype=np.float64))
                      for w in rows])
    langprob = [0.0] * n
    rnd = det.random
    rnd.seed(det.seed)
    choice = rnd.choice
    for _ in range(det.n_trial):
        prob = (np.full(n, 1.0 / n) if det.prior_map is None  # langdetect: [1.0 / n] * n
                else np.array(det._init_probability(), dtype=np.float64))
        alpha = det.alpha + rnd.gauss(0.0, 1.0) * det.ALPHA_WIDTH
        factors = alpha / det.BASE_FREQ + table  # langdetect: weight + lang_prob_map[i]
        i = 0
        while True:
            prob *= factors[choice(picks)]
            if i % 5 == 0:
                sump = sum(prob.tolist())  # the builtin sum, as langdetect's _normalize_prob
                prob /= sump
                maxp = 0.0
                for p in prob.tolist():
                    if maxp < p:
                        maxp = p
                if maxp > det.CONV_THRESHOLD or i >= det.ITERATION_LIMIT:
                    break
            i += 1
        for j, p in enumerate(prob.tolist()):
            langprob[j] += p / det.n_trial
    return langprob


def _letters(text: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> int:
    return analyse(text, languages).letters


# Set by a test to consult langdetect wherever its weight applies (the exhaustive form the
# shortcut in detect_language must agree with).
_ALWAYS_LANGDETECT = False


def detect_language(text: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES,
                    prior: str | None = None, method: str = "combined") -> str | None:
    """The language of ``text`` among ``languages``.

    ``method`` is ``combined`` (default), ``langdetect`` or ``lingua`` (the latter two
    exist so the benchmark can show what the combination gains). ``prior`` is the language
    to fall back on when the text carries no evidence (the document's language).
    """
    if method == "langdetect":
        s = langdetect_scores(text, languages)
        return max(sorted(s), key=lambda k: s[k]) if s else prior
    if method == "lingua":
        s = lingua_scores(text, languages)
        return max(sorted(s), key=lambda k: s[k]) if s else prior
    info = analyse(text, languages)
    lex = info.lex
    letters = info.letters
    if prior and info.names_only:
        return prior  # names, a dateline's place, a number: no language of its own
    if prior and not any(lex.values()) and info.words < 4:
        return prior  # too short to say
    total = dict.fromkeys(languages, 0.0)
    lex_total = sum(lex.get(lang, 0.0) for lang in languages)
    if lex_total >= 5:
        top = max(sorted(languages), key=lambda k: lex.get(k, 0.0))
        if lex.get(top, 0.0) >= 0.85 * lex_total:
            return top  # decisive function-word evidence: the statistical detectors agree anyway
    if lex_total:
        # Share of the lexical evidence, weighted by how much evidence there is (up to 4).
        strength = min(lex_total, 4.0) / 4.0
        for lang in languages:
            total[lang] += 3.0 * strength * lex.get(lang, 0.0) / lex_total
    if letters >= 12:
        for lang, v in lingua_scores(text, languages).items():
            total[lang] = total.get(lang, 0.0) + v * (1.0 if letters < 60 else 1.5)
    bonus = 0.35 if prior in total else 0.0
    if letters >= 40:
        weight = 0.5 if letters < 100 else 1.0
        # langdetect's probabilities sum to 1, so it adds at most ``weight`` to any
        # language: when the leader is ahead by more than that, it cannot change the
        # answer (nor lift the leader under the prior's threshold) and is not consulted.
        if _ALWAYS_LANGDETECT or not _decided(total, prior, bonus, weight):
            for lang, v in langdetect_scores(text, languages).items():
                total[lang] = total.get(lang, 0.0) + v * weight
    if prior in total:
        total[prior] += bonus
    if not prior and letters and not any(total.values()):
        # no function word and too few letters for the weighted models (a text of one
        # or two words): the statistical model's reading, rather than none
        for lang, v in lingua_scores(text, languages).items():
            total[lang] = v
    best = max(sorted(total), key=lambda k: total[k])
    if total[best] <= 0.35 and prior:
        return prior
    return best


def _decided(total: dict[str, float], prior: str | None, bonus: float, weight: float) -> bool:
    """Whether the leader of ``total`` (with the prior's bonus) is ahead of every other
    language by more than ``weight``, with a margin for float rounding."""
    scores = sorted((v + (bonus if k == prior else 0.0) for k, v in total.items()), reverse=True)
    if len(scores) < 2:
        return True
    return scores[0] - scores[1] > weight + 1e-9 and scores[0] > 0.35 + 1e-9


def _span_runs(text: str, base: str, other: str,
               languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> list[tuple[int, int]]:
    """Runs of ``other``-language evidence inside a ``base``-language sentence, read among
    ``languages``. A word ``other`` shares with a third language read, but ``base`` does not
    write (*de* of a Spanish date in an English line read among four languages), counts in a
    run that a word of ``other`` alone starts."""
    info = analyse(text, languages)
    if info.evidence_tokens.get(other, 0) < 1:
        return []  # a run starts at a token of the other language
    codes = info.tokens.codes
    texts = info.tokens.texts
    bits = [ord(c) - _CODE0 for c in codes]
    want = _EV_BITS[other]
    stop = _EV_BITS.get(base, -1)
    mine, theirs = _LISTED_OF[other], _LISTED_OF.get(base, frozenset())
    rivals = [_LISTED_OF[c] for c in languages if c in _LISTED_OF and c not in (base, other)]
    muted = {k for m in _NAME_PARTICLES.finditer(codes) for k in range(m.start(), m.end())} if rivals else set()

    def shared(k: int) -> bool:
        if not rivals or bits[k] & _EV or k in muted:
            return False
        w = texts[k].lower()
        return w in mine and w not in theirs and any(w in r for r in rivals)

    runs = []
    i = 0
    n = len(bits)
    while i < n:
        if bits[i] & _EV != want:
            i += 1
            continue
        # Extend back over adjacent numbers and shared words (a date in a byline).
        a = i
        count = 1
        while a > 0 and (bits[a - 1] & _DIGIT or shared(a - 1)):
            a -= 1
            count += shared(a)
        j = i
        last_ev = i
        k = i + 1
        while k < n:
            ev = bits[k] & _EV
            if ev == want or shared(k):
                last_ev = k
                count += 1
            elif ev == stop or (bits[k] & _CAP and k - last_ev > 2) or k - last_ev > 4:
                break
            k += 1
        j = last_ev
        if count >= 2:
            # Extend over adjacent numbers and their punctuation (dates in a byline).
            b = j
            while b + 1 < n and (bits[b + 1] & _DIGIT or
                                 (bits[b + 1] & _COMMA_DOT and b + 2 < n and bits[b + 2] & _DIGIT)):
                b += 1
            if bits[b] & _COMMA_DOT:
                b -= 1
            runs.append((a, b))
        i = j + 1
    if not runs:
        return []
    ends = {k for run in runs for k in run}
    where = {}
    for k, m in enumerate(_TOKEN.finditer(text)):
        if k in ends:
            where[k] = m.span()
            if len(where) == len(ends):
                break
    return [(where[a][0], where[b][1]) for a, b in runs]


_QUOTED = re.compile(r"[\"“«‘]([^\"“”«»‘’]{3,}?)[\"”»’]")


def find_foreign_spans(text: str, base: str,
                       languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> list[tuple[int, int, str]]:
    """Spans of ``text`` (a sentence in ``base``) written in another language.

    Two sources: quoted passages whose own language differs from ``base``, and runs of
    other-language function words, month and weekday names with the numbers around them.
    """
    out: list[tuple[int, int, str]] = []
    for m in _QUOTED.finditer(text):
        inner = m.group(1)
        a, b = m.start(1), m.end(1)
        if analyse(inner, languages).words < 2 or b - a >= len(text.strip()) * 0.8:
            continue
        if names_only(inner, languages):
            continue  # a quoted alias or title ("El Soldado"): a name, kept as it is
        lang = detect_language(inner, languages)
        lex = lexical_scores(inner, languages)
        if not lang or lang == base:
            continue
        if lex.get(lang, 0) > lex.get(base, 0) or (
                not any(lex.values()) and lingua_scores(inner, languages).get(lang, 0.0) >= 0.9):
            out.append((a, b, lang))
    for other in languages:
        if other == base:
            continue
        for a, b in _span_runs(text, base, other, languages):
            if b - a >= len(text.strip()) * 0.8:
                continue  # the whole sentence: that is the sentence's language, not a span
            if any(a < qb and qa < b for qa, qb, _ in out):
                continue
            out.append((a, b, other))
    return sorted(out)


def sentence_language(text: str, prior: str | None,
                      languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> tuple[str | None, list[tuple[int, int, str]]]:
    """The language of a sentence and its foreign spans, given the document's language.

    Spans of another language are found first; the sentence's language is decided on what
    is left, so an English byline ending in a Spanish date stays English.
    """
    if prior:
        spans = find_foreign_spans(text, prior, languages)
        if spans:
            rest = text
            for a, b, _ in reversed(spans):
                rest = rest[:a] + " " + rest[b:]
            lex = lexical_scores(rest, languages)
            other_lex = max((v for k, v in lex.items() if k != prior), default=0.0)
            span_share = 1.0 - _letters(rest, languages) / max(_letters(text, languages), 1)
            # What is left must still read as the document's language: its own function
            # words, or a short label around a date ("Photo: Reuters, 3 de junio de 2026").
            if lex.get(prior, 0.0) > other_lex:
                keep = True
            elif any(lex.values()) or span_share >= 0.5:
                keep = False
            elif _letters(rest, languages) < 10 or names_only(rest, languages):
                keep = True
            else:
                keep = lingua_scores(rest, languages).get(prior, 0.0) >= 0.5
            if keep and detect_language(rest, languages, prior=prior) == prior:
                return prior, spans
        lang = detect_language(text, languages, prior=prior)
        if lang == prior:
            return lang, spans  # the spans of this sentence in that language: found above
    else:
        lang = detect_language(text, languages, prior=prior)
    return lang, find_foreign_spans(text, lang, languages) if lang else []


@lru_cache(maxsize=1)
def _lingua_all():
    """lingua over every language it knows (its low-accuracy models: a document is long
    enough for them, and they take a fraction of the memory)."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def _iso(code: str | None) -> str | None:
    """The ISO 639-1 code of a language tag (``de-DE``, ``pt_BR``, ``zh-cn`` -> ``de``,
    ``pt``, ``zh``), or None."""
    if not code:
        return None
    head = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    return head if head.isalpha() and 2 <= len(head) <= 3 else None


def other_language(text: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> str | None:
    """The language of ``text`` when it is none of ``languages`` (German, Italian, Chinese
    next to a Spanish/English corpus), else None. Both detectors must name the same
    language outside ``languages``: lingua over every language it knows, then langdetect
    (its 55 profiles, unrestricted) on the opening of the text. A text with nothing to
    read (numbers, names) is never another language."""
    if analyse(text[:2000], languages).letters < 40:
        return None
    # the opening is enough to name a document's language (and lingua's cost grows with
    # the text): the same 3,000 characters langdetect reads below
    best = _lingua_all().compute_language_confidence_values(text[:3000])
    if not best:
        return None
    top = best[0].language.iso_code_639_1.name.lower()
    if top in languages or best[0].value < 0.5:
        return None
    from langdetect import DetectorFactory, LangDetectException, detector_factory

    DetectorFactory.seed = 0
    detector_factory.init_factory()
    det = detector_factory._factory.create()
    det.append(text[:3000])
    try:
        found = det.get_probabilities()
    except LangDetectException:
        return None
    if not found or _iso(found[0].lang) != top or found[0].prob < 0.5:
        return None
    return top


# lingua's score (its confidence values, summing to 1 over the languages asked) above which
# a document is placed in a language against the function-word evidence
_CONFIDENT = 0.9


def document_language(doc: Document, languages: tuple[str, ...] = DEFAULT_LANGUAGES,
                      named: str | None = None) -> str | None:
    """Set and return the language of ``doc`` (not of its sentences).

    A document in a language outside ``languages`` (declared by its format, such as a
    TMX ``xml:lang`` or an XLIFF ``target-language``, or found by both detectors: see
    :func:`other_language`) is labelled with its own code; its sentences take that code
    and no spans, and nothing compares it (see :func:`uncompared`). ``named``: the
    language its file name gives (``story.es.txt``), one of ``languages``: what the text
    is read as when it carries too little evidence to say (a headline of three words), as
    a sentence falls back on its document's language; the text's own evidence decides
    otherwise."""
    declared = _iso(doc.language)
    other = declared if declared and declared not in languages else other_language(doc.text[:20000], languages)
    if other:
        doc.language = other
        for s in doc.sentences:
            s.language, s.spans = other, []
        return other
    text = doc.text[:20000]
    found = detect_language(text, languages, prior=named if named in languages else None)
    # Function words decide between languages that share few of them (Spanish, English),
    # but neighbouring languages share most (French and Portuguese write Spanish's *la*,
    # *de*, *que*, *se*): a whole document the statistical models confidently place in
    # another of the profiled languages is in that language. Both models must agree: lingua
    # alone may be confident and wrong on a short text (a Portuguese paragraph of mineral
    # names read as Spanish) where langdetect and the words say otherwise.
    if found is not None and _letters(text, languages) >= 40:
        stat = lingua_scores(text, languages)
        top = max(sorted(stat), key=lambda k: stat[k]) if stat else None
        if top is not None and top != found and stat[top] >= _CONFIDENT:
            second = langdetect_scores(text[:3000], languages)
            if not second or max(sorted(second), key=lambda k: second[k]) == top:
                found = top
    doc.language = found
    return doc.language


def story_languages(docs: list[Document], languages: tuple[str, ...] = DEFAULT_LANGUAGES,
                    pivot: str = lang.PIVOT) -> tuple[str, ...]:
    """The languages a story's sentences are read among: those of its versions (after
    :func:`document_language`) and the pivot, in the order of ``languages``. A sentence
    or quoted passage of a Spanish/English story is not weighed as French: the detectors
    choose among the languages the story is written in. A story of one version is read
    among every language."""
    found = {d.language for d in docs} | {pivot}
    if len(docs) < 2:
        return languages
    return tuple(code for code in languages if code in found)


def annotate_languages(doc: Document, languages: tuple[str, ...] = DEFAULT_LANGUAGES,
                       sentence_languages: tuple[str, ...] | None = None) -> Document:
    """Set the language of ``doc``, of each sentence, and the foreign spans of each sentence.
    Sentences are read among ``sentence_languages`` (default: ``languages``; see
    :func:`story_languages`)."""
    if document_language(doc, languages) in languages:
        annotate_sentences(doc, sentence_languages or languages)
    return doc


def annotate_sentences(doc: Document, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> Document:
    """The language of each sentence of ``doc`` (its language already set) and the
    foreign spans of each sentence, read among ``languages``."""
    if doc.language not in languages:
        return doc
    for s in doc.sentences:
        s.language, spans = sentence_language(s.text, doc.language, languages)
        s.spans = [
            Span(start=s.start + a, end=s.start + b, text=doc.text[s.start + a:s.start + b],
                 language=lang)
            for a, b, lang in spans
        ]
    return doc


def uncompared(doc: Document, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> str | None:
    """Why ``doc`` (annotated) is not compared, or None: its language has no profile."""
    if doc.language and doc.language not in languages:
        return f"{doc.language}: no language profile; not compared"
    return None
