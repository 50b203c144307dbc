"""Apertium, the offline default: Debian's ``apertium`` with ``apertium-eng-spa``.

One long-lived Apertium pipeline per process and language pair, in null-flush mode: the
mode's programs are started once (the command ``apertium-wblank-mode -z`` writes for the
installed ``.mode`` file), and each batch of sentences is written to it as one block ended by
a NUL byte, after which every program flushes its output. Concord does the text format's
deformatting and reformatting itself (what ``apertium -f line`` does with ``apertium-destxt``
and ``apertium-retxt``: escapes, superblanks, one line per sentence), so the output is the
same as ``apertium -f line`` on the same lines (a test compares them), without starting ten
processes for every batch. Where ``apertium-wblank-mode`` is missing, each batch runs
``apertium -f line`` once.

Every sentence line is followed by a sentinel line (a made-up word with its number and a full
stop): the full stop is a sentence boundary, so Apertium's transfer rules never move words
from one sentence into the next (a line ending in "EE.UU." before one starting "Fuerte
sismo"), and the sentinel coming back in its place proves each output line belongs to its
input line. A batch that does not verify is split in two and each half retried, so a bad
line costs a few extra round trips, never one per sentence. Characters Apertium mishandles
(noncharacters such as U+FFFF, which ends its input, controls, surrogates, private-use and
unassigned code points) are replaced by a space before sending. Output that still cannot
be verified is returned as :class:`~.cache.Uncacheable` (the source text), never cached.

Apertium marks unknown words with ``*``, generation errors with ``#`` and untranslated
dictionary entries with ``@``; those marks are removed, so names and numbers come through
as they were written.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import re
import select
import shutil
import subprocess
import threading
import time
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import IO

from ..errors import BackendError
from ..lang import LANGUAGES
from ..lang import get as get_profile
from ..lang.codes import ISO_639_3 as ISO_TO_APERTIUM
from .base import Translator
from .cache import Uncacheable

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
    """The installed mode of a pair: Apertium names pairs with ISO 639-3 codes (``spa-eng``);
    older packages kept the two-letter name (``fr-es``, ``pt-es``)."""
    mode = f"{ISO_TO_APERTIUM.get(source, source)}-{ISO_TO_APERTIUM.get(target, target)}"
    short = f"{source}-{target}"
    return short if mode not in _modes() and short in _modes() else mode


MODE_DIRS = ("/usr/share/apertium/modes", "/usr/local/share/apertium/modes")


def _mode_file(mode: str) -> Path | None:
    for base in MODE_DIRS:
        path = Path(base) / f"{mode}.mode"
        if path.exists():
            return path
    return None


class ApertiumTranslator(Translator):
    name = "apertium"

    def __init__(self, timeout: float = 600.0):
        self.timeout = timeout

    def available(self, source: str, target: str) -> bool:
        return _mode(source, target) in _modes()

    def install_hint(self) -> str:
        packages = [p for code in LANGUAGES for p in get_profile(code).APERTIUM_PACKAGES]
        return "sudo apt-get install apertium " + " ".join(dict.fromkeys(packages))

    # Translators live as long as the process and are few; the cache is keyed by instance.
    @lru_cache(maxsize=8)  # noqa: B019 - see above
    def version(self, source: str, target: str) -> str:
        mode = _mode(source, target)
        digest = hashlib.sha256()
        path = _mode_file(mode)
        if path is not None:
            text = path.read_text(encoding="utf-8", errors="replace")
            digest.update(text.encode())
            for binpath in re.findall(r"'([^']+\.bin)'", text):
                try:
                    st = Path(binpath).stat()
                    digest.update(f"{binpath}:{st.st_size}:{int(st.st_mtime)}".encode())
                except OSError:
                    pass
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

    def _batch(self, idx: list[int], lines: list[str], out: list[str | None], source: str, target: str) -> None:
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
        """Translate ``lines`` (non-empty, sanitised) in one round trip; the translations, or
        None when the output does not verify against the sentinels."""
        tag = _tag(lines)
        mode = _mode(source, target)
        pipe = _pipeline(mode, self.timeout)
        if pipe is None:
            stdout = self._oneshot(lines, tag, mode)
        else:
            stdout = pipe.translate(deformat(_with_sentinels(lines, tag)))
            if stdout is None:  # the pipeline died on this input (it is restarted next time)
                if len(lines) > 1:
                    return None
                stdout = self._oneshot(lines, tag, mode)
            else:
                stdout = reformat(stdout)
        return None if stdout is None else verify(stdout, len(lines), tag)

    def _oneshot(self, lines: list[str], tag: str, mode: str) -> str | None:
        """``apertium -f line`` once on ``lines``: its output, or None when it failed on a
        batch of several lines (the halves will tell which)."""
        payload = "".join(f"{line}\n" for line in _with_sentinels(lines, tag))
        try:
            proc = subprocess.run(
                ["apertium", "-f", "line", mode], input=payload,
                capture_output=True, text=True, encoding="utf-8", errors="replace",
                timeout=self.timeout)
        except subprocess.TimeoutExpired:
            raise BackendError(f"apertium: timed out after {self.timeout:.0f}s") from None
        except OSError as exc:
            raise BackendError(f"apertium: cannot run ({exc})") from None
        if proc.returncode != 0:
            if len(lines) > 1:
                return None
            first = (proc.stderr.strip().splitlines() or ["unknown error"])[0]
            raise BackendError(f"apertium: failed ({first})")
        return proc.stdout


def _with_sentinels(lines: list[str], tag: str) -> list[str]:
    out = []
    for k, line in enumerate(lines):
        out += [line, f"{tag}{k}{tag}."]
    return out


# --- the text format, as apertium-destxt -n / apertium-retxt (with ``-f line``) write it ---

_ESCAPE = re.compile(r"([\\\[\]^$@/<>{}])")
_BLANK = re.compile(r"[ ~\n]*[~\n][ ~\n]*")
_UNFORMAT = re.compile(r"\\(.)|\.\[\]|\[([^\]]*)\]", re.S)


def deformat(lines: list[str]) -> str:
    """``lines`` (sanitised: single spaces, no controls) in Apertium's stream format, as
    ``apertium -f line`` deformats them: the stream's special characters escaped, newlines and
    tildes (with the spaces around them) in superblanks, an empty superblank before each
    line end."""
    text = "\n".join(lines) + "\n"
    parts, pos = [], 0
    for m in _BLANK.finditer(text):
        parts.append(_ESCAPE.sub(r"\\\1", text[pos:m.start()]))
        blank = m.group(0)
        lead = "[]" if m.end() == len(text) else ""
        parts.append(lead + ("[][" if blank.startswith("\n") else "[") + blank + "]")
        pos = m.end()
    parts.append(_ESCAPE.sub(r"\\\1", text[pos:]))
    return "".join(parts)


def reformat(stream: str) -> str:
    """Apertium's output stream back to text, as ``apertium-retxt`` does: escapes undone,
    superblanks replaced by their content, and a full stop before an empty superblank (the
    one the deformatter put at each line end) dropped."""
    def one(m: re.Match[str]) -> str:
        literal: str | None = m.group(1)
        if literal is not None:
            return literal
        content: str | None = m.group(2)
        return content or ""
    return _UNFORMAT.sub(one, stream)


class _Pipeline:
    """One long-lived Apertium pipeline in null-flush mode: a block of text ended by NUL in,
    its translation ended by NUL out."""

    def __init__(self, script: str, timeout: float):
        self.script = script
        self.timeout = timeout
        self.lock = threading.Lock()
        self.proc: subprocess.Popen[bytes] | None = None

    def _start(self) -> subprocess.Popen[bytes]:
        # The mode script's $1 is the generator's option (-g: mark generation errors with #,
        # as the apertium command does by default), $2 the tagger's extra option (none).
        return subprocess.Popen(["bash", "-c", self.script, "apertium", "-g", ""],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, env=dict(os.environ, LC_ALL="C.UTF-8"))

    def translate(self, stream: str) -> str | None:
        """The output stream for ``stream``, or None if the pipeline died on it."""
        with self.lock:
            if self.proc is None or self.proc.poll() is not None:
                try:
                    self.proc = self._start()
                except OSError as exc:
                    raise BackendError(f"apertium: cannot run ({exc})") from None
            proc = self.proc
            data = stream.replace("\0", " ").encode("utf-8") + b"\0"
            writer = threading.Thread(target=_write, args=(proc.stdin, data), daemon=True)
            writer.start()
            out = bytearray()
            assert proc.stdout is not None  # started with stdout=PIPE
            fd = proc.stdout.fileno()
            deadline = time.monotonic() + self.timeout
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    self.close()
                    raise BackendError(f"apertium: timed out after {self.timeout:.0f}s")
                ready, _, _ = select.select([fd], [], [], min(left, 1.0))
                if not ready:
                    continue
                chunk = os.read(fd, 1 << 16)
                if not chunk:  # the pipeline ended: this input killed one of its programs
                    writer.join(1)
                    self.close()
                    return None
                out += chunk
                if out.endswith(b"\0"):
                    break
            writer.join()
            return out[:-1].decode("utf-8", errors="replace")

    def close(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        for f in (proc.stdin, proc.stdout):
            try:
                if f is not None:
                    f.close()
            except OSError:
                pass
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _write(f: IO[bytes], data: bytes) -> None:
    try:
        f.write(data)
        f.flush()
    except (OSError, ValueError):
        pass  # the reader sees the pipeline end


_PIPELINES: dict[str, _Pipeline | None] = {}
_OWNER = os.getpid()


def _pipeline(mode: str, timeout: float) -> _Pipeline | None:
    """This process's pipeline for ``mode`` (started on first use), or None where
    ``apertium-wblank-mode`` is not installed."""
    if mode not in _PIPELINES:
        script = None
        path = _mode_file(mode)
        exe = shutil.which("apertium-wblank-mode")
        if path is not None and exe:
            try:
                script = subprocess.run([exe, "-z", str(path)], capture_output=True, text=True,
                                        timeout=30, check=True).stdout.strip()
            except (OSError, subprocess.SubprocessError):
                script = None
        _PIPELINES[mode] = _Pipeline(script, timeout) if script and "-z" in script else None
    return _PIPELINES[mode]


def _close_all() -> None:
    if os.getpid() == _OWNER:
        for pipe in _PIPELINES.values():
            if pipe is not None:
                pipe.close()


def close_pipelines() -> None:
    """End this process's pipelines (they start again on next use): before worker
    processes fork from it, so that none of them holds the pipe ends of an idle pipeline."""
    _close_all()


def _forget_after_fork() -> None:
    """In a forked child, drop the parent's pipelines without touching them (closing our
    copies of their pipe ends only): the child starts its own on first use."""
    global _OWNER
    for pipe in _PIPELINES.values():
        if pipe is not None and pipe.proc is not None:
            for f in (pipe.proc.stdin, pipe.proc.stdout):
                try:
                    if f is not None:
                        f.close()
                except OSError:
                    pass
            pipe.proc = None
        if pipe is not None:
            pipe.lock = threading.Lock()
    _OWNER = os.getpid()


atexit.register(_close_all)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_after_fork)


# Characters never sent to Apertium: controls (Cc), format characters (Cf, e.g. zero-width
# space, soft hyphen), surrogates (Cs), private use (Co) and unassigned code points,
# noncharacters included (Cn: U+FFFF ends Apertium's input).
_DROP = {"Cc", "Cf", "Cs", "Co", "Cn"}


class _DropTable(dict[int, str]):
    """``str.translate`` table: a character of :data:`_DROP` -> a space, any other to itself,
    looked up the first time the character is met (one table lookup per character instead
    of a category lookup)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = self[code] = " " if unicodedata.category(ch) in _DROP else ch
        return out


_DROP_TABLE = _DropTable()


def sanitize(text: str) -> str:
    """``text`` on one line, with the characters Apertium mishandles replaced by a space."""
    return " ".join(text.translate(_DROP_TABLE).split())


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
