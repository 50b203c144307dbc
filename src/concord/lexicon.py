"""A Spanish-English lexicon built from the data Debian's ``apertium-eng-spa`` ships (and read
from French and Portuguese through the pairs that take them to Spanish).

The aligner needs to know that ``detenidos`` and ``arrested`` translate each other even
where the machine translation of the sentence is garbled. Apertium's compiled morphological
analysers (``spa-eng.automorf.bin``, ``eng-spa.automorf.bin``) and bilingual dictionaries
(``spa-eng.autobil.bin``, ``eng-spa.autobil.bin``) hold exactly that knowledge; this module
queries them with ``lt-proc`` once and keeps the result on disk.

How it is built (first use, then cached):

1. The word forms to cover are the most frequent ones of each language in ``wordfreq``
   (``VOCABULARY`` forms each; a list the project already depends on, so nothing in the
   lexicon comes from any evaluation text).
2. ``lt-proc -a`` analyses every form into lemmas with tags (``detenidos`` ->
   ``detenido<n><m><pl>``, ``detener<vblex><pp><m><pl>``).
3. ``lt-proc -b`` looks every distinct analysis up in the bilingual dictionary of its own
   direction (``detenido<n>`` -> ``arrested person``, ``detener<vblex>`` -> ``detain``,
   ``remand``, ``stop``); the English->Spanish dictionary is also read backwards, so a
   Spanish lemma gets the English lemmas whose translation it is (``arrestar`` <- ``arrest``).
4. Every English word of a translation becomes a *key*: its folded five-letter stem (the
   same crude stem the aligner uses for MT text, so lexicon keys and MT words meet). An
   English form's keys are the stems of the form and of its lemmas (``held`` -> ``held``,
   ``hold``); a Spanish form's keys are the stem of the form itself (names, numbers,
   cognates) and the stems of its translations.
5. A form all of whose analyses are closed-class (determiners, prepositions, pronouns,
   conjunctions, auxiliaries: Apertium's tags) is a function word and carries no evidence.
6. A profiled language Apertium translates into Spanish (French with ``apertium-fr-es``,
   Portuguese with ``apertium-es-pt``: the route its text takes to English) gets a table of
   its own through that pair: its forms are analysed by the pair's analyser, each analysis
   looked up in the pair's bilingual dictionary, and a form's keys are those of the Spanish
   lemmas it translates to (``enfants`` -> ``niño`` -> *child*, *boy*, *kid*) and its own
   stem.

The result is a JSON file ``lexicon-spa-eng-<version>.json`` in the cache folder
(``CONCORD_CACHE_DIR`` or the user cache directory, beside the translation cache); its
version is a digest of the Apertium binaries, so a new package rebuilds it. Building takes
about 3 s on one core (two ``lt-proc`` runs per direction over 100,000 forms); loading the
cached file about 0.3 s. Without Apertium, :func:`get_lexicon` returns ``None`` and the
aligner does without lexical evidence.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

from . import lang
from .text import fold, stem

# Forms per language taken from wordfreq's frequency lists: 100,000 covers the running
# words of news text to well above 99% (wordfreq's own coverage figures), and the build
# stays a few seconds. Rarer forms fall back to their own stem (names, numbers, cognates).
VOCABULARY = 100_000
# Apertium part-of-speech tags of closed word classes (Apertium's tag set documentation):
# determiners, prepositions, pronouns, conjunctions, relatives, the verbs "ser"/"be" and
# "haber"/"have" as auxiliaries, modal verbs, predeterminers, numerals written as words
# keep their own analysis elsewhere. A form with only such analyses is a function word.
CLOSED_TAGS = frozenset({"det", "pr", "prn", "cnjcoo", "cnjsub", "cnjadv", "rel", "vbser",
                         "vbhaver", "vaux", "vbmod", "predet", "preadv", "itg", "def", "ind",
                         "pos", "dem", "qnt"})
FORMAT = 3  # bump when the file layout or the rules above change
# The Apertium pair the lexicon is read from, and the profiles of its two languages (by
# their ``APERTIUM`` codes): source forms get the target's stems as keys.
_PAIR = "spa-eng"
_SOURCE, _TARGET = (next(code for code in lang.LANGUAGES if part == lang.get(code).APERTIUM)
                    for part in _PAIR.split("-"))

_ENTRY = re.compile(r"\^(.*?)\$")
_WORDS = re.compile(r"[^\W\d_]+", re.U)


@cache
def _routed() -> tuple[tuple[str, Path, str], ...]:
    """The profiled languages other than the pair's two that an installed Apertium pair
    translates into the pair's source language (French, Portuguese into Spanish): (code,
    folder of the pair's compiled files, the pair's file prefix: ``fr-es``), read from the
    pair's mode file (whose name is ISO 639-3, ``fra-spa``, or the older two-letter one)."""
    out = []
    for code in lang.LANGUAGES:
        if code in (_SOURCE, _TARGET):
            continue
        names = (f"{lang.get(code).APERTIUM}-{lang.get(_SOURCE).APERTIUM}", f"{code}-{_SOURCE}")
        for base in ("/usr/share/apertium/modes", "/usr/local/share/apertium/modes"):
            found = None
            for name in names:
                mode = Path(base) / f"{name}.mode"
                if not mode.exists():
                    continue
                m = re.search(r"'([^']+)/([^'/]+)\.automorf\.bin'", mode.read_text(encoding="utf-8"))
                if m and Path(m.group(1), f"{m.group(2)}.autobil.bin").exists():
                    found = (code, Path(m.group(1)), m.group(2))
                    break
            if found:
                out.append(found)
                break
    return tuple(out)


