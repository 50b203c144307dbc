"""Cross-lingual knowledge about names, from maintained data only.

* CLDR (through ``babel``): the names of territories, languages and currencies in Spanish
  and English, so ``Alemania`` = ``Germany`` and ``dólar estadounidense`` = ``US Dollar``;
  CLDR's territory aliases (ISO alpha-3 codes and ``UK``) and two-letter codes written in
  capitals (``US``); the Spanish plural abbreviation that doubles each initial
  (``EE. UU.`` = ``Estados Unidos``, a rule of Spanish orthography).
* Nationalities, demonyms and language names are not names to check: a CLDR language name
  (``Finnish``, ``ruso``) or a word formed on a CLDR territory name with a demonym suffix
  (``Macedonian``, ``Latin Americans``, ``australiano``).
* Acronyms defined in the document (``la Organización Panamericana de la Salud (OPS)``):
  :func:`defined_acronyms`.
* Word frequencies (``wordfreq``) tell how a form is used: whether a capitalised word is an
  ordinary word of the language, whether a name's form is attested at all (``Clitnon`` is
  not), and whether a form is specific to one language (``Tracia`` is Spanish, ``Thrace``
  English) or kept verbatim across languages (``Zuckerberg``, ``Crimea``).
* Spelling: :func:`typo` (a near miss, such as two swapped letters, of an attested name) and
  :func:`cognate` (the same name in another language's spelling: ``Nilo``/``Nile``,
  ``Sajalín``/``Sakhalin``, ``Enrique``/``Henry``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lang
from .base import fold

LANGS = lang.LANGUAGES
# The profiles of the languages compared (lang.compared()): each value built from them is
# Scoped (built once for each pair's languages), each cache keyed by them.
_PROFILES: lang.Scoped[list] = lang.Scoped(lambda codes: [lang.get(code).names for code in codes])
# Articles, particles and conjunctions inside names (closed-class words of each profile).
_PARTICLES: lang.Scoped[frozenset] = lang.Scoped(lambda codes: frozenset().union(*(p.MINOR_WORDS for p in _PROFILES)))
_ARTICLE: lang.Scoped[re.Pattern] = lang.Scoped(lambda codes: re.compile(
    r"^(?:" + "|".join(w for p in _PROFILES for w in p.ARTICLES) + r")\s+"))
# The languages whose orthography doubles each initial of a plural word (EE. UU.).
_DOUBLING: lang.Scoped[tuple] = lang.Scoped(lambda codes: tuple(
    code for code in codes if lang.get(code).names.DOUBLED_INITIAL_PLURALS))
_UPPER = lang.UPPER


def _norm(text: str) -> str:
    """Folded, without dots, hyphens or an opening article, spaces collapsed."""
    t = fold(text).replace(".", " ").replace("-", " ")
    t = " ".join(re.findall(r"\w+", t))
    return _ARTICLE.sub("", t)


@lang.scoped_cache(maxsize=8)
def _cldr() -> tuple[dict, dict, dict]:
    """(normalised name -> keys, key -> normalised names, capital code -> keys)."""
    from babel import Locale
    from babel.core import get_global

    by_name: dict[str, set] = {}
    by_key: dict[str, set] = {}

    def add(name: str, key: str) -> None:
        n = _norm(name)
        if n:
            by_name.setdefault(n, set()).add(key)
            by_key.setdefault(key, set()).add(n)

    for language in lang.compared():
        loc = Locale(language)
        for code, name in loc.territories.items():  # numeric codes are regions (Americas)
            add(name, "T:" + code)
        for code, name in loc.languages.items():
            add(name, "L:" + code)
        for code, name in loc.currencies.items():
            add(name, "C:" + code)
    for language in lang.compared():
        if lang.get(language).polarity.WORDNET:
            for names in _wordnet_places():
                keys = {k for n in names for k in by_name.get(_norm(n), ()) if k.startswith("T:") and k[2:].isalpha()}
                for n in names if len(keys) == 1 else ():
                    add(n, next(iter(keys)))
    codes: dict[str, set] = {}
    for code in map(str, Locale(lang.PIVOT).territories):
        if code.isalpha() and len(code) == 2:
            codes.setdefault(code, set()).add("T:" + code)
    aliases: dict[str, list[str]] = dict(get_global("territory_aliases"))
    for alias, targets in aliases.items():
        if alias.isalpha() and alias.isupper() and len(targets) == 1:
            codes.setdefault(alias, set()).add("T:" + targets[0])
    return by_name, by_key, codes


# a synset line of lexicographer file 15 (noun.location): its word count and what follows
_LOCATION_SYNSET = re.compile(rb"\n\d{8} 15 n ([0-9a-f]{2}) ([^|\n]*)")


@lru_cache(maxsize=1)
def _wordnet_places() -> tuple[tuple[str, ...], ...]:
    """The proper names of each WordNet location synset (lexicographer file 15,
    ``noun.location``) with two names at least: one place under its other names
    (``United Kingdom``, ``Britain``, ``Great Britain``; ``United States``, ``America``).
    Names of four letters or more, not in capitals (codes come from CLDR). Empty without
    the WordNet data."""
    import json
    import os

    from .polarity import wordnet_cache_file, wordnet_dir

    d = wordnet_dir()
    if d is None:
        return ()
    # parsed once, then kept in the cache folder (beside the lexicon and the other tables
    # read from WordNet), keyed by the data file's size and modification time
    path = wordnet_cache_file("places", "format 1", d, ("data.noun",))
    try:
        return tuple(tuple(names) for names in json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        pass  # not cached yet (or damaged): parse, then keep it
    with open(os.path.join(d, "data.noun"), "rb") as fh:
        data = fh.read()
    out = []
    for m in _LOCATION_SYNSET.finditer(data):
        words = m.group(2).decode("latin-1").split(" ")[:2 * int(m.group(1), 16):2]
        names = tuple(w.replace("_", " ") for w in words
                      if w[:1].isupper() and len(w) >= 4 and not w.replace("_", "").replace(".", "").isupper())
        if len(names) > 1:
            out.append(names)
    try:
        from ..fsutil import atomic_write

        atomic_write(path, json.dumps(out, ensure_ascii=False, separators=(",", ":")))
    except OSError:
        pass  # a read-only cache folder: parsed again next time
    return tuple(out)


_DOUBLED = re.compile(rf"^(?:([{_UPPER}])\1){{2,}}$")


@lang.scoped_cache(maxsize=1024)
def _plural_abbreviation(surface: str) -> frozenset:
    """``EE. UU.`` / ``EEUU``: each initial doubled for a plural word (Spanish orthography:
    the profiles with ``DOUBLED_INITIAL_PLURALS``); the CLDR territory names of those
    languages whose words have those initials."""
    s = re.sub(r"[.\s]", "", surface)
    if not _DOUBLED.match(s):
        return frozenset()
    initials = fold(s[::2])
    out = set()
    for name, keys in _doubling_names().items():
        words = [w for w in name.split() if w not in _PARTICLES]
        if len(words) == len(initials) and "".join(w[0] for w in words) == initials:
            out |= keys
    return frozenset(out)


@lang.scoped_cache(maxsize=8)
def _doubling_names() -> dict[str, set]:
    from babel import Locale

    out: dict[str, set] = {}
    for language in _DOUBLING:
        for code, name in Locale(language).territories.items():
            out.setdefault(_norm(name), set()).add("T:" + code)
    return out


def keys_of(surface: str) -> frozenset:
    """The CLDR entities (``T:DE``, ``L:de``, ``C:EUR``) a name stands for, if any."""
    return _keys_of(surface)


@lang.scoped_cache(maxsize=4096)
def _keys_of(surface: str) -> frozenset:
    by_name, _, codes = _cldr()
    keys = set(by_name.get(_norm(surface), ()))
    bare = surface.replace(".", "").strip()
    if bare.isupper() and bare.isalpha():
        keys |= codes.get(bare, set())
    keys |= _plural_abbreviation(surface)
    return frozenset(keys)


@lang.scoped_cache(maxsize=256)
def _norm_text(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", fold(text).replace("-", " "))) + " "


@lang.scoped_cache(maxsize=256)
def _text_words(text: str) -> frozenset:
    return frozenset(_norm_text(text).split())


def text_words(text: str) -> frozenset:
    """The words of ``text``, folded (cached: the same text is asked about every name)."""
    return _text_words(text)


@lang.scoped_cache(maxsize=256)
def _text_caps(text: str) -> frozenset:
    """Capitalised words and doubled-initial abbreviations of ``text``, as written."""
    return frozenset(m.group(0).strip() for m in re.finditer(rf"(?:\b[{_UPPER}]{{1,3}}\.?\s?){{1,4}}", text))


def normalised_words(text: str) -> list[str]:
    """The words of ``text`` in order, folded, hyphens splitting words (what
    :func:`known_in` looks CLDR names up in)."""
    return _norm_text(text).split()


def cldr_names(keys) -> set[str]:
    """The normalised names, in either language, of the CLDR entities ``keys``."""
    _, by_key, _ = _cldr()
    return set().union(*(by_key.get(k, set()) for k in keys))


def caps_keys(text: str) -> frozenset:
    """The CLDR entities that the codes, aliases in capitals and doubled-initial
    abbreviations written in ``text`` stand for (``US``, ``EE. UU.``)."""
    _, _, codes = _cldr()
    out: set = set()
    for c in _text_caps(text):
        out |= codes.get(c.replace(".", "").strip(), set())
        out |= _plural_abbreviation(c)
    return frozenset(out)


_DEMONYM_SUFFIX: lang.Scoped[re.Pattern] = lang.Scoped(lambda codes: re.compile(
    "(?:" + "|".join(x for p in _PROFILES for x in p.DEMONYM_SUFFIXES) + ")$"))


# Per language, its demonym suffixes (a demonym is formed in one language on that
# language's name of the place: Spanish *rusa* on *Rusia*, English *French* on *France*).
_SUFFIXES = {code: re.compile("(?:" + "|".join(lang.get(code).names.DEMONYM_SUFFIXES) + ")$") for code in LANGS}


@lang.scoped_cache(maxsize=8)
def _territory_stems() -> dict[str, set]:
    """First letters (at least four) of every word of the CLDR territory names -> keys."""
    out: dict[str, set] = {}
    every = _territory_words()
    for words in (every[language] for language in lang.compared()):
        for w, ks in words.items():
            out.setdefault(w, set()).update(ks)
    return out


@lang.scoped_cache(maxsize=8)
def _territory_words() -> dict[str, dict[str, set]]:
    """Per language, the words (four letters at least) of its CLDR territory names -> keys,
    and for a name of several words their singular forms joined, which a compound
    demonym is formed on (*Estados Unidos* -> *estadounidense*)."""
    from babel import Locale

    out: dict[str, dict[str, set]] = {}
    for language in lang.compared():
        words: dict[str, set] = {}
        for code, name in Locale(language).territories.items():
            key = "T:" + code
            content = [w for w in _norm(name).split() if w not in _PARTICLES]
            for w in content:
                if len(w) >= 4:
                    words.setdefault(w, set()).add(key)
            if len(content) > 1 and all(len(w) >= 4 for w in content):
                words.setdefault("".join(w[:-1] if w.endswith("s") else w for w in content), set()).add(key)
        out[language] = words
    return out


def _lexicon_word(word: str, language: str) -> bool:
    """Whether the bilingual lexicon knows ``word`` in ``language``; True without Apertium
    (no evidence either way)."""
    from ..lexicon import get_lexicon

    lex = get_lexicon()
    return lex is None or lex.keys(word.lower(), language) is not None


@lang.scoped_cache(maxsize=8)
def _territory_words_by_prefix() -> dict[str, dict[str, list[tuple[str, set]]]]:
    """:func:`_territory_words` indexed by each word's first three letters, which a demonym
    shares with the word it is formed on: :func:`demonym_of` reads those words only."""
    out: dict[str, dict[str, list[tuple[str, set]]]] = {}
    for language, words in _territory_words().items():
        index = out[language] = {}
        for name, ks in words.items():
            index.setdefault(name[:3], []).append((name, ks))
    return out


@lang.scoped_cache(maxsize=4096)
def demonym_of(word: str) -> frozenset:
    """The territories ``word`` is a demonym or adjective of (``Macedonian`` -> North
    Macedonia; ``australiano`` -> Australia; ``estadounidense`` -> United States), or a CLDR
    language name; empty if neither. A demonym is formed in one language on that language's
    name of the place; one formed on a stem of three letters (``rusa`` on ``Rusia``) must be
    a word the bilingual lexicon knows (``Luca`` is no demonym of Santa Lucía)."""
    w = fold(word)
    if len(w) < 4:
        return frozenset()
    by_name, _, _ = _cldr()
    keys = {k for k in by_name.get(w, ()) if k.startswith("L:")}
    if w in _territory_stems():
        return frozenset(keys)  # a word of a territory's own name (Pedro of San Pedro y Miquelón)
    every = _territory_words_by_prefix()
    for language in lang.compared():
        stems, suffix = every[language].get(w[:3], ()), _SUFFIXES[language]
        for cut in range(len(w) - 1, 2, -1):
            head, tail = w[:cut], w[cut:]
            if not suffix.fullmatch(tail):
                continue
            for name, ks in stems:
                if not name.startswith(head[:3]):
                    continue
                # the adjective keeps the territory word but its last vowel (Russia -> Russian,
                # Rusia -> rusa, Australia -> australiano, Corea -> coreano)
                base = name[:-1] if name[-1] in "aeiouy" else name
                short = name[:-2] if name.endswith("ia") else base  # Rusia -> rusa, Macedonia -> Macedonian
                whole = head in (name, base) or (len(base) >= 5 and head.startswith(base))
                if whole or (head == short and (len(short) >= 4 or _lexicon_word(w, language))):
                    keys |= ks
    return frozenset(keys)


def adjective_of(name: str, word: str) -> bool:
    """Whether ``word`` is an adjective or demonym formed on the one-word place name
    ``name`` with a demonym suffix (``Macedonia`` / ``Macedonian``, ``Tracia`` /
    ``tracio``), for names CLDR does not list."""
    n, w = fold(name), fold(word)
    if len(n) < 4 or w == n:
        return False
    bases = {n, n[:-1] if n[-1] in "aeiouy" else n, n[:-2] if n.endswith("ia") else n}
    # (a final consonant may double before the suffix: Scot -> Scottish)
    bases |= {b + b[-1] for b in bases if b[-1] not in "aeiouy"}
    return any(len(b) >= 4 and w.startswith(b) and _DEMONYM_SUFFIX.fullmatch(w[len(b):]) for b in bases)


def is_nationality(surface: str) -> bool:
    """A nationality, demonym or language (``Latin Americans``, ``South Korean``,
    ``Finnish``, ``rusa``): the last word is one and the phrase is not itself a territory."""
    words = re.findall(r"\w+", surface)
    if not words or any(k.startswith("T:") for k in keys_of(surface)):
        return False
    return bool(demonym_of(words[-1])) and not any(k.startswith("T:") for k in keys_of(words[-1]))


def known_in(surface: str, *texts: str) -> bool:
    """Whether a name CLDR knows (a territory, language or currency) is stated in any of
    ``texts`` under one of its names in either language, a code or alias in capitals, a
    doubled-initial abbreviation, or an adjective of it (``Russia`` / ``la economía rusa``)."""
    keys = keys_of(surface)
    if not keys:
        return False
    keys = with_language_keys(keys)
    _, by_key, codes = _cldr()
    names = set().union(*(by_key.get(k, set()) for k in keys))
    for t in texts:
        if not t:
            continue
        nt = _norm_text(t)
        if any(" " + n + " " in nt for n in names):
            return True
        caps = _text_caps(t)
        if any(codes.get(c.replace(".", "").strip(), set()) & keys or _plural_abbreviation(c) & keys
               for c in caps):
            return True
        if any(demonym_of(w) & keys for w in _text_words(t) if len(w) >= 4):
            return True
    return False


# --- acronyms defined in the document ------------------------------------------------

_PAREN_ACRONYM = re.compile(rf"\(\s*([{_UPPER}][{_UPPER}a-z&.]{{1,9}})\s*\)")


def _initials_fit(acronym: str, words: list[str]) -> bool:
    """The acronym's letters are the initials of ``words`` in order (particles may be
    skipped, every content word counts), first letter on the first word."""
    letters = [c for c in fold(acronym) if c.isalpha()]
    content = [fold(w) for w in words]
    if not content or not letters or content[0][0] != letters[0]:
        return False
    i = 0
    for w in content:
        if i < len(letters) and w[0] == letters[i]:
            i += 1
        elif w not in _PARTICLES:
            return False
    return i == len(letters)


def defined_acronyms(text: str) -> dict[str, str]:
    """``Expansion (ACR)`` in ``text`` -> {``ACR``: ``Expansion``}, when the acronym's
    letters are the initials of the words before the parenthesis."""
    out = {}
    for m in _PAREN_ACRONYM.finditer(text):
        acr = m.group(1)
        if sum(c.isupper() for c in acr) < 2:
            continue
        before = re.findall(r"[\w'’-]+", text[max(0, m.start() - 200):m.start()])
        for n in range(1, min(len(before), 12) + 1):
            if _initials_fit(acr, before[-n:]):
                out[acr] = " ".join(before[-n:])
                break
    return out


# --- word frequencies ---------------------------------------------------------------

@lru_cache(maxsize=8192)
def zipf(word: str, language: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in ``language`` (0 when unknown)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return 0.0
    try:
        return zipf_frequency(word, language)
    except (LookupError, ValueError):
        return 0.0


def attested(word: str) -> bool:
    """Whether the form is in use in Spanish or English text at all."""
    return max(zipf(word, code) for code in lang.compared()) >= 1.0


def language_specific(surface: str, language: str | None, other: str | None) -> bool:
    """Whether a name's form belongs to ``language`` and not ``other`` (``Tracia``,
    ``Enrique`` in Spanish; ``Thrace`` in English): its main word is clearly more frequent
    in its own language. Such a form is usually translated, so its absence from the other
    version is weak evidence. Forms used alike in both (``Crimea``, ``Zuckerberg``) are
    kept verbatim by translators."""
    if not language or not other or language == other:
        return False
    words = [w for w in re.findall(r"\w+", surface) if fold(w) not in _PARTICLES]
    if not words:
        return False
    head = max(words, key=len)
    # (the other language may write it without accents: Hamás / Hamas)
    return zipf(head, language) - max(zipf(head, other), zipf(fold(head), other)) >= 1.0


def _content_words(surface: str) -> list[str]:
    return [w for w in re.findall(r"\w+", surface) if fold(w) not in _PARTICLES and not w.isdigit()]


def exonym_form(surface: str, language: str | None, other: str | None) -> bool:
    """Whether a name's form is one the other language does not use at all (``Pekín``,
    ``Ródano``, ``Lacio`` are Spanish only): its rarest word is in common use in
    ``language`` (wordfreq Zipf >= 2.5) and unknown in ``other`` (< 1). A translation must
    render such a form otherwise, so a different name in its place is no evidence of a
    change. A rare name of one language only (``Hopley``) is not such a form."""
    if not language or not other or language == other:
        return False
    words = _content_words(surface)
    if not words:
        return False
    head = min(words, key=lambda w: zipf(w, language))
    # (the other language writing it without accents in common use: Hamás / Hamas)
    return zipf(head, language) >= 2.5 and zipf(head, other) < 1.0 and zipf(fold(head), other) < 2.5


def common_phrase(surface: str, language: str | None, other: str | None = None, single: bool = False) -> bool:
    """A name made of ordinary words of its language, which translators translate.

    With ``single``: any number of words, each in common use (wordfreq Zipf >= 4:
    ``Distrito``, ``Edad Media``). Otherwise two or more words, each in use (Zipf >= 3.5)
    and clearly more so in ``language`` than in ``other`` (``Walls of the Ruler``; not
    ``Puerto Rico`` on the English side, whose words are Spanish)."""
    words = _content_words(surface)
    if not language or not words:
        return False
    if single:
        return all(zipf(w.lower(), language) >= 4.0 for w in words)
    if len(words) < 2 or not other or other == language:
        return False
    return all(zipf(w.lower(), language) >= 3.5 and zipf(w.lower(), language) - zipf(w.lower(), other) >= 1.0
               for w in words)


# --- spelling -----------------------------------------------------------------------

def osa_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Levenshtein plus adjacent transpositions)."""
    if a == b:
        return 0
    la, lb = len(a), len(b)
    prev2: list[int] = []
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        for j in range(1, lb + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[lb]


# Spelling correspondences between the Latin transcriptions of Spanish and English (and of
# the Greek, Slavic and Asian names both transcribe): ph/f, th/t, kh/j, q/k/c, y/i, ae/ai/e,
# silent h; a Spanish e- before s + consonant (Esparta/Sparta); British -our (Labour/Labor).
_TRANSLIT = [(r"our$", "or"), (r"ph", "f"), (r"th", "t"), (r"kh", "j"), (r"ch", "k"), (r"qu", "k"), (r"q", "k"),
             (r"c(?=[aou]|$)", "k"), (r"ck", "k"), (r"y", "i"), (r"ae|ai|oe", "e"), (r"h", ""),
             (r"w", "v"), (r"z", "s"), (r"^es(?=[^aeiou])", "s"), (r"x", "ks")]


@lru_cache(maxsize=65536)
def translit_key(word: str) -> str:
    w = fold(word)
    for pat, rep in _TRANSLIT:
        w = re.sub(pat, rep, w)
    return w


def _lcs(a: str, b: str) -> int:
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def _tokens(surface: str) -> list[str]:
    """The words of a name in lower case, accents kept (wordfreq knows ``bálticos``)."""
    return [w for w in re.findall(r"\w+", surface.lower()) if fold(w) not in _PARTICLES and len(w) >= 2]


def _variant_key(word: str) -> str:
    """The transcription key without any h and without a final vowel or Latin ending
    (``Sukhothai``/``Sukothai``, ``Flensburg``/``Flensburgo``, ``Samnium``/``Samnio``)."""
    return re.sub(r"(?:um|us|[aeiou])$", "", translit_key(word).replace("j", "k"))


def _typo_words(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if fa == fb or len(fa) < 4 or len(fb) < 4:
        return False
    d = osa_distance(fa, fb)
    if d > (1 if min(len(fa), len(fb)) <= 5 else 2):
        return False
    if translit_key(a) == translit_key(b) or _variant_key(a) == _variant_key(b):
        return False  # a transcription variant (Qadesh/Kadesh), not a slip
    swapped = d == 1 and len(fa) == len(fb) and sorted(fa) == sorted(fb)
    # a slip leaves a form nobody writes; two attested forms are two names (Nilo/Nile)
    return swapped or attested(a) != attested(b)


def typo(x: str, y: str) -> bool:
    """Whether two names differ by a slip of the keyboard in one word (``Clinton`` /
    ``Clitnon``, ``Garrard`` / ``Garrand``): a near miss, not a transcription variant,
    where the two forms are not both attested words (two swapped letters always count)."""
    return any(_typo_words(a, b) for a in _tokens(x) for b in _tokens(y))


# Consonants that differ only in voicing, which transcriptions of one name swap at its start
# (Goryeo/Koryo, Peking/Beijing, Tbilisi/Dbilisi): general phonetics of both languages.
_VOICING = str.maketrans("bdg", "ptk")


_DERIVATION: lang.Scoped[re.Pattern] = lang.Scoped(lambda codes: re.compile(
    "(?:" + "|".join(x for p in _PROFILES for x in p.DERIVATION_SUFFIXES) + ")$"))


def derived(a: str, b: str) -> bool:
    """Whether one word is the other with an adherent's or a doctrine's suffix, in their
    transcriptions (``Labour`` / ``laborista``, ``Peron`` / ``peronismo``): a party and its
    adjective in another language share its noun. Four letters of stem at least."""
    ka, kb = translit_key(a), translit_key(b)
    if len(ka) > len(kb):
        ka, kb = kb, ka
    for base in {ka, ka[:-1] if ka[-1:] in "aeiou" else ka}:
        if len(base) >= 4 and kb.startswith(base) and _DERIVATION.fullmatch(kb[len(base):]):
            return True
    return False


def _cognate_words(a: str, b: str) -> bool:
    if fold(a) == fold(b):
        return True
    if derived(a, b):
        return True
    if min(len(a), len(b)) < 3:
        return False
    ka, kb = translit_key(a), translit_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    # names of one origin start alike and keep most letters: Enrique/Henry, Pedro/Peter,
    # Colonia/Cologne, Tracia/Thrace, Goryeo/Koryo
    if ka[0].translate(_VOICING) != kb[0].translate(_VOICING) and not (ka[0] in "ei" and kb[0] in "ei"):
        return False
    ka, kb = ka[0].translate(_VOICING) + ka[1:], kb[0].translate(_VOICING) + kb[1:]
    common = _lcs(ka, kb)
    # or the shorter is the longer with letters left out (Franz/Francisco)
    return common >= 0.6 * max(len(ka), len(kb)) or common == min(len(ka), len(kb)) >= 5


def _ordinary_word(word: str) -> bool:
    """A word in common use in Spanish or English (wordfreq Zipf >= 4): ``Sea``, ``mar``,
    ``Great``; such words of a name are translated, its rare words carry it."""
    return max(zipf(word, code) for code in lang.compared()) >= 4.0


def cognate(x: str, y: str) -> bool:
    """Whether two names are plausibly one name in two languages' spellings: the rare words
    of one of them (the ones that are not ordinary words of either language) all have a
    transcription variant, or a word sharing most letters in order from the same first
    letter, in the other (``Nilo``/``Nile``, ``Sajalín``/``Sakhalin``, ``Juana``/``Joan``,
    ``mar del Norte``/``North Sea``); a shared given name or a shared ordinary word is not
    enough (``Christian Wolmar`` is not ``Christian Smith``, ``Gran Moravia`` is not
    ``Great Britain``)."""
    if re.sub(r"[\W_]", "", fold(x)) == re.sub(r"[\W_]", "", fold(y)):
        return True  # Montecarlo / Monte Carlo
    tx, ty = _tokens(x), _tokens(y)
    pairs = [(a, b) for a in tx for b in ty if _cognate_words(a, b)]
    if not pairs:
        return False
    hit_x = {a for a, _ in pairs}
    hit_y = {b for _, b in pairs}
    left_x = [a for a in tx if a not in hit_x and not _ordinary_word(a)]
    left_y = [b for b in ty if b not in hit_y and not _ordinary_word(b)]
    # rare words left on one side only are a title or a given name the other omits (Tsar
    # Alexander / Alejandro); rare words left on both are two different names
    return not (left_x and left_y)


def acronym_of(acronym: str, name: str) -> bool:
    """Whether ``acronym`` (all capitals) is formed from the initials of ``name``."""
    bare = acronym.replace(".", "")
    # a digit after a letter repeats it: W3C = WWWC (World Wide Web Consortium)
    bare = re.sub(r"([A-Z])([2-9])", lambda m: m.group(1) * int(m.group(2)), bare)
    return bare.isalpha() and bare.isupper() and len(bare) >= 2 and _initials_fit(bare, re.findall(r"[\w'’-]+", name))


def same_letters(x: str, y: str) -> bool:
    """Two acronyms made of the same letters in another order (``LGBT`` / ``LGTB``, ``OTAN``
    / ``NATO``): one acronym, its initials ordered by each language's word order."""
    return is_acronym(x) and is_acronym(y) and sorted(re.sub(r"[.\s]", "", x)) == sorted(re.sub(r"[.\s]", "", y))


def is_acronym(surface: str) -> bool:
    bare = re.sub(r"(?<=[A-Z])[2-9]", "", re.sub(r"[.\s]", "", surface))
    return len(bare) >= 2 and bare.isalpha() and sum(c.isupper() for c in bare) >= max(2, len(bare) - 1)


# --- other forms of a name: translation, derivation, spelling ------------------------

@lang.scoped_cache(maxsize=8)
def _language_territories() -> dict[str, str]:
    """Territory key -> the key of the language named after it (``T:DE`` -> ``L:de``): the
    language whose code is the territory's code and whose likely territory (CLDR likely
    subtags) is that territory. Its name is also the territory's adjective (*German*,
    *alemán*, *Thai*, *tailandés*)."""
    from babel.core import get_global

    likely = get_global("likely_subtags")
    out = {}
    for code in _cldr()[1]:
        if not code.startswith("T:") or not code[2:].isalpha():
            continue
        language = code[2:].lower()
        subtags = str(likely.get(language, "")).split("_")
        if subtags and subtags[0] == language and subtags[-1] == code[2:]:
            out[code] = "L:" + language
    return out


def with_language_keys(keys: frozenset) -> frozenset:
    """``keys`` plus the language named after each territory among them (see
    :func:`_language_territories`)."""
    extra = {_language_territories().get(k) for k in keys}
    extra.discard(None)
    return keys | frozenset(k for k in extra if k)


def lexicon_keys(word: str, language: str | None) -> frozenset:
    """The translation keys of ``word`` (:mod:`concord.lexicon`: the five-letter stems of its
    English translations, and its own stem); its own stem alone for a form the lexicon does
    not know, or when Apertium is not installed."""
    return _lexicon_keys(word.lower(), language or "")


@lru_cache(maxsize=16384)
def _lexicon_keys(word: str, language: str) -> frozenset:
    from ..lexicon import get_lexicon
    from .base import stem

    own = frozenset({stem(fold(word))})
    lex = get_lexicon()
    keys = lex.keys(word, language) if lex is not None and language else None
    return (keys | own) if keys else own


def known_word(word: str, language: str | None) -> bool:
    """Whether the bilingual lexicon knows ``word`` as a word of ``language`` (Apertium
    analyses it); False without Apertium."""
    from ..lexicon import get_lexicon

    lex = get_lexicon()
    return bool(lex is not None and language and lex.keys(word.lower(), language) is not None)


def unknown_word(word: str, language: str | None) -> bool:
    """Whether the bilingual lexicon covers ``language`` (it knows the language's articles)
    and does not know ``word``; False without Apertium or for another language (no
    evidence either way)."""
    return bool(language) and _lexicon_covers(language or "") and not known_word(word, language)


@lru_cache(maxsize=8)
def _lexicon_covers(language: str) -> bool:
    from ..lexicon import get_lexicon

    lex = get_lexicon()
    return lex is not None and language in lang.LANGUAGES \
        and any(lex.keys(a, language) is not None for a in lang.get(language).names.ARTICLES)


def lexicon_keys_closed(word: str, language: str | None) -> bool:
    """Whether the bilingual lexicon knows ``word`` only as a function word of ``language``
    (every analysis closed-class: ``of``, ``de``); False without Apertium."""
    from ..lexicon import get_lexicon

    lex = get_lexicon()
    return bool(lex is not None and language and lex.keys(word.lower(), language) == frozenset())


def _keys_meet(a: frozenset, b: frozenset) -> bool:
    """Two key sets share a key, or a key of four letters or more that begins the other
    (``east`` / ``easte[rn]``)."""
    if a & b:
        return True
    return any(len(x) >= 4 and len(y) >= 4 and (x.startswith(y) or y.startswith(x)) for x in a for y in b)


def _plain(word: str) -> str:
    """The transcription key of a word without a plural ``s`` and a final vowel (``Maya`` /
    ``mayas``, ``Slavs`` / ``eslavos``, ``Achaemenid`` / ``aqueménida``), a hard ``c`` as ``k``."""
    # (and a hard c before a consonant: clicktivism / clictivismo)
    k = re.sub(r"c(?=[^aeiouy]|$)", "k", translit_key(word))
    if len(k) > 4 and k.endswith("s"):
        k = k[:-1]
    return re.sub(r"(?:um|us|[aeiou])$", "", k) if len(k) > 4 else k


def word_rendered(word: str, language: str | None, other: str, other_language: str | None) -> bool:
    """Whether ``other`` (a word of the other version, in ``other_language``) renders the word
    ``word`` of a name: the same word in another spelling or transcription (``Pacífico`` /
    ``Pacific``, ``Slavs`` / ``eslavos``, ``clictivismo`` / ``clicktivism``), an adjective or
    demonym formed on it (``Canaán`` / ``cananeo``), or its translation in the bilingual
    lexicon (``partido`` / ``Party``, ``indígenas`` / ``Indigenous``). A capitalised
    ``other`` may be a transcription sharing most letters (``Herodes`` / ``Herod``); a
    lower-case one must share three quarters of them and not be a common word."""
    fw, fo = fold(word), fold(other)
    if fw == fo:
        return True
    if len(fw) >= 4 and fw[1:] == fo[1:] and {word[0], other[0]} == {"I", "l"}:
        return True  # capital I and small l look alike (Ieyasu / leyasu)
    if other[:1].isupper() and _typo_words(word, other):
        return False  # a slip of the keyboard (Morgan / Moragn) is a misspelling, not a form
    if len(fw) >= 4 and len(fo) >= 4 and _plain(word) == _plain(other):
        return True
    if adjective_of(word, other) or derived(word, other):
        return True
    if min(len(fw), len(fo)) >= 4:
        if other[:1].isupper() and _cognate_words(word, other):
            return True
        if _strict_cognate(word, other) and zipf(other.lower(), other_language or lang.PIVOT) < 4.0:
            return True
    if other[:1].isupper() and word[:1].isupper() and len(fw) >= 5 and len(fo) >= 5 and fw[:4] == fo[:4] \
            and (adjective_of(fw[:4], fo) or adjective_of(fo[:4], fw)):
        return True  # Scotland / Scottish, England / English: one root, a demonym on it
    ka, kb = lexicon_keys(word, language), lexicon_keys(other, other_language)
    if not (known_word(word, language) and known_word(other, other_language)):
        return bool(ka & kb)  # a name the lexicon does not know: its own stem, not a prefix of it
    return _keys_meet(ka, kb)


_INITIAL_CLASS = str.maketrans("bdgeyj", "ptkiii")


def same_start(a: str, b: str) -> bool:
    """Two words that begin with the same sound in their transcriptions: voicing aside
    (``Goryeo`` / ``Koryo``), ``e``/``i`` (``Inglaterra`` / ``England``) and ``i``/``j``/``y``
    (``Yakarta`` / ``Jakarta``); a Spanish ``es-`` before a consonant (``Escocia`` /
    ``Scotland``)."""
    ka, kb = translit_key(fold(a).replace("y", "j")), translit_key(fold(b).replace("y", "j"))
    return bool(ka and kb) and ka[0].translate(_INITIAL_CLASS) == kb[0].translate(_INITIAL_CLASS)


def _strict_cognate(a: str, b: str) -> bool:
    ka, kb = translit_key(a), translit_key(b)
    if not ka or not kb or ka[0].translate(_VOICING) != kb[0].translate(_VOICING):
        return False
    return _lcs(ka, kb) >= 0.75 * max(len(ka), len(kb))


def clipped(surface: str, other: str, abbreviation: bool = False) -> bool:
    """Whether ``surface`` (a one-word or hyphenated name) is the beginning of the other
    version's word ``other``: a clipping of a longer name (``Insta`` / ``Instagram``), a
    compound's adjective (``Euro-Asia`` / ``euroasiática``), or an abbreviation written with
    its period (``Det.`` / ``detective``, three letters at least)."""
    s = re.sub(r"[\W_]", "", fold(surface))
    o = re.sub(r"[\W_]", "", fold(other))
    if len(s) < (3 if abbreviation else 4) or len(o) <= len(s) or not o.startswith(s):
        return False
    if abbreviation or other[:1].isupper():
        return True
    return bool(_DEMONYM_SUFFIX.fullmatch(o[len(s):])) or adjective_of(s, o)


def common_acronym(surface: str) -> bool:
    """An acronym in common use as a word (``NHS``, ``GOP``, ``PTSD``, ``ATMs``: wordfreq Zipf
    >= 3 in either language, a plural by its singular): translators render it by its
    meaning (``el sistema nacional de salud``, ``los republicanos``), so its absence from
    the other version is no evidence."""
    bare = re.sub(r"[.\s]", "", surface)
    if bare.endswith("s") and bare[:-1].isupper():
        bare = bare[:-1]
    return max(zipf(bare.lower(), code) for code in lang.compared()) >= 3.0


# a Roman numeral (Roma III, Eduardo IV): a number, which the number check compares
_ROMAN = re.compile(r"[IVXLC]+")


def name_rendered(surface: str, language: str | None, words: list[tuple[str, str | None]]) -> bool:
    """Whether the name ``surface`` (in ``language``) is stated in another form by the words
    ``words`` (``(word, language)`` of the other version): every rare word of the name is
    rendered (:func:`word_rendered`), its last word too, and at least half of its ordinary
    words (a name made only of ordinary words: more than half of them). ``Liao Kingdom`` / ``dinastía Liao
    ... reino``; not ``Ricardo Salazar`` / ``salarial``."""
    content = [w for w in re.findall(r"[^\W\d_]+", surface)
               if fold(w) not in _PARTICLES and len(w) >= 2 and not _ROMAN.fullmatch(w)]
    if not content:
        return False
    joined = "".join(content)
    if len(content) > 1 and any(word_rendered(joined, language, o, ol) for o, ol in words if len(o) >= len(joined) - 2):
        return True  # National Socialists / nacionalsocialistas

    def said(w: str) -> bool:
        return any(word_rendered(w, language, o, ol) for o, ol in words)

    rare = [w for w in content if not _ordinary_word(w)]
    common = [w for w in content if _ordinary_word(w)]
    if not all(said(w) for w in rare) or not said(content[-1]):
        return False  # (the last word decides: Pedro Inzunza Coronel is not Pedro Inzunza Noriega)
    if not common:
        return True
    found = 2 * sum(1 for w in common if said(w))
    return found >= len(common) if rare else found > len(common)


def _initials(word: str, language: str | None) -> frozenset:
    """The letters ``word`` can give an acronym: its own initial and, through the bilingual
    lexicon, the initials of its translations (``Tribunal`` -> t, c[ourt])."""
    w = fold(word)
    if not w:
        return frozenset()
    return frozenset({w[0]} | {k[0] for k in lexicon_keys(word, language) if k})


def expansion_in(acronym: str, words: list[tuple[str, str | None]], least: int = 3) -> bool:
    """Whether ``words`` (a text's words in order, each with its language) hold an expansion
    of ``acronym`` in either language: consecutive words (particles skipped) as many as its
    letters, each giving one letter, in any order: the words of a phrase are reordered
    between languages (``ICJ`` / ``Tribunal Internacional de Justicia``, ``OTAN`` / ``North
    Atlantic Treaty Organization``). ``least`` letters at least (fewer match by chance),
    the first word capitalised."""
    letters = sorted(c for c in fold(re.sub(r"s$", "", acronym.replace(".", ""))) if c.isalpha())
    n = len(letters)
    if n < least or n > 8:
        return False
    for i, (first, _) in enumerate(words):
        if not first[:1].isupper() or fold(first) in _PARTICLES:
            continue
        run: list[frozenset] = []
        for w, language in words[i:]:
            if fold(w) in _PARTICLES:
                continue
            run.append(_initials(w, language))
            if len(run) == n:
                break
        if len(run) == n and _assign(letters, run):
            return True
    return False


def _assign(letters: list[str], options: list[frozenset]) -> bool:
    """Whether each letter can be given by a different word (a bipartite matching)."""
    match: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j, opts in enumerate(options):
            if letters[i] in opts and j not in seen:
                seen.add(j)
                if j not in match or place(match[j], seen):
                    match[j] = i
                    return True
        return False

    return all(place(i, set()) for i in range(len(letters)))


def lower_case_form(word: str, language: str | None, words: list[tuple[str, str | None]]) -> bool:
    """Whether ``words`` (of the other version, each with its language) write ``word`` (a
    capitalised word) in lower case, in another form (:func:`word_rendered`, or a word of
    one origin: ``Geophysicists`` / ``geofísicos``): the other translator took it for a
    common noun."""
    for w, other in words:
        if not w[:1].islower() or min(len(w), len(word)) < 5:
            continue
        if word_rendered(word, language, w, other) or _cognate_words(word.lower(), w):
            return True
    return False


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset:
    from babel.core import get_global

    return frozenset(get_global("all_currencies"))


_AMOUNT_BEFORE = re.compile(r"\d[\d.,]*\s*(?:[^\W\d_]+\s+)?(?:de\s+)?$")
_AMOUNT_AFTER = re.compile(r"^\s*[$€£¥]?\d")


def currency_of_amount(surface: str, before: str, after: str) -> bool:
    """Whether ``surface`` is an ISO 4217 currency code (CLDR) written as the unit of an
    amount: a number right before it (``2000 millones de USD``) or after it (``USD 20``).
    It is part of the amount, which the number check compares, not a name."""
    if surface not in _currency_codes():
        return False
    return bool(_AMOUNT_BEFORE.search(before[-40:]) or _AMOUNT_AFTER.match(after[:12]))
