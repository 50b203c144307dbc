"""The data model every stage reads and annotates.

Text: a :class:`Document` holds the NFC-normalised text of one file. It is cut into
:class:`Paragraph` objects, each cut into :class:`Sentence` objects, and a sentence may
carry :class:`Span` objects (for example a Spanish byline inside an English sentence).
Every element carries ``start``/``end`` character offsets into ``Document.text``, so a
finding can always point at the exact text it is about. ``Document.source_offset`` maps
an offset back to the decoded source file (before NFC normalisation), which is what SARIF
line/column locations use.

Results: the aligner writes :class:`Bead` objects, the checks write :class:`Finding`
objects (with :class:`Evidence` on each side), and a :class:`PairResult` per pair of
versions and a :class:`GroupResult` per story carry them to the reports. The string enums
:class:`Category`, :class:`Severity`, :class:`BeadKind` and :class:`GroupMethod` are the only
place these names are listed; the JSON Schema, the SARIF rules and the HTML filters are
derived from them (and a test holds the schema to them). Turning these objects into the
dicts of findings.json happens in one place, :mod:`concord.report.findings_json`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Protocol, TypedDict


class _StrEnum(str, Enum):
    """A string enum whose members compare, hash and serialise as their value."""

    _value_: str

    def __str__(self) -> str:
        return self.value

    @classmethod
    def values(cls) -> tuple[str, ...]:
        return tuple(m.value for m in cls)


class Category(_StrEnum):
    """What kind of difference a finding is (after the MQM accuracy typology)."""

    NUMBER = "number"
    NAME = "name"
    DATE = "date"
    QUOTE = "quote"
    MEANING = "meaning"
    OMISSION = "omission"
    ADDITION = "addition"
    LANGUAGE = "language"
    CREDIT = "credit"  # a dateline or byline one version only has: the story's furniture
    PLACEHOLDER = "placeholder"  # a variable, inline code or tag of a software string


class Severity(_StrEnum):
    """How much a finding matters, most serious first."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class BeadKind(_StrEnum):
    """How the sentences of a bead relate."""

    MATCH = "match"
    OMISSION = "omission"  # only in A
    ADDITION = "addition"  # only in B
    MOVED = "moved"  # matched out of order
    REPEATED = "repeated"  # restates a sentence that is already matched
    HEADING = "heading"  # a heading only one version has, whose content the other carries: layout


class GroupMethod(_StrEnum):
    """How a story group was formed."""

    MANIFEST = "manifest"
    FILENAME = "filename"
    ANCHORS = "anchors"
    EXPLICIT = "explicit"
    SINGLE = "single"


@dataclass
class Span:
    """A stretch of a sentence with a property of its own (e.g. another language)."""

    start: int
    end: int
    text: str
    language: str
    kind: str = "language"


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0
    language: str | None = None
    spans: list[Span] = field(default_factory=list)
    translation: str | None = None
    translator: str | None = None
    unit: str | None = None  # translator formats: the id of the unit this sentence is
    # translator formats: the unit's inline codes and placeholders left out of its text,
    # in order, as (kind, id, what it stands for, whether that is the code itself rather
    # than the text shown for it)
    codes: tuple[tuple[str, str | None, str, bool], ...] = ()

    @property
    def pivot_text(self) -> str:
        """The text in the pivot language: the translation if there is one."""
        return self.translation if self.translation is not None else self.text


@dataclass
class Paragraph:
    index: int
    start: int
    end: int
    sentences: list[int] = field(default_factory=list)


