"""Baselines: record today's findings, then report only new ones.

``concord baseline CORPUS -o concord-baseline.json`` writes the stable ids of every
current finding; ``concord check --baseline concord-baseline.json`` drops those ids from
the run (and says how many it suppressed). Ids hash the category and the normalised
evidence, so they survive re-runs, reordering and file renames; editing the evidence (a
number changed again) makes a new id, which is reported.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .fsutil import atomic_write
from .version import __version__

if TYPE_CHECKING:
    from .document import Result

BASELINE_VERSION = "1.0"


def baseline_dict(result: Result) -> dict[str, Any]:
    """The baseline document for a run: one entry per finding, sorted."""
    entries = []
    for g in result.groups:
        for p in g["pairs"]:
            for f in p["findings"]:
                entries.append({"id": f["id"], "group": g["id"], "a": p["a"], "b": p["b"],
                                "category": f["category"], "severity": f["severity"],
                                "message": f["message"]})
    entries.sort(key=lambda e: (e["group"], e["a"], e["b"], e["id"]))
    return {"concord_baseline": BASELINE_VERSION, "tool": {"name": "concord", "version": __version__},
            "findings": entries}


def write_baseline(result: Result, path: str | os.PathLike[str]) -> Path:
    """Write the baseline of ``result`` to ``path`` (atomically) and return the path."""
    p = Path(path)
    atomic_write(p, json.dumps(baseline_dict(result), ensure_ascii=False, indent=2) + "\n")
    return p


def load_baseline(path: str | os.PathLike[str]) -> set[str]:
    """The finding ids recorded in a baseline file; a clear error for anything else."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such baseline file") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path}: not a Concord baseline ({exc.__class__.__name__})") from None
    except RecursionError:  # arrays or objects nested deeper than the parser's stack
        raise InputError(f"{path}: not a Concord baseline (nested too deeply)") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise InputError(f"{path}: not a Concord baseline (no 'findings' list)")
    try:
        return {str(e["id"]) for e in data["findings"]}
    except (TypeError, KeyError):
        raise InputError(f"{path}: not a Concord baseline (an entry has no 'id')") from None
