"""Language detection, Apertium translation and its cache, alignment and fact checks."""

import json

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from concord.align import align_texts
from concord.cli import main
from concord.config import Settings
from concord.detect import sentence_language
from concord.facts import extract_dates, extract_names, extract_numbers, extract_quotes
from concord.pipeline import compare_files
from concord.translate import TranslationCache, translate_texts
from concord.translate.apertium import ApertiumTranslator, clean_output

from align_eval import monotonic
from conftest import CORPUS, needs_apertium

SEED_A = CORPUS / "000_30275b1cc5977e66.txt"
SEED_B = CORPUS / "002_b2ec2e246b353f73.txt"


def test_detect_reports_spanish_byline_span():
    r = CliRunner().invoke(main, ["detect", str(SEED_A)])
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert lines[0] == f"# {SEED_A.name}: en"
    assert lines[1].startswith("0\ten\tdate 2026-01-20 Published by Williams Perdomo 20 de enero, 2026")
    assert lines[2].strip() == "span es [47:64] 20 de enero, 2026"


def test_sentence_language_on_short_lines():
    assert sentence_language("Omar García Harfuch", "en")[0] == "en"
    assert sentence_language("Presión renovada de Trump", "es")[0] == "es"
    lang, spans = sentence_language('He shouted "¡Viva México, viva la patria!" and left.', "en")
    text = 'He shouted "¡Viva México, viva la patria!" and left.'
    assert lang == "en" and [(text[a:b], l) for a, b, l in spans] == [("¡Viva México, viva la patria!", "es")]


def test_apertium_marks_are_removed():
    assert clean_output("Omar García *Harfuch said #went @casa") == "Omar García Harfuch said went casa"


@needs_apertium
def test_apertium_translates_corpus_text_keeping_names_and_numbers():
    doc = (CORPUS / "sismo-chile.es.txt").read_text(encoding="utf-8")
    lines = [line for line in doc.splitlines() if line.strip()]
    out = ApertiumTranslator().translate(lines, "es", "en")
    assert len(out) == len(lines)
    assert "14" in out[0] and "Chile" in out[0]
    assert "seism" in out[2].lower() and "Antofagasta" in out[2] and "48" in out[2]
    assert "Echeverria" in out[3] and "1.500" in out[3]
    assert "Boric" in out[5] and "Antofagasta" in out[5]
    assert not any("*" in o or "#" in o for o in out)


@needs_apertium
def test_second_run_uses_the_cache_only(tmp_path):
    cache = TranslationCache(tmp_path / "t.sqlite3")
    t = ApertiumTranslator()
    texts = ["El sismo dejó 14 muertos.", "La junta volverá a reunirse el 31 de julio."]
    ApertiumTranslator.calls = 0
    first = translate_texts(texts, "es", "en", t, cache)
    assert ApertiumTranslator.calls == 1
    second = translate_texts(texts, "es", "en", t, cache)
    assert ApertiumTranslator.calls == 1 and second == first


@needs_apertium
def test_cached_check_makes_no_backend_call(tmp_path):
    runner = CliRunner()
    args = ["check", str(CORPUS), "--out", str(tmp_path / "r"), "--translator", "apertium", "-q"]
    runner.invoke(main, args)
    ApertiumTranslator.calls = 0
    r = runner.invoke(main, args)
    assert r.exit_code == 1
    assert ApertiumTranslator.calls == 0


def test_seed_faq_answers_are_matched_as_repeated():
    result = compare_files([SEED_A, SEED_B], Settings(translator="none"))
    pair = result.groups[0]["pairs"][0]
    sa = result.groups[0]["documents"][0]["sentences"]
    sb = result.groups[0]["documents"][1]["sentences"]
    rep = {(tuple(b["a"]), tuple(b["b"])) for b in pair["alignment"] if b["kind"] == "repeated"}
    death_a = next(s["index"] for s in sa if "death penalty" in s["text"])
    death_faq = next(s["index"] for s in sb if s["text"].startswith("The Mexican government stated"))
    dest_a = next(s["index"] for s in sa if "San Diego" in s["text"])
    dest_faq = next(s["index"] for s in sb if s["text"].startswith("The 37 individuals were transported"))
    assert ((death_a,), (death_faq,)) in rep
    assert ((dest_a,), (dest_faq,)) in rep


sent = st.text(alphabet=st.sampled_from(list("abcdefgh 12345.ÁÑ")), min_size=0, max_size=40)


@settings(max_examples=150, deadline=None)
@given(st.lists(sent, max_size=25), st.lists(sent, max_size=25))
def test_monotonic_alignment_covers_every_sentence_once(a, b):
    beads = monotonic(align_texts(a, b))
    got_a = [i for bd in beads for i in bd.a]
    got_b = [j for bd in beads for j in bd.b]
    assert got_a == list(range(len(a)))
    assert got_b == list(range(len(b)))


def test_alignment_finds_merge_and_omission():
    a = ["The quake killed 12 people in Antofagasta.", "Rescue teams arrived on Tuesday.",
         "Codelco closed two mines.", "The port stayed closed."]
    b = ["The quake killed 12 people in Antofagasta and rescue teams arrived on Tuesday.",
         "The port stayed closed."]
    beads = monotonic(align_texts(a, b))
    assert [(bd.a, bd.b) for bd in beads] == [([0, 1], [0]), ([2], []), ([3], [1])]


