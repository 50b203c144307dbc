"""Concord's language identification on the team's labelled set (tests/data/language.tsv),
scored by the same code as benchmarks/language.py."""

import importlib.util

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("language_benchmark", ROOT / "benchmarks" / "language.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def test_labelled_set_is_large_and_covers_every_item_type():
    items = bench.load()
    assert len(items) >= 300
    types = {it["type"] for it in items}
    assert {"long_en", "long_es", "short_en", "short_es", "headline_en", "headline_es", "byline",
            "dateline", "names", "mixed"} <= types
    assert sum(1 for it in items if it["span"]) >= 40


def test_combined_detector_meets_targets_and_beats_langdetect():
    items = bench.load()
    combined = bench.evaluate(items, "combined")
    langdetect = bench.evaluate(items, "langdetect")
    assert combined["accuracy"] >= 0.98
    assert combined["spans_found"] / combined["spans_expected"] >= 0.95
    assert combined["false_spans"] <= 2
    assert combined["accuracy"] > langdetect["accuracy"] + 0.05


def test_known_items():
    from concord.detect import sentence_language

    ES_EN = ("en", "es")  # a Spanish/English story's sentences are read among its languages

    assert sentence_language("Published by Williams Perdomo 20 de enero, 2026", "en", ES_EN) == \
        ("en", [(30, 47, "es")])
    assert sentence_language("Los Angeles Times", "en", ES_EN) == ("en", [])
    assert sentence_language("The investigation is still ongoing.", "es", ES_EN)[0] == "en"
    assert sentence_language('Los aficionados gritaban "we are the champions" en las calles de Lima.', "es", ES_EN) == \
        ("es", [(26, 46, "en")])


def test_langdetect_is_consulted_only_where_it_can_change_the_answer(monkeypatch):
    """The shortcut (langdetect skipped when lingua and the lexical evidence already lead
    by more than langdetect's weight) gives exactly the labels of always consulting it,
    and skips it on most long sentences."""
    from concord import detect as language

    items = bench.load()
    items += [{"text": " ".join(it["text"] for it in items[i:i + 3]), "context": c}
              for i in range(0, 60, 3) for c in ("en", "es", None)]
    calls = []
    real = language.langdetect_scores

    def counting(text, languages=language.DEFAULT_LANGUAGES):
        calls.append(text)
        return real(text, languages)

    monkeypatch.setattr(language, "langdetect_scores", counting)
    fast = [(language.sentence_language(it["text"], it["context"]),
             language.detect_language(it["text"], prior=it["context"])) for it in items]
    skipped = len(calls)
    monkeypatch.setattr(language, "_ALWAYS_LANGDETECT", True)
    calls.clear()
    full = [(language.sentence_language(it["text"], it["context"]),
             language.detect_language(it["text"], prior=it["context"])) for it in items]
    assert fast == full
    assert skipped * 3 < len(calls)


def test_a_sentence_is_tokenised_once(monkeypatch):
    from concord import detect as language
    from concord.document import Document
    from concord.segment import segment_document

    text = ("El Gobierno de México anunció el lunes nuevas medidas. Published by Ana Ruiz 20 de "
            "enero, 2026. Los aficionados gritaban \"we are the champions\" en las calles de Lima.")
    doc = segment_document(Document(id="d", path="d", text=text))
    seen = []
    real = language.tokenize
    monkeypatch.setattr(language, "tokenize", lambda t, *rest: seen.append(t) or real(t, *rest))
    language.analyse.cache_clear()
    language.annotate_languages(doc)
    per_text = {t: seen.count(t) for t in seen}
    assert all(n == 1 for n in per_text.values()), per_text
    for s in doc.sentences:
        assert s.text in per_text
    assert doc.language == "es" and doc.sentences[0].language == "es"


def test_the_langdetect_bound_never_changes_the_leader():
    """Whenever ``_decided`` says langdetect cannot change the answer, no langdetect
    distribution (probabilities summing to 1, times its weight) changes the leader or lifts
    it under the prior's threshold."""
    import random

    from concord.detect import _decided

    assert not _decided({"en": 1.0, "es": 0.6}, None, 0.0, 0.5)
    assert _decided({"en": 1.0, "es": 0.4}, None, 0.0, 0.5)
    assert not _decided({"en": 1.0, "es": 0.4}, "es", 0.35, 0.5)  # the prior's bonus counts
    rnd = random.Random(3)
    checked = 0
    for _ in range(20000):
        total = {"en": rnd.uniform(0, 4), "es": rnd.uniform(0, 4)}
        prior = rnd.choice(["en", "es", None])
        bonus = 0.35 if prior else 0.0
        weight = rnd.choice([0.5, 1.0])
        if not _decided(total, prior, bonus, weight):
            continue
        checked += 1

        def answer(t, prior, bonus):
            t = {k: v + (bonus if k == prior else 0.0) for k, v in t.items()}
            best = max(sorted(t), key=lambda k: t[k])
            return prior if t[best] <= 0.35 and prior else best

        for p in (0.0, 1.0, rnd.random()):
            with_ld = {"en": total["en"] + p * weight, "es": total["es"] + (1 - p) * weight}
            assert answer(with_ld, prior, bonus) == answer(total, prior, bonus)
    assert checked > 1000


def test_langdetect_steps_match_langdetect_itself():
    """Concord runs langdetect's detection loop with numpy rows (one vector multiply per
    step): the same random draws and float operations in the same order must give exactly
    langdetect's own probabilities, on real sentences of both languages, on word salad
    mixing them, and on text with nothing to detect."""
    import random

    from langdetect import DetectorFactory, LangDetectException, detect_langs

    from concord import detect as language

    def stock(text):
        DetectorFactory.seed = 0
        try:
            found = detect_langs(text)
        except LangDetectException:
            return {}
        probs = {x.lang: x.prob for x in found if x.lang in ("en", "es")}
        total = sum(probs.values())
        return {k: v / total for k, v in probs.items()} if total else {}

    texts = []
    for p in sorted((ROOT / "corpus").glob("*.txt")):
        texts += [line for line in p.read_text(encoding="utf-8").split("\n") if line.strip()]
    rng = random.Random(5)
    words = " ".join(texts).split()
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 10))) for _ in range(150)]
    texts += ["", "2026", "Ωμέγα δέλτα", "https://example.org", "ok " * 3000]
    assert len(texts) > 250
    for t in texts:
        assert language.langdetect_scores(t, ("en", "es")) == stock(t), t
