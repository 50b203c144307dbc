"""Runs that meet a dead worker, a signal, a closed pipe, a full disk or a malformed input:
each ends cleanly (the same findings, or one line and a known exit code), never a hang, a
traceback or a half-written report."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from concord import executors
from concord.cli import main
from concord.errors import ConcordError

from conftest import catches_sigterm, story_copies

ROOT = Path(__file__).resolve().parent.parent


def _env(cache: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), CONCORD_CACHE_DIR=str(cache),
               SOURCE_DATE_EPOCH="1700000000")
    env.pop("CI", None)
    return env


def _concord(args, cache: Path, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "concord", *map(str, args)], env=_env(cache),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)



def _workers(pid: int) -> list[str]:
    """The worker processes of a run: its children running the same command (not a helper
    program such as a lexicon's analyser)."""
    try:
        mine = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    out = []
    for child in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False).stdout.split():
        try:
            if Path(f"/proc/{child}/cmdline").read_bytes() == mine:
                out.append(child)
        except OSError:
            pass
    return out


# --- the local executor with a worker that dies ---------------------------------------------------

class _Alarm:
    """Fail (instead of hanging the suite) when the block takes longer than ``seconds``."""

    def __init__(self, seconds: int):
        self.seconds = seconds

    def _fire(self, signum, frame):
        raise TimeoutError(f"still waiting after {self.seconds} s")

    def __enter__(self):
        self.previous = signal.signal(signal.SIGALRM, self._fire)
        signal.alarm(self.seconds)

    def __exit__(self, *exc):
        signal.alarm(0)
        signal.signal(signal.SIGALRM, self.previous)
        return False


class _Settings:
    languages = ("es", "en")


def _fake_executor(monkeypatch, tmp_path: Path, deaths: int):
    """run_local without models: chunk 1's worker kills itself ``deaths`` times."""
    marks = tmp_path / "marks"
    marks.mkdir()

    def compute(chunk, settings, cache_path, keep_open=False, render=None):
        if chunk == [1] and len(list(marks.iterdir())) < deaths:
            (marks / str(len(list(marks.iterdir())))).touch()
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(0.01)
        return [{"id": str(chunk[0] * 10)}], {"translate": 0.0}

    monkeypatch.setattr(executors, "compute_chunk", compute)
    monkeypatch.setattr(executors, "likely_languages", lambda chunks, settings: ())
    monkeypatch.setattr(executors, "warm_up", lambda langs, likely=None: None)
    monkeypatch.setattr(executors, "warm_up_models", lambda settings, ner=True, languages=None: None)
    monkeypatch.setattr(executors, "ner_needed", lambda chunks, settings, cache_path: False)


def test_a_killed_worker_s_chunk_is_computed_again(monkeypatch, tmp_path):
    _fake_executor(monkeypatch, tmp_path, deaths=1)
    with _Alarm(60):
        got = list(executors.run_local([[k] for k in range(6)], _Settings(), None, 2))
    assert [r[0][0]["id"] for r in got] == [str(k * 10) for k in range(6)]
    assert executors._LIVE == {}


def test_a_chunk_whose_worker_dies_twice_ends_the_run_with_one_line(monkeypatch, tmp_path):
    _fake_executor(monkeypatch, tmp_path, deaths=2)
    with _Alarm(60), pytest.raises(ConcordError, match=r"died twice.*SIGKILL"):
        list(executors.run_local([[k] for k in range(6)], _Settings(), None, 2))
    assert executors._LIVE == {}


def _findings(out: Path) -> bytes:
    return (out / "findings.json").read_bytes()


def _cpu_seconds(pid: str) -> float:
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")


def _dask_workers(pid: int) -> list[str]:
    """The worker processes of a run's local Dask cluster that are at work: children
    started by multiprocessing's spawn (not its resource tracker) that have used more CPU
    than starting takes (their imports done, a task of the run under way)."""
    out = []
    for child in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False).stdout.split():
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes() and _cpu_seconds(child) > 4:
                out.append(child)
        except OSError:
            pass
    return out


