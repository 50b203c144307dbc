"""Corpus and report folders given as fsspec URLs (``s3://bucket/corpus``,
``gs://...``, ``memory://...``, ``file:///...``).

A remote corpus is staged into a local temporary folder before the run (the same scan,
size limits and skip reasons apply to it; documents then travel inside the tasks, so
Dask workers never read it), and remote reports are written locally then uploaded when
the run is done. A plain path, or a ``file://`` URL, is used as it is.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeGuard, TypeVar

from .errors import InputError
from .fsutil import temp_folder

_P = TypeVar("_P")


def is_url(location: object) -> TypeGuard[str]:
    """Whether ``location`` is an fsspec URL other than a local ``file://`` one."""
    return isinstance(location, str) and "://" in location and not location.startswith("file://")


def local_path(location: _P) -> _P | str:
    """A ``file://`` URL as a plain path; anything else unchanged."""
    if isinstance(location, str) and location.startswith("file://"):
        return location[len("file://"):]
    return location


def _fs(url: str) -> tuple[Any, str]:
    """The fsspec file system of ``url`` and the path in it (fsspec is untyped)."""
    try:
        import fsspec
    except ImportError:  # pragma: no cover - fsspec comes with dask
        raise InputError(f"{url}: reading URLs needs fsspec: pip install fsspec") from None
    try:
        found: tuple[Any, str] = fsspec.core.url_to_fs(url)
    except (ValueError, ImportError) as exc:
        raise InputError(f"{url}: {exc}") from None
    return found


@contextmanager
def staged_corpus(url: str) -> Iterator[str]:
    """Copy the corpus at ``url`` into a temporary folder; yield that folder."""
    fs, path = _fs(url)
    if not fs.isdir(path):
        raise InputError(f"{url}: no such corpus folder")
    with temp_folder("concord-corpus-") as tmp:
        base = path.rstrip("/")
        for src in sorted(fs.find(base)):
            rel = src[len(base):].lstrip("/")
            if not rel or any(part in ("", ".", "..") for part in rel.split("/")):
                continue
            dest = Path(tmp, *rel.split("/"))
            dest.parent.mkdir(parents=True, exist_ok=True)
            with fs.open(src, "rb") as fh, open(dest, "wb") as out:
                shutil.copyfileobj(fh, out)
        yield tmp


def upload_reports(local: str | os.PathLike[str], url: str) -> None:
    """Copy every report file of ``local`` to the folder ``url``."""
    fs, path = _fs(url)
    fs.makedirs(path, exist_ok=True)
    for p in sorted(Path(local).iterdir()):
        if p.is_file():
            with open(p, "rb") as fh, fs.open(path.rstrip("/") + "/" + p.name, "wb") as out:
                shutil.copyfileobj(fh, out)
