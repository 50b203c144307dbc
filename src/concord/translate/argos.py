"""argostranslate (CTranslate2 + SentencePiece models), used when a package is installed.

Concord hands argostranslate its own sentences, one at a time, through a sentence
splitter that returns the sentence unchanged: argostranslate's default splitter would
otherwise download a MiniSBD or stanza model at run time, which fails offline.
"""

from __future__ import annotations

from typing import Any

from ..errors import BackendError
from .base import Translator


class _GivenSentence:
    """An argostranslate sentence splitter that trusts Concord's segmentation."""

    def split_sentences(self, text: str) -> list[str]:
        return [text]


def installed_packages() -> list[Any]:
    """The installed argostranslate packages (argostranslate is untyped)."""
    try:
        from argostranslate import package
    except ImportError:
        return []
    try:
        return list(package.get_installed_packages())
    except Exception:  # noqa: BLE001 - a broken package directory must not crash Concord
        return []


def find_package(source: str, target: str) -> Any | None:
    for pkg in installed_packages():
        if pkg.from_code == source and pkg.to_code == target:
            return pkg
    return None


class ArgosTranslator(Translator):
    name = "argos"

    def __init__(self) -> None:
        self._translators: dict[str, object] = {}

    def available(self, source: str, target: str) -> bool:
        return find_package(source, target) is not None

    def install_hint(self) -> str:
        return ("bash scripts/install.sh --neural (or pip install torch==2.13.0, then pip install "
                "'.[neural]' in the source folder), then concord models install --argos FILE.argosmodel")

    def version(self, source: str, target: str) -> str:
        pkg = find_package(source, target)
        if pkg is None:
            return "missing"
        return f"{pkg.from_code}-{pkg.to_code}:{getattr(pkg, 'package_version', '?')}:{pkg.package_path.name}"

    def _translate(self, texts: list[str], source: str, target: str) -> list[str]:
        pkg = find_package(source, target)
        if pkg is None:
            raise BackendError(f"argos: no {source}->{target} package installed ({self.install_hint()})")
        import ctranslate2
        from argostranslate.translate import apply_packaged_translation

        key = str(pkg.package_path)
        if key not in self._translators:
            self._translators[key] = ctranslate2.Translator(str(pkg.package_path / "model"), device="cpu")
        translator = self._translators[key]
        splitter = _GivenSentence()
        out = []
        for text in texts:
            line = " ".join(text.split())
            if not line:
                out.append("")
                continue
            hyps = apply_packaged_translation(pkg, line, translator, splitter, num_hypotheses=1)
            out.append(hyps[0].value.strip())
        return out
