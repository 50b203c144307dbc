"""Gettext PO: ``msgid`` is the source, ``msgstr`` (``msgstr[0]`` for plurals) the target;
two prealigned versions, one block per entry. The header entry and obsolete (``#~``)
entries are left out; an entry without a translation is counted in a warning. The target
language comes from the header's ``Language:`` field, the source language from
``X-Source-Language:`` when present. An entry flagged ``fuzzy`` is left out and counted in
a warning too: its translation was made for an earlier source string and gettext does not
use it (``msgfmt`` leaves it out of the compiled catalogue), so the program shows the
source string there, and comparing the stale translation with the new source would report
differences nobody sees. The unit id is the ``msgctxt`` when there is one,
else the entry's number.

An entry flagged as a format string (``#, c-format``, ``python-format``,
``python-brace-format``, ``qt-format``...) holds placeholders (``%s``, ``%(name)d``,
``{0}``, ``%1``): they are left out of the text as inline codes are (a space, so the words
around them never join, recorded on the version's ``codes``), and an escaped ``%%`` or
``{{`` reads as the one character it stands for. The translators' credit message
(``translator-credits``; KDE's ``NAME OF TRANSLATORS`` and ``EMAIL OF TRANSLATORS``
contexts) holds names, not a translation, and is left out. Access-key markers (``_File``,
``&File``) are not text (:func:`~concord.formats.base.strip_accelerators`)."""

from __future__ import annotations

import re

from ..errors import InputError
from .base import Code, Version, unit_versions

NAME = "po"
_KEYWORD = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+"')
# Placeholders by format flag: printf-style directives (C and the languages that copied
# them, Python's %(name)s), brace fields (Python str.format, Java MessageFormat, C#), and
# Qt/KDE's numbered %1.
_PRINTF = re.compile(r"%%|%(?:\d+\$)?(?:\([^)\n]*\))?[-+ #0']*(?:\*|\d+)?(?:\.(?:\*|\d+))?"
                     r"(?:hh|ll|I64|I32|[hlLqjzt])?[diouxXeEfFgGaAcspnrm@]")
_BRACE = re.compile(r"\{\{|\}\}|\{[^{}\n]*\}")
_NUMBERED = re.compile(r"%%|%L?\d{1,2}")
_FLAG_SYNTAX = {
    **{f"{lang}-format": _PRINTF for lang in ("c", "objc", "python", "php", "perl", "javascript",
                                              "gcc-internal", "gfc-internal", "awk", "lua", "ruby",
                                              "sh", "object-pascal", "tcl")},
    **{f"{lang}-format": _BRACE for lang in ("python-brace", "java", "csharp")},
    "qt-format": _NUMBERED, "kde-format": _NUMBERED,
}
_ESC = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _quoted(source: str, i: int, name: str) -> tuple[list[tuple[str, int]], int]:
    """The characters of a quoted PO string starting at the quote ``source[i]``."""
    out: list[tuple[str, int]] = []
    i += 1
    while True:
        if i >= len(source) or source[i] == "\n":
            line = source.count("\n", 0, i) + 1
            raise InputError(f"{name}: not a valid PO file (line {line}: unterminated string)")
        ch = source[i]
        if ch == '"':
            return out, i + 1
        if ch == "\\" and i + 1 < len(source):
            out.append((_ESC.get(source[i + 1], source[i + 1]), i))
            i += 2
        else:
            out.append((ch, i))
            i += 1


def parse_po(source: str, name: str) -> list[dict[str, list[tuple[str, int]]]]:
    """PO entries as dicts: keyword -> character/offset pairs (``msgstr[0]`` as ``msgstr``;
    the entry's flags, ``#,`` comments, as ``#,``)."""
    entries: list[dict[str, list[tuple[str, int]]]] = []
    current: dict[str, list[tuple[str, int]]] = {}
    field = None
    flags: list[tuple[str, int]] = []  # the "#," lines read before the next entry starts
    pos = 0
    for lineno, line in enumerate(source.split("\n"), 1):
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if stripped.startswith("#,"):
            at = start + line.index("#,") + 2
            flags.extend([(ch, at + k) for k, ch in enumerate(line[line.index("#,") + 2:])] + [(",", at)])
        if not stripped or stripped.startswith("#"):
            # Comments, and obsolete entries (every line of which is a "#~" comment).
            field = None if not stripped else field
            continue
        indent = len(line) - len(line.lstrip())
        m = _KEYWORD.match(line, indent)
        if m:
            key = m.group(1)
            if (key == "msgctxt" and ("msgctxt" in current or "msgid" in current)) or \
                    (key == "msgid" and "msgid" in current):
                entries.append(current)
                current = {}
            if flags and not current:
                current["#,"], flags = flags, []
            if m.group(2) is not None:
                key = "msgstr" if m.group(2) == "0" else "msgstr_other"
            chars, _ = _quoted(source, start + m.end() - 1, name)
            current.setdefault(key, []).extend(chars)
            field = key
        elif stripped.startswith('"') and field:
            chars, _ = _quoted(source, start + indent, name)
            current[field].extend(chars)
        else:
            raise InputError(f"{name}: not a valid PO file (line {lineno}: {stripped[:40]!r})")
    if current:
        entries.append(current)
    return entries


