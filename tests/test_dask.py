"""The Dask executor: the same bytes as a local run, a lost worker, fsspec URLs."""

import json
import os
import shutil

import pytest

from concord.config import Settings
from concord.pipeline import check_corpus
from concord.translate import TranslationCache

from conftest import CORPUS, needs_apertium

distributed = pytest.importorskip("distributed")
pytestmark = needs_apertium


def _run(tmp_path, name, **kw):
    out = tmp_path / name
    check_corpus(CORPUS, Settings(translator="apertium"), TranslationCache(tmp_path / "cache.sqlite3"),
                 out=out, formats=("json", "sarif", "junit", "html"), **kw)
    return out


def _same_reports(a, b):
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    for n in names:
        assert (a / n).read_bytes() == (b / n).read_bytes(), n


@pytest.fixture(autouse=True)
def _fixed_run_date(monkeypatch):
    """index.html carries the run's date; reproducible builds fix it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as c:
        yield c


def test_a_two_worker_local_cluster_gives_the_bytes_of_one_local_worker(tmp_path):
    local = _run(tmp_path, "local", jobs=1)
    dask = _run(tmp_path, "dask", jobs=2, executor="dask")  # a LocalCluster of 2 workers
    _same_reports(local, dask)
    data = json.loads((dask / "findings.json").read_text(encoding="utf-8"))
    assert len(data["groups"]) == 4 and all("error" not in g for g in data["groups"])


def test_a_worker_lost_mid_run_changes_nothing(tmp_path, cluster):
    from distributed import Client

    local = _run(tmp_path, "local", jobs=1)
    import signal

    killed = []
    client = Client(cluster)
    pids = client.run(os.getpid)  # worker address -> process id (a local cluster)

    def kill_a_busy_worker(_group_id):
        if killed:
            return
        busy = [w for w, keys in client.processing().items() if keys and w in pids]
        if busy:
            killed.append(busy[0])
            os.kill(pids[busy[0]], signal.SIGKILL)

    try:
        # one group per task, so tasks are still running when the first group comes back
        dask = tmp_path / "dask"
        from concord.pipeline import Run  # noqa: F401  (chunk size: one group per task)

        check_corpus(CORPUS, Settings(translator="apertium"), TranslationCache(tmp_path / "cache.sqlite3"),
                     out=dask, formats=("json", "sarif", "junit", "html"), executor="dask",
                     scheduler=cluster.scheduler_address, jobs=4, progress=kill_a_busy_worker)
    finally:
        client.close()
    _same_reports(local, dask)
    assert killed, "no worker was busy when the first group came back"


def test_a_memory_url_corpus_and_report_folder(tmp_path):
    import fsspec

    fs = fsspec.filesystem("memory")
    for p in sorted(CORPUS.glob("sismo-chile.*.txt")):
        with fs.open(f"/corpus-test/{p.name}", "wb") as fh:
            fh.write(p.read_bytes())
    try:
        check_corpus("memory://corpus-test", Settings(translator="apertium"), None,
                     out="memory://reports-test", formats=("json", "sarif"))
        data = json.loads(fs.cat("/reports-test/findings.json"))
        assert [d["path"] for d in data["groups"][0]["documents"]] == ["sismo-chile.en.txt", "sismo-chile.es.txt"]
        sarif = json.loads(fs.cat("/reports-test/findings.sarif"))
        uris = {a["location"]["uri"] for a in sarif["runs"][0]["artifacts"]}
        assert uris == {"memory://corpus-test/sismo-chile.en.txt", "memory://corpus-test/sismo-chile.es.txt"}
        # the same findings as the local folder
        local = tmp_path / "c"
        local.mkdir()
        for p in sorted(CORPUS.glob("sismo-chile.*.txt")):
            shutil.copy(p, local / p.name)
        here = check_corpus(local, Settings(translator="apertium"), None)
        assert [f["id"] for g in data["groups"] for p in g["pairs"] for f in p["findings"]] == \
            [f["id"] for f in here.findings()]
    finally:
        fs.rm("/corpus-test", recursive=True)
        fs.rm("/reports-test", recursive=True)


def test_a_file_url_is_a_plain_folder(tmp_path):
    res = check_corpus(f"file://{CORPUS}", Settings(translator="none"), None)
    assert len(res.groups) == 4


def test_the_cli_takes_the_executor(tmp_path):
    from click.testing import CliRunner

    from concord.cli import main

    r = CliRunner().invoke(main, ["check", str(CORPUS), "-o", str(tmp_path / "o"), "--scheduler", "tcp://x:1",
                                  "--translator", "none", "--no-cache"])
    assert r.exit_code == 2 and "--scheduler goes with --executor dask" in r.output


def test_a_failed_group_is_an_entry_with_its_error_that_validates(tmp_path):
    import jsonschema

    from concord.corpus import group_documents, read_corpus
    from concord.executors import failed_group
    from concord.schemas import load_schema

    group = group_documents(read_corpus(CORPUS).documents)[0]
    entry = failed_group(group, "failed on the cluster after 2 tries: KilledWorker: boom")
    assert entry["pairs"] == [] and entry["error"].endswith("boom")
    assert [d["path"] for d in entry["documents"]] == [d.path for d in group.documents]
    result = {"schema_version": "1.0", "tool": {"name": "concord", "version": "x"},
              "settings": {"pivot": "en", "translator": "auto", "names": "auto", "languages": ["en", "es"],
                           "fail_on": "error"}, "skipped": [], "groups": [entry], "baseline": None}
    jsonschema.validate(result, load_schema())
