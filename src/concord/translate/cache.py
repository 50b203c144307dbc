"""A persistent translation cache in SQLite (in the user cache directory).

Keyed by backend, backend version, language pair and text, so a second run on the same
corpus translates nothing, and a new backend version never serves stale output.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..errors import ConcordError

_T = TypeVar("_T")
# A named entity of a sentence: start and end offsets in it, and the label ("PER", ...).
Entity = tuple[int, int, str]


class Uncacheable(str):
    """A translation a backend could not verify (returned so the run goes on, usually the
    source text): used for this run, never stored in the cache."""

    __slots__ = ()


def default_cache_path() -> Path:
    env = os.environ.get("CONCORD_CACHE_DIR")
    if env:
        return Path(env) / "translations.sqlite3"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("concord", appauthor=False)) / "translations.sqlite3"


def is_corrupt(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "")
    return name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in str(exc) \
        or "not a database" in str(exc)


def cache_error(path: Path, exc: BaseException) -> ConcordError:
    """A one-line error for a cache file that cannot be used (read-only, locked, ...)."""
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return ConcordError(f"translation cache {path}: {reason} "
                        "(run with --no-cache, or fix it with `concord cache clear`)")


def remove_db(path: Path) -> None:
    """Delete an SQLite file and its WAL/SHM companions (missing ones are fine)."""
    for suffix in ("", "-wal", "-shm"):
        try:
            os.unlink(str(path) + suffix)
        except FileNotFoundError:
            pass
        except IsADirectoryError:
            raise ConcordError(f"translation cache {path}{suffix}: is a folder, not a cache "
                               "file (remove it, or set CONCORD_CACHE_DIR)") from None
        except OSError as exc:
            raise cache_error(path, exc) from None


def _warn_rebuilt(path: Path) -> None:
    sys.stderr.write(f"concord: warning: translation cache {path} was damaged; "
                     "started a new one\n")


BUSY_SECONDS = 30  # how long a process waits for another one's lock on a cache file


def _is_busy(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "")
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(exc) or "busy" in str(exc)


def open_db(path: Path, create_sql: str | tuple[str, ...]) -> sqlite3.Connection:
    """Open (creating folder and table if needed) an SQLite file shared by processes.

    A damaged file (not a database, truncated, malformed) is a cache: it is deleted and
    started afresh, with a warning. A folder in its place, a read-only file or folder are
    one-line errors (:class:`ConcordError`, exit 2)."""
    if path.is_dir():
        raise ConcordError(f"translation cache {path}: is a folder, not a cache file "
                           "(remove it, or set CONCORD_CACHE_DIR)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cache_error(path, exc) from None
    import time

    deadline = time.monotonic() + BUSY_SECONDS
    rebuilt, pause = False, 0.005
    while True:
        db = None
        try:
            db = sqlite3.connect(str(path), timeout=BUSY_SECONDS)
            db.execute("PRAGMA journal_mode=WAL")
            # a cache: with WAL, NORMAL never corrupts the file; a power cut may only lose
            # the last translations, which are made again (no fsync per transaction)
            db.execute("PRAGMA synchronous=NORMAL")
            for sql in ((create_sql,) if isinstance(create_sql, str) else create_sql):
                db.execute(sql)
            return db
        except sqlite3.Error as exc:
            if db is not None:
                db.close()
            if not rebuilt and is_corrupt(exc):
                remove_db(path)
                _warn_rebuilt(path)
                rebuilt = True
                continue
            if _is_busy(exc) and time.monotonic() < deadline:
                # Switching a new file to WAL takes an exclusive lock, and SQLite does not
                # wait (no busy handler) when another process holds it: worker processes
                # opening a fresh cache together would fail. Wait and try again.
                time.sleep(pause)
                pause = min(pause * 2, 0.2)
                continue
            raise cache_error(path, exc) from None


def _entities(value: Any) -> list[Entity] | None:
    """A stored entity list (JSON ``[[start, end, label], ...]``), or None when it is not
    what this version writes."""
    try:
        data = json.loads(value)
    except (TypeError, ValueError, RecursionError):
        return None
    if not isinstance(data, list) or not all(
            isinstance(e, list) and len(e) == 3 and type(e[0]) is int and type(e[1]) is int
            and isinstance(e[2], str) for e in data):
        return None
    return [(e[0], e[1], e[2]) for e in data]


def _key(backend: str, version: str, source: str, target: str, text: str) -> str:
    return hashlib.sha256("\x1f".join((backend, version, source, target, text)).encode(
        "utf-8", errors="surrogatepass")).hexdigest()


_TABLE = ("CREATE TABLE IF NOT EXISTS translation (key TEXT PRIMARY KEY, backend TEXT,"
          " version TEXT, source TEXT, target TEXT, text TEXT, translation TEXT)")
# Named entities per sentence (see concord.facts.ner.CachedNER): key = hash of the model's
# identity, the language and the sentence; entities = JSON list of [start, end, label].
_ENTITY_TABLE = "CREATE TABLE IF NOT EXISTS entity (key TEXT PRIMARY KEY, entities TEXT NOT NULL)"


class TranslationCache:
    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path else default_cache_path()
        self._db: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = open_db(self.path, (_TABLE, _ENTITY_TABLE))
        return self._db

    def _guard(self, op: Callable[..., _T], *args: object) -> _T:
        """Run ``op(db, *args)``; a cache found damaged mid-run is started afresh once."""
        try:
            return op(self._conn(), *args)
        except sqlite3.Error as exc:
            if not is_corrupt(exc):
                raise cache_error(self.path, exc) from None
            self.close()
            remove_db(self.path)
            _warn_rebuilt(self.path)
            try:
                return op(self._conn(), *args)
            except sqlite3.Error as exc2:
                raise cache_error(self.path, exc2) from None

    def _lookup(self, query: str, keys: dict[str, str], decode: Callable[[Any], _T | None]) -> dict[str, _T]:
        """``query`` (``SELECT key, value FROM ... WHERE key IN``) over ``keys`` (key -> text)
        in chunks: text -> ``decode(value)``, for the keys found whose value decodes (None
        from ``decode`` skips the row: computed again)."""

        def op(db: sqlite3.Connection) -> dict[str, _T]:
            found: dict[str, _T] = {}
            items = list(keys)
            for i in range(0, len(items), 500):
                chunk = items[i:i + 500]
                for k, value in db.execute(f"{query} ({','.join('?' * len(chunk))})", chunk):
                    got = decode(value)
                    if got is not None:
                        found[keys[k]] = got
            return found

        return self._guard(op)

    def _insert(self, sql: str, rows: list[tuple[object, ...]]) -> None:
        def op(db: sqlite3.Connection) -> None:
            with db:
                db.executemany(sql, rows)

        if rows:
            self._guard(op)

    def get_many(self, backend: str, version: str, source: str, target: str,
                 texts: list[str]) -> dict[str, str]:
        keys = {_key(backend, version, source, target, t): t for t in set(texts)}
        return self._lookup("SELECT key, translation FROM translation WHERE key IN", keys,
                            lambda tr: tr if isinstance(tr, str) else None)

    def put_many(self, backend: str, version: str, source: str, target: str,
                 pairs: dict[str, str]) -> None:
        self._insert("INSERT OR REPLACE INTO translation VALUES (?,?,?,?,?,?,?)",
                     [(_key(backend, version, source, target, t), backend, version, source, target, t, str(tr))
                      for t, tr in pairs.items()])

    def get_entities(self, model: str, language: str, texts: list[str]) -> dict[str, list[Entity]]:
        """The cached NER entities of ``texts`` (sentences) by ``model`` in ``language``:
        text -> ``[(start, end, label), ...]``, for the texts the cache holds."""
        keys = {_key("ner", model, language, "", t): t for t in set(texts)}
        found = self._lookup("SELECT key, entities FROM entity WHERE key IN", keys, _entities)
        # spans outside their sentence are not what the model gave: computed again
        return {t: ents for t, ents in found.items() if all(0 <= a <= b <= len(t) for a, b, _ in ents)}

    def put_entities(self, model: str, language: str, found: dict[str, list[Entity]]) -> None:
        self._insert("INSERT OR REPLACE INTO entity VALUES (?,?)",
                     [(_key("ner", model, language, "", t), json.dumps([list(e) for e in ents], ensure_ascii=False))
                      for t, ents in found.items()])

    def status(self) -> tuple[int | None, str]:
        """``(translations, note)`` without changing anything: the count (None when the
        file cannot be read as a cache) and what is wrong, if anything."""
        if self.path.is_dir():
            return None, "a folder, not a cache file (remove it, or set CONCORD_CACHE_DIR)"
        if not self.path.exists():
            return 0, "no cache yet"
        try:
            db = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True, timeout=30)
        except sqlite3.Error as exc:
            return None, f"cannot open ({exc})"
        try:
            return db.execute("SELECT COUNT(*) FROM translation").fetchone()[0], ""
        except sqlite3.Error as exc:
            if "no such table" in str(exc):
                return 0, ""
            if is_corrupt(exc):
                return None, "damaged (`concord cache clear` removes it; a run starts a new one)"
            return None, f"cannot read ({exc})"
        finally:
            db.close()

    def count(self) -> int:
        """How many translations the cache holds (0 when there is none or it is damaged)."""
        return self.status()[0] or 0

    def clear(self) -> int:
        """Delete the cache file (a damaged one too); return how many translations it held."""
        n = self.count()
        self.close()
        if self.path.is_dir():
            raise ConcordError(f"translation cache {self.path}: is a folder, not a cache file; "
                               "not removing a folder (remove it yourself)")
        remove_db(self.path)
        return n

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
