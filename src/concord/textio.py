"""Text primitives of reading: encoding detection, HTML and Markdown extraction, NFC with
a map back to the source, printable paths.

These work on bytes and strings already read; opening files is :mod:`concord.reading`'s,
which also dispatches the structured formats (:mod:`concord.formats`, whose readers use
:func:`decode_bytes`, :func:`nfc_with_map` and :func:`sha256_bytes` from here). Every
failure is an :class:`InputError` with a one-line message naming the file.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    from bs4 import PageElement

# The suffixes read as plain text, HTML or Markdown (the structured formats are
# concord.formats'; concord.reading.SUPPORTED_SUFFIXES lists every suffix read).
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
#: The ``format`` of a document read as text (findings.json's ``documents[].format``).
TEXT_FORMATS = ("txt", "html", "md")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Encodings tried, in order, for legacy (non-UTF) text in a Spanish/English newsroom.
_WESTERN = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850"]


@dataclass
class DecodedFile:
    source_text: str  # decoded file content (HTML/Markdown: extracted text)
    text: str  # NFC-normalised text
    offset_map: list[int] | None  # NFC offset -> source_text offset, None if identity
    encoding: str
    format: str
    sha256: str
    warnings: list[str] = field(default_factory=list)  # lossy decoding, one line each


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return bad / len(text)


def _utf8_lenient(data: bytes, name: str, warnings: list[str] | None) -> str | None:
    """``data`` as UTF-8 with U+FFFD for invalid bytes, when the file is nearly all valid
    UTF-8 (at least as many valid multi-byte characters as invalid bytes); else None.

    A UTF-8 file with one stray byte keeps its accents instead of being read as a legacy
    code page (where every accented letter would turn into something else)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if bad <= 0:
        return text
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - text.count("\ufffd")
    if multibyte < bad:
        return None
    if warnings is not None:
        warnings.append(f"{name}: {bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD")
    return text


def decode_bytes(data: bytes, name: str = "<bytes>",
                 warnings: list[str] | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; raise InputError if impossible.

    Lossy decodings (invalid bytes replaced) add a one-line message to ``warnings``."""
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8):]
        try:
            return body.decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            # The BOM says UTF-8: keep it, replacing the invalid bytes.
            text = body.decode("utf-8", errors="replace")
            if warnings is not None:
                bad = text.count("\ufffd") - body.count(b"\xef\xbf\xbd")
                warnings.append(f"{name}: {bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD")
            return text, "utf-8-sig"
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        try:
            return data.decode("utf-32"), "utf-32"
        except UnicodeDecodeError as exc:
            # The BOM says UTF-32: keep it, replacing what is not a character (a value
            # above U+10FFFF, a truncated last unit), as with a damaged UTF-8 file.
            text = data.decode("utf-32", errors="replace")
            if warnings is not None:
                warnings.append(f"{name}: invalid UTF-32 text ({exc.reason}) replaced with U+FFFD")
            return text, "utf-32"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: invalid UTF-16 text ({exc.reason})") from None
    if b"\x00" in data:
        # UTF-16 without a BOM shows NULs in every other byte of ASCII text.
        even, odd = data[0::2], data[1::2]
        if len(data) % 2 == 0 and odd.count(0) > 0.3 * len(odd) and even.count(0) == 0:
            enc = "utf-16-le"
        elif len(data) % 2 == 0 and even.count(0) > 0.3 * len(even) and odd.count(0) == 0:
            enc = "utf-16-be"
        else:
            raise InputError(f"{name}: binary file (contains NUL bytes), not text")
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            raise InputError(f"{name}: binary file, not text") from None
        ascii_share = sum(1 for ch in text if " " <= ch < "\x7f" or ch in "\n\t") / max(1, len(text))
        if _control_ratio(text) > 0.01 or ascii_share < 0.5:
            raise InputError(f"{name}: binary file, not text")
        return text, enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = _utf8_lenient(data, name, warnings)
    if lenient is not None:
        return lenient, "utf-8"
    from charset_normalizer import from_bytes

    match = from_bytes(data, cp_isolation=_WESTERN).best()
    if match is None:
        match = from_bytes(data).best()
    if match is None:
        raise InputError(f"{name}: cannot detect the text encoding (binary file?)")
    text = str(match)
    if _control_ratio(text) > 0.01:
        raise InputError(f"{name}: binary file, not text")
    return text, match.encoding


def nfc_with_map(text: str) -> tuple[str, list[int] | None]:
    """NFC-normalise ``text``; return the new text and a map of offsets back to ``text``.

    The map has ``len(result) + 1`` entries (the last maps the end). It is None when the
    text is already NFC, which is the common case.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    omap: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        chunk = unicodedata.normalize("NFC", text[i:j])
        out.append(chunk)
        omap.extend([i] * len(chunk))
        i = j
    result = "".join(out)
    if result != unicodedata.normalize("NFC", text):  # e.g. Hangul jamo across starters
        result = unicodedata.normalize("NFC", text)
        ratio = len(text) / max(1, len(result))
        omap = [min(len(text), int(k * ratio)) for k in range(len(result))]
    omap.append(n)
    return result, omap


_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
    "th", "table", "article", "section", "header", "footer", "blockquote", "pre", "hr",
    "figure", "figcaption", "main", "aside", "nav", "dd", "dt", "title",
}
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "head")


