"""The group store: finished group results keyed by a content hash, for incremental runs.

A group's key hashes Concord's version, the run settings, the translation backends'
versions and every document's id and content hash. The store keeps results only: the
group's findings.json text and the derived texts the caller hands it (the report writer's
slim summary and counts), as opaque values; it imports nothing of the reports. A re-run finds unchanged groups here
and does not recompute them; touching one document changes only its group's key. The
store lives beside the translation cache (same SQLite file, its own table) and is
skipped with ``--no-cache`` or ``--full``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from pathlib import Path

from .translate.cache import cache_error, is_corrupt, default_cache_path, open_db, remove_db


def group_key(doc_hashes: list[tuple[str, str]], settings: dict, backends: dict,
              grouping: dict | None = None) -> str:
    """The content key of a group result: Concord's version, the settings, the backends,
    every document's id and content hash *in the group's order* (pairs are compared in that
    order), and ``grouping`` (the group's id, how it was formed and its anchors), so a
    manifest that regroups or reorders documents never reuses a stale result."""
    from .version import __version__

    payload = json.dumps({"v": __version__, "settings": settings, "backends": backends,
                          "docs": [list(x) for x in doc_hashes], "grouping": grouping or {}},
                         sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def key_for_group(group, settings: dict, backends: dict) -> str:
    """:func:`group_key` of a :class:`~concord.document.Group`."""
    return group_key([(d.id, d.path, d.sha256) for d in group.documents], settings, backends,
                     {"id": group.id, "method": group.method, "anchors": list(group.anchors)})


class StoredGroup:
    """A group result from the store: its findings.json text plus the derived values the
    writer stored with it (``slim_text``, ``summary``), so an unchanged group is written
    without being parsed and serialised again."""

    __slots__ = ("id", "fragment", "slim_text", "summary", "_full")

    def __init__(self, id: str, fragment: str, slim_text: str, summary: dict, full: dict | None = None):
        self.id, self.fragment, self.slim_text, self.summary, self._full = id, fragment, slim_text, summary, full

    def full(self) -> dict:
        if self._full is None:
            self._full = json.loads(self.fragment)
        return self._full


_TABLE = "CREATE TABLE IF NOT EXISTS group_result (key TEXT PRIMARY KEY, value BLOB)"


class GroupStore:
    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path else default_cache_path()
        self._db: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = open_db(self.path, _TABLE)
        return self._db

    def _guard(self, op):
        """Run ``op(db)``; a store found damaged is started afresh once (it is a cache)."""
        try:
            return op(self._conn())
        except sqlite3.Error as exc:
            if not is_corrupt(exc):
                raise cache_error(self.path, exc) from None
            self.close()
            remove_db(self.path)
            try:
                return op(self._conn())
            except sqlite3.Error as exc2:
                raise cache_error(self.path, exc2) from None

    def get(self, key: str) -> "StoredGroup | None":
        row = self._guard(lambda db: db.execute("SELECT value FROM group_result WHERE key = ?", (key,)).fetchone())
        if row is None:
            return None
        try:
            data = json.loads(zlib.decompress(row[0]))
            return StoredGroup(data["id"], data["fragment"], data["slim"], data["summary"])
        except (zlib.error, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, group: dict, fragment: str, slim_text: str, summary: dict) -> StoredGroup:
        """Store a finished group (its findings.json ``fragment`` and the writer's derived
        ``slim_text`` and ``summary``); return it as a StoredGroup."""
        data = {"id": group["id"], "fragment": fragment, "slim": slim_text, "summary": summary}
        blob = zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 3)

        def op(db):
            with db:
                db.execute("INSERT OR REPLACE INTO group_result VALUES (?, ?)", (key, blob))

        self._guard(op)
        return StoredGroup(data["id"], fragment, slim_text, summary, group)

    def count(self) -> int:
        if not self.path.exists():
            return 0
        return self._guard(lambda db: db.execute("SELECT COUNT(*) FROM group_result").fetchone()[0])

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def cache_info(path: str | os.PathLike | None = None) -> tuple[Path, int | None, int | None, str]:
    """The cache file, how many translations and group results it holds (None when the
    file cannot be read as a cache), and what is wrong with it, if anything. Read-only: a
    damaged cache is described, not repaired."""
    from .translate.cache import TranslationCache

    tc = TranslationCache(path)
    translations, note = tc.status()
    groups = None
    if translations is not None and tc.path.exists():
        try:
            db = sqlite3.connect(tc.path.resolve().as_uri() + "?mode=ro", uri=True, timeout=30)
            try:
                groups = db.execute("SELECT COUNT(*) FROM group_result").fetchone()[0]
            finally:
                db.close()
        except sqlite3.Error as exc:
            groups = 0 if "no such table" in str(exc) else None
    elif translations is not None:
        groups = 0
    return tc.path, translations, groups, note


def clear_cache(path: str | os.PathLike | None = None) -> tuple[Path, int, int]:
    """Remove every cached translation and stored group result (the whole cache file);
    return the file and how many of each there were."""
    from .translate.cache import TranslationCache

    _, translations, groups, _ = cache_info(path)  # a damaged file counts 0, and goes all the same
    tc = TranslationCache(path)
    tc.clear()
    return tc.path, translations or 0, groups or 0
