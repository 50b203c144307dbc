"""Apertium, the offline default: Debian's ``apertium`` with ``apertium-eng-spa``.

One ``apertium -f line`` process translates a whole batch, one sentence per line. Every
sentence line is followed by a sentinel line (a made-up word with its number and a full
stop): the full stop is a sentence boundary, so Apertium's transfer rules never move words
from one sentence into the next (a line ending in "EE.UU." before one starting "Fuerte
sismo"), and the sentinel coming back in its place proves each output line belongs to its
input line. A batch that does not verify is split in two and each half retried, so a bad
line costs a few extra processes, never one per sentence. Characters Apertium mishandles
(noncharacters such as U+FFFF, which ends its input, controls, surrogates, private-use and
unassigned code points) are replaced by a space before sending. Output that still cannot
be verified is returned as :class:`~.cache.Uncacheable` (the source text), never cached.

Apertium marks unknown words with ``*``, generation errors with ``#`` and untranslated
dictionary entries with ``@``; those marks are removed, so names and numbers come through
as they were written.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..errors import BackendError
from .base import Translator
from .cache import Uncacheable

ISO_TO_APERTIUM = {"es": "spa", "en": "eng", "ca": "cat", "pt": "por", "fr": "fra",
                   "it": "ita", "gl": "glg"}

_MARK = re.compile(r"(?<![\w*#@])[*#@](?=[\w¿¡\"“«'])")


def clean_output(line: str) -> str:
    """Remove Apertium's unknown-word (*), generation (#) and untranslated (@) marks."""
    return _MARK.sub("", line).strip()


@lru_cache(maxsize=1)
def _modes() -> tuple[str, ...]:
    exe = shutil.which("apertium")
    if not exe:
        return ()
    try:
        out = subprocess.run([exe, "-l"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    return tuple(line.strip() for line in out.splitlines() if line.strip())


def _mode(source: str, target: str) -> str:
    return f"{ISO_TO_APERTIUM.get(source, source)}-{ISO_TO_APERTIUM.get(target, target)}"


class ApertiumTranslator(Translator):
    name = "apertium"

    def __init__(self, timeout: float = 600.0):
        self.timeout = timeout

    def available(self, source: str, target: str) -> bool:
        return _mode(source, target) in _modes()

    def install_hint(self) -> str:
        return "sudo apt-get install apertium apertium-eng-spa"

    @lru_cache(maxsize=8)
    def version(self, source: str, target: str) -> str:
        mode = _mode(source, target)
        digest = hashlib.sha256()
        for base in ("/usr/share/apertium/modes", "/usr/local/share/apertium/modes"):
            path = Path(base) / f"{mode}.mode"
            if path.exists():
                text = path.read_text(encoding="utf-8", errors="replace")
                digest.update(text.encode())
                for binpath in re.findall(r"'([^']+\.bin)'", text):
                    try:
                        st = Path(binpath).stat()
                        digest.update(f"{binpath}:{st.st_size}:{int(st.st_mtime)}".encode())
                    except OSError:
                        pass
                break
        return f"{mode}:{digest.hexdigest()[:16]}"

    def _translate(self, texts: list[str], source: str, target: str) -> list[str]:
        if not self.available(source, target):
            raise BackendError(
                f"apertium: no {_mode(source, target)} pair installed "
                f"(install it with: {self.install_hint()})")
        lines = [sanitize(t) for t in texts]
        out: list[str | None] = [None] * len(lines)
        todo = [i for i, line in enumerate(lines) if line]
        for i, line in enumerate(lines):
            if not line:
                out[i] = ""
        self._batch(todo, lines, out, source, target)
        return [texts[i] if o is None else o for i, o in enumerate(out)]

    def _batch(self, idx: list[int], lines: list[str], out: list, source: str, target: str) -> None:
        """Translate ``lines[i]`` for every i in ``idx`` into ``out[i]``; split on failure."""
        if not idx:
            return
        got = self._run([lines[i] for i in idx], source, target)
        if got is not None:
            for i, tr in zip(idx, got):
                out[i] = tr
            return
        if len(idx) == 1:
            # Cannot be verified even alone: keep the source text, and never cache it.
            out[idx[0]] = Uncacheable(lines[idx[0]])
            return
        mid = len(idx) // 2
        self._batch(idx[:mid], lines, out, source, target)
        self._batch(idx[mid:], lines, out, source, target)

    def _run(self, lines: list[str], source: str, target: str) -> list[str] | None:
        """One Apertium process for ``lines`` (non-empty, sanitised); the translations, or
        None when the output does not verify against the sentinels."""
        tag = _tag(lines)
        payload = "".join(f"{line}\n{tag}{k}{tag}.\n" for k, line in enumerate(lines))
        try:
            proc = subprocess.run(
                ["apertium", "-f", "line", _mode(source, target)], input=payload,
                capture_output=True, text=True, encoding="utf-8", errors="replace",
                timeout=self.timeout)
        except subprocess.TimeoutExpired:
            raise BackendError(f"apertium: timed out after {self.timeout:.0f}s") from None
        except OSError as exc:
            raise BackendError(f"apertium: cannot run ({exc})") from None
        if proc.returncode != 0:
            if len(lines) > 1:
                return None  # maybe one line it chokes on: the halves will tell
            first = (proc.stderr.strip().splitlines() or ["unknown error"])[0]
            raise BackendError(f"apertium: failed ({first})")
        return verify(proc.stdout, len(lines), tag)


# Characters never sent to Apertium: controls (Cc), format characters (Cf, e.g. zero-width
# space, soft hyphen), surrogates (Cs), private use (Co) and unassigned code points,
# noncharacters included (Cn: U+FFFF ends Apertium's input).
_DROP = {"Cc", "Cf", "Cs", "Co", "Cn"}


def sanitize(text: str) -> str:
    """``text`` on one line, with the characters Apertium mishandles replaced by a space."""
    if not text.isascii():
        text = "".join(" " if unicodedata.category(ch) in _DROP else ch for ch in text)
    else:
        text = "".join(" " if ord(ch) < 32 or ord(ch) == 127 else ch for ch in text)
    return " ".join(text.split())


def _tag(lines: list[str]) -> str:
    """A made-up word (letters only) that occurs in none of ``lines``."""
    n = 0
    while True:
        tag = "qzx" + "".join(chr(ord("a") + int(d)) for d in str(n)) + "xzq" if n else "qzxzq"
        if not any(tag in line.lower() for line in lines):
            return tag
        n += 1


def verify(stdout: str, n: int, tag: str) -> list[str] | None:
    """The ``n`` translations of a sentinel-interleaved Apertium output, or None when a
    sentinel is missing or out of place, or a sentence came back empty."""
    rows = stdout.split("\n")
    if rows and rows[-1] == "":
        rows.pop()
    if len(rows) != 2 * n:
        return None
    out = []
    for k in range(n):
        tr, sentinel = rows[2 * k], rows[2 * k + 1]
        if clean_output(sentinel).rstrip(".").strip() != f"{tag}{k}{tag}":
            return None
        tr = clean_output(tr)
        if not tr:
            return None
        out.append(tr)
    return out
