"""Names of people, places and organisations.

The rule-based extractor (the default) takes capitalised sequences joined by the name
particles of every language profile (``de``, ``del``, ``la``, ``y``, ``of``; the profiles'
``names`` topic modules hold every word this module reads), all-caps words (``DEA``,
``SANTIAGO``) and aliases in quotes (``alias "La Tuta"``, ``known as “El Soldado”``).
A capitalised word that the same document also writes in lower case (``Renewed`` in a
heading, ``renewed`` in the text) is an ordinary word, not a name, and so is a function
word at the start of a sentence. When a stanza NER model is installed for the language,
:func:`names_from_entities` turns its entities (see :mod:`concord.facts.ner`) into names
instead; aliases in quotes come from the rule either way.

Matching (:func:`name_in`) is accent- and case-insensitive, accepts a surname-only
mention (``Harfuch`` = ``Omar García Harfuch``) and compares against the other version's
original text *and* its translation, since MT may translate a name.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

from .. import lang
from ..lang import LANGUAGES, Scoped
from ..text import folded_words, word_stems
from .base import Fact, fold, stem

# The profiles of the languages compared (lang.compared()); each value built from them
# is Scoped: built once for each pair's languages.
_PROFILES: Scoped[list] = Scoped(lambda codes: [lang.get(code).names for code in codes])
_ARTICLE_WORDS: Scoped[tuple] = Scoped(lambda codes: tuple(w for p in _PROFILES for w in p.ARTICLES))
_ARTICLES: Scoped[set] = Scoped(
    lambda codes: set(_ARTICLE_WORDS) | {w for p in _PROFILES for w in p.CONTRACTED_ARTICLES})
_PARTICLES: Scoped[set] = Scoped(lambda codes: set().union(*(p.PARTICLES for p in _PROFILES)))
_GENITIVE: Scoped[set] = Scoped(lambda codes: set().union(*(p.GENITIVE for p in _PROFILES)))
_UPPER = lang.UPPER
_CAPWORD = rf"[{_UPPER}][\w'’.-]*\w|[{_UPPER}]"
_SEQ: Scoped[re.Pattern] = Scoped(lambda codes: re.compile(
    rf"(?:{_CAPWORD})(?:(?:\s+(?:{'|'.join(sorted(_PARTICLES))}))*\s+(?:{_CAPWORD}))*",
    re.U))
# articles opening an entity's span ("the Sinaloa cartel", "la Fiscalía")
_LEADING_ARTICLES: Scoped[re.Pattern] = Scoped(
    lambda codes: re.compile(rf"(?:(?:{'|'.join(_ARTICLE_WORDS)})\s+)+", re.I))
# a possessive clitic ("Mexico's"), written with either apostrophe, at a name's end
_POSSESSIVE: Scoped[str] = Scoped(lambda codes: "|".join(
    re.escape(c).replace("'", "['’]") for p in _PROFILES for c in p.POSSESSIVE_CLITICS))
_TRAILING: Scoped[re.Pattern] = Scoped(lambda codes: re.compile(rf"(?:{_POSSESSIVE.current()}|[,;:])+$"))
_TRAILING_DOT: Scoped[re.Pattern] = Scoped(lambda codes: re.compile(rf"(?:{_POSSESSIVE.current()}|[.,;:])+$"))
_LOWER_WORD = re.compile(rf"\b[{lang.UPPER.lower()}][\w'’-]*")
_ALIAS: Scoped[re.Pattern] = Scoped(lambda codes: re.compile(
    r"(?:" + "|".join(r"\b" + re.escape(m) for code in codes for m in lang.get(code).ALIAS_MARKERS)
    + r")\s*,?\s*[\"“«‘]"
    r"(?P<alias>[^\"”»’]{2,40})[\"”»’]", re.I))

# Capitalised words that are never names on their own: closed-class words of Spanish and
# English grammar (articles, prepositions, conjunctions, pronouns, determiners, quantifiers,
# common adverbs), courtesy and office titles, and the calendar (weekday and month names,
# which Concord reads as dates). Whether any other capitalised word is an ordinary word is
# decided from the document (it also writes it in lower case) and from word frequencies
# (:func:`_ordinary`); nationalities and country names come from CLDR
# (:mod:`concord.facts.name_knowledge`).
_COMMON: Scoped[set] = Scoped(lambda codes: {fold(w) for code in codes for w in (
    *lang.get(code).NOT_NAMES, *lang.get(code).WEEKDAYS, *lang.get(code).MONTHS)})
# A word elided onto an ordinary word ("L’intervention" opening a sentence): the capital is
# the elided article's or preposition's (each profile's detect.ELISIONS), not a name's.
_ELIDED_COMMON: Scoped[re.Pattern] = Scoped(lambda codes: re.compile(
    rf"(?i:{'|'.join(e for code in codes for e in lang.get(code).detect.ELISIONS) or '(?!)'})['’]"
    rf"[{lang.UPPER.lower()}]"))
# Common nouns and adjectives of organisation names, which do not tell two names apart.
_GENERIC: Scoped[set] = Scoped(lambda codes: {fold(w) for p in _PROFILES for w in p.GENERIC})


def _is_heading(text: str) -> bool:
    """A title-case line (``Frequently Asked Questions``, ``Increased Cooperation``, ``Has
    the Festival Done Anything?``): no closing full stop, and most of its longer words
    capitalised."""
    t = text.strip()
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", t) if len(w) >= 4]
    if not words or (t.endswith((".", ":", ";", ",")) and len(words) > 3):
        return False
    return sum(w[0].isupper() for w in words) >= max(2, 0.75 * len(words))


def _ordinary(surface: str, language: str | None) -> bool:
    """Every word of ``surface`` is a common word of the language in lower case (wordfreq
    Zipf frequency of at least 3.5): in a title-case heading such a phrase is not a name."""
    from .name_knowledge import zipf

    langs = [language] if language in LANGUAGES else list(lang.compared())
    words = [w for w in re.findall(r"\w+", surface) if fold(w) not in _PARTICLES]
    return bool(words) and all(max(zipf(w.lower(), code) for code in langs) >= 3.5 for w in words)


def _opening_common_word(text: str, start: int, surface: str, language: str | None,
                         context: str | None) -> bool:
    """A lone capitalised word that opens its sentence (or a quotation opening it, ``“More
    people ...``), is one of the language's commonest words in lower case (wordfreq Zipf
    >= 5.5: *More*, *People*) and is capitalised nowhere in mid-sentence in the document:
    its capital is the position's. (A statistical NER model still tags a person so named.)"""
    from .name_knowledge import zipf

    if surface.isupper() or text[:start].strip(" \t\"'“‘«¿¡(-—"):
        return False
    langs = [language] if language in LANGUAGES else list(lang.compared())
    if max(zipf(surface.lower(), code) for code in langs) < 5.5:
        return False
    return re.search(r"(?<=[\w,;] )" + re.escape(surface) + r"\b", context or text) is None