@pytest.mark.parametrize("executor", ["local", "dask"])
def test_sigkill_of_a_worker_mid_run_gives_the_same_findings(tmp_path, executor):
    if executor == "dask":
        pytest.importorskip("distributed")
    corpus = story_copies(tmp_path / "corpus", 4)
    args = ["check", corpus, "--translator", "none", "--names", "rules", "-q", "--jobs", "2", "--format", "json",
            "--executor", executor]
    p = _concord(args + ["-o", tmp_path / "clean"], tmp_path / "cache-clean")
    _, err = p.communicate(timeout=300)
    assert p.returncode == 1, err
    p = _concord(args + ["-o", tmp_path / "out"], tmp_path / "cache")
    end = time.monotonic() + 120
    killed = False
    workers = _dask_workers if executor == "dask" else _workers
    while not killed and time.monotonic() < end and p.poll() is None:
        for pid in workers(p.pid):
            try:
                os.kill(int(pid), signal.SIGKILL)
                killed = True
            except ProcessLookupError:
                pass
            break
        time.sleep(0.01)
    assert killed, "no worker to kill"
    _, err = p.communicate(timeout=300)
    assert p.returncode == 1, err
    assert not err  # the lost worker is replaced and its task run again, silently
    assert _findings(tmp_path / "out") == _findings(tmp_path / "clean")


# SIGINT and SIGTERM at any point of a run, to the process or its group: tests/test_signals.py


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.15])
def test_ctrl_c_while_starting_is_one_line(tmp_path, delay):
    p = _concord(["check", ROOT / "corpus", "-o", tmp_path / "out", "--translator", "none"], tmp_path / "cache")
    end = time.monotonic() + 10
    while not catches_sigterm(p.pid) and time.monotonic() < end and p.poll() is None:
        time.sleep(0.001)
    time.sleep(delay)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 130, (p.returncode, err)
    assert err.decode() == "concord: error: interrupted\n"


