"""The conversion and scoring helpers of benchmarks/accuracy.py, on made-up findings.

None of these needs the shared evaluation sets: findings dicts go in, figures come out.
"""

from __future__ import annotations

import accuracy
import pytest


def finding(category, severity="warning", check=None, a_doc="p.en.txt", b_doc="p.es.txt",
            a_text="", b_text="", message=""):
    f = {"check": check or category, "category": category, "severity": severity, "message": message}
    if a_doc:
        f["a"] = {"document": a_doc, "text": a_text}
    if b_doc:
        f["b"] = {"document": b_doc, "text": b_text}
    return f


def group(stem, findings, folder=""):
    prefix = f"{folder}/" if folder else ""
    docs = [{"id": f"{stem}.en.txt", "path": f"{prefix}{stem}.en.txt", "language": "en", "sentences": [{}] * 3},
            {"id": f"{stem}.es.txt", "path": f"{prefix}{stem}.es.txt", "language": "es", "sentences": [{}] * 4}]
    for f in findings:
        for side in ("a", "b"):
            if side in f:
                f[side]["document"] = f[side]["document"].replace("p.", f"{stem}.")
    return {"id": stem, "documents": docs, "pairs": [{"a": docs[0]["id"], "b": docs[1]["id"], "findings": findings}]}


