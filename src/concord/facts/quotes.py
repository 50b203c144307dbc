"""Quotations: text inside “ ” " " « » ‘ ’ ' ', with the speaker where the sentence names one.

Straight single quotation marks (British news style: ``Jones said: 'We will appeal.'``)
are told from apostrophes by where they stand: an opening mark follows no letter and
precedes one (or an opening ``¿`` / ``¡``), a closing mark follows no space and precedes
no letter; an apostrophe between two letters (``won't``, ``people's``) stays inside the
quote.

Short quoted words ("narcoterrorism", "de alto perfil") are labels, not quotes: a quote
has at least four words.
"""

from __future__ import annotations

import re

from .. import lang
from ..lang import LANGUAGES
from .base import Fact

_PAIRS = [("“", "”"), ("«", "»"), ('"', '"'), ("‘", "’")]
_QUOTE = re.compile(
    r"“(?P<a>[^“”]+?)”|«(?P<b>[^«»]+?)»|\"(?P<c>[^\"\n]+?)\"|‘(?P<d>[^‘’]+?)’(?!\w)"
    r"|(?<![\w'])'(?P<e>[¿¡]?[^\W_](?:[^'\n]|(?<=\w)'(?=\w))*?(?<=\S))'(?!\w)")
_GROUPS = "abcde"
# speech verbs and name particles come from the language profiles (lang/xx/)
_VERBS = "|".join(v for code in LANGUAGES for v in lang.get(code).SPEECH_VERBS)
_VERBS_AFTER = "|".join(v for code in LANGUAGES for v in lang.get(code).SPEECH_VERBS_AFTER)
_PARTICLES = "|".join(dict.fromkeys(w for code in LANGUAGES for w in lang.get(code).quotes.SPEAKER_PARTICLES))
_CAP = rf"[{lang.UPPER}][\w'’-]+"
_SPEAKER = re.compile(
    rf"(?:\b(?:{_VERBS})\b[^.\"“”«»]*?)"
    rf"(?P<name>(?:{_CAP})(?:\s+(?:{_PARTICLES})?\s*{_CAP})*)"
    rf"|(?P<name2>(?:{_CAP})(?:\s+{_CAP})*)\s+"
    rf"(?:{_VERBS_AFTER})\b")
# lower-case words a name in quotes may hold: "Cártel de Sinaloa" is a label
_NAME_WORDS = frozenset(w for code in LANGUAGES for w in lang.get(code).quotes.NAME_WORDS)

MIN_WORDS = 4


def extract_quotes(text: str, language: str | None = None) -> list[Fact]:
    """Quotes of four words or more, with ``speaker`` set when the text names one."""
    out = []
    for m in _QUOTE.finditer(text):
        group = next(g for g in _GROUPS if m.group(g) is not None)
        inner = m.group(group)
        words = re.findall(r"[^\W\d_][\w'’-]*", inner)
        if len(words) < MIN_WORDS or all(w[0].isupper() or w.lower() in _NAME_WORDS for w in words):
            continue  # a label or a name in quotes, not a quotation
        a, b = m.start(group), m.end(group)
        # French sets guillemets off with (no-break) spaces inside: « Oui »; not the quote's
        a += len(inner) - len(inner.lstrip())
        b -= len(inner) - len(inner.rstrip())
        outside = text[:m.start()] + " " + text[m.end():]
        sp = _SPEAKER.search(outside)
        speaker = (sp.group("name") or sp.group("name2")) if sp else None
        out.append(Fact("quote", inner.strip(), a, b, text[a:b], None, speaker=speaker))
    return out


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Every span of ``text`` inside quotation marks, however short (titles, terms and
    quotes alike): the offsets of the text between the marks."""
    out = []
    for m in _QUOTE.finditer(text):
        group = next(g for g in _GROUPS if m.group(g) is not None)
        out.append((m.start(group), m.end(group)))
    return out


# a quotation mark that opens or closes a quote running over several sentences: any
# double or guillemet mark, an opening curly single mark, a straight single mark that
# opens the sentence (a closing curly single mark is also the apostrophe)
_LONE_MARK = re.compile(r"[“”«»\"‘]|^\W*'(?=[^\W\d_])")


def has_quotation(text: str) -> bool:
    """``text`` quotes something: a span in quotation marks, however short, or a lone
    mark of a quotation that runs over several sentences."""
    return bool(quoted_spans(text)) or bool(_LONE_MARK.search(text))