def _block(children: Iterable[PageElement], flush: Callable[[], None]) -> Iterator[PageElement]:
    """Iterate a block element's children, then flush its line when they are done."""
    yield from children
    flush()


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one block element per line; scripts and styles dropped."""
    from bs4 import BeautifulSoup, Comment, NavigableString, Tag

    soup = BeautifulSoup(markup, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup(list(_DROP_TAGS)):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = re.sub(r"\s+", " ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    # An explicit stack instead of recursion: a page nested thousands of levels deep is
    # walked like a flat one; a block element's iterator flushes its line when it ends.
    stack: list[Iterator[PageElement]] = [iter(soup.children)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if isinstance(child, NavigableString):
            current.append(str(child))
        elif isinstance(child, Tag):  # (a page's nodes are strings and tags)
            if child.name in _BLOCK_TAGS:
                flush()
                stack.append(_block(child.children, flush))
            else:
                stack.append(iter(child.children))
    flush()
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    return "\n\n".join(lines) + "\n"


# Linear patterns: a link's text and target stop at the next bracket or parenthesis (so
# a line of many "[" is scanned once, not once per "["), and line prefixes match spaces
# and tabs only (``\s`` would run across every following blank line from each line start).
_MD_LINK = re.compile(r"!?\[([^\[\]\n]*+)\]\([^()\[\]\n]*+\)")
_MD_LINE_PREFIX = re.compile(r"^(?:[ \t]{0,3}#{1,6}[ \t]+|[ \t]*+>[ \t]?|[ \t]*+[-*+][ \t]+(?=\S))", re.M)
_MD_EMPH = re.compile(r"(\*\*|__|\*|`)")


def markdown_to_text(markup: str) -> str:
    """Markdown without its markup characters (headings, emphasis, links keep their text)."""
    text = _MD_LINK.sub(r"\1", markup)
    text = _MD_LINE_PREFIX.sub("", text)
    text = _MD_EMPH.sub("", text)
    return text


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# Characters a file name may hold that would change how a line shows, not what it says:
# control characters (an escape sequence recolours or moves the cursor of a terminal) and
# the bidirectional formatting characters (U+202E shows the rest of the line reversed).
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _shown_as_escape(c: str) -> bool:
    return c in _BIDI_CONTROLS or ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0


def _escape_controls(text: str) -> str:
    if not any(_shown_as_escape(c) for c in text):
        return text
    return "".join((f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}") if _shown_as_escape(c) else c
                   for c in text)


def printable_path(path: str | os.PathLike) -> str:
    """A path as text that can always be printed and stored, and reads as it is: bytes of a
    file name that are not valid UTF-8 (kept by Python as lone surrogates) are shown as
    ``\\xNN``, control and bidirectional formatting characters as ``\\xNN`` / ``\\uNNNN``."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="backslashreplace")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", errors="surrogateescape" if _only_escapes(text) else "replace")
        text = raw.decode("utf-8", errors="backslashreplace")
    return _escape_controls(text)


def _only_escapes(text: str) -> bool:
    """Whether every lone surrogate of ``text`` is one of Python's escaped file-name bytes."""
    return all(0xDC80 <= ord(c) <= 0xDCFF for c in text if 0xD800 <= ord(c) <= 0xDFFF)


def decode_document(data: bytes, name: str, suffix: str) -> DecodedFile:
    """A plain text, HTML or Markdown file's bytes (``suffix`` says which; anything else is
    plain text) as a :class:`DecodedFile`: decoded, newlines as ``\\n``, the text
    extracted, NFC-normalised with a map back into the extracted text."""
    warnings: list[str] = []
    raw, encoding = decode_bytes(data, name, warnings)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    suffix = suffix.lower()
    if suffix in (".html", ".htm"):
        fmt = "html"
        source = html_to_text(raw)
    elif suffix in (".md", ".markdown"):
        fmt = "md"
        source = markdown_to_text(raw)
    else:
        fmt = "txt"
        source = raw
    if not source.strip():
        raise InputError(f"{name}: no text in the file")
    text, omap = nfc_with_map(source)
    return DecodedFile(source_text=source, text=text, offset_map=omap, encoding=encoding,
                       format=fmt, sha256=sha256_bytes(data), warnings=warnings)
