"""Sentence alignment: the team's gold-aligned set, the scoring definitions, the CLI."""

import importlib.util

import pytest
from click.testing import CliRunner

from concord.align import align_documents, align_texts
from concord.cli import main
from concord.translate import TranslationCache, get_translator, translate_texts

from align_eval import final_links, monotonic, score_links
from conftest import CORPUS, ROOT, needs_apertium

GOLD_DIR = ROOT / "tests" / "data" / "align"


def _build_module():
    spec = importlib.util.spec_from_file_location("align_build", GOLD_DIR / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _read_links(path):
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        a, b = line.split("\t")
        out.append((tuple(int(x) for x in a.split(",") if x), tuple(int(x) for x in b.split(",") if x)))
    return out


def _stories():
    return sorted(p.name[: -len(".gold.tsv")] for p in GOLD_DIR.glob("*.gold.tsv"))


def test_gold_files_are_built_from_the_bead_files():
    build = _build_module()
    beads = sorted(GOLD_DIR.glob("*.beads.txt"))
    assert len(beads) == len(_stories()) >= 9
    for path in beads:
        for target, text in build.derived(path).items():
            assert target.read_text(encoding="utf-8") == text, f"{target.name} is stale: run build.py"


def test_gold_set_size_and_bead_types():
    kinds = {}
    moved = 0
    total = 0
    for story in _stories():
        links = _read_links(GOLD_DIR / f"{story}.gold.tsv")
        es = (GOLD_DIR / f"{story}.es.txt").read_text(encoding="utf-8").splitlines()
        en = (GOLD_DIR / f"{story}.en.txt").read_text(encoding="utf-8").splitlines()
        # every sentence of both sides is in exactly one link
        assert sorted(i for a, _ in links for i in a) == list(range(len(es)))
        assert sorted(j for _, b in links for j in b) == list(range(len(en)))
        last_b = -1
        for a, b in sorted(links):
            kinds[(len(a), len(b))] = kinds.get((len(a), len(b)), 0) + 1
            if a and b:
                if b[0] < last_b:
                    moved += 1
                last_b = max(last_b, b[-1])
        total += len(links)
    assert total >= 400
    assert kinds[(1, 1)] >= 350
    for kind in ((1, 2), (2, 1), (1, 0), (0, 1)):
        assert kinds[kind] >= 5, kind
    assert moved >= 1  # at least one moved paragraph (links out of order)


def test_score_links_follows_the_strict_and_lax_definitions():
    gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((), (2,)), ((4,), (3,))]
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ()), ((), (2,)), ((4,), (3,))]
    s = score_links([gold], [test])
    # precision over the 6 test links: 4 exact (0-0, 3-, -2, 4-3), 5 lax (1-1 overlaps 1,2-1)
    assert s["precision_strict"] == pytest.approx(4 / 6)
    assert s["precision_lax"] == pytest.approx(5 / 6)
    # recall over the 3 gold links with both sides: 0-0 and 4-3 exact, 1,2-1 lax
    assert s["recall_strict"] == pytest.approx(2 / 3)
    assert s["recall_lax"] == pytest.approx(1.0)
    # 1-0 / 0-1 links: test has 3 (2-, 3-, -2), gold has 2 (3-, -2), 2 in common
    assert s["precision_gap"] == pytest.approx(2 / 3)
    assert s["recall_gap"] == pytest.approx(1.0)
    assert s["f1_gap"] == pytest.approx(0.8)


def test_final_links_replace_omissions_with_moved_beads():
    # A moved sentence is one moved link, never an omission plus an addition. (In a text of
    # three or four sentences every word is common, so the evidence is too weak to link a
    # sentence out of order: the moved sentence stays unaligned there.)
    a = ["The storm killed 12 people in Oaxaca.", "Schools will stay closed on Friday.",
         "The army sent 3,500 soldiers.", "Power was cut to 210,000 homes.",
         "Fishermen kept their boats in port.", "The governor asked for federal funds.",
         "Bridges on the coastal highway were damaged.", "Forecasters expect more rain."]
    b = ["The army sent 3,500 soldiers.", "Power was cut to 210,000 homes.",
         "Fishermen kept their boats in port.", "The governor asked for federal funds.",
         "Bridges on the coastal highway were damaged.", "Forecasters expect more rain.",
         "The storm killed 12 people in Oaxaca."]
    beads = align_texts(a, b)
    links = final_links(beads)
    assert ((0,), (6,)) in links
    assert [bd.kind for bd in beads if bd.a == [0]] == ["moved"]
    assert ((1,), ()) in links
    assert ((2,), (0,)) in links and ((3,), (1,)) in links
    assert sorted(i for x, _ in links for i in x) == list(range(8))
    assert sorted(j for _, y in links for j in y) == list(range(7))