@dataclass
class Document:
    """One version of a story, read from one file."""

    id: str
    path: str
    text: str
    encoding: str = "utf-8"
    format: str = "txt"
    language: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    sha256: str = ""
    # offset_map[i] = index in the decoded source of NFC character i (len(text)+1 entries),
    # or None when normalisation changed nothing (the identity map).
    offset_map: list[int] | None = None
    source_text: str | None = None
    prealigned: bool = False  # translator formats: sentence i of each version is unit i
    package: str | None = None  # versions read from one file: their shared story key

    def source_offset(self, offset: int) -> int:
        """Map an offset in ``text`` to an offset in the decoded source text."""
        if self.offset_map is None:
            return offset
        offset = max(0, min(offset, len(self.offset_map) - 1))
        return self.offset_map[offset]

    def release(self) -> None:
        """Drop the text and its annotations once a group's results are built (they live
        in the result dict now): a long run keeps only ids, paths and hashes."""
        self.sentences = []
        self.paragraphs = []
        self.text = ""
        self.source_text = None
        self.offset_map = None
        object.__setattr__(self, "_starts_cache", None)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset`` in the decoded source text."""
        src = self.source_text if self.source_text is not None else self.text
        pos = self.source_offset(offset)
        starts = self._line_starts(src)
        line = bisect.bisect_right(starts, pos) - 1
        return line + 1, pos - starts[line] + 1

    def _line_starts(self, src: str) -> list[int]:
        cached = getattr(self, "_starts_cache", None)
        if cached is None:
            cached = [0] + [i + 1 for i, ch in enumerate(src) if ch == "\n"]
            object.__setattr__(self, "_starts_cache", cached)
        return cached


@dataclass
class Group:
    """Documents that are versions of the same story."""

    id: str
    documents: list[Document]
    method: GroupMethod
    anchors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.method = GroupMethod(self.method)


@dataclass
class Bead:
    """Sentences of A (``a``) aligned with sentences of B (``b``), by index."""

    a: list[int]
    b: list[int]
    score: float
    kind: BeadKind = BeadKind.MATCH

    def __post_init__(self) -> None:
        self.kind = BeadKind(self.kind)


@dataclass
class Evidence:
    """Where a finding points in one document: sentence indices and a character range
    (``text == document.text[start:end]``), with the 1-based line and column in the file."""

    document: str
    sentences: list[int]
    text: str
    start: int
    end: int
    line: int
    column: int
    #: The translation unit of its first sentence (XLIFF ``id``, PO ``msgctxt``/``msgid``,
    #: TMX ``tuid``) in a translator format, so a translator finds the unit to fix.
    unit: str | None = None


@dataclass
class Finding:
    """One difference between two versions, as a check reports it.

    ``id`` is stable: it hashes the check's category and the normalised facts, so a
    finding keeps its id when unrelated text around it changes (baselines rely on it).
    ``check`` is the id of the registered check that found it (:mod:`concord.checks`).
    """

    id: str
    check: str
    category: Category
    severity: Severity
    message: str
    a: Evidence | None
    b: Evidence | None
    classification: str | None = None  # a check's sub-kind, e.g. a quote "reworded"
    facts: list[str] | None = None  # the facts an omitted or added sentence carries


@dataclass
class PairResult:
    """The alignment and findings of one pair of versions (A = ``a``, B = ``b``)."""

    a: str
    b: str
    alignment: list[Bead]
    findings: list[Finding]


@dataclass
class GroupResult:
    """Everything Concord found in one story group."""

    id: str
    method: GroupMethod
    anchors: list[str]
    translators: dict[str, str]
    names: dict[str, str]  # language -> name extractor that served it
    documents: list[Document]
    pairs: list[PairResult]


# The dicts of findings.json (schema in concord/schemas), built from the objects above by
# concord.report.findings_json and read by every report writer. Key order is the file's.


class SpanDict(TypedDict):
    start: int
    end: int
    text: str
    language: str
    kind: str


class _SentenceDict(TypedDict):
    index: int
    start: int
    end: int
    paragraph: int
    text: str
    language: str | None
    spans: list[SpanDict]
    translation: str | None
    translator: str | None


class SentenceDict(_SentenceDict, total=False):
    unit: str  # translator formats only


class ParagraphDict(TypedDict):
    index: int
    start: int
    end: int
    sentences: list[int]


class DocumentDict(TypedDict):
    id: str
    path: str
    sha256: str
    encoding: str
    format: str
    language: str | None
    characters: int
    paragraphs: list[ParagraphDict]
    sentences: list[SentenceDict]


class BeadDict(TypedDict):
    a: list[int]
    b: list[int]
    score: float
    kind: str  # a BeadKind value


class _EvidenceDict(TypedDict):
    document: str
    sentences: list[int]
    text: str
    start: int
    end: int
    line: int
    column: int


class EvidenceDict(_EvidenceDict, total=False):
    unit: str  # translator formats: the unit of the first sentence


class _FindingDict(TypedDict):
    id: str
    check: str
    category: str  # a Category value
    severity: str  # a Severity value
    message: str
    a: EvidenceDict | None
    b: EvidenceDict | None


class FindingDict(_FindingDict, total=False):
    classification: str
    facts: list[str]


class PairDict(TypedDict):
    a: str
    b: str
    alignment: list[BeadDict]
    findings: list[FindingDict]


class _GroupDict(TypedDict):
    id: str
    method: str  # a GroupMethod value
    anchors: list[str]
    translators: dict[str, str]
    names: dict[str, str]
    documents: list[DocumentDict]
    pairs: list[PairDict]


class UncomparedDict(TypedDict):
    document: str
    language: str | None
    reason: str  # "de: no language profile; not compared"


class GroupDict(_GroupDict, total=False):
    error: str  # a group that could not be computed (no pairs)
    uncompared: list[UncomparedDict]  # versions in a language without a profile


# What the index, SARIF, JUnit, CSV and the exit code need of a group (concord.report
# keeps these on disk while a run writes its reports): its head and its findings.


class DocumentHeadDict(TypedDict):
    id: str
    path: str
    language: str | None
    sentence_count: int


class GroupHeadDict(TypedDict):
    id: str
    method: str
    translators: dict[str, str]
    names: dict[str, str]
    documents: list[DocumentHeadDict]


class SlimPairDict(TypedDict):
    a: str
    b: str
    findings: list[FindingDict]


class SlimGroupDict(GroupHeadDict):
    pairs: list[SlimPairDict]


class GroupSummaryDict(GroupHeadDict):
    headline: str
    severity_counts: dict[str, int]  # severity -> findings
    category_counts: dict[str, int]  # category -> findings


# A group as the readers of Result.groups get it (its findings.json entry, or slim), and
# one of its pairs: both carry the ids, documents (id, path, language) and findings.
AnyGroupDict = GroupDict | SlimGroupDict
AnyPairDict = PairDict | SlimPairDict


class SkippedDict(TypedDict):
    path: str
    reason: str


class BaselineDict(TypedDict):
    file: str | None
    suppressed: int


class SlimGroups(Protocol):
    """The slim groups of a run whose reports were written (kept on disk, read back in
    order when iterated)."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[SlimGroupDict]: ...


