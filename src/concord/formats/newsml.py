"""IPTC NewsML-G2: every ``newsItem`` of a ``newsMessage`` (or a lone ``newsItem``) is one
version. Headline, byline and dateline come from ``contentMeta`` (with its subheadlines,
``headline`` elements whose role names a subheadline, and its summary, a ``description``
whose role is a summary, as NITF's ``hl2`` and ``abstract``); the body from the first
``inlineXML`` (XHTML or NITF) or ``inlineData`` of ``contentSet``; an ``inlineData`` whose
``contenttype`` is HTML holds escaped markup, read through the HTML reader. Items linked by
``irel:translatedFrom`` (or sharing a GUID) in one file are versions of one story, which
becomes one group by those identifiers."""

from __future__ import annotations

from ..errors import InputError
from .base import (
    Node,
    TextBuilder,
    Version,
    html_blocks,
    leaf_blocks,
    parse_xml,
    plain_blocks,
    run_chars,
    story,
    version_of,
)
from .nitf import nitf_story

NAME = "newsml"
_XHTML_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div", "dd", "dt")
_SKIP = frozenset({"script", "style", "table", "figure", "object"})


def _field(meta: Node | None, tag: str) -> list[tuple[str, int]] | None:
    node = meta.find(tag) if meta is not None else None
    return run_chars(node.runs()) if node is not None else None


def _role(node: Node) -> str:
    """The local part of a QCode role (``drol:summary`` -> ``summary``), lower case."""
    return node.attrs.get("role", "").rsplit(":", 1)[-1].rsplit("/", 1)[-1].lower()


def _item_version(item: Node, name: str) -> Version:
    meta = next(iter(item.kids("contentMeta")), None)
    headlines = meta.kids("headline") if meta is not None else []
    subs = [h for h in headlines if "sub" in _role(h)]
    main = next((h for h in headlines if h not in subs), None)
    headline = run_chars(main.runs()) if main is not None else None
    subheadlines = [run_chars(h.runs()) for h in subs]
    summary = [d for d in (meta.kids("description") if meta is not None else []) if _role(d) in ("summary", "abstract")]
    # One block: a description is XML text, its line breaks are layout of the file (as a
    # headline's are), not paragraphs.
    abstract = [b for d in summary[:1] for b in [run_chars(d.runs())] if any(not ch.isspace() for ch, _ in b)]
    byline, dateline = _field(meta, "by"), _field(meta, "dateline")
    lang_node = meta.find("language") if meta is not None else None
    lang = (lang_node.attrs.get("tag") if lang_node is not None else None) or item.attrs.get("lang")
    builder = TextBuilder()
    content_set = item.find("contentSet")
    body: list[list[tuple[str, int]]] = []
    if content_set is not None:
        for holder in content_set.kids("inlineXML", "inlineData"):
            nitf = holder.find("nitf")
            if nitf is not None:
                nitf_story(nitf, builder, headline, byline, dateline, subheadlines, abstract)
                return version_of(builder, name, language=lang, label=lang or "")
            if holder.tag == "inlineXML":
                body = leaf_blocks(holder.find("body") or holder, _XHTML_BLOCKS, _SKIP)
            elif "html" in holder.attrs.get("contenttype", "").lower():
                body = html_blocks(run_chars(holder.runs()))
            else:
                body = plain_blocks(run_chars(holder.runs()))
            if body:
                break
    story(builder, headline, byline, dateline, [b for b in body if b], subheadlines=subheadlines,
          abstract=abstract)
    return version_of(builder, name, language=lang, label=lang or "")


def read(source: str, name: str) -> list[Version]:
    root = parse_xml(source, name)
    items = list(root.iter("newsItem"))
    if not items:
        raise InputError(f"{name}: a NewsML-G2 document without a newsItem holding text "
                         "(packages are read with the items they list)")
    versions = [_item_version(item, name) for item in items]
    if len(versions) == 1:
        return versions
    # The story key: follow translatedFrom links inside the file to the original's GUID.
    guid = [item.attrs.get("guid") or f"item{k + 1}" for k, item in enumerate(items)]
    source_of = {}
    for g, item in zip(guid, items):
        for link in item.iter("link"):
            if link.attrs.get("rel", "").split(":")[-1] in ("translatedFrom", "translationOf") \
                    and link.attrs.get("residref"):
                source_of[g] = link.attrs["residref"]
    known = set(guid)
    labels: dict[str, int] = {}
    for g, v in zip(guid, versions):
        key, seen = g, set()
        while source_of.get(key) in known and key not in seen:
            seen.add(key)
            key = source_of[key]
        v.package = key
        base = v.label or "item"
        labels[base] = labels.get(base, 0) + 1
        v.label = base if labels[base] == 1 else f"{base}-{labels[base]}"
    return versions
