"""Which names differ between two aligned versions, and how.

A name of one version is looked for first in the aligned sentences of the other version
(their original text and their translation), then in the whole other version, in either
language: spelling (accents and case ignored, surname-only mentions), CLDR names
(``Alemania`` = ``Germany``), acronyms defined in the document, and the stems of the words
MT kept of a partly translated name. A name found in neither is a *candidate*; what becomes
a finding depends on the evidence, per aligned sentence pair:

* a candidate on each side that is a near miss of the other (``Clinton`` / ``Clitnon``):
  **misspelt** (strong evidence);
* a candidate on each side that is the other's spelling in another language (``Tracia`` /
  ``Thrace``, ``Enrique`` / ``Henry``) or two acronyms (``OTAN`` / ``NATO``): the same name;
* a name in one version that the other never mentions, with another name in its place:
  **replaced** (``Mark Zuckerberg`` -> ``Cristina Cifuentes``), unless both forms are
  specific to their languages (weak evidence: an exonym pair no resource knows);
* a name with no counterpart at all: **missing**, strong where the other sentence shows the
  cut (a hole, at the name's place or where its own sentence has none; the words either
  side of the name closed up before a verb), where the pair says other things too, or for
  a person named there for the first time and referred to in no other way (not by a
  pronoun, not by the role its apposition gives); otherwise a candidate. A word of no
  language compared, which MT keeps as written (*el surstromming*), counts as a name where the
  other sentence shows a hole at its place. An acronym in common use as a word (``ATM``) in a
  faithful pair is no difference: the other version gives its meaning.

The sides are fact tables (:class:`concord.facts.table.DocumentFacts`): ``doc`` (sentences
with ``text``, ``translation``, ``pivot_text``, ``language``), ``names`` (facts per
sentence), ``source_text``, ``pivot_text``, ``rendered``, and the per-document lookup
indexes built once and shared by every pair (``indexes``: a
:class:`concord.facts.names.TextIndex` of the original text and of the translation;
``acronyms``; ``rendered_index``). Looking a name up in the whole other version costs the
size of the name, never a scan of that version.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from types import ModuleType

from .. import lang
from ..document import Bead, BeadKind, Sentence
from ..facts.base import Fact, fold, stem
from ..facts.name_knowledge import (
    acronym_of,
    adjective_of,
    cldr_names,
    clipped,
    cognate,
    common_acronym,
    common_phrase,
    currency_of_amount,
    defined_acronyms,
    demonym_of,
    exonym_form,
    expansion_in,
    is_acronym,
    is_nationality,
    keys_of,
    known_in,
    known_word,
    language_specific,
    lexicon_keys,
    lexicon_keys_closed,
    lower_case_form,
    name_rendered,
    same_letters,
    same_start,
    typo,
    unknown_word,
    word_rendered,
    zipf,
)
from ..facts.names import (
    TextIndex,
    appositive,
    as_index,
    extract_names,
    known_in_indexes,
    label_names,
    name_in,
    significant_tokens,
)
from ..facts.table import DocumentFacts
from ..text import contained, features, folded_words
from ._wordnet import only_verb, verb_reading

_MATCHED_KINDS = (BeadKind.MATCH, BeadKind.MOVED, BeadKind.REPEATED)
# An aligned pair whose sides carry less than this share of each other's content words
# (through MT) says more than a translation would: a name only one side has is news there.
FAITHFUL = 0.5


@dataclass
class NameDifference:
    """A name difference: ``kind`` is ``misspelt``, ``replaced`` or ``missing``; ``a`` and
    ``b`` are the name facts (None for the side that has none); ``strong`` says whether the
    evidence makes it a finding (else a candidate)."""

    kind: str
    a: Fact | None
    b: Fact | None
    a_sents: list[int] = field(default_factory=list)
    b_sents: list[int] = field(default_factory=list)
    strong: bool = True


# --- which names are names to check -------------------------------------------------

# The profiles of the languages compared (lang.compared()); each value built from them is
# Scoped: built once for each pair's languages.
_PROFILES: lang.Scoped[list[ModuleType]] = lang.Scoped(lambda codes: [lang.get(code).names for code in codes])
_BYLINES: lang.Scoped[str] = lang.Scoped(lambda codes: "|".join(w for p in _PROFILES for w in p.BYLINES))
_DATE_JOINERS: lang.Scoped[str] = lang.Scoped(lambda codes: "|".join(w for p in _PROFILES for w in p.DATE_JOINERS))
_BYLINE: lang.Scoped[re.Pattern[str]] = lang.Scoped(lambda codes: re.compile(
    rf"(?:^|\s)(?:{_BYLINES.current()})\s+[{lang.UPPER}]"
    rf"|^[{lang.UPPER}][\w .]+,\s+\d{{1,2}}\s+(?:(?:{_DATE_JOINERS.current()})\s+)?[a-zA-Z]+\.?"
    rf"(?:\s+(?:{_DATE_JOINERS.current()}))?,?\s+\d{{4}}\s*$"))
# a definite article right before a word, in lower case or capitalised
_ARTICLE_BEFORE: lang.Scoped[re.Pattern[str]] = lang.Scoped(lambda codes: re.compile(
    r"(?:^|\s)(?:" + "|".join([w for p in _PROFILES for w in p.ARTICLES]
                              + [w.capitalize() for p in _PROFILES for w in p.ARTICLES]) + r")\s+$"))
# Era designators (BC, a. C.): part of a date.
_ERAS: lang.Scoped[frozenset[str]] = lang.Scoped(
    lambda codes: frozenset(fold(e).replace(" ", "") for p in _PROFILES for e in p.ERAS))
# One doubled initial (EE., UU.): a piece of a plural abbreviation (EE. UU.) cut off by the
# sentence boundary, in a language whose orthography doubles plural initials.
_DOUBLED_PIECE = re.compile(rf"^([{lang.UPPER}])\1\.?$")
_DOUBLING: lang.Scoped[bool] = lang.Scoped(lambda codes: any(p.DOUBLED_INITIAL_PLURALS for p in _PROFILES))
# Where words were cut out of a sentence (see :func:`holed`), per language profile: its
# articles and its pure prepositions (every analysis closed-class in the bilingual
# lexicon: "of", "in", "de"; not "past" or "out", which are also nouns and adverbs).
def _pure(words: frozenset[str], code: str) -> list[str]:
    return sorted(w for w in words if lexicon_keys_closed(w, code))


def _hole_patterns(language: str | None) -> list[re.Pattern[str]]:
    out = []
    for code in [language] if language in lang.LANGUAGES else lang.compared():
        p = lang.get(code).names
        aux = "|".join(sorted(p.AUXILIARIES))
        articles = "|".join(p.ARTICLES)
        # (a language the bilingual lexicon does not cover has no pure prepositions: an
        # empty alternative would match anywhere, so it matches nowhere)
        preps = "|".join(_pure(p.PREPOSITIONS, code)) or "(?!)"
        joiners = "|".join(_pure(p.PREPOSITIONS | p.CLAUSE_OPENERS, code)) or "(?!)"
        # an article before a stop; a preposition before a stop it is spaced from, or
        # opening the sentence before a comma
        out.append(re.compile(rf"(?:^|\s)(?i:{articles})\s*[,;:.)]"))
        out.append(re.compile(rf"(?:^|\s)(?:{preps})\s+[,;:.!?)]"))
        out.append(re.compile(rf"^\W*(?i:{preps}),"))
        # a preposition before a comma within a clause (``developed at, and``), before
        # another (``those of in the team``), or before a finite auxiliary (``the failure
        # in was``): its noun phrase is missing
        out.append(re.compile(rf"\s(?:{preps})[,;]\s"))
        out.append(re.compile(rf"\s(?:{preps})\s+(?:{preps})\s"))
        finite = "|".join(sorted(p.AUXILIARIES))
        markers = "|".join(sorted(p.INFINITIVE_MARKERS)) or "(?!)"
        out.append(re.compile(rf"\s(?!(?:{markers})\s)(?:{preps})\s+(?:{finite})\s"))
        if not p.ARTICLES_AS_PRONOUNS:
            # an article that cannot stand for a noun, before a preposition or conjunction
            out.append(re.compile(rf"\b(?i:{articles})\s+(?:{joiners})\b(?![-'’])"))
        if p.SUBJECT_REQUIRED:
            # a sentence opening on an auxiliary that asks nothing; a reporting verb after a
            # quotation with no speaker
            # (not before another auxiliary: "May has ..." opens on a name)
            out.append(re.compile(rf"^\W*(?i:{aux})\s(?!(?i:{aux})\b)(?![^?]*\?\W*$)"))
            out.append(re.compile(rf"[\"”]\s*(?:{'|'.join(lang.get(code).SPEECH_VERBS)})\s*\.\s*$"))
        if p.SUBJECT_REQUIRED and not p.FRONTED_INVERSION:
            # nor on a finite auxiliary right after an opening preposition phrase and its
            # comma (``In terms of diplomacy, is more assertive ...``)
            out.append(re.compile(rf"^\W*(?i:{preps})\s[^,;:]*,\s*(?:{aux})\s(?!(?:{aux})\b)(?![^?]*\?\W*$)"))
    # two stops with nothing between them; a stop spaced from the word before it; a
    # possessive clitic with no word
    out.append(re.compile(r"[,;:]\s*[,;:.]"))
    out.append(re.compile(r"[^\W\d_]\s+[,.](?:\s|$)"))
    out.append(re.compile(r"(?:^|\s)['’]?s\s"))
    return out


_HOLES: dict[tuple[str | None, tuple[str, ...]], list[re.Pattern[str]]] = {}


# Third-person pronouns of the pivot language's profile (a name given as "he" or "her").
_PRONOUNS = lang.get(lang.PIVOT).names.THIRD_PERSON_PRONOUNS
# A contraction of a pronoun and an auxiliary verb (English I've, we'll, you're, I'm, he'd).
_CONTRACTION: lang.Scoped[re.Pattern[str]] = lang.Scoped(lambda codes: re.compile(
    r"^[A-Za-z]+['’](?:" + "|".join(w for p in _PROFILES for w in p.CONTRACTION_SUFFIXES) + r")$"))


def is_byline(text: str) -> bool:
    """A byline or dateline line (``By Ana Ruiz``, ``Published by ...``, ``Ciudad de
    México, 20 de enero de 2026``): short, and names its author or place and date."""
    return len(text.split()) <= 14 and bool(_BYLINE.search(text.strip()))


def sentence_initial_word(s: Sentence, f: Fact, side: DocumentFacts) -> bool:
    """A single capitalised word opening a sentence ("Train services ...") that is an
    ordinary word of the language, or that the document writes in lower case elsewhere
    (and the NER model did not tag), is only a name if the document also capitalises it in
    mid-sentence."""
    if " " in f.surface.strip() or f.surface.isupper():
        return False
    if (f.doc_start if f.doc_start is not None else -1) - s.start > 2:
        return False
    # a word the language rarely uses otherwise is a name wherever it stands (``Megabazo``,
    # ``Siberia``); the NER model's word is trusted further than the rules'
    if _doc_index(side).mid_sentence(f.surface):
        return False
    # the document writes the word in lower case elsewhere: the capital is the position's
    if not f.entity and _lower_case_in(f.surface, side.doc.text):
        return True
    return zipf(f.surface, _language(side, s) or lang.PIVOT) >= (4.0 if f.entity else 2.5)


def _lower_case_in(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word`` (a capitalised word) in lower case as a word."""
    low = word[:1].lower() + word[1:]
    return low != word and low in _lower_words(text)


