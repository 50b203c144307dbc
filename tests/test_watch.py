"""``concord watch`` and ``compare --watch``: a real, long-lived process on a small corpus
in a temporary folder. A saved document is checked again and its new finding reaches
findings.json; a file that turns binary or disappears is one line on stderr and the watch
goes on; Ctrl-C (SIGINT) ends it with 130 and SIGTERM with 143, one line, no traceback, no
temporary file left; the live server adds its reload script to what it serves only."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from concord.report.html import live_page
from concord.watch import _ignored, events_available, poll_changes, warm_up_files

ROOT = Path(__file__).resolve().parent.parent

STORY_EN = """Flood reaches river town

Heavy rain flooded the town of Alcira on Monday, the regional government said.

Emergency services rescued 42 people from their homes overnight.

The mayor said the water would go down by Wednesday.
"""

STORY_ES = """La crecida llega a la ciudad ribereña

Las fuertes lluvias inundaron el lunes la ciudad de Alcira, según el gobierno regional.

Los servicios de emergencia rescataron a 42 personas de sus casas durante la noche.

El alcalde dijo que el agua bajaría el miércoles.
"""


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "crecida.en.txt").write_text(STORY_EN, encoding="utf-8")
    (corpus / "crecida.es.txt").write_text(STORY_ES, encoding="utf-8")
    return corpus


class Watch:
    """A ``concord`` process whose stdout and stderr lines are collected in threads."""

    def __init__(self, args: list[str], tmp_path: Path):
        extra = [os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else []
        path = os.pathsep.join([str(ROOT / "src"), *extra])
        env = dict(os.environ, CONCORD_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=path, NO_COLOR="1")
        env.pop("CI", None)
        self.proc = subprocess.Popen([sys.executable, "-m", "concord", *args], env=env, cwd=tmp_path,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.out: list[str] = []
        self.err: list[str] = []
        self.cond = threading.Condition()
        for stream, sink in ((self.proc.stdout, self.out), (self.proc.stderr, self.err)):
            threading.Thread(target=self._read, args=(stream, sink), daemon=True).start()

    def _read(self, stream, sink):
        for line in stream:
            with self.cond:
                sink.append(line.rstrip("\n"))
                self.cond.notify_all()
        with self.cond:
            self.cond.notify_all()

    def wait_for(self, pattern: str, sink: list[str], start: int = 0, timeout: float = 240) -> str:
        rx = re.compile(pattern)
        end = time.monotonic() + timeout
        with self.cond:
            while True:
                hit = next((x for x in sink[start:] if rx.search(x)), None)
                if hit is not None:
                    return hit
                if self.proc.poll() is not None and time.monotonic() > end - timeout + 1:
                    pytest.fail(f"watch ended ({self.proc.returncode}) before {pattern!r}: "
                                f"{self.out[-5:]} {self.err[-5:]}")
                left = end - time.monotonic()
                if left <= 0:
                    pytest.fail(f"no line matching {pattern!r}: {self.out[-5:]} {self.err[-5:]}")
                self.cond.wait(min(left, 1.0))

    def runs(self) -> int:
        with self.cond:
            return sum(1 for x in self.out if re.match(r"\[\d\d:\d\d:\d\d\] ", x))

    def next_run(self, start: int, timeout: float = 240) -> str:
        """Wait for the run after the ``start``-th one (its summary line)."""
        end = time.monotonic() + timeout
        while self.runs() <= start:
            if self.proc.poll() is not None:
                pytest.fail(f"watch ended ({self.proc.returncode}): {self.err[-5:]}")
            if time.monotonic() > end:
                pytest.fail(f"no new run: {self.out[-5:]} {self.err[-5:]}")
            time.sleep(0.05)
        return [x for x in self.out if re.match(r"\[\d\d:\d\d:\d\d\] ", x)][start]

    def stop(self, sig: int) -> tuple[int, str]:
        self.proc.send_signal(sig)
        code = self.proc.wait(60)
        time.sleep(0.2)  # the reader threads take the last lines
        return code, "\n".join(self.err)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(30)


def _save(path: Path, text: str) -> None:
    time.sleep(0.05)  # a new modification time even on a coarse clock
    path.write_text(text, encoding="utf-8")


def _no_temp_files(folder: Path) -> None:
    allowed = re.compile(r"^(index\.html|group-.*\.html|findings\.(json|sarif|csv)|junit\.xml)$")
    assert all(allowed.match(p.name) for p in folder.iterdir()), sorted(p.name for p in folder.iterdir())


BACKENDS = ["polling", pytest.param("events", marks=pytest.mark.skipif(
    not events_available(), reason="watchfiles is not installed (bash scripts/install.sh)"))]


@pytest.mark.parametrize("backend", BACKENDS)
def test_watch_checks_a_saved_document_again_and_keeps_going(tmp_path, backend):
    corpus = _corpus(tmp_path)
    out = tmp_path / "reports"
    args = ["watch", str(corpus), "-o", str(out), "--no-serve", "--translator", "none", "--names", "rules"]
    w = Watch(args + (["--polling"] if backend == "polling" else []), tmp_path)
    try:
        ready = w.wait_for(r"^watching ", w.out)
        assert ("polling" if backend == "polling" else "filesystem events") in ready
        assert w.runs() == 1
        first = (out / "findings.json").read_bytes()
        assert b"4277" not in first

        # a number changed in the Spanish version: the new finding names it
        es = corpus / "crecida.es.txt"
        _save(es, STORY_ES.replace("42 personas", "4277 personas"))
        line = w.next_run(1)
        assert "crecida.es.txt" in line and "1 story" in line
        findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))
        messages = [f["message"] for g in findings["groups"] for p in g["pairs"] for f in p["findings"]]
        assert any("4277" in m and "42" in m for m in messages), messages
        assert any("4277" in x for x in w.out), w.out  # its terminal line too

        # the file turns binary: one line on stderr, and the watch goes on
        errors = len(w.err)
        time.sleep(0.05)
        es.write_bytes(b"\x00\x01\x02\xff" * 64)
        w.next_run(2)
        new = w.err[errors:]
        assert any("crecida.es.txt" in x for x in new), new
        assert all("Traceback" not in x for x in w.err)
        assert w.proc.poll() is None

        # the file is deleted: the watch still runs, and a restored file is checked again
        es.unlink()
        w.next_run(3)
        assert w.proc.poll() is None
        _save(es, STORY_ES.replace("42 personas", "4278 personas"))
        w.next_run(4)
        assert "4278" in (out / "findings.json").read_text(encoding="utf-8")

        code, err = w.stop(signal.SIGINT)
        assert code == 130, err
        assert err.splitlines()[-1] == "concord: error: interrupted"
        assert "Traceback" not in err
        _no_temp_files(out)
    finally:
        w.kill()


def test_compare_watch_serves_a_live_report_and_sigterm_ends_it(tmp_path):
    corpus = _corpus(tmp_path)
    out = tmp_path / "reports"
    files = [str(corpus / "crecida.en.txt"), str(corpus / "crecida.es.txt")]
    w = Watch(["compare", *files, "--watch", "-o", str(out), "--polling", "--translator", "none",
               "--names", "rules"], tmp_path)
    try:
        ready = w.wait_for(r"^watching ", w.out)
        url = re.search(r"live report at (http://127\.0\.0\.1:\d+/)", ready).group(1)
        with urllib.request.urlopen(url, timeout=10) as resp:
            page = resp.read()
        with urllib.request.urlopen(url + ".concord-live", timeout=10) as resp:
            before = resp.read().decode()
        on_disk = (out / "index.html").read_bytes()
        assert b"/.concord-live" in page and b"/.concord-live" not in on_disk  # the files stay check's
        assert page == live_page(on_disk, "/.concord-live")

        # a deleted file of an explicit list is one line, and the watch goes on
        es = corpus / "crecida.es.txt"
        es.unlink()
        w.wait_for(r"crecida\.es\.txt.*still watching", w.err)
        assert w.proc.poll() is None
        _save(es, STORY_ES.replace("42 personas", "4299 personas"))
        w.next_run(1)
        assert "4299" in (out / "findings.json").read_text(encoding="utf-8")
        with urllib.request.urlopen(url + ".concord-live", timeout=10) as resp:
            assert resp.read().decode() != before  # the open page reloads

        code, err = w.stop(signal.SIGTERM)
        assert code == 143, err
        assert err.splitlines()[-1] == "concord: error: terminated"
        assert "Traceback" not in err
        _no_temp_files(out)
    finally:
        w.kill()


def test_watch_refuses_standard_output(tmp_path):
    corpus = _corpus(tmp_path)
    env = dict(os.environ, CONCORD_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.run([sys.executable, "-m", "concord", "watch", str(corpus), "-o", "-", "--format", "json"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "watch" in proc.stderr


def test_polling_finds_changed_added_and_removed_files(tmp_path):
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / "b.txt").write_text("two", encoding="utf-8")
    (tmp_path / "reports").mkdir()
    found = poll_changes([tmp_path], skip=(str(tmp_path / "reports"),), interval=0.05)
    time.sleep(0.05)
    (tmp_path / "a.txt").write_text("one more", encoding="utf-8")
    (tmp_path / "b.txt").unlink()
    (tmp_path / "c.txt").write_text("three", encoding="utf-8")
    (tmp_path / "reports" / "index.html").write_text("x", encoding="utf-8")  # the output: not an input
    changed = next(found)
    assert changed == {str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")}


def test_editor_and_report_files_are_not_inputs(tmp_path):
    skip = (str(tmp_path / "out"),)
    for name in ("story.es.txt~", ".story.es.txt.swp", ".#story.es.txt", "out/index.html", ".git/HEAD"):
        assert _ignored(str(tmp_path / name), skip), name
    assert not _ignored(str(tmp_path / "story.es.txt"), skip)


def test_live_script_goes_before_the_end_of_the_body():
    page = b"<html><body><p>x</p></body></html>"
    live = live_page(page, "/.concord-live")
    assert live.startswith(b"<html><body><p>x</p><script>") and live.endswith(b"</script></body></html>")
    assert b'fetch("/.concord-live"' in live and b"location.reload()" in live


def test_warm_up_takes_the_smallest_story_with_two_versions():
    from types import SimpleNamespace

    result = SimpleNamespace(
        paths={"a": "/c/a.txt", "b": "/c/b.txt", "c": "/c/c.txt", "d": "/c/d.txt", "e": "/c/e.txt"},
        summaries=[
            {"id": "big", "documents": [{"id": "a", "sentence_count": 40}, {"id": "b", "sentence_count": 40}]},
            {"id": "one", "documents": [{"id": "e", "sentence_count": 1}]},
            {"id": "small", "documents": [{"id": "c", "sentence_count": 5}, {"id": "d", "sentence_count": 6}]},
        ])
    assert warm_up_files(result) == ["/c/c.txt", "/c/d.txt"]


def _reports(out: Path) -> dict[str, bytes]:
    """The report files' bytes, without the content key a page of an incremental run
    carries (so that a later run can keep it)."""
    key = re.compile(rb'<meta name="concord-key" content="[0-9a-f]{64}">\n')
    return {p.name: key.sub(b"", p.read_bytes()) for p in sorted(out.iterdir())}


def test_a_watch_run_writes_the_bytes_of_a_full_run(tmp_path, monkeypatch):
    """What a long-lived process keeps between runs (the index rows of unchanged stories
    and their HTML) never shows: after each saved change, its reports are the bytes a
    fresh full run on the same files writes (findings.json, every page, the index, whose
    rows move when a story's findings change)."""

    from concord.config import Settings
    from concord.pipeline import check_corpus
    from concord.report.html import keep_index_rows
    from concord.translate import TranslationCache

    from conftest import story_copies

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    corpus = story_copies(tmp_path / "corpus", 2)
    settings = Settings(translator="none", names="rules")
    cache = TranslationCache(tmp_path / "cache.sqlite3")
    out = tmp_path / "watch"
    formats = ["html", "json"]
    keep_index_rows()
    try:
        check_corpus(corpus, settings, cache, incremental=True, out=out, formats=formats)
        spanish = sorted(corpus.glob("*.es.txt"))
        for k, victim in enumerate([spanish[0], spanish[-1], spanish[0]]):
            time.sleep(0.05)
            text = victim.read_text(encoding="utf-8")
            victim.write_text(re.sub(r"\d+", str(9100 + k), text, count=1), encoding="utf-8")
            run = check_corpus(corpus, settings, cache, incremental=True, out=out, formats=formats)
            assert run.reused == len(run.summaries) - 1
            full = tmp_path / f"full{k}"
            check_corpus(corpus, settings, None, incremental=False, out=full, formats=formats)
            assert _reports(out) == _reports(full), k
    finally:
        keep_index_rows(False)


def test_the_spool_gives_the_groups_asked_for_in_order():
    from concord.report.spool import GroupSpool

    spool = GroupSpool()
    for k in range(5):
        spool.append({"id": f"g{k}"})  # type: ignore[typeddict-item]
    picked = []
    for g in spool.select({1, 3}):
        picked.append(g["id"])
        assert len(list(spool)) == 5  # iterating meanwhile moves nothing
    assert picked == ["g1", "g3"]
    assert [g["id"] for g in spool.select(set())] == []
    spool.close()
