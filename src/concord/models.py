"""Model management for the optional neural backends (argostranslate, stanza)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from .errors import BackendError, InputError
from .facts.ner import stanza_dir

OFFLINE_HINT = ("no network: download the .argosmodel file elsewhere and run "
                "`concord models install --argos FILE.argosmodel` (and `--stanza FILE.zip`)")
NETWORK_TIMEOUT = 3.0  # seconds for the one connection attempt before any download


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


def install_argos_file(path: Path) -> str:
    """Install an argos package from a ``.argosmodel`` file; return a one-line summary."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file")
    if not zipfile.is_zipfile(p):
        raise InputError(f"{path}: not an argos package (a .argosmodel is a zip archive)")
    try:
        from argostranslate import package
    except ImportError:
        raise BackendError("argostranslate is not installed: pip install 'concord-check[neural]' "
                           "(install torch==2.13.0 first)") from None
    before = {str(x.package_path) for x in package.get_installed_packages()}
    try:
        package.install_from_path(p)
    except Exception as exc:  # argostranslate raises bare Exception
        raise InputError(f"{path}: cannot install ({exc})") from None
    new = [x for x in package.get_installed_packages() if str(x.package_path) not in before]
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

    from .textio import atomic_write, atomic_writer

    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file")
    if not zipfile.is_zipfile(p):
        raise InputError(f"{path}: not a stanza model archive (expected a .zip of a stanza resources folder)")
    with zipfile.ZipFile(p) as zf:
        names = [n for n in zf.namelist() if not n.endswith("/")]
        res = [n for n in names if n.rsplit("/", 1)[-1] == "resources.json"]
        if len(res) != 1:
            raise InputError(f"{path}: not a stanza model archive (no resources.json)")
        root = res[0][: -len("resources.json")]
        try:
            incoming = json.loads(zf.read(res[0]).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise InputError(f"{path}: resources.json is not valid JSON") from None
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
        for n, rel in files:
            target = dest / rel
            with zf.open(n) as src, atomic_writer(target, binary=True) as fh:
                shutil.copyfileobj(src, fh)
    installed_path = dest / "resources.json"
    try:
        current = json.loads(installed_path.read_text(encoding="utf-8")) if installed_path.exists() else {}
    except (OSError, ValueError):
        current = {}
    out = []
    for lang, entry in sorted(incoming.items()):
        if not isinstance(entry, dict):
            continue
        have = current.setdefault(lang, {})
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
    try:
        from argostranslate import package
    except ImportError:
        raise BackendError("argostranslate is not installed: pip install 'concord-check[neural]'") from None
    from argostranslate import settings as argos_settings

    if not reachable(argos_settings.remote_package_index):
        raise BackendError(OFFLINE_HINT)
    try:
        package.update_package_index()
        available = package.get_available_packages()
    except Exception:
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
    except Exception:
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
    for s, t in (("es", "en"), ("en", "es")):
        rows.append((f"apertium {s}->{t}", "installed" if ap.available(s, t) else "missing",
                     "sudo apt-get install apertium-eng-spa"))
    try:
        import argostranslate  # noqa: F401
        argos_ok = True
    except ImportError:
        argos_ok = False
    rows.append(("argostranslate (package)", "installed" if argos_ok else "missing",
                 "pip install torch==2.13.0 'concord-check[neural]'"))
    ar = backend("argos")
    for s, t in (("es", "en"), ("en", "es")):
        rows.append((f"argos {s}->{t} model", "installed" if argos_ok and ar.available(s, t) else "missing",
                     f"concord models install --argos FILE.argosmodel (or: concord models install {s} {t})"))
    try:
        import stanza  # noqa: F401
        stanza_ok = True
    except ImportError:
        stanza_ok = False
    rows.append(("stanza (package)", "installed" if stanza_ok else "missing",
                 "pip install torch==2.13.0 'concord-check[neural]'"))
    from .facts.ner import ner_package

    for lang in ("en", "es"):
        rows.append((f"stanza {lang} NER model (names)",
                     "installed" if stanza_ok and ner_package(lang) else "missing (rule-based names)",
                     "concord models install --stanza FILE.zip (or: concord models install es en)"))
    for name in ("langdetect", "lingua"):
        try:
            __import__(name)
            rows.append((name, "installed", ""))
        except ImportError:
            rows.append((name, "missing", "pip install concord-check"))
    return rows
