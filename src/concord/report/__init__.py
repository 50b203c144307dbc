"""Report writers: one module per format (html, json and jsonl, sarif, junit, csv).

``ReportWriter`` takes finished groups one at a time: each group's HTML page and its part
of findings.json are written at once, and a slim summary (ids, documents, findings) is
spooled to a temporary file for index.html, SARIF and JUnit, which are written from it at
the end: memory does not grow with the corpus. Every file is written atomically
(temporary file, then rename).

The output folder ends up holding exactly this run's reports: temporary files a killed
run left behind are removed when a run starts, and the reports of an earlier run that
this run does not write (pages of stories no longer there, a SARIF file when SARIF was
not asked for) are removed when it finishes. Only files Concord writes are touched
(:func:`is_report_file`): anything else in the folder is left alone.
"""

from __future__ import annotations

import json as _json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..document import GroupDict, GroupHeadDict, GroupSummaryDict, Result, SlimGroupDict
from ..errors import UsageError
from ..fsutil import atomic_write, remove_stale_temp_files
from . import csvfile as csv_report
from . import html as html_report
from . import junit as junit_report
from . import sarif as sarif_report
from .findings_json import JsonlStream, JsonStream, group_fragment, group_line, result_dict
from .spool import GroupSpool, SummarySpool

if TYPE_CHECKING:
    from ..store import StoredGroup

FORMATS = ("html", "json", "jsonl", "sarif", "junit", "csv")
STDOUT_FORMATS = tuple(f for f in FORMATS if f != "html")  # one file each: `-o -` can print it


# The files a run writes besides the group pages (group-*.html) and the index's further
# pages of a large run (index-2.html, ...).
REPORT_FILES = ("index.html", "findings.json", "findings.jsonl", "findings.sarif", "junit.xml", "findings.csv")


_INDEX_PAGE = re.compile(r"index-[1-9][0-9]*\.html")


def is_report_name(name: str) -> bool:
    """Whether Concord's reports use the file name ``name``: one of :data:`REPORT_FILES`, a
    group page ``group-*.html`` or a further index page ``index-2.html``, ...."""
    return name in REPORT_FILES or (name.startswith("group-") and name.endswith(".html")) \
        or _INDEX_PAGE.fullmatch(name) is not None


def is_report_file(path: Path) -> bool:
    """A report file Concord writes (a name of :func:`is_report_name`); an HTML file
    counts only when its head has Concord's title (a page of the user's own named
    ``index.html`` is never Concord's to remove)."""
    name = path.name
    if not is_report_name(name):
        return False
    try:
        if not path.is_file() or path.is_symlink():
            return False
        if name.endswith(".html"):
            with open(path, "rb") as fh:
                return b"<title>Concord" in fh.read(2048)
    except OSError:
        return False
    return True


def remove_old_reports(out_dir: str | Path, keep: set[str]) -> list[Path]:
    """Remove the report files (see :func:`is_report_file`) in ``out_dir`` whose names are
    not in ``keep``; return them."""
    removed: list[Path] = []
    try:
        entries = sorted(Path(out_dir).iterdir())
    except OSError:
        return removed
    for p in entries:
        if p.name not in keep and is_report_file(p):
            try:
                p.unlink()
                removed.append(p)
            except OSError:
                pass
    return removed


def parse_formats(spec: str) -> list[str]:
    names = list(dict.fromkeys(x.strip() for x in spec.split(",") if x.strip()))
    bad = [x for x in names if x not in FORMATS]
    if bad or not names:
        raise UsageError(f"unknown format {', '.join(repr(b) for b in bad) or repr(spec)} "
                         f"(choose from {', '.join(FORMATS)})")
    return names


def _group_head(group: GroupDict) -> GroupHeadDict:
    """A group's ids and documents (no sentences, no alignment, no findings)."""
    return {
        "id": group["id"],
        "method": group["method"],
        "translators": group["translators"],
        "names": group.get("names", {}),
        "documents": [{"id": d["id"], "path": d["path"], "language": d["language"],
                       "sentence_count": len(d["sentences"])} for d in group["documents"]],
    }


def slim_group(group: GroupDict) -> SlimGroupDict:
    """What SARIF and JUnit need of a group: its head and every pair's findings."""
    return {**_group_head(group),
            "pairs": [{"a": p["a"], "b": p["b"], "findings": p["findings"]} for p in group["pairs"]]}


