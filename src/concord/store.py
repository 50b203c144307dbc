"""The group store: finished group results keyed by a content hash, for incremental runs.

A group's key hashes Concord's version, the run settings, the translation backends'
versions and every document's id and content hash. The store keeps results only: the
group's findings.json text and the derived texts the caller hands it (the report writer's
slim summary and counts), as opaque values; it imports nothing of the reports. A re-run finds unchanged groups here
and does not recompute them; touching one document changes only its group's key. The
store lives beside the translation cache (same SQLite file, its own tables) and is
skipped with ``--no-cache``; ``--full`` computes every group again and stores the results
(so the next incremental run starts warm). It also keeps the file-state table (size,
times and digest of every corpus file as last read) that lets a re-run skip reading and
hashing unchanged files.

A long-lived process (``concord watch``) calls :func:`keep_in_memory`: every group and
file state read or written is then also kept in this process, so a run after one saved
document reads nothing of the store for the unchanged groups and writes only the rows that
changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from pathlib import Path

from .document import GroupDict, GroupSummaryDict
from .filestate import FileState
from .translate.cache import cache_error, default_cache_path, is_corrupt, open_db, remove_db
from .version import __version__


def group_key(doc_hashes: list[tuple[str, ...]], settings: dict, backends: dict,
              grouping: dict | None = None) -> str:
    """The content key of a group result: Concord's version, the settings, the backends,
    every document's id, path and content hash *in the group's order* (pairs are compared
    in that order), and ``grouping`` (the group's id, how it was formed and its anchors), so a
    manifest that regroups or reorders documents never reuses a stale result."""
    payload = json.dumps({"v": __version__, "settings": settings, "backends": backends,
                          "docs": [list(x) for x in doc_hashes], "grouping": grouping or {}},
                         sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def key_for_group(group, settings: dict, backends: dict) -> str:
    """:func:`group_key` of a :class:`~concord.document.Group`."""
    return group_key([(d.id, d.path, d.sha256) for d in group.documents], settings, backends,
                     {"id": group.id, "method": group.method, "anchors": list(group.anchors)})


class StoredGroup:
    """A group result as the report writer needs it: its findings.json text plus the values
    derived from it (``slim_text``, ``summary``), so it is written without being parsed and
    serialised again. Groups come this way from the store, and from worker processes, which
    also render the group's HTML page (``page``: file name and HTML, see
    :func:`concord.report.prepare_group`)."""

    __slots__ = ("id", "fragment", "slim_text", "summary", "_full", "page")

    def __init__(self, id: str, fragment: str, slim_text: str, summary: GroupSummaryDict,
                 full: GroupDict | None = None, page: tuple[str, str] | None = None):
        self.id, self.fragment, self.slim_text, self.summary = id, fragment, slim_text, summary
        self._full = full
        self.page = page

    def full(self) -> GroupDict:
        """The group's findings.json entry (parsed from ``fragment`` on first use)."""
        if self._full is None:
            self._full = json.loads(self.fragment)
        return self._full


# Schema of the store's tables. Each field is its own column: the findings.json fragment
# (zlib-compressed UTF-8), the slim summary text, the summary (one JSON object), so a
# stored group is read with one decompression and one small ``json.loads``. A store of
# another schema (an older Concord's single-blob ``group_result`` table) is dropped and
# rebuilt: it is a cache, never an error. Bump SCHEMA when a column changes.
SCHEMA = 2
_GROUPS = f"group_result_v{SCHEMA}"
_FILES = f"file_state_v{SCHEMA}"
_OLD_TABLES = ("group_result", *(f"group_result_v{n}" for n in range(2, SCHEMA)),
               *(f"file_state_v{n}" for n in range(2, SCHEMA)))
_TABLE = (f"CREATE TABLE IF NOT EXISTS {_GROUPS} (key TEXT PRIMARY KEY, id TEXT NOT NULL,"
          " fragment BLOB NOT NULL, slim TEXT NOT NULL, summary TEXT NOT NULL)")
