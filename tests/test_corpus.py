"""Reading, encodings, bad input, grouping and determinism of the corpus stage."""

import hashlib
import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from concord.cli import main
from concord.corpus import group_documents, load_manifest, read_corpus
from concord.errors import InputError
from concord.reading import read_document_text

from conftest import CORPUS

SPANISH = "El Gobierno de México anunció que entregó a 37 personas; la señora Núñez dijo «sí».\n"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("utf-16-le", b"\xff\xfe"),
    ("cp1252", b""), ("latin-1", b""),
])
def test_encodings_decode_to_the_same_text(tmp_path, encoding, prefix):
    p = tmp_path / "doc.txt"
    p.write_bytes(prefix + SPANISH.encode(encoding))
    got = read_document_text(p)
    assert got.text == SPANISH
    if prefix == b"\xef\xbb\xbf":
        assert got.encoding == "utf-8-sig"
    if encoding in ("cp1252", "latin-1"):
        assert got.encoding.replace("_", "").replace("-", "") in ("cp1252", "latin1", "iso885915", "windows1252")


def test_cp1252_curly_quotes(tmp_path):
    p = tmp_path / "doc.txt"
    text = "“Hay que actuar”, dijo el ministro – según la agencia – el miércoles.\n"
    p.write_bytes(text.encode("cp1252"))
    assert read_document_text(p).text == text


def test_nfc_normalisation_keeps_source_offsets(tmp_path):
    p = tmp_path / "doc.txt"
    decomposed = "Garci\u0301a Harfuch dijo algo.\n"  # i + combining acute
    p.write_text(decomposed, encoding="utf-8")
    got = read_document_text(p)
    assert got.text == "García Harfuch dijo algo.\n"
    assert got.offset_map is not None
    h = got.text.index("Harfuch")
    assert decomposed[got.offset_map[h]:].startswith("Harfuch")


def test_html_text_drops_scripts_and_styles(tmp_path):
    p = tmp_path / "story.html"
    p.write_text("<html><head><title>Quake</title><style>p{}</style></head><body>"
                 "<h1>Quake hits Chile</h1><script>alert(1)</script>"
                 "<p>At least <b>12</b> people died.</p><p>Rescue goes on.</p></body></html>",
                 encoding="utf-8")
    text = read_document_text(p).text
    assert "alert" not in text and "p{}" not in text
    assert text.split("\n\n") == ["Quake", "Quake hits Chile", "At least 12 people died.", "Rescue goes on.\n"]


def test_markdown_markup_is_removed(tmp_path):
    p = tmp_path / "story.md"
    p.write_text("# Quake\n\nAt least **12** people died, [says](http://x) *Senapred*.\n", encoding="utf-8")
    assert read_document_text(p).text == "Quake\n\nAt least 12 people died, says Senapred.\n"


def test_binary_file_is_rejected(tmp_path):
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary"):
        read_document_text(p)


def test_empty_file_is_rejected(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"   \n")
    with pytest.raises(InputError, match="empty file"):
        read_document_text(p)


def test_huge_file_is_rejected(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 2000)
    with pytest.raises(InputError, match="too large"):
        read_document_text(p, max_bytes=1000)


def test_cli_explicit_unreadable_path_exits_2(tmp_path):
    r = run("compare", tmp_path / "missing.txt", CORPUS / "sismo-chile.en.txt", "--out", tmp_path / "r")
    assert r.exit_code == 2
    assert r.output.strip().splitlines() == [f"concord: error: {tmp_path / 'missing.txt'}: no such file"]


def test_cli_explicit_binary_file_exits_2(tmp_path):
    p = tmp_path / "bin.txt"
    p.write_bytes(b"\x00\x01\x02\x03" * 50)
    r = run("compare", p, CORPUS / "sismo-chile.en.txt", "--out", tmp_path / "r")
    assert r.exit_code == 2
    assert "binary file" in r.output and "Traceback" not in r.output


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read any file")
def test_cli_permission_denied_exits_2(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("Texto.", encoding="utf-8")
    p.chmod(0)
    r = run("compare", p, CORPUS / "sismo-chile.en.txt", "--out", tmp_path / "r")
    assert r.exit_code == 2 and "permission denied" in r.output


def test_cli_directory_given_as_file_exits_2(tmp_path):
    r = run("compare", tmp_path, CORPUS / "sismo-chile.en.txt", "--out", tmp_path / "r")
    assert r.exit_code == 2
    assert r.output.strip() == f"concord: error: {tmp_path}: is a directory, not a file"


def test_cli_empty_corpus_exits_2(tmp_path):
    (tmp_path / "c").mkdir()
    r = run("check", tmp_path / "c", "--out", tmp_path / "r")
    assert r.exit_code == 2
    assert "empty corpus" in r.output


def test_cli_missing_corpus_exits_2(tmp_path):
    r = run("check", tmp_path / "nope", "--out", tmp_path / "r")
    assert r.exit_code == 2 and "no such corpus folder" in r.output


def test_bad_files_in_corpus_are_skipped_with_warning(corpus_copy, tmp_path):
    (corpus_copy / "zz-binary.txt").write_bytes(b"\x00\xff" * 100)
    (corpus_copy / "zz-empty.txt").write_bytes(b"")
    r = run("check", corpus_copy, "--out", tmp_path / "r", "--translator", "none", "--fail-on", "never")
    assert r.exit_code == 0
    assert "skipped zz-binary.txt: binary file" in r.output
    assert "skipped zz-empty.txt: empty file" in r.output
    data = json.loads((tmp_path / "r" / "findings.json").read_text(encoding="utf-8"))
    assert {s["path"] for s in data["skipped"]} == {"zz-binary.txt", "zz-empty.txt"}
    assert "zz-binary.txt" in (tmp_path / "r" / "index.html").read_text(encoding="utf-8")


def test_grouping_of_the_corpus_is_exact():
    corpus = read_corpus(CORPUS)
    groups = group_documents(corpus.documents, load_manifest(CORPUS))
    got = {g.id: sorted(d.path for d in g.documents) for g in groups}
    labels = json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))
    expected = {g["id"]: sorted(g["documents"]) for g in labels["groups"]}
    assert got == expected
    by_id = {g.id: g for g in groups}
    assert by_id["mexico-extradiciones"].method == "anchors"
    assert by_id["sismo-chile"].method == "filename"


