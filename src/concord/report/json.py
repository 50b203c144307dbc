"""findings.json: the machine-readable contract (schema in ``concord/schemas``).

Written as a stream: the header first, then each group as it finishes, then the baseline
summary, into a temporary file renamed into place at the end. The bytes are exactly those
of ``json.dumps(result.to_dict(), indent=2, ensure_ascii=False)``: the same corpus and
settings give a byte-identical file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


def dumps(result) -> str:
    """Deterministic JSON text: same corpus and settings, byte-identical output."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


def group_fragment(group: dict) -> str:
    """A group's text in findings.json (before the indentation of its place in the file)."""
    return json.dumps(group, ensure_ascii=False, indent=2)


def _indent(text: str, pad: str) -> str:
    return text.replace("\n", "\n" + pad)


class JsonStream:
    """Write findings.json group by group (memory stays flat however large the corpus)."""

    def __init__(self, out_dir: Path, header: dict):
        self.path = Path(out_dir) / "findings.json"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=".findings.json.", suffix=".tmp", dir=str(self.path.parent))
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        head = json.dumps(header, ensure_ascii=False, indent=2)
        assert head.endswith("\n}")
        self.fh.write(head[:-2] + ',\n  "groups": [')
        self.n = 0

    def add(self, group: dict) -> None:
        self.add_fragment(group_fragment(group))

    def add_fragment(self, fragment: str) -> None:
        self.fh.write(("," if self.n else "") + "\n    " + _indent(fragment, "    "))
        self.n += 1

    def finish(self, baseline) -> Path:
        tail = "\n  ]" if self.n else "]"
        tail += ',\n  "baseline": ' + _indent(json.dumps(baseline, ensure_ascii=False, indent=2), "  ")
        self.fh.write(tail + "\n}\n")
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        os.replace(self.tmp, self.path)
        return self.path

    def abort(self) -> None:
        try:
            self.fh.close()
            os.unlink(self.tmp)
        except OSError:
            pass
