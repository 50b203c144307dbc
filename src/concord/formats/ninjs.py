"""IPTC ninjs (news in JSON), versions 1.x to 3.x: ``headline`` / ``headlines``,
``byline`` / ``by``, ``located`` (the dateline), the summary (a ``descriptions`` entry whose
role is a summary) and the body from ``body_text``, ``body_html`` / ``body_xhtml`` or
``bodies``; ninjs 1.x also names further headlines and bodies ``headline_<purpose>`` and
``body_<format or purpose>`` (``headline_main``, ``body_main``, ``body_richtext``): with no
``headline`` (no ``body_text``, ``body_html`` or ``body_xhtml``), the ``main`` one is read,
else the first. HTML (``body_html``, ``body_xhtml``, and a ``headlines``, ``descriptions`` or
``bodies`` entry whose content type, ``contenttype`` in 2.x and ``contentType`` in 3.x, is
HTML or XHTML) is read through the HTML reader: tags dropped, entities decoded, block
elements kept apart. A body whose content type is NITF (``text/vnd.IPTC.NITF``,
``application/nitf+xml``) holds a whole NITF document: its ``body.content`` paragraphs
are read (the headline and byline are the item's own).

The JSON is read by a small parser that keeps the offset of every string, so findings point
at a line and column of the file; it is iterative and refuses nesting deeper than
:data:`~concord.formats.base.MAX_DEPTH`."""

from __future__ import annotations

import re
from json.decoder import scanstring  # type: ignore[attr-defined]  # public at run time, not in the stubs
from typing import Any, NoReturn

from ..errors import InputError
from .base import MAX_DEPTH, TextBuilder, Version, html_blocks, parse_xml, plain_blocks, story, version_of
from .nitf import body_blocks

NAME = "ninjs"
FIELDS = ("headline", "headlines", "body_text", "body_html", "body_xhtml", "bodies")
# ninjs 1.x pattern properties: headline_<purpose>, body_<format and/or purpose>.
_NAMED = re.compile(r"(headline|body)_[a-zA-Z0-9_]+")


class JStr(str):
    """A JSON string value that knows where its opening quote is in the source."""

    start: int = 0


_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")
_ESC = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def _skip_ws(source: str, i: int) -> int:
    """The offset of the first non-whitespace character at or after ``i``."""
    m = _WS.match(source, i)
    return m.end() if m else i  # _WS matches the empty string too: m is never None


def parse_json(source: str, name: str) -> Any:
    """Parse JSON into dicts, lists, scalars and :class:`JStr` strings."""
    import json

    n = len(source)
    stack: list[list[Any]] = []  # [container, pending key]

    def fail(i: int, what: str) -> NoReturn:
        line = source.count("\n", 0, i) + 1
        col = i - (source.rfind("\n", 0, i) + 1) + 1
        raise InputError(f"{name}: not valid JSON (line {line}, column {col}: {what})")

    def string(i: int) -> tuple[JStr, int]:
        try:
            value, end = scanstring(source, i + 1)
        except json.JSONDecodeError as exc:
            fail(exc.pos, exc.msg)
        s = JStr(value)
        s.start = i
        return s, end

    def key(i: int) -> int:
        if not source.startswith('"', i):
            fail(i, "expected a property name")
        k, i = string(i)
        i = _skip_ws(source, i)
        if not source.startswith(":", i):
            fail(i, "expected ':'")
        stack[-1][1] = str(k)
        return _skip_ws(source, i + 1)

    i = _skip_ws(source, 0)
    while True:
        c = source[i] if i < n else ""
        if c in "{[":
            if len(stack) >= MAX_DEPTH:
                raise InputError(f"{name}: refused: JSON nested deeper than {MAX_DEPTH} levels")
            stack.append([{} if c == "{" else [], None])
            i = _skip_ws(source, i + 1)
            close = "}" if c == "{" else "]"
            if not source.startswith(close, i):
                if c == "{":
                    i = key(i)
                continue
            i += 1
            value = stack.pop()[0]
        elif c == '"':
            value, i = string(i)
        else:
            m = _SCALAR.match(source, i)
            if not m:
                fail(i, "expected a value")
            try:
                value = json.loads(m.group(0))
            except ValueError:  # an integer longer than Python converts (4,300 digits): no
                value = float(m.group(0))  # field Concord reads is a number; its size is enough
            i = m.end()
        # Attach the value, closing every container that ends here.
        while True:
            if not stack:
                if _skip_ws(source, i) != n:
                    fail(i, "extra data after the value")
                return value
            container, pending = stack[-1]
            if isinstance(container, dict):
                container[pending] = value
            else:
                container.append(value)
            i = _skip_ws(source, i)
            if source.startswith(",", i):
                i = _skip_ws(source, i + 1)
                if isinstance(container, dict):
                    i = key(i)
                break
            close = "}" if isinstance(container, dict) else "]"
            if not source.startswith(close, i):
                fail(i, f"expected ',' or '{close}'")
            i += 1
            value = stack.pop()[0]


def string_chars(source: str, s: JStr) -> list[tuple[str, int]]:
    """(character, offset) pairs of a JSON string: an escape maps to its backslash."""
    out: list[tuple[str, int]] = []
    i = s.start + 1
    while True:
        ch = source[i]
        if ch == '"':
            return out
        if ch != "\\":
            out.append((ch, i))
            i += 1
            continue
        e = source[i + 1]
        if e == "u":
            code = int(source[i + 2:i + 6], 16)
            width = 6
            if 0xD800 <= code < 0xDC00 and source.startswith("\\u", i + 6):
                low = int(source[i + 8:i + 12], 16)
                if 0xDC00 <= low < 0xE000:
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    width = 12
            # a surrogate escape without its pair is no character: U+FFFD, as undecodable
            # bytes of a text file read
            out.append((chr(code) if not 0xD800 <= code < 0xE000 else "\ufffd", i))
            i += width
        else:
            out.append((_ESC.get(e, e), i))
            i += 2


