"""Reading one input file into text: a regular file is opened without blocking, and its
suffix decides the reader, a structured format (:mod:`concord.formats`: NewsML-G2, NITF,
ninjs, XLIFF, TMX, PO, DOCX) or plain text, HTML and Markdown (:mod:`concord.textio`).

Reading never modifies an input file. Every failure is an :class:`InputError` with a
one-line message naming the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import InputError
from .formats import SUFFIXES as FORMAT_SUFFIXES
from .formats import FormatFile, handles, read_format
from .fsutil import file_kind
from .textio import (
    DEFAULT_MAX_BYTES,
    TEXT_SUFFIXES,
    DecodedFile,
    decode_document,
    printable_path,
)

SUPPORTED_SUFFIXES = TEXT_SUFFIXES + tuple(FORMAT_SUFFIXES)


def read_document_text(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES,
                       docx_changes: str = "accepted") -> DecodedFile | FormatFile:
    """Read ``path`` and return its decoded, extracted, NFC-normalised text (a structured
    file's first version, with every version in ``versions``). ``docx_changes`` is the
    version of a Word file's tracked changes to read: "accepted" (the default: insertions
    kept, deletions left out) or "original" (the text before the changes).

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
    if handles(p.suffix):
        return read_format(data, name, p.suffix, max_bytes, docx_changes=docx_changes)
    return decode_document(data, name, p.suffix)