# The file-state table: per corpus folder and file, what the file looked like when it was
# last read (size, modification and change times in ns), when that was (``recorded_ns``),
# the digest of its bytes, and what reading it gave (its documents' metadata and anchors,
# the decoding warnings), so an unchanged file is neither read nor hashed again (see
# concord.corpus.read_corpus for the rule that decides "unchanged").
_FILES_TABLE = (f"CREATE TABLE IF NOT EXISTS {_FILES} (root TEXT NOT NULL, path TEXT NOT NULL,"
                " version TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
                " ctime_ns INTEGER NOT NULL, recorded_ns INTEGER NOT NULL, digest TEXT NOT NULL,"
                " documents TEXT NOT NULL, warnings TEXT NOT NULL, PRIMARY KEY (root, path))")
_BATCH = 500  # keys per SELECT ... IN (...)

# What keep_in_memory keeps: per store file, the groups by key (their texts, no page, no
# parsed dict) and the file states last read or written, per (root, version).
_MEMORY: list[dict[str, dict]] = []


def keep_in_memory(on: bool = True) -> None:
    """Keep the stored groups and file states this process reads or writes in memory (for
    a long-lived process that checks the same corpus again and again); ``False`` forgets
    them."""
    _MEMORY.clear()
    if on:
        _MEMORY.append({})


def _memory(path: Path) -> dict | None:
    if not _MEMORY:
        return None
    return _MEMORY[0].setdefault(str(path), {"groups": {}, "files": {}})


def _lite(group: StoredGroup) -> StoredGroup:
    """A stored group's texts, as kept in memory (no rendered page, no parsed dict)."""
    return StoredGroup(group.id, group.fragment, group.slim_text, group.summary)


def _schema_mismatch(exc: sqlite3.Error) -> bool:
    """A table of ours exists with other columns (a store written by another schema)."""
    text = str(exc)
    return isinstance(exc, sqlite3.OperationalError) and ("no such column" in text or "has no column" in text
                                                          or "no such table" in text)


