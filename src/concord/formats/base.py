"""What every format reader shares: the extracted text with a map back into the file, a
safe XML parser that keeps where each piece of text came from, and the decoding of a
structured file's bytes.

A reader returns one :class:`Version` per language version the file holds. Each version's
text is built block by block (headline, byline, dateline, body paragraphs, or one
translation unit per block) with a :class:`TextBuilder`, which records for every character
its offset in the decoded file, so a finding points at a line and column of the XML, JSON
or PO file itself.

XML is parsed with defusedxml's expat driver: a document that declares entities (billion
laughs and its kind) or refers to an external entity is refused, no DTD or network
resource is ever fetched, and nesting deeper than :data:`MAX_DEPTH` elements is refused,
so time and memory stay linear in the file size (itself bounded by ``--max-bytes``).
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..textio import decode_bytes, nfc_with_map

# libxml2's default nesting limit; no news or translation format comes near it.
MAX_DEPTH = 256

XML_NS = "http://www.w3.org/XML/1998/namespace"


@dataclass
class Version:
    """One language version extracted from a file."""

    text: str  # NFC
    offset_map: list[int]  # len(text) + 1 entries: offset in the decoded file
    blocks: list[tuple[int, int]] = field(default_factory=list)  # (start, end) per block
    language: str | None = None
    label: str = ""  # distinguishes versions of one file in their ids ("en", "target")
    units: list[str] | None = None  # translator formats: the unit id of each block
    package: str | None = None  # the story key shared by versions of one file
    codes: list[Code] = field(default_factory=list)  # inline codes left out of the text


@dataclass
class Code:
    """An inline code of a translation unit (``<ph>``, ``<x/>``, ``<bpt>``...), left out of
    the text: a placeholder (a variable such as ``{0}`` or ``%s``, a line break, a picture)
    stands apart from the words around it, a paired formatting code joins them as the
    rendered document does. Kept with where it was, so placeholders can be compared by
    identity between a unit's versions."""

    block: int  # the block (unit) it belongs to (-1 until the unit has its block)
    offset: int  # offset of its start in the decoded file
    kind: str  # the element's local name (PO: the format flag, "c-format", ...)
    id: str | None  # its id in the unit (``id``, TMX ``x`` or ``i``), when it has one
    text: str  # what it stands for: the native code it holds, else its equiv/disp
    native: bool = True  # ``text`` is the code itself, not the text shown for it


@dataclass
class Run:
    """Text of an XML element at ``pos`` in the decoded source; ``literal`` when the
    characters are written as-is there (else an entity or character reference)."""

    text: str
    pos: int
    literal: bool = True


