"""SARIF 2.1.0 (``findings.sarif``): findings as results with file/line/column locations,
so code-scanning UIs (GitHub, GitLab, Azure DevOps) show them natively.

Locations use paths relative to where Concord was run (``corpus/story.es.txt``); a corpus
given by an absolute path outside that folder is named relative to its own root, with the
``CORPUS`` base given once in ``originalUriBaseIds``, so no location is machine-specific.
Lines and columns are 1-based in the input file. A result's primary location is the
version the terminal line names (the translation: the second version of its pair), the
other version is its related location. The finding's stable id is the
``partialFingerprints`` value, so a result keeps its identity across runs.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..fsutil import atomic_write

if TYPE_CHECKING:
    from ..document import AnyGroupDict, EvidenceDict, Result

SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# SARIF's levels for Concord's severities ("info" is SARIF's "note").
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rules() -> list[dict[str, Any]]:
    """One SARIF rule per registered check: its id, a CamelCase name, its title and its
    default level, all from the check registry."""
    from ..checks import REGISTRY

    return [{"id": c.id, "name": "".join(w.capitalize() for w in c.func.__name__.split("_")),
             "shortDescription": {"text": c.title},
             "fullDescription": {"text": c.description or c.title},
             "defaultConfiguration": {"level": LEVEL[str(c.severity)]},
             "properties": {"category": str(c.category)}}
            for c in REGISTRY.values()]


#: The base a location outside the working folder is relative to (``originalUriBaseIds``).
CORPUS_BASE = "CORPUS"


def _inside_cwd(path: str) -> str | None:
    """``path`` relative to the working folder, when it lies inside it."""
    rel = os.path.relpath(path)
    return None if rel == os.pardir or rel.startswith(os.pardir + os.sep) else rel


def _outside_root(result: Result) -> str | None:
    """The common folder of the run's absolute paths outside the working folder, if any."""
    outside = [os.path.dirname(str(p)) for p in result.paths.values()
               if "://" not in str(p) and os.path.isabs(str(p)) and _inside_cwd(str(p)) is None]
    if not outside:
        return None
    try:
        return os.path.commonpath(outside)
    except ValueError:  # paths on different drives
        return None


def _artifact(result: Result, document: str, root: str | None) -> dict[str, str]:
    path = str(result.paths.get(document, document))
    if "://" in path:  # a corpus given as a URL: its locations are URLs too
        return {"uri": path}
    if os.path.isabs(path):
        rel = _inside_cwd(path)
        if rel is not None:
            return {"uri": PurePosixPath(Path(rel).as_posix()).as_posix()}
        if root is not None:
            return {"uri": Path(os.path.relpath(path, root)).as_posix(), "uriBaseId": CORPUS_BASE}
    return {"uri": PurePosixPath(Path(path).as_posix()).as_posix()}


def _uri(result: Result, document: str) -> str:
    return _artifact(result, document, _outside_root(result))["uri"]


def _location(result: Result, ev: EvidenceDict, root: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": ev["line"], "startColumn": ev["column"]}
    text = ev.get("text") or ""
    if text and "\n" not in text:
        region["endLine"] = ev["line"]
        region["endColumn"] = ev["column"] + len(text)
    if text:
        region["snippet"] = {"text": text}
    return {"physicalLocation": {"artifactLocation": _artifact(result, ev["document"], root),
                                 "region": region}}


def _results(result: Result, root: str | None = None, ids: list[str] | None = None,
             groups: Iterable[AnyGroupDict] | None = None) -> Iterator[dict[str, Any]]:
    """The results of ``groups`` (default: the run's), with the run's base and rule ids
    unless ``ids`` (and ``root``) are given."""
    rule_ids = ids if ids is not None else [r["id"] for r in _rules()]
    root = _outside_root(result) if ids is None else root
    for group in (result.groups if groups is None else groups):
        for pair in group["pairs"]:
            for f in pair["findings"]:
                # the translation's side first, as the terminal line points at it
                locs = [_location(result, ev, root) for ev in (f["b"], f["a"]) if ev]
                rule = f.get("check", f["category"])
                yield {
                    "ruleId": rule,
                    "ruleIndex": rule_ids.index(rule),
                    "level": LEVEL[f["severity"]],
                    "message": {"text": f["message"]},
                    "locations": locs[:1],
                    "relatedLocations": [dict(loc, id=i + 1) for i, loc in enumerate(locs[1:])],
                    "partialFingerprints": {"concordFindingId/v1": f["id"]},
                    "properties": {"group": group["id"], "documents": [pair["a"], pair["b"]],
                                   "severity": f["severity"]},
                }


def _log(result: Result, results: Sequence[object]) -> dict[str, Any]:
    root = _outside_root(result)
    artifacts = sorted({tuple(sorted(_artifact(result, d["id"], root).items()))
                        for g in result.groups for d in g["documents"]})
    return _log_of(root, artifacts, results)


def _log_of(root: str | None, artifacts: list[Any], results: Sequence[object]) -> dict[str, Any]:
    from ..version import __version__

    return {
        "$schema": SARIF_SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "concord",
                "version": __version__,
                "informationUri": "https://pypi.org/project/concord-check/",
                "rules": _rules(),
            }},
            **({"originalUriBaseIds": {CORPUS_BASE: {"uri": Path(root).as_uri() + "/"}}} if root else {}),
            "artifacts": [{"location": dict(a)} for a in artifacts],
            "results": results,
        }],
    }


