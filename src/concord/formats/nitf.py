"""IPTC NITF (News Industry Text Format, XML): headline, byline and dateline from
``body.head``, paragraphs from ``body.content``."""

from __future__ import annotations

from .base import Node, TextBuilder, Version, parse_xml, run_chars, story, version_of

NAME = "nitf"
# Elements whose text is not running copy (pictures, their captions, tables of data).
_SKIP = frozenset({"media", "table", "media-caption", "media-producer", "byttl"})


def _chars(node: Node | None) -> list[tuple[str, int]] | None:
    return run_chars(node.runs(_SKIP)) if node is not None else None


def nitf_story(nitf: Node, builder: TextBuilder, headline: list[tuple[str, int]] | None = None,
               byline: list[tuple[str, int]] | None = None, dateline: list[tuple[str, int]] | None = None) -> None:
    """Add the story of an ``<nitf>`` element; fields already known (from a NewsML-G2
    envelope) win over NITF's own."""
    head = nitf.find("body.head")
    if head is not None:
        headline = headline or _chars(head.find("hl1"))
        byline = byline or _chars(head.find("byline"))
        dateline = dateline or _chars(head.find("dateline"))
    content = nitf.find("body.content")
    body = [run_chars(p.runs(_SKIP)) for p in content.iter("p", "hl2")] if content is not None else []
    story(builder, headline, byline, dateline, [b for b in body if b])


def read(source: str, name: str) -> list[Version]:
    root = parse_xml(source, name)
    builder = TextBuilder()
    nitf_story(root, builder)
    lang = root.attrs.get("lang")
    return [version_of(builder, name, language=lang, label=lang or "")]