@cache
def _data_dir() -> Path | None:
    """The folder of the spa-eng pair's compiled files, read from its Apertium mode file
    (once per process: the installed pair does not change during a run, and the checks ask
    for the lexicon thousands of times)."""
    if not shutil.which("lt-proc"):
        return None
    for base in ("/usr/share/apertium/modes", "/usr/local/share/apertium/modes"):
        mode = Path(base) / "spa-eng.mode"
        if mode.exists():
            m = re.search(r"'([^']+)/spa-eng\.automorf\.bin'", mode.read_text(encoding="utf-8"))
            if m and Path(m.group(1), "eng-spa.autobil.bin").exists():
                return Path(m.group(1))
    return None


@cache
def _version(data: Path) -> str:
    digest = hashlib.sha256(f"format {FORMAT} vocabulary {VOCABULARY}".encode())
    files = [data / name for name in ("spa-eng.automorf.bin", "eng-spa.automorf.bin", "spa-eng.autobil.bin",
                                      "eng-spa.autobil.bin")]
    files += [folder / f"{prefix}.{kind}.bin" for _, folder, prefix in _routed() for kind in ("automorf", "autobil")]
    for path in files:
        st = path.stat()
        digest.update(f"{path.name}:{st.st_size}:{int(st.st_mtime)}".encode())
    return digest.hexdigest()[:16]


def _lt_proc(flag: str, binary: Path, payload: str) -> list[str]:
    """The entries ``lt-proc`` writes for ``payload``. An ``lt-proc`` that dies (killed, out
    of memory) is run again once; dying twice is an error (one line), never a lexicon built
    from half its output or none, which would change the alignment scores silently."""
    for _ in range(2):
        p = subprocess.run(["lt-proc", flag, str(binary)], input=payload, capture_output=True,
                           text=True, encoding="utf-8", timeout=300, check=False)
        if p.returncode == 0:
            return _ENTRY.findall(p.stdout)
    from .errors import BackendError

    how = f"killed by signal {-p.returncode}" if p.returncode < 0 else f"exit status {p.returncode}"
    raise BackendError(f"lt-proc {flag} {binary.name} failed twice ({how}): the Spanish-English lexicon "
                       "cannot be built")


def _analyse(data: Path, pair: str, forms: list[str]) -> dict[str, list[str]]:
    """Surface form -> its analyses (``lemma<tag>...``), first parts of compounds only."""
    out: dict[str, list[str]] = {}
    for entry in _lt_proc("-a", data / f"{pair}.automorf.bin", "\n".join(forms) + "\n"):
        surface, *analyses = entry.split("/")
        if not analyses or analyses[0].startswith("*"):
            continue
        out.setdefault(surface, [a.split("+")[0] for a in analyses])
    return out


def _translate(data: Path, pair: str, analyses: set[str]) -> dict[str, list[str]]:
    """Analysis -> the lemmas of its translations in the bilingual dictionary."""
    items = sorted(analyses)
    out: dict[str, list[str]] = {}
    got = _lt_proc("-b", data / f"{pair}.autobil.bin", " ".join(f"^{a}$" for a in items))
    for entry in got:
        src, *targets = entry.split("/")
        lemmas = [t.split("<")[0].replace("#", "") for t in targets if not t.startswith("@")]
        if lemmas:
            out[src] = lemmas
    return out


def _lemma(analysis: str) -> str:
    return analysis.split("<")[0]


def _closed(analysis: str) -> bool:
    tags = re.findall(r"<([^>]+)>", analysis)
    return bool(tags) and tags[0] in CLOSED_TAGS


def _keys(words) -> set[str]:
    return {stem(fold(w)) for text in words for w in _WORDS.findall(text) if len(w) > 1}


