"""TMX (translation memory exchange): one prealigned version per language, one block per
``tu``; the header's ``srclang`` comes first. Inline codes are left out of the text and
kept on the version (:attr:`~concord.formats.base.Version.codes`): a placeholder (``ph``,
``ut``) stands apart from the words around it, a paired formatting code (``bpt``, ``ept``,
``it``) joins them (see :func:`~concord.formats.base.code_chars`); ``hi`` keeps its
text."""

from __future__ import annotations

from ..errors import InputError
from .base import Code, Node, Version, code_chars, parse_xml, unit_versions

NAME = "tmx"
_PLACEHOLDERS = frozenset({"ph", "ut"})
_PAIRED = frozenset({"bpt", "ept", "it"})


def _lang(tuv: Node) -> str | None:
    lang = tuv.attrs.get("lang")
    return lang.lower() if lang else None


def read(source: str, name: str, warnings: list[str] | None = None) -> list[Version]:
    root = parse_xml(source, name)
    if root.tag != "tmx":
        raise InputError(f"{name}: not a TMX document (root element <{root.tag}>)")
    header = root.find("header")
    src = (header.attrs.get("srclang") or "").lower() if header is not None else ""
    tus = list(root.iter("tu"))
    langs: list[str] = []
    for tu in tus:
        for tuv in tu.kids("tuv"):
            lang = _lang(tuv)
            if lang and lang not in langs:
                langs.append(lang)
    if src in langs:
        langs.remove(src)
        langs.insert(0, src)
    if len(langs) < 2:
        raise InputError(f"{name}: a TMX file with fewer than two languages")
    units = []
    codes = []
    for k, tu in enumerate(tus):
        texts: dict[str | None, tuple[list[tuple[str, int]], list[Code]]] = {}
        for tuv in tu.kids("tuv"):
            seg = next(iter(tuv.kids("seg")), None)
            if seg is not None and _lang(tuv) not in texts:
                found: list[Code] = []
                texts[_lang(tuv)] = (code_chars(seg, _PLACEHOLDERS, _PAIRED, found), found)
        units.append((tu.attrs.get("tuid") or str(k + 1), [texts.get(lang, ([], []))[0] for lang in langs]))
        codes.append([texts.get(lang, ([], []))[1] for lang in langs])
    return unit_versions(name, units, list(langs), list(langs), key="units", warnings=warnings,
                         codes=codes)
