"""Placeholder checks: the variables, inline codes and markup of a software string.

A translation unit of a translator file (PO, XLIFF, TMX) is a string a program fills in or
renders: ``%s``, ``%(name)s``, ``{0}``, ``{name}``, ``${x}``, ``%1`` are replaced by values,
``<ph>``/``<x/>``/``<bpt>`` stand for markup the translator must keep, and tags such as
``<b>`` are rendered. A placeholder dropped from the translation loses a value (a name, a
count), one added shows a value the source never printed, a changed one (``%d`` for
``%s``) breaks the program, and unnumbered printf directives (``%s ... %d``) are filled in
order, so swapping them swaps the values. Like translate-toolkit's ``variables``,
``printf`` and ``xmltags`` checks, this compares each unit's placeholders by identity (the
inline codes the reader recorded on the sentence, and those still written in its text),
never their translation. It runs on translator formats only (versions whose sentences are
units): a news article has no placeholder, so it never reports anything there.
"""

from __future__ import annotations

import re
from collections import Counter

from ..document import Bead, BeadKind, Category, Document, Finding, Severity
from .base import Pair, check, evidence

# printf directives (C, Python's %(name)s, positional %1$s; no space flag, which would
# read "50 % de" as a directive), brace fields ({0}, {name}, {0,number}), ${x}, Qt's %1,
# a name between percent signs (%count%: Symfony's and Drupal's message parameters, a
# Windows environment variable), a double-brace interpolation ({{ limit }}: Twig, Jinja,
# Angular, Handlebars, Mustache), and markup tags.
_PLACEHOLDER = re.compile(
    r"%(?:\d+\$)?(?:\([^)\s]*\))?[-+#0']*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|ll|[hlLqjzt])?[diouxXeEfFgGcspr@](?![A-Za-z])"
    r"|%L?\d{1,2}(?!\d)"
    r"|%[A-Za-z_][\w.-]*%"
    r"|\{\{[^{}\n]+\}\}"
    r"|\$\{[^{}\s]+\}"
    r"|(?<!\{)\{(?:\d+|[A-Za-z_][\w.]*)(?:[,:][^{}]*)?\}(?!\})"
    r"|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^<>]*?(/?)>")
_POSITIONAL = re.compile(r"%\d+\$|%\(")


def masked(text: str) -> str:
    """``text`` with the variables and markup written in it (``%s``, ``{0}``, ``{{ limit }}``,
    ``<b>``) blanked out, character for character (offsets keep): they are filled or
    rendered by the program, not words of the sentence, so a comparison of wording or
    polarity reads them as nothing (an identifier such as ``{{ compared_value }}`` is no
    content word tying two readings together)."""
    return _PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), text)


def _key(text: str) -> str:
    """What identifies a placeholder: its text, a tag by its name (attributes may be
    localised, an ``href`` for instance)."""
    text = text.strip()
    m = _TAG.fullmatch(text)
    if m:
        return f"<{m.group(1)}{m.group(2).lower()}{m.group(3)}>"
    if text.startswith("{{") and text.endswith("}}"):
        return "{{ " + " ".join(text[2:-2].split()) + " }}"  # spaces inside are layout: {{limit}}
    return text


# HTML's void elements (the HTML Living Standard, "void elements"): a start tag with no end
# tag. Any other start tag is markup only when its end tag follows.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})


def _markup(keys: list[str]) -> list[str]:
    """``keys`` without the angle-bracketed words that are no markup: a start tag that is
    neither void, self-closing nor closed later (``<unnamed>``, ``<sin nombre>``: text in
    angle brackets), an end tag nothing opened."""
    opened: list[int] = []
    keep = [True] * len(keys)
    for n, k in enumerate(keys):
        m = _TAG.fullmatch(k)
        if m is None or m.group(3) or m.group(2).lower() in _VOID:
            continue
        if not m.group(1):
            opened.append(n)
            keep[n] = False  # until its end tag comes
            continue
        start = next((j for j in reversed(opened) if keys[j] == f"<{m.group(2).lower()}>"), None)
        if start is None:
            keep[n] = False
        else:
            opened.remove(start)
            keep[start] = True
    return [k for k, kept in zip(keys, keep) if kept]