def _lower_forms(text: str) -> set[str]:
    return {m.group(0) for m in _LOWER_WORD.finditer(text)}


@lru_cache(maxsize=4)
def _lower_words(context: str) -> frozenset[str]:
    """The folded words ``context`` writes in lower case. Built once per document: every
    sentence of a document passes the same ``context`` string (its hash is kept by the
    string, so the lookup costs nothing after the first sentence)."""
    return frozenset(fold(w) for w in _lower_forms(context))


def _aliases(text: str) -> list[Fact]:
    facts = []
    for m in _ALIAS.finditer(text):
        a = m.start("alias")
        inner = m.group("alias").rstrip(" ,.;")
        if not inner.strip():
            continue
        b = a + len(inner)
        facts.append(Fact("name", fold(inner), a, b, text[a:b], None, alias=True))
    return facts


def names_from_entities(text: str, entities: list[tuple[int, int, str]], language: str | None = None,
                        context: str | None = None) -> list[Fact]:
    """Name facts from NER entities ``(start, end, type)`` of ``text``: entities of a name
    type (:data:`concord.facts.ner.NAME_TYPES`), without a leading article or a trailing
    possessive, plus aliases in quotes. With ``language``, the rule-based names that no
    entity covers are added."""
    from .ner import MISC, NAME_TYPES, NATIONALITY

    facts = _aliases(text)
    heading = _is_heading(text)
    for start, end, label in _joined_people(text, entities):
        if label not in NAME_TYPES:
            continue
        if heading and _ordinary(text[start:end], language):
            continue
        start, end = _trim_entity(text, start, end, label)
        if heading and end > start:
            start, words = _trim_heading(text, start, end, text[start:end].split(), language)
            end = start + len(" ".join(words)) if words else start
        surface = text[start:end]
        m = _LEADING_ARTICLES.match(surface)
        if m and m.end() < len(surface):
            start += m.end()
            surface = surface[m.end():]
        trimmed = _TRAILING.sub("", surface)
        end = start + len(trimmed)
        if not trimmed or (not trimmed[0].isupper() and not trimmed[0].isdigit()):
            continue
        if not any(ch.isalpha() for ch in trimmed) or any(f.start < end and start < f.end for f in facts):
            continue
        if _ENTITY_LISTS.get(label):
            # "San Pedro y San Pablo", "Castilla y León": two people or places joined
            for part_start, part in _split_list(trimmed, start):
                facts.append(Fact("name", fold(part), part_start, part_start + len(part), part, None, entity=label))
            continue
        facts.append(Fact("name", fold(trimmed), start, end, trimmed, None, entity=label))
    # A small statistical model misses rare names ("the Mayos faction"); the rules add the
    # capitalised names that no entity of another type (a nationality, a date) covers. The
    # Spanish model's miscellaneous entities (MISC) hold people and companies it could not
    # type ("Walmart", "Lim Yew Soon") as well as events and works: the rules' names inside
    # one keep its label.
    # A nationality or group the model sees in a name's first words, which neither CLDR nor
    # the bilingual lexicon knows (``Miralem`` of ``Miralem Pjanic``; not ``Republicans``,
    # not a people's name on its own, ``Achaeans``), is a misreading: it does not keep the
    # rules' longer name out.
    if language is not None:
        from .name_knowledge import is_nationality, known_word

        def misread(a: int, b: int, label: str, f: Fact) -> bool:
            return label == NATIONALITY and f.start <= a and b < f.end and not is_nationality(text[a:b]) \
                and not any(known_word(w, language) for w in text[a:b].split())

        for f in extract_names(text, language, context):
            if any(g.start < f.end and f.start < g.end for g in facts):
                continue
            over = [label for a, b, label in entities if a < f.end and f.start < b and not misread(a, b, label, f)]
            if over and set(over) == {MISC}:
                f.entity = MISC
            elif over:
                continue
            facts.append(f)
    facts.sort(key=lambda f: f.start)
    return facts


