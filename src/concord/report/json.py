"""findings.json: the machine-readable contract (schema in ``findings.schema.json``)."""

from __future__ import annotations

import json
from pathlib import Path

from ..textio import atomic_write


def dumps(result) -> str:
    """Deterministic JSON text: same corpus and settings, byte-identical output."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


def write(result, out_dir: Path) -> list[Path]:
    path = Path(out_dir) / "findings.json"
    atomic_write(path, dumps(result))
    return [path]
