"""Structured formats: the same story in NewsML-G2, NITF, ninjs, XLIFF, TMX, PO and DOCX
reads as the plain-text version, points back into the file, and hostile input is refused."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from concord.corpus import group_documents, load_documents, read_corpus, scan
from concord.errors import InputError
from concord.segment import segment_document

# The story, written for these tests. The plain-text version: headline, byline, dateline
# and body paragraphs, one block each.
HEADLINE = "Storm closes port of Valparaíso for two days"
BYLINE = "By Ana Torres"
DATELINE = "VALPARAÍSO, Chile"
BODY = [
    "Authorities closed the port on Monday after waves of 6 metres hit the coast. "
    "About 1,200 workers were sent home.",
    "“We will reopen when it is safe,” said harbour master Luis Rojas & his team.",
]
PLAIN = "\n\n".join([HEADLINE, BYLINE, DATELINE, *BODY]) + "\n"

NITF = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">
<nitf xml:lang="en">
  <head><title>Storm</title></head>
  <body>
    <body.head>
      <hedline><hl1>Storm closes port of Valpara&#237;so for two days</hl1></hedline>
      <byline>By Ana Torres</byline>
      <dateline><location>VALPARAÍSO, Chile</location></dateline>
    </body.head>
    <body.content>
      <p>Authorities closed the port on Monday after waves of 6 metres hit
         the coast. About 1,200 workers were sent home.</p>
      <media media-type="image"><media-caption>A wave</media-caption></media>
      <p>“We will reopen when it is safe,” said harbour master Luis Rojas &amp; his team.</p>
    </body.content>
  </body>
</nitf>
"""

NEWSML = """<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header><sent>2026-01-20T10:00:00Z</sent></header>
  <itemSet>
    <newsItem guid="urn:newsml:example.org:20260120:storm" version="1" xml:lang="en">
      <itemMeta><itemClass qcode="ninat:text"/></itemMeta>
      <contentMeta>
        <language tag="en"/>
        <headline>Storm closes port of Valparaíso for two days</headline>
        <by>By Ana Torres</by>
        <dateline>VALPARAÍSO, Chile</dateline>
      </contentMeta>
      <contentSet>
        <inlineXML contenttype="application/xhtml+xml">
          <html xmlns="http://www.w3.org/1999/xhtml"><body>
            <p>Authorities closed the port on Monday after waves of <b>6 metres</b> hit
               the coast. About 1,200 workers were sent home.</p>
            <p>“We will reopen when it is safe,” said harbour master Luis Rojas &amp; his team.</p>
          </body></html>
        </inlineXML>
      </contentSet>
    </newsItem>
    <newsItem guid="urn:newsml:example.org:20260120:storm-es" version="1" xml:lang="es">
      <itemMeta>
        <itemClass qcode="ninat:text"/>
        <link rel="irel:translatedFrom" residref="urn:newsml:example.org:20260120:storm"/>
      </itemMeta>
      <contentMeta>
        <language tag="es"/>
        <headline>Un temporal cierra el puerto de Valparaíso durante dos días</headline>
        <by>Por Ana Torres</by>
        <dateline>VALPARAÍSO, Chile</dateline>
      </contentMeta>
      <contentSet>
        <inlineData contenttype="text/plain">Las autoridades cerraron el puerto el lunes.

Unos 1.200 trabajadores fueron enviados a casa.</inlineData>
      </contentSet>
    </newsItem>
  </itemSet>
</newsMessage>
"""

NINJS = {
    "uri": "urn:example.org:storm",
    "type": "text",
    "language": "en",
    "headline": HEADLINE,
    "byline": BYLINE,
    "located": DATELINE,
    "body_html": "<p>Authorities closed the port on Monday after waves of 6 metres hit the "
                 "coast. About 1,200 workers were sent home.</p>\n<p>&ldquo;We will reopen "
                 "when it is safe,&rdquo; said harbour master Luis Rojas &amp; his team.</p>",
}
NINJS2 = {
    "uri": "urn:example.org:storm",
    "language": "en",
    "headlines": [{"role": "main", "value": HEADLINE}],
    "by": BYLINE,
    "located": DATELINE,
    "bodies": [{"role": "main", "contenttype": "text/plain", "value": "\n\n".join(BODY)}],
}

