"""An ``lt-proc`` the lexicon build runs that dies: run again (the same lexicon as an
undisturbed build), or, dying twice, a one-line error; never a lexicon built from part of
its output or none at all, which would change the alignment scores without a word."""

from __future__ import annotations

import os
import shutil
import stat

import pytest

from concord import lexicon
from concord.errors import BackendError

from conftest import needs_apertium


def _dying_lt_proc(folder, times: int) -> None:
    """An ``lt-proc`` first on PATH that is killed (SIGKILL) the first ``times`` runs,
    after reading part of its input, and runs the real one after that."""
    real = shutil.which("lt-proc")
    fake = folder / "bin" / "lt-proc"
    fake.parent.mkdir()
    fake.write_text(f"""#!/bin/sh
n=$(ls {folder}/marks | wc -l)
if [ "$n" -lt {times} ]; then touch {folder}/marks/$n; head -c 100 >/dev/null; kill -9 $$; fi
exec {real} "$@"
""", encoding="utf-8")
    (folder / "marks").mkdir()
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)


WORDS = ["detenidos", "casa", "de", "presidente", "dijo", "murieron", "treinta", "lunes"] * 50


@needs_apertium
def test_an_lt_proc_killed_mid_run_is_run_again_and_gives_the_same_analyses(monkeypatch, tmp_path):
    data = lexicon._data_dir()
    undisturbed = lexicon._analyse(data, "spa-eng", WORDS)
    _dying_lt_proc(tmp_path, times=1)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    assert lexicon._analyse(data, "spa-eng", WORDS) == undisturbed
    assert len(list((tmp_path / "marks").iterdir())) == 1  # it was killed once


@needs_apertium
def test_an_lt_proc_that_dies_twice_is_a_one_line_error(monkeypatch, tmp_path):
    _dying_lt_proc(tmp_path, times=2)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(lexicon, "_LOADED", {})
    with pytest.raises(BackendError, match=r"^lt-proc -a spa-eng\.automorf\.bin failed twice \(killed by signal 9\)"):
        lexicon.get_lexicon()
