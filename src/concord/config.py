"""Run settings, from defaults, ``concord.toml`` / ``[tool.concord]`` and CLI options.

:class:`Settings` is the one object that carries a run's settings through every stage.
Every field is validated when it is made: a wrong type, an unknown language, severity,
check or key is a one-line :class:`~concord.errors.UsageError` (exit 2) that names the
file, the key and the allowed values.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

from .choices import CHECK_IDS, NAME_EXTRACTORS, TRANSLATORS
from .document import Category, Severity
from .errors import UsageError
from .lang import LANGUAGES, PIVOT
from .textio import DEFAULT_MAX_BYTES

FAIL_ON = (*Severity.values()[:2], "never")


def known_language(code: object) -> bool:
    """Whether ``code`` is a language CLDR knows (``es``, ``en``, ``pt-BR``)."""
    if not isinstance(code, str) or not code or not code.replace("-", "").replace("_", "").isalnum():
        return False
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


#: Which text of a Word file's tracked changes is read.
DOCX_CHANGES = ("accepted", "original")


@dataclass
class Settings:
    pivot: str = PIVOT
    translator: str = "auto"
    names: str = "auto"  # name extractor: NER where a model is installed, else rules
    languages: tuple[str, ...] = LANGUAGES
    fail_on: str = "error"
    max_bytes: int = DEFAULT_MAX_BYTES
    severities: dict = field(default_factory=dict)  # check id or category -> severity
    ignore: list = field(default_factory=list)  # names/terms never reported
    checks: list = field(default_factory=list)  # check ids to run (empty: all)
    exclude_checks: list = field(default_factory=list)  # check ids not to run
    # the version the others translate: a language code ("es") or a file name; "" = none
    source: str = ""
    # a Word file's tracked changes: read the text as "accepted" (the default) or "original"
    docx_changes: str = "accepted"
    origin: str = ""  # where the settings came from, for error messages

    def __post_init__(self):
        self.validate()
        self.languages = tuple(self.languages)
        if self.pivot not in self.languages:
            self.languages = self.languages + (self.pivot,)

    def _bad(self, key: str, value, allowed: str) -> UsageError:
        where = f"{self.origin}: " if self.origin else ""
        return UsageError(f"{where}{key} = {value!r} is not valid: {allowed}")

    def validate(self) -> None:
        def choice(key, allowed):
            value = getattr(self, key)
            if not isinstance(value, str) or value not in allowed:
                raise self._bad(key, value, "one of " + ", ".join(allowed))

        def str_list(key):
            value = getattr(self, key)
            if isinstance(value, str) or not isinstance(value, (list, tuple)) \
                    or not all(isinstance(x, str) for x in value):
                raise self._bad(key, value, "a list of strings")

        choice("fail_on", FAIL_ON)
        choice("translator", TRANSLATORS)
        choice("names", NAME_EXTRACTORS)
        choice("docx_changes", DOCX_CHANGES)
        if not known_language(self.pivot):
            raise self._bad("pivot", self.pivot, "a language code such as en or es")
        str_list("languages")
        for code in self.languages:
            if not known_language(code):
                raise self._bad("languages", code, "language codes such as en or es")
        if not self.languages:
            raise self._bad("languages", self.languages, "at least one language code")
        if isinstance(self.max_bytes, bool) or not isinstance(self.max_bytes, int) or not 0 < self.max_bytes <= 2**40:
            raise self._bad("max_bytes", self.max_bytes, "a positive whole number of bytes up to 2**40")
        if not isinstance(self.severities, dict):
            raise self._bad("severities", self.severities, "a table of check id or category = severity")
        keys = (*CHECK_IDS, *Category.values())
        for k, v in self.severities.items():
            if k not in keys:
                raise self._bad("severities", k, "a check id or category: " + ", ".join(dict.fromkeys(keys)))
            if v not in Severity.values():
                raise self._bad(f"severities.{k}", v, "one of " + ", ".join(Severity.values()))
        if not isinstance(self.source, str):
            raise self._bad("source", self.source, "a language code such as es, or a file name")
        str_list("ignore")
        if any(not t.strip() for t in self.ignore):
            raise self._bad("ignore", self.ignore, "non-empty terms (an empty term would hide every finding)")
        for key in ("checks", "exclude_checks"):
            str_list(key)
            unknown = [c for c in getattr(self, key) if c not in CHECK_IDS]
            if unknown:
                raise self._bad(key, unknown[0], "check ids: " + ", ".join(CHECK_IDS))

    def as_dict(self) -> dict:
        """The settings findings.json records."""
        d = {"pivot": self.pivot, "translator": self.translator, "names": self.names,
             "languages": list(self.languages), "fail_on": self.fail_on}
        if self.source:
            d["source"] = self.source
        if self.docx_changes != "accepted":
            d["docx_changes"] = self.docx_changes
        return d

    def key_dict(self) -> dict:
        """Everything that changes a group's findings (the group store's key)."""
        d = self.as_dict()
        d.update(severities=dict(sorted(self.severities.items())), ignore=sorted(self.ignore))
        if self.checks or self.exclude_checks:
            d.update(checks=list(self.checks), exclude_checks=list(self.exclude_checks))
        return d


SETTING_KEYS = tuple(f.name for f in fields(Settings) if f.name != "origin")


def load_toml(path: Path) -> dict:
    """Parse a TOML file; an invalid one is a one-line usage error."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    if Path(path).exists() and not Path(path).is_file():  # a FIFO would block the open
        raise UsageError(f"{path}: not a regular file")
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path}: invalid configuration ({exc})") from None
    except RecursionError:  # arrays or tables nested deeper than the parser's stack
        raise UsageError(f"{path}: invalid configuration (nested too deeply)") from None


def load_config(corpus: str | Path | None) -> tuple[dict, str]:
    """The ``[concord]`` table of ``CORPUS/concord.toml``, else ``[tool.concord]`` of a
    ``pyproject.toml`` in the current folder, with where it came from."""
    if corpus is not None:
        p = Path(corpus)
        cand = p / "concord.toml" if p.is_dir() else None
        if cand and cand.is_file():
            data = load_toml(cand).get("concord", {})
            if not isinstance(data, dict):
                raise UsageError(f"{cand}: [concord] must be a table")
            if data:
                return data, f"{cand} [concord]"
    pp = Path("pyproject.toml")
    if pp.is_file():
        tool = load_toml(pp).get("tool", {})
        if not isinstance(tool, dict):
            raise UsageError(f"{pp}: [tool] must be a table")
        data = tool.get("concord", {})
        if not isinstance(data, dict):
            raise UsageError(f"{pp}: [tool.concord] must be a table")
        return data, f"{pp} [tool.concord]"
    return {}, ""


def make_settings(config: dict | tuple[dict, str], **overrides) -> Settings:
    """Settings from a config table (``load_config``'s result) and CLI overrides (None =
    not given). An unknown key is an error naming the known ones."""
    source = ""
    if isinstance(config, tuple):
        config, source = config
    values = {}
    for k, v in config.items():
        name = k.replace("-", "_")
        if name not in SETTING_KEYS or k == "origin":
            raise UsageError(f"{source + ': ' if source else ''}unknown setting {k!r} "
                             f"(known: {', '.join(SETTING_KEYS)})")
        values[name] = v
    given = {k: v for k, v in overrides.items() if v is not None}
    if any(k in values for k in given):
        source = source + " and the command line" if source else "the command line"
    values.update(given)
    return Settings(origin=source or "", **values)
