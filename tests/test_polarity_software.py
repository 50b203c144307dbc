"""Software strings (PO, XLIFF units) say a negation in the words a user interface uses:
a negated participle for an adjective, an expletive negation, placeholders between the
words. None of these is a reversal; a negation really added or dropped still is."""

import pytest

from concord.checks._reversal import reversal
from concord.checks.placeholders import masked
from concord.facts.polarity import _wordnet, negations

needs_wordnet = pytest.mark.skipif(not _wordnet()[0], reason="WordNet data (wordnet-base) not installed")


def test_the_expletive_no_of_hasta_que_no_negates_nothing():
    assert negations("Espere hasta que no termine la descarga.", "es") == []
    assert len(negations("No espere hasta que termine la descarga.", "es")) == 1


@needs_wordnet
@pytest.mark.parametrize("en,es,reading", [
    # a negated participle or adjective where the other version has its antonym
    ("Free memory", "Memoria no ocupada", "Memory no busy"),
    ("Free disk space", "Espacio de disco no ocupado", "Space of disk no busy"),
    ("Wrong password", "La contraseña no es correcta", "The password is not correct"),
    # a synonym of the antonym (*missing*, in the cluster of *lost*, the antonym of *found*)
    ("The song is missing", "La canción no fue encontrada", "The song was not found"),
])
def test_a_negated_word_said_by_its_antonym_is_no_reversal(en, es, reading):
    assert reversal(en, "en", en, es, "es", reading) is None


@needs_wordnet
@pytest.mark.parametrize("en,es,reading", [
    ("The server is busy", "El servidor no está ocupado", "The server is not busy"),
    ("The password is correct", "La contraseña no es correcta", "The password is not correct"),
    ("The song was found", "La canción no fue encontrada", "The song was not found"),
])
def test_a_negation_added_to_the_same_word_is_still_a_reversal(en, es, reading):
    rev = reversal(en, "en", en, es, "es", reading)
    assert rev is not None and rev.kind == "negation" and rev.confident


def test_placeholders_are_masked_character_for_character():
    text = "Tamaño: {{ limit }} %count% {0} <b>%s</b>."
    out = masked(text)
    assert len(out) == len(text)
    assert out.split() == ["Tamaño:", "."]


def test_a_placeholder_is_no_word_tying_a_negated_claim_to_the_other_version():
    """*must not exceed {{ limit }}* and *maximum is {{ limit }}* say one thing; read with
    the placeholder as a word, the negated claim seems said positively at its place (an
    error); without it, nothing in the other version is the negated claim's counterpart,
    so it is no error (a warning at most)."""
    en = "The file is too large. The maximum size is {{ limit }} {{ suffix }}."
    fr = "Le fichier est trop volumineux. Sa taille ne doit pas dépasser {{ limit }} {{ suffix }}."
    reading = "The file is too voluminous. His size does not have to project {{ limit }} {{ suffix }}."
    raw = reversal(en, "en", en, fr, "fr", reading)
    assert raw is not None and raw.confident
    rev = reversal(masked(en), "en", masked(en), masked(fr), "fr", masked(reading))
    assert rev is None or not rev.confident


def test_a_negation_the_reading_lost_is_no_evidence_for_an_error():
    """The machine reading dropped the negation of *Ninguna sesión* (read *Any
    session*): counted on the readings, the other version's negated claim seems said
    positively there, but the text negates it too."""
    en = "No session is open and the cookies are not enabled."
    es = "Ninguna sesión está abierta y las cookies están desactivadas."
    reading = "Any session is open and the cookies are desactivadas."
    rev = reversal(en, "en", en, es, "es", reading)
    assert rev is None or not rev.confident
