"""findings.csv: the findings table for a spreadsheet, one row per finding and place.

Columns: story, severity, category, check, message, file, line, column, text, unit, id
(``unit``: the translation unit's id in XLIFF, PO and TMX files, empty elsewhere). Cells a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``) get a leading
apostrophe: wire copy is untrusted input (OWASP's advice on CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..fsutil import atomic_write
from .html import CSV_COLUMNS, csv_rows, finding_rows

if TYPE_CHECKING:
    from ..document import AnyGroupDict, Result

COLUMNS = CSV_COLUMNS  # one list: the page's CSV download writes the same columns


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_text(groups: Iterable[AnyGroupDict]) -> str:
    """The CSV text of the slim groups of a run (most serious first within each story)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for g in groups:
        for row in csv_rows(g, finding_rows(g)):
            w.writerow([_cell(row[c]) for c in COLUMNS])
    return buf.getvalue()


def write(result: Result, out_dir: str | Path) -> list[Path]:
    path = Path(out_dir) / "findings.csv"
    atomic_write(path, csv_text(result.groups))
    return [path]