def is_ninjs(value: object) -> bool:
    return isinstance(value, dict) and any(k in FIELDS or _NAMED.fullmatch(k) for k in value)


def _named(item: dict[str, object], kind: str) -> tuple[str, JStr] | None:
    """The ninjs 1.x ``headline_*`` or ``body_*`` property to read (``kind`` names which)
    with its name: the one named ``main`` (``body_main``, ``body_main_html``), else the
    first with text."""
    found = [(k, v) for k, v in item.items() if _NAMED.fullmatch(k) and k.startswith(kind + "_")
             and isinstance(v, JStr) and v.strip()]
    return next((kv for kv in found if "main" in kv[0].split("_")[1:]), found[0] if found else None)


def _content_type(entry: dict[str, object]) -> str:
    """The content type of a ``headlines``/``bodies`` entry (``contenttype`` in ninjs 2.x,
    ``contentType`` in 3.x), lower case; empty when not given."""
    value = next((v for k, v in entry.items() if k.lower() == "contenttype"), "")
    return value.lower() if isinstance(value, str) else ""


def _is_html(content_type: str) -> bool:
    return "html" in content_type  # text/html, application/xhtml+xml


def _nitf_blocks(chars: list[tuple[str, int]], name: str) -> list[list[tuple[str, int]]]:
    """The paragraphs of an NITF document held in a JSON string (its character/offset
    pairs): offsets point into the JSON file; what does not parse as NITF is read as HTML
    (tags dropped)."""
    text = "".join(ch for ch, _ in chars)
    try:
        root = parse_xml(text, name)
    except InputError:
        return html_blocks(chars)
    nitf = root if root.tag == "nitf" else root.find("nitf")
    if nitf is None:
        return html_blocks(chars)
    return [[(ch, chars[k][1]) for ch, k in block] for block in body_blocks(nitf)]


def _body_blocks(chars: list[tuple[str, int]], content_type: str, name: str) -> list[list[tuple[str, int]]]:
    """The blocks of a body by its content type: NITF, HTML or plain text."""
    if "nitf" in content_type:
        return _nitf_blocks(chars, name)
    return html_blocks(chars) if _is_html(content_type) else plain_blocks(chars)


def read(source: str, name: str) -> list[Version]:
    item = parse_json(source, name)
    if not is_ninjs(item):
        raise InputError(f"{name}: JSON but not an IPTC ninjs item (no headline or body field)")

    def chars(value: object, html: bool = False) -> list[tuple[str, int]] | None:
        if not (isinstance(value, JStr) and value.strip()):
            return None
        out = string_chars(source, value)
        if html:  # one block: the blocks of an HTML headline joined by a space
            out = [pair for block in html_blocks(out) for pair in [*block, (" ", block[-1][1])]]
        return out or None

    headline = item.get("headline")
    headline_html = False
    if headline is None and isinstance(item.get("headlines"), list):
        mains = [h for h in item["headlines"] if isinstance(h, dict)]
        main = next((h for h in mains if h.get("role") in (None, "main")), mains[0] if mains else {})
        headline = main.get("value")
        headline_html = _is_html(_content_type(main))
    named_headline = _named(item, "headline") if headline is None else None
    if named_headline is not None:
        headline = named_headline[1]
    byline = item.get("byline", item.get("by"))
    located = item.get("located")
    body: list[list[tuple[str, int]]] = []

    def filled(key: str) -> JStr | None:
        value = item.get(key)
        return value if isinstance(value, JStr) and value.strip() else None

    text_body, html_body = filled("body_text"), filled("body_html") or filled("body_xhtml")
    if text_body is not None:
        body = plain_blocks(string_chars(source, text_body))
    elif html_body is not None:
        body = html_blocks(string_chars(source, html_body))
    elif isinstance(item.get("bodies"), list):
        bodies = [b for b in item["bodies"] if isinstance(b, dict) and isinstance(b.get("value"), JStr)]
        main_body = next((b for b in bodies if b.get("role") in (None, "main")), bodies[0] if bodies else None)
        if main_body is not None:
            body = _body_blocks(string_chars(source, main_body["value"]), _content_type(main_body), name)
    elif (named_body := _named(item, "body")) is not None:
        body_key, body_value = named_body
        # the format, when the name gives it (body_html, body_main_xhtml, body_nitf); else
        # markup if it opens with a tag
        parts = set(body_key.lower().split("_"))
        markup = bool(parts & {"html", "xhtml"}) or re.match(r"\s*<[a-zA-Z]", body_value) is not None
        kind = "nitf" if "nitf" in parts else "html" if markup else ""
        body = _body_blocks(string_chars(source, body_value), kind, name)
    # The summary (ninjs 2.x/3.x ``descriptions`` entry whose role is a summary), read like
    # NITF's abstract.
    abstract: list[list[tuple[str, int]]] = []
    descriptions = item.get("descriptions")
    for d in descriptions if isinstance(descriptions, list) else []:
        role = d.get("role") if isinstance(d, dict) else None
        if isinstance(role, str) and role.rsplit(":", 1)[-1].lower() in ("summary", "abstract") \
                and isinstance(d.get("value"), JStr):
            value = string_chars(source, d["value"])
            abstract = html_blocks(value) if _is_html(_content_type(d)) else plain_blocks(value)
            break
    builder = TextBuilder()
    story(builder, chars(headline, headline_html), chars(byline), chars(located), body, abstract=abstract)
    lang = item.get("language") if isinstance(item.get("language"), str) else None
    return [version_of(builder, name, language=lang, label=lang or "")]
