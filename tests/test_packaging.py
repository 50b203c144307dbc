"""Packaging and CI integrations: the wheel and sdist carry every data file, the wheel
installs and runs in a fresh virtualenv, the pre-commit hook runs, and the GitHub Action's
``run:`` steps work in order."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "src" / "concord"
BIN = Path(sys.executable).parent

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

STORY_EN = ("Storm closes port of Valparaíso for two days\n\n"
            "About 1,200 workers were sent home on Monday.\n")
# The Spanish version says 1.300: a number difference, an error.
STORY_ES = ("Un temporal cierra el puerto de Valparaíso durante dos días\n\n"
            "Unos 1.300 trabajadores fueron enviados a casa el lunes.\n")


def _data_files() -> list[str]:
    """Every file of the package that is not Python source, relative to src/."""
    return sorted(p.relative_to(PKG.parent).as_posix() for p in PKG.rglob("*")
                  if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts)


def _env(**extra) -> dict:
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(ROOT / "src")
    env.update(extra)
    return env


def test_pyproject_declares_runtime_dependencies_and_data():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())
    deps = " ".join(meta["project"]["dependencies"])
    for name in ("defusedxml", "python-docx"):
        assert name in deps
    patterns = meta["tool"]["setuptools"]["package-data"]["concord"]
    covered = {p.relative_to(PKG.parent).as_posix() for pat in patterns for p in PKG.glob(pat) if p.is_file()}
    assert _data_files() and set(_data_files()) <= covered, set(_data_files()) - covered
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert "The Concord developers" in (ROOT / "LICENSE").read_text()
    from concord.version import __version__

    assert f"## [{__version__}]" in (ROOT / "CHANGELOG.md").read_text()  # this release is described


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    """``python -m build`` (without isolation: the build backend comes from this
    environment, so no network is needed) into a temporary folder."""
    out = tmp_path_factory.mktemp("dist")
    src = tmp_path_factory.mktemp("src") / "concord"
    # Build from a clean copy: no reports, caches or egg-info of the working tree.
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".git", ".venv", "reports", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
        ".hypothesis", ".mypy_cache", ".ruff_cache"))
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(src)],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    print(f"build: {time.perf_counter() - t0:.1f} s")
    return out


@pytest.mark.slow
def test_build_gives_wheel_and_sdist_with_every_data_file(dist):
    wheels = list(dist.glob("concord_check-*.whl"))
    sdists = list(dist.glob("concord_check-*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1
    data = _data_files()
    with zipfile.ZipFile(wheels[0]) as zf:
        names = set(zf.namelist())
    assert set(data) <= names, set(data) - names
    assert "concord/formats/newsml.py" in names
    assert any(n.endswith("entry_points.txt") for n in names)
    assert any(re.search(r"\.dist-info/(licenses/)?LICENSE$", n) for n in names)
    with tarfile.open(sdists[0]) as tf:
        members = {m.name.split("/", 1)[1] for m in tf.getmembers() if "/" in m.name}
    assert {f"src/{f}" for f in data} <= members, {f"src/{f}" for f in data} - members
    assert {"LICENSE", "README.md", "pyproject.toml"} <= members


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("CONCORD_TEST_WHEEL") != "1",
                    reason="set CONCORD_TEST_WHEEL=1 (downloads the dependencies into a fresh venv)")
def test_wheel_installs_in_a_fresh_venv_and_checks_the_corpus(dist, tmp_path):
    """A plain venv (no system site-packages), the wheel and its dependencies from the
    package index, the spaCy pipelines with ``concord models install spacy``; then
    ``concord check corpus/`` runs (exit 1: the corpus holds deliberate differences)."""
    venv = tmp_path / "venv"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    py = venv / "bin" / "python"
    wheel = next(dist.glob("concord_check-*.whl"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, timeout=3600, env=env)
    # the pinned, hash-checked pipelines, as a user of the wheel installs them
    subprocess.run([str(venv / "bin" / "concord"), "models", "install", "spacy"], check=True, timeout=1200, env=env)
    installed = time.perf_counter() - t0
    out = tmp_path / "reports"
    proc = subprocess.run([str(venv / "bin" / "concord"), "check", str(ROOT / "corpus"), "-o", str(out),
                           "--no-cache", "-q", "--format", "json,sarif,junit,html"],
                          capture_output=True, text=True, timeout=1800, cwd=tmp_path, env=env)
    print(f"fresh venv: install {installed:.0f} s, check {time.perf_counter() - t0 - installed:.0f} s")
    assert proc.returncode == 1, proc.stderr[-2000:]
    for name in ("findings.json", "findings.sarif", "junit.xml", "index.html"):
        assert (out / name).stat().st_size > 0
    # The installed package is the wheel's, not this working tree.
    where = subprocess.run([str(py), "-c", "import concord; print(concord.__file__)"],
                           capture_output=True, text=True, env=env).stdout
    assert str(venv) in where
    # ... and it finds what the repository's install finds
    here = tmp_path / "reports-here"
    mine = subprocess.run([sys.executable, "-m", "concord", "check", str(ROOT / "corpus"), "-o", str(here),
                           "--no-cache", "-q", "--format", "json"], capture_output=True, text=True, timeout=1800,
                          cwd=tmp_path, env=dict(env, PYTHONPATH=str(ROOT / "src")))
    assert mine.returncode == 1, mine.stderr[-2000:]
    assert _findings(out) == _findings(here)

    # without Apertium on PATH: one line on the terminal, a banner on every page, and
    # --require-backends exits 2
    bare = tmp_path / "bin"
    bare.mkdir()
    os.symlink(py, bare / "python")
    reduced = tmp_path / "reports-reduced"
    proc = subprocess.run([str(venv / "bin" / "concord"), "check", str(ROOT / "corpus"), "-o", str(reduced),
                           "--no-cache", "--fail-on", "never"], capture_output=True, text=True, timeout=1800,
                          cwd=tmp_path, env=dict(env, PATH=str(bare)))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "running with reduced backends: no translator" in proc.stderr
    pages = list(reduced.glob("*.html"))
    assert len(pages) > 1 and all('class="banner"' in p.read_text(encoding="utf-8") for p in pages)
    strict = subprocess.run([str(venv / "bin" / "concord"), "check", str(ROOT / "corpus"), "-o",
                             str(tmp_path / "strict"), "--require-backends"], capture_output=True, text=True,
                            timeout=600, cwd=tmp_path, env=dict(env, PATH=str(bare)))
    assert strict.returncode == 2 and strict.stderr.count("\n") == 1, strict.stderr


def _findings(out: Path) -> list:
    """Every finding of a findings.json (story, check, id, severity, message): what two
    installs must agree on (the header names the install's own paths and versions)."""
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    return [(g["id"], f["check"], f["id"], f["severity"], f["message"])
            for g in data["groups"] for p in g["pairs"] for f in p["findings"]]


def _story_repo(tmp_path: Path, es: str = STORY_ES) -> Path:
    repo = tmp_path / "desk"
    repo.mkdir(parents=True)
    (repo / "storm.en.txt").write_text(STORY_EN, encoding="utf-8")
    (repo / "storm.es.txt").write_text(es, encoding="utf-8")
    # No translator: numbers are compared as written, fast and offline.
    (repo / "concord.toml").write_text('[concord]\ntranslator = "none"\n', encoding="utf-8")
    for args in (["init", "-q"], ["add", "."],
                 ["-c", "user.email=desk@example.org", "-c", "user.name=Desk", "commit", "-qm", "copy"]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    return repo


def _try_repo(repo: Path, hook: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = _env(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), CONCORD_CACHE_DIR=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook,
                           "--files", "storm.es.txt"], cwd=repo, capture_output=True, text=True,
                          env=env, timeout=3600)


@pytest.mark.slow
def test_pre_commit_hook_runs_on_a_sample(tmp_path):
    """``pre-commit try-repo . concord-system --files ...``: fails on a number difference,
    passes when the versions agree."""
    repo = _story_repo(tmp_path)
    proc = _try_repo(repo, "concord-system", tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert re.search(r"concord \(translation consistency, installed concord\)\.+Failed", proc.stdout)
    assert "1,200" in proc.stdout and "1.300" in proc.stdout
    assert (repo / ".concord-reports" / "findings.json").exists()
    fixed = _story_repo(tmp_path / "fixed", es=STORY_ES.replace("1.300", "1.200"))
    proc = _try_repo(fixed, "concord-system", tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(r"\.+Passed", proc.stdout)


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("CONCORD_TEST_WHEEL") != "1",
                    reason="set CONCORD_TEST_WHEEL=1 (pre-commit installs Concord and its dependencies)")
def test_pre_commit_python_hook_installs_and_runs(tmp_path):
    repo = _story_repo(tmp_path)
    t0 = time.perf_counter()
    proc = _try_repo(repo, "concord", tmp_path)
    print(f"pre-commit python hook: {time.perf_counter() - t0:.0f} s")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert re.search(r"concord \(translation consistency\)\.+Failed", proc.stdout)


# --- the GitHub Action --------------------------------------------------------------------

_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def _action_steps():
    import yaml

    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    return action


def _run_action(tmp_path: Path, corpus: Path, inputs: dict) -> tuple[list[int], dict, Path]:
    """Run the action's ``run:`` steps in order, as the runner would: expressions replaced
    (inputs, github.action_path, step outputs), GITHUB_OUTPUT / GITHUB_PATH files, bash.
    ``uses:`` steps are not run; their ``with:`` values are returned for checking."""
    action = _action_steps()
    values = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    values.update(inputs)
    outputs: dict[str, dict[str, str]] = {}
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir()
    gh_path = tmp_path / "github-path"
    gh_path.touch()
    codes: list[int] = []
    used: dict = {}

    def expand(text: str) -> str:
        def one(m):
            expr = m.group(1)
            if expr.startswith("inputs."):
                return values[expr[len("inputs."):]]
            if expr == "github.action_path":
                return str(ROOT)
            m2 = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
            if m2:
                return outputs.get(m2.group(1), {}).get(m2.group(2), "")
            raise AssertionError(f"expression not handled by the test runner: {expr}")
        return _EXPR.sub(one, text)

    for step in action["runs"]["steps"]:
        if "uses" in step:
            used[step["uses"]] = {k: expand(str(v)) for k, v in step.get("with", {}).items()}
            continue
        assert step["shell"] == "bash"
        out_file = tmp_path / f"out-{len(codes)}"
        out_file.write_text("")  # a new step: no outputs of an earlier run of the action
        env = _env(GITHUB_OUTPUT=str(out_file), GITHUB_PATH=str(gh_path), RUNNER_TEMP=str(runner_temp),
                   CONCORD_CACHE_DIR=str(tmp_path / "cache"))
        env.update({k: expand(str(v)) for k, v in step.get("env", {}).items()})
        proc = subprocess.run(["bash", "-e", "-c", expand(step["run"])], cwd=corpus.parent, env=env,
                              capture_output=True, text=True, timeout=1800)
        codes.append(proc.returncode)
        if "id" in step:
            outputs[step["id"]] = dict(line.split("=", 1) for line in out_file.read_text().splitlines() if "=" in line)
        if proc.returncode != 0:
            break
    return codes, {"outputs": outputs, "used": used, "path": gh_path.read_text()}, runner_temp


@pytest.mark.slow
def test_github_action_run_steps_in_order(tmp_path):
    if subprocess.run(["dpkg", "-s", "apertium", "apertium-eng-spa", "wordnet-base"],
                      capture_output=True).returncode != 0:
        pytest.skip("Apertium is not installed here; the action's apt step would install it")
    corpus = _story_repo(tmp_path)
    codes, state, runner_temp = _run_action(tmp_path, corpus, {"path": "desk", "out": "reports"})
    # Apertium and Concord already installed: those steps pass without installing; the
    # check records exit 1 (a number difference); the last step fails the job with it.
    assert codes == [0, 0, 0, 1]
    assert not (runner_temp / "concord-venv").exists() and state["path"] == ""
    assert state["outputs"]["check"] == {"exit-code": "1", "sarif": "reports/findings.sarif"}
    reports = tmp_path / "reports"
    for name in ("findings.sarif", "junit.xml", "findings.json", "index.html"):
        assert (reports / name).stat().st_size > 0, name
    upload = state["used"]["github/codeql-action/upload-sarif@v3"]
    assert upload["sarif_file"] == "reports/findings.sarif"
    assert '"1.300"' in (reports / "findings.sarif").read_text() or "1.300" in (reports / "findings.sarif").read_text()
    # With fail-on never the job passes.
    shutil.rmtree(reports)
    (tmp_path / "runner-temp").rename(tmp_path / "runner-temp-1")
    codes, state, _ = _run_action(tmp_path, corpus, {"path": "desk", "out": "reports", "fail-on": "never"})
    assert codes == [0, 0, 0, 0] and state["outputs"]["check"]["exit-code"] == "0"
    # `source` is an input of its own and reaches the run as one option value
    (tmp_path / "runner-temp").rename(tmp_path / "runner-temp-2")
    codes, state, _ = _run_action(tmp_path, corpus, {"path": "desk", "out": "reports", "fail-on": "never",
                                                     "source": "es"})
    assert codes == [0, 0, 0, 0]
    assert json.loads((reports / "findings.json").read_text())["settings"]["source"] == "es"
    # an input error (exit 2) writes no SARIF, and no stale one is offered for upload
    (tmp_path / "runner-temp").rename(tmp_path / "runner-temp-3")
    codes, state, _ = _run_action(tmp_path, corpus, {"path": "no-such-folder", "out": "reports"})
    assert codes == [0, 0, 2] and state["outputs"]["check"] == {"exit-code": "2"}
    assert not (reports / "findings.sarif").exists()


def test_action_and_hooks_are_well_formed():
    import yaml

    action = _action_steps()
    steps = action["runs"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert any("apt-get install" in r and "apertium-eng-spa" in r and "wordnet-base" in r for r in runs)
    assert any("pip install" in r for r in runs)
    assert any("--format sarif,junit,json,html" in r for r in runs)
    assert [s["uses"] for s in steps if "uses" in s] == ["github/codeql-action/upload-sarif@v3"]
    # Inputs reach the scripts through env, never pasted into the script text.
    for r in runs:
        assert "inputs." not in r
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert [h["id"] for h in hooks] == ["concord", "concord-system"]
    pattern = re.compile(hooks[0]["files"])
    from concord.reading import SUPPORTED_SUFFIXES

    for suffix in SUPPORTED_SUFFIXES:
        assert pattern.search(f"copy/story{suffix}"), suffix
