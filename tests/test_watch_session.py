"""What ``concord watch`` keeps between its runs (:class:`concord.watch.WatchSession`: the
corpus listing, the stored groups in memory, every group's pieces of the reports) never
shows in what it writes: after a changed, a new, a deleted and a renamed file and after a
manifest change, every report file holds the bytes a fresh ``check`` of the same files
writes. The pieces of the reports made one group at a time (SARIF, JUnit, the index's
cross-story table) are the bytes the whole-run writers make."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest

import concord.corpus
from concord.config import Settings
from concord.pipeline import check_corpus
from concord.translate import TranslationCache
from concord.watch import WatchSession

from conftest import story_copies

FORMATS = ["html", "json", "jsonl", "sarif", "junit", "csv"]


def _reports(out: Path) -> dict[str, bytes]:
    """The report files' bytes, without the content key a page of an incremental run
    carries (a fresh run without a store writes none)."""
    key = re.compile(rb'<meta name="concord-key" content="[0-9a-f]{64}">\n')
    return {p.name: key.sub(b"", p.read_bytes()) for p in sorted(out.iterdir())}


class Listings:
    """Counts the full listings of the corpus (concord.corpus.read_corpus calls)."""

    def __init__(self, monkeypatch):
        self.n = 0
        real = concord.corpus.read_corpus

        def counted(*args, **kwargs):
            self.n += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(concord.corpus, "read_corpus", counted)


def _save(path: Path, text: str) -> None:
    time.sleep(0.02)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def watch_env(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    monkeypatch.chdir(tmp_path)  # SARIF names the files relative to the working folder
    corpus = story_copies(tmp_path / "corpus", 2)
    settings = Settings(translator="none", names="rules")
    cache = TranslationCache(tmp_path / "cache.sqlite3")
    session = WatchSession()
    yield tmp_path, corpus, settings, cache, session
    session.close()


def test_a_watch_writes_the_bytes_of_a_fresh_check_after_every_kind_of_change(watch_env, monkeypatch):
    tmp_path, corpus, settings, cache, session = watch_env
    out = tmp_path / "watch"
    listings = Listings(monkeypatch)
    runs = [0]

    def run(changed: list[Path], full_listing: bool):
        session.changed([str(p) for p in changed])
        before = listings.n
        result = check_corpus(corpus, settings, cache, incremental=True, out=out, formats=FORMATS,
                              session=session)
        assert listings.n - before == (1 if full_listing else 0), changed
        runs[0] += 1
        fresh = tmp_path / f"fresh{runs[0]}"
        check_corpus(corpus, settings, None, incremental=False, out=fresh, formats=FORMATS)
        mine, theirs = _reports(out), _reports(fresh)
        assert sorted(mine) == sorted(theirs)
        for name in theirs:
            assert mine[name] == theirs[name], (changed, name)
        return result

    first = run([], True)
    groups = len(first.summaries)
    spanish = sorted(corpus.glob("*.es.txt"))

    # a changed document: only its story is computed again, nothing is listed again
    victim = spanish[0]
    _save(victim, re.sub(r"\d+", "9107", victim.read_text(encoding="utf-8"), count=1))
    result = run([victim], False)
    assert result.reused == groups - 1

    # a new story (two new files)
    stem = next(s.name.split(".")[0] for s in spanish if len(list(corpus.glob(s.name.split(".")[0] + ".*"))) == 2)
    for p in sorted(corpus.glob(stem + ".*")):
        text = re.sub(r"\d+", "4321", p.read_text(encoding="utf-8"), count=1)
        (corpus / p.name.replace("-", "-nueva-", 1)).write_text(text, encoding="utf-8")
    new = sorted(corpus.glob("*-nueva-*"))
    assert len(new) == 2
    result = run(new, False)
    assert len(result.summaries) == groups + 1 and result.reused == groups

    # a deleted file: its version is gone from the report
    new[0].unlink()
    run([new[0]], False)
    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert new[0].name not in {d["path"] for g in findings["groups"] for d in g["documents"]}

    # a renamed file: gone under one name, new under another
    renamed = corpus / new[1].name.replace("-nueva-", "-otra-")
    new[1].rename(renamed)
    run([new[1], renamed], False)

    # a new folder with a story in it: listed again; then a change inside it is not
    sub = corpus / "mas"
    sub.mkdir()
    for p in sorted(corpus.glob(stem + ".*")):
        (sub / p.name).write_text(re.sub(r"\d+", "5555", p.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    inside = sorted(sub.iterdir())
    run([sub, *inside], True)
    _save(inside[0], re.sub(r"5555", "5556", inside[0].read_text(encoding="utf-8"), count=1))
    run([inside[0]], False)

    # a manifest that groups two stories' files differently: listed again, regrouped
    a, b = sorted(corpus.glob("*.en.txt"))[:2]
    manifest = corpus / "concord.toml"
    manifest.write_text(f'[[group]]\nid = "juntas"\nfiles = ["{a.name}", "{b.name}"]\n', encoding="utf-8")
    result = run([manifest], True)
    assert any(g["id"] == "juntas" for g in result.summaries)
    manifest.unlink()
    run([manifest], True)

    # a file that cannot be read: listed again (skipped, with its reason), then back
    binary = spanish[-1]
    text = binary.read_text(encoding="utf-8")
    binary.write_bytes(b"\x00\x01\x02\xff" * 64)
    run([binary], True)
    _save(binary, text)
    run([binary], True)
    # and a change after those is incremental again
    _save(victim, re.sub(r"9107", "9108", victim.read_text(encoding="utf-8"), count=1))
    run([victim], False)


def test_a_changed_baseline_free_run_reuses_the_pages_it_wrote(watch_env):
    """The pages of unchanged stories are neither rendered nor written again."""
    tmp_path, corpus, settings, cache, session = watch_env
    out = tmp_path / "watch"
    check_corpus(corpus, settings, cache, incremental=True, out=out, formats=["html", "json"], session=session)
    pages = {p.name: p.stat().st_mtime_ns for p in out.glob("group-*.html")}
    victim = sorted(corpus.glob("*.es.txt"))[0]
    _save(victim, re.sub(r"\d+", "9207", victim.read_text(encoding="utf-8"), count=1))
    session.changed([str(victim)])
    check_corpus(corpus, settings, cache, incremental=True, out=out, formats=["html", "json"], session=session)
    after = {p.name: p.stat().st_mtime_ns for p in out.glob("group-*.html")}
    assert sorted(after) == sorted(pages)
    rewritten = [n for n in pages if pages[n] != after[n]]
    assert len(rewritten) == 1 and victim.name.split(".")[0] in rewritten[0], rewritten


def test_full_fills_the_group_store(tmp_path):
    """A --full run computes every group and stores them: the next incremental run
    computes none; the --full run's pages carry no content key (its bytes are unchanged)."""
    from concord.store import GroupStore

    corpus = story_copies(tmp_path / "corpus", 1)
    settings = Settings(translator="none", names="rules")
    cache = TranslationCache(tmp_path / "cache.sqlite3")
    full = check_corpus(corpus, settings, cache, incremental=False, out=tmp_path / "full", formats=["html", "json"])
    assert full.reused == 0
    assert GroupStore(cache.path).count() == len(full.summaries)
    assert not any(b"concord-key" in p.read_bytes() for p in (tmp_path / "full").glob("group-*.html"))
    again = check_corpus(corpus, settings, cache, incremental=True, out=tmp_path / "again", formats=["json"])
    assert again.reused == len(full.summaries)


