"""Report writers: one module per format (json, html); all files are written atomically."""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from . import html as html_report
from . import json as json_report

FORMATS = {"json": json_report.write, "html": html_report.write}


def parse_formats(spec: str) -> list[str]:
    names = [x.strip() for x in spec.split(",") if x.strip()]
    bad = [x for x in names if x not in FORMATS]
    if bad or not names:
        raise UsageError(f"unknown format {', '.join(bad) or spec!r} (choose from {', '.join(FORMATS)})")
    return names


def write_reports(result, out_dir, formats=("html", "json")) -> list[Path]:
    out = Path(out_dir)
    written: list[Path] = []
    for name in formats:
        written += FORMATS[name](result, out)
    return written
