"""The corpus: finding files, reading them into Documents, and grouping versions.

Grouping decides which documents are versions of the same story, in this order:

1. a **manifest**: ``concord.toml`` in the corpus with ``[[group]]`` tables listing files;
2. the **file-name convention** ``slug.LANG.ext`` (``quake.es.txt`` / ``quake.en.txt``);
3. **anchors**: documents left over (and single-document slugs) join the group whose
   language-independent anchors (numbers, capitalised names, dates) they share, weighted
   by rarity across the corpus, so two versions whose file names share nothing still meet.

:func:`read_corpus` reads a corpus into memory; :class:`Listing` lists and groups it on
disk in the same order and with the same ids, for runs over an archive.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import stat
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeGuard

from . import lang
from .config import load_toml
from .document import Document, Group, GroupMethod
from .errors import InputError
from .filestate import FileState
from .formats import UNSUPPORTED_HINTS
from .fsutil import file_kind
from .reading import SUPPORTED_SUFFIXES, read_document_text
from .text import fold
from .textio import DEFAULT_MAX_BYTES, printable_path

MANIFEST = "concord.toml"
_SUFFIXES = "|".join(re.escape(s) for s in SUPPORTED_SUFFIXES)
_CONVENTION = re.compile(rf"^(?P<slug>.+)\.(?P<lang>[a-z]{{2,3}}(?:-[A-Za-z]{{2}})?)(?:{_SUFFIXES})$")
SKIP_NAMES = {"README.md", "README.txt", "LABELS.md", "labels.json", MANIFEST}


def named_language(path: str) -> str | None:
    """The language code a file name following the ``slug.LANG.ext`` convention gives
    (``es`` for ``sismo.es.txt``, ``pt`` for ``nota.pt-BR.md``), lower case; None for any
    other name."""
    m = _CONVENTION.match(Path(path).name)
    return m.group("lang").split("-")[0].lower() if m else None


@dataclass
class Corpus:
    root: Path
    documents: list[Document] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    warnings: list[str] = field(default_factory=list)  # lossy decodings and the like
    # with ``known`` file states (incremental runs): what this read recorded, per path
    states: dict[str, FileState] = field(default_factory=dict)
    # documents recalled from the file-state table without reading their file (their
    # ``text`` is empty): document id -> the file to read when the group is computed
    unread: dict[str, Path] = field(default_factory=dict)
    anchors: dict[str, set[str]] = field(default_factory=dict)  # document id -> anchors


# The "racy clean" rule (as git's index does): a file whose modification time is within
# this margin of the moment its state was recorded may have been written again in the
# same timestamp tick (coarse file-system clocks: up to 2 s on FAT) with the same size, so
# its recorded state proves nothing: it is read and hashed again, and recorded afresh.
RACY_NS = 2_000_000_000


def _trusted(known: FileState | None, st: os.stat_result, max_bytes: int) -> TypeGuard[FileState]:
    """Whether ``known`` describes the file of ``st`` without reading it: same size,
    modification and change times (ns), modified well before the state was recorded, and
    still within ``max_bytes``. The change time catches a rewrite whose modification time
    was set back (``touch -d``, ``cp -p``)."""
    return (known is not None and bool(known.documents) and known.size == st.st_size
            and known.mtime_ns == st.st_mtime_ns and known.ctime_ns == st.st_ctime_ns
            and st.st_mtime_ns < known.recorded_ns - RACY_NS and st.st_size <= max_bytes)


def unread_document(meta: dict, rel: str, digest: str) -> Document:
    """A document recalled from the file-state table: identity and metadata, no text (the
    file is read only if its group has to be computed)."""
    return Document(id=meta["id"], path=rel, text="", encoding=meta["encoding"], format=meta["format"],
                    sha256=digest, language=meta["language"], prealigned=meta["prealigned"],
                    package=meta["package"])


def load_unread(corpus_or_unread, groups, max_bytes: int = DEFAULT_MAX_BYTES,
                docx_changes: str = "accepted") -> list:
    """Read the files of the documents of ``groups`` that were recalled without reading
    (``Corpus.unread``: document id -> file), replacing each in its group. Returns the
    groups whose documents' bytes changed since the scan (their keys are stale)."""
    unread = getattr(corpus_or_unread, "unread", corpus_or_unread)
    changed = []
    loaded: dict[Path, list[Document]] = {}
    for g in groups:
        for i, d in enumerate(g.documents):
            path = unread.pop(d.id, None)
            if path is None:
                continue
            if path not in loaded:
                loaded[path] = load_documents(path, d.path, max_bytes=max_bytes, docx_changes=docx_changes)
            fresh = next((x for x in loaded[path] if x.id == d.id), None)
            if fresh is None:
                raise InputError(f"{d.path}: changed while being checked; run again")
            if fresh.sha256 != d.sha256:
                changed.append(g)
            g.documents[i] = fresh
    return changed


# Longest id, in UTF-8 bytes: ids become file names (``group-ID.html``) and must stay
# well under the 255-byte limit of common file systems.
ID_MAX_BYTES = 96


