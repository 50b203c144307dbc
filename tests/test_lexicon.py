"""The Spanish-English lexicon built from Apertium's compiled dictionaries."""

import json

from concord import lexicon
from concord.align import align_texts

from align_eval import final_links
from conftest import needs_apertium


@needs_apertium
def test_lexicon_links_inflected_forms_through_their_lemmas():
    lex = lexicon.get_lexicon()
    assert lex is not None and len(lex) > 40_000
    # detenidos -> detenido<n> "arrested person" / detener<vblex> "detain"; arrested -> arrest
    assert lex.keys("arrested", "en") & lex.keys("detenidos", "es")
    assert "detai" in lex.keys("detuvo", "es") and "detai" in lex.keys("detained", "en")
    assert "hold" in lex.keys("held", "en")
    assert "house" in lex.keys("casa", "es")
    # function words carry no evidence; an unknown form is None
    assert lex.keys("de", "es") == frozenset() and lex.keys("the", "en") == frozenset()
    assert lex.keys("xqzvw", "es") is None


@needs_apertium
def test_lexicon_is_cached_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("CONCORD_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(lexicon, "_LOADED", {})
    lex = lexicon.get_lexicon()
    files = list(tmp_path.glob("lexicon-spa-eng-*.json"))
    assert len(files) == 1
    raw = json.loads(files[0].read_text(encoding="utf-8"))
    assert raw["format"] == lexicon.FORMAT
    assert set(raw["es"]["detenidos"]) == set(lex.keys("detenidos", "es"))
    # a second process would read the file: loading it gives the same answers
    again = lexicon.Lexicon(raw)
    assert again.keys("casa", "es") == lex.keys("casa", "es")


@needs_apertium
def test_lexicon_aligns_where_machine_translation_is_garbled():
    # the "translation" shares no content word with the English sentences: only the
    # lexicon (read from the Spanish originals) can pair them
    es = ["La policía detuvo a tres hombres en el puerto.",
          "El alcalde inauguró un puente nuevo sobre el río.",
          "Los bomberos apagaron el incendio de la fábrica."]
    garbled = ["Xx yy zz.", "Qq ww ee.", "Rr tt uu."]
    en = ["Police detained three men at the port.",
          "The mayor opened a new bridge over the river.",
          "Firefighters put out the fire at the factory."]
    links = final_links(align_texts(garbled, en, es, en, a_lang="es", b_lang="en"))
    assert links == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
