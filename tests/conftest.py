import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests draw the same examples on every run (a CI run is never failed by a new
# draw); HYPOTHESIS_PROFILE=random draws afresh, for a search campaign.
hypothesis_settings.register_profile("derandomized", derandomize=True, database=None)
hypothesis_settings.register_profile("random", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "derandomized"))

# argostranslate reads its package folder when first imported: point it at an empty
# folder so no test ever sees (or installs into) the user's own argos packages.
os.environ["ARGOS_PACKAGES_DIR"] = tempfile.mkdtemp(prefix="concord-argos-")

ROOT = Path(__file__).resolve().parent.parent
# benchmark-only evaluation helpers (benchmarks/align_eval.py) are shared with the tests
sys.path.append(str(ROOT / "benchmarks"))
CORPUS = ROOT / "corpus"


def _tree_digest(folders) -> dict[str, str]:
    import hashlib

    out = {}
    for folder in folders:
        for p in sorted(folder.rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts:
                out[p.relative_to(ROOT).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="session", autouse=True)
def _inputs_unchanged():
    """The suite's inputs (the team corpus and tests/data) are byte-identical after every
    test run: a run that modifies, adds or deletes one fails here."""
    folders = [CORPUS, ROOT / "tests" / "data"]
    before = _tree_digest(folders)
    yield
    after = _tree_digest(folders)
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert not changed, f"tests modified their inputs: {changed[:10]}"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path, monkeypatch):
    """Every test gets its own translation cache folder."""
    monkeypatch.setenv("CONCORD_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def corpus_copy(tmp_path):
    dst = tmp_path / "corpus"
    shutil.copytree(CORPUS, dst)
    return dst


def apertium_ready() -> bool:
    from concord.translate.apertium import ApertiumTranslator

    return ApertiumTranslator().available("es", "en")


needs_apertium = pytest.mark.skipif(
    not apertium_ready(), reason="Apertium spa-eng is not installed (apt-get install apertium apertium-eng-spa)")


def made_up_sentences(rng, n_common: int, n_rare: int, p_common: float, lengths: tuple[int, int]):
    """A maker of sentences of made-up words for aligner tests: each word common (one of
    ``n_common``) with probability ``p_common``, else rare (one of ``n_rare``), ``lengths``
    words long (inclusive range), ending in a full stop."""
    common = [f"c{k}q" for k in range(n_common)]
    rare = [f"r{k}z" for k in range(n_rare)]

    def sentence() -> str:
        return " ".join(rng.choice(common) if rng.random() < p_common else rng.choice(rare)
                        for _ in range(rng.randint(*lengths))) + "."

    return sentence


def story_copies(folder: Path, copies: int) -> Path:
    """``copies`` variants of every two-version story of the team corpus (digits shifted,
    so every copy is a different story with the same shape), written to ``folder``."""
    import re

    folder.mkdir()
    for k in range(copies):
        for p in sorted(CORPUS.glob("*.*.txt")):
            stem, lang, ext = p.name.split(".")
            if not (CORPUS / f"{stem}.{'en' if lang == 'es' else 'es'}.{ext}").exists():
                continue
            text = re.sub(r"\d", lambda m, k=k: str((int(m.group(0)) + k) % 10), p.read_text(encoding="utf-8"))
            (folder / f"{stem}-{k}.{lang}.{ext}").write_text(text, encoding="utf-8")
    return folder


def catches_sigterm(pid: int) -> bool:
    """Whether the process has a handler for SIGTERM: the interpreter alone has none, so
    this says Concord's first line has run (a signal during the interpreter's own start-up,
    before any line of Concord, is the interpreter's to handle)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("SigCgt:"):
                return bool(int(line.split()[1], 16) & (1 << (signal.SIGTERM - 1)))
    except OSError:
        pass
    return False
