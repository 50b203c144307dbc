"""Readers for the structured formats desks and translators exchange.

Wire formats (one story per version, fields known rather than guessed): IPTC NewsML-G2
(:mod:`.newsml`), NITF (:mod:`.nitf`) and ninjs (:mod:`.ninjs`). Translator formats, whose
units are already aligned (two or more *prealigned* versions, one block per unit): XLIFF
1.2 and 2.x (:mod:`.xliff`), TMX (:mod:`.tmx`) and gettext PO (:mod:`.po`). Word files:
``.docx`` (:mod:`.docx`).

:data:`SUFFIXES` maps a file suffix to the reader that handles it; ``.xml`` and ``.json``
are sniffed (root element, ninjs fields), and a file of an unknown kind is an
:class:`~concord.errors.InputError` saying so, which the corpus lists as skipped with that
reason. :func:`read_format` returns a :class:`FormatFile`: a
:class:`~concord.textio.DecodedFile` for the first version, with every version in
``versions``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import InputError
from ..textio import sha256_bytes
from .base import Version, decode_structured, sniff_xml_root

# Suffix -> reader name; None: decided by sniffing the content.
SUFFIXES: dict[str, str | None] = {
    ".xml": None,
    ".newsml": "newsml",
    ".nitf": "nitf",
    ".json": None,
    ".ninjs": "ninjs",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".tmx": "tmx",
    ".po": "po",
    ".docx": "docx",
}
# Root element (local name) -> reader, for sniffed XML.
XML_ROOTS = {"newsMessage": "newsml", "newsItem": "newsml", "packageItem": "newsml",
             "nitf": "nitf", "xliff": "xliff", "tmx": "tmx"}
# What each reader is, for messages and `concord doctor`-style listings.
DESCRIPTIONS = {
    "newsml": "IPTC NewsML-G2", "nitf": "IPTC NITF", "ninjs": "IPTC ninjs (JSON)",
    "xliff": "XLIFF 1.2 / 2.x", "tmx": "TMX", "po": "gettext PO", "docx": "Word .docx",
}
PREALIGNED = frozenset({"xliff", "tmx", "po"})
# Kinds people put next to their copy that Concord does not read, with what to do.
UNSUPPORTED_HINTS = {
    ".doc": "legacy Word .doc is not read; save it as .docx",
    ".odt": "OpenDocument text is not read; save it as .docx",
    ".rtf": "RTF is not read; save it as .docx or .txt",
    ".pdf": "PDF is not read; export the text (.txt) or the .docx",
    ".pot": "a PO template has no translation",
    ".xlsx": "spreadsheets are not read",
}


@dataclass
class FormatFile:
    """What :func:`read_format` returns: the fields of :class:`~concord.textio.DecodedFile`
    for the first version, and all versions."""

    source_text: str
    text: str
    offset_map: list[int] | None
    encoding: str
    format: str
    sha256: str
    warnings: list[str] = field(default_factory=list)
    versions: list[Version] = field(default_factory=list)


def handles(suffix: str) -> bool:
    return suffix.lower() in SUFFIXES


def kind_of(suffix: str, data: bytes, name: str) -> str:
    """The reader for a file, by suffix or content; InputError for an unknown kind."""
    kind = SUFFIXES.get(suffix.lower())
    if kind is not None:
        return kind
    if suffix.lower() == ".json":
        return "ninjs"  # the reader checks the fields and says when it is not ninjs
    root = sniff_xml_root(data[:4096])
    if root in XML_ROOTS:
        return XML_ROOTS[root]
    known = ", ".join(DESCRIPTIONS[k] for k in ("newsml", "nitf", "xliff", "tmx"))
    what = f"root element <{root}>" if root else "no XML root element found"
    raise InputError(f"{name}: XML of a kind Concord does not read ({what}; it reads {known})")


def read_format(data: bytes, name: str, suffix: str, max_bytes: int,
                docx_changes: str = "accepted") -> FormatFile:
    """Read a structured file's bytes into its versions. ``docx_changes`` is the version of
    a Word file's tracked changes to read: "accepted" (every change accepted) or
    "original" (before the changes)."""
    kind = kind_of(suffix, data, name)
    warnings: list[str] = []
    if kind == "docx":
        from . import docx

        versions = [docx.read(data, name, max_bytes, changes=docx_changes)]
        source, encoding = versions[0].text, "zip"
    else:
        source, encoding = decode_structured(data, name, xml=kind != "ninjs" and kind != "po")
        if kind in PREALIGNED:
            from . import po, tmx, xliff

            versions = {"xliff": xliff.read, "tmx": tmx.read, "po": po.read}[kind](
                source, name, warnings=warnings)
        else:
            from . import newsml, ninjs, nitf

            versions = {"newsml": newsml.read, "nitf": nitf.read, "ninjs": ninjs.read}[kind](source, name)
    first = versions[0]
    return FormatFile(source_text=source, text=first.text, offset_map=first.offset_map,
                      encoding=encoding, format=kind, sha256=sha256_bytes(data),
                      warnings=warnings, versions=versions)
