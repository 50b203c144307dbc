"""Terminal output: one line per finding, ``path:line:col: severity check-id message``,
the shape ruff, flake8 and gcc print, so editors and terminals can jump to the place.

A finding points at the translation's side when it has one (that is where an editor
fixes it) and at the other side otherwise (an omitted sentence: where it is in the
source). Lines are grouped by story, most serious first, then by position.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from ..document import AnyGroupDict, BaselineDict, EvidenceDict, FindingDict, Severity

# ANSI colours per severity (the SGR codes of ECMA-48): red, yellow, blue
_COLOURS = {Severity.ERROR.value: "31", Severity.WARNING.value: "33", Severity.INFO.value: "34"}


def use_colour(stream: TextIO | None = None) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (no-color.org)."""
    stream = stream if stream is not None else sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def location(finding: FindingDict) -> EvidenceDict | None:
    """The evidence a terminal line points at: the second side (the translation) when the
    finding has one, else the first."""
    return finding.get("b") or finding.get("a")


def sort_key(finding: FindingDict) -> tuple[int, int, int, str]:
    """Most serious first, then by position in the first version, then the second."""
    a, b = finding.get("a"), finding.get("b")
    return (-Severity(finding["severity"]).rank, a["start"] if a else 10**12,
            b["start"] if b else 10**12, finding["id"])


def finding_line(finding: FindingDict, path: str, colour: bool = False) -> str:
    """``path:line:col: severity check-id message`` (one line; newlines in the message
    become spaces); in a translator format, ``[unit ID]`` after the check id."""
    ev = location(finding)
    line, col = (ev["line"], ev["column"]) if ev else (1, 1)
    sev = finding["severity"]
    message = " ".join(str(finding["message"]).split())
    unit = f" [unit {ev['unit']}]" if ev and ev.get("unit") else ""
    return (f"{_paint(f'{path}:{line}:{col}:', '1', colour)} {_paint(sev, _COLOURS.get(sev, '0'), colour)} "
            f"{finding.get('check', finding['category'])}{unit} {message}")


def finding_lines(groups: Iterable[AnyGroupDict], paths: dict[str, str], at_least: str = "error",
                  colour: bool = False) -> Iterator[str]:
    """The terminal lines of a run's groups (findings.json or slim group dicts): for each
    story with findings at or above ``at_least``, a header line then one line per
    finding. ``paths`` maps a document id to the path as given on the command line."""
    if at_least not in Severity.values():  # "never"
        return
    rank = Severity(at_least).rank
    for g in groups:
        found = [f for p in g["pairs"] for f in p["findings"] if Severity(f["severity"]).rank >= rank]
        if not found:
            continue
        yield _paint(f"── {g['id']}", "1", colour)
        seen = set()  # the same difference found in several pairs: one line per place
        for f in sorted(found, key=sort_key):
            ev = location(f)
            doc = ev["document"] if ev else ""
            place = (f["id"], doc, ev and ev["line"], ev and ev["column"])
            if place not in seen:
                seen.add(place)
                yield finding_line(f, paths.get(doc, doc), colour)


UNCOUNTABLE = {Severity.INFO.value}  # "3 info", not "3 infos"


def plural(n: int, word: str, plural_form: str | None = None) -> str:
    """``1 error``, ``2 errors``, ``0 findings``, ``3 info``."""
    if n == 1 or word in UNCOUNTABLE:
        return f"{n} {word}"
    return f"{n} {plural_form or word + 's'}"


def summary_line(groups: int, counts: dict[str, int], baseline: BaselineDict | None, report: str,
                 colour: bool = False) -> str:
    """The run's last line: stories, findings per severity, where the report is."""
    total = sum(counts.values())
    new = "new " if baseline else ""
    parts = [_paint(plural(counts.get(s, 0), s), _COLOURS[s], colour and counts.get(s, 0) > 0)
             for s in Severity.values()]
    return (f"{plural(groups, 'story', 'stories')}, {total} {new}{'finding' if total == 1 else 'findings'}: "
            f"{', '.join(parts)}. Report: {report}")
