"""The large-pair builder of benchmarks/robustness.py (``--pair-mb``)."""

import re

from robustness import build_pair


def test_large_pair_is_varied_alike_in_both_versions(tmp_path):
    pa, pb = build_pair(tmp_path, 0.05)
    es, en = pa.read_text(encoding="utf-8"), pb.read_text(encoding="utf-8")
    assert pa.stat().st_size >= 50_000 and pb.stat().st_size > 30_000
    paragraphs = es.split("\n\n")
    # copies differ: most paragraphs are not repeated verbatim
    assert len(set(paragraphs)) > 0.8 * len(paragraphs)
    # a copy's made-up names are the same in both versions
    es_names = set(re.findall(r"\b[A-Z][a-z]{4,}\b", es))
    en_names = set(re.findall(r"\b[A-Z][a-z]{4,}\b", en))
    shared = es_names & en_names
    assert len(shared) > 20
    # the copies' numbers are permuted alike too: the versions state the same figures
    numbers = re.compile(r"\b\d{2,}\b")
    assert len(set(numbers.findall(es)) & set(numbers.findall(en))) > 10


def test_large_pair_with_repeat_is_identical_copies(tmp_path):
    pa, _ = build_pair(tmp_path, 0.05, repeat=True)
    paragraphs = pa.read_text(encoding="utf-8").split("\n\n")
    assert len(set(paragraphs)) < 0.5 * len(paragraphs)
