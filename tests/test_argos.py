"""The argostranslate backend, end to end, with a tiny real package built by
tests/argos_tiny.py (SentencePiece + CTranslate2, no download): install it through
`concord models install --argos`, list it, pick it with --translator auto, translate
through argostranslate's own apply_packaged_translation."""

import importlib.util
import os

import pytest
from click.testing import CliRunner

from concord.cli import main

NEURAL = all(importlib.util.find_spec(m) for m in ("argostranslate", "ctranslate2", "sentencepiece"))
if not NEURAL:
    if os.environ.get("CONCORD_REQUIRE_NEURAL") == "1":
        raise RuntimeError("CONCORD_REQUIRE_NEURAL=1 but the neural extra is not installed")
    pytest.skip("argostranslate/ctranslate2/sentencepiece not installed "
                "(bash scripts/install.sh --neural)", allow_module_level=True)

pytestmark = pytest.mark.neural

from argos_tiny import build_package  # noqa: E402


@pytest.fixture(scope="module")
def tiny_package(tmp_path_factory):
    return build_package(tmp_path_factory.mktemp("pkg") / "translate-es_en-tiny.argosmodel")


@pytest.fixture
def argos_dir(tmp_path, monkeypatch):
    """An empty argos package folder for this test only."""
    from argostranslate import settings

    d = tmp_path / "argos-packages"
    d.mkdir()
    monkeypatch.setattr(settings, "package_data_dir", d)
    monkeypatch.setattr(settings, "package_dirs", [d])
    return d


def test_install_list_and_translate_through_argos(tiny_package, argos_dir, tmp_path):
    runner = CliRunner()
    res = runner.invoke(main, ["models", "list"])
    assert "es->en" not in res.output
    res = runner.invoke(main, ["models", "install", "--argos", str(tiny_package)])
    assert res.exit_code == 0, res.output
    assert res.output.strip() == "installed argos package es->en (translate-es_en-tiny)"
    assert (argos_dir / "translate-es_en-tiny" / "model" / "model.bin").is_file()
    res = runner.invoke(main, ["models", "list"])
    assert "argos\tes->en" in res.output

    from concord.translate import get_translator

    assert get_translator("auto", "es", "en").name == "argos"
    doc = tmp_path / "nota.es.txt"
    doc.write_text("El perro come manzanas en Lima.\n\n"
                   "El ministro Ramón Echeverría dijo que hubo 12 muertos el lunes en Lima.\n", encoding="utf-8")
    res = runner.invoke(main, ["translate", str(doc), "--translator", "argos"])
    assert res.exit_code == 0, res.output
    lines = [x for x in res.stdout.splitlines() if x and not x.startswith("#")]
    assert lines == ["0\tes\tThe dog eats apples in Lima.",
                     "1\tes\tThe minister Ramón Echeverría said que there-were 12 dead the Monday in Lima."]


def test_argos_translations_reach_the_report(tiny_package, argos_dir, tmp_path):
    from concord.config import Settings
    from concord.model_install import install_argos_file
    from concord.pipeline import compare_files
    from concord.translate import TranslationCache

    install_argos_file(tiny_package)
    en, es = tmp_path / "a.en.txt", tmp_path / "a.es.txt"
    en.write_text("The earthquake left 40 houses damaged in Arica on Monday.\n", encoding="utf-8")
    es.write_text("El sismo dejó 45 casas dañadas en Arica el martes.\n", encoding="utf-8")
    result = compare_files([en, es], Settings(translator="auto"), cache=TranslationCache(tmp_path / "c"))
    group = result.groups[0]
    assert group["translators"] == {"es-en": "argos"}
    sent = group["documents"][1]["sentences"][0]
    assert sent["translator"] == "argos"
    # the word model keeps "martes." (with its full stop) as one unknown piece: copied
    assert sent["translation"] == "The earthquake dejó 45 houses damaged in Arica the martes."
    numbers = [(f["severity"], f["a"]["text"], f["b"]["text"]) for f in result.findings()
               if f["category"] == "number"]
    assert numbers == [("error", "40", "45")]


def test_bad_argos_file_is_a_clear_error(argos_dir, tmp_path):
    bad = tmp_path / "x.argosmodel"
    bad.write_bytes(b"not a zip")
    res = CliRunner().invoke(main, ["models", "install", "--argos", str(bad)])
    assert res.exit_code == 2
    assert res.output == f"concord: error: {bad}: not an argos package (a .argosmodel is a zip archive)\n"
