"""Word ``.docx``: the paragraphs of the body in order (table cells and content controls
included), each its own block, so headings stay apart from the copy; footnotes and
endnotes come after the body, each its own block, never merged into the sentence that
cites them.

Tracked changes are resolved to one version of the text: by default the version with
every change accepted (text inserted, ``<w:ins>``, and moved to, ``<w:moveTo>``, is read;
text deleted, ``<w:del>``/``<w:delText>``, and moved from, ``<w:moveFrom>``, is not), or
with ``changes="original"`` the version before the changes (the other way round). A
paragraph mark is tracked too (``<w:ins>``, ``<w:del>``... in the paragraph's run
properties): a mark not in the version read joins the paragraph to the next one, as Word
shows it.

A ``.docx`` is a zip file: its members' sizes are checked before anything is inflated (a
zip bomb is refused), and the XML parts are parsed with the defused parser (no entity
expansion, no external resource). Locations are line and column in the extracted text
(block k starts on line 2k - 1)."""

from __future__ import annotations

import io
import zipfile

from ..errors import InputError
from .base import Node, TextBuilder, Version, decode_structured, parse_xml, string_chars, version_of

NAME = "docx"
# Inflated size allowed for the whole package, as a multiple of --max-bytes (the file's own
# size is bounded by it): Word's XML compresses about ten times and pictures not at all, so
# a real document stays far below, and a zip bomb is refused before it is inflated.
MAX_INFLATE_RATIO = 5


def _check_zip(data: bytes, name: str, max_bytes: int) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile:
        raise InputError(f"{name}: not a Word .docx file (not a zip package)") from None
    total = sum(i.file_size for i in infos)
    if total > MAX_INFLATE_RATIO * max_bytes:
        raise InputError(f"{name}: refused: the .docx would inflate to {total:,} bytes")
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        raise InputError(f"{name}: not a Word .docx file (no word/document.xml)")


# The WordprocessingML namespaces (transitional and strict).
_W_NS = frozenset({"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                   "http://purl.oclc.org/ooxml/wordprocessingml/main"})
CHANGES = ("accepted", "original")
# Per version: the tracked-change elements whose content is not in it.
_LEFT_OUT = {"accepted": frozenset({"del", "moveFrom"}), "original": frozenset({"ins", "moveTo"})}
# Text of a run: the text element of each version, and characters written as elements.
_TEXT = {"accepted": "t", "original": "delText"}
_CHARS = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-",
          "softHyphen": ""}
# Never text of the paragraph itself: text boxes (their paragraphs are blocks of their own,
# read after it), the fallback copy of alternate content, field codes, paragraph and run
# properties (which hold the formatting changes).
_NOT_TEXT = frozenset({"txbxContent", "Fallback", "instrText", "delInstrText", "pPr", "rPr"})


def _blocks(container: Node, changes: str) -> list[str]:
    """The paragraphs below a body, cell, note or text box (tables, content controls and
    tracked insertions of whole paragraphs walked through), each one string; a text box's
    paragraphs follow the paragraph that anchors it."""
    out: list[str] = []
    joined = -1  # the block the next paragraph joins (its mark is not in this version)
    stack: list[Node] = list(reversed(container.kids()))
    while stack:
        el = stack.pop()
        if el.ns not in _W_NS or el.tag in _LEFT_OUT[changes]:
            if el.tag == "AlternateContent":  # markup compatibility: read the first Choice
                stack.extend(reversed([c for choice in el.kids("Choice")[:1] for c in choice.kids()]))
            continue
        if el.tag == "p":
            text, boxes = _paragraph(el, changes)
            if joined >= 0:
                out[joined] += text
            else:
                out.append(text)
            joined = joined if joined >= 0 else len(out) - 1
            if not _mark_left_out(el, changes):
                joined = -1
            for box in boxes:
                out.extend(_blocks(box, changes))
        elif el.tag in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "moveTo",
                        "del", "moveFrom", "smartTag"):
            if el.tag in ("tbl", "tr", "tc"):
                joined = -1  # a table cell is never joined to what is around it
            stack.extend(reversed(el.kids()))
    return out


def _mark_left_out(p: Node, changes: str) -> bool:
    """Whether the paragraph mark of ``p`` is a tracked change not in the version
    ``changes`` names (an inserted mark read as original, a deleted one as accepted)."""
    ppr = next(iter(p.kids("pPr")), None)
    rpr = next(iter(ppr.kids("rPr")), None) if ppr is not None else None
    return rpr is not None and any(k.ns in _W_NS and k.tag in _LEFT_OUT[changes] for k in rpr.kids())


def _paragraph(p: Node, changes: str) -> tuple[str, list[Node]]:
    """A paragraph's text in the version ``changes`` names, and its text boxes."""
    parts: list[str] = []
    boxes: list[Node] = []
    left_out, text_tag = _LEFT_OUT[changes], _TEXT[changes]
    stack: list[Node] = list(reversed(p.kids()))
    while stack:
        el = stack.pop()
        if el.tag == "txbxContent":
            boxes.append(el)
            continue
        if el.tag in _NOT_TEXT or (el.ns in _W_NS and el.tag in left_out):
            continue
        if el.ns in _W_NS and el.tag in ("t", text_tag):
            parts.append(el.text())
        elif el.ns in _W_NS and el.tag in _CHARS:
            parts.append(_CHARS[el.tag])
        else:
            stack.extend(reversed(el.kids()))
    return "".join(parts), boxes


def _part(zf: zipfile.ZipFile, member: str, name: str) -> Node | None:
    if member not in zf.namelist():
        return None
    source, _ = decode_structured(zf.read(member), f"{name} ({member})")
    return parse_xml(source, f"{name} ({member})")


def read(data: bytes, name: str, max_bytes: int, changes: str = "accepted") -> Version:
    """Read a .docx; ``changes`` ("accepted", the default, or "original") is the version of
    its tracked changes to read."""
    if changes not in CHANGES:
        raise ValueError(f"changes must be one of {CHANGES}, not {changes!r}")
    _check_zip(data, name, max_bytes)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises several kinds on a damaged package
        raise InputError(f"{name}: cannot read the .docx ({type(exc).__name__})") from None
    blocks: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = _part(zf, "word/document.xml", name)
        body = root.find("body") if root is not None else None
        if body is not None:
            blocks.extend(_blocks(body, changes))
        for member, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
            notes = _part(zf, member, name)
            for note in notes.kids(tag) if notes is not None else []:
                if note.attrs.get("type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                blocks.extend(_blocks(note, changes))
    builder = TextBuilder()
    for block in blocks:
        builder.add_block(string_chars(block, 0))
    version = version_of(builder, name)
    # The source text is the extracted text itself: offsets count in it (identity map).
    version.offset_map = list(range(len(version.text) + 1))
    lang = None
    try:
        lang = document.core_properties.language or None
    except Exception:  # noqa: BLE001  # pragma: no cover - missing core properties part
        lang = None
    version.language = lang
    return version
