"""Reliability: hostile text, bad input and faults give a correct result or a one-line
error (exit 2), never a traceback, a hang or a silently wrong result.

Time tests measure growth, not absolute speed: the same work on inputs 1x, 4x and 16x the
size, and the 16x run must cost well under 16 * 16 (quadratic) times the 1x run.
"""

from __future__ import annotations

import json
import math
import os
import random
import shutil
import stat
import subprocess
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from concord import corpus as corpus_mod
from concord.cli import main
from concord.corpus import check_output_folder, doc_id, group_documents, read_corpus, safe_id
from concord.document import Document, Group
from concord.errors import ConcordError, InputError
from concord.fsutil import atomic_write
from concord.reading import read_document_text
from concord.segment import split_paragraphs, split_sentences
from concord.store import key_for_group
from concord.textio import decode_bytes, html_to_text, markdown_to_text
from concord.translate import translate_texts
from concord.translate.base import Translator
from concord.translate.cache import TranslationCache, Uncacheable

from conftest import needs_apertium, story_copies

ROOT = Path(__file__).resolve().parent.parent
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


# --- growth measurement -------------------------------------------------------------------

def _best_time(fn, arg, repeat: int = 3) -> float:
    """The best of ``repeat`` runs in CPU time of this process (steadier than wall time on
    a shared machine: another process's load does not count)."""
    best = math.inf
    for _ in range(repeat):
        t0 = time.process_time()
        fn(arg)
        best = min(best, time.process_time() - t0)
    return best


def assert_linear(fn, make, base: int, factor: float = 3.0) -> None:
    """``fn(make(n))`` for n = base, 4*base, 16*base: the 16x input may cost at most
    ``16 * factor`` times the 1x input (quadratic growth would be 256x)."""
    inputs = [make(base * k) for k in (1, 4, 16)]
    fn(inputs[0])  # warm up (imports, regex compilation)
    times = [_best_time(fn, x) for x in inputs]
    floor = 5e-3  # timer and scheduler noise on the smallest input (a shared, busy machine)
    ratio = times[2] / max(times[0], floor)
    assert ratio < 16 * factor, f"super-linear growth: {times} (x16 ratio {ratio:.1f})"


# --- sentence and paragraph segmentation --------------------------------------------------

def test_titles_repeated_split_in_linear_time():
    assert_linear(split_sentences, lambda n: "Mr. " * n, 4000)
    assert split_sentences("Mr. " * 3) == [(0, 11)]  # a title never ends a sentence


_PROSE = ("The minister said the plan, which U.S. officials backed on Monday, would cost "
          "1.5 million dollars. Dr. Smith disagreed! El Sr. Pérez dijo que EE.UU. no pagará. ")


