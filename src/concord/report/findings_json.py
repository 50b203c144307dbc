"""findings.json: the machine-readable contract (schema in ``concord/schemas``).

This is the one place where the model (:mod:`concord.document`: documents, beads,
findings, pair and group results) becomes plain dicts; every other writer reads those dicts.

Written as a stream: the header first, then each group as it finishes, then the baseline
summary, into a temporary file renamed into place at the end. The bytes are exactly those
of ``json.dumps(result.to_dict(), indent=2, ensure_ascii=False)``: the same corpus and
settings give a byte-identical file.

``findings.jsonl`` (:class:`JsonlStream`, ``--format jsonl``) holds the same group objects,
one a line (compact JSON, in corpus order), for archives too large to read as one JSON
document: each line is ``json.dumps(group, ensure_ascii=False, separators=(",", ":"))`` of
the group findings.json holds at the same place.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..fsutil import temp_done, temp_file

if TYPE_CHECKING:
    from ..document import (
        BaselineDict,
        Bead,
        BeadDict,
        Document,
        DocumentDict,
        Evidence,
        EvidenceDict,
        Finding,
        FindingDict,
        GroupDict,
        GroupResult,
        Result,
        Sentence,
        SentenceDict,
        Span,
        SpanDict,
    )


def span_dict(sp: Span) -> SpanDict:
    return {"start": sp.start, "end": sp.end, "text": sp.text, "language": sp.language, "kind": sp.kind}


def sentence_dict(s: Sentence) -> SentenceDict:
    out: SentenceDict = {
        "index": s.index,
        "start": s.start,
        "end": s.end,
        "paragraph": s.paragraph,
        "text": s.text,
        "language": s.language,
        "spans": [span_dict(sp) for sp in s.spans],
        "translation": s.translation,
        "translator": s.translator,
    }
    if s.unit is not None:
        out["unit"] = s.unit
    return out


def document_dict(d: Document) -> DocumentDict:
    return {
        "id": d.id,
        "path": d.path,
        "sha256": d.sha256,
        "encoding": d.encoding,
        "format": d.format,
        "language": d.language,
        "characters": len(d.text),
        "paragraphs": [{"index": p.index, "start": p.start, "end": p.end, "sentences": list(p.sentences)}
                       for p in d.paragraphs],
        "sentences": [sentence_dict(s) for s in d.sentences],
    }


def bead_dict(b: Bead) -> BeadDict:
    return {"a": list(b.a), "b": list(b.b), "score": round(b.score, 4), "kind": str(b.kind)}


def evidence_dict(ev: Evidence | None) -> EvidenceDict | None:
    if ev is None:
        return None
    out: EvidenceDict = {"document": ev.document, "sentences": list(ev.sentences), "text": ev.text,
                         "start": ev.start, "end": ev.end, "line": ev.line, "column": ev.column}
    if ev.unit is not None:
        out["unit"] = ev.unit
    return out


def finding_dict(f: Finding) -> FindingDict:
    out: FindingDict = {"id": f.id, "check": f.check, "category": str(f.category), "severity": str(f.severity),
                        "message": f.message, "a": evidence_dict(f.a), "b": evidence_dict(f.b)}
    if f.classification is not None:
        out["classification"] = f.classification
    if f.facts is not None:
        out["facts"] = list(f.facts)
    return out


def group_dict(g: GroupResult) -> GroupDict:
    """A :class:`concord.document.GroupResult` as its findings.json entry."""
    return {
        "id": g.id,
        "method": str(g.method),
        "anchors": list(g.anchors),
        "translators": dict(g.translators),
        "names": dict(g.names),
        "documents": [document_dict(d) for d in g.documents],
        "pairs": [{"a": p.a, "b": p.b, "alignment": [bead_dict(b) for b in p.alignment],
                   "findings": [finding_dict(f) for f in p.findings]} for p in g.pairs],
    }


def result_dict(result: Result) -> dict[str, Any]:
    """A run's :class:`concord.document.Result` as findings.json (groups already dicts)."""
    from ..version import __version__

    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "concord", "version": __version__},
        "settings": result.settings,
        "skipped": result.skipped,
        "groups": result.groups,
        "baseline": result.baseline,
    }


SCHEMA_VERSION = "1.0"


def dumps(result: Result) -> str:
    """Deterministic JSON text: same corpus and settings, byte-identical output."""
    return json.dumps(result_dict(result), ensure_ascii=False, indent=2) + "\n"


def group_fragment(group: GroupDict) -> str:
    """A group's text in findings.json (before the indentation of its place in the file)."""
    return dumps_indented(group)


try:  # the C string encoder json.dumps uses (ensure_ascii=False)
    from _json import encode_basestring as _quote
except ImportError:  # pragma: no cover - CPython always has it
    from json.encoder import py_encode_basestring as _quote


