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
    from concord.language import sentence_language

    assert sentence_language("Published by Williams Perdomo 20 de enero, 2026", "en") == \
        ("en", [(30, 47, "es")])
    assert sentence_language("Los Angeles Times", "en") == ("en", [])
    assert sentence_language("The investigation is still ongoing.", "es")[0] == "en"
    assert sentence_language('Los aficionados gritaban "we are the champions" en las calles de Lima.', "es") == \
        ("es", [(26, 46, "en")])