def test_swapped_neighbours_are_moved_not_omitted():
    a = ["The central bank raised its rate to 7.5 percent on Thursday.",
         "Inflation reached 9.1 percent in March, the highest since 2008.",
         "Exporters welcomed the stronger peso.", "Importers warned of higher costs.",
         "The finance minister will present the budget in October.",
         "Unions called a strike for 14 November."]
    b = [a[0], a[1], a[3], a[2], a[4], a[5]]
    beads = align_texts(a, b)
    assert sorted(final_links(beads)) == [((0,), (0,)), ((1,), (1,)), ((2,), (3,)),
                                          ((3,), (2,)), ((4,), (4,)), ((5,), (5,))]
    assert not [bd for bd in beads if bd.kind in ("omission", "addition")]


@needs_apertium
def test_team_gold_set_meets_the_targets():
    """Strict F1 >= 0.97 and 1-0/0-1 F1 >= 0.90 over the whole set (Apertium MT of the
    Spanish side), the same figures benchmarks/align_gold.py prints."""
    tr = get_translator("apertium", "es", "en")
    cache = TranslationCache()
    gold, test = [], []
    for story in _stories():
        es = (GOLD_DIR / f"{story}.es.txt").read_text(encoding="utf-8").splitlines()
        en = (GOLD_DIR / f"{story}.en.txt").read_text(encoding="utf-8").splitlines()
        mt = translate_texts(es, "es", "en", tr, cache)
        gold.append(_read_links(GOLD_DIR / f"{story}.gold.tsv"))
        # languages given, as the benchmark and ``align_documents`` do, so the lexicon reads
        # the originals
        test.append(final_links(align_texts(mt, en, es, en, a_lang="es", b_lang="en")))
    s = score_links(gold, test)
    assert s["f1_strict"] >= 0.97, s
    assert s["f1_gap"] >= 0.90, s
    assert s["f1_lax"] >= 0.99, s


@needs_apertium
def test_cli_align_lines_on_a_gold_story():
    es, en = GOLD_DIR / "02-banco.es.txt", GOLD_DIR / "02-banco.en.txt"
    r = CliRunner().invoke(main, ["align", str(es), str(en), "--lines", "--translator", "apertium"])
    assert r.exit_code == 0, r.output
    rows = [line.split("\t") for line in r.output.splitlines()]
    beads = {(row[0], row[1]): row[3] if len(row) > 3 else "match" for row in rows}
    # the two Spanish sentences about the dissenting directors are one English sentence
    es_lines = es.read_text(encoding="utf-8").splitlines()
    i = next(n for n, s in enumerate(es_lines) if s.startswith("Los dos directores disidentes"))
    en_lines = en.read_text(encoding="utf-8").splitlines()
    j = next(n for n, s in enumerate(en_lines) if s.startswith("The two dissenting directors"))
    assert beads[(f"{i},{i + 1}", str(j))] == "match"
    # the moved paragraph (last year's rate cuts) is found at the end of the English version
    k = next(n for n, s in enumerate(es_lines) if s.startswith("Aquellos recortes"))
    m = next(n for n, s in enumerate(en_lines) if s.startswith("Those cuts were meant"))
    assert m > len(en_lines) - 5
    assert beads[(str(k), str(m))] in ("moved", "repeated")
    # Brasil's rate sentence is not in the English version
    o = next(n for n, s in enumerate(es_lines) if s.startswith("Brasil mantiene"))
    assert (str(o), "") in beads