def build(data: Path) -> dict:
    """Query Apertium and return the lexicon as plain data (see the module docstring)."""
    import wordfreq

    def vocabulary(code):
        return [w for w in wordfreq.top_n_list(code, VOCABULARY) if _WORDS.fullmatch(w)]

    es_forms, en_forms = vocabulary(_SOURCE), vocabulary(_TARGET)
    es_an = _analyse(data, "spa-eng", es_forms)
    en_an = _analyse(data, "eng-spa", en_forms)
    es_tr = _translate(data, "spa-eng", {a for v in es_an.values() for a in v})
    en_tr = _translate(data, "eng-spa", {a for v in en_an.values() for a in v})
    # the English->Spanish dictionary read backwards: Spanish lemma -> English lemmas
    back: dict[str, set[str]] = {}
    for src, targets in en_tr.items():
        for t in targets:
            back.setdefault(fold(t), set()).add(_lemma(src))
    # stems of English function words ("out" of "carry out") are no translation keys
    function = _keys(f for f, analyses in en_an.items() if all(_closed(a) for a in analyses))
    es: dict[str, list] = {}
    for form, analyses in es_an.items():
        if all(_closed(a) for a in analyses):
            es[form] = []
            continue
        english: set[str] = set()
        for a in analyses:
            if _closed(a):
                continue
            english.update(es_tr.get(a, ()))
            english.update(back.get(fold(_lemma(a)), ()))
        es[form] = sorted((_keys(english) - function) | _keys([form]))
    en: dict[str, list] = {}
    for form, analyses in en_an.items():
        if all(_closed(a) for a in analyses):
            en[form] = []
            continue
        en[form] = sorted(_keys([_lemma(a) for a in analyses if not _closed(a)]) | _keys([form]))
    out = {"format": FORMAT, _SOURCE: es, _TARGET: en}
    for code, folder, prefix in _routed():
        out[code] = _routed_table(folder, prefix, vocabulary(code), es)
    return out


def _routed_table(folder: Path, prefix: str, forms: list[str], source: dict[str, list]) -> dict[str, list]:
    """The table of a language translated into the source language by the pair ``prefix``
    (``fr-es``): a form's keys are those of the source lemmas its analyses translate to
    (their own stems where the source table lacks them) and its own stem; a form whose
    analyses are all closed-class has none."""
    analyses = _analyse(folder, prefix, forms)
    lemmas = _translate(folder, prefix, {a for v in analyses.values() for a in v if not _closed(a)})
    table: dict[str, list] = {}
    for form, found in analyses.items():
        if all(_closed(a) for a in found):
            table[form] = []
            continue
        keys = _keys([form])
        for a in found:
            for lemma in lemmas.get(a, ()):
                known = source.get(lemma.lower())
                keys |= set(known) if known is not None else _keys([lemma])
        table[form] = sorted(keys)
    return table


class Lexicon:
    """Word form -> translation keys (folded five-letter stems of English lemmas)."""

    def __init__(self, data: dict):
        table: dict[tuple, frozenset] = {}

        def intern(keys):
            t = tuple(keys)
            got = table.get(t)
            if got is None:
                got = table[t] = frozenset(keys)
            return got

        self._forms = {code: {f: intern(k) for f, k in table.items()}
                       for code, table in data.items() if code != "format"}

    def keys(self, word: str, lang: str) -> frozenset | None:
        """The keys of a word in ``lang`` (either language of the pair); an empty set for a
        function word, None for a form the lexicon does not know."""
        forms = self._forms.get(lang)
        if forms is None:
            return None
        return forms.get(word.lower())

    def __len__(self) -> int:
        return sum(len(v) for v in self._forms.values())


def cache_path(version: str) -> Path:
    env = os.environ.get("CONCORD_CACHE_DIR")
    if env:
        base = Path(env)
    else:
        from platformdirs import user_cache_dir

        base = Path(user_cache_dir("concord", appauthor=False))
    return base / f"lexicon-spa-eng-{version}.json"


_LOADED: dict[str, Lexicon | None] = {}


def get_lexicon() -> Lexicon | None:
    """The Spanish-English lexicon (built on first use, then read from the cache), or None
    when Apertium's spa-eng data or ``lt-proc`` is not installed."""
    data = _data_dir()
    if data is None:
        return None
    version = _version(data)
    if version in _LOADED:
        return _LOADED[version]
    path = cache_path(version)
    lex = None
    if path.exists():
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if raw.get("format") == FORMAT:
                lex = Lexicon(raw)
        except (OSError, ValueError):
            lex = None
    if lex is None:
        try:
            raw = build(data)
        except (OSError, subprocess.SubprocessError):
            _LOADED[version] = None
            return None
        from .fsutil import atomic_write

        atomic_write(path, json.dumps(raw, ensure_ascii=False, separators=(",", ":")))
        lex = Lexicon(raw)
    _LOADED[version] = lex
    return lex
