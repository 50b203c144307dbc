"""The group store and the file-state table: a re-run where nothing changed reads no file
and loads no model; the store's schema is versioned and a damaged or foreign store is
rebuilt, never a traceback; an edited file is always noticed (the racy-clean rule)."""

import json
import os
import sqlite3
import subprocess
import sys
import time
import zlib

from concord.config import Settings
from concord.corpus import RACY_NS, read_corpus
from concord.pipeline import Run
from concord.store import GroupStore, StoredGroup
from concord.translate import TranslationCache

from conftest import ROOT

HOUR_NS = 3600 * 10**9


def _write(folder, files: dict[str, str], age_ns: int = HOUR_NS) -> None:
    """Write ``files`` and date them ``age_ns`` in the past (older than the racy margin)."""
    folder.mkdir(parents=True, exist_ok=True)
    then = time.time_ns() - age_ns
    for name, text in files.items():
        p = folder / name
        p.write_text(text, encoding="utf-8")
        os.utime(p, ns=(then, then))


STORY = {
    "sismo.es.txt": "Un sismo de magnitud 6,1 sacudió Valparaíso el martes. Murieron 3 personas.\n",
    "sismo.en.txt": "A magnitude 6.1 earthquake shook Valparaíso on Tuesday. Three people died.\n",
    "tasas.es.txt": "El banco central subió la tasa al 9,5% el 30 de junio.\n",
    "tasas.en.txt": "The central bank raised its rate to 9.5% on June 30.\n",
}


# --- the file-state table -----------------------------------------------------------------

def test_unchanged_files_are_neither_read_nor_hashed(tmp_path):
    root = tmp_path / "c"
    _write(root, STORY)
    first = read_corpus(root, known={})
    assert first.unread == {} and sorted(first.states) == sorted(STORY)
    again = read_corpus(root, known=first.states)
    assert sorted(again.unread) == sorted(STORY)  # every document recalled, no file opened
    by_id = {d.id: d for d in again.documents}
    assert all(d.text == "" for d in by_id.values())
    assert by_id["sismo.es.txt"].sha256 == {d.id: d for d in first.documents}["sismo.es.txt"].sha256
    assert again.anchors == first.anchors and "valparaiso" in again.anchors["sismo.es.txt"]


def test_a_file_modified_near_the_record_is_read_again(tmp_path):
    """The racy-clean rule: a state recorded within RACY_NS of the file's modification
    proves nothing (a same-size rewrite in the same timestamp tick would look unchanged)."""
    root = tmp_path / "c"
    _write(root, STORY, age_ns=0)  # written just now
    first = read_corpus(root, known={})
    again = read_corpus(root, known=first.states)
    assert again.unread == {}  # all read and hashed again
    # once the files are older than the margin, a fresh record makes them trusted
    old = time.time_ns() - 2 * RACY_NS
    for name in STORY:
        os.utime(root / name, ns=(old, old))
    third = read_corpus(root, known=read_corpus(root, known={}).states)
    assert sorted(third.unread) == sorted(STORY)


def test_a_same_size_rewrite_with_its_old_mtime_is_noticed(tmp_path):
    root = tmp_path / "c"
    _write(root, STORY)
    first = read_corpus(root, known={})
    p = root / "tasas.es.txt"
    st = p.stat()
    new = STORY["tasas.es.txt"].replace("9,5%", "8,5%")
    assert len(new.encode()) == st.st_size
    p.write_text(new, encoding="utf-8")
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same mtime: only ctime moved
    again = read_corpus(root, known=first.states)
    assert "tasas.es.txt" not in again.unread
    doc = {d.id: d for d in again.documents}["tasas.es.txt"]
    assert "8,5%" in doc.text and doc.sha256 != first.states["tasas.es.txt"].digest
    assert sorted(again.unread) == ["sismo.en.txt", "sismo.es.txt", "tasas.en.txt"]


def test_rerun_reads_only_the_files_of_groups_it_computes(tmp_path):
    root = tmp_path / "c"
    _write(root, STORY)
    settings = Settings(translator="none", names="rules")
    cache = TranslationCache(tmp_path / "cache.sqlite3")
    first = list(Run(root, settings, cache, jobs=1).groups())
    p = root / "sismo.en.txt"
    p.write_text(STORY["sismo.en.txt"].replace("Three", "Four"), encoding="utf-8")
    run = Run(root, settings, cache, jobs=1)
    assert sorted(run.unread) == ["sismo.es.txt", "tasas.en.txt", "tasas.es.txt"]
    again = list(run.groups())
    assert run.reused_ids == {"tasas"}
    assert run.unread == {"tasas.en.txt": root / "tasas.en.txt", "tasas.es.txt": root / "tasas.es.txt"}
    fresh = list(Run(root, settings, None, jobs=1, incremental=False).groups())
    assert json.dumps(again, sort_keys=True) == json.dumps(fresh, sort_keys=True)
    assert again[1] == first[1] and again[0] != first[0]


# --- the store's schema ------------------------------------------------------------------

def test_an_old_schema_store_is_dropped_and_rebuilt(tmp_path):
    path = tmp_path / "cache.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE group_result (key TEXT PRIMARY KEY, value BLOB)")
    db.execute("INSERT INTO group_result VALUES ('k', ?)",
               (zlib.compress(json.dumps({"id": "g", "fragment": "{}", "slim": "{}", "summary": {}}).encode()),))
    db.commit()
    db.close()
    store = GroupStore(path)
    assert store.get("k") is None and store.count() == 0
    store.put("k", StoredGroup("g", '{"id":"g"}', '{"id":"g"}', {"id": "g", "severity_counts": {"error": 2}}))
    hit = store.get_many(["k", "missing"])
    assert list(hit) == ["k"] and hit["k"].full() == {"id": "g"} and hit["k"].summary["severity_counts"] == {"error": 2}
    store.close()
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "group_result" not in tables and "group_result_v2" in tables


