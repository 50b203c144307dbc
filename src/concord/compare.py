"""Findings: what differs between two aligned versions.

Each check is a small named function with a docstring saying what it flags and why
(in the manner of translate-toolkit's pofilter). Categories follow the MQM accuracy
typology; the severity rule of each check is in its docstring and in the README.
Every finding carries evidence text and offsets on both sides and a stable id (a hash of
the category and the normalised evidence), so baselines survive re-runs.
"""

from __future__ import annotations

import hashlib
import re
from functools import cached_property

from .align import Bead, _contained, _dice, features
from .document import Document, Sentence
from .facts import Fact, extract_dates, extract_names, extract_numbers, extract_quotes, fold
from .facts.base import stem
from .facts.dates import compatible, date_key
from .facts.name_match import name_differences
from .facts.names import folded_words, is_descriptive, names_from_entities, significant_tokens
from .facts.numbers import number_key, same_number

PIVOT_DEFAULT = "en"
CATEGORIES = ("number", "name", "date", "quote", "omission", "addition", "language")
SEVERITIES = ("error", "warning", "info")


# --- helpers ----------------------------------------------------------------------

def _evidence(doc: Document, sents: list[int], fact: Fact | None = None) -> dict | None:
    if not sents:
        return None
    if fact is not None and "abs_start" in fact.extra:
        start, end = fact.extra["abs_start"], fact.extra["abs_end"]
        text = doc.text[start:end]
    else:
        start = doc.sentences[sents[0]].start
        end = doc.sentences[sents[-1]].end
        text = doc.text[start:end]
    line, col = doc.line_col(start)
    return {"document": doc.id, "sentences": list(sents), "text": text, "start": start,
            "end": end, "line": line, "column": col}


def _stable_id(category: str, *parts: str) -> str:
    norm = "\x1f".join(" ".join(fold(p or "").split()) for p in parts)
    return hashlib.sha256(f"{category}\x1f{norm}".encode()).hexdigest()[:16]


def _finding(category, severity, message, a, b, key_a=None, key_b=None, **extra) -> dict:
    """One finding. Its id hashes the category and the keys (the normalised facts; the
    evidence text when no key is given; "" for the side that lacks the fact), so it does
    not change when unrelated text around the evidence changes."""
    if key_a is None:
        key_a = (a or {}).get("text", "")
    if key_b is None:
        key_b = (b or {}).get("text", "")
    f = {
        "id": _stable_id(category, key_a, key_b),
        "category": category,
        "severity": severity,
        "message": message,
        "a": a,
        "b": b,
    }
    f.update(extra)
    return f


class _Side:
    """Facts of one document, per sentence, read from the original and the translation."""

    def __init__(self, doc: Document, ner=None):
        self.doc = doc
        self.numbers: dict[int, list[Fact]] = {}
        self.dates: dict[int, list[Fact]] = {}
        self.names: dict[int, list[Fact]] = {}
        self.quotes: dict[int, list[Fact]] = {}
        context = doc.text
        entities = _entities(doc, ner)
        for s in doc.sentences:
            lang = s.language or doc.language
            dates = extract_dates(s.text, lang)
            for f in dates:
                self._absolute(f, s)
            nums = [n for n in extract_numbers(s.text, lang)
                    if not any(d.start <= n.start and n.end <= d.end for d in dates)]
            # span-level language: a Spanish date inside an English sentence
            for sp in s.spans:
                for f in extract_dates(sp.text, sp.language):
                    f.start += sp.start - s.start
                    f.end += sp.start - s.start
                    if not any(d.start <= f.start < d.end for d in dates):
                        dates.append(self._absolute(f, s))
            for f in nums:
                self._absolute(f, s)
            self.numbers[s.index] = [n for n in nums if not _is_year_like(n, dates)]
            self.dates[s.index] = dates
            names = (names_from_entities(s.text, entities[s.index], lang, context) if s.index in entities
                     else extract_names(s.text, lang, context))
            self.names[s.index] = [self._absolute(f, s) for f in names]
            self.quotes[s.index] = [self._absolute(f, s) for f in extract_quotes(s.text, lang)]
        self.pivot_text = " ".join(s.pivot_text for s in doc.sentences)
        self.source_text = doc.text

    @cached_property
    def rendered(self) -> dict[int, frozenset]:
        """Names that MT partly translated, by fact id: the word stems of the words MT kept.
        ``Los Caballeros Templarios`` -> ``The Knights Templarios``: kept ``templarios``,
        so ``{"templ"}``; a name MT left whole (a person's) is not in the table."""
        out = {}
        for s in self.doc.sentences:
            if not s.translation or (s.language or self.doc.language) == PIVOT_DEFAULT:
                continue
            trans = folded_words(s.translation)
            for f in self.names.get(s.index, []):
                toks = significant_tokens(f.surface)
                kept = [t for t in toks if t in trans]
                if kept and len(kept) < len(toks):
                    out[id(f)] = frozenset(stem(t) for t in kept)
        return out

    @staticmethod
    def _absolute(f: Fact, s: Sentence) -> Fact:
        f.extra["abs_start"] = s.start + f.start
        f.extra["abs_end"] = s.start + f.end
        f.extra["sentence"] = s.index
        return f

    def all(self, table: dict[int, list[Fact]], sents) -> list[Fact]:
        return [f for i in sents for f in table.get(i, [])]


