"""XLIFF 1.2 (``trans-unit`` with ``source``/``target``) and XLIFF 2.x (``unit`` /
``segment`` with ``source``/``target``): two prealigned versions, one block per unit (per
segment in 2.x when a unit has several). A unit marked ``translate="no"``, itself or by a
group around it, is not read (a unit's own ``translate="yes"`` wins over a ``no`` around
it: the attribute is inherited, and the nearest value given applies).

Inline codes are left out of the text and kept on the version
(:attr:`~concord.formats.base.Version.codes`): a placeholder (1.2 ``ph``, ``x``; 2.x
``ph``) stands apart from the words around it, a paired formatting code (1.2 ``bpt``,
``ept``, ``it``, ``bx``, ``ex``; 2.x ``sc``, ``ec``) joins them (see
:func:`~concord.formats.base.code_chars`); paired markup holding text (``g``, ``pc``,
``mrk``) keeps its text.

Unit ids are unique within a ``<file>`` only: a document with several files scopes each
id by its file (``original#id``, the file's ``id`` in 2.x when it has no ``original``), so
units of two files are never paired with each other."""

from __future__ import annotations

from ..errors import InputError
from .base import Code, Node, Version, code_chars, parse_xml, unit_versions

NAME = "xliff"
_PLACEHOLDERS = frozenset({"ph", "x"})
_PAIRED = frozenset({"bpt", "ept", "it", "bx", "ex", "sc", "ec"})


def _text(node: Node | None, codes: list[Code], data: dict[str, str] | None) -> list[tuple[str, int]]:
    return code_chars(node, _PLACEHOLDERS, _PAIRED, codes, data) if node is not None else []


def _translatable(file: Node, tag: str) -> list[tuple[int, Node]]:
    """The units (elements named ``tag``) of a file with their position, in document order,
    leaving out those marked ``translate="no"``, themselves or by a ``group`` (or ``file``)
    around them and not marked ``translate="yes"`` nearer."""
    out: list[tuple[int, Node]] = []
    k = 0
    stack = [(file, file.attrs.get("translate") == "no")]
    while stack:
        node, off = stack.pop()
        if "translate" in node.attrs:  # the nearest explicit value wins (inherited otherwise)
            off = node.attrs["translate"] == "no"
        if node.tag == tag:
            if not off:
                out.append((k, node))
            k += 1
            continue
        stack.extend((c, off) for c in reversed(node.kids()))
    return out


def _scopes(files: list[Node], attrs: tuple[str, ...]) -> list[str]:
    """A prefix per file for its unit ids: none for a lone file, else its first attribute
    of ``attrs`` (or its position), made unique."""
    if len(files) < 2:
        return [""]
    out: list[str] = []
    for k, f in enumerate(files):
        base = next((f.attrs[a] for a in attrs if f.attrs.get(a)), str(k + 1))
        scope, n = base, 1
        while scope in out:
            n += 1
            scope = f"{base} ({n})"
        out.append(scope)
    return [f"{s}#" for s in out]


def read(source: str, name: str, warnings: list[str] | None = None) -> list[Version]:
    root = parse_xml(source, name)
    if root.tag != "xliff":
        raise InputError(f"{name}: not an XLIFF document (root element <{root.tag}>)")
    version = root.attrs.get("version", "")
    units: list[tuple[str, list[list[tuple[str, int]]]]] = []
    codes: list[list[list[Code]]] = []

    def add(uid: str, src: Node | None, trg: Node | None, data: dict[str, str] | None = None) -> None:
        found: list[list[Code]] = [[], []]
        units.append((uid, [_text(src, found[0], data), _text(trg, found[1], data)]))
        codes.append(found)

    files = list(root.iter("file"))
    if version.startswith("1"):
        first = files[0] if files else None
        src_lang = first.attrs.get("source-language") if first is not None else None
        trg_lang = first.attrs.get("target-language") if first is not None else None
        for scope, file in zip(_scopes(files, ("original",)), files or [root]):
            for k, tu in _translatable(file, "trans-unit"):
                src = next(iter(tu.kids("source")), None)
                trg = next(iter(tu.kids("target")), None)
                add(scope + (tu.attrs.get("id") or str(k + 1)), src, trg)
    elif version.startswith("2"):
        src_lang, trg_lang = root.attrs.get("srcLang"), root.attrs.get("trgLang")
        for scope, file in zip(_scopes(files, ("original", "id")), files or [root]):
            for k, unit in _translatable(file, "unit"):
                uid = scope + (unit.attrs.get("id") or str(k + 1))
                data = {d.attrs["id"]: d.text() for od in unit.kids("originalData")
                        for d in od.kids("data") if d.attrs.get("id")}
                segments = unit.kids("segment")
                for j, seg in enumerate(segments):
                    src = next(iter(seg.kids("source")), None)
                    trg = next(iter(seg.kids("target")), None)
                    add(uid if len(segments) == 1 else f"{uid}/{seg.attrs.get('id') or j + 1}", src, trg, data)
    else:
        raise InputError(f"{name}: XLIFF version {version or '(none)'} is not supported (1.2 and 2.x are)")
    labels = [src_lang or "source", trg_lang or "target"]
    if labels[0] == labels[1]:
        labels = ["source", "target"]
    return unit_versions(name, units, [src_lang, trg_lang], labels, key="units", warnings=warnings,
                         codes=codes)
