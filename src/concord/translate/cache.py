"""A persistent translation cache in SQLite (in the user cache directory).

Keyed by backend, backend version, language pair and text, so a second run on the same
corpus translates nothing, and a new backend version never serves stale output.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path


def default_cache_path() -> Path:
    env = os.environ.get("CONCORD_CACHE_DIR")
    if env:
        return Path(env) / "translations.sqlite3"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("concord", appauthor=False)) / "translations.sqlite3"


def open_db(path: Path, create_sql: str) -> sqlite3.Connection:
    """Open (creating folder and table if needed) an SQLite file shared by processes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(str(path), timeout=30)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(create_sql)
    return db


def _key(backend: str, version: str, source: str, target: str, text: str) -> str:
    return hashlib.sha256("\x1f".join((backend, version, source, target, text)).encode()).hexdigest()


class TranslationCache:
    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path else default_cache_path()
        self._db: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = open_db(self.path, "CREATE TABLE IF NOT EXISTS translation (key TEXT PRIMARY KEY,"
                               " backend TEXT, version TEXT, source TEXT, target TEXT, text TEXT, translation TEXT)")
        return self._db

    def get_many(self, backend: str, version: str, source: str, target: str,
                 texts: list[str]) -> dict[str, str]:
        keys = {_key(backend, version, source, target, t): t for t in set(texts)}
        found: dict[str, str] = {}
        items = list(keys)
        db = self._conn()
        for i in range(0, len(items), 500):
            chunk = items[i:i + 500]
            q = f"SELECT key, translation FROM translation WHERE key IN ({','.join('?' * len(chunk))})"
            for k, tr in db.execute(q, chunk):
                found[keys[k]] = tr
        return found

    def put_many(self, backend: str, version: str, source: str, target: str,
                 pairs: dict[str, str]) -> None:
        db = self._conn()
        with db:
            db.executemany(
                "INSERT OR REPLACE INTO translation VALUES (?,?,?,?,?,?,?)",
                [(_key(backend, version, source, target, t), backend, version, source, target, t, tr)
                 for t, tr in pairs.items()])

    def count(self) -> int:
        if not self.path.exists():
            return 0
        return self._conn().execute("SELECT COUNT(*) FROM translation").fetchone()[0]

    def clear(self) -> int:
        n = self.count()
        if self._db is not None:
            self._db.close()
            self._db = None
        for suffix in ("", "-wal", "-shm"):
            try:
                os.unlink(str(self.path) + suffix)
            except FileNotFoundError:
                pass
        return n

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