def to_sarif(result: Result) -> dict[str, Any]:
    """The SARIF log of a run as a dict (in memory: ``chunks`` streams it)."""
    return _log(result, list(_results(result)))


_MARK = "\u0000concord-results\u0000"


def chunks(result: Result) -> Iterator[str]:
    """The SARIF text in pieces, one result at a time: the same bytes as
    ``json.dumps(to_sarif(result), indent=2)``, without holding every result in memory."""
    text = json.dumps(_log(result, [_MARK]), ensure_ascii=False, indent=2) + "\n"
    mark = json.dumps(_MARK)
    at = text.index(mark)
    line_start = text.rindex("\n", 0, at) + 1
    pad = text[line_start:at]
    open_at = text.rindex("[", 0, at)
    close_at = text.index("]", at + len(mark))
    yield text[:open_at + 1]
    n = 0
    for r in _results(result):
        yield ("," if n else "") + "\n" + pad + json.dumps(r, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
        n += 1
    yield (text[at + len(mark):close_at] if n else "") + text[close_at:]


def dumps(result: Result) -> str:
    return "".join(chunks(result))


def write(result: Result, out_dir: Path) -> list[Path]:
    path = Path(out_dir) / "findings.sarif"
    atomic_write(path, chunks(result))
    return [path]


# --- one group at a time, for a process that keeps each group's text (concord watch) ---

def outside_root(result: Result) -> str | None:
    """The base of the locations outside the working folder (see ``originalUriBaseIds``)."""
    return _outside_root(result)


def rule_ids() -> list[str]:
    """The rules' ids, in the order of the log's ``rules``."""
    return [r["id"] for r in _rules()]


def group_artifacts(result: Result, group: AnyGroupDict, root: str | None) -> set[tuple[tuple[str, str], ...]]:
    """The artifacts of one group's documents (the log lists the union, sorted)."""
    return {tuple(sorted(_artifact(result, d["id"], root).items())) for d in group["documents"]}


_PAD = " " * 8  # where the results stand in the log: runs[0].results[...]


def group_text(result: Result, group: AnyGroupDict, root: str | None, ids: list[str]) -> str:
    """One group's results as they stand in findings.sarif, each after ``",\\n"`` and its
    indentation (:func:`chunks_from` drops the first comma): what ``chunks`` writes for
    the group."""
    return "".join(",\n" + _PAD + json.dumps(r, ensure_ascii=False, indent=2).replace("\n", "\n" + _PAD)
                   for r in _results(result, root, ids, [group]))


def chunks_from(result: Result, root: str | None, artifacts: set[tuple[tuple[str, str], ...]],
                texts: Iterable[str]) -> Iterator[str]:
    """findings.sarif from every group's :func:`group_text` and the union of their
    :func:`group_artifacts`: the bytes ``chunks`` writes."""
    text = json.dumps(_log_of(root, sorted(artifacts), [_MARK]), ensure_ascii=False, indent=2) + "\n"
    mark = json.dumps(_MARK)
    at = text.index(mark)
    assert text[text.rindex("\n", 0, at) + 1:at] == _PAD
    open_at = text.rindex("[", 0, at)
    close_at = text.index("]", at + len(mark))
    yield text[:open_at + 1]
    n = 0
    for piece in texts:
        if piece:
            yield piece if n else piece[1:]
            n += 1
    yield (text[at + len(mark):close_at] if n else "") + text[close_at:]