def _joined_people(text: str, entities: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The entities with two people's names that only a space parts joined into one
    (``Eduardo Rodríguez`` + ``Veltzé``): a statistical model cuts a long foreign name, but
    two people are never written side by side without a conjunction or a comma."""
    out: list[tuple[int, int, str]] = []
    for start, end, label in sorted(entities):
        if out and _ENTITY_LISTS.get(label) and out[-1][2] == label and _PERSON_LABELS.get(label) \
                and text[out[-1][1]:start] == " ":
            out[-1] = (out[-1][0], end, label)
        else:
            out.append((start, end, label))
    return out


_PERSON_LABELS = {"PER": True, "PERSON": True}
_EDGE_WORD = re.compile(r"[\w'’.-]+")


def _trim_entity(text: str, start: int, end: int, label: str = "") -> tuple[int, int]:
    """An entity span without what a name does not begin or end with: punctuation (``¿Qué``,
    ``“Voy``), a lower-case word at its start (``another Honorary Academy Award``,
    ``ministro de Asuntos Exteriores``) and a closed-class word at either end (``Según``);
    for a person or a place, a lower-case word at its end too (``CTMO registró``: only an
    organisation's name ends on a common noun, ``the Sinaloa cartel``). What is left may be
    empty."""
    while start < end and not text[start].isalnum():
        start += 1
    words = [(m.start() + start, m.end() + start) for m in _EDGE_WORD.finditer(text[start:end])]

    def closed(w: str) -> bool:
        f = fold(w.strip("."))
        return f in _COMMON or f in _PARTICLES or bool(_ELIDED_COMMON.match(w))

    # (a lower-case word may end an organisation's span: "the Sinaloa cartel")
    while words and (closed(w := text[words[0][0]:words[0][1]]) or (w[:1].islower() and not w[:1].isdigit())):
        words.pop(0)
    while words and (closed(w := text[words[-1][0]:words[-1][1]])
                     or (_ENTITY_LISTS.get(label) and w[:1].islower() and len(words) > 1)):
        words.pop()
    # the first piece of a plural abbreviation written with a space (``Estado de EE`` of
    # ``Estado de EE. UU.``): the abbreviation is a name of its own
    if words and _DOUBLED_PIECE.fullmatch(text[words[-1][0]:words[-1][1]]) \
            and _DOUBLED_REST.match(text, words[-1][1]):
        words.pop()
        while words and closed(text[words[-1][0]:words[-1][1]]):
            words.pop()
    if not words:
        return start, start
    return words[0][0], max(words[-1][1], min(end, words[-1][1]))


# One doubled initial, and the rest of a plural abbreviation after it, in a language whose
# orthography doubles plural initials (``EE. UU.``)
_DOUBLED_PIECE = re.compile(r"([^\W\d_])\1\.?" if any(p.DOUBLED_INITIAL_PLURALS for p in _PROFILES) else r"(?!)")
_DOUBLED_REST = re.compile(r"\.?\s+([^\W\d_])\1\.")


# Entity labels (spaCy/stanza: OntoNotes, AnCora, WikiNER) whose spans may be a list of
# names joined by a conjunction; an organisation's name keeps its "and" (Marks and Spencer).
_ENTITY_LISTS = {"PER": True, "PERSON": True, "LOC": True, "GPE": True}


def _drop_first(text: str, start: int, end: int, words: list[str]) -> tuple[int, list[str]]:
    """Drop the first of ``words`` (which begin at ``start``) and the space after it."""
    start += len(words[0])
    rest = text[start:end]
    return start + len(rest) - len(rest.lstrip()), words[1:]


def extract_names(text: str, language: str | None = None, context: str | None = None) -> list[Fact]:
    """Names in ``text``. ``context`` (the whole document) tells ordinary words apart."""
    lower_words = _lower_words(context) if context is not None else {fold(w) for w in _lower_forms(text)}
    facts: list[Fact] = _aliases(text)
    heading = _is_heading(text)
    for m in _SEQ.finditer(text):
        words = m.group(0).split()
        start = m.start()
        # trim leading/trailing particles and common words
        while words and (fold(words[0].strip(".")) in _COMMON or fold(words[0]) in _PARTICLES
                         or (fold(words[0]) in lower_words and not words[0].isupper())
                         or _ELIDED_COMMON.match(words[0])):
            start, words = _drop_first(text, start, m.end(), words)
        # "Leaders of the Sinaloa cartel", "Residents of Valencia", "Vecinos de la Ribera": a
        # capitalised word that only opens the sentence, bound by "of" or a particle with an
        # article, is not part of the name (unless it is an institution's head noun: "Bank
        # of Spain", "Ministerio de la Presidencia"). "Luis de Guindos" keeps its "Luis".
        if (len(words) > 2 and not text[:start].strip(" \t\"'“‘«¿¡(")
                and (fold(words[1]) in _GENITIVE or (fold(words[1]) in _PARTICLES and fold(words[2]) in _ARTICLES))
                and fold(words[0]) not in _INSTITUTION and not words[0].isupper()):
            start, words = _drop_first(text, start, m.end(), words)
            while words and fold(words[0]) in _PARTICLES:
                start, words = _drop_first(text, start, m.end(), words)
        while words and (fold(words[-1].strip(".")) in _COMMON or fold(words[-1]) in _PARTICLES
                         or (fold(words[-1]) in lower_words and not words[-1].isupper())):
            words = words[:-1]
        if len(words) > 1 and _DOUBLED_PIECE.fullmatch(words[-1]) \
                and _DOUBLED_REST.match(text, start + len(" ".join(words))):
            words = words[:-1]  # "Estado de EE" of "Estado de EE. UU.": the abbreviation is a name of its own
            while words and fold(words[-1]) in _PARTICLES:
                words = words[:-1]
        if heading:
            start, words = _trim_heading(text, start, m.end(), words, language)
        if not words:
            continue
        surface_end = start + len(" ".join(words))
        surface = text[start:surface_end]
        if surface != " ".join(words):
            # spacing differs (several spaces/newline): recompute the end from the last word
            last = words[-1]
            surface_end = text.index(last, start) + len(last)
            surface = text[start:surface_end]
        surface = _TRAILING_DOT.sub("", surface) if not re.fullmatch(r"(?:[A-Z]{1,2}\.)+", surface) else surface
        surface_end = start + len(surface)
        if len(surface) < 2 or not any(ch.isalpha() for ch in surface):
            continue
        if len(words) == 1 and len(surface) < 3:
            continue
        if any(f.start <= start < f.end for f in facts):
            continue
        if heading and _ordinary(surface, language):
            continue
        if len(words) == 1 and _opening_common_word(text, start, surface, language, context):
            continue
        for part_start, part in _split_list(surface, start):
            facts.append(Fact("name", fold(part), part_start, part_start + len(part), part))
    facts.sort(key=lambda f: f.start)
    return facts


def _trim_heading(text: str, start: int, end: int, words: list[str], language: str | None) -> tuple[int, list[str]]:
    """In a title-case heading every word is capitalised, so a name's span runs on into
    the heading's ordinary words (``Christion Abercrombie Undergoes Emergency Surgery``):
    the words at either end that are common words of the language (wordfreq Zipf >= 3, and
    a word the bilingual lexicon knows: ``Undergoes``, not ``Claudia``) are not part of the
    name, as long as a rarer word is left."""
    from .name_knowledge import known_word, zipf

    langs = [language] if language in LANGUAGES else list(lang.compared())

    def common(w: str) -> bool:
        return not w.isupper() and any(zipf(w.lower(), code) >= 3.0 and known_word(w, code) for code in langs)

    if len(text.split()) < 4:
        return start, words  # a name on its own line ("Claudia Sheinbaum"), not a headline

    if all(common(w) for w in words if fold(w) not in _PARTICLES):
        return start, words  # left to the heading's own test (_ordinary)
    while words and (common(words[-1]) or fold(words[-1]) in _PARTICLES):
        words = words[:-1]
    while words and (common(words[0]) or fold(words[0]) in _PARTICLES):
        start, words = _drop_first(text, start, end, words)
    return start, words


def label_names(text: str, names: list[Fact], language: str | None) -> list[Fact]:
    """The ``names`` of a user-interface string (a unit of a translator file: a menu item,
    a button, a setting) less those its style capitalises: a label is often written in
    title case (*Keyboard Shortcuts*, *New Playlist*), and its first word is capitalised
    as a sentence's is (*Repeats*, *Répétitions*). A name there whose every word is a
    common word of the language is such a word, not a name: the bilingual lexicon knows it
    or, in WordNet's language, one of its base forms (the lexicon lists common words, not
    proper nouns: *Encodings*, *Switcher*, not *Paris*), or, for a language it does not cover, it
    is frequent (wordfreq Zipf >= 3.5, as :func:`_ordinary`). A name that is not at the
    start of a string in sentence case (*Open the Squeezebox settings*) keeps its capitals
    as evidence."""
    from .name_knowledge import known_word, unknown_word, zipf
    from .polarity import base_forms

    if not names:
        return names
    code = language if language in LANGUAGES else None
    langs = [code] if code else list(lang.compared())
    first = len(text) - len(text.lstrip(" \t\"'“‘«¿¡(-–—•*"))
    # title case: every word of four letters or more capitalised (a label; a sentence with
    # a name of common words in it, *Export to the Apple Music library*, is not one)
    longer = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) >= 4]
    title = len(re.findall(r"[^\W\d_]+", text)) == 1 or (bool(longer) and all(w[0].isupper() for w in longer))

    def common(w: str) -> bool:
        if w.isupper() and len(w) > 1:
            return False  # an acronym
        for c in langs:
            # the word, or for WordNet's language its base forms (*Encodings*, *Switcher*)
            forms = base_forms(w.lower()) if lang.get(c).polarity.WORDNET else (w,)
            if any(known_word(x, c) for x in forms):
                return True
            if not unknown_word(w, c) and zipf(w.lower(), c) >= 3.5:
                return True  # a language the lexicon does not cover: its frequency
        return False

    out = []
    for f in names:
        styled = title or f.start == first
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", f.surface) if fold(w) not in _PARTICLES]
        if styled and words and not f.alias and all(common(w) for w in words):
            continue
        out.append(f)
    return out


_CONJ: Scoped[re.Pattern] = Scoped(
    lambda codes: re.compile(rf"\s+(?:{'|'.join(w for p in _PROFILES for w in p.CONJUNCTIONS)})\s+"))
_BINDING: Scoped[re.Pattern] = Scoped(
    lambda codes: re.compile(rf"\b(?:{'|'.join(w for p in _PROFILES for w in p.BINDING_PREPOSITIONS)})\b"))


def _split_list(surface: str, start: int) -> list[tuple[int, str]]:
    """``Cataluña y Aragón`` is two names; ``Ministerio de Ciencia y Tecnología`` (a
    ``de`` before the conjunction) and ``Trinidad and Tobago``-style single units of two
    one-word parts with ``of`` are kept whole only when a particle binds them."""
    m = _CONJ.search(surface)
    if not m or _BINDING.search(surface[:m.start()]):
        return [(start, surface)]
    out = []
    pos = 0
    for piece in _CONJ.split(surface):
        at = surface.index(piece, pos)
        pos = at + len(piece)
        if piece and piece[0].isupper():
            out.append((start + at, piece))
    return out or [(start, surface)]


# Head nouns of descriptive (translatable) organisation names.
_INSTITUTION: Scoped[set] = Scoped(lambda codes: {fold(w) for p in _PROFILES for w in p.INSTITUTIONS})


def is_descriptive(name: str) -> bool:
    """An organisation named by common nouns (``Geological Survey``, ``Armada de Chile``):
    translations change its words, so it is matched by any shared word stem."""
    return any(t in _INSTITUTION for t in re.findall(r"\w+", fold(name)))


def significant_tokens(name: str) -> list[str]:
    return [t for t in re.findall(r"\w+", fold(name)) if t not in _GENERIC and t not in _PARTICLES and len(t) >= 2]


class TextIndex:
    """Lookup indexes of one text (a document, its translation, or an aligned sentence),
    each built on first use and then reused for every name asked about: the folded words
    and word stems, the words that follow each word (surname-only mentions), the CLDR
    names, codes and demonyms the text states, the adjectives of place names, mid-sentence
    words and substrings asked for (acronyms). A lookup costs the size of the name, never
    a scan of the text.

    Matching functions take a text or its index alike (:func:`as_index`); a document's
    fact table (:class:`concord.facts.table.DocumentFacts`) keeps the indexes of its
    original text and of its translation for every pair it is in."""

    __slots__ = ("text", "__dict__")

    def __init__(self, text: str):
        self.text = text

    def __bool__(self) -> bool:
        return bool(self.text)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"TextIndex({self.text[:40]!r}...)"

    @cached_property
    def words(self) -> frozenset:
        return folded_words(self.text)

    @cached_property
    def stems(self) -> frozenset:
        return word_stems(self.text)

    @cached_property
    def _surnames(self) -> tuple[frozenset, dict]:
        """(words mentioned at least once without a capitalised word in front that is not a
        particle or a common word, {word: folded capitalised words in front of it})."""
        free: set[str] = set()
        after: dict[str, set] = {}
        prev = None
        for m in _WORDS.finditer(self.text):
            w = m.group(0)
            fw = fold(w)
            if prev is None or not prev[0].isupper():
                free.add(fw)
            else:
                fp = fold(prev)
                if fp in _COMMON or fp in _PARTICLES:
                    free.add(fw)
                else:
                    after.setdefault(fw, set()).add(fp)
            prev = w
        return frozenset(free), after

    def surname_mention(self, toks: list[str]) -> bool:
        """A mention of the surname ``toks[-1]`` with no other given name in front of it
        (in front: nothing, a lower-case word, a particle, a common word, or a word of the
        name itself)."""
        free, after = self._surnames
        last = toks[-1]
        if last in free:
            return True
        before = after.get(last) or set()
        return any(t in before for t in toks)

    @cached_property
    def _norm_words(self) -> tuple[list, dict]:
        from .name_knowledge import normalised_words

        words = normalised_words(self.text)
        where: dict[str, list[int]] = {}
        for i, w in enumerate(words):
            where.setdefault(w, []).append(i)
        return words, where

    def has_phrase(self, phrase: str) -> bool:
        """Whether the normalised words of ``phrase`` (single-spaced, non-empty) follow one
        another in the normalised text (``" " + phrase + " " in _norm_text(text)``)."""
        words, where = self._norm_words
        parts = phrase.split(" ")
        if not all(parts):
            return (" " + phrase + " ") in (" " + " ".join(words) + " ")
        found = [where.get(p) for p in parts]
        spots = [sp for sp in found if sp]
        if len(spots) < len(found):
            return False
        k = min(range(len(parts)), key=lambda j: len(spots[j]))
        n = len(parts)
        for at in spots[k]:
            start = at - k
            if start >= 0 and words[start:start + n] == parts:
                return True
        return False

    @cached_property
    def caps_keys(self) -> frozenset:
        """The CLDR keys the text's capitalised codes and doubled-initial abbreviations
        stand for."""
        from .name_knowledge import caps_keys

        return caps_keys(self.text)

    @cached_property
    def demonym_keys(self) -> frozenset:
        """The CLDR keys the text's words are demonyms or adjectives of."""
        from .name_knowledge import demonym_of, text_words

        out: set = set()
        for w in text_words(self.text):
            if len(w) >= 4:
                out |= demonym_of(w)
        return frozenset(out)

    def known(self, keys: frozenset, names: set) -> bool:
        """:func:`concord.facts.name_knowledge.known_in` on this text, for a name whose
        CLDR ``keys`` have the normalised ``names``."""
        if not self.text:
            return False
        return (any(self.has_phrase(n) for n in names) or bool(self.caps_keys & keys)
                or bool(self.demonym_keys & keys))

    @cached_property
    def _adjective_bases(self) -> dict[str, list[tuple[str, str]]]:
        """First four letters of each folded word of five letters or more -> (folded word,
        word): an adjective keeps its place name's first four letters at least."""
        from .name_knowledge import text_words

        out: dict[str, list[tuple[str, str]]] = {}
        for w in text_words(self.text):
            fw = fold(w)
            if len(fw) >= 5:
                out.setdefault(fw[:4], []).append((fw, w))
        return out

    def adjective(self, name: str) -> bool:
        """Whether a word of the text longer than ``name`` is an adjective of the one-word
        place name ``name`` (:func:`concord.facts.name_knowledge.adjective_of`)."""
        from .name_knowledge import adjective_of

        if "_adjective_bases" not in self.__dict__:
            from .name_knowledge import text_words

            words = text_words(self.text)
            if len(words) <= _SCAN_WORDS:  # a sentence: a scan costs less than an index
                return any(len(w) > len(name) and adjective_of(name, w) for w in words)
        n = fold(name)
        bases = {n, n[:-1] if n[-1:] in ("a", "e", "i", "o", "u", "y") else n, n[:-2] if n.endswith("ia") else n}
        index = self._adjective_bases
        return any(len(w) > len(name) and len(fw) - len(b) <= _MAX_DEMONYM_SUFFIX and adjective_of(name, w)
                   for b in bases if len(b) >= 4 for fw, w in index.get(b[:4], ()) if fw.startswith(b))

    def contains(self, sub: str) -> bool:
        """``sub in text``, remembered per ``sub`` (the acronyms asked about)."""
        memo = self.__dict__.setdefault("_contains", {})
        if sub not in memo:
            memo[sub] = sub in self.text
        return memo[sub]

    @cached_property
    def _mid_sentence(self) -> dict[str, list[int]]:
        """Word -> the offsets where it follows a word character, comma or semicolon and
        one space."""
        out: dict[str, list[int]] = {}
        for m in _MID_WORD.finditer(self.text):
            out.setdefault(m.group(0), []).append(m.start())
        return out

    def mid_sentence(self, surface: str) -> bool:
        """``re.search(r"(?<=[\\w,;] )" + re.escape(surface) + r"\\b", text)``: ``surface``
        written after a word, comma or semicolon and a space."""
        first = _WORDS.match(surface)
        if first is None:
            return re.search(r"(?<=[\w,;] )" + re.escape(surface) + r"\b", self.text) is not None
        pattern = _surface_pattern(surface)
        return any(pattern.match(self.text, at) for at in self._mid_sentence.get(first.group(0), ()))


_WORDS = re.compile(r"\w+")
_MID_WORD = re.compile(r"(?<=[\w,;] )\w+")
# The longest suffix of name_knowledge._DEMONYM_SUFFIX, of every profile (tests check it).
_MAX_DEMONYM_SUFFIX = max(len(x) for code in LANGUAGES for x in lang.get(code).names.DEMONYM_SUFFIXES)
# Texts of at most this many distinct words are scanned for adjectives, not indexed.
_SCAN_WORDS = 48


@lru_cache(maxsize=1024)
def _surface_pattern(surface: str) -> re.Pattern:
    return re.compile(re.escape(surface) + r"\b")


@lang.scoped_cache(maxsize=512)
def _text_index(text: str) -> TextIndex:
    return TextIndex(text)


def as_index(text) -> TextIndex:
    """The index of ``text`` (a string, indexed once per string while it is in use), or
    ``text`` itself when it is an index already."""
    return text if isinstance(text, TextIndex) else _text_index(text or "")


def name_in(name: str, *haystacks) -> bool:
    """Whether ``name`` is mentioned in any of ``haystacks`` (texts or their
    :class:`TextIndex`; accents and case ignored).

    A multi-word name counts as mentioned when its last word (the surname) appears as a
    whole word with half of its significant words, or on its own (a surname-only mention)
    without another given name in front of it.
    """
    from .name_knowledge import keys_of

    indexes = [as_index(h) for h in haystacks if h]
    keys = keys_of(name)
    if keys and known_in_indexes(name, indexes):
        return True  # a country, language or currency under any of its CLDR names
    toks = significant_tokens(name)
    if not toks:
        # only generic words ("Ministerio"): nothing to tell it by, unless CLDR knows it
        # ("Estados Unidos", looked up above under all its names)
        return not keys
    if is_descriptive(name):
        content = [t for t in re.findall(r"\w+", fold(name)) if t not in _PARTICLES and len(t) >= 3]
        # a nationality word ("Mexican Air Force") says whose, not which: it is not the match
        from .name_knowledge import demonym_of

        # (unless the rest is a lone institution noun MT may not know: "Chilean Navy" /
        # "Armada de Chile" shares only the country)
        rest = [t for t in content if not demonym_of(t)]
        if len(rest) > 1 or (rest and rest[0] not in _INSTITUTION):
            content = rest
        # translations reword these names ("Agencia Estatal de Meteorología" = "the state
        # weather agency"): one shared word stem is enough
        return any(stem(t) in ix.stems for t in content for ix in indexes)

    def said(t: str) -> bool:
        return any(t in ix.words for ix in indexes)

    if len(toks) == 1:
        return said(toks[0])
    if not said(toks[-1]):
        # The last word decides: "Pedro Inzunza Coronel" is not "Pedro Inzunza Noriega".
        return False
    if sum(1 for t in toks if said(t)) * 2 >= len(toks):
        return True
    # A surname-only mention ("Secretary Harfuch" = "Omar García Harfuch"), unless every
    # mention of the surname has another given name in front ("Evo Morales" is not
    # "Omar Treviño Morales").
    return any(ix.surname_mention(toks) for ix in indexes)


def known_in_indexes(surface: str, indexes) -> bool:
    """:func:`concord.facts.name_knowledge.known_in` over texts or indexes, through the
    indexes (a name's CLDR names, codes and demonyms looked up, not searched for)."""
    from .name_knowledge import cldr_names, keys_of, with_language_keys

    keys = keys_of(surface)
    if not keys:
        return False
    keys = with_language_keys(keys)
    names = cldr_names(keys)
    return any(as_index(t).known(keys, names) for t in indexes if t)


# --- matching helpers the name checks use -------------------------------------------

# a phrase set off by a comma (optional after an alias, whose comma may sit inside its quotes)
_APPOSITIVE = re.compile(r"\s*(?P<comma>,?)\s*(?P<role>[^,.;:()“”\"]{3,120}?)\s*(?=[,.;:()]|$)")
_ALIAS_AFTER: Scoped[re.Pattern] = Scoped(lambda codes: re.compile(
    r"\s*,?\s*(?:" + "|".join(re.escape(w) for p in _PROFILES for w in p.APPOSITION_ALIASES) + r")\s*"
    r"(?:[“\"«‘][^”\"»’]{1,60}[”\"»’]|[^,.;]{1,40}(?=,))", re.I))


def appositive(text: str, name: str) -> tuple[int, str] | None:
    """The phrase set off by commas right after ``name`` in ``text`` (``Pedro Inzunza
    Noriega, number two of the Beltrán Leyva cartel,``), with its offset."""
    m = re.search(re.escape(name), text)
    if m is None:
        folded = fold(text)
        at = folded.find(fold(name))
        if at < 0:
            return None
        end = at + len(name)
    else:
        end = m.end()
    alias = _ALIAS_AFTER.match(text, end)  # X, alias “El Señor de la Silla,” father of ...
    a = _APPOSITIVE.match(text, alias.end() if alias else end)
    if a is None or not (alias or a.group("comma")) or not 2 <= len(a.group("role").split()) <= 14:
        return None
    if fold(a.group("role").split()[0]) in _CLAUSE_OPENERS:
        return None  # "X, who remains at ...", "X, but carried ...": a clause, not a role
    return a.start("role"), a.group("role")


# Words that open a clause, not a noun phrase: the closed-class coordinating and
# subordinating conjunctions and relative pronouns and adverbs of every profile. A phrase
# after a name's comma that begins with one is not an apposition.
_CLAUSE_OPENERS: Scoped[frozenset] = Scoped(
    lambda codes: frozenset(fold(w) for p in _PROFILES for w in p.CLAUSE_OPENERS))
