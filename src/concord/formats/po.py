"""Gettext PO: ``msgid`` is the source, ``msgstr`` (``msgstr[0]`` for plurals) the target;
two prealigned versions, one block per entry. The header entry and obsolete (``#~``)
entries are left out; an entry without a translation is counted in a warning. The target
language comes from the header's ``Language:`` field, the source language from
``X-Source-Language:`` when present. The unit id is the ``msgctxt`` when there is one,
else the entry's number."""

from __future__ import annotations

import re

from ..errors import InputError
from .base import Version, unit_versions

NAME = "po"
_KEYWORD = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+"')
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
    """PO entries as dicts: keyword -> character/offset pairs (``msgstr[0]`` as ``msgstr``)."""
    entries: list[dict[str, list[tuple[str, int]]]] = []
    current: dict[str, list[tuple[str, int]]] = {}
    field = None
    pos = 0
    for lineno, line in enumerate(source.split("\n"), 1):
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
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


def read(source: str, name: str, warnings: list[str] | None = None) -> list[Version]:
    entries = parse_po(source, name)
    header = _header(entries)
    units = []
    number = 0
    for e in entries:
        if not e.get("msgid"):
            continue
        number += 1
        ctx = "".join(ch for ch, _ in e.get("msgctxt", []))
        units.append((ctx or str(number), [e["msgid"], e.get("msgstr", [])]))
    if not units:
        raise InputError(f"{name}: no message in the PO file")
    src = header.get("x-source-language") or None
    trg = header.get("language") or None
    labels = [src or "source", trg or "target"]
    if labels[0] == labels[1]:
        labels = ["source", "target"]
    return unit_versions(name, units, [src, trg], labels, key="units", warnings=warnings)