def dumps_indented(obj: object) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=2)``, byte for byte, for the JSON types
    (str keys, str, int, float, bool, None, list, tuple, dict) in a few times less time:
    with ``indent`` set, the standard library falls back to its pure-Python generator
    encoder. Anything else goes to ``json.dumps`` (a test compares the two)."""
    out: list[str] = []
    try:
        _encode(obj, out, "\n")
    except _Unusual:
        return json.dumps(obj, ensure_ascii=False, indent=2)
    return "".join(out)


class _Unusual(Exception):
    pass


_FLOAT_REPR = float.__repr__


def _encode(o: Any, out: list[str], nl: str) -> None:
    # o is Any: the branches test type(o) by identity, which mypy does not narrow on
    t = type(o)
    if t is str:
        out.append(_quote(o))
    elif o is None:
        out.append("null")
    elif o is True:
        out.append("true")
    elif o is False:
        out.append("false")
    elif t is int:
        out.append(int.__repr__(o))
    elif t is float:
        if o != o or o in (float("inf"), float("-inf")):  # noqa: PLR0124  (o != o: NaN)
            raise _Unusual
        out.append(_FLOAT_REPR(o))
    elif t is dict:
        if not o:
            out.append("{}")
            return
        inner = nl + "  "
        first = True
        for k, v in o.items():
            if type(k) is not str:
                raise _Unusual
            out.append(("{" if first else ",") + inner + _quote(k) + ": ")
            first = False
            _encode(v, out, inner)
        out.append(nl + "}")
    elif t is list or t is tuple:
        if not o:
            out.append("[]")
            return
        inner = nl + "  "
        first = True
        for v in o:
            out.append(("[" if first else ",") + inner)
            first = False
            _encode(v, out, inner)
        out.append(nl + "]")
    else:
        raise _Unusual


def _indent(text: str, pad: str) -> str:
    return text.replace("\n", "\n" + pad)


class JsonStream:
    """Write findings.json group by group (memory stays flat however large the corpus)."""

    def __init__(self, out_dir: Path, header: dict[str, Any]) -> None:
        self.path = Path(out_dir) / "findings.json"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = temp_file(self.path.parent)
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        head = json.dumps(header, ensure_ascii=False, indent=2)
        assert head.endswith("\n}")
        self.fh.write(head[:-2] + ',\n  "groups": [')
        self.n = 0

    def add(self, group: GroupDict) -> None:
        self.add_fragment(group_fragment(group))

    def add_fragment(self, fragment: str) -> None:
        self.fh.write(("," if self.n else "") + "\n    " + _indent(fragment, "    "))
        self.n += 1

    def add_placed(self, data: bytes) -> None:
        """A group given as :func:`placed_fragment` made it, in UTF-8 (kept from an
        earlier run: written as it is)."""
        self.fh.flush()  # what the text layer holds goes first
        self.fh.buffer.write(data if self.n else data[1:])
        self.n += 1

    def finish(self, baseline: BaselineDict | None) -> Path:
        tail = "\n  ]" if self.n else "]"
        tail += ',\n  "baseline": ' + _indent(json.dumps(baseline, ensure_ascii=False, indent=2), "  ")
        self.fh.write(tail + "\n}\n")
        return self._commit()

    def _commit(self) -> Path:
        """Flush the temporary file to disk and rename it into place."""
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        os.replace(self.tmp, self.path)
        temp_done(self.tmp)
        return self.path

    def abort(self) -> None:
        try:
            self.fh.close()
            os.unlink(self.tmp)
        except OSError:
            pass
        temp_done(self.tmp)


def placed_fragment(fragment: str) -> bytes:
    """A group's text as it stands in findings.json, in UTF-8: after a comma, a line break
    and the indentation of its place (:meth:`JsonStream.add_placed` drops the comma of the
    first)."""
    return (",\n    " + _indent(fragment, "    ")).encode("utf-8")


def group_line(group: GroupDict) -> str:
    """A group's line in findings.jsonl (without the line break): compact JSON."""
    return json.dumps(group, ensure_ascii=False, separators=(",", ":"))


class JsonlStream(JsonStream):
    """Write findings.jsonl: one group a line, written as each group finishes (nothing is
    held), into a temporary file renamed into place at the end."""

    def __init__(self, out_dir: Path) -> None:  # (no header: groups only)
        self.path = Path(out_dir) / "findings.jsonl"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = temp_file(self.path.parent)
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        self.n = 0

    def add(self, group: GroupDict) -> None:
        self.add_line(group_line(group))

    def add_fragment(self, fragment: str) -> None:
        """A group given as its findings.json text (a stored group)."""
        self.add_line(group_line(json.loads(fragment)))

    def add_line(self, line: str) -> None:
        self.fh.write(line + "\n")
        self.n += 1

    def finish(self, baseline: BaselineDict | None = None) -> Path:
        return self._commit()
