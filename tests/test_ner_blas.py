"""Which matrix library the spaCy NER multiplies with: blis (thinc's default), or numpy's
OpenBLAS where blis runs its portable kernels; the entities are the same either way."""

import numpy
import pytest

from concord.facts import ner

spacy_ner = ner.SpacyNER()
needs_models = pytest.mark.skipif(not (spacy_ner.available("es") and spacy_ner.available("en")),
                                  reason="spaCy pipelines not installed (bash scripts/install.sh)")

SENTENCES = {
    "es": ["La alcaldesa de Valparaíso, Carmen Ortiz, recibió ayer a la delegación de la Unesco.",
           "El Banco Central de Chile subió la tasa de interés al 11,25 %.",
           "Según Reuters, la reunión en Bruselas terminó sin acuerdo."],
    "en": ["The mayor of Valparaíso, Carmen Ortiz, met the Unesco delegation on Tuesday.",
           "Chile's Central Bank raised its benchmark rate to 11.25%.",
           "According to Reuters, the meeting in Brussels ended without a deal."],
}


def test_blis_stays_where_its_kernels_are_optimised(monkeypatch):
    monkeypatch.setattr(ner, "_generic_blis", lambda: False)
    ner._numpy_blas.cache_clear()
    try:
        assert ner._numpy_blas() is None
        with ner._one_blas_thread():  # nothing to hold: a no-op
            pass
    finally:
        ner._numpy_blas.cache_clear()


def test_openblas_held_to_one_thread_and_restored(monkeypatch):
    monkeypatch.setattr(ner, "_generic_blis", lambda: True)
    ner._numpy_blas.cache_clear()
    try:
        blas = ner._numpy_blas()
        if blas is None:
            pytest.skip("numpy's BLAS is not an OpenBLAS this process can reach")
        get, put = blas
        first = get()
        put(2)
        try:
            with ner._one_blas_thread():
                assert get() == 1
                numpy.ones((64, 64), dtype="f") @ numpy.ones((64, 64), dtype="f")
            assert get() == 2
        finally:
            put(first)
    finally:
        ner._numpy_blas.cache_clear()


@needs_models
def test_same_entities_on_either_library(monkeypatch):
    ner._numpy_blas.cache_clear()
    try:
        monkeypatch.setattr(ner, "_generic_blis", lambda: False)
        on_blis = ner.SpacyNER()
        found = {lang: on_blis.entities(texts, lang) for lang, texts in SENTENCES.items()}
        assert on_blis._pipe("en").get_pipe("ner").model.ops.use_blis
        ner._numpy_blas.cache_clear()
        monkeypatch.setattr(ner, "_generic_blis", lambda: True)
        if ner._numpy_blas() is None:
            pytest.skip("numpy's BLAS is not an OpenBLAS this process can reach")
        on_numpy = ner.SpacyNER()
        assert not on_numpy._pipe("en").get_pipe("ner").model.ops.use_blis
        assert {lang: on_numpy.entities(texts, lang) for lang, texts in SENTENCES.items()} == found
        assert any(found["es"]) and any(found["en"])
    finally:
        ner._numpy_blas.cache_clear()