def test_manifest_overrides_other_grouping(corpus_copy):
    (corpus_copy / "concord.toml").write_text(
        '[[group]]\nid = "seeds-only"\nfiles = ["000_30275b1cc5977e66.txt", "002_b2ec2e246b353f73.txt"]\n',
        encoding="utf-8")
    corpus = read_corpus(corpus_copy)
    groups = {g.id: g for g in group_documents(corpus.documents, load_manifest(corpus_copy))}
    assert sorted(d.path for d in groups["seeds-only"].documents) == [
        "000_30275b1cc5977e66.txt", "002_b2ec2e246b353f73.txt"]
    assert groups["seeds-only"].method == "manifest"
    assert [d.path for d in groups["mexico-extradiciones"].documents] == ["mexico-extradiciones.es.txt"]


def test_unrelated_loose_documents_stay_apart(tmp_path):
    (tmp_path / "a.txt").write_text((CORPUS / "sismo-chile.en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_text((CORPUS / "tasas-colombia.es.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "c.txt").write_text((CORPUS / "tasas-colombia.en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    corpus = read_corpus(tmp_path)
    groups = group_documents(corpus.documents)
    assert sorted(sorted(d.path for d in g.documents) for g in groups) == [["a.txt"], ["b.txt", "c.txt"]]


def _digest(folder: Path):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_inputs_unchanged_and_json_byte_identical(corpus_copy, tmp_path):
    before = _digest(corpus_copy)
    r1 = run("check", corpus_copy, "--out", tmp_path / "r1", "--translator", "none")
    r2 = run("check", corpus_copy, "--out", tmp_path / "r2", "--translator", "none")
    assert r1.exit_code == r2.exit_code == 1  # the corpus has real errors
    assert _digest(corpus_copy) == before
    assert (tmp_path / "r1" / "findings.json").read_bytes() == (tmp_path / "r2" / "findings.json").read_bytes()


def test_findings_json_contract(tmp_path):
    r = run("check", CORPUS, "--out", tmp_path / "r", "--translator", "none", "--fail-on", "never")
    assert r.exit_code == 0
    data = json.loads((tmp_path / "r" / "findings.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == "1.0"
    assert data["tool"]["name"] == "concord"
    g = next(g for g in data["groups"] if g["id"] == "sismo-chile")
    doc = g["documents"][0]
    assert set(doc) >= {"id", "path", "language", "sentences"}
    s = doc["sentences"][0]
    assert set(s) >= {"index", "start", "end", "text", "language", "translation"}
    assert s["text"] == "Strong earthquake shakes northern Chile, killing 12"
    pair = g["pairs"][0]
    assert set(pair) >= {"a", "b", "alignment", "findings"}
    for f in pair["findings"]:
        assert f["category"] in ("number", "name", "date", "quote", "omission", "addition", "language")
        assert f["severity"] in ("error", "warning", "info")
        assert f["id"] and f["message"]
        for side in ("a", "b"):
            ev = f[side]
            if ev is not None:
                assert set(ev) >= {"sentences", "text", "start", "end"}


def test_exit_codes_follow_fail_on(tmp_path):
    args = ["compare", CORPUS / "sismo-chile.en.txt", CORPUS / "sismo-chile.es.txt", "--out", tmp_path / "r",
            "--translator", "none"]
    assert run(*args).exit_code == 1
    assert run(*args, "--fail-on", "never").exit_code == 0
    assert run(*args, "--fail-on", "warning").exit_code == 1


def test_version_and_help():
    r = run("--version")
    assert r.exit_code == 0 and r.output.startswith("concord, version ")
    for cmd in ("check", "compare", "detect", "translate", "align", "doctor", "models", "cache"):
        r = run(cmd, "--help")
        assert r.exit_code == 0 and "Usage:" in r.output


def test_bad_option_is_usage_error(tmp_path):
    r = run("check", CORPUS, "--fail-on", "sometimes")
    assert r.exit_code == 2