class Summaries(Protocol):
    """The group summaries of a run whose reports were written (kept on disk, read back in
    order when iterated)."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[GroupSummaryDict]: ...


@dataclass
class Result:
    """Everything a run produced: the groups (findings.json entries; the slim groups when
    the run wrote its reports), the files set aside, the settings and backends, and what
    the reports need. ``concord.pipeline.Result`` adds ``to_dict`` (findings.json)."""

    groups: list[GroupDict] | SlimGroups = field(default_factory=list)
    skipped: list[SkippedDict] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    baseline: BaselineDict | None = None  # of a run given a baseline
    paths: Mapping[str, str] = field(default_factory=dict)  # document id -> path as given (SARIF locations)
    # per-group finding counts (report.group_summary), when a ReportWriter produced the Result
    summaries: list[GroupSummaryDict] | Summaries | None = None
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    reused: int = 0  # groups taken unchanged from the group store
    written: list[Path] = field(default_factory=list)  # report files, when written

    def findings(self) -> Iterator[FindingDict]:
        """Every finding of every pair, in group and pair order."""
        for g in self.groups:
            for pair in g["pairs"]:
                yield from pair["findings"]

    def count(self, at_least: str = "info") -> int:
        """How many findings are at ``at_least`` severity or above."""
        rank = Severity(at_least).rank
        if self.summaries is not None:
            return sum(n for g in self.summaries for sev, n in g["severity_counts"].items()
                       if Severity(sev).rank >= rank)
        return sum(1 for f in self.findings() if Severity(f["severity"]).rank >= rank)