def _entities(doc: Document, ner) -> dict[int, list]:
    """NER entities per sentence index, for the sentences whose language has a model
    (one batch per language); sentences of other languages use the rule extractor."""
    if ner is None:
        return {}
    by_lang: dict[str, list[Sentence]] = {}
    for s in doc.sentences:
        lang = s.language or doc.language
        if ner.available(lang):
            by_lang.setdefault(lang, []).append(s)
    out = {}
    for lang, sents in by_lang.items():
        for s, ents in zip(sents, ner.entities([s.text for s in sents], lang)):
            out[s.index] = ents
    return out


def _is_year_like(n: Fact, dates: list[Fact]) -> bool:
    """A bare year that is already part of a date fact, or a day number of a date."""
    v = n.value
    return float(v).is_integer() and any(d.value[0] == int(v) for d in dates if d.value[0])


# --- checks -----------------------------------------------------------------------

def check_numbers(A: _Side, B: _Side, bead: Bead) -> list[dict]:
    """Numbers that differ within an aligned pair of sentences.

    Flags a number changed between versions (``12`` vs ``14``; error) and a number present
    on one side only (warning) unless it appears anywhere in the other version (it moved).
    Values are compared, not strings: ``1.500`` (es) = ``1,500`` (en), ``siete`` = ``7``,
    ``50 por ciento`` = ``50%``. Ordinals count only against ordinals.
    """
    na = A.all(A.numbers, bead.a)
    nb = B.all(B.numbers, bead.b)
    left = list(na)
    right = list(nb)
    for x in list(left):
        for y in right:
            if same_number(x, y) and x.extra.get("ordinal", False) == y.extra.get("ordinal", False):
                left.remove(x)
                right.remove(y)
                break
    # ordinals may come out as cardinals ("third" vs "3ª"): match by value as a fallback
    for x in list(left):
        for y in right:
            if same_number(x, y):
                left.remove(x)
                right.remove(y)
                break
    out = []
    doc_b_vals = [f for fs in B.numbers.values() for f in fs]
    doc_a_vals = [f for fs in A.numbers.values() for f in fs]
    left = [x for x in left if not x.extra.get("ordinal")]
    right = [y for y in right if not y.extra.get("ordinal")]
    pairs = list(zip(left, right)) if left and right else []
    for x, y in pairs:
        out.append(_finding(
            "number", "error",
            f"Number changed: {A.doc.id} says {x.surface!r}, {B.doc.id} says {y.surface!r}.",
            _evidence(A.doc, bead.a, x), _evidence(B.doc, bead.b, y),
            number_key(x), number_key(y)))
    for x in left[len(pairs):]:
        if any(same_number(x, y) for y in doc_b_vals):
            continue
        out.append(_finding("number", "warning",
                            f"Number {x.surface!r} is in {A.doc.id} but not in {B.doc.id}.",
                            _evidence(A.doc, bead.a, x), _evidence(B.doc, bead.b),
                            number_key(x), ""))
    for y in right[len(pairs):]:
        if any(same_number(x, y) for x in doc_a_vals):
            continue
        out.append(_finding("number", "warning",
                            f"Number {y.surface!r} is in {B.doc.id} but not in {A.doc.id}.",
                            _evidence(A.doc, bead.a), _evidence(B.doc, bead.b, y),
                            "", number_key(y)))
    return out


