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
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

LANGUAGES = ("en", "es")
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


def stop_words() -> frozenset:
    """Function words of every supported language."""
    out: set[str] = set()
    for code in LANGUAGES:
        out |= get(code).STOP_WORDS
    return frozenset(out)


#: Capital letters of every profile's orthography, as a character-class body
#: (``f"[{UPPER}]"``): where a pattern must find a capitalised word in any language.
UPPER = _upper_class()