def test_cli_align_without_translation_says_so(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("El sismo dejó 14 muertos en Antofagasta.\nCodelco cerró dos minas.\n", encoding="utf-8")
    b.write_text("The quake killed 14 people in Antofagasta.\nCodelco shut two mines.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["align", str(a), str(b), "--lines", "--translator", "none"])
    assert r.exit_code == 0
    assert "no translation" in r.stderr
    assert [line.split("\t")[:2] for line in r.stdout.splitlines()] == [["0", "0"], ["1", "1"]]


def test_long_identical_documents_align_one_to_one():
    import random

    rng = random.Random(3)
    words = [f"w{i}x" for i in range(3000)]
    doc = [" ".join(rng.choice(words) for _ in range(15)) + "." for _ in range(800)]
    beads = monotonic(align_texts(doc, doc))
    assert [(b.a, b.b) for b in beads] == [([i], [i]) for i in range(800)]


def test_gap_filling_next_to_other_gaps():
    """A positional pair inside a run of gaps is not made, and nothing is lost."""
    a = ["The board met on June 30.", "Rates rose 2 points.", "Shares fell 3%.", "The mayor resigned."]
    b = ["The mayor resigned.", "Exports grew 5% in May.", "The joint gathers on 31 July.", "Oil 7 dollars."]
    beads = monotonic(align_texts(a, b))
    assert sorted(i for bd in beads for i in bd.a) == [0, 1, 2, 3]
    assert sorted(j for bd in beads for j in bd.b) == [0, 1, 2, 3]


def test_numbers_with_a_unit_suffix_are_anchors_of_the_number():
    from concord.text import normalise_number

    assert [normalise_number(t) for t in ["16bn", "5km", "1.500", "1,5", "2025"]] == \
        ["16", "5", "1500", "1.5", "2025"]


def test_a_sentence_whose_names_the_other_side_lacks_is_not_merged():
    # From the corpus: the Spanish version drops the Los Zetas sentence. Its second
    # sentence shares "among" and "sent" with the first one's Apertium translation (recorded
    # below) but none of its names, so it is an omission, not half of a 2-1 bead.
    en = ["In the first rendition on February 28, 2025, Mexico sent 29 alleged drug traffickers "
          "to the United States, among them veteran drug lord Rafael Caro Quintero, who was "
          "wanted by the U.S. for the murder of DEA agent Enrique Kiki Camarena.",
          "At that time, Miguel Angel and Omar Treviño Morales, leaders of the Los Zetas "
          "criminal organization, among other leaders of criminal organizations, were also sent.",
          "During the second rendition in August, Mexico sent 26 others to the United States, "
          "including \"high-profile\" members of the Jalisco Cartel - New Generation and the "
          "Sinaloa Cartel."]
    es = ["En la primera entrega, el 27 de febrero de 2025, México envió a 29 presuntos "
          "narcotraficantes, entre ellos el veterano capo Rafael Caro Quintero, buscado por el "
          "asesinato del agente de la DEA Enrique \"Kiki\" Camarena.",
          "En la segunda entrega, en agosto, México envió a otros 26, entre ellos integrantes "
          "\"de alto perfil\" del Cártel Jalisco Nueva Generación y del Cártel de Sinaloa."]
    es_mt = ["In the first delivery, on 27 February 2025, Mexico sent to 29 presumptive "
             "narcotraficantes, among them the veteran capo Rafael Expensive Quintero, looked for "
             "by the murder of the agent of the DEA Enrique \"Kiki\" Camarena",
             "In the second delivery, in August, Mexico sent to other 26, among them integral "
             "\"of tall profile\" of the Cartel Jalisco New Generation and of the Cartel of Sinaloa"]
    links = final_links(align_texts(en, es_mt, en, es, b_lang="es"))
    assert links == [((0,), (0,)), ((1,), ()), ((2,), (1,))]


def test_a_sentence_merged_for_its_content_keeps_its_merge():
    # The second sentence has no names: it is a real 2-1 (its content is in B's sentence).
    a = ["The storm cut power to 40,000 homes in Valencia on Tuesday.",
         "Firefighters rescued dozens of drivers stranded on flooded roads."]
    b = ["The storm cut power to 40,000 homes in Valencia on Tuesday, and firefighters "
         "rescued dozens of drivers stranded on flooded roads."]
    assert final_links(align_texts(a, b)) == [((0, 1), (0,))]


@pytest.mark.xfail(strict=True, reason="known gap: the content model leaves the poor "
                   "translation (B's sentence 1) unaligned, so the repeat has no counterpart")
def test_a_lone_sentence_restating_its_own_version_is_a_repeat():
    # A's FAQ answer repeats A's sentence 1, whose counterpart in B is a poor translation:
    # the repeat is linked to that counterpart, not reported as a sentence B lacks.
    a = ["Mexico sent 37 alleged cartel members to the United States on Tuesday.",
         "Harfuch also stated that an agreement was reached ensuring the U.S. Justice system "
         "would not seek the death penalty for those extradited.",
         "Frequently asked questions",
         "The Mexican government stated that an agreement was reached with the U.S. Justice "
         "system not to seek the death penalty for the individuals extradited."]
    b = ["Mexico sent to the United States 37 presumed members of cartels on Tuesday.",
         "The official added that, at the request of the Department of Justice, the "
         "commitment was assumed of not requesting the pity of death for those sent."]
    # the rest of the story, the same in both (in a two-sentence text every word is common
    # to half the text, so words are no evidence: the model needs a few sentences)
    rest = ["Security forces in Sinaloa arrested a regional commander on Monday.",
            "Sheinbaum said cooperation with Washington respects national sovereignty.",
            "Prosecutors in Texas will present the charges next week."]
    a[2:2] = rest
    b += rest
    beads = align_texts(a, b)
    # the repeat is reported once, as repeated, not also as an omission
    assert [(bd.a, bd.b, bd.kind) for bd in beads if bd.kind != "match"] == [
        ([5], [], "omission"), ([6], [1], "repeated")]
    assert ((6,), (1,)) in final_links(beads) and ((6,), ()) not in final_links(beads)
    # A repeat that brings a new figure is not a repetition: it stays unaligned.
    a[6] = a[6].replace("the individuals extradited", "the 37 individuals extradited")
    assert ((6,), ()) in final_links(align_texts(a, b))


@needs_apertium
def test_seed_story_headings_pair_only_on_content():
    """The seed articles (corpus/000_*, 002_*) and the Spanish desk version: no heading is
    paired with an unrelated heading or dateline, and no sentence is both unaligned and
    linked (moved/repeated)."""
    a_name = next(p.name for p in CORPUS.glob("000_*.txt"))
    b_name = next(p.name for p in CORPUS.glob("002_*.txt"))
    for pair in ((a_name, b_name), (b_name, "mexico-extradiciones.es.txt"),
                 (a_name, "mexico-extradiciones.es.txt")):
        da, db = _translated(*pair)
        beads = align_documents(da, db)
        ta = [s.text for s in da.sentences]
        tb = [s.text for s in db.sentences]
        pairs = {(ta[i], tb[j]) for bd in beads for i in bd.a for j in bd.b}
        for x, y in (("Frequently Asked Questions", "Ciudad de México, 20 de enero de 2026"),
                     ("Renewed pressure from Trump", "Increased Cooperation")):
            assert (x, y) not in pairs and (y, x) not in pairs, pair
        lone_a = {bd.a[0] for bd in beads if bd.kind == "omission"}
        lone_b = {bd.b[0] for bd in beads if bd.kind == "addition"}
        linked_a = {i for bd in beads if bd.kind in ("moved", "repeated") for i in bd.a}
        linked_b = {j for bd in beads if bd.kind in ("moved", "repeated") for j in bd.b}
        assert not (lone_a & linked_a) and not (lone_b & linked_b), pair


def _translated(name_a, name_b):
    """The two files as the ``concord align`` command prepares them (segmented, languages
    detected, translated by Apertium)."""
    from concord.corpus import load_document
    from concord.detect import annotate_languages
    from concord.segment import segment_document
    from concord.translate import translate_documents

    docs = []
    for name in (name_a, name_b):
        doc = load_document(CORPUS / name, name)
        segment_document(doc)
        annotate_languages(doc)
        docs.append(doc)
    translate_documents(docs, "en", "apertium", TranslationCache())
    return docs


def _noisy_pair(n=200, seed=5):
    """A text of n made-up sentences and a version of it with 30% of the words replaced
    (so a translation's words hit about 70% of the time, as with real MT)."""
    import random

    rng = random.Random(seed)
    words = [f"w{i}x" for i in range(4000)]
    a = [" ".join(rng.choice(words) for _ in range(12)) + "." for _ in range(n)]
    b = [" ".join(w if rng.random() > 0.3 else rng.choice(words) for w in s[:-1].split()) + "."
         for s in a]
    return a, b


def _shared(a, b, j, k):
    """k words that B's sentence j and its counterpart A's sentence j both have."""
    return [w for w in b[j][:-1].split() if w in a[j].split()][:k]


def test_a_restatement_is_looked_for_in_the_story_around_the_sentence():
    from concord.align import AlignParams

    a, b = _noisy_pair()
    for j, linked in ((25, True), (45, True), (60, False), (150, False)):
        # A gains, at position 20, a short line restating B's sentence j
        a2 = a[:20] + [" ".join(_shared(a, b, j, 3) + ["v1z"]) + "."] + a[20:]
        odd = [(bd.a, bd.b, bd.kind) for bd in align_texts(a2, b) if bd.kind != "match"]
        assert odd == ([([20], [j], "repeated")] if linked else [([20], [], "omission")]), j
        # without the bound on the neighbourhood, the distant sentence would be linked
        wide = align_texts(a2, b, params=AlignParams(story=len(b)))
        assert [(bd.a, bd.b) for bd in wide if bd.kind != "match"] == [([20], [j])], j


def test_a_restatement_of_two_sentences_at_once_is_not_linked_to_either():
    a, b = _noisy_pair()
    words = _shared(a, b, 25, 2) + _shared(a, b, 30, 2)
    # a sentence: its content is not identified with one sentence, so it is an omission
    a2 = a[:20] + [" ".join(words) + "."] + a[20:]
    assert [(bd.a, bd.b, bd.kind) for bd in align_texts(a2, b) if bd.kind != "match"] == [
        ([20], [], "omission")]
    # a heading (no final punctuation) whose content the other version carries: layout
    a2 = a[:20] + [" ".join(words)] + a[20:]
    assert [(bd.a, bd.b, bd.kind) for bd in align_texts(a2, b) if bd.kind != "match"] == [
        ([20], [], "heading")]


def _made_up(rng, k, prefix="z"):
    """A sentence of k made-up words no other sentence of these tests uses."""
    return " ".join(f"{prefix}{rng.randrange(10**6)}q" for _ in range(k)) + "."


def test_a_pair_without_a_common_word_at_its_place_is_one_bead():
    """Between two aligned neighbours, a short sentence on each side that shares no word
    (a translation in other words than the lexicon's) is paired: the 1-1 bead's prior and
    length beat two null beads' priors. A long pair without a common word is not."""
    import random

    rng = random.Random(11)
    a, b = _noisy_pair()
    a[50], b[50] = _made_up(rng, 4, "p"), _made_up(rng, 4, "r")
    assert not [bd for bd in align_texts(a, b) if bd.kind != "match"]
    assert ((50,), (50,)) in final_links(align_texts(a, b))
    a[50], b[50] = _made_up(rng, 25, "p"), _made_up(rng, 25, "r")
    odd = sorted((bd.a, bd.b, bd.kind) for bd in align_texts(a, b) if bd.kind != "match")
    assert odd == [([], [50], "addition"), ([50], [], "omission")]


def test_a_gap_with_a_dropped_sentence_next_to_a_freely_translated_one():
    """A's sentence 50 has no counterpart and A's 51 is translated in other words than
    B's 50 uses: the gap is realigned in order, 50 an omission and 51 with B's 50."""
    import random

    rng = random.Random(12)
    a, b = _noisy_pair()
    a[51], b[51] = _made_up(rng, 4, "p"), _made_up(rng, 4, "r")
    del b[50]
    links = final_links(align_texts(a, b))
    assert ((50,), ()) in links and ((51,), (50,)) in links
    assert not [x for x in links if not x[0] and x[1]]


def test_a_moved_passage_is_linked_as_a_block():
    """Three consecutive sentences moved 10 sentences on in B, one of them with no word in
    common with its counterpart: linked as one block (moved), none left unaligned."""
    import random

    rng = random.Random(13)
    a, b = _noisy_pair()
    a[41], b[41] = _made_up(rng, 4, "p"), _made_up(rng, 4, "r")
    b2 = b[:40] + b[43:53] + b[40:43] + b[53:]
    beads = align_texts(a, b2)
    assert not [bd for bd in beads if bd.kind in ("omission", "addition")]
    moved = sorted((bd.a, bd.b) for bd in beads if bd.kind == "moved")
    assert ([41], [51]) in moved and ([40], [50]) in moved and ([42], [52]) in moved


def test_a_merged_sentence_brings_words_of_its_own():
    """A sentence repeating only words of its neighbour (a headline restated by the next
    sentence) is not merged with it into one bead against the other side's translation
    of that neighbour: it is unaligned (here restated, so repeated), not half of a 2-1."""
    a, b = _noisy_pair()
    head = " ".join(a[60][:-1].split()[:5]) + "."
    a2 = a[:60] + [head] + a[60:]
    beads = align_texts(a2, b)
    assert not [bd for bd in beads if bd.kind == "match" and 60 in bd.a and len(bd.a) > 1]
    assert ((61,), (60,)) in final_links(beads)


def test_a_sentence_split_in_two_is_one_bead():
    """B splits A's sentence 30 in two at a clause: a 1-2 bead."""
    a, b = _noisy_pair()
    words = b[30][:-1].split()
    b2 = b[:30] + [" ".join(words[:6]) + ".", " ".join(words[6:]) + "."] + b[31:]
    assert ((30,), (30, 31)) in final_links(align_texts(a, b2))


def test_a_number_grouped_by_spaces_is_one_number():
    from concord.align.sentences import _words

    assert _words("con 380 000 habitantes y 1 200 500 euros") == [
        "con", "380000", "habitantes", "y", "1200500", "euros"]
    assert _words("en 2018 100 personas") == ["en", "2018", "100", "personas"]


def test_an_unaligned_sentence_scores_its_closest_sentence_in_the_story():
    """An omission bead's score: the share of its words the closest sentence of the other
    version around it carries (0 when none does)."""
    import random

    rng = random.Random(14)
    a, b = _noisy_pair()
    a2 = a[:20] + [_made_up(rng, 8, "p")] + a[20:]
    lone = [bd for bd in align_texts(a2, b) if bd.kind == "omission"]
    assert [(bd.a, bd.score) for bd in lone] == [([20], 0.0)]
    # a quarter of its words in B's sentence 25 (not enough to be linked as a restatement)
    part = _shared(a, b, 25, 2) + [f"p{k}q" for k in range(6)]
    a2 = a[:20] + [" ".join(part) + "."] + a[20:]
    lone = [bd for bd in align_texts(a2, b) if bd.kind == "omission"]
    assert [bd.a for bd in lone] == [[20]] and lone[0].score == 0.25


def test_align_gold_counts_false_gaps_and_finds_the_shared_sets(tmp_path):
    import align_gold

    gold = [[((0,), (0,)), ((1,), ()), ((2,), (1,))]]
    test = [[((0,), ()), ((), (0,)), ((1,), ()), ((2,), (1,))]]
    assert align_gold.false_gaps(gold, test) == 2
    for name in ("b-set", "a-set", "no-gold"):
        (tmp_path / "align-gold" / name).mkdir(parents=True)
    for name in ("a-set", "b-set"):
        (tmp_path / "align-gold" / name / "gold.tsv").write_text("0\t0\n", encoding="utf-8")
    assert align_gold.shared_sets(tmp_path / "align-gold") == ["a-set", "b-set"]
    assert align_gold.shared_sets(tmp_path / "absent") == []


def test_a_short_story_with_one_extra_sentence_still_pairs_its_translation():
    """One English sentence against two Spanish ones: the whole-document length ratio is
    about 2, which rules out every 1-1 bead; the aligner then falls back to Gale &
    Church's ratio of 1 and pairs the translation, leaving the extra sentence an
    addition (not three one-sided sentences)."""
    a = ["As soon as the results were announced, the streets filled with people celebrating loudly."]
    b = ["When they published the results, the avenues got full of citizens that celebrated with noise.",
         "Many shop owners, among them several restaurateurs, complain that the parties damage their business."]
    b_source = ["Cuando publicaron los resultados, las avenidas se llenaron de ciudadanos que celebraban con ruido.",
                "Muchos comerciantes, entre ellos varios restauradores, se quejan de que las fiestas dañan su negocio."]
    beads = align_texts(a, b, None, b_source, a_lang="en", b_lang="es")
    assert [(bd.a, bd.b, str(bd.kind)) for bd in beads] == [([0], [0], "match"), ([], [1], "addition")]
