"""The small interface every translation backend implements."""

from __future__ import annotations

from abc import ABC, abstractmethod


class Translator(ABC):
    """Translates batches of sentences from one language to another.

    A backend translates a list of sentences in one call and returns exactly one output
    per input, in order. ``version`` goes into the cache key, so a new backend version
    never serves translations made by an old one.
    """

    name: str = "base"

    #: how many calls reached the backend itself (not the cache); tests assert on it
    calls: int = 0

    @abstractmethod
    def available(self, source: str, target: str) -> bool:
        """Whether this backend can translate ``source`` -> ``target`` here."""

    @abstractmethod
    def version(self, source: str, target: str) -> str:
        """A string that changes whenever the backend's output may change."""

    @abstractmethod
    def _translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Translate ``texts``; one output per input."""

    def install_hint(self) -> str:
        return ""

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        if not texts:
            return []
        type(self).calls += 1
        out = self._translate(texts, source, target)
        if len(out) != len(texts):  # pragma: no cover - guarded by each backend
            raise RuntimeError(f"{self.name}: {len(out)} outputs for {len(texts)} inputs")
        return out
