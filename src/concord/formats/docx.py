"""Word ``.docx`` through python-docx: the paragraphs of the body in order (table cells
included), each its own block, so headings stay apart from the copy; footnotes come after
the body, each its own block, never merged into the sentence that cites them.

A ``.docx`` is a zip file: its members' sizes are checked before anything is inflated (a
zip bomb is refused), and the XML parts are parsed with entity expansion off (python-docx
uses lxml with ``resolve_entities=False``; footnotes go through the defused parser).
Locations are line and column in the extracted text (block k starts on line 2k - 1)."""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from ..errors import InputError
from .base import TextBuilder, Version, parse_xml, string_chars, version_of

if TYPE_CHECKING:  # python-docx is imported when a .docx is read
    from docx.text.paragraph import Paragraph

NAME = "docx"
# Inflated size allowed for the whole package, as a multiple of --max-bytes (the file's own
# size is bounded by it): Word's XML compresses about ten times and pictures not at all, so
# a real document stays far below, and a zip bomb is refused before it is inflated.
MAX_INFLATE_RATIO = 5
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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


def _paragraph_text(p: Paragraph) -> str:
    return p.text


def read(data: bytes, name: str, max_bytes: int) -> Version:
    _check_zip(data, name, max_bytes)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises several kinds on a damaged package
        raise InputError(f"{name}: cannot read the .docx ({type(exc).__name__})") from None
    blocks: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == _W + "p":
            blocks.append(_paragraph_text(Paragraph(child, document)))
        elif child.tag == _W + "tbl":
            for row in Table(child, document).rows:
                for cell in row.cells:
                    blocks.extend(_paragraph_text(p) for p in cell.paragraphs)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        if "word/footnotes.xml" in zf.namelist():
            notes = parse_xml(zf.read("word/footnotes.xml").decode("utf-8", errors="replace"),
                              f"{name} (footnotes)")
            for note in notes.iter("footnote"):
                if note.attrs.get("type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                for p in note.iter("p"):
                    blocks.append("".join(r.text for t in p.iter("t") for r in t.runs()))
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