def _proper(f: Fact, language: str | None) -> bool:
    """A person's name or a country's (CLDR): MT does not translate such a name as a common
    noun (``Peña Nieto``, ``Países Bajos``), so a rendering of it is still the name. Not a
    single ordinary word the model took for a person (``ministro de Hacienda``), nor a
    place's name, which may be a common noun MT rightly translates."""
    if keys_of(f.surface):
        return True
    if _ENTITY_KIND.get(f.entity or "") != "person":
        return False
    return " " in f.surface.strip() or not common_phrase(f.surface, language, single=True)


def institution_word(s: Sentence, f: Fact, side: DocumentFacts) -> bool:
    """A single capitalised common noun after a definite article (``el Gobierno``, ``la
    Fiscalía``, ``the Treasury``): Spanish and English capitalise institutions named by an
    ordinary word (wordfreq Zipf >= 4 in lower case), which translators translate."""
    if " " in f.surface.strip() or f.surface.isupper() or f.alias:
        return False
    at = f.doc_start or 0
    before = side.doc.text[max(0, at - 5):at]
    if not _ARTICLE_BEFORE.search(before):
        return False
    return zipf(f.surface.lower(), _language(side, s) or lang.PIVOT) >= 4.0


def not_a_name(f: Fact, s: Sentence, side: DocumentFacts, ner: bool) -> bool:
    """Words the extractors take for names that are not: a span with no capital letter
    (both languages capitalise proper names; an NER model sometimes tags a foreign common
    noun), a contraction (``I've``), and, beside an NER model, a single capitalised word
    the model did not tag that is an ordinary word of the language (an interjection such
    as ``Hey``, a capitalised common noun; wordfreq Zipf >= 4)."""
    if f.alias:
        return False
    if not any(ch.isupper() for ch in f.surface):
        return True
    if _CONTRACTION.match(f.surface):
        return True
    if fold(f.surface).replace(" ", "") in _ERAS:
        return True  # BC, a. C.: an era, part of a date
    if _ROMAN_NUMERAL.fullmatch(f.surface.strip()):
        return True  # XIX (siglo XIX): a number, which the number check compares
    if _DOUBLING.current() and _DOUBLED_PIECE.match(f.surface.strip()):
        return True  # EE. / UU.: half of a plural abbreviation

    if ner and f.entity in (None, _MISC) and " " not in f.surface.strip() and not f.surface.isupper():
        return zipf(f.surface, _language(side, s) or lang.PIVOT) >= 4.0
    return False


_MISC = "MISC"
# Roman numerals of centuries and ordinals, of two letters at least (not DC, MD: places)
_ROMAN_NUMERAL = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")


def _language(side: DocumentFacts, s: Sentence) -> str | None:
    return s.language or side.doc.language or None