def _header(entries: list[dict[str, list[tuple[str, int]]]]) -> dict[str, str]:
    for e in entries:
        if e.get("msgid") == [] and "msgctxt" not in e:
            text = "".join(ch for ch, _ in e.get("msgstr", []))
            return {k.strip().lower(): v.strip() for k, _, v in
                    (line.partition(":") for line in text.split("\n") if ":" in line)}
    return {}


def _placeholders(chars: list[tuple[str, int]], syntax: re.Pattern[str] | None,
                  kind: str, codes: list[Code]) -> list[tuple[str, int]]:
    """The text of a format string with its placeholders left out (a space each, recorded
    in ``codes``); an escaped ``%%``, ``{{`` or ``}}`` reads as its one character."""
    if syntax is None:
        return chars
    text = "".join(ch for ch, _ in chars)
    out: list[tuple[str, int]] = []
    last = 0
    for m in syntax.finditer(text):
        out.extend(chars[last:m.start()])
        at = chars[m.start()][1]
        if m.group(0) in ("%%", "{{", "}}"):
            out.append((m.group(0)[0], at))
        else:
            out.append((" ", at))
            codes.append(Code(-1, at, kind, None, m.group(0)))
        last = m.end()
    out.extend(chars[last:])
    return out


# Messages whose translation is the translators' own credit, not a translation of the
# message: gettext and GNOME's ``translator-credits``, KDE's contexts for the translators'
# names and e-mail addresses.
CREDIT_IDS = frozenset({"translator-credits", "translator_credits"})
CREDIT_CONTEXTS = frozenset({"NAME OF TRANSLATORS", "EMAIL OF TRANSLATORS"})


def read(source: str, name: str, warnings: list[str] | None = None) -> list[Version]:
    entries = parse_po(source, name)
    header = _header(entries)
    units = []
    codes = []
    number = 0
    fuzzy = 0
    for e in entries:
        if not e.get("msgid"):
            continue
        number += 1
        ctx = "".join(ch for ch, _ in e.get("msgctxt", []))
        msgid = "".join(ch for ch, _ in e["msgid"]).strip()
        if msgid in CREDIT_IDS or ctx in CREDIT_CONTEXTS:
            continue  # the translators' names: nothing to compare with the message
        flags = {f.strip() for f in "".join(ch for ch, _ in e.get("#,", [])).split(",")}
        if "fuzzy" in flags:
            fuzzy += any(not ch.isspace() for ch, _ in e.get("msgstr", []))
            continue  # a stale translation, not used by gettext
        kind = next((f for f in sorted(flags) if f in _FLAG_SYNTAX), "")
        found: list[list[Code]] = [[], []]
        texts = [_placeholders(e["msgid"], _FLAG_SYNTAX.get(kind), kind, found[0]),
                 _placeholders(e.get("msgstr", []), _FLAG_SYNTAX.get(kind), kind, found[1])]
        units.append((ctx or str(number), texts))
        codes.append(found)
    if not units:
        raise InputError(f"{name}: no message in the PO file" + (" that is not fuzzy" if fuzzy else ""))
    if fuzzy and warnings is not None:
        warnings.append(f"{name}: {fuzzy} fuzzy unit(s) not checked (gettext does not use a fuzzy translation)")
    src = header.get("x-source-language") or None
    trg = header.get("language") or None
    labels = [src or "source", trg or "target"]
    if labels[0] == labels[1]:
        labels = ["source", "target"]
    return unit_versions(name, units, [src, trg], labels, key="units", warnings=warnings, codes=codes)