def group_summary(group: GroupDict) -> GroupSummaryDict:
    """What index.html and the exit code need of a group: its head and finding counts."""
    findings = [f for p in group["pairs"] for f in p["findings"]]
    return {**_group_head(group), "headline": html_report.headline(group),
            "severity_counts": dict(sorted(Counter(f["severity"] for f in findings).items())),
            "category_counts": dict(sorted(Counter(f["category"] for f in findings).items()))}


def slim_text(group: GroupDict) -> str:
    """A group's slim summary as the one-line JSON text the spool keeps."""
    return _json.dumps(slim_group(group), ensure_ascii=False, separators=(",", ":"))


def prepare_group(group: GroupDict, render: dict[str, Any], keep: bool = False) -> StoredGroup:
    """A finished group as the report writer takes it (a
    :class:`~concord.store.StoredGroup`): its findings.json fragment, slim text and summary
    and, when ``render["html"]``, its rendered page. Worker processes call this on the
    groups they compute (see :meth:`ReportWriter.render_spec`), so the parent process only
    writes files; the bytes are the same wherever it runs. With ``keep`` the result also
    holds ``group`` itself (no parsing when the dict is wanted again)."""
    from ..store import StoredGroup

    page = None
    if render.get("html"):
        page = html_report.render_group_page(html_report.env(), group, render["tool"],
                                             render.get("keys", {}).get(group["id"]), render["settings"],
                                             render.get("notices", ()))
    return StoredGroup(group["id"], group_fragment(group), slim_text(group), group_summary(group),
                       group if keep else None, page)


def suppress(group: GroupDict, ids: set[str]) -> int:
    """Drop findings whose id is in a baseline; return how many were dropped."""
    n = 0
    for p in group["pairs"]:
        kept = [f for f in p["findings"] if f["id"] not in ids]
        n += len(p["findings"]) - len(kept)
        p["findings"] = kept
    return n