def candidates(side: DocumentFacts, translated: dict[int, list[Fact]] | None = None) -> dict[int, list[Fact]]:
    """The names of each sentence that are names to check: not in a byline, not a
    nationality or language, not a common-noun name MT translated (``Ley``, ``Defensa``),
    not a lone sentence-initial capital. The names MT translated go to ``translated`` when
    given (:func:`_cut` takes them back where the other sentence shows a hole)."""
    out: dict[int, list[Fact]] = {}
    ner = any(f.entity for fs in side.names.values() for f in fs)
    for s in side.doc.sentences:
        if is_byline(s.text):
            continue  # the author and dateline are not facts of the story
        keep = []
        for f in side.names.get(s.index, []):
            if (is_nationality(f.surface) and not _person(f)) or not_a_name(f, s, side, ner):
                continue  # (a word the NER model takes for a person is no demonym: Francis)
            if f.doc_start is not None and f.doc_end is not None and currency_of_amount(
                    f.surface, side.doc.text[max(0, f.doc_start - 40):f.doc_start],
                    side.doc.text[f.doc_end:f.doc_end + 12]):
                continue  # the unit of an amount (2000 millones de USD)
            if s.translation and _language(side, s) != side.pivot and not f.alias \
                    and not _proper(f, _language(side, s)) \
                    and not name_in(f.surface, s.translation) and not known_in(f.surface, s.translation):
                if translated is not None and not sentence_initial_word(s, f, side):
                    translated.setdefault(s.index, []).append(f)
                continue  # MT translated it: a common-noun name (not a person or a country)
            if sentence_initial_word(s, f, side) or institution_word(s, f, side):
                continue
            keep.append(f)
        out[s.index] = keep
    return out


# --- matching -----------------------------------------------------------------------

def rendered_match(f: Fact, side: DocumentFacts, other: DocumentFacts) -> bool:
    """A name MT rendered in part is matched by the stems of the words it kept
    (``Caballeros Templarios`` / ``Knights Templar``), both ways. Whole names, such as
    people's, are never matched by stems: ``Harfush`` must not pass for ``Harfuch``."""
    kept = side.rendered.get(id(f))
    if kept is not None:
        source, pivot = _indexes(other)
        return all(k in source.stems or k in pivot.stems for k in kept)
    # a nationality or country word is not what names an institution ("Mexican Air Force"
    # is not "Fiscalía General de México" rendered in part)
    stems = {stem(t) for t in significant_tokens(f.surface) if not demonym_of(t) and not keys_of(t)}
    index = _rendered_index(other)
    return any(key <= stems for t in stems for key in index.get(t, ()))


def _indexes(side: DocumentFacts) -> tuple[TextIndex, TextIndex]:
    """The lookup indexes of a side's original text and translation, built once per
    document (:attr:`concord.facts.table.DocumentFacts.indexes`)."""
    ix = getattr(side, "indexes", None)
    return ix if ix is not None else (as_index(side.source_text), as_index(side.pivot_text))


def _doc_index(side: DocumentFacts) -> TextIndex:
    """The index of the side's document text (its original text)."""
    source = _indexes(side)[0]
    return source if source.text is side.doc.text or source.text == side.doc.text else as_index(side.doc.text)


def _rendered_index(side: DocumentFacts) -> dict[str, list[frozenset[str]]]:
    ix: dict[str, list[frozenset[str]]] | None = getattr(side, "rendered_index", None)
    if ix is not None:
        return ix
    out: dict[str, list[frozenset[str]]] = {}
    for kept in side.rendered.values():
        out.setdefault(min(kept), []).append(kept)
    return out


def _acronyms(side: DocumentFacts) -> dict[str, str]:
    found = getattr(side, "acronyms", None)
    return found if found is not None else _defined_acronyms(side.source_text)


@lru_cache(maxsize=64)
def _defined_acronyms(text: str) -> dict[str, str]:
    return defined_acronyms(text)


def _acronym_match(f: Fact, side: DocumentFacts, other: DocumentFacts, texts: tuple[TextIndex, ...]) -> bool:
    """An acronym defined in its document matches when its expansion does, or when the
    other version defines an acronym whose expansion is found in this version."""
    mine = _acronyms(side)
    exp = mine.get(f.surface.strip())
    theirs = _acronyms(other)
    if exp is not None and name_in(exp, *texts):
        return True
    # (an acronym has no space: it is in the texts joined by spaces iff it is in one of them)
    if exp is not None or is_acronym(f.surface):
        # OPS (es) / PAHO (en): PAHO's expansion is in this version's translation
        return any(_stated(acr, texts) and name_in(e, *_indexes(side)) for acr, e in theirs.items())
    # an expansion whose acronym the other version uses
    return any(e and fold(e) == fold(f.surface) and _stated(acr, texts) for acr, e in mine.items())


def _stated(acr: str, texts: tuple[TextIndex, ...]) -> bool:
    """Whether ``acr`` occurs in any of ``texts`` (as a substring)."""
    if " " in acr:
        return acr in " ".join(as_index(t).text for t in texts)
    return any(as_index(t).contains(acr) for t in texts)


def matched(f: Fact, side: DocumentFacts, other: DocumentFacts, texts: Sequence[str | TextIndex]) -> bool:
    """Whether name ``f`` of ``side`` is stated in ``texts`` of ``other``, itself or by the
    other name it is given beside in parentheses (``the river Nestus (Mesta)``)."""
    return _matched(f, side, other, texts) or any(_matched(g, side, other, texts)
                                                  for g in _parenthesised(f, side))


def _matched(f: Fact, side: DocumentFacts, other: DocumentFacts, given: Sequence[str | TextIndex]) -> bool:
    texts = tuple(as_index(t) for t in given)
    return (name_in(f.surface, *texts) or known_in_indexes(f.surface, texts)
            or _acronym_match(f, side, other, texts) or _adjective_match(f.surface, texts))


def _adjective_match(name: str, texts: tuple[TextIndex, ...]) -> bool:
    """A one-word place name stated by its adjective (``Macedonia`` / ``the Macedonian
    border``)."""
    if " " in name.strip() or len(name) < 4:
        return False
    return any(as_index(t).adjective(name) for t in texts if t)


_ORG_AND_PLACE = [{"ORG", p} for p in ("LOC", "GPE")]
_OPEN, _CLOSE = re.compile(r"\s*\(\s*$"), re.compile(r"^\s*\)")


def _parenthesised(f: Fact, side: DocumentFacts) -> list[Fact]:
    """The names written as an alternative of ``f``: ``f (g)`` or ``g (f)``."""
    if f.sentence is None or f.doc_start is None:
        return []
    text = side.doc.text
    out = []
    for g in side.names.get(f.sentence, []):
        if g is f or g.doc_start is None:
            continue
        if {f.entity, g.entity} in _ORG_AND_PLACE:
            continue  # "la Universidad de X (Nueva Jersey)": where it is, not another name for it
        first, second = (f, g) if f.doc_start < g.doc_start else (g, f)
        end1, start2, end2 = first.doc_end or 0, second.doc_start or 0, second.doc_end or 0
        if _OPEN.match(text[end1:start2]) and _CLOSE.match(text[end2:end2 + 3]):
            out.append(g)
    return out


def _bead_texts(side: DocumentFacts, sents: list[int]) -> tuple[str, ...]:
    out = []
    for i in sents:
        s = side.doc.sentences[i]
        out.append(s.text)
        if s.pivot_text and s.pivot_text != s.text:
            out.append(s.pivot_text)
    return tuple(out)


# --- evidence -----------------------------------------------------------------------

def _weak(f: Fact, side: DocumentFacts, other: DocumentFacts) -> bool:
    """Weak evidence: an acronym (acronyms change between languages), or a form specific to
    its language (translators translate it)."""
    return is_acronym(f.surface) or language_specific(f.surface, side.doc.language, other.doc.language)


# NER labels of the spaCy and stanza models (OntoNotes in English, AnCora/WikiNER in
# Spanish) that name people.
_ENTITY_KIND = {"PER": "person", "PERSON": "person", "GPE": "place", "LOC": "place"}


