"""Offline translation to the pivot language: backends, selection and the cache.

``get_translator(name, source, target)`` returns a backend; ``translate_documents``
fills ``Sentence.translation`` for every sentence (and foreign span) not already in the
pivot language, through the cache.
"""

from __future__ import annotations

from ..document import Document, Sentence
from ..errors import BackendError, UsageError
from ..lang import LANGUAGES as PROFILED
from .apertium import ApertiumTranslator
from .argos import ArgosTranslator
from .base import Translator
from .cache import TranslationCache, Uncacheable
from .none import NoTranslator

BACKENDS: dict[str, type[Translator]] = {
    "apertium": ApertiumTranslator,
    "argos": ArgosTranslator,
    "none": NoTranslator,
}
CHOICES = ("auto", *BACKENDS)  # "auto": argos, else apertium, else none

_instances: dict[str, Translator] = {}


def backend(name: str) -> Translator:
    if name not in BACKENDS:
        raise UsageError(f"unknown translator {name!r} (choose from {', '.join(CHOICES)})")
    if name not in _instances:
        _instances[name] = BACKENDS[name]()
    return _instances[name]


def get_translator(name: str, source: str, target: str) -> Translator:
    """The backend for ``source`` -> ``target``. ``auto``: argos, else apertium, else none."""
    if name == "auto":
        for candidate in ("argos", "apertium"):
            t = backend(candidate)
            if t.available(source, target):
                return t
        return backend("none")
    t = backend(name)
    if not t.available(source, target):
        raise BackendError(
            f"translator {name!r} cannot translate {source}->{target} here"
            + (f"; install it with: {t.install_hint()}" if t.install_hint() else ""))
    return t


def translate_texts(texts: list[str], source: str, target: str, translator: Translator,
                    cache: TranslationCache | None) -> list[str]:
    """Translate through the cache: only texts never seen before reach the backend."""
    if translator.name == "none":
        return list(texts)
    version = translator.version(source, target)
    known = cache.get_many(translator.name, version, source, target, texts) if cache else {}
    pending = sorted({t for t in texts if t not in known})
    if pending:
        fresh = dict(zip(pending, translator.translate(pending, source, target)))
        if cache:
            # Output the backend could not verify is used once, never stored.
            cache.put_many(translator.name, version, source, target,
                           {t: tr for t, tr in fresh.items() if not isinstance(tr, Uncacheable)})
        known.update({t: str(tr) for t, tr in fresh.items()})
    return [known[t] for t in texts]


def translate_documents(docs: list[Document], pivot: str, name: str = "auto",
                        cache: TranslationCache | None = None) -> dict[str, str]:
    """Fill ``translation``/``translator`` of every non-pivot sentence; return backends used.

    Sentences in the pivot language that carry a foreign span (a Spanish byline in an
    English article) get the span translated in place. The result maps each language
    pair ``"es-en"`` to the backend name that produced its translations.
    """
    jobs: dict[str, list[tuple[Sentence, str, tuple[int, int] | None]]] = {}
    for doc in docs:
        if doc.language and doc.language not in PROFILED and doc.language != pivot:
            continue  # a language without a profile: not compared, so not translated
        for s in doc.sentences:
            if s.language and s.language != pivot:
                jobs.setdefault(s.language, []).append((s, s.text, None))
            else:
                for span in s.spans:
                    if span.language != pivot:
                        jobs.setdefault(span.language, []).append(
                            (s, span.text, (span.start - s.start, span.end - s.start)))
    used: dict[str, str] = {}
    for lang in sorted(jobs):
        translator = get_translator(name, lang, pivot)
        used[f"{lang}-{pivot}"] = translator.name
        items = jobs[lang]
        if translator.name == "none":
            for sent, _text, _where in items:
                sent.translator = "none"
            continue
        outputs = translate_texts([text for _, text, _ in items], lang, pivot, translator, cache)
        # Spans are replaced right to left so earlier offsets stay valid.
        span_edits: dict[int, list[tuple[tuple[int, int], str]]] = {}
        for (sent, _text, where), out in zip(items, outputs):
            if where is None:
                sent.translation = out
                sent.translator = translator.name
            else:
                span_edits.setdefault(id(sent), []).append((where, out))
                sent.translator = translator.name
        for doc in docs:
            for s in doc.sentences:
                edits = span_edits.get(id(s))
                if not edits:
                    continue
                text = s.text
                for (a, b), out in sorted(edits, reverse=True):
                    text = text[:a] + out + text[b:]
                s.translation = text if text != s.text else None
    return used


__all__ = ["BACKENDS", "CHOICES", "Translator", "TranslationCache", "backend",
           "get_translator", "translate_documents", "translate_texts"]
