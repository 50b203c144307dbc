"""Apertium, the offline default: Debian's ``apertium`` with ``apertium-eng-spa``.

One ``apertium -f line`` process translates a whole batch, one sentence per line, so the
output maps back to the sentences exactly. Apertium marks unknown words with ``*``,
generation errors with ``#`` and untranslated dictionary entries with ``@``; those marks
are removed, so names and numbers come through as they were written.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from ..errors import BackendError
from .base import Translator

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
        lines = [" ".join(t.split()) for t in texts]
        # An empty line stays empty; Apertium keeps the line count with -f line.
        payload = "\n".join(lines) + "\n"
        try:
            proc = subprocess.run(
                ["apertium", "-f", "line", _mode(source, target)], input=payload,
                capture_output=True, text=True, encoding="utf-8", timeout=self.timeout)
        except subprocess.TimeoutExpired:
            raise BackendError(f"apertium: timed out after {self.timeout:.0f}s") from None
        except OSError as exc:
            raise BackendError(f"apertium: cannot run ({exc})") from None
        if proc.returncode != 0:
            first = (proc.stderr.strip().splitlines() or ["unknown error"])[0]
            raise BackendError(f"apertium: failed ({first})")
        out = proc.stdout.split("\n")
        if out and out[-1] == "":
            out.pop()
        if len(out) != len(lines):
            # Should not happen with -f line; fall back to one line per call to stay exact.
            if len(lines) == 1:
                return [clean_output(" ".join(out))]
            return [self._translate([t], source, target)[0] for t in lines]
        return [clean_output(line) for line in out]
