"""Elliptical negation: *or not*, *if not* and their forms in each language end a clause
whose negated predicate is left out, so the claim keeps its polarity (sentences written
for these tests)."""

from __future__ import annotations

import pytest

from concord.config import Settings
from concord.facts.polarity import negations
from concord.pipeline import compare_files

from conftest import needs_apertium


@pytest.mark.parametrize(("text", "code"), [
    ("Choose whether the toolbar is shown or not.", "en"),
    ("Decide whether or not to keep the backup.", "en"),
    ("Files match if their sizes match, and differ if not.", "en"),
    ("Elige si se muestra la barra o no.", "es"),
    ("Los archivos coinciden si el tamaño coincide, y difieren si no.", "es"),
    ("Choisissez si la barre est affichée ou non.", "fr"),
    ("Choisissez si la barre est affichée ou pas.", "fr"),
    ("Escolha se a barra é mostrada ou não.", "pt"),
    ("Os ficheiros coincidem se o tamanho coincidir, e diferem se não.", "pt"),
])
def test_an_elliptical_negation_that_ends_a_clause_negates_nothing(text, code):
    assert negations(text, code) == []


@pytest.mark.parametrize(("text", "code", "word"), [
    ("If not stopped, the process fills the disk.", "en", "not"),
    ("Si no llueve, saldremos al campo.", "es", "no"),
    ("Se não chover, vamos ao campo.", "pt", "não"),
    ("Il ne pleut pas ou presque pas.", "fr", "ne"),
])
def test_a_negation_with_its_predicate_still_negates(text, code, word):
    found = negations(text, code)
    assert found and text[found[0][0]:found[0][1]].lower() == word


@pytest.mark.parametrize("text", ["Ne choisissez qu’une de ces options.", "Ne choisissez qu'une de ces options."])
def test_ne_que_before_an_elided_que_is_a_restriction(text):
    # ne ... qu'une = only one: a restriction, with either apostrophe
    assert negations(text, "fr") == []


@needs_apertium
def test_a_negation_said_with_a_negative_adjective_is_no_error(tmp_path):
    # "could not load" / "impossible de charger": the same claim; a warning at most, never an error
    po = tmp_path / "app.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
                  '#, c-format\nmsgid "Couldn\'t load Tessera-specific CSS (%s)"\n'
                  'msgstr "Impossible de charger une CSS spécifique de Tessera (%s)"\n', encoding="utf-8")
    found = compare_files([po], Settings(translator="apertium", checks=["meaning"])).findings()
    assert [f["severity"] for f in found if f["severity"] == "error"] == []