def test_numbers_across_locales():
    es = extract_numbers("dejó 14 muertos, 1.500 viviendas, magnitud 6,8, al 8,75 por ciento, tres minas", "es")
    en = extract_numbers("killed 12 people, 1,500 homes, magnitude 6.8, to 8.75%, two mines", "en")
    assert [(f.value, f.unit) for f in es] == [(14, None), (1500, None), (6.8, None), (8.75, "percent"), (3, None)]
    assert [(f.value, f.unit) for f in en] == [(12, None), (1500, None), (6.8, None), (8.75, "percent"), (2, None)]


def test_dates_in_both_languages():
    es = extract_dates("el 20 de enero, 2026 y el 28 de febrero de 2025, en agosto", "es")
    en = extract_dates("on Tuesday, January 20, 2026 and February 28, 2025, in August", "en")
    assert [f.value for f in es] == [(2026, 1, 20), (2025, 2, 28), (None, 8, None)]
    assert [f.value for f in en] == [(2026, 1, 20), (2025, 2, 28), (None, 8, None)]
    assert en[0].weekday_ok is True


def test_names_and_aliases():
    text = 'Servando Gómez Martínez, alias "La Tuta", leader of La Familia Michoacana, met Omar García Harfuch.'
    names = [f.surface for f in extract_names(text, "en")]
    assert names == ["Servando Gómez Martínez", "La Tuta", "Familia Michoacana", "Omar García Harfuch"]


def test_quote_with_speaker():
    q = extract_quotes('"We will not take any risks," Ferrer said in a televised address.', "en")
    assert [(f.surface, f.speaker) for f in q] == [("We will not take any risks,", "Ferrer")]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_extractors_never_crash_and_offsets_point_at_surface(text):
    for lang in ("en", "es"):
        for fn in (extract_numbers, extract_dates, extract_names, extract_quotes):
            for f in fn(text, lang):
                assert 0 <= f.start <= f.end <= len(text)
                assert text[f.start:f.end] == f.surface


# Wire-copy pieces the extractors react to, joined by arbitrary separators: numbers with
# either locale's separators, spelled-out numbers, units, dates, names, aliases, quotes.
_PIECES = ["1.500", "1,500", "6,8", "6.8", "50%", "50 %", "por ciento", "percent", "US$5",
           "millones", "million", "mil millones", "veintinueve", "seven", "tercera", "third",
           "320 toneladas", "tons", "20 de enero", "enero", "January 20,", "2026", "martes",
           "Tuesday,", "de", "la", "y", "of", "the", "Omar", "García", "Harfuch", "EE.UU.",
           "U.S.", "alias", '"La Tuta"', "“", "”", "«", "»", '"', "‘", "’", "dijo", "said",
           "El", "Los", "Cártel", "Jalisco", "Nueva", "Generación", "-", ".", ",", "¿", "?"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", "  ", "\n", ", "])),
                max_size=30))
def test_extractors_on_wire_like_text_keep_offsets_on_the_surface(parts):
    text = "".join(a + b for a, b in parts)
    for lang in ("en", "es"):
        for fn in (extract_numbers, extract_dates, extract_names, extract_quotes):
            for f in fn(text, lang):
                assert 0 <= f.start < f.end <= len(text)
                assert text[f.start:f.end] == f.surface


def test_seed_pair_findings():
    result = compare_files([SEED_A, SEED_B], Settings(translator="none"))
    findings = result.groups[0]["pairs"][0]["findings"]
    msgs = [f["message"] for f in findings]
    for name in ("Houston", "Jorge Damián Román Figueroa", "Pedro Inzunza Coronel", "El Soldado"):
        assert any(f"Name {name!r} appears only in" in m for m in msgs), name
    for num in ("50%", "40%", "320 tons"):  # listed in the finding of the sentence only 002 has
        assert any(f["category"] == "addition" and num in f["facts"] for f in findings), num
    texts = json.dumps(findings)
    # not differences: the same numbers and accent variants of the same names
    assert not any(f["category"] == "number" and (f["a"] or {}).get("text") in ("37", "92", "29", "26")
                   for f in findings)
    assert "Garcia Harfuch' appears only" not in texts and "Miguel Angel' appears only" not in texts
    assert not any(f["category"] == "date" and f["severity"] == "error" for f in findings)


def test_html_escapes_document_text(tmp_path):
    a = tmp_path / "x.en.txt"
    b = tmp_path / "x.es.txt"
    a.write_text('Officials said <script>alert(1)</script> and <img src=x onerror=alert(2)> 12 died.\n',
                 encoding="utf-8")
    b.write_text('Las autoridades dijeron </textarea><a href="javascript:alert(3)">x</a> 14 muertos.\n',
                 encoding="utf-8")
    r = CliRunner().invoke(main, ["compare", str(a), str(b), "--out", str(tmp_path / "r"), "--translator", "none"])
    assert r.exit_code in (0, 1)
    html = (tmp_path / "r" / "group-compare.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html and '<a href="javascript' not in html
    assert "&lt;script&gt;alert(" in html and "&lt;img src=x onerror=alert(" in html
    assert "&lt;/textarea&gt;&lt;a href=&#34;javascript:alert(" in html


def test_money_after_a_magnitude_keeps_its_currency():
    es = extract_numbers("5 mil millones de dólares, cinco millones de dólares, 320 millones de euros, "
                         "el 5 de agosto", "es")
    en = extract_numbers("$5 billion, five million dollars, 320 million euros, on August 5", "en")
    assert [(f.value, f.unit) for f in es] == [(5e9, "usd"), (5e6, "usd"), (3.2e8, "eur"), (5, None)]
    assert [(f.value, f.unit) for f in en] == [(5e9, "usd"), (5e6, "usd"), (3.2e8, "eur"), (5, None)]
