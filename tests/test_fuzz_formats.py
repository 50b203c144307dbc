"""Fuzzing every format reader with mutations of a valid file of its kind (the fixtures of
tests/data/formats and a team-corpus text): truncation, flipped and spliced bytes, deep
nesting, huge attributes and values, entity declarations (expansion and external), wrong
encodings and, for .docx, broken and bomb-like zip packages. Each outcome is a result that
holds together (every character mapped into the file, blocks in order, the versions of a
translator file unit for unit, no declared entity or attribute value read as text) or a
Concord error (one line, exit 2 on the command line): never another exception, and never
a hang (each read has a time limit). The examples are fixed (derandomised) and few, so each
reader takes seconds."""

from __future__ import annotations

import io
import itertools
import signal
import unicodedata
import zipfile
from functools import cache
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from concord.errors import ConcordError  # noqa: E402
from concord.formats import read_format  # noqa: E402
from concord.textio import decode_document  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ROOT / "tests" / "data" / "formats"
SEEDS = {
    "newsml": FORMATS / "newsml" / "inline-html.xml",
    "nitf": FORMATS / "nitf" / "subheadline-abstract.nitf",
    "ninjs": FORMATS / "ninjs" / "html-bodies-3x.json",
    "xliff": FORMATS / "xliff" / "two-files-codes-12.xlf",
    "xliff2": FORMATS / "xliff" / "two-files-codes-20.xlf",
    "tmx": FORMATS / "tmx" / "codes.tmx",
    "po": FORMATS / "po" / "repeated-context.po",
    "docx": FORMATS / "docx" / "tracked-changes.docx",
    "txt": ROOT / "corpus" / "sismo-chile.es.txt",
}
XML = ("newsml", "nitf", "xliff", "xliff2", "tmx")
MAX_BYTES = 2_000_000
MARK = "QZXJ"  # a string no seed holds: in the text it came from an entity or attribute
SECONDS = 20  # per read: a parser that takes longer hangs

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang(f"a read took more than {SECONDS} s")


def _read(kind: str, data: bytes):
    """Read ``data`` as the seed's kind: the versions, or None for a Concord error."""
    suffix = SEEDS[kind].suffix
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(SECONDS)
    try:
        if not data.strip():
            return None  # the corpus reader says "empty file" before any reader
        if kind == "txt":
            decoded = decode_document(data, "fuzz" + suffix, suffix)
            return decoded, [decoded]
        decoded = read_format(data, "fuzz" + suffix, suffix, MAX_BYTES)
        return decoded, decoded.versions
    except ConcordError as exc:
        assert "\n" not in str(exc).strip(), str(exc)
        return None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _holds_together(kind: str, got) -> None:
    if got is None:
        return
    decoded, versions = got
    source = decoded.source_text
    units = None
    for v in versions:
        text, omap = v.text, v.offset_map
        assert MARK not in text, "a declared entity or an attribute value was read as text"
        assert "root:x:" not in text, "an external entity was read"
        assert unicodedata.is_normalized("NFC", text)
        if omap is not None:
            assert len(omap) == len(text) + 1
            assert all(0 <= o <= len(source) for o in omap)
        blocks = getattr(v, "blocks", None) or []
        assert all(0 <= a <= b <= len(text) for a, b in blocks)
        assert all(b0 <= a1 for (_, b0), (a1, _) in itertools.pairwise(blocks))
        if getattr(v, "units", None) is not None:
            assert len(v.units) == len(blocks)
            units = len(v.units) if units is None else units
            assert len(v.units) == units, "the versions of a translator file differ in units"


# --- mutations ----------------------------------------------------------------------------

def _xml_start_tag_end(data: bytes, nth: int) -> int:
    """Where the name of the ``nth`` start tag (after the root's) ends."""
    starts = [i for i in range(len(data) - 1) if data[i] == ord("<") and chr(data[i + 1]).isalpha()]
    i = starts[min(nth, len(starts) - 1)] + 1
    while i < len(data) and (chr(data[i]).isalnum() or data[i] in b":-_."):
        i += 1
    return i


def _text_position(data: bytes, nth: int) -> int:
    """A position just after the ``nth`` '>' (inside element content, for XML)."""
    ends = [i + 1 for i, b in enumerate(data) if b == ord(">")] or [len(data)]
    return ends[min(nth, len(ends) - 1)]


def _after_prolog(data: bytes) -> int:
    return data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0


