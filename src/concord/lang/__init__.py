"""Language profiles: one package per language (after spaCy's ``spacy/lang/xx``).

Each package (``lang/en/``, ``lang/es/``) holds everything Concord knows of its language:
function words, calendar words, number words, negators, name particles and titles, quote
and speech-verb patterns, abbreviations. The package's ``__init__`` holds the general
resources and imports its topic modules (``numbers``, ``dates``, ``polarity``, ...), so
code reads ``lang.get(code).numbers.WORDS``; it never compares a language code or keeps a
word list of its own. Maintained data (CLDR through ``babel``, wordfreq, the Apertium
lexicon) is loaded in the profile, not copied; every hand-written list says where its words
come from.

Adding a language is adding a package here and naming it in ``LANGUAGES``.

Knowledge that no single language owns (a capitalised word that is a particle in *any*
language, the magnitude words of every language, CLDR names in every language) is read
from the languages of the pair being compared (:func:`comparing`, :func:`compared`), not
from every profile: adding a profile never changes the findings of a pair in other
languages. :class:`Scoped` is such a value, built once per set of languages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache, wraps
from importlib import import_module
from types import ModuleType
from typing import Any, Generic, ParamSpec, TypeVar

LANGUAGES = ("en", "es", "fr", "pt")
#: The language every version is also read in (its translation, or the text itself): the
#: default where a language is not known.
PIVOT = "en"


def _upper_class() -> str:
    """A regex character class body of the capital letters every profile writes."""
    extra: set[str] = set()
    for code in LANGUAGES:
        extra |= set(get(code).UPPERCASE)
    return "A-Z" + "".join(sorted(extra))


def get(code: str) -> ModuleType:
    """The resource module of a language code (``"es"``), or KeyError."""
    if code not in LANGUAGES:
        raise KeyError(code)
    return import_module(f"{__name__}.{code}")


_COMPARED: ContextVar[tuple[str, ...] | None] = ContextVar("concord_compared", default=None)


def compared() -> tuple[str, ...]:
    """The languages whose knowledge is read where a text's own language does not decide
    (see :func:`comparing`): those of the pair being compared, else every profile."""
    return _COMPARED.get() or LANGUAGES


def pair_languages(codes: Iterable[str | None], pivot: str = PIVOT,
                   every: Iterable[str] = LANGUAGES) -> tuple[str, ...]:
    """The profiled languages among ``codes`` (the languages of two versions, their
    sentences and spans) and the pivot every version is also read in, in the order of
    :data:`LANGUAGES`. Two versions in the pivot language alone are read with ``every``
    profile (the run's languages): no translation stands between them, so a word of
    another language's grammar reads alike on both sides, and names of foreign origin
    keep their particles (``Los Malas-Mañas`` in English copy)."""
    wanted = set(codes) | {pivot}
    if len(wanted & set(LANGUAGES)) < 2:
        wanted |= set(every)
    return tuple(code for code in LANGUAGES if code in wanted)


@contextmanager
def comparing(codes: tuple[str, ...]) -> Iterator[None]:
    """Within the block, :func:`compared` is ``codes``: facts are extracted and compared
    with the knowledge of those languages only."""
    token = _COMPARED.set(codes)
    try:
        yield
    finally:
        _COMPARED.reset(token)


T = TypeVar("T")


class Scoped(Generic[T]):
    """A value built from the profiles of the languages compared (:func:`compared`): a set
    of words, a compiled pattern. ``word in value``, iteration and attribute access (a
    pattern's ``finditer``) reach the value of the current languages, built once for each
    set of languages by ``build(codes)``."""

    def __init__(self, build: Callable[[tuple[str, ...]], T]):
        self._build = build
        self._values: dict[tuple[str, ...], T] = {}

    def current(self) -> T:
        codes = compared()
        try:
            return self._values[codes]
        except KeyError:
            value = self._values[codes] = self._build(codes)
            return value

    def __contains__(self, item: object) -> bool:
        return item in self.current()  # type: ignore[operator]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.current())  # type: ignore[call-overload]

    def __getitem__(self, key: Any) -> Any:
        return self.current()[key]  # type: ignore[index]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.current(), name)


P = ParamSpec("P")


def scoped_cache(maxsize: int) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """``functools.lru_cache`` for a function whose result depends on the languages compared
    (:func:`compared`): they are part of the cache key."""
    def wrap(fn: Callable[P, T]) -> Callable[P, T]:
        @lru_cache(maxsize=maxsize)
        def cached(codes: tuple[str, ...], *args: Any, **kwargs: Any) -> T:
            return fn(*args, **kwargs)

        @wraps(fn)
        def call(*args: P.args, **kwargs: P.kwargs) -> T:
            return cached(compared(), *args, **kwargs)  # type: ignore[arg-type]

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return call
    return wrap


def stop_words() -> frozenset:
    """Function words of the languages compared (:func:`compared`)."""
    out: set[str] = set()
    for code in compared():
        out |= get(code).STOP_WORDS
    return frozenset(out)


#: Capital letters of every profile's orthography, as a character-class body
#: (``f"[{UPPER}]"``): where a pattern must find a capitalised word in any language.
UPPER = _upper_class()
