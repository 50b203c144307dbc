"""A Dask cluster of separate processes (``dask scheduler`` and two ``dask worker``
programs on 127.0.0.1, not a LocalCluster inside the client): a run in which one worker is
killed mid-run writes the bytes of a local run."""

import pytest

from concord.config import Settings
from concord.pipeline import check_corpus
from concord.translate import TranslationCache

from conftest import needs_apertium

pytest.importorskip("distributed")
pytestmark = needs_apertium

import archive  # noqa: E402  (benchmarks/: the synthetic archive)
from dask_processes import ProcessCluster  # noqa: E402  (benchmarks/: the cluster of processes)

FORMATS = ("json", "jsonl", "sarif", "junit", "csv")
SETTINGS = {"translator": "apertium", "names": "rules"}


def _reports(out):
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_a_worker_killed_mid_run_on_a_cluster_of_processes_changes_no_byte(tmp_path):
    archive.write_archive(tmp_path / "a", 16)
    local = tmp_path / "local"
    check_corpus(tmp_path / "a", Settings(**SETTINGS), TranslationCache(tmp_path / "cache.sqlite3"), out=local,
                 formats=FORMATS, jobs=1)
    killed: list[int] = []
    with ProcessCluster(workers=2, env={"CONCORD_CACHE_DIR": str(tmp_path / "worker-cache")}) as cluster:

        def kill_a_busy_worker(_group_id):
            if not killed:
                busy = cluster.worker_busy()
                if busy:
                    killed.append(busy[0])
                    cluster.kill_worker(busy[0])

        dask = tmp_path / "dask"
        # jobs=4: one group per task (chunks of 16 / (4 * 4)), so tasks are still running on
        # both workers when the first group comes back
        result = check_corpus(tmp_path / "a", Settings(**SETTINGS), TranslationCache(tmp_path / "client.sqlite3"),
                              out=dask, formats=FORMATS,
                              executor="dask", scheduler=cluster.address, jobs=4, progress=kill_a_busy_worker)
        assert killed, "no worker was busy when the first group came back"
        assert cluster.workers[killed[0]].poll() is not None  # it is gone, and stayed gone
    assert _reports(dask) == _reports(local)
    lines = (dask / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 16 and '"error":' not in (dask / "findings.jsonl").read_text(encoding="utf-8")
    assert result.reused == 0
    # each worker translated through its own cache (CONCORD_CACHE_DIR on the worker)
    assert (tmp_path / "worker-cache" / "translations.sqlite3").stat().st_size > 0
