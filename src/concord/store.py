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

from .translate.cache import default_cache_path, open_db


def group_key(doc_hashes: list[tuple[str, str]], settings: dict, backends: dict) -> str:
    from .version import __version__

    payload = json.dumps({"v": __version__, "settings": settings, "backends": backends,
                          "docs": sorted(doc_hashes)}, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


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

    def get(self, key: str) -> "StoredGroup | None":
        row = self._conn().execute("SELECT value FROM group_result WHERE key = ?", (key,)).fetchone()
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
        db = self._conn()
        with db:
            db.execute("INSERT OR REPLACE INTO group_result VALUES (?, ?)", (key, blob))
        return StoredGroup(data["id"], fragment, slim_text, summary, group)

    def count(self) -> int:
        if not self.path.exists():
            return 0
        return self._conn().execute("SELECT COUNT(*) FROM group_result").fetchone()[0]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def cache_info(path: str | os.PathLike | None = None) -> tuple[Path, int, int]:
    """The cache file, how many translations and how many group results it holds."""
    from .translate.cache import TranslationCache

    tc, gs = TranslationCache(path), GroupStore(path)
    try:
        return tc.path, tc.count(), gs.count()
    finally:
        tc.close()
        gs.close()


def clear_cache(path: str | os.PathLike | None = None) -> tuple[Path, int, int]:
    """Remove every cached translation and stored group result (the whole cache file);
    return the file and how many of each there were."""
    from .translate.cache import TranslationCache

    tc, gs = TranslationCache(path), GroupStore(path)
    try:
        translations, groups = tc.count(), gs.count()
    except sqlite3.DatabaseError:
        translations = groups = 0  # a damaged file: removed all the same
    finally:
        gs.close()
    tc.clear()
    return tc.path, translations, groups
