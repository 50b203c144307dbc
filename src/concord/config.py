"""Run settings, from defaults, ``concord.toml`` / ``[tool.concord]`` and CLI options."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

from .errors import UsageError
from .textio import DEFAULT_MAX_BYTES

FAIL_ON = ("error", "warning", "never")
NAMES = ("auto", "rules", "stanza")


@dataclass
class Settings:
    pivot: str = "en"
    translator: str = "auto"
    names: str = "auto"  # name extractor: stanza NER where a model is installed, else rules
    languages: tuple[str, ...] = ("en", "es")
    fail_on: str = "error"
    max_bytes: int = DEFAULT_MAX_BYTES
    severities: dict = field(default_factory=dict)  # category -> severity override
    ignore: list = field(default_factory=list)  # names/terms never reported

    def __post_init__(self):
        if self.fail_on not in FAIL_ON:
            raise UsageError(f"--fail-on must be one of {', '.join(FAIL_ON)}")
        if self.names not in NAMES:
            raise UsageError(f"--names must be one of {', '.join(NAMES)}")
        self.languages = tuple(self.languages)
        if self.pivot not in self.languages:
            self.languages = self.languages + (self.pivot,)


def load_toml(path: Path) -> dict:
    """Parse a TOML file; an invalid one is a one-line usage error."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    if Path(path).exists() and not Path(path).is_file():  # [rel] a FIFO would block the open
        raise UsageError(f"{path}: not a regular file")
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path}: invalid configuration ({exc})") from None


def load_config(corpus: str | Path | None) -> dict:
    """The ``[concord]`` table of ``CORPUS/concord.toml``, else ``[tool.concord]`` of a
    ``pyproject.toml`` in the current folder."""
    if corpus is not None:
        p = Path(corpus)
        cand = p / "concord.toml" if p.is_dir() else None
        if cand and cand.exists():
            data = load_toml(cand).get("concord", {})
            if data:
                return data
    pp = Path("pyproject.toml")
    if pp.exists():
        return load_toml(pp).get("tool", {}).get("concord", {})
    return {}


def make_settings(config: dict, **overrides) -> Settings:
    names = {f.name for f in fields(Settings)}
    values = {k.replace("-", "_"): v for k, v in config.items() if k.replace("-", "_") in names}
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)