def test_a_long_line_of_prose_splits_in_linear_time():
    assert_linear(split_sentences, lambda n: _PROSE * n, 1000)
    big = _PROSE * (2_000_000 // len(_PROSE))  # a 2 MB line
    spans = split_sentences(big)
    assert len(spans) == 3 * (2_000_000 // len(_PROSE))
    assert big[spans[1][0]:spans[1][1]] == "Dr. Smith disagreed!"


def test_punctuation_runs_do_not_backtrack():
    assert_linear(split_sentences, lambda n: "." * n + "x", 20000)
    assert_linear(split_sentences, lambda n: "?!" * n + " Y", 20000)
    assert split_sentences("Wait..... What?! Yes.") == [(0, 9), (10, 16), (17, 21)]


def test_wrapped_lines_join_in_linear_time():
    assert_linear(split_paragraphs, lambda n: "the minister said\n" * n, 2000)
    text = "The minister said the plan\nwould cost more,\nmuch more.\n\nNew paragraph."
    assert split_paragraphs(text) == [(0, 54), (56, 70)]


def test_word_before_a_break_is_found_by_a_local_scan():
    # The abbreviation rules still see the word before the full stop.
    text = "He met Gen. Smith. Then he left at 9 a.m. The police came."
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == ["He met Gen. Smith.", "Then he left at 9 a.m.", "The police came."]


# --- Markdown and HTML --------------------------------------------------------------------

def test_markdown_blank_lines_and_brackets_are_linear():
    assert_linear(markdown_to_text, lambda n: "\n" * n + "> x", 25000)
    assert_linear(markdown_to_text, lambda n: "[" * n, 25000)
    assert_linear(markdown_to_text, lambda n: "[a](" * n, 10000)
    assert_linear(markdown_to_text, lambda n: " \n" * n + ">", 25000)


def test_markdown_still_strips_its_markup():
    md = "# Title\n\n> quoted *text* and [a link](http://x.y/z) ![img](p.png)\n- item\n**bold** `code`\n"
    assert markdown_to_text(md) == "Title\n\nquoted text and a link img\nitem\nbold code\n"


def test_deeply_nested_html_does_not_recurse():
    depth = 5000
    assert depth > sys.getrecursionlimit()
    assert html_to_text("<div>" * depth + "Hola." + "</div>" * depth) == "Hola.\n"
    assert_linear(html_to_text, lambda n: "<div>" * n + "Hola." + "</div>" * n, 300)


def test_html_blocks_and_inline_text():
    page = ("<html><head><title>T</title><style>x{}</style></head><body><p>Hola <b>mundo</b>.</p>"
            "<div>Uno<div>Dos</div>Tres</div><script>var x;</script></body></html>")
    assert html_to_text(page) == "T\n\nHola mundo.\n\nUno\n\nDos\n\nTres\n"


# --- decoding -------------------------------------------------------------------------------

def test_bom_followed_by_an_invalid_byte(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbfabc \xff def.\n")
    decoded = read_document_text(f)
    assert decoded.text == "abc \ufffd def.\n"
    assert decoded.encoding == "utf-8-sig"
    assert decoded.warnings == [f"{f}: 1 invalid UTF-8 byte sequence(s) replaced with U+FFFD"]
    res = CliRunner().invoke(main, ["detect", str(f)])
    assert res.exit_code == 0 and "abc \ufffd def." in res.output


def test_utf8_with_one_stray_byte_stays_utf8():
    text = "La canción de José en Cádiz, según el señor Núñez: año récord."
    data = text.encode("utf-8").replace("Cádiz,".encode(), "Cádiz".encode() + b"\x93,")
    warnings: list[str] = []
    got, enc = decode_bytes(data, "x.txt", warnings)
    assert enc == "utf-8"
    assert got == text.replace("Cádiz,", "Cádiz\ufffd,")
    assert len(warnings) == 1


def test_legacy_code_page_is_still_detected():
    text = "La canción de José en Cádiz, según el señor Núñez: año récord en España."
    got, enc = decode_bytes(text.encode("cp1252"), "x.txt", [])
    assert got == text and enc != "utf-8"


def test_fifo_is_never_opened(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="named pipe"):
        read_document_text(fifo)
    (tmp_path / "a.txt").write_text("Hola. Un texto.\n", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert [d.path for d in corpus.documents] == ["a.txt"]
    assert ("pipe.txt", "a named pipe (FIFO), not a file (not opened)") in corpus.skipped


def test_fifo_as_manifest_and_as_file_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text("Hola. Un texto.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "concord.toml")
    exe = [sys.executable, "-m", "concord.cli"]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.run(exe + ["check", str(tmp_path), "--translator", "none", "-o", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and ("not a regular file" in proc.stderr or "(FIFO), not a file" in proc.stderr)
    proc = subprocess.run(exe + ["detect", str(tmp_path / "concord.toml")],
                          capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 2 and "named pipe" in proc.stderr and "Traceback" not in proc.stderr


def test_symlink_outside_the_corpus_is_not_followed(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (tmp_path / "secret.txt").write_text("Texto secreto fuera del corpus.\n", encoding="utf-8")
    (root / "a.txt").write_text("Hola. Un texto.\n", encoding="utf-8")
    (root / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (root / "same.txt").symlink_to(root / "a.txt")  # inside: fine
    (root / "sub").symlink_to(tmp_path)
    corpus = read_corpus(root)
    assert sorted(d.path for d in corpus.documents) == ["a.txt", "same.txt"]
    reasons = dict(corpus.skipped)
    assert reasons["leak.txt"] == "symbolic link to a file outside the corpus (not followed)"
    assert reasons["sub/"] == "symbolic link to a folder (not followed)"
    assert all("secreto" not in d.text for d in corpus.documents)


def test_file_name_that_is_not_utf8(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copy(ROOT / "corpus" / "sismo-chile.es.txt", root)
    bad = os.fsencode(root) + b"/nota\xff.txt"
    with open(bad, "wb") as fh:
        fh.write("Un sismo sacudió Chile el lunes.\n".encode())
    corpus = read_corpus(root)
    paths = sorted(d.path for d in corpus.documents)
    assert paths == ["nota\\xff.txt", "sismo-chile.es.txt"]
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["check", str(root), "--translator", "none", "-o", str(out), "-q"])
    assert res.exit_code in (0, 1), res.output
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert "nota\\xff.txt" in {d["path"] for g in data["groups"] for d in g["documents"]}


def test_very_long_file_name(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    name = "n" * 240 + ".es.txt"
    shutil.copy(ROOT / "corpus" / "sismo-chile.es.txt", root / name)
    shutil.copy(ROOT / "corpus" / "sismo-chile.en.txt", root / ("n" * 240 + ".en.txt"))
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["check", str(root), "--translator", "none", "-o", str(out), "-q"])
    assert res.exit_code in (0, 1), res.output
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    (group,) = data["groups"]
    assert len(group["documents"]) == 2 and group["method"] == "filename"
    assert all(len(d["id"].encode()) <= corpus_mod.ID_MAX_BYTES for d in group["documents"])
    assert len(group["id"].encode()) <= corpus_mod.ID_MAX_BYTES


def test_a_huge_manifest_id_is_shortened():
    gid = safe_id("x" * 5000)
    assert len(gid.encode()) <= corpus_mod.ID_MAX_BYTES and "~" in gid


# --- document ids ---------------------------------------------------------------------------

def test_document_ids_are_unique_by_construction():
    assert doc_id("x/a b.txt") != doc_id("y/a-b.txt")
    assert doc_id("es/story.txt") != doc_id("es-story.txt")
    assert doc_id("es-story.txt") == "es-story.txt"  # a plain name is its own id
    assert doc_id("a b.txt") != doc_id("a-b.txt") and doc_id("a b.txt") != doc_id("a_b.txt")
    names = [f"{a}{sep}{b}.txt" for a in ("es", "x") for sep in ("/", "-", " ", "_", "+", "--")
             for b in ("story", "a b", "a-b")]
    assert len({doc_id(n) for n in names}) == len(names)


def test_colliding_names_are_compared_as_two_documents(tmp_path):
    root = tmp_path / "corpus"
    (root / "es").mkdir(parents=True)
    shutil.copy(ROOT / "corpus" / "sismo-chile.es.txt", root / "es" / "story.txt")
    shutil.copy(ROOT / "corpus" / "sismo-chile.en.txt", root / "es-story.txt")
    (root / "concord.toml").write_text('[[group]]\nid = "s"\nfiles = ["es/story.txt", "es-story.txt"]\n',
                                       encoding="utf-8")
    corpus = read_corpus(root)
    (group,) = group_documents(corpus.documents, corpus_mod.load_manifest(root))
    a, b = group.documents
    assert a.id != b.id and a.text != b.text


# --- the output folder ----------------------------------------------------------------------

def _tree_hashes(folder: Path) -> dict[str, str]:
    import hashlib

    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_reports_inside_the_corpus_are_never_read_back(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    for n in ("sismo-chile.es.txt", "sismo-chile.en.txt"):
        shutil.copy(ROOT / "corpus" / n, root / n)
    before = _tree_hashes(root)
    runs = []
    cwd = os.getcwd()
    os.chdir(root)
    try:
        for _ in range(3):
            res = CliRunner().invoke(main, ["check", ".", "--translator", "none", "-q", "--no-cache"])
            assert res.exit_code in (0, 1), res.output
            runs.append(json.loads((root / "reports" / "findings.json").read_text(encoding="utf-8")))
    finally:
        os.chdir(cwd)
    counts = [sum(len(p["findings"]) for g in r["groups"] for p in g["pairs"]) for r in runs]
    assert counts[0] == counts[1] == counts[2]
    assert [len(r["groups"]) for r in runs] == [1, 1, 1]
    assert {"path": "reports/", "reason": "the report folder (output is never read as input)"} in runs[2]["skipped"]
    after = _tree_hashes(root)
    assert {k: v for k, v in after.items() if not k.startswith("reports/")} == before


def test_output_folder_never_overwrites_an_input(tmp_path):
    a, b = tmp_path / "index.html", tmp_path / "b.txt"
    a.write_text("<p>Un sismo sacudió Chile el lunes.</p>", encoding="utf-8")
    b.write_text("An earthquake shook Chile on Monday.\n", encoding="utf-8")
    before = a.read_bytes()
    res = CliRunner().invoke(main, ["compare", str(a), str(b), "--translator", "none", "-o", str(tmp_path)])
    assert res.exit_code == 2 and "would overwrite the input file" in res.output
    assert a.read_bytes() == before
    res = CliRunner().invoke(main, ["check", str(tmp_path), "--translator", "none", "-o", str(tmp_path)])
    assert res.exit_code == 2 and "is the corpus folder itself" in res.output
    assert a.read_bytes() == before
    with pytest.raises(InputError):
        check_output_folder(tmp_path, [tmp_path / "findings.json"])
    check_output_folder(tmp_path / "out", [a, b])  # elsewhere: fine


# --- Apertium -------------------------------------------------------------------------------

@needs_apertium
def test_translations_never_cross_lines():
    from concord.translate.apertium import ApertiumTranslator

    out = ApertiumTranslator().translate(
        ["Según EE.UU.", "Fuerte sismo sacude la costa de Chile, dijo el Servicio Geológico de EE.UU."],
        "es", "en")
    assert out[0] == "According to USA"
    assert out[1].startswith("Strong seism shakes the coast of Chile")
    assert out[1].endswith("Geological Service of USA")


@needs_apertium
def test_characters_apertium_chokes_on_are_replaced():
    from concord.translate.apertium import ApertiumTranslator

    texts = ["Hola\uffff amigo", "Buenos días a\x00 todos", "Dos\u200b personas\ufdd0 murieron", "Gracias"]
    clean = ["Hola amigo", "Buenos días a todos", "Dos personas murieron", "Gracias"]
    tr = ApertiumTranslator()
    out = tr.translate(texts, "es", "en")
    assert out == tr.translate(clean, "es", "en")
    assert out[2] == "Two people died" and out[3] == "Thank you"
    assert not any(isinstance(o, Uncacheable) for o in out)


def test_sentinel_verification_rejects_crossed_output():
    from concord.translate.apertium import verify

    good = "According to USA\n*qzxzq0qzxzq\nStrong seism\n*qzxzq1qzxzq\n"
    assert verify(good, 2, "qzxzq") == ["According to USA", "Strong seism"]
    crossed = "According to Strong\nqzxzq0qzxzq USA seism\n*qzxzq1qzxzq\n"
    assert verify(crossed, 2, "qzxzq") is None
    assert verify("According to USA\n*qzxzq0qzxzq\n", 2, "qzxzq") is None  # truncated
    assert verify("\n*qzxzq0qzxzq\n", 1, "qzxzq") is None  # an empty translation


class _Upper(Translator):
    """A real (if trivial) backend: upper-cases, and cannot verify texts containing '?'."""

    name = "upper"

    def available(self, source, target):
        return True

    def version(self, source, target):
        return "1"

    def _translate(self, texts, source, target):
        return [Uncacheable(t) if "?" in t else t.upper() for t in texts]


def test_unverified_output_is_never_cached(tmp_path):
    cache = TranslationCache(tmp_path / "c.sqlite3")
    got = translate_texts(["hola", "qué?"], "es", "en", _Upper(), cache)
    assert got == ["HOLA", "qué?"]
    assert cache.get_many("upper", "1", "es", "en", ["hola", "qué?"]) == {"hola": "HOLA"}
    assert cache.count() == 1


# --- translation cache ----------------------------------------------------------------------

def _damage(path: Path, how: str) -> None:
    if how == "garbage":
        path.write_bytes(b"this is not an SQLite database" * 20)
    elif how == "truncated":
        c = TranslationCache(path)
        c.put_many("b", "1", "es", "en", {f"texto {i}" * 20: f"text {i}" for i in range(2000)})
        c.close()
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    elif how == "folder":
        path.mkdir(parents=True)


@pytest.mark.parametrize("how", ["garbage", "truncated"])
def test_damaged_cache_is_rebuilt(tmp_path, how, monkeypatch):
    monkeypatch.setenv("CONCORD_CACHE_DIR", str(tmp_path))
    path = tmp_path / "translations.sqlite3"
    _damage(path, how)
    res = CliRunner().invoke(main, ["cache", "info"])
    assert res.exit_code == 0 and str(path) in res.output
    cache = TranslationCache(path)
    assert cache.get_many("b", "1", "es", "en", ["hola"]) == {}
    cache.put_many("b", "1", "es", "en", {"hola": "hello"})
    assert cache.get_many("b", "1", "es", "en", ["hola"]) == {"hola": "hello"}
    cache.close()
    _damage(path, how)
    res = CliRunner().invoke(main, ["cache", "clear"])
    assert res.exit_code == 0 and not path.exists()


def test_cache_folder_in_place_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setenv("CONCORD_CACHE_DIR", str(tmp_path))
    path = tmp_path / "translations.sqlite3"
    _damage(path, "folder")
    res = CliRunner().invoke(main, ["cache", "info"])
    assert res.exit_code == 0 and "a folder, not a cache file" in res.output
    res = CliRunner().invoke(main, ["cache", "clear"])
    assert res.exit_code == 2 and res.output.count("\n") == 1 and path.is_dir()
    root = tmp_path / "corpus"
    root.mkdir()
    for n in ("sismo-chile.es.txt", "sismo-chile.en.txt"):
        shutil.copy(ROOT / "corpus" / n, root / n)
    res = CliRunner().invoke(main, ["check", str(root), "--translator", "none", "-o", str(tmp_path / "out")])
    assert res.exit_code == 2 and "is a folder, not a cache file" in res.output
    assert "Traceback" not in res.output


def _open_and_write(args):
    path, i = args
    cache = TranslationCache(path)
    try:
        cache.get_many("b", "1", "es", "en", [f"texto {i}"])
        cache.put_many("b", "1", "es", "en", {f"texto {i}": f"text {i}"})
        return "ok"
    except ConcordError as exc:
        return str(exc)
    finally:
        cache.close()


def test_worker_processes_opening_a_new_cache_together_all_succeed(tmp_path):
    """Worker processes that open a cache file nobody has created yet race to switch it to
    WAL; SQLite gives the losers "database is locked" at once (no busy wait for that
    lock). Each must wait its turn: every process writes, and every translation is kept.
    Before the fix about half of these rounds lost a worker."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    for r in range(12):
        path = tmp_path / f"r{r}" / "translations.sqlite3"
        with ctx.Pool(4) as pool:
            assert pool.map(_open_and_write, [(path, i) for i in range(4)]) == ["ok"] * 4
        got = TranslationCache(path).get_many("b", "1", "es", "en", [f"texto {i}" for i in range(4)])
        assert got == {f"texto {i}": f"text {i}" for i in range(4)}


@pytest.mark.skipif(IS_ROOT, reason="root writes read-only files")
def test_read_only_cache_is_a_one_line_error(tmp_path):
    path = tmp_path / "c" / "translations.sqlite3"
    c = TranslationCache(path)
    c.put_many("b", "1", "es", "en", {"hola": "hello"})
    c.close()
    os.chmod(path, 0o444)
    os.chmod(path.parent, 0o555)
    try:
        c = TranslationCache(path)
        with pytest.raises(ConcordError, match="translation cache"):
            c.put_many("b", "1", "es", "en", {"adiós": "goodbye"})
        assert TranslationCache(path).status()[0] == 1
    finally:
        os.chmod(path.parent, 0o755)


# --- group store keys -----------------------------------------------------------------------

def test_store_key_covers_grouping_and_order():
    a = Document(id="a.txt", path="a.txt", text="Uno.", sha256="1")
    b = Document(id="b.txt", path="b.txt", text="Dos.", sha256="2")
    base = key_for_group(Group(id="g", documents=[a, b], method="manifest"), {}, {})
    assert base == key_for_group(Group(id="g", documents=[a, b], method="manifest"), {}, {})
    assert base != key_for_group(Group(id="g", documents=[b, a], method="manifest"), {}, {})
    assert base != key_for_group(Group(id="g", documents=[a, b], method="anchors"), {}, {})
    assert base != key_for_group(Group(id="h", documents=[a, b], method="manifest"), {}, {})


def test_a_changed_manifest_is_never_served_from_the_store(tmp_path):
    from concord.config import Settings
    from concord.pipeline import Run

    root = tmp_path / "corpus"
    root.mkdir()
    for n in ("sismo-chile.es.txt", "sismo-chile.en.txt", "tasas-colombia.en.txt"):
        shutil.copy(ROOT / "corpus" / n, root / n)
    manifest = root / "concord.toml"
    manifest.write_text('[[group]]\nid = "g"\nfiles = ["sismo-chile.es.txt", "sismo-chile.en.txt"]\n',
                        encoding="utf-8")
    settings = Settings(translator="none")
    cache = TranslationCache(tmp_path / "cache.sqlite3")
    first = Run(root, settings, cache=cache, jobs=1)
    g1 = next(g for g in list(first.groups()) if g["id"] == "g")  # every group is run
    # the pair is compared in a fixed order (language, then path) whatever the manifest says
    assert (g1["documents"][0]["path"], g1["documents"][1]["path"]) == ("sismo-chile.en.txt", "sismo-chile.es.txt")
    manifest.write_text('[[group]]\nid = "g"\nfiles = ["sismo-chile.en.txt", "sismo-chile.es.txt"]\n',
                        encoding="utf-8")
    second = Run(root, settings, cache=cache, jobs=1)
    g2 = next(g for g in list(second.groups()) if g["id"] == "g")
    assert (g2["documents"][0]["path"], g2["documents"][1]["path"]) == ("sismo-chile.en.txt", "sismo-chile.es.txt")
    assert "g" not in second.reused_ids  # a changed manifest is recomputed, never served stale
    assert g2["pairs"] == g1["pairs"]
    third = Run(root, settings, cache=cache, jobs=1)
    list(third.groups())
    assert "g" in third.reused_ids  # unchanged: reused


def test_unusable_manifest_entries_are_reported(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    for n in ("sismo-chile.es.txt", "sismo-chile.en.txt"):
        shutil.copy(ROOT / "corpus" / n, root / n)
    docs = read_corpus(root).documents
    dropped: list = []
    manifest = {"group": [{"id": "a", "files": ["sismo-chile.es.txt", "missing.txt"]},
                          {"id": "b", "files": ["sismo-chile.es.txt", "sismo-chile.en.txt"]}]}
    groups = group_documents(docs, manifest, dropped)
    assert [(g.id, [d.path for d in g.documents]) for g in groups] == [
        ("a", ["sismo-chile.es.txt"]), ("b", ["sismo-chile.en.txt"])]
    reasons = dict(dropped)
    assert "no such readable file" in reasons["missing.txt"]
    assert "more than one group" in reasons["sismo-chile.es.txt"]


# --- model archives ---------------------------------------------------------------------------

def _stanza_zip(path: Path, payload: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("resources.json", json.dumps({"xx": {"ner": {"tiny": {}}}}))
        zf.writestr("xx/ner/tiny.pt", payload)
    return path


def test_zip_bomb_is_refused_and_nothing_is_installed(tmp_path):
    from concord.model_install import install_stanza_file

    bomb = _stanza_zip(tmp_path / "bomb.zip", b"\0" * (65 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    dest = tmp_path / "stanza"
    with pytest.raises(InputError, match="zip bomb"):
        install_stanza_file(bomb, str(dest))
    assert not dest.exists() or not any(dest.rglob("*"))


def test_bad_crc_is_a_one_line_error_and_leaves_nothing(tmp_path):
    payload = random.Random(7).randbytes(20000)  # incompressible: the data is stored as is
    archive = _stanza_zip(tmp_path / "m.zip", payload)
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo("xx/ner/tiny.pt")
    at = info.header_offset + 30 + len(info.filename) + 100  # inside the member's data
    data[at] ^= 0xFF
    archive.write_bytes(bytes(data))
    dest = tmp_path / "stanza"
    res = CliRunner().invoke(main, ["models", "install", "--stanza", str(archive)],
                             env={"STANZA_RESOURCES_DIR": str(dest)})
    assert res.exit_code == 2 and res.output.count("\n") == 1 and "damaged archive" in res.output
    assert not dest.exists() or not any(p.is_file() for p in dest.rglob("*"))


def test_installed_and_written_files_respect_the_umask(tmp_path):
    from concord.model_install import install_stanza_file

    old = os.umask(0o022)
    try:
        archive = _stanza_zip(tmp_path / "m.zip", b"weights" * 100)
        install_stanza_file(archive, str(tmp_path / "stanza"))
        report = tmp_path / "out" / "findings.json"
        atomic_write(report, "{}\n")
    finally:
        os.umask(old)
    for p in (tmp_path / "stanza" / "xx" / "ner" / "tiny.pt", tmp_path / "stanza" / "resources.json", report):
        assert stat.S_IMODE(p.stat().st_mode) == 0o644, p
    assert not list((tmp_path / "stanza").glob(".concord-*"))


def test_installed_resources_of_the_wrong_shape_are_replaced(tmp_path):
    from concord.model_install import install_stanza_file

    dest = tmp_path / "stanza"
    dest.mkdir()
    (dest / "resources.json").write_text("[1, 2, 3]", encoding="utf-8")
    lines = install_stanza_file(_stanza_zip(tmp_path / "m.zip", b"w" * 100), str(dest))
    assert len(lines) == 1
    assert json.loads((dest / "resources.json").read_text())["xx"] == {"ner": {"tiny": {}}}


# --- anchor grouping ----------------------------------------------------------------------

def _all_pairs(unit_anchors, idf, loose, declared):
    out = set()
    for i in loose:
        for j in range(len(unit_anchors)):
            if j == i or (j < i and not declared[j]):
                continue
            sim, shared = corpus_mod._similarity(unit_anchors[i], unit_anchors[j], idf)
            if sim >= corpus_mod.ANCHOR_THRESHOLD and shared >= corpus_mod.ANCHOR_MIN_SHARED:
                out.add((-sim, min(i, j), max(i, j)))
    return out


def test_inverted_index_finds_exactly_the_all_pairs_candidates():
    rng = random.Random(11)
    for _ in range(60):
        n = rng.randint(2, 50)
        vocab = [f"w{k}" for k in range(rng.randint(5, 60))]
        units = [set(rng.sample(vocab, rng.randint(0, min(14, len(vocab))))) for _ in range(n)]
        declared = [rng.random() < 0.3 for _ in range(n)]
        loose = [i for i, d in enumerate(declared) if not d]
        df = Counter(a for s in units for a in s)
        idf = {a: math.log(1 + n / c) for a, c in df.items()}
        assert corpus_mod._candidate_pairs(units, idf, loose, declared) == _all_pairs(units, idf, loose, declared)


def _loose_docs(n: int) -> list[Document]:
    rng = random.Random(n)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["".join(rng.choice(letters) for _ in range(8)).capitalize() for _ in range(4 * n)]
    common = ["Government", "President", "Minister", "Congress", "Police", "Madrid", "Reuters"]
    docs = []
    for i in range(n):
        picked = rng.sample(words, 10) + rng.sample(common, 4)
        docs.append(Document(id=f"d{i}.txt", path=f"d{i}.txt",
                             text=" ".join(f"{w} said {rng.randint(100, 99999)}." for w in picked)))
    return docs


def test_anchor_grouping_of_loose_files_is_fast():
    assert_linear(group_documents, _loose_docs, 250)
    docs = _loose_docs(4000)
    t0 = time.perf_counter()
    groups = group_documents(docs)
    assert len(groups) == 4000  # unrelated stories stay apart
    assert time.perf_counter() - t0 < 30  # all pairs took minutes


def test_anchor_grouping_still_joins_versions():
    es = Document(id="es", path="uno.txt", text=(
        "Un sismo de magnitud 7,1 sacudió Valparaíso y Santiago. Michelle Bachelet habló con "
        "Sebastián Piñera. Murieron 312 personas en Antofagasta."))
    en = Document(id="en", path="dos.txt", text=(
        "A 7.1 quake shook Valparaíso and Santiago. Michelle Bachelet spoke with Sebastián "
        "Piñera. 312 people died in Antofagasta."))
    other = Document(id="o", path="tres.txt", text="Las tasas de Colombia subieron. Bogotá celebró 1999.")
    groups = group_documents([es, en, other])
    assert sorted(sorted(d.path for d in g.documents) for g in groups) == [["dos.txt", "uno.txt"], ["tres.txt"]]


# --- the terminal -----------------------------------------------------------------------------

def test_output_to_a_terminal_that_is_not_utf8(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Canción «ñandú» — ¿qué? 你好.\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PYTHONIOENCODING="latin-1", LC_ALL="C")
    proc = subprocess.run([sys.executable, "-m", "concord.cli", "detect", str(f)],
                          capture_output=True, timeout=120, env=env)
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr
    assert "Canción".encode("latin-1") in proc.stdout and b"\\u4f60" in proc.stdout


# --- per-document work done once (extract and compare stay linear) ---------------------------

def _prose(n: int) -> str:
    """``n`` sentences of made-up prose with distinct names, numbers and lower-case words."""
    rng = random.Random(n)
    letters = "bcdfglmnprstv"
    out = []
    for k in range(n):
        name = "".join(rng.choice(letters) + rng.choice("aeiou") for _ in range(3)).capitalize()
        word = "".join(rng.choice(letters) + rng.choice("aeiou") for _ in range(3))
        out.append(f"El alcalde {name} dijo que {word} llegó con {k + 3} camiones y {k * 7 + 1} personas.")
    return " ".join(out)


def test_names_of_every_sentence_in_linear_time():
    from concord.facts.names import extract_names

    def names_of_all(text):
        for sent in text.split(". "):
            extract_names(sent, "es", text)

    assert_linear(names_of_all, _prose, 60)


def test_lower_case_words_of_the_context_still_decide():
    from concord.facts.names import extract_names

    context = "Renewed talks. They renewed the deal with Boris Vian."
    found = [f.surface for f in extract_names("Renewed talks.", "en", context)]
    assert found == []  # "renewed" is written in lower case in the document
    found = [f.surface for f in extract_names("Renewed talks.", "en", "Renewed talks.")]
    assert found == ["Renewed"]
    assert [f.surface for f in extract_names("They renewed the deal with Boris Vian.", "en", context)] \
        == ["Boris Vian"]


def _number(value, unit=None, decade=False, alt=None, surface=None, approx=False):
    from concord.facts.base import Fact

    f = Fact("number", float(value), 0, 1, surface or str(value), unit)
    f.decade, f.alt, f.approx = decade, alt, approx
    return f


class _Side:
    def __init__(self, numbers, dates=()):
        from concord.facts.base import Fact

        self.numbers = {i: [f] for i, f in enumerate(numbers)}
        self.dates = {i: [Fact("date", d, 0, 1, "d")] for i, d in enumerate(dates)}


def test_number_index_answers_known_cases():
    from concord.checks.numbers import _DocNumbers

    idx = _DocNumbers(_Side([_number(100, "mi"), _number(50), _number(1960, decade=True),
                             _number(40, "degC")], dates=[(2016, 3, 5)]))
    assert idx.holds(_number(160, "km"))  # 160 km = 100 miles
    assert not idx.holds(_number(300, "km"))
    assert not idx.holds(_number(100, "percent"))  # a percentage is not a distance
    assert idx.holds(_number(50, "percent"))  # a unit may be dropped in translation
    assert idx.holds(_number(60, decade=True))  # los 60 = the 1960s
    assert idx.holds(_number(104, "degF"))  # 40 °C
    assert idx.holds(_number(2016)) and idx.holds(_number(5))  # the year and the day of a date
    assert not idx.holds(_number(5, "km"))  # a day is never a quantity
    assert not idx.holds(_number(51))


def test_number_index_equals_comparing_with_every_number():
    from concord.checks.numbers import _date_holds, _DocNumbers
    from concord.facts.numbers import same_number

    rng = random.Random(7)
    units = [None, None, None, "km", "mi", "percent", "pp", "deg", "degC", "degF", "kg", "lb"]

    def rnd():
        v = rng.choice([rng.randrange(200), rng.randrange(3000) / 10,
                        rng.choice([60, 1960, 100, 160, 2016, 5, 40, 104])])
        return _number(v, rng.choice(units), rng.random() < 0.1, v * 1e6 if rng.random() < 0.1 else None,
                       approx=rng.random() < 0.2)

    checked = agreed = 0
    for _ in range(150):
        side = _Side([rnd() for _ in range(25)],
                     [(rng.choice([None, 2016, 1960]), rng.choice([None, 3]), rng.choice([None, 5, 16]))
                      for _ in range(3)])
        idx = _DocNumbers(side)
        every = [f for fs in side.numbers.values() for f in fs]
        dates = [d for ds in side.dates.values() for d in ds]
        for _ in range(20):
            x = rnd()
            want = any(same_number(x, y) for y in every) or any(_date_holds(x, d) for d in dates)
            assert idx.holds(x) == want, (x, want)
            checked += 1
            agreed += want
    assert checked == 3000 and 300 < agreed < 2900  # both answers were exercised


def test_number_index_in_linear_time():
    from concord.checks.numbers import _DocNumbers

    def build_and_ask(n):
        idx = _DocNumbers(_Side([_number(k * 3, "km" if k % 5 == 0 else None) for k in range(n)]))
        return sum(idx.holds(_number(k * 3 + 1, "mi" if k % 5 == 0 else None)) for k in range(n))

    assert_linear(build_and_ask, lambda n: n, 300)


# --- killed, interrupted and terminated runs -----------------------------------------------------


def _concord(args, cache: Path, **kw) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), CONCORD_CACHE_DIR=str(cache),
               SOURCE_DATE_EPOCH="1700000000")
    env.pop("CI", None)
    return subprocess.Popen([sys.executable, "-m", "concord", *map(str, args)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def _wait_for(out: Path, pattern: str, count: int, proc: subprocess.Popen, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end and proc.poll() is None:
        if out.exists() and len(list(out.glob(pattern))) >= count:
            return
        time.sleep(0.005)


def test_killed_run_then_rerun_equals_a_clean_run(tmp_path):
    corpus = story_copies(tmp_path / "corpus", 4)
    run = ["check", corpus, "--translator", "none", "--names", "rules", "-q", "--jobs", "1",
           "--format", "html,json,sarif,junit,csv"]
    clean = tmp_path / "clean"
    p = _concord(run + ["-o", clean], tmp_path / "cache-clean")
    _, err = p.communicate(timeout=300)
    assert p.returncode == 1 and err == b"", err
    want = _tree_hashes(clean)
    pages = [k for k in want if k.startswith("group-")]
    assert len(pages) == 12
    assert {"index.html", "findings.json", "findings.sarif", "junit.xml", "findings.csv"} <= set(want)
    # kill points: before any report, after the first page, halfway, after every page
    for n, when in enumerate((0, 1, 6, 12)):
        out, cache = tmp_path / f"out{n}", tmp_path / f"cache{n}"
        out.mkdir()
        # an earlier run's files: a page of a story no longer there, a SARIF file this run
        # may not write, a killed run's temporary file; and a file of the user's own
        (out / "group-gone.html").write_text("<!DOCTYPE html><html><head><title>Concord · gone</title>",
                                             encoding="utf-8")
        (out / ".concord-x1y2z3.tmp").write_text("partial", encoding="utf-8")
        (out / "notes.txt").write_text("the editor's notes", encoding="utf-8")
        (out / "group-notes.html").write_text("<title>My notes</title>", encoding="utf-8")
        p = _concord(run + ["-o", out], cache)
        if when:
            _wait_for(out, "group-*-*.html", when, p)  # (not group-gone.html, group-notes.html)
        else:
            time.sleep(0.3)
        p.kill()
        p.communicate(timeout=60)
        p = _concord(run + ["-o", out], cache)
        _, err = p.communicate(timeout=300)
        assert p.returncode == 1 and err == b"", err
        got = _tree_hashes(out)
        assert got.pop("notes.txt") and got.pop("group-notes.html")  # never Concord's to remove
        assert got == want, f"kill point {when}: {sorted(set(got) ^ set(want))}"


def test_stale_temporary_files_go_and_live_ones_stay(tmp_path):
    import fcntl

    from concord.fsutil import atomic_writer, remove_stale_temp_files, temp_file

    dead = tmp_path / ".concord-dead.tmp"
    dead.write_text("x", encoding="utf-8")
    old = tmp_path / ".findings.json.abc.tmp"  # an earlier version's name
    old.write_text("x", encoding="utf-8")
    mine = tmp_path / ".concord-notes.txt"  # not a temporary file
    mine.write_text("x", encoding="utf-8")
    fd, live = temp_file(tmp_path)  # a writer still at work holds its lock
    try:
        assert sorted(p.name for p in remove_stale_temp_files(tmp_path)) == [dead.name, old.name]
        assert Path(live).exists() and mine.exists()
    finally:
        os.close(fd)
    assert remove_stale_temp_files(tmp_path) == [Path(live)]  # its writer is gone
    with atomic_writer(tmp_path / "r.txt") as fh:
        fh.write("done")
        held = list(tmp_path.glob(".concord-*.tmp"))
        assert len(held) == 1
        with open(held[0], "rb") as other, pytest.raises(OSError):
            fcntl.flock(other.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == "done"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".concord-notes.txt", "r.txt"]


def test_reports_this_run_does_not_write_are_removed(tmp_path):
    corpus = story_copies(tmp_path / "corpus", 1)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["check", str(corpus), "-o", str(out), "--translator", "none",
                                    "--names", "rules", "-q", "--no-cache", "--format", "html,json,sarif,junit"])
    assert res.exit_code == 1, res.output
    assert (out / "findings.sarif").exists() and (out / "junit.xml").exists()
    res = CliRunner().invoke(main, ["check", str(corpus), "-o", str(out), "--translator", "none",
                                    "--names", "rules", "-q", "--no-cache", "--format", "json"])
    assert res.exit_code == 1, res.output
    assert sorted(p.name for p in out.iterdir()) == ["findings.json"]


@pytest.mark.parametrize("sig,code,word", [(2, 130, "interrupted"), (15, 143, "terminated")])
def test_interrupt_and_terminate_print_one_line(tmp_path, sig, code, word):

    corpus = story_copies(tmp_path / "corpus", 6)
    out = tmp_path / "out"
    p = _concord(["check", corpus, "-o", out, "--translator", "none", "--names", "rules", "--jobs", "2"],
                 tmp_path / "cache", start_new_session=True)
    _wait_for(out, "group-*.html", 1, p)  # the workers are at work
    assert p.poll() is None, "the run finished before it could be interrupted"
    os.killpg(p.pid, sig)  # as a terminal does: the parent and every worker
    _, err = p.communicate(timeout=120)
    assert p.returncode == code
    assert err.decode() == f"concord: error: {word}\n"
    time.sleep(0.2)
    left = subprocess.run(["pgrep", "-g", str(p.pid)], capture_output=True, text=True, check=False).stdout.split()
    assert left == []  # no worker outlives the run
    assert not list(out.glob("*.tmp")) and not (out / "findings.json").exists()


def test_a_story_with_one_version_is_not_a_clean_pass(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copy(ROOT / "corpus" / "sismo-chile.es.txt", root / "sismo-chile.es.txt")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["check", str(root), "-o", str(out), "--translator", "none",
                                    "--names", "rules", "--no-cache"])
    assert res.exit_code == 0, res.output
    assert "concord: warning: sismo-chile.es.txt: the only version of its story, not compared" in res.stderr
    assert "nothing was compared" in res.stderr
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert data["skipped"] == [{"path": "sismo-chile.es.txt", "reason": "the only version of its story "
                                "(sismo-chile): nothing was compared with it"}]
    assert "nothing was compared with it" in (out / "index.html").read_text(encoding="utf-8")


def test_the_input_guard_of_the_suite_fires(tmp_path, monkeypatch):
    """The session check of conftest.py (inputs byte-identical after the suite) fails when
    an input changes, is added or is deleted: run on a copy of the inputs in a temporary
    folder, with one file changed."""
    import conftest

    root = tmp_path / "project"
    shutil.copytree(ROOT / "corpus", root / "corpus")
    shutil.copytree(ROOT / "tests" / "data", root / "tests" / "data")
    monkeypatch.setattr(conftest, "ROOT", root)
    monkeypatch.setattr(conftest, "CORPUS", root / "corpus")
    guard = conftest._inputs_unchanged.__wrapped__
    untouched = guard()
    next(untouched)
    with pytest.raises(StopIteration):
        next(untouched)  # nothing changed: the guard passes
    for change in ("edit", "add", "delete"):
        run = guard()
        next(run)
        target = root / "corpus" / "sismo-chile.es.txt"
        if change == "edit":
            target.write_bytes(target.read_bytes() + b" ")
        elif change == "add":
            (root / "tests" / "data" / "new.txt").write_text("nuevo", encoding="utf-8")
        else:
            target.unlink()
        with pytest.raises(AssertionError, match="tests modified their inputs"):
            next(run)
        shutil.rmtree(root / "corpus")
        shutil.copytree(ROOT / "corpus", root / "corpus")
        (root / "tests" / "data" / "new.txt").unlink(missing_ok=True)


@needs_apertium
def test_long_lived_pipeline_matches_apertium_line_mode():
    """The null-flush pipeline with Concord's own deformatting gives what ``apertium -f line``
    gives on the same lines, escapes, tildes and superblanks included; one pipeline serves
    every batch of the process."""
    from concord.translate import apertium as A

    lines = [A.sanitize(x) for x in [
        "La policía detuvo a 3 personas [según fuentes] en la \\ zona ^norte$ @ciudad.",
        "~ Dijo que <no> habrá {más} retrasos / cambios ~",
        "El precio subió a 5,3 millones de dólares ~ según EE.UU.",
        "«No lo sé», dijo el ministro.",
        "Fuerte sismo sacude la costa de Chile.",
    ]]
    tag = A._tag(lines)
    tr = A.ApertiumTranslator()
    expected = tr._oneshot(lines, tag, "spa-eng")
    pipe = A._pipeline("spa-eng", 60)
    if pipe is None:
        pytest.skip("apertium-wblank-mode is not installed: every batch runs apertium -f line")
    got = A.reformat(pipe.translate(A.deformat(A._with_sentinels(lines, tag))))
    assert got == expected
    first = pipe.proc.pid
    out = tr.translate(["Dos personas murieron.", "Gracias."], "es", "en")
    assert out == ["Two people died", "Thank you"]
    assert pipe.proc.pid == first  # the same pipeline, not a new process per batch


@needs_apertium
def test_pipeline_restarts_after_it_dies():
    from concord.translate import apertium as A

    pipe = A._pipeline("spa-eng", 60)
    if pipe is None:
        pytest.skip("apertium-wblank-mode is not installed")
    tr = A.ApertiumTranslator()
    assert tr.translate(["Gracias."], "es", "en") == ["Thank you"]
    pipe.proc.kill()
    pipe.proc.wait()
    assert tr.translate(["Dos personas murieron.", "Gracias."], "es", "en") == ["Two people died", "Thank you"]


@needs_apertium
def test_forked_child_starts_its_own_pipeline():
    import multiprocessing as mp

    from concord.translate import apertium as A

    tr = A.ApertiumTranslator()
    assert tr.translate(["Gracias."], "es", "en") == ["Thank you"]
    parent = A._pipeline("spa-eng", 60)
    if parent is None:
        pytest.skip("apertium-wblank-mode is not installed")
    ctx = mp.get_context("fork")
    with ctx.Pool(1) as pool:
        out, child_pid = pool.apply(_translate_in_child)
    assert out == ["Two people died"]
    assert child_pid != parent.proc.pid
    assert tr.translate(["Gracias."], "es", "en") == ["Thank you"]  # the parent's still works


def _translate_in_child():
    from concord.translate import apertium as A

    out = A.ApertiumTranslator().translate(["Dos personas murieron."], "es", "en")
    return out, A._pipeline("spa-eng", 60).proc.pid


def test_an_interrupt_anywhere_leaves_no_temporary_file(tmp_path):
    """The exit path of an interrupted run removes this process's unfinished temporary
    files, even one made in the instant before it was registered (unlocked, so no live
    writer holds it), and leaves a live writer's file of another process alone."""
    from concord.fsutil import TEMP_PREFIX, TEMP_SUFFIX, discard_temp_files, temp_file

    fd, _tmp = temp_file(tmp_path)  # as if the interrupt came right after this line
    stray = tmp_path / f"{TEMP_PREFIX}xyz{TEMP_SUFFIX}"  # created, never registered nor locked
    stray.write_bytes(b"partial")
    (tmp_path / "keep.html").write_text("done", encoding="utf-8")
    discard_temp_files()
    os.close(fd)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.html"]