def check_dates(A: _Side, B: _Side, bead: Bead) -> list[dict]:
    """Dates that differ within an aligned pair (error), or a weekday that contradicts its
    date (warning). ``20 de enero, 2026`` = ``January 20, 2026``; a date agrees with another
    when every field both give (year, month, day) is equal."""
    da = A.all(A.dates, bead.a)
    db = B.all(B.dates, bead.b)
    out = []
    left = [x for x in da if not any(compatible(x.value, y.value) for y in db)]
    right = [y for y in db if not any(compatible(x.value, y.value) for x in da)]
    for x in left:
        # a conflicting date on the other side: same kind of date (both have a day or month)
        rivals = [y for y in right if (x.value[2] is None) == (y.value[2] is None)
                  and (x.value[1] is None) == (y.value[1] is None)]
        if rivals:
            y = rivals[0]
            right.remove(y)
            out.append(_finding("date", "error",
                                f"Date changed: {A.doc.id} says {x.surface!r}, {B.doc.id} says {y.surface!r}.",
                                _evidence(A.doc, bead.a, x), _evidence(B.doc, bead.b, y),
                                date_key(x.value), date_key(y.value)))
    for side, facts in ((A, da), (B, db)):
        for f in facts:
            if f.extra.get("weekday_ok") is False:
                ev = _evidence(side.doc, bead.a if side is A else bead.b, f)
                out.append(_finding("date", "warning",
                                    f"Weekday does not match the date in {side.doc.id}: {f.surface!r}.",
                                    ev if side is A else None, ev if side is B else None,
                                    "weekday", date_key(f.value)))
    return out


def check_names(A: _Side, B: _Side, aligned: list[Bead]) -> list[dict]:
    """Names that differ between aligned sentences (see :mod:`concord.facts.name_match`).

    A name is looked for in the aligned sentences of the other version, then in the whole
    other version, in both languages (spelling, CLDR names, defined acronyms, MT). What is
    left becomes a finding by its evidence: *misspelt* (``Clinton`` / ``Clitnon``) and
    *replaced* (a name the other version never mentions, another name in its place) are
    warnings; a name with no counterpart that translators may have rendered otherwise (an
    exonym, an acronym, a form specific to one language) is a candidate, reported as info.
    Reported once per name, at its first place.
    """
    out = []
    for d in name_differences(A, B, aligned):
        ev_a = _evidence(A.doc, d.a_sents, d.a)
        ev_b = _evidence(B.doc, d.b_sents, d.b)
        sev = "warning" if d.strong else "info"
        if d.kind == "misspelt":
            msg = f"Name spelt differently: {A.doc.id} says {d.a.surface!r}, {B.doc.id} says {d.b.surface!r}."
        elif d.kind == "replaced":
            msg = f"Name changed: {A.doc.id} says {d.a.surface!r}, {B.doc.id} says {d.b.surface!r}."
        else:
            f, mine, theirs = (d.a, A, B) if d.a is not None else (d.b, B, A)
            msg = f"Name {f.surface!r} appears only in {mine.doc.id}."
        out.append(_finding("name", sev, msg, ev_a, ev_b, fold(d.a.surface) if d.a else "",
                            fold(d.b.surface) if d.b else "", classification=d.kind))
    return out


# a phrase set off by a comma (optional after an alias, whose comma may sit inside its quotes)
_APPOSITIVE = re.compile(r"\s*(?P<comma>,?)\s*(?P<role>[^,.;:()“”\"]{3,120}?)\s*(?=[,.;:()]|$)")
_ALIAS_AFTER = re.compile(
    r"\s*,?\s*(?:alias|known as|conocido como|apodado|a\.k\.a\.)\s*"
    r"(?:[“\"«‘][^”\"»’]{1,60}[”\"»’]|[^,.;]{1,40}(?=,))", re.I)


