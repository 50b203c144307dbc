"""stanza named-entity recognition: the name extractor when a stanza NER model is installed.

Concord gives stanza its own tokens (``tokenize_pretokenized``), so only the NER model (and
the word vectors it depends on) is needed, not a stanza tokenizer model, and every entity
maps back to exact character offsets in the sentence. Entities of a name type (people,
places, organisations) become name facts; nationalities (``NORP``), ``MISC``, dates and
numbers do not, since Concord has its own extractors for those.

A model is *installed* for a language when ``resources.json`` in the stanza resources
folder (``$STANZA_RESOURCES_DIR``, else ``~/stanza_resources``) names a default NER package
for it and that package's file is present: what ``stanza.download`` writes, and what
``concord models install --stanza`` installs from a file.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

# people, places (including geopolitical entities and facilities), organisations
NAME_TYPES = frozenset({"PER", "PERSON", "LOC", "GPE", "FAC", "ORG"})

# Acronyms with dots (U.S., EE.UU.), words with inner hyphens or apostrophes, numbers with
# separators, then any other non-space character on its own.
_TOKEN = re.compile(r"(?:[^\W\d_]{1,2}\.){2,}|\d+(?:[.,]\d+)*|\w+(?:[-'’]\w+)*|[^\w\s]", re.U)


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token offsets of ``text`` (the tokens Concord hands to stanza)."""
    return [m.span() for m in _TOKEN.finditer(text)]


def stanza_dir(model_dir: str | Path | None = None) -> Path:
    import os

    if model_dir:
        return Path(model_dir)
    env = os.environ.get("STANZA_RESOURCES_DIR")
    return Path(env) if env else Path.home() / "stanza_resources"


def ner_package(language: str, model_dir: str | Path | None = None) -> Path | None:
    """The installed default NER model file for ``language``, or None."""
    d = stanza_dir(model_dir)
    try:
        resources = json.loads((d / "resources.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    entry = resources.get(language)
    if not isinstance(entry, dict):
        return None
    package = (entry.get("default_processors") or {}).get("ner")
    if isinstance(package, list):
        package = package[0] if package else None
    if not isinstance(package, str):
        return None
    path = d / language / "ner" / f"{package}.pt"
    return path if path.is_file() else None


class StanzaNER:
    """Names from stanza's NER, one pipeline per language, loaded on first use."""

    name = "stanza"

    def __init__(self, model_dir: str | Path | None = None):
        self.model_dir = model_dir
        self._pipes: dict[str, object] = {}
        self._available: dict[str, bool] = {}  # looked up once per language and instance

    @staticmethod
    def installed() -> bool:
        return importlib.util.find_spec("stanza") is not None

    def available(self, language: str | None) -> bool:
        if not language:
            return False
        if language not in self._available:
            self._available[language] = self.installed() and ner_package(language, self.model_dir) is not None
        return self._available[language]

    def version(self, language: str) -> str:
        """Identifies the model, for cache keys: package name, size and modification time."""
        path = ner_package(language, self.model_dir)
        if path is None:
            return "none"
        st = path.stat()
        return f"{path.stem}:{st.st_size}:{int(st.st_mtime)}"

    def _pipe(self, language: str):
        if language not in self._pipes:
            import logging

            import stanza

            logging.getLogger("stanza").setLevel(logging.ERROR)
            self._pipes[language] = stanza.Pipeline(
                language, dir=str(stanza_dir(self.model_dir)), processors="tokenize,ner",
                tokenize_pretokenized=True, download_method=None, use_gpu=False, verbose=False)
        return self._pipes[language]

    def entities(self, texts: list[str], language: str) -> list[list[tuple[int, int, str]]]:
        """For each text (a sentence), its entities as ``(start, end, type)`` offsets into
        that text, all texts in one stanza call."""
        spans = [tokenize(t) for t in texts]
        batch = [[t[a:b] for a, b in sp] for t, sp in zip(texts, spans) if sp]
        out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        if not batch:
            return out
        doc = self._pipe(language)(batch)
        nonempty = [i for i, sp in enumerate(spans) if sp]
        for i, sent in zip(nonempty, doc.sentences):
            sp = spans[i]
            for ent in sent.ents:
                first = ent.tokens[0].id[0] - 1
                last = ent.tokens[-1].id[-1] - 1
                out[i].append((sp[first][0], sp[last][1], ent.type))
        return out


_BACKENDS: dict[str, StanzaNER] = {}


def get_ner(choice: str = "auto") -> StanzaNER | None:
    """The NER backend for ``--names``: ``rules`` -> None, ``stanza``/``auto`` -> the shared
    StanzaNER (``auto`` falls back to rules per language where no model is installed)."""
    if choice == "rules":
        return None
    if "stanza" not in _BACKENDS:
        _BACKENDS["stanza"] = StanzaNER()
    return _BACKENDS["stanza"]


# The choices of the ``names`` setting (``--names``): "rules" is the rule-based extractor.
CHOICES = ("auto", "rules", "stanza")