def _replaced_strong(x: Fact, A: DocumentFacts, y: Fact, B: DocumentFacts, ruled: set[int],
                     sents: tuple[list[int], list[int]] | None = None) -> bool:
    """Whether ``x`` (of ``A``) replaced by ``y`` (of ``B``) is evidence of a changed name.
    Not when either is a form translators render otherwise: an acronym (``GTA`` / ``el área
    metropolitana de Toronto``), a form not used in the other language (``Pekín``,
    ``Ródano``), a name made of ordinary words of its language some of which the other
    sentence renders (``Walls of the Ruler`` / ``el Muro del Príncipe``; where none is,
    it renders nothing there and another name stands in its place), or, for a
    capitalised word the rules add beside an NER model, an ordinary capitalised
    word (``el Distrito de ...``, ``la Edad Media``); nor when both forms are specific to
    their languages (an exonym pair no resource knows).

    Where the forms a name takes in the other language are known (a CLDR territory,
    language or currency; the rendering MT gives a name no dictionary has as a word:
    ``Moscú`` -> ``Moscow``) and none is there, what stands in its place is evidence when
    it is known too, or is a person, or names a territory itself (``Países Bajos`` /
    ``North China``); a place's other name no resource lists (``Britain`` / ``Reino
    Unido``) is not."""
    if _territory_absent(x, B) or _territory_absent(y, A):
        return True
    if any(_country(f) and not known_in_indexes(f.surface, _indexes(other)) and not is_acronym(g.surface)
           and not any(adjective_of(n, g.surface) for n in cldr_names(keys_of(f.surface)) if " " not in n)
           for f, g, other in ((x, y, B), (y, x, A))):
        # a country the other version states in no form (a CLDR or WordNet name, code,
        # adjective); not where an acronym (EUA) or an adjective of its name stands instead
        return True
    if any(is_acronym(f.surface) and not is_acronym(g.surface) and _person(g) for f, g in ((x, y), (y, x))):
        return True  # an organisation's acronym is never rendered by a person's name
    known = [f for f, side in ((x, A), (y, B)) if _identified(f.surface) or _mt_made(f, side)]
    if len(known) == 2:
        return True
    if known:
        g = y if known[0] is x else x
        if _person(g) or _names_territory(g.surface):
            return True
        if keys_of(g.surface):
            return False  # a world region's name standing for a country in it
    sides = ((x, A, B, sents[1] if sents else None), (y, B, A, sents[0] if sents else None))
    if is_acronym(x.surface) or is_acronym(y.surface):
        return False
    la, lb = _doc_language(A), _doc_language(B)
    if language_specific(y.surface, la, lb) or language_specific(x.surface, lb, la):
        return True  # written in the form of the other version's language: kept verbatim there
    untranslated = False
    for f, side, other, where in sides:
        mine, theirs = _doc_language(side), _doc_language(other)
        if _ENTITY_KIND.get(f.entity or "") != "person" and not _identified(f.surface) \
                and common_phrase(f.surface, mine, theirs):
            # a name of ordinary words is translated word by word, which leaves some of
            # them there; where none is, it renders nothing there: another name stands in
            # its place
            if where is None or _some_word_rendered(f, side, other, where):
                return False
            untranslated = True
    if untranslated:
        return True
    for f, side, other, _ in sides:
        mine, theirs = _doc_language(side), _doc_language(other)
        if exonym_form(f.surface, mine, theirs):
            return False
        if _ENTITY_KIND.get(f.entity or "") == "person":
            continue  # people's names are made of given names and surnames, not phrases
        if id(f) in ruled and common_phrase(f.surface, mine, single=True):
            return False
    return not (_weak(x, A, B) and _weak(y, B, A))


def _some_word_rendered(f: Fact, side: DocumentFacts, other: DocumentFacts, theirs: list[int]) -> bool:
    """Whether a content word of name ``f`` is rendered in ``other``'s sentences ``theirs``
    (``Walls of the Ruler`` / ``el Muro del Príncipe``): in their original text (an MT
    word of the name's own language meets it by a crude stem: ``Foundation`` / ``found``)."""
    s = side.doc.sentences[f.sentence] if f.sentence is not None else None
    language = _language(side, s) if s is not None else side.doc.language
    words = [(w, _language(other, other.doc.sentences[i])) for i in theirs
             for w in _WORD.findall(other.doc.sentences[i].text)]
    content = [w for w in _WORD.findall(f.surface) if not lexicon_keys_closed(w, language) and len(w) > 2]
    # a word there that renders a word of this sentence outside the name renders that word,
    # not the name's (``Instituto Aéreo ... pruebas aéreas`` / ``... aerial tests``)
    rest = []
    if s is not None and f.doc_start is not None and f.doc_end is not None:
        text = side.doc.text
        rest = [w for w in _WORD.findall(text[s.start:f.doc_start] + " " + text[f.doc_end:s.end])
                if not lexicon_keys_closed(w, language) and len(w) > 2]
    if any(word_rendered(w, language, o, ol) and not any(word_rendered(r, language, o, ol) for r in rest)
           for w in content for o, ol in words):
        return True
    # or an acronym of it (``Miembro del Parlamento`` / ``MP``)
    mine = [(w, language) for w in _WORD.findall(f.surface)]
    return any(is_acronym(o) and expansion_in(o, mine, least=2) for o, _ in words)


def _territory_absent(f: Fact, other: DocumentFacts) -> bool:
    """Whether name ``f`` holds the name of a territory CLDR knows (``Administration of Hong
    Kong``) that the other version states nowhere in any form."""
    words = f.surface.split()
    if len(words) < 2:
        return False
    subs = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
            if (i, j) != (0, len(words))]
    # (by name: a code in capitals inside a name is often something else: MP, PM)
    return any(not t.isupper() and _identified(t) and not known_in_indexes(t, _indexes(other)) for t in subs)


def _identified(surface: str) -> bool:
    """A name CLDR knows, other than a world region (``America``, ``Europe``: a region's
    name stands loosely for a country or union in it)."""
    keys = keys_of(surface)
    return bool(keys) and not all(k[2:].isdigit() for k in keys)


def _names_territory(surface: str) -> bool:
    """Whether a name of several words holds a CLDR territory's name (``North China``)."""
    words = surface.split()
    return len(words) > 1 and any(not t.isupper() and _identified(t) for t in
                                  (" ".join(words[i:j]) for i in range(len(words))
                                   for j in range(i + 1, len(words) + 1) if (i, j) != (0, len(words))))


def _mt_made(f: Fact, side: DocumentFacts) -> set[str]:
    """The capitalised words MT made of name ``f`` (``Moscú`` -> ``Moscow``): words of its
    sentence's translation the original lacks that begin as one of the name's words do.
    Only for a name none of whose words the bilingual lexicon knows as a word of its
    language: MT's rendering of a common noun (``Senado`` -> ``Senate``) is one of many."""
    if f.sentence is None:
        return set()
    s = side.doc.sentences[f.sentence]
    if any(known_word(w, _language(side, s)) for w in _WORD.findall(f.surface)):
        return set()
    if not s.translation or name_in(f.surface, s.translation):
        return set()
    own = folded_words(s.text)
    made = {fold(w) for w in _WORD.findall(s.translation)[1:] if w[:1].isupper()} - own
    mine = _WORD.findall(f.surface)
    # (and of no other capitalised word of the sentence: Pedro -> Peter is not Pekín's)
    others = [w for w in _WORD.findall(s.text)[1:] if w[:1].isupper() and w not in mine]
    return {m for m in made if any(same_start(m, t) for t in mine) and not any(same_start(m, o) for o in others)}


def _kind(f: Fact) -> str | None:
    if not f.entity:
        return None
    return "person" if f.entity in ("PER", "PERSON") else "other"


