"""XLIFF 1.2 (``trans-unit`` with ``source``/``target``) and XLIFF 2.x (``unit`` /
``segment`` with ``source``/``target``): two prealigned versions, one block per unit (per
segment in 2.x when a unit has several). Inline codes (``ph``, ``bpt``, ``ept``, ``it``,
``sub``) are left out; paired markup (``g``, ``pc``, ``mrk``) keeps its text."""

from __future__ import annotations

from ..errors import InputError
from .base import Node, Version, parse_xml, run_chars, unit_versions

NAME = "xliff"
_CODES = frozenset({"ph", "bpt", "ept", "it", "sub", "sc", "ec", "x", "bx", "ex", "cp"})


def _text(node: Node | None) -> list[tuple[str, int]]:
    return run_chars(node.runs(_CODES)) if node is not None else []


def read(source: str, name: str, warnings: list[str] | None = None) -> list[Version]:
    root = parse_xml(source, name)
    if root.tag != "xliff":
        raise InputError(f"{name}: not an XLIFF document (root element <{root.tag}>)")
    version = root.attrs.get("version", "")
    units = []
    if version.startswith("1"):
        first = root.find("file")
        src_lang = first.attrs.get("source-language") if first is not None else None
        trg_lang = first.attrs.get("target-language") if first is not None else None
        for k, tu in enumerate(root.iter("trans-unit")):
            if tu.attrs.get("translate") == "no":
                continue
            src = next(iter(tu.kids("source")), None)
            trg = next(iter(tu.kids("target")), None)
            units.append((tu.attrs.get("id") or str(k + 1), [_text(src), _text(trg)]))
    elif version.startswith("2"):
        src_lang, trg_lang = root.attrs.get("srcLang"), root.attrs.get("trgLang")
        for k, unit in enumerate(root.iter("unit")):
            if unit.attrs.get("translate") == "no":
                continue
            uid = unit.attrs.get("id") or str(k + 1)
            segments = unit.kids("segment")
            for j, seg in enumerate(segments):
                src = next(iter(seg.kids("source")), None)
                trg = next(iter(seg.kids("target")), None)
                sid = uid if len(segments) == 1 else f"{uid}/{seg.attrs.get('id') or j + 1}"
                units.append((sid, [_text(src), _text(trg)]))
    else:
        raise InputError(f"{name}: XLIFF version {version or '(none)'} is not supported (1.2 and 2.x are)")
    labels = [src_lang or "source", trg_lang or "target"]
    if labels[0] == labels[1]:
        labels = ["source", "target"]
    return unit_versions(name, units, [src_lang, trg_lang], labels, key="units", warnings=warnings)
