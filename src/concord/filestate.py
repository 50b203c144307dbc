"""The file-state record: what a corpus file looked like when it was last read (size,
times, digest) and what reading it gave (its documents' metadata, decoding warnings).

The corpus reader makes one per file and trusts an unchanged file's record instead of
reading it again (:func:`concord.corpus.read_corpus`); the group store keeps them in its
file-state table between runs (:class:`concord.store.GroupStore`).
"""

from __future__ import annotations

from typing import NamedTuple


class FileState(NamedTuple):
    """What a corpus file looked like when it was last read, and what reading it gave."""

    size: int
    mtime_ns: int
    ctime_ns: int
    recorded_ns: int  # wall-clock time (ns) at the start of the read that recorded it
    digest: str  # sha256 of the file's bytes
    documents: list  # per document: id, encoding, format, language, prealigned, package, anchors
    warnings: list  # decoding warnings of the file