def test_paragraphs_count_sentences_of_a_set_file(tmp_path):
    assert accuracy.paragraphs("One.\n\nTwo U.S. firms.\n\n\n\nThree.\n") == 3
    assert accuracy.paragraphs("One.\r\n\r\nTwo.") == 2
    assert accuracy.paragraphs("  \n\n") == 0
    (tmp_path / "a.en.txt").write_text("One.\n\nTwo.\n\nThree.", encoding="utf-8")
    (tmp_path / "a.es.txt").write_text("Uno.\n\nDos.", encoding="utf-8")
    (tmp_path / "b.en.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "b.es.txt").write_text("Uno.\n\nDos.", encoding="utf-8")
    # per pair the larger count: 3 + 2
    assert accuracy.set_sentences(tmp_path) == 5


def test_convert_names_one_sided_sentences_from_the_spanish_view():
    g = group("n1", [
        finding("omission", a_doc="p.en.txt", b_doc=None, a_text="Only in English."),
        finding("addition", a_doc=None, b_doc="p.es.txt", b_text="Solo en español."),
        finding("omission", a_doc="p.es.txt", b_doc=None, a_text="Solo en español."),
        finding("number", "error", a_text="44", b_text="84"),
        finding("name", "info", a_text="GOP"),
        finding("meaning", "error"),
        finding("language", "info"),
    ])
    out = accuracy.convert(g)
    assert [f["category"] for f in out] == ["omission", "addition", "addition", "number"]
    assert out[0]["a_text"] == "Only in English." and out[1]["b_text"] == "Solo en español."
    assert out[3] == {"category": "number", "a_text": "44", "b_text": "84", "message": "", "severity": "error"}
    assert accuracy.left_out(g) == {"meaning": 1}


def test_precision_with_left_out_findings():
    s = {"findings": 134, "true_positives": 84}
    assert accuracy.precision_with(s, 0) == pytest.approx(84 / 134)
    assert accuracy.precision_with(s, 13) == pytest.approx(84 / 147)
    assert accuracy.precision_with({"findings": 0, "true_positives": 0}, 0) is None


def test_tally_counts_clean_set_figures():
    groups = [
        group("a1", [finding("addition"), finding("meaning", "error"), finding("name", "info"),
                     finding("name", "warning", check="role")]),
        group("a2", [finding("addition"), finding("quote", "info")]),
        group("a3", []),
        group("a4", [finding("number", "error"), finding("number", "warning")]),
    ]
    t = accuracy.tally(groups)
    assert t["findings"] == 6 and t["info"] == 2
    assert t["by_category"] == {"addition": 2, "number": 2, "meaning": 1, "name": 1}
    assert t["by_category_severity"]["number/error"] == 1 and t["by_category_severity"]["number/warning"] == 1
    assert t["by_check_severity"]["role/warning"] == 1
    assert t["info_by_category"] == {"name": 1, "quote": 1}
    assert t["failing"] == ["a1", "a4"]
    assert accuracy.per_100(6, 975) == pytest.approx(0.6154, abs=1e-4)
    assert accuracy.concord_sentences(groups[0]) == 4


def test_demetr_item_expected_categories_and_reference():
    warn_number = finding("number")
    info_name = finding("name", "info")
    assert accuracy.demetr_item([warn_number], ("number",))
    assert not accuracy.demetr_item([warn_number], ("name",))
    assert not accuracy.demetr_item([info_name], ("name",))  # info never counts
    assert accuracy.demetr_item([warn_number], None)  # reference: any warning or error
    assert not accuracy.demetr_item([info_name], None)
    assert not accuracy.demetr_item([], None)


def test_demetr_score_counts_perturbed_items_only():
    groups = [
        group("0801", [finding("meaning", "error")], folder="critical_id8_negation"),
        group("0802", [finding("number")], folder="critical_id8_negation"),
        group("0803", [finding("quote", "error")], folder="critical_id8_negation"),  # not perturbed
        group("0804", [], folder="critical_id8_negation"),
    ]
    meta = {"0801": {"perturbed": True}, "0802": {"perturbed": True}, "0803": {"perturbed": False},
            "0804": {"perturbed": True}, "0805": {"perturbed": True}}  # 0805 never paired: not found
    s = accuracy.demetr_score(groups, meta, accuracy.REVERSAL)
    assert (s["found"], s["items"], s["any"]) == (1, 4, 2)
    assert s["share"] == pytest.approx(0.25)
    assert s["found_items"] == ["0801"]
    assert s["categories"] == {"meaning": 1, "number": 1}


def test_demetr_folders_follow_the_sets_readme():
    assert accuracy.DEMETR["base_id35_reference"][1] is None
    assert accuracy.DEMETR["critical_id10_numbers_replaced"][1] == ("number",)
    assert set(accuracy.DEMETR["critical_id25_ne_removed"][1]) == {"name", "omission", "addition"}
    assert set(accuracy.DEMETR["major_id5_pp_removed"][1]) == {"omission", "addition"}


def test_markdown_rows():
    figures = {
        "ntrex-dev": {"sentences": 975, "per_100": 6.36, "findings": 62,
                      "by_category_severity": {"addition/warning": 62},
                      "failing": ["a"] * 16, "articles": 62, "failing_share": 16 / 62, "info_per_100": 13.13,
                      "info_by_category": {"name": 56}},
        "ntrex-dev-injected": {"labels": 97, "precision": 0.627, "recall": 0.866, "f1": 0.727,
                               "recall_by_kind": {"number": {"tp": 14, "n": 14}},
                               "precision_by_category": {"number": {"tp": 16, "n": 26}},
                               "false_friend_trap_hits": 0, "left_out": {"meaning": 13},
                               "precision_with_left_out": 84 / 147},
        "demetr-dev": {"base_id35_reference": {"found": 3, "items": 50, "expected": None},
                       "critical_id8_negation": {"found": 37, "items": 50, "expected": ["meaning", "quote"]}},
    }
    text = "\n".join(accuracy.markdown_rows(figures))
    assert "**6.36**" in text and "**16 of 62** (26%)" in text
    assert "**0.627 / 0.866 / 0.727** (0.571 precision counting the 13" in text
    assert "**3/50**" in text and "negation 37/50" in text
    assert all(row.startswith("| ") and row.endswith(" |") for row in accuracy.markdown_rows(figures))


def test_set_choice_and_shared_folder(monkeypatch, tmp_path):
    assert accuracy._chosen(None) == list(accuracy.SETS)
    assert accuracy._chosen(["clean,ntrex-dev", "team"]) == ["pud-clean", "ntrex-dev", "team"]
    with pytest.raises(SystemExit):
        accuracy._chosen(["nope"])
    monkeypatch.setenv("CONCORD_SHARED", str(tmp_path))
    assert accuracy.default_shared() == tmp_path
    monkeypatch.delenv("CONCORD_SHARED")
    assert accuracy.default_shared() == accuracy.ROOT.parent / "shared"