@dataclass
class Node:
    tag: str  # local name (namespace dropped)
    ns: str | None
    attrs: dict[str, str]  # local attribute name -> value (xml:lang is "lang")
    pos: int  # offset of the start tag in the decoded source
    children: list[Node | Run] = field(default_factory=list)

    def iter(self, *tags: str) -> Iterator[Node]:
        """This node and its descendants, in document order (no recursion), filtered by
        local name when ``tags`` are given."""
        stack = [self]
        while stack:
            node = stack.pop()
            if not tags or node.tag in tags:
                yield node
            stack.extend(c for c in reversed(node.children) if isinstance(c, Node))

    def find(self, *tags: str) -> Node | None:
        """The first descendant (or self) with one of these local names."""
        return next(self.iter(*tags), None)

    def kids(self, *tags: str) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node) and (not tags or c.tag in tags)]

    def text(self) -> str:
        return "".join(r.text for r in self.runs())

    def runs(self, skip: frozenset[str] = frozenset()) -> Iterator[Run]:
        """The text runs below this node in document order, leaving out the content of
        elements named in ``skip`` (e.g. inline codes of a translation unit)."""
        stack = [iter(self.children)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
            elif isinstance(child, Run):
                yield child
            elif child.tag not in skip:
                stack.append(iter(child.children))


# --- decoding ----------------------------------------------------------------------------

_REF = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);")
_XML_DECL = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def decode_structured(data: bytes, name: str, xml: bool = True) -> tuple[str, str]:
    """Decode an XML/JSON/PO file: a BOM wins, then an XML encoding declaration, else the
    general text decoder. Newlines are normalised to ``\\n``."""
    text: str | None = None
    encoding = ""  # set together with text
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                     (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text, encoding = data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: invalid {enc} text ({exc.reason})") from None
            break
    if text is None and xml:
        m = _XML_DECL.match(data.lstrip())
        if m:
            declared = m.group(1).decode("ascii").lower()
            try:
                text, encoding = data.decode(declared), declared
            except LookupError:
                raise InputError(f"{name}: unknown encoding {declared!r} declared") from None
            except UnicodeDecodeError:
                raise InputError(f"{name}: the text is not in the declared encoding {declared!r}") from None
    if text is None:
        text, encoding = decode_bytes(data, name)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


# --- safe, position-keeping XML ----------------------------------------------------------

def parse_xml(source: str, name: str) -> Node:
    """Parse decoded XML into a :class:`Node` tree whose text runs know their offset in
    ``source``. Hostile input is an :class:`InputError` with a one-line message."""
    from xml.parsers.expat import XMLParserType
    from xml.sax import SAXParseException, handler, xmlreader

    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
    from defusedxml.expatreader import DefusedExpatParser

    # Expat reads the UTF-8 bytes of the decoded text (the declared encoding was applied
    # when decoding); byte offsets of its events are turned into character offsets by
    # decoding the bytes between two events, which is linear over the whole file.
    data = source.encode("utf-8")
    class Reader(DefusedExpatParser):
        _parser: XMLParserType  # the expat parser, set by reset(); its byte index is read below

        # expat goes on when this handler returns 1; defusedxml's stubs type its handler,
        # which always raises, as returning None.
        def defused_external_entity_ref_handler(  # type: ignore[override]
                self, context: str | None, base: str | None, sysid: str | None,
                pubid: str | None) -> int | None:
            # The external DTD subset (``<!DOCTYPE tmx SYSTEM "tmx14.dtd">``, context
            # None) is common in NITF and TMX files: it is not fetched, just ignored. An
            # external entity used in the text is refused.
            if context is None:
                return 1
            return super().defused_external_entity_ref_handler(context, base, sysid, pubid)

    reader = Reader(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    reader.setFeature(handler.feature_namespaces, True)
    state = {"byte": 0, "char": 0}

    def char_at(byte: int) -> int:
        if byte < state["byte"]:  # never happens in document order; stay safe
            return len(data[:byte].decode("utf-8", errors="replace"))
        state["char"] += len(data[state["byte"]:byte].decode("utf-8", errors="replace"))
        state["byte"] = byte
        return state["char"]

    where = name  # the file, for messages (the handler's parameters say "name" too)
    root_holder = Node("#document", None, {}, 0)
    stack = [root_holder]

    class Handler(handler.ContentHandler):
        def startElementNS(self, name: tuple[str | None, str], qname: str | None,
                           attrs: xmlreader.AttributesNSImpl) -> None:
            if len(stack) > MAX_DEPTH:
                raise InputError(f"{where}: refused: XML nested deeper than {MAX_DEPTH} elements")
            ns, local = name
            pos = char_at(reader._parser.CurrentByteIndex)
            amap: dict[str, str] = {}
            for (ans, alocal), value in attrs.items():
                if ans in (None, XML_NS) or alocal not in amap:
                    amap[alocal] = value
            node = Node(local, ns, amap, pos)
            stack[-1].children.append(node)
            stack.append(node)

        def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
            stack.pop()

        def characters(self, content: str) -> None:
            pos = char_at(reader._parser.CurrentByteIndex)
            ref = _REF.match(source, pos) if source.startswith("&", pos) else None
            literal = ref is None or ref.group(0) == content  # CDATA may hold "&amp;"
            stack[-1].children.append(Run(content, pos, literal))

    reader.setContentHandler(Handler())
    src = xmlreader.InputSource()
    src.setByteStream(io.BytesIO(data))
    src.setEncoding("utf-8")
    try:
        reader.parse(src)
    except EntitiesForbidden:
        raise InputError(f"{name}: refused: the XML declares entities "
                         "(entity expansion is not allowed)") from None
    except ExternalReferenceForbidden:
        raise InputError(f"{name}: refused: the XML refers to an external entity") from None
    except DTDForbidden:  # not forbidden above; kept for completeness
        raise InputError(f"{name}: refused: the XML has a document type declaration") from None
    except SAXParseException as exc:
        msg = exc.getMessage()
        raise InputError(f"{name}: not well-formed XML (line {exc.getLineNumber()}, "
                         f"column {(exc.getColumnNumber() or 0) + 1}: {msg})") from None
    roots = root_holder.kids()
    if not roots:
        raise InputError(f"{name}: no XML element in the file")
    return roots[0]


def sniff_xml_root(head: bytes) -> str | None:
    """The local name of the root element from the first bytes of a file, or None."""
    try:
        utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        text = head.decode("utf-16", errors="ignore") if utf16 else head.decode("utf-8", errors="ignore")
    except Exception:  # noqa: BLE001  # pragma: no cover - defensive: sniffing never raises
        return None
    # Skip the declaration, comments, processing instructions and the doctype.
    text = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", "", text, flags=re.S)
    m = re.search(r"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)", text)
    return m.group(2) if m else None


# --- building the extracted text ---------------------------------------------------------

class TextBuilder:
    """Blocks of text (one per paragraph or unit), joined by blank lines, with the offset
    in the source of every character. Each block is NFC-normalised as it is added, so the
    text is final and ``blocks`` holds each block's final ``(start, end)``."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.omap: list[int] = []
        self.length = 0
        self.blocks: list[tuple[int, int]] = []

    def add_block(self, chars: list[tuple[str, int]]) -> bool:
        """Add one block given as (character, source offset) pairs: whitespace runs become
        one space, the ends are trimmed. Returns False (and adds nothing) when it is empty."""
        out: list[str] = []
        pos: list[int] = []
        pending = None
        for ch, p in chars:
            if ch.isspace():
                if out and pending is None:
                    pending = p
                continue
            if pending is not None:
                out.append(" ")
                pos.append(pending)
                pending = None
            out.append(ch)
            pos.append(p)
        if not out:
            return False
        joined, nmap = nfc_with_map("".join(out))
        if nmap is not None:
            pos.append(pos[-1] + 1)
            pos = [pos[k] for k in nmap[:-1]]
            out = list(joined)
        if self.parts:
            sep_at = self.omap[-1] + 1
            self.parts.append("\n\n")
            self.omap.extend([sep_at, sep_at])
            self.length += 2
        start = self.length
        self.parts.append("".join(out))
        self.omap.extend(pos)
        self.length += len(out)
        self.blocks.append((start, self.length))
        return True

    def finish(self) -> tuple[str, list[int]]:
        text = "".join(self.parts) + "\n"
        end = (self.omap[-1] + 1) if self.omap else 0
        return text, self.omap + [end, end]


def leaf_blocks(node: Node, blocks: Sequence[str], skip: frozenset[str]) -> list[list[tuple[str, int]]]:
    """The (character, offset) pairs of each innermost element named in ``blocks`` below
    ``node`` (a ``<li>`` holding a ``<p>`` gives the ``<p>``), in document order, leaving
    out elements named in ``skip`` and their content; the whole text of ``node`` as one
    block when it has no block element. Blank blocks are dropped."""
    leaves: list[Node] = []
    stack = [c for c in reversed(node.kids()) if c.tag not in skip]
    while stack:
        el = stack.pop()
        if el.tag in blocks and not any(c.tag in blocks for c in el.iter() if c is not el):
            leaves.append(el)
        else:
            stack.extend(c for c in reversed(el.kids()) if c.tag not in skip)
    out = [run_chars(b.runs(skip)) for b in leaves] if leaves else [run_chars(node.runs(skip))]
    return [b for b in out if any(not ch.isspace() for ch, _ in b)]


def run_chars(runs: Iterable[Run]) -> list[tuple[str, int]]:
    """(character, source offset) pairs of XML text runs: a literal run maps character by
    character, a reference (``&amp;``, ``&#233;``) maps to where it starts."""
    out: list[tuple[str, int]] = []
    for r in runs:
        if r.literal:
            out.extend((ch, r.pos + k) for k, ch in enumerate(r.text))
        else:
            out.extend((ch, r.pos) for ch in r.text)
    return out


def code_chars(node: Node, placeholders: frozenset[str], paired: frozenset[str],
               codes: list[Code], data: dict[str, str] | None = None) -> list[tuple[str, int]]:
    """(character, source offset) pairs of a translation unit's text with its inline codes
    left out. A placeholder (an element named in ``placeholders``) becomes a space, so the
    words around it never join (``Hola<ph>{0}</ph>mundo`` reads ``Hola mundo``), nor does its
    content (``{0}``, ``%s``, markup) reach the text. A paired formatting code (``paired``:
    ``<bpt>``/``<ept>``, ``<bx/>``/``<ex/>``, ``<sc/>``/``<ec/>``, ``<it>``) is left out
    without a space (``m<bpt>&lt;sup&gt;</bpt>2<ept>&lt;/sup&gt;</ept>`` reads ``m2``, as
    rendered), unless it stands for a line or block break (a ``ctype``/``type``/``subType``
    naming a line break, or native markup of an HTML block element). Elements that hold
    text (``<g>``, ``<pc>``, ``<mrk>``, ``<hi>``) keep it. Each code left out is appended to
    ``codes`` (see :func:`code_of`; ``data``: an XLIFF 2 unit's ``originalData``)."""
    out: list[tuple[str, int]] = []
    stack = [iter(node.children)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif isinstance(child, Run):
            out.extend(run_chars((child,)))
        elif child.tag in placeholders or child.tag in paired:
            native = "".join(r.text for r in child.runs(frozenset({"sub"})))
            codes.append(code_of(child, native, data))
            if child.tag in placeholders or _breaks(child, native):
                out.append((" ", child.pos))
        else:
            stack.append(iter(child.children))
    return out


_LINE_BREAK = re.compile(r"(^|[:-])(lb|pb|linebreak|x-html-br|br)$", re.I)


def _breaks(code: Node, native: str) -> bool:
    """A paired code that stands for a line or block break rather than formatting."""
    for attr in ("ctype", "type", "subType"):
        if _LINE_BREAK.search(code.attrs.get(attr, "")):
            return True
    return any(m.group(2).lower() in _HTML_BLOCKS for m in _TAG_NAME.finditer(native))


_TAG_NAME = re.compile(r"<(/?)([A-Za-z][\w:-]*)")


def code_of(node: Node, native: str, data: dict[str, str] | None = None) -> Code:
    """The :class:`Code` of an inline code element: its id (XLIFF ``id``, or ``startRef``
    for a 2.x ``ec``; TMX ``x``, else ``i``) and what it stands for: the native code it
    holds, else the ``originalData`` entry its XLIFF 2 ``dataRef`` names (``data``). The
    text shown for a code that holds none (XLIFF 1.2 ``equiv-text``, 2.x ``equiv`` or
    ``disp``) is for people, and a tool may write it differently in the target
    (``{{ name }}`` / ``{{name}}``) or leave it out: such a code is identified by its id,
    and by that text only when it has no id."""
    a = node.attrs
    cid = a.get("id") or a.get("startRef") or a.get("x") or a.get("i")
    text = native or (data or {}).get(a.get("dataRef", ""), "")
    if text:
        return Code(-1, node.pos, node.tag, cid, text)
    return Code(-1, node.pos, node.tag, cid, a.get("equiv-text") or a.get("equiv") or a.get("disp") or "",
                native=False)


def string_chars(text: str, pos: int) -> list[tuple[str, int]]:
    """Characters of a value written literally at ``pos`` in the source."""
    return [(ch, pos + k) for k, ch in enumerate(text)]


# --- HTML fragments inside JSON or plain strings -----------------------------------------

_TEXT_RUN = re.compile(r"[^<&]+")
_TAG_START = re.compile(r"<(/?)([A-Za-z][\w:-]*)")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);")
_HTML_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                "tr", "td", "th", "pre", "figcaption", "dd", "dt", "hr", "section", "article",
                "ul", "ol", "dl", "header", "footer", "main", "aside", "nav", "address", "caption"}
_HTML_DROP = {"script", "style", "figure", "table"}


_RAW_TEXT = {name: re.compile(f"</{name}", re.I) for name in ("script", "style")}
_ATTR_RUN = re.compile(r"[^>\"']*")


def _tag_end(text: str, j: int) -> int:
    """Where a tag whose name ends at ``j`` ends: after the first ``>`` outside a quoted
    attribute value (``alt="a > b"``), or at the end of the text."""
    n = len(text)
    while True:
        j = _ATTR_RUN.match(text, j).end()  # type: ignore[union-attr]  # matches the empty string too
        if j >= n:
            return n
        if text[j] == ">":
            return j + 1
        close = text.find(text[j], j + 1)
        if close < 0:
            return n
        j = close + 1


def html_tokens(text: str) -> Iterator[tuple[str, int, int, str]]:
    """The tokens of an HTML fragment as (kind, start, end, tag): kind "text", "entity",
    "tag" (``tag`` its lower-case name, prefixed with "/" when it closes one and suffixed
    with "/" when it closes itself) or "skip" (a comment, declaration or processing
    instruction). A comment, tag or declaration the fragment never closes runs to its end,
    as in a browser. Each character is looked at a bounded number of times: linear."""
    i, n = 0, len(text)
    while i < n:
        m = _TEXT_RUN.match(text, i)
        if m:
            yield "text", i, m.end(), ""
            i = m.end()
            continue
        if text[i] == "&":
            m = _ENTITY.match(text, i)
            end = m.end() if m else i + 1
            yield ("entity" if m else "text"), i, end, ""
            i = end
            continue
        if text.startswith("<!--", i):
            close = text.find("-->", i + 4)
            end = n if close < 0 else close + 3
            yield "skip", i, end, ""
            i = end
            continue
        tag = _TAG_START.match(text, i)
        if tag is None and not text.startswith(("<!", "<?"), i):
            yield "text", i, i + 1, ""  # a "<" that opens no tag: a character
            i += 1
            continue
        if tag is None:
            close = text.find(">", i + 2)
            end = n if close < 0 else close + 1
        else:
            end = _tag_end(text, tag.end())
        if tag is None:
            yield "skip", i, end, ""
        else:
            self_closing = text[end - 2:end] == "/>"
            name = tag.group(2).lower()
            yield "tag", i, end, tag.group(1) + name + ("/" if self_closing else "")
            if name in _RAW_TEXT and not tag.group(1) and not self_closing:
                # script and style hold raw text up to their end tag ("a<b" is no tag)
                close_tag = _RAW_TEXT[name].search(text, end)
                if close_tag is None or close_tag.start() > end:
                    yield "skip", end, close_tag.start() if close_tag else n, ""
                end = close_tag.start() if close_tag else n
        i = end


def html_blocks(chars: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """Split an HTML fragment, given as (character, source offset) pairs, into the
    (character, offset) pairs of its text blocks: tags dropped, entities decoded, script
    and style content (and figures and tables) left out; block elements start a new block.
    Linear in the fragment's length (see :func:`html_tokens`)."""
    import html

    text = "".join(ch for ch, _ in chars)
    blocks: list[list[tuple[str, int]]] = [[]]
    drop = 0
    for kind, start, end, tag in html_tokens(text):
        if kind == "tag":
            name = tag.strip("/")
            if name in _HTML_DROP and not tag.endswith("/"):
                drop = max(drop + (-1 if tag.startswith("/") else 1), 0)
            if name in _HTML_BLOCKS and blocks[-1]:
                blocks.append([])
        elif drop or kind == "skip":
            continue
        elif kind == "entity":
            blocks[-1].extend((ch, chars[start][1]) for ch in html.unescape(text[start:end]))
        else:
            blocks[-1].extend(chars[start:end])
    return [b for b in blocks if any(not ch.isspace() for ch, _ in b)]


def plain_blocks(chars: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """Split plain text (character, offset pairs) into paragraphs at blank lines, or at
    every line break when the text has no blank line."""
    text = "".join(ch for ch, _ in chars)
    sep = re.compile(r"\n\s*\n") if re.search(r"\n\s*\n", text) else re.compile(r"\n")
    out: list[list[tuple[str, int]]] = []
    start = 0
    for m in sep.finditer(text):
        out.append(chars[start:m.start()])
        start = m.end()
    out.append(chars[start:])
    return [b for b in out if any(not ch.isspace() for ch, _ in b)]


def story(builder: TextBuilder, headline: list[tuple[str, int]] | None = None,
          byline: list[tuple[str, int]] | None = None, dateline: list[tuple[str, int]] | None = None,
          body: Sequence[list[tuple[str, int]]] = (),
          subheadlines: Sequence[list[tuple[str, int]]] = (),
          abstract: Sequence[list[tuple[str, int]]] = ()) -> None:
    """A wire story as blocks: headline, subheadlines, byline, dateline, abstract, then the
    body paragraphs (each given as character/offset pairs). A dateline already opening the
    first paragraph is not repeated."""
    first = "".join(ch for ch, _ in body[0]).strip() if body else ""
    for field_chars in (headline, *subheadlines, byline):
        if field_chars:
            builder.add_block(field_chars)
    if dateline:
        place = " ".join("".join(ch for ch, _ in dateline).split())
        if not (place and first.startswith(place)):
            builder.add_block(dateline)
    for block in (*abstract, *body):
        builder.add_block(block)


def version_of(builder: TextBuilder, name: str, **kw: Any) -> Version:
    if not builder.blocks:
        raise InputError(f"{name}: no text in the file")
    text, omap = builder.finish()
    return Version(text=text, offset_map=omap, blocks=list(builder.blocks), **kw)


# Access-key markers of user-interface strings: GNOME/GTK write ``_File``, Qt, KDE and
# Windows resources ``&File``; the marked letter is the key, the marker is not text.
ACCELERATORS = ("_", "&")
_ENTITY_AT = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);")


def _marks(text: str, marker: str) -> list[int]:
    """Where ``marker`` stands before a letter or digit as an access key would (not an
    entity ``&amp;``, not a doubled ``__``)."""
    out = []
    for i, ch in enumerate(text):
        if ch != marker or i + 1 >= len(text) or not text[i + 1].isalnum():
            continue
        if marker == "&" and _ENTITY_AT.match(text, i):
            continue
        if marker == "_" and i and text[i - 1] == "_":
            continue
        out.append(i)
    return out


def _word_at(text: str, i: int) -> str:
    a, b = i, i + 1
    while a and (text[a - 1].isalnum() or text[a - 1] in ACCELERATORS):
        a -= 1
    while b < len(text) and (text[b].isalnum() or text[b] in ACCELERATORS):
        b += 1
    return text[a:b]


def strip_accelerators(texts: list[list[tuple[str, int]]]) -> list[list[tuple[str, int]]]:
    """A unit's texts without their access-key markers (``_File`` / ``_Archivo``, ``&Save``
    / ``&Guardar``): a marker counts when every language's text has exactly one before a
    letter and the words holding them differ (``file_name`` written alike in both is an
    identifier, ``R&D`` against ``I+D`` is a name). The other characters keep their
    offsets."""
    strings = ["".join(ch for ch, _ in t) for t in texts]
    for marker in ACCELERATORS:
        marks = [_marks(s, marker) for s in strings]
        if len(texts) < 2 or any(len(m) != 1 for m in marks):
            continue
        words = {_word_at(s, m[0]) for s, m in zip(strings, marks)}
        if len(words) == 1:
            continue
        texts = [t[:m[0]] + t[m[0] + 1:] for t, m in zip(texts, marks)]
        strings = [s[:m[0]] + s[m[0] + 1:] for s, m in zip(strings, marks)]
    return texts


def unit_versions(name: str, units: list[tuple[str, list[list[tuple[str, int]]]]],
                  languages: list[str | None], labels: list[str], key: str,
                  warnings: list[str] | None = None,
                  codes: list[list[list[Code]]] | None = None) -> list[Version]:
    """The versions of a translator file (XLIFF, TMX, PO): ``units`` holds, per unit, its
    id and the text of each language (character/offset pairs, empty when missing), and
    ``codes`` (when given), per unit, the inline codes left out of each language's text.
    A unit missing in some language is left out of every version (and counted in a
    warning), so block i of every version is the same unit. Units are paired
    by id: an id the file repeats (a PO ``msgctxt`` shared by several messages, a TMX
    ``tuid`` written twice) gets a `` (2)``, `` (3)``... suffix, so each unit pairs with
    its own translation. Access-key markers are left out of the text
    (:func:`strip_accelerators`)."""
    builders = [TextBuilder() for _ in languages]
    found: list[list[Code]] = [[] for _ in languages]
    ids: list[str] = []
    taken: set[str] = set()
    repeats: dict[str, int] = {}
    missing = 0
    for n, (uid, texts) in enumerate(units):
        if not all(any(not ch.isspace() for ch, _ in t) for t in texts):
            if any(any(not ch.isspace() for ch, _ in t) for t in texts):
                missing += 1
            continue
        block = len(ids)
        texts = strip_accelerators(texts)
        for b, t in zip(builders, texts):
            b.add_block(t)
        for lang_codes, unit_codes in zip(found, codes[n] if codes else ()):
            for code in unit_codes:
                code.block = block
            lang_codes.extend(unit_codes)
        k = repeats.get(uid, 0) + 1
        unique = uid if k == 1 else f"{uid} ({k})"
        while unique in taken:  # the file also has a unit with that id
            k += 1
            unique = f"{uid} ({k})"
        repeats[uid] = k
        taken.add(unique)
        ids.append(unique)
    if not ids:
        raise InputError(f"{name}: no translated unit in the file")
    if missing and warnings is not None:
        warnings.append(f"{name}: {missing} untranslated unit(s) not checked")
    seen: dict[str, int] = {}
    out: list[Version] = []
    for b, lang, label, lang_codes in zip(builders, languages, labels, found):
        seen[label] = seen.get(label, 0) + 1
        label = label if seen[label] == 1 else f"{label}-{seen[label]}"
        out.append(version_of(b, name, language=lang, label=label, units=list(ids), package=key,
                              codes=lang_codes))
    return out
