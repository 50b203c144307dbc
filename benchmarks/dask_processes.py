"""A Dask cluster of separate processes on 127.0.0.1, as an archive re-check would use one:
``dask scheduler`` and ``dask worker`` started as their own programs (not a LocalCluster
inside the client), for the tests and ``benchmarks/distributed.py``.

    with ProcessCluster(workers=2, env={...}) as cluster:
        check_corpus(..., executor="dask", scheduler=cluster.address)
        cluster.kill_worker(0)   # SIGKILL: its tasks are run again on the other worker
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def dask_program() -> list[str] | None:
    """How to start Dask's command-line programs (``dask scheduler``, ``dask worker``): the
    ``dask`` script next to this Python, else ``python -m dask``; None without distributed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return None
    script = Path(sys.executable).with_name("dask")
    if script.exists():
        return [str(script)]
    found = shutil.which("dask")
    return [found] if found else [sys.executable, "-m", "dask"]


class ProcessCluster:
    """A scheduler and ``workers`` worker processes (one thread each, no nanny: a killed
    worker stays dead, as a lost machine would), all on 127.0.0.1 with free ports. The
    workers run this checkout's Concord (``src`` first on their path) with ``env`` added."""

    def __init__(self, workers: int = 2, env: dict[str, str] | None = None, timeout: float = 60.0):
        program = dask_program()
        if program is None:
            raise RuntimeError("dask's distributed scheduler is not installed")
        self.tmp = tempfile.mkdtemp(prefix="concord-cluster-")
        self.env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]), **(env or {}))
        self.env.pop("CI", None)
        info = os.path.join(self.tmp, "scheduler.json")
        self.procs: list[subprocess.Popen] = []
        self.workers: list[subprocess.Popen] = []
        try:
            self._start(program + ["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                   "--scheduler-file", info])
            self.address = self._address(info, timeout)
            for i in range(workers):
                self.workers.append(self._start(program + [
                    "worker", self.address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                    "--host", "127.0.0.1", "--name", f"w{i}", "--local-directory", self.tmp]))
            self.wait_for_workers(workers, timeout)
        except BaseException:
            self.close()
            raise

    def _start(self, cmd: list[str]) -> subprocess.Popen:
        log = open(os.path.join(self.tmp, f"log-{len(self.procs)}.txt"), "wb")  # noqa: SIM115 - closed in close()
        proc = subprocess.Popen(cmd, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        proc.log = log  # type: ignore[attr-defined]
        self.procs.append(proc)
        return proc

    def _address(self, info: str, timeout: float) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                with open(info, encoding="utf-8") as fh:
                    return str(json.load(fh)["address"])
            except (OSError, ValueError, KeyError):
                if self.procs[0].poll() is not None:
                    raise RuntimeError("dask scheduler exited: " + self.log(0)) from None
                time.sleep(0.2)
        raise RuntimeError("dask scheduler did not start in time")

    def wait_for_workers(self, n: int, timeout: float = 60.0) -> None:
        from distributed import Client

        with Client(self.address, timeout=timeout) as client:
            client.wait_for_workers(n, timeout=timeout)

    def worker_busy(self) -> list[int]:
        """The indexes of the workers computing a task now."""
        from distributed import Client

        with Client(self.address, timeout=10) as client:
            busy = {addr for addr, keys in client.processing().items() if keys}
            names = {addr: w.get("name") for addr, w in client.scheduler_info()["workers"].items()}
        return sorted(int(str(names[a])[1:]) for a in busy if str(names.get(a, "")).startswith("w"))

    def kill_worker(self, i: int) -> None:
        """SIGKILL worker ``i`` (no goodbye to the scheduler: a machine lost mid-task)."""
        proc = self.workers[i]
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    def log(self, i: int) -> str:
        try:
            return Path(self.tmp, f"log-{i}.txt").read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    def close(self) -> None:
        """End every process at once (SIGKILL: a test cluster holds nothing to save, and an
        orderly shutdown takes seconds per worker)."""
        for proc in reversed(self.procs):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        for proc in self.procs:
            proc.wait()
            proc.log.close()  # type: ignore[attr-defined]
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self) -> ProcessCluster:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