# A translation: unit 1 is a headline, unit 3 holds an inline code.
UNITS = [
    ("h1", HEADLINE, "Un temporal cierra el puerto de Valparaíso durante dos días"),
    ("p1", "About 1,200 workers were sent home.", "Unos 1.200 trabajadores fueron enviados a casa."),
    ("p2", "The port reopens on Wednesday.", "El puerto reabre el miércoles."),
]

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="es" datatype="plaintext" original="storm.txt">
    <body>
      <trans-unit id="h1">
        <source>Storm closes port of Valparaíso for two days</source>
        <target>Un temporal cierra el puerto de Valparaíso durante dos días</target>
      </trans-unit>
      <group id="body">
        <trans-unit id="p1">
          <source>About 1,200 workers were sent home.</source>
          <target>Unos 1.200 trabajadores fueron enviados a casa.</target>
        </trans-unit>
        <trans-unit id="p2">
          <source>The port <g id="1">reopens</g> on Wednesday.<x id="2"/></source>
          <target>El puerto <g id="1">reabre</g> el miércoles.<x id="2"/></target>
        </trans-unit>
        <trans-unit id="p3">
          <source>Not translated yet.</source>
        </trans-unit>
      </group>
    </body>
  </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es">
  <file id="f1">
    <unit id="h1">
      <segment><source>Storm closes port of Valparaíso for two days</source>
        <target>Un temporal cierra el puerto de Valparaíso durante dos días</target></segment>
    </unit>
    <unit id="p1">
      <segment><source>About 1,200 workers were sent home.</source>
        <target>Unos 1.200 trabajadores fueron enviados a casa.</target></segment>
    </unit>
    <unit id="p2">
      <segment><source>The port <pc id="1">reopens</pc> on Wednesday.<ph id="2"/></source>
        <target>El puerto <pc id="1">reabre</pc> el miércoles.<ph id="2"/></target></segment>
    </unit>
  </file>
</xliff>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="hand" creationtoolversion="1" segtype="sentence" o-tmf="none"
          adminlang="en" srclang="en" datatype="plaintext"/>
  <body>
    <tu tuid="h1">
      <tuv xml:lang="es"><seg>Un temporal cierra el puerto de Valparaíso durante dos días</seg></tuv>
      <tuv xml:lang="en"><seg>Storm closes port of Valparaíso for two days</seg></tuv>
    </tu>
    <tu tuid="p1">
      <tuv xml:lang="en"><seg>About 1,200 workers were sent home.</seg></tuv>
      <tuv xml:lang="es"><seg>Unos 1.200 trabajadores fueron enviados a casa.</seg></tuv>
    </tu>
    <tu tuid="p2">
      <tuv xml:lang="en"><seg>The port <hi>reopens</hi> on Wednesday.<ph x="1">&lt;br/&gt;</ph></seg></tuv>
      <tuv xml:lang="es"><seg>El puerto <hi>reabre</hi> el miércoles.<ph x="1">&lt;br/&gt;</ph></seg></tuv>
    </tu>
  </body>