def test_a_foreign_table_of_the_same_name_is_rebuilt(tmp_path):
    path = tmp_path / "cache.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE group_result_v2 (key TEXT PRIMARY KEY, value BLOB)")
    db.commit()
    db.close()
    store = GroupStore(path)
    assert store.get("k") is None
    store.put("k", StoredGroup("g", "{}", "{}", {}))
    assert store.count() == 1


def test_a_damaged_entry_is_computed_again(tmp_path):
    store = GroupStore(tmp_path / "cache.sqlite3")
    store.put("k", StoredGroup("g", '{"id":"g"}', "{}", {}))
    db = store._conn()
    with db:
        db.execute("UPDATE group_result_v2 SET fragment = ? WHERE key = 'k'", (b"not zlib",))
    assert store.get("k") is None


# --- nothing heavy loaded when every group is reused ------------------------------------

_PROBE = r"""
import json, sys
import concord.corpus as corpus
from concord.config import Settings
from concord.pipeline import check_corpus
from concord.translate import TranslationCache

reads = []
real = corpus.load_documents
corpus.load_documents = lambda *a, **k: reads.append(str(a[0])) or real(*a, **k)
root, cache, out = sys.argv[1:4]
result = check_corpus(root, Settings(translator="none"), TranslationCache(cache), incremental=True, out=out)

from concord import detect as language, lexicon
from concord.facts import ner, polarity
spacy_pipes = sum(len(getattr(b, "_pipes", {})) for b in ner._BACKENDS.values())
print(json.dumps({
    "reused": result.reused, "groups": len(result.summaries), "reads": reads,
    "modules": sorted(m for m in ("spacy", "thinc", "torch", "stanza", "lingua", "langdetect", "nltk",
                                  "ctranslate2", "wordfreq") if m in sys.modules),
    "lexicons": len(lexicon._LOADED), "wordnet": polarity._wordnet.cache_info().currsize,
    "lingua": language._lingua.cache_info().currsize, "ner_pipelines": spacy_pipes,
}))
"""


def test_a_rerun_with_every_group_reused_loads_no_model(tmp_path):
    root = tmp_path / "c"
    _write(root, STORY)
    cache = tmp_path / "cache.sqlite3"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))

    def probe(out):
        proc = subprocess.run([sys.executable, "-c", _PROBE, str(root), str(cache), str(tmp_path / out)],
                              capture_output=True, text=True, env=env, timeout=600)
        assert proc.returncode == 0, proc.stderr[-2000:]
        return json.loads(proc.stdout.strip().splitlines()[-1])

    first = probe("o1")  # computes every group: the detectors and the name extractor load
    assert first["reused"] == 0 and first["groups"] == 2 and len(first["reads"]) == 4
    # one lingua detector per set of languages read among: the run's (documents) and the story's
    assert "lingua" in first["modules"] and first["lingua"] <= 2
    second = probe("o2")
    assert second["reused"] == 2 and second["groups"] == 2
    assert second["reads"] == []  # no file read or hashed
    assert second["modules"] == []
    assert (second["lexicons"], second["wordnet"], second["lingua"], second["ner_pipelines"]) == (0, 0, 0, 0)
    assert (tmp_path / "o2" / "findings.json").read_bytes() == (tmp_path / "o1" / "findings.json").read_bytes()


def test_states_of_a_removed_corpus_folder_are_forgotten(tmp_path):
    store = GroupStore(tmp_path / "cache.sqlite3")
    a, b = tmp_path / "a", tmp_path / "b"
    _write(a, {"x.txt": "Uno dos tres cuatro."})
    _write(b, {"y.txt": "One two three four."})
    store.put_file_states(str(a), "v", read_corpus(a, known={}).states)
    store.put_file_states(str(b), "v", read_corpus(b, known={}).states)
    assert list(store.file_states(str(a), "v")) == ["x.txt"]
    assert store.file_states(str(a), "other version") == {}
    (a / "x.txt").unlink()
    a.rmdir()
    store.put_file_states(str(b), "v", read_corpus(b, known={}).states)
    assert store.file_states(str(a), "v") == {} and list(store.file_states(str(b), "v")) == ["y.txt"]


def test_wordnet_tables_come_back_from_the_cache_unchanged(tmp_path, monkeypatch):
    from concord.facts import polarity

    d = polarity._wordnet_dir()
    if d is None:
        import pytest

        pytest.skip("WordNet data (wordnet-base) not installed")
    monkeypatch.setenv("CONCORD_CACHE_DIR", str(tmp_path))
    polarity._wordnet.cache_clear()
    try:
        parsed = polarity._wordnet()  # parses WordNet and keeps the tables
        assert [p.name.startswith("wordnet-antonyms-") for p in tmp_path.iterdir()] == [True]
        polarity._wordnet.cache_clear()
        cached = polarity._wordnet()  # read back from the cache file
        assert cached == parsed == polarity._parse_wordnet(d)
        assert "happy" in cached[0]["unhappy"] and "good" in cached[1]["better"]
    finally:
        polarity._wordnet.cache_clear()
