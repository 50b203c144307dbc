"""Fuzzing the input parsers a user's files reach (a --baseline file, concord.toml and the
[tool.concord] table of pyproject.toml): whatever the bytes, the outcome is a result or a
Concord error (one line), never another exception."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from concord.baseline import load_baseline  # noqa: E402
from concord.config import load_config, make_settings  # noqa: E402
from concord.errors import ConcordError  # noqa: E402

SETTINGS = settings(max_examples=100, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=6), inner, max_size=4),
                     max_leaves=12)
_baselines = st.one_of(
    st.binary(max_size=200),
    _json.map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({"findings": st.lists(_json, max_size=4)}).map(lambda v: json.dumps(v).encode()),
    st.integers(1, 3000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(1, 3000).map(lambda n: b'{"findings": ' + b"[" * n + b"]" * n + b"}"),
)


@SETTINGS
@given(data=_baselines)
def test_any_baseline_file_is_a_result_or_a_concord_error(tmp_path: Path, data: bytes):
    p = tmp_path / "baseline.json"
    p.write_bytes(data)
    try:
        ids = load_baseline(p)
    except ConcordError:
        return
    assert all(isinstance(i, str) for i in ids)


_keys = st.sampled_from(["fail_on", "fail-on", "translator", "pivot", "names", "languages", "max_bytes",
                         "severities", "ignore", "checks", "exclude_checks", "source", "origin", "tool",
                         "concord", "x"])
_toml_values = st.recursive(
    st.booleans() | st.integers(-2**63, 2**63 - 1) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=3), max_leaves=8)


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"


_tables = st.dictionaries(_keys, _toml_values, max_size=5)
_configs = st.one_of(
    st.binary(max_size=200),
    _tables.map(lambda t: "[concord]\n" + "".join(f"{json.dumps(k)} = {_toml(v)}\n" for k, v in t.items())),
    _tables.map(lambda t: "".join(f"{json.dumps(k)} = {_toml(v)}\n" for k, v in t.items())),
    st.integers(1, 3000).map(lambda n: "[concord]\nignore = " + "[" * n + "]" * n + "\n"),
)


def _settings_from(folder: Path):
    try:
        return make_settings(load_config(folder))
    except ConcordError:
        return None


@SETTINGS
@given(data=_configs)
def test_any_concord_toml_is_settings_or_a_concord_error(tmp_path: Path, data):
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    (folder / "concord.toml").write_bytes(data if isinstance(data, bytes) else data.encode())
    _settings_from(folder)


@SETTINGS
@given(data=_configs.map(lambda d: d if isinstance(d, bytes) else d.replace("[concord]", "[tool.concord]")))
def test_any_pyproject_toml_is_settings_or_a_concord_error(tmp_path: Path, monkeypatch, data):
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    (work / "pyproject.toml").write_bytes(data if isinstance(data, bytes) else data.encode())
    monkeypatch.chdir(work)
    _settings_from(None)