def _partner(f: Fact, others: list[Fact], f_span: tuple[int, int], o_span: tuple[int, int]) -> Fact | None:
    """The counterpart of a replaced name among ``others``: of the same kind (a person for
    a person) when the NER model labelled both, then the one at the nearest relative place
    in its sentences (translations mostly keep the order of a sentence's names).
    ``f_span`` and ``o_span`` are the (start, length) of the two sides' aligned text."""
    if not others:
        return None
    same = [g for g in others if _kind(f) and _kind(g) == _kind(f)] or others

    def place(g: Fact, span: tuple[int, int]) -> float:
        return ((g.doc_start if g.doc_start is not None else span[0]) - span[0]) / max(span[1], 1)

    at = place(f, f_span)
    return min(same, key=lambda g: abs(place(g, o_span) - at))


def _span(side: DocumentFacts, sents: list[int]) -> tuple[int, int]:
    first, last = side.doc.sentences[sents[0]], side.doc.sentences[sents[-1]]
    return first.start, last.end - first.start


def _doc_language(side: DocumentFacts) -> str | None:
    return side.doc.language or None


def name_differences(A: DocumentFacts, B: DocumentFacts, beads: list[Bead]) -> list[NameDifference]:
    """The name differences between versions ``A`` and ``B`` aligned by ``beads``: one per
    name (its first place), names of unaligned sentences left to the omission/addition
    finding of their sentence."""
    translated: dict[int, dict[int, list[Fact]]] = {id(A): {}, id(B): {}}
    cand = {id(A): candidates(A, translated[id(A)]), id(B): candidates(B, translated[id(B)])}
    doc_ok: dict[int, bool] = {}

    def in_doc(f: Fact, side: DocumentFacts, other: DocumentFacts) -> bool:
        if id(f) not in doc_ok:
            doc_ok[id(f)] = (matched(f, side, other, _indexes(other))
                             or rendered_match(f, side, other))
        return doc_ok[id(f)]

    out: list[NameDifference] = []
    seen: set[tuple[str, str, str]] = set()
    for bd in beads:
        if bd.kind in (BeadKind.OMISSION, BeadKind.ADDITION):
            continue  # the sentence's own finding lists its names: not reported again
        if bd.kind not in _MATCHED_KINDS or not bd.a or not bd.b:
            continue
        ta, tb = _bead_texts(A, bd.a), _bead_texts(B, bd.b)
        xs = [f for f in [g for i in bd.a for g in cand[id(A)].get(i, [])] + _cut(translated[id(A)], A, bd.a, B, bd.b)
              if not matched(f, A, B, tb)]
        ys = [f for f in [g for i in bd.b for g in cand[id(B)].get(i, [])] + _cut(translated[id(B)], B, bd.b, A, bd.a)
              if not matched(f, B, A, ta)]
        # sentence-level misses found elsewhere in the other version can still be the
        # counterpart of a replaced name, but are never differences themselves
        x_new = [x for x in xs if not in_doc(x, A, B)]
        y_new = [y for y in ys if not in_doc(y, B, A)]
        if not x_new and not y_new:
            continue
        # a statistical NER model misses names; as counterparts (never as findings of
        # their own), the capitalised names the rules see in the aligned sentences count too
        ruled: set[int] = set()
        if y_new:
            extra = _rule_names(A, bd.a, xs, B, tb)
            ruled |= {id(f) for f in extra}
            xs += extra
        if x_new:
            extra = _rule_names(B, bd.b, ys, A, ta)
            ruled |= {id(f) for f in extra}
            ys += extra
        pairs: list[tuple[str | None, Fact, Fact]] = []
        for test, kind in ((_slip, "misspelt"), (_same_name, None)):
            for x in list(xs):
                for y in list(ys):
                    if (x in x_new or y in y_new) and test(x.surface, y.surface):
                        pairs.append((kind, x, y))
                        xs.remove(x)
                        ys.remove(y)
                        break
        for kind, x, y in pairs:
            if kind:
                out.append(NameDifference(kind, x, y, list(bd.a), list(bd.b), True))
        # a name the other sentence states in another form (a translation, a transcription)
        # is no difference, and not what a new name there replaced
        x_new = [x for x in x_new if x in xs and not rendered(x, A, B, bd.b) and not _positional(x, A, B, bd.b)]
        y_new = [y for y in y_new if y in ys and not rendered(y, B, A, bd.a) and not _positional(y, B, A, bd.a)]
        # replaced: a new name on one side, an unmatched one on the other
        span_a = _span(A, bd.a)
        span_b = _span(B, bd.b)
        xs_free = [x for x in xs if x in x_new or not rendered(x, A, B, bd.b)]
        ys_free = [y for y in ys if y in y_new or not rendered(y, B, A, bd.a)]
        for y in list(y_new):
            partner = _partner(y, x_new, span_b, span_a) or _partner(y, [x for x in xs if x in xs_free], span_b, span_a)
            if partner is None:
                continue
            strong = _replaced_strong(partner, A, y, B, ruled, (bd.a, bd.b))
            out.append(NameDifference("replaced", partner, y, list(bd.a), list(bd.b), strong))
            y_new.remove(y)
            ys.remove(y)
            xs.remove(partner)
            if partner in x_new:
                x_new.remove(partner)
        for x in list(x_new):
            partner = _partner(x, [y for y in ys if y in ys_free], span_a, span_b)
            if partner is None:
                continue
            strong = _replaced_strong(x, A, partner, B, ruled, (bd.a, bd.b))
            out.append(NameDifference("replaced", x, partner, list(bd.a), list(bd.b), strong))
            x_new.remove(x)
            ys.remove(partner)
        # a name with no counterpart: in a faithful translation of the sentence it was
        # rendered otherwise (weak); in a sentence that says other things too, it is news
        for x in x_new:
            if not _acronym_as_word(x, A, bd.a, B, bd.b):
                out.append(NameDifference("missing", x, None, list(bd.a), list(bd.b), absent(x, A, bd.a, B, bd.b)))
        for y in y_new:
            if not _acronym_as_word(y, B, bd.b, A, bd.a):
                out.append(NameDifference("missing", None, y, list(bd.a), list(bd.b), absent(y, B, bd.b, A, bd.a)))
    result = []
    for d in out:
        key = (d.kind, fold(d.a.surface) if d.a else "", fold(d.b.surface) if d.b else "")
        if key in seen:
            continue
        seen.add(key)
        result.append(d)
    return result


def _cut(translated: dict[int, list[Fact]], side: DocumentFacts, mine: list[int], other: DocumentFacts,
         theirs: list[int]) -> list[Fact]:
    """The common-noun names MT translated (see :func:`candidates`) of ``side``'s sentences
    ``mine`` when the other version's aligned sentences show a hole (:func:`holed`) and
    these do not: ``En Temple, el profesor ...`` / ``At, Adjunct Professor ...``: a
    capitalised word that also means something (*temple*, temper), or a name MT renders
    (``Moscú`` -> ``Moscow``) that is not there, was the name cut out."""
    found = [f for i in mine for f in translated.get(i, ())] + _foreign_words(side, mine)
    if not found or not _holed(other, theirs):
        return []
    return [f for f in found if _hole_at(f, side, mine, other, theirs) and not rendered(f, side, other, theirs)]


def _hole_spots(facts: DocumentFacts, sents: list[int]) -> list[float]:
    """Where the sentences ``sents`` of ``facts`` show holes (:func:`holed`), each as a
    share of their length (0 at the start, 1 at the end)."""
    start, length = _span(facts, sents)
    text = facts.doc.text[start:start + length]
    spots = [m.start() / max(length, 1) for p in _holes_of(facts, sents) for m in p.finditer(text)]
    return spots + [at / max(length, 1) for at in _verb_holes(text, _language(facts, facts.doc.sentences[sents[0]]))]


