"""The group store: finished group results keyed by a content hash, for incremental runs.

A group's key hashes Concord's version, the run settings, the translation backends'
versions and every document's id and content hash. A re-run finds unchanged groups here
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

from .translate.cache import default_cache_path


def group_key(doc_hashes: list[tuple[str, str]], settings: dict, backends: dict) -> str:
    from . import __version__

    payload = json.dumps({"v": __version__, "settings": settings, "backends": backends,
                          "docs": sorted(doc_hashes)}, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


class GroupStore:
    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path else default_cache_path()
        self._db: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS group_result (key TEXT PRIMARY KEY, value BLOB)")
        return self._db

    def get(self, key: str) -> dict | None:
        row = self._conn().execute("SELECT value FROM group_result WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return json.loads(zlib.decompress(row[0]))
        except (zlib.error, ValueError):
            return None

    def put(self, key: str, group: dict) -> None:
        blob = zlib.compress(json.dumps(group, ensure_ascii=False).encode("utf-8"), 3)
        db = self._conn()
        with db:
            db.execute("INSERT OR REPLACE INTO group_result VALUES (?, ?)", (key, blob))

    def clear(self) -> int:
        if not self.path.exists():
            return 0
        db = self._conn()
        n = db.execute("SELECT COUNT(*) FROM group_result").fetchone()[0]
        with db:
            db.execute("DELETE FROM group_result")
        return n

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
