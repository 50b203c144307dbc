"""Report writers: one module per format (html, json, sarif, junit); every file is
written atomically."""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from . import html as html_report
from . import json as json_report
from . import junit as junit_report
from . import sarif as sarif_report

FORMATS = {"html": html_report.write, "json": json_report.write,
           "sarif": sarif_report.write, "junit": junit_report.write}


def parse_formats(spec: str) -> list[str]:
    names = list(dict.fromkeys(x.strip() for x in spec.split(",") if x.strip()))
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