@st.composite
def _mutation(draw, kind: str, data: bytes) -> bytes:
    ops = ["truncate", "flip", "splice", "encoding", "bom"]
    if kind in XML:
        ops += ["nest", "attribute", "entity", "external", "declared"]
    elif kind == "ninjs":
        ops += ["nest", "attribute", "number"]
    elif kind in ("po", "txt"):
        ops += ["attribute", "nul"]
    op = draw(st.sampled_from(ops))
    n = len(data)
    if op == "truncate":
        return data[:draw(st.integers(0, n - 1))]
    if op == "flip":
        out = bytearray(data)
        for i, x in draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(1, 255)), min_size=1, max_size=8)):
            out[i] ^= x
        return bytes(out)
    if op == "splice":
        i = draw(st.integers(0, n))
        return data[:i] + draw(st.binary(min_size=1, max_size=40)) + data[i:]
    if op == "encoding":
        text = data.decode("utf-8", "replace")
        codec = draw(st.sampled_from(["utf-16-le", "utf-16-be", "utf-32-le", "latin-1", "cp1252", "shift_jis"]))
        return text.encode(codec, "replace")
    if op == "bom":
        boms = [b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\xef\xbb\xbf\xef\xbb\xbf"]
        return draw(st.sampled_from(boms)) + data
    if op == "nul":
        i = draw(st.integers(0, n))
        return data[:i] + b"\x00" * draw(st.integers(1, 5000)) + data[i:]
    depth = draw(st.integers(10, 5000))
    if op == "nest":
        i = _text_position(data, draw(st.integers(0, 30)))
        if kind == "ninjs":
            i = data.index(b"{") + 1
            return data[:i] + b'"' + MARK.encode() + b'": ' + b"[" * depth + b"]" * depth + b"," + data[i:]
        return data[:i] + b"<p>" * depth + b"deep" + b"</p>" * depth + data[i:]
    if op == "attribute":
        size = draw(st.integers(1_000, 300_000))
        if kind in XML:
            i = _xml_start_tag_end(data, draw(st.integers(0, 30)))
            return data[:i] + b' zz="' + MARK.encode() * (size // 4) + b'"' + data[i:]
        if kind == "ninjs":
            i = data.index(b"{") + 1
            return data[:i] + b'"zz' + MARK.encode() + b'": "' + b"x" * size + b'",' + data[i:]
        i = draw(st.integers(0, n))
        return data[:i] + b"y" * size + data[i:]  # one huge word or line
    if op == "number":
        i = data.index(b"{") + 1
        return data[:i] + b'"version": ' + b"9" * draw(st.integers(400, 20_000)) + b"," + data[i:]
    p = _after_prolog(data)
    root = data.find(b"<", p + 1) if data[p:p + 1] != b"<" else p
    name = data[root + 1:_xml_start_tag_end(data, 0)].decode("ascii", "replace")
    i = _text_position(data, draw(st.integers(2, 30)))
    if op == "entity":  # billion laughs, used in element content
        decl = (f'<!DOCTYPE {name} [<!ENTITY a "{MARK * 10}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
                '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>').encode()
        return data[:p] + decl + data[p:i] + b"&c;" + data[i:]
    if op == "external":
        decl = f'<!DOCTYPE {name} [<!ENTITY x SYSTEM "file:///etc/passwd">]>'.encode()
        return data[:p] + decl + data[p:i] + b"&x;" + data[i:]
    # "declared": an encoding declaration that does not match the bytes
    codec = draw(st.sampled_from(["UTF-16", "UTF-32", "ISO-8859-1", "EBCDIC-US", "x-unknown", "UTF-7"]))
    body = data[_after_prolog(data):]
    return f'<?xml version="1.0" encoding="{codec}"?>'.encode() + body


@pytest.mark.parametrize("kind", [k for k in SEEDS if k != "docx"])
def test_a_mutated_file_reads_right_or_is_a_one_line_error(kind):
    seed = SEEDS[kind].read_bytes()
    _holds_together(kind, _read(kind, seed))  # the seed itself reads

    @SETTINGS
    @given(data=_mutation(kind, seed))
    def run(data: bytes) -> None:
        _holds_together(kind, _read(kind, data))

    run()


# --- .docx: the zip package ----------------------------------------------------------------

def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


@cache
def _bomb() -> bytes:
    """word/document.xml inflating to far more than the limit allows, from a small file."""
    members = _members(SEEDS["docx"].read_bytes())
    members["word/document.xml"] = b" " * (6 * MAX_BYTES)
    return _zip(members)


def _lying_sizes(data: bytes) -> bytes:
    """The bomb with every declared size rewritten as tiny (the headers lie)."""
    out = bytearray(data)
    i = 0
    while (i := out.find(b"PK\x03\x04", i)) >= 0:  # local headers: sizes at 18 and 22
        out[i + 22:i + 26] = (10).to_bytes(4, "little")
        i += 4
    i = 0
    while (i := out.find(b"PK\x01\x02", i)) >= 0:  # central directory: sizes at 20 and 24
        out[i + 24:i + 28] = (10).to_bytes(4, "little")
        i += 4
    return bytes(out)


@st.composite
def _docx_mutation(draw) -> bytes:
    data = SEEDS["docx"].read_bytes()
    op = draw(st.sampled_from(["truncate", "flip", "bomb", "lying", "member", "xml", "missing", "stored"]))
    if op == "truncate":
        return data[:draw(st.integers(0, len(data) - 1))]
    if op == "flip":
        out = bytearray(data)
        for i, x in draw(st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(1, 255)),
                                  min_size=1, max_size=6)):
            out[i] ^= x
        return bytes(out)
    if op == "bomb":
        return _bomb()
    if op == "lying":
        return _lying_sizes(_bomb())
    members = _members(data)
    if op == "missing":
        del members[draw(st.sampled_from(sorted(members)))]
        return _zip(members)
    if op == "stored":
        return _zip(members, zipfile.ZIP_STORED)
    doc = members["word/document.xml"]
    if op == "member":  # a mutation of the XML part, as for the other XML formats
        members["word/document.xml"] = draw(_mutation("nitf", doc))
        return _zip(members)
    # "xml": deep nesting or a billion-laughs declaration inside the package
    if draw(st.booleans()):
        i = _text_position(doc, draw(st.integers(2, 30)))
        members["word/document.xml"] = doc[:i] + b"<w:p>" * 3000 + b"</w:p>" * 3000 + doc[i:]
    else:
        p = _after_prolog(doc)
        members["word/document.xml"] = (doc[:p] + f'<!DOCTYPE w:document [<!ENTITY a "{MARK}">]>'.encode()
                                        + doc[p:].replace(b"<w:t>", b"<w:t>&a;", 1))
    return _zip(members)


@SETTINGS
@given(data=_docx_mutation())
def test_a_mutated_docx_reads_right_or_is_a_one_line_error(data):
    _holds_together("docx", _read("docx", data))


def test_a_zip_bomb_is_refused():
    assert _read("docx", _bomb()) is None
    assert _read("docx", _lying_sizes(_bomb())) is None