class ReportWriter:
    """Write the reports of a run as its groups finish."""

    def __init__(self, out_dir: str | Path, formats: Iterable[str], header: Result,
                 baseline_ids: set[str] | None = None, baseline_name: str | None = None,
                 fail_on: str = "error", notices: list[str] | None = None) -> None:
        self.out = Path(out_dir)
        self.notices = list(notices or ())  # a banner at the top of every page (reduced backends)
        self.formats = list(formats)
        self.header = header  # a pipeline.Result without groups
        self.baseline_ids = baseline_ids
        self.baseline_name = baseline_name
        self.fail_on = fail_on
        self.suppressed = 0
        # every finding goes to a spool on disk (for SARIF, JUnit and the returned Result);
        # and the per-group summaries too (what the index and the exit code read)
        self.slim = GroupSpool()
        self.summaries = SummarySpool()
        self.written: list[Path] = []
        self.pages: set[str] = set()  # the group pages of this run (written or current)
        self.keys: dict[str, str | None] = {}  # group id -> content key (None: not known)
        self.out.mkdir(parents=True, exist_ok=True)
        remove_stale_temp_files(self.out)  # a killed run's leftovers
        self.env = html_report.env() if "html" in self.formats else None
        head = result_dict(header)
        for k in ("groups", "baseline"):
            head.pop(k)
        self.tool = head["tool"]
        self.json = JsonStream(self.out, head) if "json" in self.formats else None
        self.jsonl = JsonlStream(self.out) if "jsonl" in self.formats else None

    def render_spec(self, keys: dict[str, Any] | None = None) -> dict[str, Any]:
        """What :func:`prepare_group` needs to prepare groups for this writer elsewhere (in a
        worker process): the tool and settings the pages show, the groups' content ``keys``,
        and whether to render pages at all (not when a baseline changes them: the writer
        renders those itself, from the suppressed findings)."""
        return {"html": self.env is not None and self.baseline_ids is None, "tool": self.tool,
                "settings": self.header.settings, "keys": dict(keys or {}), "notices": self.notices}

    def add(self, group: GroupDict | StoredGroup, key: str | None = None) -> None:
        """Write one finished group (a dict, or a StoredGroup from the group store).
        ``key`` (the group's content hash) lets an unchanged group keep the page already
        on disk; a baseline changes the page, so no key then."""
        if self.baseline_ids is not None:
            group = group if isinstance(group, dict) else group.full()
            self.suppressed += suppress(group, self.baseline_ids)
            key = None
        if self.env is not None:  # (the index reads them)
            self.keys[group["id"] if isinstance(group, dict) else group.id] = key
        if isinstance(group, dict):
            self._add_group(group, key)
        else:
            self._add_stored(group, key)

    def _add_group(self, group: GroupDict, key: str | None) -> None:
        head = html_report.headline(group)
        if self.env is not None:
            if key and html_report.page_is_current(self.out, group["id"], key, head, self.notices):
                self.pages.add(html_report.page_name(group["id"], head))
            else:
                self.pages.add(html_report.write_group_page(self.env, group, self.tool, self.out, key,
                                                            self.header.settings, self.notices).name)
        if self.json is not None:
            self.json.add_fragment(group_fragment(group))
        if self.jsonl is not None:
            self.jsonl.add_line(group_line(group))
        self.slim.append_text(slim_text(group))
        self.summaries.append(group_summary(group))

    def _add_stored(self, stored: StoredGroup, key: str | None) -> None:
        if "headline" not in stored.summary:  # stored by an older version
            stored.summary["headline"] = html_report.headline(stored.full())
        head = stored.summary["headline"]
        if self.env is not None:
            if stored.page is not None:  # rendered by a worker
                name, html = stored.page
                stored.page = None
                atomic_write(self.out / name, html)
                self.pages.add(name)
            elif key and html_report.page_is_current(self.out, stored.id, key, head, self.notices):
                self.pages.add(html_report.page_name(stored.id, head))
            else:
                self.pages.add(html_report.write_group_page(self.env, stored.full(), self.tool, self.out, key,
                                                            self.header.settings, self.notices).name)
        if self.json is not None:
            self.json.add_fragment(stored.fragment)
        if self.jsonl is not None:
            self.jsonl.add_fragment(stored.fragment)
        self.slim.append_text(stored.slim_text)
        self.summaries.append(stored.summary)

    def finish(self) -> Result:
        """Write what needs every group (index, SARIF, JUnit, the end of findings.json)
        and return the run's Result: its groups are the spooled slim groups (read back
        from disk when iterated), its summaries give the counts."""
        result = self.header
        result.groups = self.slim
        result.summaries = self.summaries
        if self.baseline_ids is not None:
            result.baseline = {"file": self.baseline_name, "suppressed": self.suppressed}
        written = []
        if self.env is not None:
            top, counts = html_report.index_findings(self.slim, self.summaries, result.settings.get("source", ""),
                                                     keys=self.keys)
            written += html_report.write_index(self.env, result_dict(result), self.summaries, self.out,
                                               top, result.paths, counts, self.notices,
                                               self.keys)
        if self.json is not None:
            written.append(self.json.finish(result.baseline))
        if self.jsonl is not None:
            written.append(self.jsonl.finish())
        if "sarif" in self.formats:
            written += sarif_report.write(result, self.out)
        if "junit" in self.formats:
            written += junit_report.write(result, self.out, self.fail_on)
        if "csv" in self.formats:
            written += csv_report.write(result, self.out)
        self.written = written
        # the folder now says what this run found, and nothing else
        remove_old_reports(self.out, {p.name for p in written} | self.pages)
        return result

    def abort(self) -> None:
        for stream in (self.json, self.jsonl):
            if stream is not None:
                stream.abort()


def write_reports(result: Result, out_dir: str | Path, formats: Iterable[str] = ("html", "json"),
                  fail_on: str = "error") -> list[Path]:
    """Write the reports of a finished ``Result`` (the library API's counterpart of the CLI)."""
    from copy import copy

    header = copy(result)
    header.groups = []
    writer = ReportWriter(out_dir, formats, header, fail_on=fail_on)
    for g in result.groups:
        # a finished Result's groups are findings.json entries (slim ones only after a run
        # that wrote its reports, whose Result is not written again)
        writer.add(g)  # type: ignore[arg-type]
    writer.finish()  # a baseline applied with apply_baseline travels in the header copy
    return writer.written