def _hole_at(f: Fact, side: DocumentFacts, mine: list[int], other: DocumentFacts, theirs: list[int]) -> bool:
    """The other version's aligned sentences show a hole where name ``f`` stands in its own
    (a fifth of the sentence either way: translations mostly keep the order of a sentence's
    parts), and ``f``'s own sentences show none there (a hole both versions have is the
    writer's, not a cut)."""
    if f.doc_start is None:
        return False
    start, length = _span(side, mine)
    place = (f.doc_start - start) / max(length, 1)
    own = _hole_spots(side, mine)
    return any(abs(at - place) <= 0.2 and not any(abs(at - o) <= 0.2 for o in own)
               for at in _hole_spots(other, theirs))


def _foreign_words(side: DocumentFacts, mine: list[int]) -> list[Fact]:
    """The words of ``side``'s sentences ``mine`` that belong to no language compared: in
    lower case (a language writes a borrowed name of a thing so: *el surstromming*, *el
    hurling*), unknown to the bilingual lexicon in the sentence's language and in the
    other, rare in both (wordfreq), and kept as written by the machine translation. Like a
    name, such a word has no translation; :func:`_cut` takes one back where the other
    version's sentence shows a hole at its place."""
    out = []
    for i in mine:
        s = side.doc.sentences[i]
        language = _language(side, s)
        if not s.translation or language not in lang.LANGUAGES or not _lexicon_language(language):
            continue
        kept = folded_words(s.translation)
        for m in _WORD.finditer(s.text):
            w = m.group(0)
            if len(w) < 4 or not w.islower() or fold(w) not in kept:
                continue
            if any(not unknown_word(w, code) or zipf(w, code) >= 1.0 for code in {language, side.pivot}):
                continue
            at = s.start + m.start()
            out.append(Fact("name", fold(w), m.start(), m.end(), w, sentence=i, doc_start=at, doc_end=at + len(w)))
    return out


@lru_cache(maxsize=8)
def _lexicon_language(code: str) -> bool:
    """The bilingual lexicon covers ``code`` (its articles are known words there)."""
    return any(known_word(a, code) for a in lang.get(code).names.ARTICLES)


def _holes_of(facts: DocumentFacts, sents: list[int]) -> list[re.Pattern[str]]:
    """The hole patterns (:func:`holed`) of the language of ``facts``'s sentences ``sents``."""
    language = _language(facts, facts.doc.sentences[sents[0]])
    key = (language, lang.compared())
    if key not in _HOLES:
        _HOLES[key] = _hole_patterns(language)
    return _HOLES[key]


def absent(f: Fact, side: DocumentFacts, mine: list[int], other: DocumentFacts, theirs: list[int]) -> bool:
    """Whether name ``f`` (of ``side``'s sentences ``mine``), found nowhere in the other
    version, is stated in no other form in its aligned sentences ``theirs`` either: that is
    evidence of a dropped name (a warning). The forms: a translation of its words (the
    bilingual lexicon, the MT of either side), a spelling or transcription, an adjective or
    demonym formed on it, a clipping (``Insta``), a pronoun standing for a person, an
    acronym's expansion. Not evidence: an acronym in common use as a word (translators
    render its meaning), or a dictionary word that opens its sentence.

    Evidence: a hole the other sentence shows, a pair that says other things too, or a
    person's name (its first mention in the document) the other version refers to in no
    other way (no pronoun at its place, not the role its apposition gives: ``Lin Zexu, the
    governor of Hunan,`` / ``el gobernador de Hunan``)."""
    if is_acronym(f.surface):
        if common_acronym(f.surface) or _expanded(f.surface, other, theirs):
            return False
    elif _opening_word(f, side):
        return False
    if _pronoun_for(f, side, mine, other, theirs):
        return False
    if not is_acronym(f.surface) and language_specific(f.surface, _doc_language(other), _doc_language(side)):
        return True  # written in the other version's language (``el Dream Team``): kept verbatim there
    # A translator drops or adds a name on purpose (a clarifying place, a name an
    # apposition repeats): evidence of an error is where the name was, a hole the other
    # sentence shows, or a pair that says other things too.
    if (_holed(other, theirs) and not _holed(side, mine)) or _hole_at(f, side, mine, other, theirs):
        return True
    if _closed_gap(f, side, other, theirs):
        return True
    if _person_like(f, side) and _first_mention(f, side) and not _role_for(f, side, other, theirs) \
            and not _title_before_name(f, side) \
            and (len(significant_tokens(f.surface)) > 1 or not _weak(f, side, other)):
        # a person named nowhere in the other version, the first time named here (a given
        # name and a surname are not translated; a single name may be: Enrique / Henry)
        return True
    return faithfulness(side, mine, other, theirs) < FAITHFUL and not _weak(f, side, other)


def _neighbours(text: str, start: int, end: int, lo: int, hi: int) -> tuple[str, str] | None:
    """The words right before ``text[start:end]`` and right after it, within ``lo:hi``,
    each separated from it by spaces only; None where either is missing (a stop or a
    bracket between, the edge of the sentence)."""
    before = re.search(r"([^\W\d_]+)\s+$", text[lo:start])
    after = re.match(r"\s+([^\W\d_]+)", text[end:hi])
    return (before.group(1), after.group(1)) if before and after else None


def _closed_gap(f: Fact, side: DocumentFacts, other: DocumentFacts, theirs: list[int]) -> bool:
    """The words either side of name ``f`` stand side by side in the English reading of
    the other version's aligned sentences, nothing between them, the second a verb: the
    subject was cut out before its verb and the words around it closed up (``la OMPI
    registró`` / ``the registered``, ``Si Bancolor aumenta`` / ``If increases``), which no
    translation does (a name before a noun it modifies, ``the Valiant expedition`` /
    ``la expedición``, moves rather than goes). A word counts as the other's when it is
    the same word, the machine translation's word beside the name, or shares a
    translation in the bilingual lexicon (a content word: *aumenta* / *increases*)."""
    if f.sentence is None or f.doc_start is None or f.doc_end is None:
        return False
    s = side.doc.sentences[f.sentence]
    language = _language(side, s)
    around = _neighbours(side.doc.text, f.doc_start, f.doc_end, s.start, s.end)
    if around is None:
        return False
    forms: list[set[str]] = [{fold(w)} for w in around]
    keys = [lexicon_keys(w, language) if known_word(w, language) else frozenset() for w in around]
    if s.translation:
        kept = re.search(re.escape(f.surface), s.translation, re.I)
        mt = _neighbours(s.translation, kept.start(), kept.end(), 0, len(s.translation)) if kept else None
        for k, w in enumerate(mt or ()):
            forms[k].add(fold(w))

    def same(w: str, k: int, code: str | None) -> bool:
        return fold(w) in forms[k] or bool(keys[k] & lexicon_keys(w, code))

    for i in theirs:
        text = other.doc.sentences[i].pivot_text
        words = list(re.finditer(r"[^\W\d_]+", text))
        for x, y in pairwise(words):
            if not text[x.end():y.start()].isspace():
                continue
            if same(x.group(0), 0, other.pivot) and same(y.group(0), 1, other.pivot) and verb_reading(y.group(0)):
                return True
    return False