</tmx>
"""

PO = r'''# Spanish translation of the storm story.
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: es\n"
"X-Source-Language: en\n"

#. headline
msgctxt "h1"
msgid "Storm closes port of Valparaíso for two days"
msgstr "Un temporal cierra el puerto de Valparaíso durante dos días"

msgctxt "p1"
msgid "About 1,200 workers were sent home."
msgstr ""
"Unos 1.200 trabajadores "
"fueron enviados a casa."

msgctxt "p2"
msgid "The port reopens on Wednesday."
msgstr "El puerto reabre el miércoles."

msgctxt "p3"
msgid "Not translated yet."
msgstr ""

#~ msgid "An obsolete line."
#~ msgstr "Una línea obsoleta."
'''


def _sentences(doc) -> list[str]:
    segment_document(doc)
    return [s.text for s in doc.sentences]


@pytest.fixture
def plain_sentences(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(PLAIN, encoding="utf-8")
    return _sentences(load_documents(p)[0])


def _write(tmp_path: Path, name: str, content) -> Path:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def _assert_points_into_file(doc, path: Path, needle: str, line: int):
    """The sentence starting with ``needle`` maps to that text in the file, at ``line``."""
    sent = next(s for s in doc.sentences if s.text.startswith(needle))
    raw = path.read_text(encoding="utf-8")
    at = doc.source_offset(sent.start)
    assert doc.source_text == raw
    assert raw[at:at + len(needle)] == needle
    got_line, col = doc.line_col(sent.start)
    assert got_line == line
    assert raw.split("\n")[line - 1][col - 1:].startswith(needle)


@pytest.mark.parametrize("name,content,line", [
    ("story.nitf", NITF, 13),
    ("story.xml", NITF, 13),  # sniffed by its root element
    ("story.ninjs.json", json.dumps(NINJS, ensure_ascii=False, indent=1), None),
    ("story2.json", json.dumps(NINJS2, ensure_ascii=True, indent=1), None),
])
def test_wire_formats_read_as_the_plain_text(tmp_path, plain_sentences, name, content, line):
    path = _write(tmp_path, name, content)
    doc = load_documents(path)[0]
    assert _sentences(doc) == plain_sentences
    assert doc.format in ("nitf", "ninjs")
    assert doc.language == "en"
    if line:
        _assert_points_into_file(doc, path, "About 1,200", line)
    else:  # JSON: the sentence maps into the string value, on the body's line
        sent = next(s for s in doc.sentences if s.text.startswith("About 1,200"))
        raw = path.read_text(encoding="utf-8")
        assert raw[doc.source_offset(sent.start):].startswith("About 1,200")
        body_key = '"body_html"' if "body_html" in raw else '"value": "Authorities'
        assert doc.line_col(sent.start)[0] == raw[:raw.index(body_key)].count("\n") + 1


def test_references_map_to_where_they_are_written(tmp_path):
    path = _write(tmp_path, "story.nitf", NITF)
    doc = load_documents(path)[0]
    raw = path.read_text(encoding="utf-8")
    i = doc.text.index("í")  # written &#237; in the headline
    assert raw[doc.source_offset(i):].startswith("&#237;")
    j = doc.text.index("&")  # written &amp;
    assert raw[doc.source_offset(j):].startswith("&amp;")
    # NITF's media caption is not copy.
    assert "A wave" not in doc.text


def test_newsml_package_versions_form_one_group(tmp_path, plain_sentences):
    path = _write(tmp_path, "storm.xml", NEWSML)
    docs = load_documents(path, "storm.xml")
    assert [d.id for d in docs] == ["storm.xml.en", "storm.xml.es"]
    assert [d.language for d in docs] == ["en", "es"]
    assert {d.package for d in docs} == {"urn:newsml:example.org:20260120:storm"}
    assert _sentences(docs[0]) == plain_sentences
    assert _sentences(docs[1]) == [
        "Un temporal cierra el puerto de Valparaíso durante dos días", "Por Ana Torres",
        "VALPARAÍSO, Chile", "Las autoridades cerraron el puerto el lunes.",
        "Unos 1.200 trabajadores fueron enviados a casa."]
    _assert_points_into_file(docs[0], path, "About 1,200", 17)
    _assert_points_into_file(docs[1], path, "Unos 1.200", 37)
    other = _write(tmp_path, "other.txt", "A different story about 1,200 workers in Valparaíso.\n")
    groups = group_documents(docs + load_documents(other, "other.txt"))
    by_id = {g.id: [d.id for d in g.documents] for g in groups}
    assert by_id["storm"] == ["storm.xml.en", "storm.xml.es"]
    assert [g.method.value for g in groups if g.id == "storm"] == ["filename"]


@pytest.mark.parametrize("name,content,ids,untranslated", [
    ("storm.xlf", XLIFF12, ["h1", "p1", "p2"], 1),
    ("storm2.xliff", XLIFF20, ["h1", "p1", "p2"], 0),
    ("storm.tmx", TMX, ["h1", "p1", "p2"], 0),
    ("storm.po", PO, ["h1", "p1", "p2"], 1),
])
def test_translator_formats_are_prealigned_units(tmp_path, name, content, ids, untranslated):
    path = _write(tmp_path, name, content)
    warnings: list[str] = []
    docs = load_documents(path, name, warnings=warnings)
    assert len(docs) == 2
    src, trg = docs
    assert (src.language, trg.language) == ("en", "es")
    assert src.prealigned and trg.prealigned
    assert [s.unit for s in src.sentences] == ids == [s.unit for s in trg.sentences]
    assert [s.text for s in src.sentences] == [u[1] for u in UNITS]
    assert [s.text for s in trg.sentences] == [u[2] for u in UNITS]
    assert all(src.text[s.start:s.end] == s.text for s in src.sentences)
    assert len(warnings) == (1 if untranslated else 0)
    if untranslated:
        assert f"{untranslated} untranslated unit(s)" in warnings[0]
    raw = path.read_text(encoding="utf-8")
    # Every unit points at its text in the file (the PO msgstr of p1 starts on a
    # continuation line).
    for doc in docs:
        for s in doc.sentences:
            at = doc.source_offset(s.start)
            assert raw[at:at + 4] == s.text[:4], (doc.id, s.unit)
            line, col = doc.line_col(s.start)
            assert raw.split("\n")[line - 1][col - 1:].startswith(s.text[:4])
    # One group, by the file.
    groups = group_documents(docs)
    assert len(groups) == 1 and len(groups[0].documents) == 2


def test_translator_formats_agree_with_translate_toolkit(tmp_path):
    """translate-toolkit, an independent parser, reads the same units from the files."""
    from translate.storage import factory

    for name, content in (("a.xlf", XLIFF12), ("b.tmx", TMX), ("c.po", PO)):
        path = _write(tmp_path, name, content)
        store = factory.getobject(str(path))
        theirs = [(" ".join(u.source.split()), " ".join((u.target or "").split()))
                  for u in store.units if not u.isheader() and not u.isobsolete() and u.source and u.target]
        src, trg = load_documents(path, name)
        ours = [(a.text, b.text) for a, b in zip(src.sentences, trg.sentences)]
        # translate-toolkit keeps inline placeholders as text ("<x id="2"/>" etc.): compare
        # the words up to the first placeholder.
        assert [(a.split("<")[0].strip() if "<" in a else a) for a, _ in theirs][:2] == [a for a, _ in ours][:2]
        assert len(theirs) == len(ours), name


def _docx_bytes(tmp_path) -> Path:
    import docx

    d = docx.Document()
    d.add_heading(HEADLINE, level=1)
    d.add_paragraph(BYLINE)
    d.add_paragraph(DATELINE)
    first = d.add_paragraph("Authorities closed the port on Monday after waves of ")
    first.add_run("6 metres").bold = True
    first.add_run(" hit the coast. About 1,200 workers were sent home.")
    d.add_paragraph(BODY[1])
    d.core_properties.language = "en"
    path = tmp_path / "story.docx"
    d.save(path)
    return path


def test_docx_reads_as_the_plain_text(tmp_path, plain_sentences):
    path = _docx_bytes(tmp_path)
    doc = load_documents(path)[0]
    assert doc.format == "docx"
    assert doc.language == "en"
    assert _sentences(doc) == plain_sentences
    sent = next(s for s in doc.sentences if s.text.startswith("About"))
    assert doc.line_col(sent.start) == (7, 78)  # block 4 is on line 7 of the extracted text


def test_docx_footnotes_kept_apart(tmp_path):
    """A footnote part (written by hand: python-docx cannot add one) becomes its own block
    after the body."""
    import zipfile

    path = _docx_bytes(tmp_path)
    notes = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:r><w:t>Figures from the port authority.</w:t></w:r></w:p></w:footnote>'
             '</w:footnotes>')
    with_notes = tmp_path / "notes.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(with_notes, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("word/footnotes.xml", notes)
    doc = load_documents(with_notes)[0]
    assert doc.text.rstrip().endswith("\n\nFigures from the port authority.")


def test_docx_zip_bomb_refused_before_inflating(tmp_path):
    import zipfile

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document/>")
        zf.writestr("word/media/zeros.bin", b"\0" * 6_000_000)
    assert path.stat().st_size < 100_000
    with pytest.raises(InputError, match=r"refused: the \.docx would inflate to 6,000,013 bytes"):
        load_documents(path, max_bytes=1_000_000)


# --- hostile and unknown input -----------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&secret;</seg></tuv>
<tuv xml:lang="es"><seg>x</seg></tuv></tu></body></tmx>
"""