@pytest.mark.parametrize("sig,code,word", [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
def test_a_signal_while_the_command_imports_its_modules_is_one_line(tmp_path, sig, code, word):
    """The window between the first line of Concord's code and the command's own handlers
    (importing click and the modules of the command line): one line, never a traceback."""
    script = ("import os, sys; sys.argv[0] = 'concord'; import concord.cli; "
              f"os.kill(os.getpid(), {int(sig)}); import time; time.sleep(5)")
    p = subprocess.run([sys.executable, "-c", script], env=_env(tmp_path / "cache"), capture_output=True,
                       timeout=60, check=False)
    assert p.returncode == code and p.stderr.decode() == f"concord: error: {word}\n", (p.returncode, p.stderr)


# --- one line instead of a traceback ----------------------------------------------------------------

def test_usage_errors_of_the_option_parser_are_one_line(tmp_path):
    p = _concord(["check", "--no-such-option"], tmp_path / "cache")
    _, err = p.communicate(timeout=60)
    assert p.returncode == 2
    assert err.decode().count("\n") == 1 and err.decode().startswith("concord: error: "), err


def _check(args, **kw):
    return CliRunner().invoke(main, ["check", *map(str, args), "--translator", "none", "--names", "rules",
                                     "-q", "--no-cache"], **kw)


def _one_line(res, code=2):
    assert res.exit_code == code, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert res.output.count("\n") == 1 and res.output.startswith("concord: error: "), res.output


def test_a_deeply_nested_baseline_is_one_line(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    _one_line(_check([ROOT / "corpus", "-o", tmp_path / "out", "--baseline", deep]))


def test_a_deeply_nested_config_is_one_line(tmp_path):
    corpus = story_copies(tmp_path / "corpus", 1)
    (corpus / "concord.toml").write_text("[concord]\nignore = " + "[" * 100_000 + "]" * 100_000 + "\n",
                                         encoding="utf-8")
    _one_line(_check([corpus, "-o", tmp_path / "out"]))


def test_a_pyproject_whose_tool_is_not_a_table_is_one_line(tmp_path, monkeypatch):
    corpus = story_copies(tmp_path / "corpus", 1)
    work = tmp_path / "work"
    work.mkdir()
    (work / "pyproject.toml").write_text("tool = 5\n", encoding="utf-8")
    monkeypatch.chdir(work)
    _one_line(_check([corpus, "-o", tmp_path / "out"]))


@pytest.mark.parametrize("value", ["99999999999999999999999", "0", "-5"])
def test_an_absurd_max_bytes_is_a_usage_error(tmp_path, value):
    res = _check([ROOT / "corpus", "-o", tmp_path / "out", "--max-bytes", value])
    assert res.exit_code == 2 and isinstance(res.exception, SystemExit), res.output
    assert "--max-bytes" in res.output


def test_a_scheduler_that_is_not_an_address_is_one_line(tmp_path):
    pytest.importorskip("distributed")
    _one_line(_check([ROOT / "corpus", "-o", tmp_path / "out", "--executor", "dask", "--scheduler", "not a url"]))


def test_an_empty_output_folder_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _one_line(_check([ROOT / "corpus", "-o", ""]))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("payload", [b"\xff\xfe\x00\x00" + (0x110000).to_bytes(4, "little"),
                                     b"\xff\xfe\x00\x00A\x00\x00\x00B\x00",
                                     b"\x00\x00\xfe\xff\x00\x11\x00\x00"])
def test_malformed_utf32_is_decoded_with_a_warning(payload):
    from concord.textio import decode_bytes

    warnings: list[str] = []
    text, enc = decode_bytes(payload, "bad.txt", warnings)
    assert enc == "utf-32" and "\ufffd" in text and warnings


def test_a_malformed_utf32_file_does_not_stop_the_run(tmp_path):
    corpus = story_copies(tmp_path / "corpus", 1)
    (corpus / "bad.es.txt").write_bytes(b"\xff\xfe\x00\x00" + (0x110000).to_bytes(4, "little"))
    (corpus / "bad.en.txt").write_bytes(b"\xff\xfe\x00\x00" + "Two people died.".encode("utf-32-le")[:-2])
    res = _check([corpus, "-o", tmp_path / "out", "--format", "json"])
    assert res.exit_code == 1, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert (tmp_path / "out" / "findings.json").exists()


def test_a_closed_standard_output_ends_quietly(tmp_path):
    """`concord ... | head -1`: the reader goes away, Concord stops without a word (141)."""
    p = _concord(["check", ROOT / "corpus", "-o", tmp_path / "out", "--translator", "none", "--names", "rules",
                  "--no-cache"], tmp_path / "cache")
    assert p.stdout is not None
    p.stdout.close()  # the reader is gone before the first line
    _, err = p.communicate(timeout=300)
    assert p.returncode == 141, (p.returncode, err)
    assert err == b""


# --- argos packages are checked before anything is installed ----------------------------------------

def _argos_zip(path: Path, members: dict[str, bytes]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


_META = b'{"from_code": "es", "to_code": "en", "package_version": "1.0"}'


@pytest.mark.parametrize("members,why", [
    ({"pkg/model/model.bin": b"x", "pkg/metadata.json": b"{not json"}, "not valid JSON"),
    ({"pkg/model/model.bin": b"x", "pkg/metadata.json": b'{"from_code": 5, "to_code": "en"}'}, "no from_code"),
    ({"pkg/model/model.bin": b"x", "pkg/metadata.json": b"[" * 100_000 + b"]" * 100_000}, "not valid JSON"),
    ({"pkg/model/model.bin": b"x", "pkg/metadata.json": b'{"from_code": "es", "to_code": "en", "links": 3}'},
     "links is not a list"),
    ({"readme.txt": b"hello"}, "not an argos package"),
    ({"pkg/model/model.bin": b"x"}, "no pkg/metadata.json"),
    ({"pkg/metadata.json": _META}, "no pkg/model folder"),
    ({"pkg/metadata.json": _META, "pkg/model/model.bin": b"x", "pkg/../../x": b"x"}, "outside the package"),
    ({"/etc/x": b"x", "pkg/metadata.json": _META}, "outside the package"),
])
def test_an_archive_that_is_not_an_argos_package_installs_nothing(tmp_path, monkeypatch, members, why):
    data = tmp_path / "argos-data"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(data))
    pkg = _argos_zip(tmp_path / "bad.argosmodel", members)
    res = CliRunner().invoke(main, ["models", "install", "--argos", str(pkg)])
    _one_line(res)
    assert why in res.output
    assert not data.exists() or list(data.iterdir()) == []
    assert not (tmp_path.parent / "x").exists()


# --- file names that would change how a line reads -----------------------------------------------

def test_bidirectional_and_control_characters_of_a_name_are_shown_escaped(tmp_path):
    from concord.textio import printable_path

    assert printable_path("gpj.\u202eexe.txt") == "gpj.\\u202eexe.txt"
    assert printable_path("a\x1b[31mb\u2066c") == "a\\x1b[31mb\\u2066c"
    assert printable_path("año\u00a0nuevo.txt") == "año\u00a0nuevo.txt"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for lang in ("es", "en"):
        src = ROOT / "corpus" / f"sismo-chile.{lang}.txt"
        (corpus / f"sismo\u202eelihc.{lang}.txt").write_bytes(src.read_bytes())
    res = CliRunner().invoke(main, ["check", str(corpus), "-o", str(tmp_path / "out"), "--translator", "none",
                                    "--names", "rules", "--no-cache"])
    assert res.exit_code == 1, res.output
    assert "\u202e" not in res.output and "sismo\\u202eelihc.es.txt" in res.output
    for page in (tmp_path / "out").iterdir():
        assert "\u202e" not in page.read_text(encoding="utf-8"), page.name


# --- a full disk ---------------------------------------------------------------------------------------

class _FullDisk:
    """os.fdopen whose files fail with ENOSPC once ``room`` bytes in all were written."""

    def __init__(self, room: int):
        self.room = room
        self.real = os.fdopen

    def __call__(self, fd, *args, **kw):
        return _FullFile(self.real(fd, *args, **kw), self)


class _FullFile:
    def __init__(self, fh, disk: _FullDisk):
        self.fh, self.disk = fh, disk

    def write(self, data):
        import errno

        self.disk.room -= len(data)
        if self.disk.room < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self.fh.write(data)

    def __getattr__(self, name):
        return getattr(self.fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()
        return False


@pytest.mark.parametrize("room", [2_000, 60_000, 150_000])
def test_a_full_disk_is_one_line_and_leaves_nothing_half_written(tmp_path, monkeypatch, room):
    corpus = story_copies(tmp_path / "corpus", 2)
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("the editor's notes", encoding="utf-8")
    from concord.lexicon import get_lexicon

    get_lexicon()  # its derived data is written once, before the disk fills
    monkeypatch.setattr(os, "fdopen", _FullDisk(room))
    res = _check([corpus, "-o", out, "--format", "html,json", "--jobs", "1"])
    monkeypatch.undo()
    _one_line(res)
    assert "No space left on device" in res.output
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]


def test_detect_reads_a_malformed_utf32_file(tmp_path):
    bad = tmp_path / "bad.txt"
    text = "Dos personas murieron.".encode("utf-32-le")
    bad.write_bytes(b"\xff\xfe\x00\x00" + text + (0x110000).to_bytes(4, "little"))
    res = CliRunner().invoke(main, ["detect", str(bad)])
    assert res.exit_code == 0 and res.exception is None, res.output


def test_an_empty_baseline_output_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["baseline", str(ROOT / "corpus"), "-o", "", "--translator", "none",
                                    "--names", "rules", "-q", "--no-cache"])
    _one_line(res)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_the_signal_decides_the_exit_whatever_a_library_makes_of_it(signum, code, capsys):
    """A library may catch the KeyboardInterrupt the signal raises inside it and raise an
    error of its own (langdetect reports the profile it was reading as malformed): the run
    still ends as the signal says, with one line, not with a traceback and exit 1."""
    from concord.cli import friendly

    @friendly
    def job():
        try:
            os.kill(os.getpid(), signum)
            time.sleep(5)
        except BaseException:  # noqa: BLE001  (as a library that wraps every error does)
            raise ValueError("Profile format error") from None

    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        with pytest.raises(SystemExit) as exited:
            job()
    finally:
        for s, handler in saved.items():
            signal.signal(s, handler)
    assert exited.value.code == code
    assert capsys.readouterr().err.strip() == ("concord: error: terminated" if code == 143
                                               else "concord: error: interrupted")