def _appositive(text: str, name: str) -> tuple[int, str] | None:
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
    return a.start("role"), a.group("role")


def check_roles(A: _Side, B: _Side, bead: Bead) -> list[dict]:
    """A person both versions name in aligned sentences, described differently
    (``X, number two of the cartel`` vs ``X, father of a cartel member``): warning.

    Compared in the pivot language (the translation of a translated sentence), by shared
    content words; a role stated on one side only is not flagged (wire copy often drops
    an apposition)."""
    out = []
    for f in A.all(A.names, bead.a):
        if len(significant_tokens(f.surface)) < 2 or is_descriptive(f.surface):
            continue  # people: a first name and a surname at least
        s_a = A.doc.sentences[f.extra["sentence"]]
        for g in B.all(B.names, bead.b):
            if fold(g.surface) != fold(f.surface):
                continue
            s_b = B.doc.sentences[g.extra["sentence"]]
            ra = _appositive(s_a.pivot_text, f.surface)
            rb = _appositive(s_b.pivot_text, g.surface)
            if ra is None or rb is None:
                break
            fa, fb = features(ra[1]), features(rb[1])
            if len(fa.stems) < 2 or len(fb.stems) < 2 or _dice(fa.stems, fb.stems) >= 0.25:
                break
            ev_a = _evidence(A.doc, [s_a.index])
            ev_b = _evidence(B.doc, [s_b.index])
            if s_a.translation is None:
                ev_a = _span_evidence(A.doc, s_a, ra[0], ra[1]) or ev_a
            if s_b.translation is None:
                ev_b = _span_evidence(B.doc, s_b, rb[0], rb[1]) or ev_b
            msg = f"{f.surface} is described differently: {ra[1]!r} vs {rb[1]!r}."
            out.append(_finding("name", "warning", msg, ev_a, ev_b, f.surface + " " + ra[1],
                                f.surface + " " + rb[1], classification="role"))
            break
    return out


def _span_evidence(doc: Document, s: Sentence, offset: int, text: str) -> dict | None:
    start = s.start + offset
    if doc.text[start:start + len(text)] != text:
        return None
    line, col = doc.line_col(start)
    return {"document": doc.id, "sentences": [s.index], "text": text, "start": start,
            "end": start + len(text), "line": line, "column": col}


def _quote_similarity(x: str, y: str) -> float:
    """Similarity of two quotes in the pivot language: half shared content words (stems,
    so MT wording and human wording meet), half character-level (rapidfuzz)."""
    from rapidfuzz import fuzz

    def norm(t: str) -> str:
        return " ".join(re.findall(r"\w+", fold(t)))

    chars = fuzz.token_set_ratio(norm(x), norm(y)) / 100.0 * 0.5 + fuzz.ratio(norm(x), norm(y)) / 100.0 * 0.5
    return 0.5 * _dice(features(x).stems, features(y).stems) + 0.5 * chars


def _carried(quote: str, text: str) -> float:
    """Share of a quote's content words (stems and numbers) found in ``text``."""
    return _contained(features(quote), features(text)) if text else 0.0


def _pivot_quote(side: _Side, q: Fact) -> str:
    """The quote in the pivot language: for a translated sentence, the quoted part of the
    translation (MT keeps the quotation marks), else the whole translation."""
    s = side.doc.sentences[q.extra["sentence"]]
    if not s.translation:
        return q.value
    found = extract_quotes(s.translation)
    if len(found) == 1:
        return found[0].value
    return s.translation


