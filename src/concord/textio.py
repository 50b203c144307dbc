"""Reading files into text: encoding detection, HTML and Markdown extraction, NFC.

Reading never modifies an input file. Every failure is an :class:`InputError` with a
one-line message naming the file.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import os
import re
import stat
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .formats import SUFFIXES as _FORMAT_SUFFIXES

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm") + tuple(_FORMAT_SUFFIXES)
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
        return data.decode("utf-32"), "utf-32"
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


_END = object()


def _block(children, flush):
    """Iterate a block element's children, then flush its line when they are done."""
    yield from children
    flush()


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one block element per line; scripts and styles dropped."""
    from bs4 import BeautifulSoup, Comment, NavigableString

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
    stack: list = [iter(soup.children)]
    while stack:
        child = next(stack[-1], _END)
        if child is _END:
            stack.pop()
            continue
        if isinstance(child, NavigableString):
            current.append(str(child))
        elif child.name in _BLOCK_TAGS:
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


def printable_path(path: str | os.PathLike) -> str:
    """A path as text that can always be printed and stored: bytes of a file name that are
    not valid UTF-8 (kept by Python as lone surrogates) are shown as ``\\xNN``."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        return text.decode("utf-8", errors="backslashreplace")
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        raw = text.encode("utf-8", errors="surrogateescape" if _only_escapes(text) else "replace")
        return raw.decode("utf-8", errors="backslashreplace")


def _only_escapes(text: str) -> bool:
    """Whether every lone surrogate of ``text`` is one of Python's escaped file-name bytes."""
    return all(0xDC80 <= ord(c) <= 0xDCFF for c in text if 0xD800 <= ord(c) <= 0xDFFF)


def file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


def read_document_text(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedFile:
    """Read ``path`` and return its decoded, extracted, NFC-normalised text.

    Only regular files are read: a FIFO, socket or device is refused before it is opened
    for reading (opening is non-blocking), so a pipe in a corpus never hangs a run."""
    p = Path(path)
    name = printable_path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{name}: is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{name}: {file_kind(st.st_mode)}, not a file")
    if st.st_size > max_bytes:
        raise InputError(
            f"{name}: file too large ({st.st_size:,} bytes; the limit is {max_bytes:,}, "
            "see --max-bytes)")
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):  # replaced between stat and open
                raise InputError(f"{name}: {file_kind(st.st_mode)}, not a file")
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"{name}: file too large (limit {max_bytes:,} bytes)")
    if not data.strip():
        raise InputError(f"{name}: empty file")
    # Structured formats (NewsML-G2, NITF, ninjs, XLIFF, TMX, PO, DOCX): concord.formats.
    from .formats import handles, read_format
    if handles(p.suffix):
        return read_format(data, name, p.suffix, max_bytes)
    warnings: list[str] = []
    raw, encoding = decode_bytes(data, name, warnings)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    suffix = p.suffix.lower()
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


def current_umask() -> int:
    """The process umask (read by setting and restoring it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


TEMP_PREFIX = ".concord-"
TEMP_SUFFIX = ".tmp"


def _lock(fd: int) -> None:
    """Hold an advisory lock on a temporary file while it is being written, so that
    :func:`remove_stale_temp_files` can tell a live writer's file from a killed one's (the
    kernel releases the lock when the process dies, however it dies)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # pragma: no cover - a file system without locks
        pass


def temp_file(folder: str | os.PathLike) -> tuple[int, str]:
    """A new locked temporary file in ``folder`` (mode as ``open()`` would give it): its
    descriptor and path. Its name is short (the final name may already be near the
    255-byte limit) and starts with :data:`TEMP_PREFIX`."""
    _TEMP_FOLDERS.add(os.fspath(folder))  # before the file exists: see discard_temp_files
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=str(folder))
    _OWN_TEMP.add(tmp)
    try:
        os.fchmod(fd, 0o666 & ~current_umask())  # what open() would give, not mkstemp's 0600
        _lock(fd)
    except BaseException:
        os.close(fd)
        os.unlink(tmp)
        _OWN_TEMP.discard(tmp)
        raise
    return fd, tmp


# The temporary files this process has open, and the folders it made any in: an interrupt
# (Ctrl-C, SIGTERM) can land anywhere, even between a file's creation and the ``try`` that
# would remove it, so the exit path removes what is left (discard_temp_files).
_OWN_TEMP: set[str] = set()
_TEMP_FOLDERS: set[str] = set()


def temp_done(tmp: str) -> None:
    """``tmp`` (from :func:`temp_file`) was renamed into place or removed by its writer."""
    _OWN_TEMP.discard(tmp)


def discard_temp_files() -> None:
    """Remove this process's unfinished temporary files: those it registered, and any of
    Concord's temporary files in the folders it wrote to that no live process holds (one
    created in the instant before it was registered)."""
    for tmp in list(_OWN_TEMP):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        _OWN_TEMP.discard(tmp)
    for folder in list(_TEMP_FOLDERS):
        remove_stale_temp_files(folder)


def remove_stale_temp_files(folder: str | os.PathLike) -> list[Path]:
    """Delete the temporary files a killed Concord run left in ``folder`` (``SIGKILL``,
    power loss): Concord's own temporary names only, and only those no live process holds
    locked. Returns what was removed."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        fcntl = None
    removed = []
    try:
        entries = sorted(Path(folder).iterdir())
    except OSError:
        return removed
    for p in entries:
        name = p.name
        if not (name.endswith(TEMP_SUFFIX) and name.startswith((TEMP_PREFIX, ".findings.json."))):
            continue  # (".findings.json.*.tmp": the name earlier versions used)
        try:
            if not stat.S_ISREG(p.lstat().st_mode):
                continue
            fd = os.open(p, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    continue  # a live writer holds it
            os.unlink(p)
            removed.append(p)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike, binary: bool = False):
    """A file handle (UTF-8 text, or bytes with ``binary``) whose content replaces ``path``
    only when the block ends without an error (temporary file in the same folder, fsync,
    rename)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = temp_file(p.parent)
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
        _OWN_TEMP.discard(tmp)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        _OWN_TEMP.discard(tmp)
        raise


def atomic_write(path: str | os.PathLike, data) -> None:
    """Write ``data`` (text, bytes, or an iterable of text chunks) to ``path`` atomically."""
    if isinstance(data, bytes):
        data = data.decode("utf-8")
    with atomic_writer(path) as fh:
        if isinstance(data, str):
            fh.write(data)
        else:
            for chunk in data:
                fh.write(chunk)