def safe_id(text: str, max_bytes: int = ID_MAX_BYTES) -> str:
    """A readable id made of word characters, dots and hyphens, unique by construction.

    When ``text`` is already such a name (and short enough) it is its own id. Otherwise the
    readable part is followed by ``~`` and a hash of the whole original text; ``~`` never
    occurs in an id of the first kind, so two different texts never share an id (up to a
    hash collision): ``x/a b.txt`` and ``y/a-b.txt``, or ``es/story.txt`` and
    ``es-story.txt``, stay apart."""
    raw = text.encode("utf-8", errors="surrogateescape")
    slug = re.sub(r"[^\w.-]+", "-", text).strip("-")
    if slug == text and slug and len(raw) <= max_bytes and not _lone_surrogates(text):
        return slug
    digest = hashlib.sha1(raw).hexdigest()[:10]
    slug = "".join(ch for ch in slug if not 0xD800 <= ord(ch) <= 0xDFFF)
    keep = max_bytes - len(digest) - 1
    while len(slug.encode("utf-8")) > keep:
        slug = slug[: max(0, len(slug) - max(1, (len(slug.encode("utf-8")) - keep) // 4))]
    slug = slug.rstrip("-")
    return f"{slug}~{digest}" if slug else digest


def _lone_surrogates(text: str) -> bool:
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


def doc_id(rel_path: str) -> str:
    """A stable, readable document id from its path relative to the corpus (unique:
    see :func:`safe_id`). Messages name documents by their ids, so a file in a subfolder
    keeps its path (``copy/story.en.txt``, as ``check .`` or a pre-commit hook sees it)
    when every folder and the file name are plain names: ``safe_id`` never puts ``/`` in
    an id, so such an id is no other path's."""
    parts = rel_path.split("/")
    if (len(parts) > 1 and len(rel_path.encode("utf-8", errors="surrogateescape")) <= ID_MAX_BYTES
            and all(p not in ("", ".", "..") and safe_id(p) == p for p in parts)):
        return rel_path
    return safe_id(rel_path)


def load_document(path: str | os.PathLike, rel: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES, warnings: list[str] | None = None,
                  docx_changes: str = "accepted") -> Document:
    """Read one file into a :class:`Document` (not yet segmented). Lossy decodings add a
    one-line message to ``warnings``. A file holding several versions gives its first."""
    return load_documents(path, rel, max_bytes, warnings, docx_changes)[0]


def load_documents(path: str | os.PathLike, rel: str | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES, warnings: list[str] | None = None,
                   docx_changes: str = "accepted") -> list[Document]:
    """Read one file into its Documents: one for a text file, one per version for a file
    that holds several (see :func:`_format_documents`). ``docx_changes``: which text of a
    Word file's tracked changes is read, "accepted" or "original"."""
    decoded = read_document_text(path, max_bytes=max_bytes, docx_changes=docx_changes)
    if warnings is not None:
        warnings.extend(decoded.warnings)
    rel = printable_path(rel or Path(path).name)
    if getattr(decoded, "versions", None):
        return _format_documents(decoded, rel)
    return [_text_document(decoded, rel)]


# --- versions read from one structured file (concord.formats) ---------------------------
# A NewsML-G2 message with several language versions, or an XLIFF/TMX/PO file with source
# and target, gives one Document per version. They keep the file's path (locations point
# into it), get ids ``PATH.LABEL``, and share ``package`` so that group_documents makes
# them one group. Translator formats are ``prealigned``: their sentences are the units, in
# order, each carrying its unit id (sentence i of every version is the same unit).

def _format_documents(decoded, rel: str) -> list[Document]:
    from .document import Paragraph, Sentence

    many = len(decoded.versions) > 1
    docs = []
    for v in decoded.versions:
        doc = Document(id=doc_id(f"{rel}.{v.label}" if many else rel), path=rel, text=v.text,
                       encoding=decoded.encoding, format=decoded.format, sha256=decoded.sha256,
                       language=v.language, offset_map=v.offset_map,
                       source_text=decoded.source_text, prealigned=v.units is not None,
                       package=v.package if many else None)
        if v.units is not None:
            codes: dict[int, list[tuple[str, str | None, str, bool]]] = {}
            for c in v.codes:
                codes.setdefault(c.block, []).append((c.kind, c.id, c.text, c.native))
            for k, ((a, b), unit) in enumerate(zip(v.blocks, v.units)):
                doc.paragraphs.append(Paragraph(index=k, start=a, end=b, sentences=[k]))
                doc.sentences.append(Sentence(index=k, start=a, end=b, text=v.text[a:b],
                                              paragraph=k, unit=unit, codes=tuple(codes.get(k, ()))))
        docs.append(doc)
    return docs


def _text_document(decoded, rel: str) -> Document:
    return Document(id=doc_id(rel), path=rel, text=decoded.text, encoding=decoded.encoding,
                    format=decoded.format, sha256=decoded.sha256,
                    offset_map=decoded.offset_map,
                    source_text=(decoded.source_text if decoded.offset_map is not None or decoded.format != "txt"
                                 else None))


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def iter_files(root: str | os.PathLike[str], exclude: Sequence[str | os.PathLike[str]] = (),
               skipped: list[tuple[str, str]] | None = None) -> Iterator[Path]:
    """The text files of a corpus folder, one at a time, in the order of their paths
    relative to ``root`` (as :func:`scan` returns them): each folder is listed on its own
    (``os.scandir``), its entries sorted by name with a folder's name followed by ``/``,
    so a folder's files come where their paths sort and no listing of the whole corpus is
    held. What is passed over is appended to ``skipped`` (unsorted); see :func:`scan`."""
    base = Path(root)
    real_base = Path(os.path.realpath(base))
    excluded = {os.path.realpath(e) for e in exclude}
    passed: list[tuple[str, str]] = skipped if skipped is not None else []

    def rel_of(path: Path) -> str:
        return printable_path(path.relative_to(base).as_posix())

    def walk(here: Path) -> Iterator[Path]:
        try:
            with os.scandir(here) as it:
                entries = []
                for e in it:
                    try:
                        is_dir = e.is_dir()
                    except OSError:
                        is_dir = False
                    entries.append((e.name + "/" if is_dir else e.name, e.name, is_dir))
        except OSError as exc:
            if here == base:
                raise InputError(f"{printable_path(root)}: cannot read the folder ({exc.strerror or exc})") from None
            passed.append((rel_of(here), f"unreadable folder ({exc.strerror or exc})"))
            return
        entries.sort()
        for _key, name, is_dir in entries:
            if name.startswith("."):
                continue
            path = here / name
            if is_dir:
                if os.path.realpath(path) in excluded:
                    passed.append((rel_of(path) + "/", "the report folder (output is never read as input)"))
                elif path.is_symlink():
                    passed.append((rel_of(path) + "/", "symbolic link to a folder (not followed)"))
                else:
                    yield from walk(path)
                continue
            if name in SKIP_NAMES:
                continue
            rel = rel_of(path)
            try:
                st = os.lstat(path)
                if stat.S_ISLNK(st.st_mode):
                    target = Path(os.path.realpath(path))
                    if not _inside(target, real_base):
                        passed.append((rel, "symbolic link to a file outside the corpus (not followed)"))
                        continue
                    if any(_inside(target, Path(e)) for e in excluded):
                        passed.append((rel, "symbolic link into the report folder"))
                        continue
                    st = os.stat(path)
            except OSError as exc:
                passed.append((rel, f"cannot read ({exc.strerror or exc})"))
                continue
            if not stat.S_ISREG(st.st_mode):
                passed.append((rel, f"{file_kind(st.st_mode)}, not a file (not opened)"))
                continue
            if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                hint = UNSUPPORTED_HINTS.get(Path(name).suffix.lower())
                passed.append((rel, f"unsupported file type ({hint})" if hint else
                               f"unsupported file type (Concord reads {', '.join(SUPPORTED_SUFFIXES)})"))
                continue
            yield path

    yield from walk(base)


def scan(root: str | os.PathLike[str],
         exclude: Sequence[str | os.PathLike[str]] = ()) -> tuple[list[Path], list[tuple[str, str]]]:
    """The text files of a corpus folder, sorted, and what was passed over with its reason.

    Hidden files and known metadata are ignored silently. Passed over with a reason:
    folders in ``exclude`` (the report folder inside the corpus), unreadable subfolders,
    symbolic links that lead outside the corpus (or to a folder), FIFOs, sockets and
    devices (never opened), and files of an unsupported type. Nothing is opened here."""
    skipped: list[tuple[str, str]] = []
    files = list(iter_files(root, exclude, skipped))
    skipped.sort()
    return files, skipped


def _corpus_folder(root: str | os.PathLike) -> Path:
    base = Path(root)
    if not base.exists():
        raise InputError(f"{printable_path(root)}: no such corpus folder")
    if not base.is_dir():
        raise InputError(f"{printable_path(root)}: not a folder (use 'concord compare' for files)")
    return base


def read_corpus(root: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES,
                warn=None, exclude: Sequence[str | os.PathLike[str]] = (),
                known: dict[str, FileState] | None = None, docx_changes: str = "accepted") -> Corpus:
    """Read every supported file below ``root`` (but none inside ``exclude``). Files that
    cannot be read are skipped, each with a reason (and a warning through ``warn``).

    With ``known`` (``path -> FileState``, from the group store's file-state table), a
    file whose size, modification and change times match its recorded state, and whose
    modification is older than that record by more than ``RACY_NS``, is neither read nor
    hashed: its documents come back as metadata only (``Corpus.unread``; read them with
    :func:`load_unread` when their group is computed). Every other file is read and hashed,
    and ``Corpus.states`` holds what to record for the next run."""
    base = _corpus_folder(root)
    corpus = Corpus(root=base)
    try:
        paths, skipped = scan(base, exclude)
    except PermissionError:
        raise InputError(f"{printable_path(root)}: permission denied") from None
    corpus.skipped.extend(skipped)
    for rel, reason in skipped:
        if warn and not reason.startswith("unsupported") and not reason.startswith("the report folder"):
            warn(f"skipped {rel}: {reason}")
    now = time.time_ns()  # before any file is looked at: see RACY_NS
    for p in paths:
        rel = printable_path(p.relative_to(base).as_posix())
        st = None
        # two files whose names print the same share ``rel``: only the first is recorded
        if known is not None and rel not in corpus.states:
            try:
                st = os.stat(p)
            except OSError:
                st = None
            state = known.get(rel)
            if st is not None and _trusted(state, st, max_bytes):
                docs = [unread_document(m, rel, state.digest) for m in state.documents]
                corpus.documents.extend(docs)
                corpus.warnings.extend(state.warnings)
                for d, m in zip(docs, state.documents):
                    corpus.unread[d.id] = p
                    corpus.anchors[d.id] = set(m["anchors"])
                corpus.states[rel] = state
                continue
        try:
            file_warnings: list[str] = []
            docs = load_documents(p, rel, max_bytes=max_bytes, warnings=file_warnings, docx_changes=docx_changes)
            corpus.warnings.extend(file_warnings)
            corpus.documents.extend(docs)
        except InputError as exc:
            reason = str(exc).split(": ", 1)[-1]
            corpus.skipped.append((rel, reason))
            if warn:
                warn(f"skipped {rel}: {reason}")
            continue
        if st is not None:  # recorded as read (the stat taken before reading: see RACY_NS)
            meta = []
            for d in docs:
                corpus.anchors[d.id] = anchors(d)
                meta.append({"id": d.id, "encoding": d.encoding, "format": d.format, "language": d.language,
                             "prealigned": d.prealigned, "package": d.package,
                             "anchors": sorted(corpus.anchors[d.id])})
            corpus.states[rel] = FileState(st.st_size, st.st_mtime_ns, st.st_ctime_ns, now, docs[0].sha256,
                                           meta, file_warnings)
    if warn:
        for w in corpus.warnings:
            warn(w)
    # Ids are unique by construction; two file names that print the same (invalid UTF-8
    # bytes shown as \xNN beside a file really named so) keep the first, sorted by path.
    seen: set[str] = set()
    unique: list[Document] = []
    for d in corpus.documents:
        if d.id in seen:
            corpus.skipped.append((d.path, "another file has the same name as printed"))
            corpus.unread.pop(d.id, None) if d is not next(x for x in unique if x.id == d.id) else None
            continue
        seen.add(d.id)
        unique.append(d)
    corpus.documents = unique
    if not corpus.documents:
        raise InputError(f"{printable_path(root)}: empty corpus (no readable file of a supported type)")
    return corpus


# --- a corpus listed and grouped on disk ------------------------------------------------

class PathMap(Mapping[str, str]):
    """Document id -> the path of its file as the run names it, for the documents of a
    :class:`Listing`'s groups, read from its table on disk (``Result.paths`` of a listed
    run): nothing per document is held in memory. Iterates in corpus order."""

    def __init__(self, listing: Listing, prefix: str, sep: str | None = None) -> None:
        self._listing, self._prefix, self._sep = listing, prefix, sep

    def _path(self, rel: str) -> str:
        return os.path.join(self._prefix, rel) if self._sep is None else self._prefix + self._sep + rel

    def __getitem__(self, key: str) -> str:
        row = self._listing.db.execute("SELECT d.path FROM docs d JOIN members m ON m.doc = d.seq "
                                       "WHERE d.id = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return self._path(row[0])

    def __iter__(self) -> Iterator[str]:
        for doc_id, _ in self._listing.member_paths():
            yield doc_id

    def __len__(self) -> int:
        return int(self._listing.db.execute("SELECT count(*) FROM members").fetchone()[0])

    def items(self):  # one query, not one per key
        return ((doc_id, self._path(rel)) for doc_id, rel in self._listing.member_paths())

    def values(self):
        return (self._path(rel) for _, rel in self._listing.member_paths())


class Listing:
    """A corpus folder listed, read and grouped without holding it in memory.

    One pass over the folder (:func:`iter_files`, one folder at a time) reads each file
    once for what grouping needs (its documents' ids, paths, package keys; a file that
    cannot be read is skipped as :func:`read_corpus` skips it) and keeps that in a private
    SQLite database on disk (deleted when the listing is closed or collected), not the
    texts. The versions read from one file, the manifest's groups and the file-name
    convention's groups are then found there and put in corpus order (the order and ids of
    :func:`group_documents`); :meth:`groups` yields them one at a time, reading each
    group's files again then.

    A corpus with loose documents (a file outside the convention and the manifest, or the
    only version of its slug) is grouped by shared anchors, which compares every unit with
    every other: :meth:`corpus` then gives the :class:`Corpus` read into memory, with
    the documents' anchors, for :func:`group_documents`.
    """

    def __init__(self, root: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES, warn=None,
                 exclude: Sequence[str | os.PathLike[str]] = (), docx_changes: str = "accepted") -> None:
        import sqlite3

        self.root = _corpus_folder(root)
        self.max_bytes, self.docx_changes = max_bytes, docx_changes
        self.manifest: dict = {}
        self.skipped: list[tuple[str, str]] = []
        self.dropped: list[tuple[str, str]] = []  # unusable manifest entries
        self.loose = False  # whether grouping needs the anchors (see the class doc)
        # "": a private temporary database on disk, removed when the connection closes
        self.db = sqlite3.connect("", check_same_thread=False)
        self.db.executescript("""
            CREATE TABLE docs (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, path TEXT NOT NULL,
                               file BLOB NOT NULL, encoding TEXT, format TEXT, sha256 TEXT, language TEXT,
                               prealigned INTEGER, package TEXT, packed INTEGER NOT NULL DEFAULT 0,
                               listed INTEGER NOT NULL DEFAULT 0, unit TEXT);
            CREATE INDEX docs_path ON docs (path);
            CREATE INDEX docs_unit ON docs (unit) WHERE unit IS NOT NULL;
            CREATE TABLE groups (gseq INTEGER PRIMARY KEY, base TEXT NOT NULL, phase INTEGER NOT NULL,
                                 kint INTEGER NOT NULL, k1 TEXT NOT NULL, k2 TEXT NOT NULL, method TEXT NOT NULL);
            CREATE TABLE members (gseq INTEGER NOT NULL, pos INTEGER NOT NULL, path TEXT NOT NULL,
                                  doc INTEGER NOT NULL);
            CREATE TABLE ordered (rank INTEGER PRIMARY KEY, gseq INTEGER NOT NULL, id TEXT NOT NULL,
                                  method TEXT NOT NULL);
        """)
        self._read(warn, exclude)
        self.manifest = load_manifest(self.root)
        self._units()
        if not self.loose:
            self._group()

    def close(self) -> None:
        self.db.close()

    # pass 1: list and read
    def _read(self, warn, exclude) -> None:
        passed: list[tuple[str, str]] = []
        failed: list[tuple[str, str]] = []
        duplicates: list[tuple[str, str]] = []
        warnings: list[str] = []
        later: list[str] = []  # warnings about files that could not be read, said after the listing's
        try:
            files = iter_files(self.root, exclude, passed)
            for p in files:
                rel = printable_path(p.relative_to(self.root).as_posix())
                try:
                    docs = load_documents(p, rel, max_bytes=self.max_bytes, warnings=warnings,
                                          docx_changes=self.docx_changes)
                except InputError as exc:
                    reason = str(exc).split(": ", 1)[-1]
                    failed.append((rel, reason))
                    later.append(f"skipped {rel}: {reason}")
                    continue
                self._add_file(p, docs, duplicates)
        except PermissionError:
            raise InputError(f"{printable_path(self.root)}: permission denied") from None
        passed.sort()
        self.skipped = passed + failed + duplicates
        if warn:
            for rel, reason in passed:
                if not reason.startswith("unsupported") and not reason.startswith("the report folder"):
                    warn(f"skipped {rel}: {reason}")
            for line in later + warnings:
                warn(line)
        if self.db.execute("SELECT 1 FROM docs LIMIT 1").fetchone() is None:
            raise InputError(f"{printable_path(self.root)}: empty corpus (no readable file of a supported type)")

    def _manifest_files(self) -> list[str]:
        return sorted({str(f) for e in self.manifest.get("group", []) if isinstance(e, dict)
                       and isinstance(e.get("files", []), list) for f in e.get("files", [])})

    def _units(self) -> None:
        """Leave the files the manifest lists to it, and tell whether anchors are needed:
        a document outside the convention, or the only one of its slug."""
        self.db.executemany("UPDATE docs SET listed = 1, unit = NULL WHERE path = ? AND packed = 0",
                            [(f,) for f in self._manifest_files()])
        self.loose = self.db.execute(
            "SELECT 1 FROM docs WHERE packed = 0 AND listed = 0 AND unit IS NULL LIMIT 1").fetchone() is not None \
            or self.db.execute("SELECT 1 FROM docs WHERE unit IS NOT NULL GROUP BY unit HAVING count(*) = 1 "
                               "LIMIT 1").fetchone() is not None

    def _add_file(self, p: Path, docs: list[Document], duplicates: list[tuple[str, str]]) -> None:
        """Record one file's documents (ids are unique: a document whose id an earlier file's
        has is skipped, as :func:`read_corpus` does) and the group of its versions."""
        import sqlite3

        kept: list[tuple[int, Document]] = []
        for d in docs:
            try:
                cur = self.db.execute(
                    "INSERT INTO docs (id, path, file, encoding, format, sha256, language, prealigned, package) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (d.id, d.path, os.fsencode(p), d.encoding, d.format, d.sha256, d.language, int(d.prealigned),
                     d.package))
            except sqlite3.IntegrityError:
                duplicates.append((d.path, "another file has the same name as printed"))
                continue
            kept.append((int(cur.lastrowid or 0), d))
        # the versions read from one file (as _package_groups)
        packages: dict[str, list[tuple[int, Document]]] = {}
        for seq, d in kept:
            if d.package is not None:
                packages.setdefault(d.package, []).append((seq, d))
        packed: set[int] = set()
        for key, members in sorted(packages.items()):
            if len(members) < 2:
                continue
            stem = Path(members[0][1].path).name.rsplit(".", 1)[0]
            gid = safe_id(f"{stem}-{key}" if len(packages) > 1 else stem)
            self._add_group(gid, 0, 0, members[0][1].path, key, GroupMethod.FILENAME,
                            [(0, d.path, seq) for seq, d in members])
            packed.update(seq for seq, _ in members)
        for seq, d in kept:
            if seq in packed:
                self.db.execute("UPDATE docs SET packed = 1 WHERE seq = ?", (seq,))
            elif m := _CONVENTION.match(Path(d.path).name):
                unit = f"{Path(d.path).parent}/{m.group('slug')}"
                self.db.execute("UPDATE docs SET unit = ? WHERE seq = ?", (unit, seq))

    def _add_group(self, gid: str, phase: int, kint: int, k1: str, k2: str, method: GroupMethod,
                   members: list[tuple[int, str, int]]) -> None:
        cur = self.db.execute("INSERT INTO groups (base, phase, kint, k1, k2, method) VALUES (?, ?, ?, ?, ?, ?)",
                              (gid, phase, kint, k1, k2, method.value))
        self.db.executemany("INSERT INTO members (gseq, pos, path, doc) VALUES (?, ?, ?, ?)",
                            [(cur.lastrowid, pos, path, seq) for pos, path, seq in members])

    def _unread(self, rows) -> list[Document]:
        return [Document(id=r[0], path=r[1], text="", encoding=r[3], format=r[4], sha256=r[5], language=r[6],
                         prealigned=bool(r[7]), package=r[8]) for r in rows]

    _DOC = "d.id, d.path, d.file, d.encoding, d.format, d.sha256, d.language, d.prealigned, d.package, d.seq"

    # pass 2: the groups, in corpus order
    def _group(self) -> None:
        # the manifest's groups (as _manifest_groups, given the documents it names)
        docs: list[Document] = []
        seqs: dict[str, int] = {}
        for path in self._manifest_files():
            rows = self.db.execute(f"SELECT {self._DOC} FROM docs d WHERE d.path = ? AND d.packed = 0 "
                                   "ORDER BY d.seq", (path,)).fetchall()
            docs += self._unread(rows)
            seqs.update((r[0], r[9]) for r in rows)
        docs.sort(key=lambda d: seqs[d.id])
        by_manifest, _used = _manifest_groups(docs, self.manifest, self.dropped)
        for k, g in enumerate(by_manifest):
            self._add_group(g.id, 1, k, "", "", g.method, [(i, d.path, seqs[d.id]) for i, d in enumerate(g.documents)])
        # the file-name convention's groups (each has two versions or more: see _read)
        self.db.create_function("slug_id", 1, lambda unit: safe_id(unit.rsplit("/", 1)[-1]), deterministic=True)
        self.db.execute("INSERT INTO groups (base, phase, kint, k1, k2, method) "
                        "SELECT slug_id(unit), 2, 0, min(path), unit, ? FROM docs WHERE unit IS NOT NULL "
                        "GROUP BY unit", (GroupMethod.FILENAME.value,))
        self.db.execute("INSERT INTO members (gseq, pos, path, doc) SELECT g.gseq, 0, d.path, d.seq "
                        "FROM groups g JOIN docs d ON d.unit = g.k2 WHERE g.phase = 2")
        self.db.execute("CREATE INDEX members_gseq ON members (gseq)")
        self.db.execute("CREATE INDEX members_doc ON members (doc)")
        # ids made unique in the order group_documents lists the groups, then sorted by id
        # (a clash of the slug convention's groups orders them by their first path)
        self.db.execute("""
            INSERT INTO ordered (gseq, id, method)
            SELECT gseq, CASE WHEN n = 1 THEN base ELSE base || '-' || n END AS gid, method FROM (
                SELECT gseq, base, method, phase, kint, k1, k2,
                       row_number() OVER (PARTITION BY base ORDER BY phase, kint, k1, k2) AS n FROM groups)
            ORDER BY gid, phase, kint, k1, k2""")
        self._unclash()
        self.db.commit()

    def _unclash(self) -> None:
        """:func:`_unclash` on the listed ids: the later group of a clash (in the order
        group_documents lists them) takes the first ``id-k`` no group has; the order by id
        is then made again."""
        clashes = [r[0] for r in self.db.execute("SELECT id FROM ordered GROUP BY id HAVING count(*) > 1 ORDER BY id")]
        if not clashes:
            return
        for gid in clashes:
            rows = self.db.execute("SELECT o.rank FROM ordered o JOIN groups g ON g.gseq = o.gseq WHERE o.id = ? "
                                   "ORDER BY g.phase, g.kint, g.k1, g.k2", (gid,)).fetchall()
            for (rank,) in rows[1:]:
                k = 2
                while self.db.execute("SELECT 1 FROM ordered WHERE id = ?", (f"{gid}-{k}",)).fetchone():
                    k += 1
                self.db.execute("UPDATE ordered SET id = ? WHERE rank = ?", (f"{gid}-{k}", rank))
        self.db.execute("CREATE TABLE reordered AS SELECT o.gseq, o.id, o.method FROM ordered o "
                        "JOIN groups g ON g.gseq = o.gseq ORDER BY o.id, g.phase, g.kint, g.k1, g.k2")
        self.db.execute("DELETE FROM ordered")
        self.db.execute("INSERT INTO ordered (gseq, id, method) SELECT gseq, id, method FROM reordered ORDER BY rowid")
        self.db.execute("DROP TABLE reordered")

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM ordered").fetchone()[0])

    def _members(self, gseq: int) -> list[tuple]:
        return self.db.execute(f"SELECT {self._DOC} FROM members m JOIN docs d ON d.seq = m.doc WHERE m.gseq = ? "
                               "ORDER BY m.pos, m.path, m.doc", (gseq,)).fetchall()

    def groups(self) -> Iterator[Group]:
        """The groups in corpus order, each with its documents read (again) from their
        files. A file whose documents changed since the listing is an error (run again)."""
        cur = self.db.execute("SELECT gseq, id, method FROM ordered ORDER BY rank")
        while True:
            rows = cur.fetchmany(256)
            if not rows:
                return
            for gseq, gid, method in rows:
                yield Group(id=gid, documents=self._load(self._members(gseq)), method=GroupMethod(method))

    def _load(self, rows: list[tuple]) -> list[Document]:
        loaded: dict[bytes, list[Document]] = {}
        out = []
        for r in rows:
            if r[2] not in loaded:
                loaded[r[2]] = load_documents(os.fsdecode(r[2]), r[1], max_bytes=self.max_bytes,
                                              docx_changes=self.docx_changes)
            fresh = next((x for x in loaded[r[2]] if x.id == r[0]), None)
            if fresh is None:
                raise InputError(f"{r[1]}: changed while being checked; run again")
            out.append(fresh)
        return out

    def single(self) -> Iterator[tuple[str, str]]:
        """(group id, path) of each group of one document, in corpus order."""
        yield from self.db.execute(
            "SELECT o.id, min(m.path) FROM ordered o JOIN members m ON m.gseq = o.gseq "
            "GROUP BY o.rank HAVING count(*) = 1 ORDER BY o.rank")

    def member_paths(self) -> Iterator[tuple[str, str]]:
        """(document id, path relative to the corpus) of every grouped document, in corpus
        order."""
        yield from self.db.execute(
            "SELECT d.id, d.path FROM ordered o JOIN members m ON m.gseq = o.gseq JOIN docs d ON d.seq = m.doc "
            "ORDER BY o.rank, m.pos, m.path, m.doc")

    def paths(self, prefix: str, sep: str | None = None) -> PathMap:
        """The run's ``paths``: ``os.path.join(prefix, path)``, or ``prefix + sep + path``."""
        return PathMap(self, prefix, sep)

    def corpus(self) -> Corpus:
        """The corpus as :func:`read_corpus` gives it, for grouping by anchors: every
        document read (once more) with its anchors."""
        corpus = Corpus(root=self.root, skipped=list(self.skipped))
        rows = self.db.execute(f"SELECT {self._DOC} FROM docs d ORDER BY d.seq").fetchall()
        loaded: tuple[bytes, list[Document]] | None = None
        for r in rows:
            if loaded is None or loaded[0] != r[2]:
                loaded = (r[2], load_documents(os.fsdecode(r[2]), r[1], max_bytes=self.max_bytes,
                                               docx_changes=self.docx_changes))
            fresh = next((x for x in loaded[1] if x.id == r[0]), None)
            if fresh is None:
                raise InputError(f"{r[1]}: changed while being checked; run again")
            corpus.documents.append(fresh)
            corpus.anchors[fresh.id] = anchors(fresh)
        return corpus


def check_output_folder(out: str | os.PathLike, inputs: list[str | os.PathLike],
                        root: str | os.PathLike | None = None) -> None:
    """Refuse an output folder that would overwrite an input: the corpus folder itself, or
    a folder holding an input file whose name a report uses (``index.html``,
    ``findings.json``, ``group-*.html``, ...). An output folder inside the corpus is
    fine: :func:`scan` leaves it out of the input."""
    # (imported here: the report writers and jinja2 load only when reports are written)
    from .report import is_report_name


    out_real = os.path.realpath(out)
    if root is not None and os.path.realpath(root) == out_real:
        raise InputError(f"--out {printable_path(out)} is the corpus folder itself; "
                         "choose another folder (a subfolder is fine)")
    for p in inputs:
        real = os.path.realpath(p)
        if os.path.dirname(real) != out_real:
            continue
        name = os.path.basename(real)
        if is_report_name(name):
            raise InputError(f"--out {printable_path(out)}: the report would overwrite the input "
                             f"file {printable_path(p)}; choose another folder")


# --- anchors -------------------------------------------------------------------------

# Capitalised words that are no anchor: each profile's (function words, titles, section
# labels, weekdays) and the month names (and their abbreviations) of every profile.
_STOP_CAPS = {w for code in lang.LANGUAGES for w in lang.get(code).names.NOT_ANCHORS} | {
    fold(m) for code in lang.LANGUAGES
    for m in (*lang.get(code).MONTHS, *lang.get(code).MONTH_ABBREVIATIONS)}


_NUM = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,\s]\d{3})+(?![\d])|(?<![\w.,])\d+(?:[.,]\d+)?")
_CAP = re.compile(rf"\b[{lang.UPPER}][\w'’-]+", re.U)


def anchors(doc: Document) -> set[str]:
    """Language-independent anchors of a document: numbers and capitalised names."""
    text = doc.text
    out: set[str] = set()
    for m in _NUM.finditer(text):
        grouped = re.fullmatch(r"\d{1,3}(?:[.,\s]\d{3})+", m.group(0))
        digits = re.sub(r"[.,\s]", "", m.group(0)) if grouped else m.group(0)
        if len(digits) >= 2:
            out.add("#" + digits)
    for m in _CAP.finditer(text):
        w = fold(m.group(0)).strip("'’-")
        if len(w) >= 4 and w not in _STOP_CAPS:
            out.add(w)
    return out


def _similarity(a: set[str], b: set[str], idf: dict[str, float],
                w_a: float | None = None, w_b: float | None = None) -> tuple[float, int]:
    shared = a & b
    if not shared:
        return 0.0, 0
    # Exact sums (fsum): the same value whatever the sets' iteration order.
    w_shared = math.fsum(idf[x] for x in shared)
    w_min = min(math.fsum(idf[x] for x in a) if w_a is None else w_a,
                math.fsum(idf[x] for x in b) if w_b is None else w_b)
    return (w_shared / w_min if w_min else 0.0), len(shared)


# Two units join when their weighted anchor overlap reaches this and they share enough
# anchors; measured on the corpus and on unrelated stories that share common places.
ANCHOR_THRESHOLD = 0.25
ANCHOR_MIN_SHARED = 4


def _candidate_pairs(unit_anchors: list[set[str]], idf: dict[str, float], loose: list[int],
                     declared: list[bool]) -> set[tuple[float, int, int]]:
    """Pairs of units (at least one loose) whose anchor similarity passes both thresholds,
    as ``(-similarity, i, j)`` with ``i < j``.

    An inverted index (anchor -> units) replaces the all-pairs loop, with a prefix filter:
    a pair passes only if the shared anchors weigh at least ``ANCHOR_THRESHOLD`` times the
    lighter unit's weight, so that unit must share at least one anchor outside its most
    common ones whose weights sum to less than that. Only those "probe" anchors are looked
    up, which skips the long lists of anchors most documents share. The result is exactly
    that of comparing every pair."""
    weight = [math.fsum(idf[x] for x in s) for s in unit_anchors]
    index: dict[str, list[int]] = {}
    for i, s in enumerate(unit_anchors):
        for x in s:
            index.setdefault(x, []).append(i)
    is_loose = [not d for d in declared]
    out: set[tuple[float, int, int]] = set()
    for i, s in enumerate(unit_anchors):
        if not s:
            continue
        # Probe anchors of i, for pairs where i is the lighter unit (ties: both probe).
        budget = ANCHOR_THRESHOLD * weight[i]
        ordered = sorted(s, key=lambda x: (idf[x], x))
        acc = 0.0
        cut = 0
        while cut < len(ordered) and acc + idf[ordered[cut]] < budget:
            acc += idf[ordered[cut]]
            cut += 1
        seen: set[int] = set()
        for x in ordered[cut:]:
            for j in index[x]:
                if j == i or j in seen or weight[j] < weight[i]:
                    continue
                seen.add(j)
                if not (is_loose[i] or is_loose[j]):
                    continue  # two declared stories never merge
                sim, shared = _similarity(s, unit_anchors[j], idf, weight[i], weight[j])
                if sim >= ANCHOR_THRESHOLD and shared >= ANCHOR_MIN_SHARED:
                    out.add((-sim, min(i, j), max(i, j)))
    return out


def _group_id(members: list[Document], prefix: str = "") -> str:
    if prefix:
        return prefix
    h = hashlib.sha1("\n".join(sorted(d.path for d in members)).encode()).hexdigest()[:8]
    return f"group-{h}"


def group_documents(docs: list[Document], manifest: dict | None = None,
                    skipped: list[tuple[str, str]] | None = None,
                    known_anchors: dict[str, set[str]] | None = None) -> list[Group]:
    """Group documents that are versions of one story (manifest, file names, anchors).

    Manifest entries that cannot be used (a file that is missing or was skipped, listed
    twice, or a group with no usable file) are added to ``skipped`` with their reason.
    ``known_anchors`` (document id -> :func:`anchors`, ``Corpus.anchors``) saves computing
    them again, and is how documents recalled without their text are grouped.

    The strategies, in order: the versions read from one file (:func:`_package_groups`),
    the manifest (:func:`_manifest_groups`), the file-name convention
    (:func:`_filename_units`), then shared anchors (:func:`_anchor_clusters`); each
    cluster is one group (:func:`_cluster_group`), ``single`` for a document that joined
    nothing."""
    dropped = skipped if skipped is not None else []
    groups, docs = _package_groups(docs)
    by_manifest, used = _manifest_groups(docs, manifest, dropped)
    groups += by_manifest
    units = _filename_units(docs, used)
    clusters, unit_anchors = _anchor_clusters(units, known_anchors)
    for root in sorted(clusters, key=lambda r: min(d.path for k in clusters[r] for d in units[k]["docs"])):
        groups.append(_cluster_group(units, clusters[root], unit_anchors))
    # Ids must be unique.
    seen: Counter = Counter()
    for g in groups:
        seen[g.id] += 1
        if seen[g.id] > 1:
            g.id = f"{g.id}-{seen[g.id]}"
    _unclash(groups)
    return sorted(groups, key=lambda g: g.id)


def _unclash(groups: list[Group]) -> None:
    """A numbered id that is also a story's own (``x`` twice makes ``x-2``, and a story
    ``x-2`` exists): the later group of a clash, in list order, takes the first
    ``id-k`` (k = 2, 3, ...) no group has."""
    count = Counter(g.id for g in groups)
    if all(n == 1 for n in count.values()):
        return
    taken, kept = set(count), set()
    for g in groups:
        if count[g.id] > 1 and g.id in kept:
            k = 2
            while f"{g.id}-{k}" in taken:
                k += 1
            g.id = f"{g.id}-{k}"
            taken.add(g.id)
        kept.add(g.id)


def _package_groups(docs: list[Document]) -> tuple[list[Group], list[Document]]:
    """Versions read from one file (concord.formats): one group by the file's own
    identifiers, before the manifest and the other rules. Returns those groups and the
    documents left to group."""
    groups: list[Group] = []
    packages: dict[tuple[str, str], list[Document]] = {}
    for d in docs:
        if d.package is not None:
            packages.setdefault((d.path, d.package), []).append(d)
    packed: set[str] = set()
    for (path, key), members in sorted(packages.items()):
        if len(members) < 2:
            continue
        several = sum(1 for p, _ in packages if p == path) > 1
        stem = Path(path).name.rsplit(".", 1)[0]
        groups.append(Group(id=safe_id(f"{stem}-{key}" if several else stem), documents=members,
                            method=GroupMethod.FILENAME))
        packed.update(d.id for d in members)
    return groups, [d for d in docs if d.id not in packed]


def _manifest_groups(docs: list[Document], manifest: dict | None,
                     dropped: list[tuple[str, str]]) -> tuple[list[Group], set[str]]:
    """The groups the manifest's ``[[group]]`` tables list, and the paths they use; an
    entry that cannot be used is added to ``dropped`` with its reason."""
    groups: list[Group] = []
    used: set[str] = set()
    by_path = {d.path: d for d in docs}
    entries = (manifest or {}).get("group", [])
    if not isinstance(entries, list):
        entries = []
        dropped.append((MANIFEST, "'group' is not a list of [[group]] tables; manifest ignored"))
    for k, entry in enumerate(entries):
        if not isinstance(entry, dict):
            dropped.append((f"{MANIFEST} [[group]] #{k + 1}", "not a table"))
            continue
        listed = entry.get("files", [])
        if not isinstance(listed, list):
            listed = []
        files = []
        for f in listed:
            f = str(f)
            if f in used or f in files:
                dropped.append((f, f"{MANIFEST}: listed in more than one group (first one kept)"))
            elif f not in by_path:
                dropped.append((f, f"{MANIFEST}: no such readable file in the corpus"))
            else:
                files.append(f)
        if not files:
            dropped.append((f"{MANIFEST} [[group]] #{k + 1}", "no usable file; group ignored"))
            continue
        members = [by_path[f] for f in files]
        used.update(files)
        gid = safe_id(str(entry["id"])) if entry.get("id") not in (None, "") else _group_id(members)
        groups.append(Group(id=gid, documents=members, method=GroupMethod.MANIFEST))
    return groups, used


def _filename_units(docs: list[Document], used: set[str]) -> list[dict]:
    """Units: the documents of one ``slug.LANG.ext`` convention group (method
    ``filename`` when there are several), and each loose document (``anchors``), of the
    documents whose path is not in ``used``."""
    units: list[dict] = []
    slugs: dict[str, list[Document]] = {}
    for d in docs:
        if d.path in used:
            continue
        m = _CONVENTION.match(Path(d.path).name)
        if m:
            parent = str(Path(d.path).parent)
            slugs.setdefault(f"{parent}/{m.group('slug')}", []).append(d)
        else:
            units.append({"docs": [d], "method": "anchors", "slug": None})
    for key in sorted(slugs):
        members = slugs[key]
        slug = key.rsplit("/", 1)[-1]
        units.append({"docs": members, "method": "filename" if len(members) > 1 else "anchors",
                      "slug": slug})
    return units


def _anchor_clusters(units: list[dict], known_anchors: dict[str, set[str]] | None
                     ) -> tuple[dict[int, list[int]], list[set[str]]]:
    """Anchor-based merging of the units, greedy by best similarity first (deterministic
    order): the clusters (root unit -> its units' indices) and each unit's anchors. Only a
    loose unit can join another, so with none there is nothing to compute."""
    declared = [u["method"] == "filename" for u in units]
    loose = [i for i, dec in enumerate(declared) if not dec]
    if loose:
        known = known_anchors or {}
        unit_anchors = [set().union(*(known[d.id] if d.id in known else anchors(d) for d in u["docs"]))
                        for u in units]
    else:
        unit_anchors = [set() for _ in units]
    df = Counter(a for s in unit_anchors for a in s)
    n = max(len(units), 1)
    idf = {a: math.log(1 + n / c) for a, c in df.items()}
    parent = list(range(len(units)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    candidates = _candidate_pairs(unit_anchors, idf, loose, declared)
    for _neg, i, j in sorted(candidates):
        ri, rj = find(i), find(j)
        if ri == rj or (declared[ri] and declared[rj]):
            continue  # a cluster holds at most one declared story
        parent[rj] = ri
        declared[ri] = declared[ri] or declared[rj]

    clusters: dict[int, list[int]] = {}
    for i in range(len(units)):
        clusters.setdefault(find(i), []).append(i)
    return clusters, unit_anchors


def _cluster_group(units: list[dict], members_idx: list[int], unit_anchors: list[set[str]]) -> Group:
    """The group of one cluster of units: a unit alone keeps its method (``filename``), or
    is ``single`` when it is one document; units joined by their anchors are ``anchors``,
    with the anchors they all share. Its id is its first slug, else a hash of its paths."""
    members = sorted((d for k in members_idx for d in units[k]["docs"]), key=lambda d: d.path)
    slugged = [units[k]["slug"] for k in members_idx if units[k]["slug"]]
    if len(members_idx) == 1:
        method = GroupMethod(units[members_idx[0]]["method"]) if len(members) > 1 else GroupMethod.SINGLE
    else:
        method = GroupMethod.ANCHORS
    shared = sorted(set.intersection(*(unit_anchors[k] for k in members_idx))) if len(members_idx) > 1 else []
    gid = safe_id(sorted(slugged)[0]) if slugged else _group_id(members)
    return Group(id=gid, documents=members, method=method, anchors=shared[:20])


def load_manifest(root: str | os.PathLike) -> dict:
    """The corpus manifest (``concord.toml``), checked for shape: ``[[group]]`` tables with
    a ``files`` list of strings and an optional ``id``, and a ``[concord]`` settings table.
    Anything else is a one-line error naming the file and the key."""
    path = Path(root) / MANIFEST
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise InputError(f"{printable_path(path)}: cannot read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{printable_path(path)}: {file_kind(st.st_mode)}, not a file")
    data = load_toml(path)
    for key in data:
        if key not in ("group", "concord"):
            raise InputError(f"{path}: unknown key {key!r} (a manifest has [[group]] tables and a [concord] table)")
    groups = data.get("group", [])
    if not isinstance(groups, list) or not all(isinstance(g, dict) for g in groups):
        raise InputError(f"{path}: 'group' must be [[group]] tables, each with a files list")
    for n, g in enumerate(groups, 1):
        files = g.get("files")
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise InputError(f"{path}: group {n}: 'files' must be a list of file names")
        if "id" in g and not isinstance(g["id"], str):
            raise InputError(f"{path}: group {n}: 'id' must be a string")
        unknown = [k for k in g if k not in ("files", "id")]
        if unknown:
            raise InputError(f"{path}: group {n}: unknown key {unknown[0]!r} (known: files, id)")
    return data