def placeholders(doc: Document, sentences: list[int], shown: dict[str, str] | None = None) -> list[str]:
    """The placeholders of ``sentences`` of ``doc`` in order: its recorded inline codes,
    then the variables and markup written in the text. A code is identified by the native
    code it holds, else by its kind and id: the text shown for it (XLIFF ``equiv-text``) is
    for people, and a tool writes it differently in the target or leaves it out. With
    ``shown`` (id -> the text shown for that code in either version, see :func:`_shown`), a
    code is given by that text (the ``%s`` it will be filled with)."""
    out: list[str] = []
    written: list[str] = []
    for i in sentences:
        s = doc.sentences[i]
        for kind, cid, text, native in s.codes:
            if shown is not None and cid in shown and not native:
                out.append(_key(shown[cid]))
            elif text.strip() and (native or not cid):
                out.append(_key(text))
            else:
                out.append(f"<{kind}{' ' + cid if cid else ''}>")
        written.extend(_key(m.group(0)) for m in _PLACEHOLDER.finditer(s.text))
    return out + _markup(written)


def _shown(*sides: tuple[Document, list[int]]) -> dict[str, str]:
    """The text shown for each code id in the versions of a unit (the first version that
    shows one wins)."""
    out: dict[str, str] = {}
    for doc, sentences in sides:
        for i in sentences:
            for _, cid, text, native in doc.sentences[i].codes:
                if cid and not native and text.strip():
                    out.setdefault(cid, text)
    return out


def _named(key: str) -> bool:
    """A placeholder filled by its name or number, not by its place: neither a tag nor an
    inline code (``<...>``) nor an unnumbered printf directive (:func:`_unnumbered`)."""
    return not key.startswith("<") and not _unnumbered([key])


def _unnumbered(keys: list[str]) -> list[str]:
    """The printf directives that are filled in order (no ``%1$``, no ``%(name)``)."""
    return [k for k in keys if k.startswith("%") and not _POSITIONAL.match(k) and not k[1:2].isdigit()]


@check("placeholder", Category.PLACEHOLDER, Severity.ERROR)
def placeholder_identity(pair: Pair, bead: Bead) -> list[Finding]:
    """A placeholder, inline code or tag of a unit is missing, added, changed or reordered.

    Translator formats only (PO, XLIFF, TMX units): a variable (``%s``, ``%(name)s``,
    ``{0}``, ``{name}``, ``${x}``, ``%1``), an inline code (``<ph>``, ``<x/>``, ``<bpt>``) or a
    markup tag in one version of a unit and not in the other, or unnumbered printf
    directives in another order (they are filled in order, so the values swap). The program
    would print a wrong or missing value, or fail.
    """
    if bead.kind in (BeadKind.OMISSION, BeadKind.ADDITION) or not bead.a or not bead.b:
        return []
    da, db = pair.A.doc, pair.B.doc
    if not (da.prealigned and db.prealigned):
        return []
    ka, kb = placeholders(da, bead.a), placeholders(db, bead.b)
    if not ka and not kb:
        return []
    ea, eb = evidence(da, bead.a), evidence(db, bead.b)
    unit = da.sentences[bead.a[0]].unit or ""
    where = f" (unit {unit})" if unit else ""
    out: list[Finding] = []
    only_a, only_b = Counter(ka) - Counter(kb), Counter(kb) - Counter(ka)
    for diff, other in ((only_a, kb), (only_b, ka)):
        # a placeholder filled by name or number (``{{ limit }}``, ``{0}``, ``%(n)d``) gets
        # its value however often it is written: a plural message that repeats it per form
        # (``{{ limit }} character|{{ limit }} characters``) against one form is no loss
        for key in [k for k in diff if k in other and _named(k)]:
            del diff[key]
    for diff in (only_a, only_b):  # a tag pair is one finding, reported at its opening tag
        for key in [k for k in diff if k.startswith("</") and diff[k] == diff.get(f"<{k[2:]}")]:
            del diff[key]
    for key in sorted(only_a):
        out.append(pair.finding("placeholder", Severity.ERROR,
                                f"Placeholder {key!r}{where} is in {da.id}, not in {db.id}.",
                                ea, eb, f"{unit}\x1f{key}", ""))
    for key in sorted(only_b):
        out.append(pair.finding("placeholder", Severity.ERROR,
                                f"Placeholder {key!r}{where} is in {db.id}, not in {da.id}.",
                                ea, eb, "", f"{unit}\x1f{key}"))
    if not out:
        shown = _shown((da, bead.a), (db, bead.b))
        oa, ob = _unnumbered(placeholders(da, bead.a, shown)), _unnumbered(placeholders(db, bead.b, shown))
        if oa != ob:
            out.append(pair.finding("placeholder", Severity.ERROR,
                                    f"Placeholders {' '.join(oa)!r}{where} are filled in order; {db.id} has them "
                                    f"as {' '.join(ob)!r}, so the values swap.",
                                    ea, eb, f"{unit}\x1f{' '.join(oa)}", f"{unit}\x1f{' '.join(ob)}"))
    return out