@pytest.mark.parametrize("name,content,reason", [
    ("laughs.nitf", BILLION_LAUGHS, "declares entities"),
    ("external.tmx", EXTERNAL, "declares entities"),
    ("deep.xml", "<nitf>" + "<p>" * 100_000 + "x" + "</p>" * 100_000 + "</nitf>", "nested deeper than 256"),
    ("deep.json", '{"headline": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested deeper than 256"),
    ("broken.xlf", "<xliff version='1.2'><file>", "not well-formed XML (line 1"),
    ("other.xml", "<?xml version='1.0'?><rss><channel/></rss>",
     "XML of a kind Concord does not read (root element <rss>"),
    ("data.json", '{"rows": [1, 2, 3]}', "JSON but not an IPTC ninjs item"),
    ("fake.docx", "this is not a zip", "not a Word .docx file"),
])
def test_hostile_or_unknown_input_is_refused_in_one_line(tmp_path, name, content, reason):
    path = _write(tmp_path, name, content)
    t0 = time.process_time()
    with pytest.raises(InputError) as err:
        load_documents(path, name)
    assert time.process_time() - t0 < 5
    message = str(err.value)
    assert "\n" not in message and reason in message and message.startswith(str(path))


def test_entity_declaration_refused_through_the_cli_with_bounded_memory(tmp_path):
    """Exit 2 with one line; the child's peak memory stays far below what expanding the
    entities would take (10^9 characters)."""
    bad = _write(tmp_path, "laughs.nitf", BILLION_LAUGHS)
    good = _write(tmp_path, "story.txt", PLAIN)
    code = ("import resource, sys\nfrom concord.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n"
            "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
            "    raise\n")
    proc = subprocess.run([sys.executable, "-c", code, "compare", str(bad), str(good),
                           "--translator", "none", "--no-cache", "-o", str(tmp_path / "out"), "-q"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    lines = proc.stderr.strip().split("\n")
    assert len(lines) == 2 and "refused: the XML declares entities" in lines[0]
    assert int(lines[1]) < 1_000_000  # KiB: under 1 GB
    assert resource  # imported for the child's measurement


def test_unreadable_kinds_are_listed_as_skipped_with_the_reason(tmp_path):
    _write(tmp_path, "story.en.txt", PLAIN)
    _write(tmp_path, "story.en.doc", b"\xd0\xcf\x11\xe0 legacy word")
    _write(tmp_path, "story.pdf", b"%PDF-1.4")
    _write(tmp_path, "feed.xml", "<rss><channel/></rss>")
    _write(tmp_path, "laughs.nitf", BILLION_LAUGHS)
    _docx_bytes(tmp_path)
    corpus = read_corpus(tmp_path)
    skipped = dict(corpus.skipped)
    assert skipped["story.en.doc"] == "unsupported file type (legacy Word .doc is not read; save it as .docx)"
    assert skipped["story.pdf"].startswith("unsupported file type (PDF is not read")
    assert skipped["feed.xml"].startswith("XML of a kind Concord does not read (root element <rss>")
    assert skipped["laughs.nitf"] == "refused: the XML declares entities (entity expansion is not allowed)"
    assert sorted(d.path for d in corpus.documents) == ["story.docx", "story.en.txt"]
    files, _ = scan(tmp_path)
    assert [f.name for f in files] == ["feed.xml", "laughs.nitf", "story.docx", "story.en.txt"]


def test_filename_convention_covers_the_new_suffixes(tmp_path):
    _write(tmp_path, "storm.en.nitf", NITF)
    _write(tmp_path, "storm.es.txt", "Un temporal cierra el puerto de Valparaíso.\n")
    corpus = read_corpus(tmp_path)
    groups = group_documents(corpus.documents)
    assert [(g.id, g.method.value, len(g.documents)) for g in groups] == [("storm", "filename", 2)]


def _check(tmp_path, xliff=XLIFF12):
    from concord.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # The Spanish target says 1.300 where the source says 1,200: a number difference.
    _write(corpus, "storm.xlf", xliff.replace("Unos 1.200", "Unos 1.300"))
    _write(corpus, "package.xml", NEWSML)
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(corpus), "--translator", "none", "--no-cache", "-o", str(out),
              "-q", "--format", "json,sarif"])
    assert exit_.value.code in (0, 1)
    findings = json.loads((out / "findings.json").read_text())
    sarif = json.loads((out / "findings.sarif").read_text())
    return corpus, {g["id"]: g for g in findings["groups"]}, sarif


def test_check_runs_on_a_corpus_of_formats(tmp_path):
    """End to end through the CLI, no translator: the XLIFF pair and the NewsML package are
    two groups; SARIF locations point at the unit text inside the XML, never at markup."""
    corpus, groups, sarif = _check(tmp_path)
    assert {k: [d["id"] for d in g["documents"]] for k, g in groups.items()} == {
        "storm": ["storm.xlf.en", "storm.xlf.es"], "package": ["package.xml.en", "package.xml.es"]}
    raw = (corpus / "storm.xlf").read_text().split("\n")
    snippets = []
    for result in sarif["runs"][0]["results"]:
        for loc in result["locations"]:
            phys = loc["physicalLocation"]
            if phys["artifactLocation"]["uri"].endswith("storm.xlf"):
                region = phys["region"]
                at = raw[region["startLine"] - 1][region["startColumn"] - 1:]
                assert at.startswith(region["snippet"]["text"][:8])
                snippets.append(region["snippet"]["text"])
    assert any("1,200" in s or "1.300" in s for s in snippets)


def test_prealigned_units_are_paired_without_alignment(tmp_path):
    """A unit is one sentence even when it holds two, and unit i pairs with unit i."""
    two = XLIFF12.replace("The port <g id=\"1\">reopens</g> on Wednesday.",
                          "The port <g id=\"1\">reopens</g> on Wednesday. Ships return on Thursday.")
    two = two.replace("El puerto <g id=\"1\">reabre</g> el miércoles.",
                      "El puerto <g id=\"1\">reabre</g> el miércoles y los barcos vuelven el jueves.")
    _, groups, _ = _check(tmp_path, two)
    docs = groups["storm"]["documents"]
    assert [len(d["sentences"]) for d in docs] == [3, 3]
    pair = groups["storm"]["pairs"][0]
    assert [(b["a"], b["b"]) for b in pair["alignment"]] == [([0], [0]), ([1], [1]), ([2], [2])]
    numbers = [f for f in pair["findings"] if f["category"] == "number"]
    assert len(numbers) == 1 and "1,200" in numbers[0]["message"]


def test_ninjs_lone_surrogate_escapes_read_as_replacement_characters(tmp_path):
    """A ``\\ud800`` escape without its pair is valid JSON but no character: it reads as
    U+FFFD (as undecodable bytes of a text file do) and the story is checked, not a
    traceback from the language detector."""
    from click.testing import CliRunner

    from concord.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    es = "El presidente Pedro S\\ud800nchez viaj\\u00f3 a Berl\\u00edn el 12 de marzo con 14 ministros."
    en = "President Pedro S\\udc00nchez travelled to Berlin on 12 March with 12 ministers."
    (corpus / "nota.es.json").write_text(f'{{"language": "es", "body_text": "{es}"}}', encoding="utf-8")
    (corpus / "nota.en.json").write_text(f'{{"language": "en", "body_text": "{en}"}}', encoding="utf-8")
    doc = load_documents(corpus / "nota.es.json")[0]
    assert "Pedro S\ufffdnchez viajó" in doc.text
    res = CliRunner().invoke(main, ["check", str(corpus), "-o", str(tmp_path / "out"), "--translator", "none",
                                    "--names", "rules", "-q", "--no-cache", "--format", "json"])
    assert res.exit_code in (0, 1) and isinstance(res.exception, (SystemExit, type(None))), res.output
    data = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    assert [d["path"] for g in data["groups"] for d in g["documents"]] == ["nota.en.json", "nota.es.json"]