class GroupStore:
    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path else default_cache_path()
        self._db: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            db = open_db(self.path, _TABLE)
            try:
                db.execute(_FILES_TABLE)
                for old in _OLD_TABLES:  # another schema's tables: dropped, rebuilt as needed
                    db.execute(f"DROP TABLE IF EXISTS {old}")
                db.commit()
            except BaseException:
                db.close()
                raise
            self._db = db
        return self._db

    def _drop_ours(self) -> None:
        db = self._conn()
        with db:
            db.execute(f"DROP TABLE IF EXISTS {_GROUPS}")
            db.execute(f"DROP TABLE IF EXISTS {_FILES}")
        self.close()

    def _guard(self, op):
        """Run ``op(db)``; a store found damaged is started afresh once (it is a cache), and
        so are tables of ours whose columns are not this schema's."""
        try:
            return op(self._conn())
        except sqlite3.Error as exc:
            if is_corrupt(exc):
                self.close()
                remove_db(self.path)
            elif _schema_mismatch(exc):
                try:
                    self._drop_ours()
                except sqlite3.Error as exc2:
                    raise cache_error(self.path, exc2) from None
            else:
                raise cache_error(self.path, exc) from None
            try:
                return op(self._conn())
            except sqlite3.Error as exc2:
                raise cache_error(self.path, exc2) from None

    @staticmethod
    def _decode(row) -> StoredGroup | None:
        gid, fragment, slim, summary = row
        try:
            return StoredGroup(gid, zlib.decompress(fragment).decode("utf-8"), slim, json.loads(summary))
        except (zlib.error, ValueError, TypeError):
            return None  # a damaged entry: the group is computed again

    def get(self, key: str) -> StoredGroup | None:
        return self.get_many([key]).get(key)

    def get_many(self, keys: list[str]) -> dict[str, StoredGroup]:
        """The stored groups of ``keys`` (those found and readable), a few queries in all."""
        keys = list(dict.fromkeys(keys))
        memory = _memory(self.path)
        out = {}
        if memory is not None:
            kept = memory["groups"]
            for key in keys:
                hit = kept.get(key)
                if hit is not None:  # a copy: the writer may add to its summary
                    out[key] = StoredGroup(hit.id, hit.fragment, hit.slim_text, hit.summary.copy())
            keys = [k for k in keys if k not in out]
            if not keys:
                return out

        def op(db):
            rows = []
            for i in range(0, len(keys), _BATCH):
                part = keys[i:i + _BATCH]
                rows += db.execute(f"SELECT key, id, fragment, slim, summary FROM {_GROUPS} WHERE key IN "
                                   f"({','.join('?' * len(part))})", part).fetchall()
            return rows

        for key, *rest in self._guard(op):
            hit = self._decode(rest)
            if hit is not None:
                out[key] = hit
                if memory is not None:
                    memory["groups"][key] = _lite(hit)
        return out

    def put(self, key: str, group: StoredGroup) -> StoredGroup:
        """Store a finished group (its findings.json fragment and the writer's derived slim
        text and summary); return it."""
        row = (key, group.id, zlib.compress(group.fragment.encode("utf-8"), 3), group.slim_text,
               json.dumps(group.summary, ensure_ascii=False, sort_keys=True))

        def op(db):
            with db:
                db.execute(f"INSERT OR REPLACE INTO {_GROUPS} VALUES (?, ?, ?, ?, ?)", row)

        self._guard(op)
        memory = _memory(self.path)
        if memory is not None:
            memory["groups"][key] = _lite(group)
        return group

    def count(self) -> int:
        if not self.path.exists():
            return 0
        return self._guard(lambda db: db.execute(f"SELECT COUNT(*) FROM {_GROUPS}").fetchone()[0])

    # --- the file-state table ------------------------------------------------------------

    def file_states(self, root: str, version: str) -> dict:
        """``path -> FileState`` of the files of corpus folder ``root`` as last recorded by
        this ``version`` of Concord (other versions' rows do not count)."""
        memory = _memory(self.path)
        if memory is not None and (root, version) in memory["files"]:
            return dict(memory["files"][root, version])
        rows = self._guard(lambda db: db.execute(
            f"SELECT path, size, mtime_ns, ctime_ns, recorded_ns, digest, documents, warnings FROM {_FILES}"
            " WHERE root = ? AND version = ?", (root, version)).fetchall())
        out = {}
        for path, size, mtime_ns, ctime_ns, recorded_ns, digest, documents, warnings in rows:
            try:
                out[path] = FileState(size, mtime_ns, ctime_ns, recorded_ns, digest,
                                      json.loads(documents), json.loads(warnings))
            except (ValueError, TypeError):
                continue  # a damaged row: that file is read again
        if memory is not None:
            memory["files"][root, version] = dict(out)
        return out

    def put_file_states(self, root: str, version: str, states: dict) -> None:
        """Replace what is recorded for corpus folder ``root`` by ``states``
        (``path -> FileState``): files no longer in the corpus are forgotten. When this
        process keeps what it wrote (:func:`keep_in_memory`), only the rows that changed
        are written."""
        memory = _memory(self.path)
        before = memory["files"].get((root, version)) if memory is not None else None
        if before is not None:
            self._update_file_states(root, version, before, states)
        else:
            self._put_file_states(root, version, states)
        if memory is not None:
            memory["files"][root, version] = dict(states)

    @staticmethod
    def _rows(root: str, version: str, states: dict) -> list[tuple]:
        return [(root, path, version, s.size, s.mtime_ns, s.ctime_ns, s.recorded_ns, s.digest,
                 json.dumps(s.documents, ensure_ascii=False, sort_keys=True),
                 json.dumps(s.warnings, ensure_ascii=False)) for path, s in states.items()]

    def _update_file_states(self, root: str, version: str, before: dict, states: dict) -> None:
        """Write the difference between the rows last written (``before``) and ``states``."""
        gone = [(root, path) for path in before.keys() - states.keys()]
        rows = self._rows(root, version, {p: s for p, s in states.items() if before.get(p) != s})
        if not gone and not rows:
            return

        def op(db):
            with db:
                db.executemany(f"DELETE FROM {_FILES} WHERE root = ? AND path = ?", gone)
                db.executemany(f"INSERT OR REPLACE INTO {_FILES} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

        self._guard(op)

    def _put_file_states(self, root: str, version: str, states: dict) -> None:
        rows = self._rows(root, version, states)

        def op(db):
            with db:
                db.execute(f"DELETE FROM {_FILES} WHERE root = ?", (root,))
                # folders gone since (a staged copy of a remote corpus): their rows go too
                for (other,) in db.execute(f"SELECT DISTINCT root FROM {_FILES}").fetchall():
                    if not os.path.isdir(other):
                        db.execute(f"DELETE FROM {_FILES} WHERE root = ?", (other,))
                db.executemany(f"INSERT OR REPLACE INTO {_FILES} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

        self._guard(op)

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
                groups = db.execute(f"SELECT COUNT(*) FROM {_GROUPS}").fetchone()[0]
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
