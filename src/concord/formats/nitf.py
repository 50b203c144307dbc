"""IPTC NITF (News Industry Text Format, XML): from ``body.head`` the headline (``hl1``),
the subheadlines (``hl2``), byline and dateline and the abstract; paragraphs (and the
headings, list items and preformatted text) of ``body.content``. Blocks come in document
order (NITF's ``body.head`` puts the byline and dateline before the abstract). The language
is the root's ``xml:lang`` or, failing that, NITF's ``baselang``."""

from __future__ import annotations

from .base import Node, TextBuilder, Version, leaf_blocks, parse_xml, run_chars, story, version_of

NAME = "nitf"
# Elements whose text is not running copy (pictures, their captions, tables of data).
_SKIP = frozenset({"media", "table", "nitf-table", "media-caption", "media-producer", "byttl"})
# Elements of body.content (and of the abstract) that hold one block of text each.
_BLOCKS = ("p", "hl2", "li", "pre", "dt", "dd")


def _chars(node: Node | None) -> list[tuple[str, int]] | None:
    return run_chars(node.runs(_SKIP)) if node is not None else None


def _blocks(node: Node | None) -> list[list[tuple[str, int]]]:
    """The text blocks below ``node`` (see :func:`~concord.formats.base.leaf_blocks`)."""
    return leaf_blocks(node, _BLOCKS, _SKIP) if node is not None else []


def body_blocks(nitf: Node) -> list[list[tuple[str, int]]]:
    """The text blocks of the ``body.content`` of an ``<nitf>`` element (an NITF body held
    in another format's field, e.g. a ninjs body)."""
    return _blocks(nitf.find("body.content"))


def nitf_story(nitf: Node, builder: TextBuilder, headline: list[tuple[str, int]] | None = None,
               byline: list[tuple[str, int]] | None = None, dateline: list[tuple[str, int]] | None = None,
               subheadlines: list[list[tuple[str, int]]] | None = None,
               abstract: list[list[tuple[str, int]]] | None = None) -> None:
    """Add the story of an ``<nitf>`` element; fields already known (from a NewsML-G2
    envelope) win over NITF's own."""
    head = nitf.find("body.head")
    if head is not None:
        headline = headline or _chars(head.find("hl1"))
        hedline = head.find("hedline")
        subheadlines = subheadlines or ([run_chars(h.runs(_SKIP)) for h in hedline.kids("hl2")]
                                        if hedline is not None else [])
        byline = byline or _chars(head.find("byline"))
        dateline = dateline or _chars(head.find("dateline"))
        abstract = abstract or _blocks(head.find("abstract"))
    content = nitf.find("body.content")
    story(builder, headline, byline, dateline, _blocks(content) if content is not None else [],
          subheadlines=subheadlines or [], abstract=abstract or [])


def read(source: str, name: str) -> list[Version]:
    root = parse_xml(source, name)
    builder = TextBuilder()
    nitf_story(root, builder)
    lang = root.attrs.get("lang") or root.attrs.get("baselang")  # NITF's own attribute for it
    return [version_of(builder, name, language=lang, label=lang or "")]