def _role_for(f: Fact, side: DocumentFacts, other: DocumentFacts, theirs: list[int]) -> bool:
    """A person the other version refers to by the role its apposition gives (``Lin Zexu,
    the governor of Hunan,`` / ``el gobernador de Hunan``): the other aligned sentences (in
    the pivot language) carry most of the role's words, as a phrase that refers, opened by
    an article (a role left behind a comma, ``But, managing director of ...``, names nobody)."""
    if f.sentence is None:
        return False
    got = appositive(side.doc.sentences[f.sentence].pivot_text, f.surface)
    if got is None:
        return False
    role = features(got[1].lower())  # (capitals aside: a title is written either way)
    text = " ".join(other.doc.sentences[i].pivot_text for i in theirs)
    if not role.content or contained(role, features(text.lower())) < 0.5:
        return False
    words = _WORD.findall(fold(text))
    for i, w in enumerate(words):
        if stem(w) in role.content and any(v in _ARTICLES_PIVOT for v in words[max(0, i - 2):i]):
            return True
    return False


_ARTICLES_PIVOT = frozenset(lang.get(lang.PIVOT).names.ARTICLES)


_ABBREVIATED_TITLE = re.compile(r"\.\s+[^\W\d_]")


def _title_before_name(f: Fact, side: DocumentFacts) -> bool:
    """A span that ends on an abbreviation followed by a capitalised word (``Republicans
    Sens. John Kennedy``): a title before a name, not a person's name (a surname is not
    abbreviated; an initial is one letter)."""
    if f.doc_end is None:
        return False
    last = f.surface.split()[-1].rstrip(".")
    return len(last) >= 2 and not last.isupper() and _ABBREVIATED_TITLE.match(side.doc.text, f.doc_end) is not None


def _person(f: Fact) -> bool:
    return _ENTITY_KIND.get(f.entity or "") == "person"


def _country(f: Fact) -> bool:
    """A country's name (a CLDR territory with a letter code, not a world region), in any
    of its CLDR or WordNet names; a code in capitals (``UK``) only where the NER model
    took it for a place (``A.I.``, ``M.A.`` are no codes of Anguilla and Morocco)."""
    keys = [k for k in keys_of(f.surface) if k.startswith("T:") and k[2:].isalpha()]
    if not keys:
        return False
    return not is_acronym(f.surface) or ("." not in f.surface and _ENTITY_KIND.get(f.entity or "") == "place")


_COMMA_WORD = re.compile(r",\s*([^\W\d_]+)")


def _person_like(f: Fact, side: DocumentFacts) -> bool:
    """A person's name: the NER model's person, or a name it could not type (``MISC``, or
    none) that the grammar shows is a person's: a relative pronoun that refers to people
    only after its comma (``Anto, quien ...``), or given names and surnames, two words at
    least, none a word the bilingual lexicon knows in its language (``Lim Yew Soon``)."""
    if _person(f):
        return True
    if (f.entity and f.entity != _MISC) or f.surface.isupper() or f.sentence is None or f.doc_end is None:
        return False
    s = side.doc.sentences[f.sentence]
    language = _language(side, s)
    after = _COMMA_WORD.match(side.doc.text, f.doc_end)
    if after is not None and language in lang.LANGUAGES \
            and after.group(1).lower() in lang.get(language).names.PERSON_RELATIVES:
        return True
    words = _WORD.findall(f.surface)
    return len(significant_tokens(f.surface)) > 1 and all(unknown_word(w, language) for w in words)


def _first_mention(f: Fact, side: DocumentFacts) -> bool:
    """Whether the document names ``f`` here for the first time: no word of the name is
    written before it (a later mention, a surname alone, may give way to a pronoun or, in a
    language that drops its subjects, to nothing)."""
    if f.doc_start is None:
        return False
    seen = _first_seen(side.doc.text)
    return not any(seen.get(t, f.doc_start) < f.doc_start for t in significant_tokens(f.surface))


@lru_cache(maxsize=16)
def _first_seen(text: str) -> dict[str, int]:
    """Each folded word of ``text`` -> the offset where it first occurs."""
    out: dict[str, int] = {}
    for m in _WORD.finditer(text):
        out.setdefault(fold(m.group(0)), m.start())
    return out


