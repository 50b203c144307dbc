"""All language knowledge lives in ``src/concord/lang/``.

Outside that package the code asks a profile (``lang.get(code)``) and never

* names a language code: no ``"es"``/``"en"`` literal (any profile's code), so no
  ``if language == "es"`` branch;
* keeps a word list of its own: a collection of strings, a ``"...".split()`` or a regex
  alternation that holds closed-class words of a profile (``the``, ``de``, ``not``) or two
  or more words of a non-English profile's language and not of the others (by wordfreq;
  English content words are also the code's identifiers, so English vocabulary is caught by
  its closed-class words).

Docstrings and comments are prose and may quote words. A new language's profile then
reaches every stage without an edit elsewhere.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from wordfreq import zipf_frequency

from concord import lang

SRC = Path(__file__).resolve().parent.parent / "src" / "concord"
CODES = set(lang.LANGUAGES)
FUNCTION_WORDS = {w for code in lang.LANGUAGES for w in lang.get(code).STOP_WORDS if len(w) > 1}
_WORD = re.compile(r"^[^\W\d_]{2,}$")


def _sources() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "lang" not in p.relative_to(SRC).parts[:1])


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


# The code is written in English, so English content words are also its identifiers
# (check ids, categories, field names): content words count for the other languages only,
# and English vocabulary is caught by its closed-class words.
CODE_LANGUAGE = "en"


def _own_language(word: str) -> bool:
    """A word of one non-English profile's language only (wordfreq): 'ayer', not 'radio'."""
    low = word.lower()
    freqs = {code: zipf_frequency(low, code) for code in lang.LANGUAGES}
    best = max(freqs, key=freqs.__getitem__)
    rest = max((f for code, f in freqs.items() if code != best), default=0.0)
    return best != CODE_LANGUAGE and freqs[best] >= 3.0 and freqs[best] - rest >= 1.5


def _knows_words(words: list[str]) -> bool:
    words = [w for w in words if _WORD.match(w)]
    if len(words) < 3:
        return False
    closed = sum(w.lower() in FUNCTION_WORDS for w in words)
    own = sum(_own_language(w) for w in words)
    return closed >= 2 or own >= 2


def _string_lists(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            strs = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(strs) >= 3:
                yield node.lineno, strs
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "split" and isinstance(node.func.value, ast.Constant)
              and isinstance(node.func.value.value, str)):
            yield node.lineno, node.func.value.value.split()


def _regex_alternations(tree: ast.AST, docs: set[int]):
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
                and node.value.count("|") >= 2 and re.search(r"\\[bsw]|\(\?", node.value)):
            yield node.lineno, re.split(r"[|()?:\\\s]+", node.value)


def test_no_language_code_literal_outside_lang():
    found = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and node.value in CODES and id(node) not in docs):
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.value!r}")
    assert found == []


def test_no_word_list_outside_lang():
    found = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for line, words in [*_string_lists(tree), *_regex_alternations(tree, docs)]:
            if _knows_words(words):
                found.append(f"{path.relative_to(SRC)}:{line}: {' '.join(words[:6])}")
    assert found == []


def test_the_detectors_flag_what_they_should():
    """The two tests above can fail: they see a list and a literal of the kind they ban."""
    tree = ast.parse('if x == "es":\n    W = {"ayer", "mañana", "según", "además"}\n'
                     'R = r"\\b(?:the|of|and)\\b"\n')
    assert [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value in CODES] == ["es"]
    assert [_knows_words(w) for _, w in _string_lists(tree)] == [True]
    assert [_knows_words(w) for _, w in _regex_alternations(tree, set())] == [True]
    assert not _knows_words(["number", "name", "date", "quote"])  # identifiers, not vocabulary
