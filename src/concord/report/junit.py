"""JUnit XML (``junit.xml``): one test suite per story group, one test case per pair of
versions. A test case fails when the pair has findings at or above the run's ``fail_on``
level; the failure lists them, one per line. Lower findings go to ``system-out``.
CI systems (GitLab, Jenkins, GitHub test reporters) show the pairs as tests.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from ..document import Severity
from ..fsutil import atomic_write

if TYPE_CHECKING:
    from ..document import AnyGroupDict, AnyPairDict, FindingDict, Result

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters in untrusted copy)."""
    return _NOT_XML.sub("\ufffd", text)


def _line(f: FindingDict) -> str:
    return _clean(f"[{f['severity']}] {f['category']}: {f['message']} (id {f['id']})")


def _rank(severity: str) -> int:
    return Severity(severity).rank


def _threshold(fail_on: str) -> int:
    return _rank(fail_on) if fail_on in Severity.values() else 99  # "never": nothing fails


def _failing(pair: AnyPairDict, threshold: int) -> list[FindingDict]:
    return [f for f in pair["findings"] if _rank(f["severity"]) >= threshold]


def _suite(group: AnyGroupDict, fail_on: str) -> tuple[ET.Element, int, int]:
    threshold = _threshold(fail_on)
    suite = ET.Element("testsuite", name=_clean(group["id"]))
    tests = failures = 0
    for pair in group["pairs"]:
        tests += 1
        case = ET.SubElement(suite, "testcase", classname=_clean(f"concord.{group['id']}"),
                             name=_clean(f"{pair['a']} vs {pair['b']}"))
        counts = Counter(f["severity"] for f in pair["findings"])
        props = ET.SubElement(case, "properties")
        for sev in Severity.values():
            ET.SubElement(props, "property", name=f"findings.{sev}", value=str(counts[sev]))
        failing = _failing(pair, threshold)
        others = [f for f in pair["findings"] if _rank(f["severity"]) < threshold]
        if failing:
            failures += 1
            fail = ET.SubElement(case, "failure", type="concord.findings",
                                 message=f"{len(failing)} finding(s) at or above {fail_on}")
            fail.text = "\n".join(_line(f) for f in failing)
        if others:
            ET.SubElement(case, "system-out").text = "\n".join(_line(f) for f in others)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    return suite, tests, failures


def to_xml(result: Result, fail_on: str = "error") -> ET.Element:
    """The JUnit XML tree of a run (in memory: ``chunks`` streams it); pairs with findings
    at or above ``fail_on`` fail."""
    root = ET.Element("testsuites", name="concord")
    total_tests = total_failures = 0
    for group in result.groups:
        suite, tests, failures = _suite(group, fail_on)
        root.append(suite)
        total_tests += tests
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    return root


def chunks(result: Result, fail_on: str = "error") -> Iterator[str]:
    """junit.xml in pieces, one test suite at a time (two passes over the groups: the
    totals come first, on the root element)."""
    threshold = _threshold(fail_on)
    n_groups = total_tests = total_failures = 0
    for group in result.groups:  # counts only; the suites are built in the second pass
        n_groups += 1
        total_tests += len(group["pairs"])
        total_failures += sum(1 for p in group["pairs"] if _failing(p, threshold))
    root = ET.Element("testsuites", name="concord", tests=str(total_tests),
                      failures=str(total_failures), errors="0")
    head = ET.tostring(root, encoding="unicode")
    if not n_groups:
        yield '<?xml version="1.0" encoding="UTF-8"?>\n' + head + "\n"
        return
    assert head.endswith(" />")
    yield '<?xml version="1.0" encoding="UTF-8"?>\n' + head[:-3] + ">"
    for group in result.groups:
        suite, _, _ = _suite(group, fail_on)
        ET.indent(suite, space="  ", level=1)
        yield "\n  " + ET.tostring(suite, encoding="unicode")
    yield "\n</testsuites>\n"


def dumps(result: Result, fail_on: str = "error") -> str:
    return "".join(chunks(result, fail_on))


def write(result: Result, out_dir: Path, fail_on: str = "error") -> list[Path]:
    path = Path(out_dir) / "junit.xml"
    atomic_write(path, chunks(result, fail_on))
    return [path]


# --- one group at a time, for a process that keeps each group's text (concord watch) ---

def group_text(group: AnyGroupDict, fail_on: str = "error") -> tuple[str, int, int]:
    """One group's test suite as it stands in junit.xml (after its line break and
    indentation), with its tests and failures: what ``chunks`` writes for the group."""
    suite, tests, failures = _suite(group, fail_on)
    ET.indent(suite, space="  ", level=1)
    return "\n  " + ET.tostring(suite, encoding="unicode"), tests, failures


def chunks_from(parts: list[tuple[str, int, int]]) -> Iterator[str]:
    """junit.xml from every group's :func:`group_text`: the bytes ``chunks`` writes."""
    root = ET.Element("testsuites", name="concord", tests=str(sum(p[1] for p in parts)),
                      failures=str(sum(p[2] for p in parts)), errors="0")
    head = ET.tostring(root, encoding="unicode")
    if not parts:
        yield '<?xml version="1.0" encoding="UTF-8"?>\n' + head + "\n"
        return
    yield '<?xml version="1.0" encoding="UTF-8"?>\n' + head[:-3] + ">"
    for text, _, _ in parts:
        yield text
    yield "\n</testsuites>\n"