def check_quotes(A: _Side, B: _Side, bead: Bead, cross_language: bool) -> list[dict]:
    """Quotes compared with the aligned text of the other version, classified as
    *same* (no finding), *reworded* with the meaning kept (info), *changed meaning* (error),
    *paraphrased without quotation marks* (warning) or *missing* (warning).

    Across languages a quote is compared through the translation, which never reproduces a
    human translation word for word: a close enough match counts as the same quote.
    """
    out = []
    same_at = 0.72 if cross_language else 0.93
    kept_at = 0.40 if cross_language else 0.55
    for side, other, mine, theirs, is_a in ((A, B, bead.a, bead.b, True), (B, A, bead.b, bead.a, False)):
        other_quotes = other.all(other.quotes, theirs)
        other_text = " ".join(other.doc.sentences[i].pivot_text for i in theirs)
        for q in side.all(side.quotes, mine):
            qp = _pivot_quote(side, q)
            best, best_q = 0.0, None
            for oq in other_quotes:
                sim = _quote_similarity(qp, _pivot_quote(other, oq))
                if sim > best:
                    best, best_q = sim, oq
            ev_self = _evidence(side.doc, mine, q)
            ev_other = _evidence(other.doc, theirs, best_q) if best_q is not None else _evidence(other.doc, theirs)
            if best_q is not None and best >= kept_at:
                if not is_a or best >= same_at or cross_language:
                    continue  # the same quote (reported once, from A)
                out.append(_finding("quote", "info",
                                    f"Quote reworded (meaning kept): {q.surface!r} vs {best_q.surface!r}.",
                                    ev_self, ev_other, q.value, best_q.value, classification="reworded"))
                continue
            if not theirs:
                continue  # the whole sentence is missing: reported as omission/addition
            if best_q is not None:
                if not is_a:
                    continue  # reported once, from A
                msg = f"Quote says something else: {q.surface!r} vs {best_q.surface!r}."
                cls, sev = "changed", "error"
            elif _carried(qp, other_text) >= 0.5:
                msg = (f"Quote in {side.doc.id} is paraphrased without quotation marks in "
                       f"{other.doc.id}: {q.surface!r}.")
                cls, sev = "paraphrased", "warning"
            else:
                msg = f"Quote in {side.doc.id} is missing from {other.doc.id}: {q.surface!r}."
                cls, sev = "missing", "warning"
            out.append(_finding("quote", sev, msg, ev_self if is_a else ev_other,
                                ev_other if is_a else ev_self,
                                q.value if is_a else "", "" if is_a else q.value, classification=cls))
    return out


def _facts_of(side: _Side, i: int) -> list[str]:
    facts = []
    facts += [f.surface for f in side.numbers.get(i, [])]
    facts += [f.surface for f in side.dates.get(i, [])]
    facts += [f.surface for f in side.names.get(i, [])]
    facts += ["“" + f.surface + "”" for f in side.quotes.get(i, [])]
    return facts


def check_unaligned(A: _Side, B: _Side, beads: list[Bead]) -> list[dict]:
    """Sentences of one version with no counterpart in the other.

    ``omission`` (only in A) and ``addition`` (only in B). Severity: warning when the
    sentence carries facts (numbers, dates, names, quotes), listed in the message; info for
    sentences without facts (a heading, a transition).
    """
    matched_a = {i for bd in beads if bd.kind in ("moved", "repeated") for i in bd.a}
    matched_b = {j for bd in beads if bd.kind in ("moved", "repeated") for j in bd.b}
    out = []
    for bd in beads:
        if bd.kind == "omission" and bd.a[0] not in matched_a:
            i = bd.a[0]
            facts = _facts_of(A, i)
            sev = "warning" if facts else "info"
            extra = f" It carries: {', '.join(dict.fromkeys(facts))}." if facts else ""
            out.append(_finding("omission", sev,
                                f"Sentence of {A.doc.id} has no counterpart in {B.doc.id}.{extra}",
                                _evidence(A.doc, [i]), None, facts=facts))
        elif bd.kind == "addition" and bd.b[0] not in matched_b:
            j = bd.b[0]
            facts = _facts_of(B, j)
            sev = "warning" if facts else "info"
            extra = f" It carries: {', '.join(dict.fromkeys(facts))}." if facts else ""
            out.append(_finding("addition", sev,
                                f"Sentence of {B.doc.id} has no counterpart in {A.doc.id}.{extra}",
                                None, _evidence(B.doc, [j]), facts=facts))
    return out


