"""Offline translation to the pivot language: backends, selection and the cache.

``get_translator(name, source, target)`` returns a backend; ``translate_documents``
fills ``Sentence.translation`` for every sentence (and foreign span) not already in the
pivot language, through the cache.
"""

from __future__ import annotations

from ..document import Document, Sentence
from ..errors import BackendError, UsageError
from ..lang import LANGUAGES as PROFILED
from ..lang.codes import ISO_639_3
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


def hub_route(name: str, source: str,
              target: str) -> tuple[tuple[Translator, str], tuple[Translator, str]] | None:
    """Two hops through another profiled language where no backend translates ``source``
    -> ``target`` directly: French and Portuguese reach English through Spanish (Apertium
    has fra-spa and por-spa, and spa-eng). Each hop is translated, and cached, as its own
    pair. None when no such route is installed."""
    for hub in PROFILED:
        if hub in (source, target):
            continue
        first = _if_available(name, source, hub)
        if first is None:
            continue
        second = _if_available(name, hub, target)
        if second is not None:
            return (first, hub), (second, target)
    return None


def has_direct_route(name: str, source: str, target: str) -> bool:
    """Whether ``name`` (or, for ``auto``, argos or apertium) translates the pair itself."""
    names = ("argos", "apertium") if name == "auto" else (name,)
    return any(n in BACKENDS and backend(n).available(source, target) for n in names)


def _if_available(name: str, source: str, target: str) -> Translator | None:
    """The backend ``name`` (for ``auto``: argos, else apertium) for the pair, or None."""
    names: tuple[str, ...] = ("argos", "apertium") if name == "auto" else (name,)
    for n in names:
        if n in BACKENDS and n != "none" and backend(n).available(source, target):
            return backend(n)
    return None


def route_label(source: str, hub: str, target: str, first: Translator, second: Translator) -> str:
    """How a routed translation is named in the report: ``apertium:fra-spa+spa-eng``."""
    def pair(a: str, b: str) -> str:
        return f"{ISO_639_3.get(a, a)}-{ISO_639_3.get(b, b)}"

    backends = first.name if first.name == second.name else f"{first.name}+{second.name}"
    return f"{backends}:{pair(source, hub)}+{pair(hub, target)}"


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
        route = None if name == "none" or has_direct_route(name, lang, pivot) else hub_route(name, lang, pivot)
        items = jobs[lang]
        if route is not None:
            (first, hub), (second, _) = route
            label = route_label(lang, hub, pivot, first, second)
            used[f"{lang}-{pivot}"] = label
            middle = translate_texts([text for _, text, _ in items], lang, hub, first, cache)
            outputs = translate_texts(middle, hub, pivot, second, cache)
            served = label
        else:
            translator = get_translator(name, lang, pivot)
            served = translator.name
            used[f"{lang}-{pivot}"] = served
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
                sent.translator = served
            else:
                span_edits.setdefault(id(sent), []).append((where, out))
                sent.translator = served
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


__all__ = ["BACKENDS", "CHOICES", "TranslationCache", "Translator", "backend",
           "get_translator", "hub_route", "route_label", "translate_documents", "translate_texts"]
