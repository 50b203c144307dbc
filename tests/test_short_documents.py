"""A document of a few words (a headline, a caption, a one-line brief) carries too little
text for the detectors: the language its file name gives (``story.es.txt``) is what it is
read as, and its facts are compared like any other version's."""

from __future__ import annotations

from concord.config import Settings
from concord.corpus import named_language
from concord.detect import detect_language, document_language
from concord.document import Document
from concord.pipeline import compare_files
from concord.segment import segment_document

from conftest import needs_apertium


def test_the_language_of_a_file_name():
    assert named_language("incendio.es.txt") == "es"
    assert named_language("notas/incendio.pt-BR.md") == "pt"
    assert named_language("incendio.txt") is None


def _doc(path: str, text: str) -> Document:
    return segment_document(Document(id=path, path=path, text=text))


def test_a_three_word_document_takes_the_language_of_its_name():
    doc = _doc("titular.es.txt", "Ardieron 40 casas.\n")
    assert document_language(doc, ("en", "es"), named=named_language(doc.path)) == "es"
    doc = _doc("headline.en.txt", "Ardieron 40 casas.\n")
    assert document_language(doc, ("en", "es"), named=named_language(doc.path)) == "en"


def test_the_text_decides_when_it_says_enough():
    text = "El ayuntamiento cerró el puente durante tres días por las lluvias de la semana pasada.\n"
    doc = _doc("misnamed.en.txt", text)
    assert document_language(doc, ("en", "es"), named="en") == "es"


def test_without_a_name_two_words_are_read_by_the_statistical_model():
    # no function word and too few letters for the weighted reading: not the first
    # language of the list by default
    assert detect_language("Ardieron casas.", ("en", "es")) == "es"


@needs_apertium
def test_a_changed_number_in_a_one_line_brief_is_an_error(tmp_path):
    (tmp_path / "breve.es.txt").write_text("Ardieron 40 casas.\n", encoding="utf-8")
    (tmp_path / "breve.en.txt").write_text("Forty-five houses burned.\n", encoding="utf-8")
    result = compare_files([tmp_path / "breve.en.txt", tmp_path / "breve.es.txt"],
                           Settings(translator="apertium", source="es"))
    group = result.groups[0]
    assert {d["path"]: d["language"] for d in group["documents"]} == {"breve.en.txt": "en", "breve.es.txt": "es"}
    found = [(f["check"], f["severity"]) for f in result.findings()]
    assert ("number", "error") in found