def check_unaligned_numbers(A: _Side, B: _Side, beads: list[Bead]) -> list[dict]:
    """Numbers in an omitted or added sentence that the other version never states
    (warning): a figure only one version gives (``320 tons``)."""
    out = []
    matched_a = {i for bd in beads if bd.kind in ("moved", "repeated") for i in bd.a}
    matched_b = {j for bd in beads if bd.kind in ("moved", "repeated") for j in bd.b}
    a_all = [f for fs in A.numbers.values() for f in fs]
    b_all = [f for fs in B.numbers.values() for f in fs]
    for bd in beads:
        if bd.kind == "omission" and bd.a[0] not in matched_a:
            for x in A.numbers.get(bd.a[0], []):
                if not x.extra.get("ordinal") and not any(same_number(x, y) for y in b_all):
                    out.append(_finding("number", "warning",
                                        f"Number {x.surface!r} is in {A.doc.id} only.",
                                        _evidence(A.doc, bd.a, x), None, number_key(x), ""))
        elif bd.kind == "addition" and bd.b[0] not in matched_b:
            for y in B.numbers.get(bd.b[0], []):
                if not y.extra.get("ordinal") and not any(same_number(x, y) for x in a_all):
                    out.append(_finding("number", "warning",
                                        f"Number {y.surface!r} is in {B.doc.id} only.",
                                        None, _evidence(B.doc, bd.b, y), "", number_key(y)))
    return out


def check_language(doc: Document, is_a: bool = True) -> list[dict]:
    """Spans in another language than their sentence (info): a Spanish byline in an
    English article, an English quote in a Spanish one. They are translated like any
    other text; the finding says where they are."""
    out = []
    for s in doc.sentences:
        for sp in s.spans:
            line, col = doc.line_col(sp.start)
            ev = {"document": doc.id, "sentences": [s.index], "text": sp.text, "start": sp.start,
                  "end": sp.end, "line": line, "column": col}
            out.append(_finding("language", "info",
                                f"{sp.language!r} text inside a {s.language!r} sentence of {doc.id}: {sp.text!r}.",
                                ev if is_a else None, None if is_a else ev,
                                f"{doc.id}:{sp.text}", sp.language))
    return out


# --- driver -----------------------------------------------------------------------

def document_facts(doc: Document, ner=None) -> _Side:
    """Extract the facts of one document once; ``compare_pair`` can reuse them. ``ner``
    (a :class:`concord.facts.ner.StanzaNER`) finds names where it has a model."""
    return _Side(doc, ner)


def compare_pair(doc_a: Document, doc_b: Document, beads: list[Bead], settings=None,
                 facts_a: _Side | None = None, facts_b: _Side | None = None) -> list[dict]:
    """All findings for one pair of aligned documents, in a stable order."""
    A = facts_a if facts_a is not None else _Side(doc_a)
    B = facts_b if facts_b is not None else _Side(doc_b)
    cross = (doc_a.language or "") != (doc_b.language or "")
    findings: list[dict] = []
    for bd in beads:
        if bd.kind in ("match", "moved", "repeated") and bd.a and bd.b:
            findings += check_numbers(A, B, bd)
            findings += check_dates(A, B, bd)
            findings += check_quotes(A, B, bd, cross)
            findings += check_roles(A, B, bd)
    findings += check_names(A, B, beads)
    findings += check_unaligned(A, B, beads)
    findings += check_unaligned_numbers(A, B, beads)
    findings += check_language(doc_a, True) + check_language(doc_b, False)
    return _finalise(findings, settings)


def _finalise(findings: list[dict], settings) -> list[dict]:
    severities = getattr(settings, "severities", {}) or {}
    ignore = {fold(t) for t in (getattr(settings, "ignore", []) or [])}
    out, seen = [], set()
    for f in findings:
        if f["id"] in seen:
            continue
        text = " ".join(fold((f.get(s) or {}).get("text", "")) for s in ("a", "b"))
        if ignore and any(t in text for t in ignore):
            continue
        seen.add(f["id"])
        if f["category"] in severities:
            f["severity"] = severities[f["category"]]
        out.append(f)

    def pos(f):
        a = f.get("a") or {}
        b = f.get("b") or {}
        return (a.get("start", 10**9), b.get("start", 10**9), f["category"], f["id"])

    return sorted(out, key=pos)