@lru_cache(maxsize=16)
def _lower_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case."""
    return frozenset(m.group(0) for m in _WORD.finditer(text) if m.group(0)[:1].islower())


def _acronym_as_word(f: Fact, side: DocumentFacts, mine: list[int], other: DocumentFacts, theirs: list[int]) -> bool:
    """An acronym in common use as a word (``ATM``, ``PTSD``, ``GOP``: see
    :func:`concord.facts.name_knowledge.common_acronym`) in a pair that translates each
    other faithfully: the other version gives its meaning (``cajero automático``), which is
    no difference to report."""
    return is_acronym(f.surface) and common_acronym(f.surface) \
        and faithfulness(side, mine, other, theirs) >= FAITHFUL


def _holed(facts: DocumentFacts, sents: list[int]) -> bool:
    return any(holed(facts.doc.sentences[i].text, _language(facts, facts.doc.sentences[i])) for i in sents)


def _opening_word(f: Fact, side: DocumentFacts) -> bool:
    """A single word opening its sentence or a quotation that the bilingual lexicon knows
    as a word of the language (``Esquivó``, ``Scuffles``), unless the document also capitalises it in
    mid-sentence: a capital that sentence position explains is weak evidence of a name."""
    if " " in f.surface.strip() or f.sentence is None or f.doc_start is None or keys_of(f.surface):
        return False
    s = side.doc.sentences[f.sentence]
    before = side.doc.text[s.start:f.doc_start].rstrip()
    # the sentence's first word, or a quotation's ("... is certain: "Offshore wind ...")
    if (before.strip("\"'“‘«¿¡(-—") and not before.endswith(("\"", "“", "«", "‘", ":"))) \
            or _doc_index(side).mid_sentence(f.surface):
        return False
    return known_word(f.surface, _language(side, s))


def holed(text: str, language: str | None = None) -> bool:
    """Whether a sentence shows a place where words were cut out: an article left before a
    stop, or a preposition before a stop it is spaced from (``in .``) or opening the
    sentence or before a comma inside it (``At, ...``, ``developed at, and``), a
    preposition before another or before a finite auxiliary (``those of in the team``,
    ``the failure in was``), an article that cannot stand alone before a preposition or a
    conjunction (``in the as a base``), two stops with nothing between them (``,,``), a
    stop spaced from its word (``the weekly .``), a possessive clitic with no word (``one
    of 's sons``), or, in a language
    whose clauses state their subject, a sentence opening on an auxiliary that asks nothing
    (``Has found sponsors in Germany.``) or a reporting verb with no speaker (``..."
    said.``). With ``language``, that language's words only."""
    key = (language, lang.compared())
    if key not in _HOLES:
        _HOLES[key] = _hole_patterns(language)
    return any(p.search(text) for p in _HOLES[key]) or bool(_verb_holes(text, language))


def _verb_holes(text: str, language: str | None) -> list[int]:
    """Where a preposition stands right before the base form of a verb that is never a
    noun (``the inhabitants of enjoy``: WordNet's verbs, in the language WordNet describes;
    not an infinitive marker, ``to enjoy``): the preposition's noun phrase is missing."""
    out = []
    for code in [language] if language in lang.LANGUAGES else lang.compared():
        if not lang.get(code).polarity.WORDNET:
            continue
        pattern = _VERB_HOLE.get(code)
        if pattern is None:  # built once per language (the prepositions' lexicon look-ups are slow)
            p = lang.get(code).names
            preps = sorted(w for w in _pure(p.PREPOSITIONS, code) if w not in p.INFINITIVE_MARKERS)
            pattern = _VERB_HOLE[code] = re.compile(rf"(?:^|\s)(?i:{'|'.join(preps)})\s+([a-z]+)\b")
        out += [m.start() for m in pattern.finditer(text) if only_verb(m.group(1))]
    return out


_VERB_HOLE: dict[str, re.Pattern[str]] = {}


def _other_words(other: DocumentFacts, sents: list[int]) -> list[tuple[str, str | None]]:
    """The words of ``other``'s sentences ``sents``, each with its language: the original
    text and its translation into the pivot language."""
    out: list[tuple[str, str | None]] = []
    for i in sents:
        s = other.doc.sentences[i]
        out += [(w, _language(other, s)) for w in _WORD.findall(s.text)]
        if s.translation:
            out += [(w, other.pivot) for w in _WORD.findall(s.translation)]
    return out


_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def rendered(f: Fact, side: DocumentFacts, other: DocumentFacts, theirs: list[int]) -> bool:
    """Whether name ``f`` of ``side`` is stated in another form in ``other``'s sentences
    ``theirs`` (:func:`concord.facts.name_knowledge.name_rendered`, and a clipping or an
    abbreviation of a longer word there)."""
    s = side.doc.sentences[f.sentence] if f.sentence is not None else None
    language = _language(side, s) if s is not None else side.doc.language
    words = _other_words(other, theirs)
    if name_rendered(f.surface, language, words):
        return True
    if s is not None and _mt_rendering(f, s, words):
        return True
    # an acronym and its expansion, in either language (``ICJ`` / ``Tribunal Internacional
    # de Justicia``)
    if is_acronym(f.surface):
        if expansion_in(f.surface, words):
            return True
    elif " " in f.surface.strip():
        mine = [(w, language) for w in _WORD.findall(f.surface)]
        if any(is_acronym(w) and expansion_in(w, mine) for w, _ in words):
            return True
    if len(f.surface.split()) == 1:
        end = f.doc_end if f.doc_end is not None else -1
        abbreviation = 0 <= end < len(side.doc.text) and side.doc.text[end] == "."
        return any(clipped(f.surface, w, abbreviation) for w, _ in words)
    return False


def _positional(f: Fact, side: DocumentFacts, other: DocumentFacts, theirs: list[int]) -> bool:
    """A single capitalised word opening its sentence, which the NER model does not take
    for a person or place, written in lower case in the other version's aligned sentences
    (``Geophysicists`` / ``los geofísicos``): a common noun capitalised by its position."""
    if " " in f.surface.strip() or f.surface.isupper() or f.sentence is None or f.doc_start is None:
        return False
    if f.entity and f.entity != _MISC:
        return False
    s = side.doc.sentences[f.sentence]
    if f.doc_start - s.start > 2 or _doc_index(side).mid_sentence(f.surface):
        return False
    words = [(w, _language(other, other.doc.sentences[i])) for i in theirs
             for w in _WORD.findall(other.doc.sentences[i].text)]
    return lower_case_form(f.surface, _language(side, s), words)


def _mt_rendering(f: Fact, s: Sentence, words: list[tuple[str, str | None]]) -> bool:
    """A name MT translated (``Escocia`` -> ``Scotland``, ``Londres`` -> ``London``: its
    words are not in the sentence's translation) whose sentence's translation has a
    capitalised word the original lacks that the other version writes too."""
    if not s.translation or name_in(f.surface, s.translation):
        return False
    own = folded_words(s.text)
    made = {fold(w) for w in _WORD.findall(s.translation)[1:] if w[:1].isupper()} - own
    # the rendering of this name, not of another: it begins as one of the name's words does
    made = {m for m in made if any(same_start(m, t) for t in _WORD.findall(f.surface))}
    return bool(made) and any(w[:1].isupper() and fold(w) in made for w, _ in words)


def _expanded(acronym: str, other: DocumentFacts, theirs: list[int]) -> bool:
    """The acronym's expansion is written in the other version's aligned sentences (their
    text or translation): a capitalised sequence whose initials it is."""
    for i in theirs:
        s = other.doc.sentences[i]
        for text in (s.text, s.translation or ""):
            if any(acronym_of(acronym, g.surface) for g in extract_names(text, None)):
                return True
    return False


def _pronoun_for(f: Fact, side: DocumentFacts, mine: list[int], other: DocumentFacts, theirs: list[int]) -> bool:
    """A person's name the other version gives as a pronoun: its aligned sentences (in the
    pivot language) hold more third-person pronouns than the name's own, one of them at
    about the name's place (a fifth of the sentence either way: a pro-drop language's
    translation adds pronouns for its unstated subjects elsewhere in the sentence)."""
    if _ENTITY_KIND.get(f.entity or "") != "person" or f.doc_start is None:
        return False

    def pronouns(facts: DocumentFacts, sents: list[int]) -> list[float]:
        text = " ".join(facts.doc.sentences[i].pivot_text for i in sents)
        return [m.start() / max(len(text), 1) for m in _WORD.finditer(text.lower()) if m.group(0) in _PRONOUNS]

    start, length = _span(side, mine)
    at = (f.doc_start - start) / max(length, 1)
    theirs_at = pronouns(other, theirs)
    return len(theirs_at) > len(pronouns(side, mine)) and any(abs(p - at) <= 0.2 for p in theirs_at)


def faithfulness(A: DocumentFacts, a_sents: list[int], B: DocumentFacts, b_sents: list[int]) -> float:
    """How fully each side of an aligned pair carries the other's content words (names
    aside), in the pivot language: the smaller of the two shares, 0 to 1."""
    fa = features(" ".join(A.doc.sentences[i].pivot_text for i in a_sents))
    fb = features(" ".join(B.doc.sentences[i].pivot_text for i in b_sents))
    return min(contained(fa, fb), contained(fb, fa))


def _rule_names(side: DocumentFacts, sents: list[int], have: list[Fact], other: DocumentFacts,
                other_texts: Sequence[str | TextIndex]) -> list[Fact]:
    out = []
    for i in sents:
        s = side.doc.sentences[i]
        found = extract_names(s.text, _language(side, s), side.doc.text)
        if side.doc.prealigned:  # a user-interface string: capitals of style are no names
            found = label_names(s.text, found, _language(side, s))
        for f in found:
            f.doc_start, f.doc_end, f.sentence = s.start + f.start, s.start + f.end, i
            if any(h.sentence == i and (fold(f.surface) in fold(h.surface)
                                                    or fold(h.surface) in fold(f.surface)) for h in have):
                continue
            if is_nationality(f.surface) or sentence_initial_word(s, f, side) \
                    or not_a_name(f, s, side, False) or matched(f, side, other, other_texts):
                continue  # (a Roman numeral, an era: no counterpart of a name)
            # the label the NER model gave the same words, if it found them
            f.entity = next((g.entity for g in side.names.get(i, []) if fold(g.surface) == fold(f.surface)), None)
            out.append(f)
    return out


def _slip(x: str, y: str) -> bool:
    """A misspelling (:func:`typo`), unless the two are one acronym with its letters in
    another order: acronyms are reordered between languages (``LGBT`` / ``LGTB``)."""
    return typo(x, y) and not same_letters(x, y)


def _same_name(x: str, y: str) -> bool:
    """Two names that are one name in two spellings, or two acronyms of one another, or one
    name and its plural (``B-29`` / ``B-29s``)."""
    if fold(x).rstrip("s") == fold(y).rstrip("s"):
        return True
    if is_acronym(x) and is_acronym(y):
        return True  # (letters reordered: LGBT / LGTB, OTAN / NATO)
    if (is_acronym(x) and acronym_of(x, y)) or (is_acronym(y) and acronym_of(y, x)):
        return True
    return cognate(x, y)
