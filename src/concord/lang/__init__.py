"""Per-language resources, one module per language (after spaCy's ``spacy/lang/xx``).

Each module (``en.py``, ``es.py``) holds what Concord knows of its language: function
words, and the words the extractors need. Maintained data (CLDR through ``babel`` for
month and weekday names) is used where it exists; every hand-written list says where its
words come from. Adding a language is adding a module here and naming it in ``LANGUAGES``.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

LANGUAGES = ("en", "es")


def get(code: str) -> ModuleType:
    """The resource module of a language code (``"es"``), or KeyError."""
    if code not in LANGUAGES:
        raise KeyError(code)
    return import_module(f"{__name__}.{code}")


def stop_words() -> frozenset:
    """Function words of every supported language."""
    out: set[str] = set()
    for code in LANGUAGES:
        out |= get(code).STOP_WORDS
    return frozenset(out)