def test_group_pieces_make_the_whole_run_writers_bytes(tmp_path):
    """SARIF and JUnit made one group at a time, the index's table from kept story rows:
    the same as the writers that read the whole run."""
    from concord.report import html, junit, sarif
    from concord.report.findings_json import placed_fragment

    corpus = story_copies(tmp_path / "corpus", 1)
    team = Path(__file__).parent.parent / "corpus"
    shutil.copy(team / "lluvias-valencia.pt.txt", corpus / "lluvias-valencia-0.pt.txt")  # a story of three
    settings = Settings(translator="none", names="rules")
    result = check_corpus(corpus, settings, None, out=tmp_path / "out", formats=["json"])
    groups = list(result.groups)
    assert groups and placed_fragment("{}") == b",\n    {}"
    root, ids = sarif.outside_root(result), sarif.rule_ids()
    artifacts: set = set()
    for g in groups:
        artifacts |= sarif.group_artifacts(result, g, root)
    texts = [sarif.group_text(result, g, root, ids) for g in groups]
    assert "".join(sarif.chunks_from(result, root, artifacts, texts)) == sarif.dumps(result)
    assert "".join(sarif.chunks_from(result, root, artifacts, [""] * len(groups))) == sarif.dumps(
        type(result)(groups=[dict(g, pairs=[]) for g in groups], paths=result.paths, settings=result.settings))
    for fail_on in ("error", "info", "never"):
        parts = [junit.group_text(g, fail_on) for g in groups]
        assert "".join(junit.chunks_from(parts)) == junit.dumps(result, fail_on)
    assert "".join(junit.chunks_from([])) == junit.dumps(type(result)(groups=[]))
    summaries = list(result.summaries)
    for limit in (3, 500):
        want = html.index_findings(groups, summaries, limit=limit)
        stories = [(s, *html.story_index_rows(g, s)) for g, s in zip(groups, summaries)]
        got = html.index_findings_of(stories, limit=limit)
        assert [(s["id"], r["id"]) for s, r in got[0]] == [(s["id"], r["id"]) for s, r in want[0]]
        assert got[1] == want[1]


def test_a_store_kept_in_memory_writes_only_the_changed_file_states(tmp_path):
    """With keep_in_memory, the file-state table gets the rows that changed and loses the
    rows of files gone: what a process that keeps nothing reads back is the same."""
    from concord.filestate import FileState
    from concord.store import GroupStore, StoredGroup, keep_in_memory

    def state(n: int) -> FileState:
        return FileState(n, n, n, n, f"d{n}", [{"id": f"f{n}"}], [])

    path = tmp_path / "cache.sqlite3"
    root = str(tmp_path)
    keep_in_memory()
    try:
        store = GroupStore(path)
        store.put_file_states(root, "v", {"a": state(1), "b": state(2), "c": state(3)})
        store.put_file_states(root, "v", {"a": state(1), "b": state(5), "d": state(4)})
        assert store.file_states(root, "v") == {"a": state(1), "b": state(5), "d": state(4)}
        store.put("k", StoredGroup("g", '{"id": "g"}', "{}", {"id": "g"}))  # type: ignore[typeddict-item]
        store.close()
    finally:
        keep_in_memory(False)
    fresh = GroupStore(path)
    assert fresh.file_states(root, "v") == {"a": state(1), "b": state(5), "d": state(4)}
    assert fresh.get("k").fragment == '{"id": "g"}'
    fresh.close()
