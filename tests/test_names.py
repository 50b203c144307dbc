"""Name knowledge and name differences: CLDR names, demonyms, acronyms, spelling."""

import random
import re
import time

import pytest

from concord.config import Settings
from concord.facts.name_knowledge import (
    _DEMONYM_SUFFIX,
    adjective_of,
    cognate,
    defined_acronyms,
    is_nationality,
    keys_of,
    known_in,
    language_specific,
    text_words,
    typo,
)
from concord.facts.names import _COMMON, _MAX_DEMONYM_SUFFIX, _PARTICLES, TextIndex, extract_names, name_in
from concord.pipeline import compare_files
from concord.text import fold, fold_slow

from conftest import needs_apertium


def test_cldr_country_names_match_across_languages():
    assert keys_of("Alemania") == keys_of("Germany") == frozenset({"T:DE"})
    assert known_in("Alemania", "Talks were held in Germany.")
    # doubled-initial Spanish plural abbreviation, ISO alpha-3 code, CLDR alias
    for us in ("EE. UU.", "EEUU", "Estados Unidos", "USA"):
        assert known_in(us, "the United States said"), us
    assert known_in("United States", "según EE.UU. y México")
    assert known_in("Russia", "la economía rusa creció")
    assert not known_in("Alemania", "Talks were held in France.")
    assert name_in("Reino Unido", "the United Kingdom voted")
    assert not name_in("Reino Unido", "the United States voted")


def test_nationalities_and_languages_are_not_names():
    for w in ("Macedonian", "Latin Americans", "South Korean", "Finnish", "rusa", "Australian"):
        assert is_nationality(w), w
    for w in ("Germany", "Clinton", "Texas", "Australia"):
        assert not is_nationality(w), w


def test_acronyms_defined_in_the_text():
    assert defined_acronyms("dijo la Organización Panamericana de la Salud (OPS) ayer") == {
        "OPS": "Organización Panamericana de la Salud"}
    assert defined_acronyms("the Pan American Health Organization (PAHO) said") == {
        "PAHO": "Pan American Health Organization"}
    assert defined_acronyms("the price (in USD) rose") == {}


def test_misspelling_and_exonyms_are_told_apart():
    for a, b in (("Clinton", "Clitnon"), ("Williams", "Willaims"), ("Garrard", "Garrand")):
        assert typo(a, b), (a, b)
    for a, b in (("Nilo", "Nile"), ("Tracia", "Thrace"), ("Sajalín", "Sakhalin"), ("Qadesh", "Kadesh"),
                 ("Sukothai", "Sukhothai"), ("Flensburgo", "Flensburg"), ("Clinton", "Clinton")):
        assert not typo(a, b), (a, b)
        assert cognate(a, b), (a, b)
    for a, b in (("Trump", "Curio"), ("Crimea", "Yemen"), ("Madrid", "Hunan"), ("Asia", "Austria")):
        assert not cognate(a, b), (a, b)


def test_language_specific_forms_from_word_frequencies():
    assert language_specific("Tracia", "es", "en")
    assert language_specific("Thrace", "en", "es")
    assert not language_specific("Crimea", "es", "en")
    assert not language_specific("Zuckerberg", "en", "es")


def test_title_case_heading_words_are_not_names():
    assert [f.surface for f in extract_names("Frequently Asked Questions", "en")] == []
    assert [f.surface for f in extract_names("Claudia Sheinbaum", "en")] == ["Claudia Sheinbaum"]
    assert [f.surface for f in extract_names("Increased Cooperation", "en")] == []


_ES = """Bill Clinton visitó Alemania con Mark Zuckerberg.

La Organización Panamericana de la Salud (OPS) publicó su informe sobre Tracia.
"""
_EN = """Bill Clinton visited Germany with Mark Zuckerberg.

The Pan American Health Organization (PAHO) published its report on Thrace.
"""


@needs_apertium
@pytest.mark.parametrize("names", ["rules", "auto"])
def test_translation_is_clean_and_planted_names_are_found(tmp_path, names):
    es, en = tmp_path / "s.es.txt", tmp_path / "s.en.txt"
    es.write_text(_ES, encoding="utf-8")

    def findings(text):
        en.write_text(text, encoding="utf-8")
        r = compare_files([en, es], Settings(translator="apertium", names=names))
        return [f for f in r.groups[0]["pairs"][0]["findings"]
                if f["category"] == "name" and f["severity"] != "info"]

    assert findings(_EN) == []
    misspelt = findings(_EN.replace("Bill Clinton", "Bill Clitnon"))
    assert [f["classification"] for f in misspelt] == ["misspelt"]
    assert "Clitnon" in misspelt[0]["message"] and "Clinton" in misspelt[0]["message"]
    replaced = findings(_EN.replace("Mark Zuckerberg", "Cristina Cifuentes"))
    assert [f["classification"] for f in replaced] == ["replaced"]
    assert "Cristina Cifuentes" in replaced[0]["message"] and "Mark Zuckerberg" in replaced[0]["message"]


# --- false alarms on clean translations, each next to a real difference --------------

def test_exonym_forms_from_word_frequencies():
    from concord.facts.name_knowledge import exonym_form

    # a Spanish form English never uses: its absence from the English version is no evidence
    assert exonym_form("Pekín", "es", "en")
    assert exonym_form("Ródano", "es", "en")
    # names used alike in both languages, and a rare name of one language only, are not
    for name, lang, other in (("Madrid", "es", "en"), ("Nevada", "es", "en"), ("Hopley", "en", "es")):
        assert not exonym_form(name, lang, other), name


def test_cognates_need_every_rare_word_to_correspond():
    # a shared given name or ordinary word does not make two names one
    assert not cognate("Christian Wolmar", "Christian Panvalkar")
    assert not cognate("Gran Moravia", "Great Freeman")
    # one name with a title or given name the other omits, short forms, voicing
    for a, b in (("Tsar Alexander", "Alejandro"), ("King Franz Joseph", "Francisco José I"),
                 ("Goryeo", "Koryo"), ("North Sea", "mar del Norte"), ("Lord Halifax", "Halifax")):
        assert cognate(a, b), (a, b)
    assert not cognate("Asia", "Austria")


def test_names_made_of_ordinary_words():
    from concord.facts.name_knowledge import common_phrase

    assert common_phrase("Walls of the Ruler", "en", "es")  # a descriptive name, translated
    assert not common_phrase("Puerto Rico", "en", "es")  # Spanish words kept in English
    assert not common_phrase("Chapel Hill", "es", "en")
    assert common_phrase("Edad Media", "es", single=True)
    assert not common_phrase("Cambridgeshire", "es", single=True)


def test_place_adjectives_and_territory_words():
    from concord.facts.name_knowledge import adjective_of

    assert adjective_of("Macedonia", "Macedonian") and adjective_of("Tracia", "tracio")
    assert not adjective_of("Macedonia", "Macedonia") and not adjective_of("Mesa", "mesas")
    # a word of a territory's own name is not a demonym (San Pedro y Miquelón)
    assert not is_nationality("San Pedro")
    assert is_nationality("macedonios")


def test_appositive_is_a_noun_phrase_not_a_clause():
    from concord.facts.names import appositive

    assert appositive("said Erik Solheim, head of UN Environment.", "Erik Solheim")[1] == "head of UN Environment"
    assert appositive("brand chief Herbert Diess, who remains at the car maker.", "Herbert Diess") is None
    assert appositive("the actress, Gloria Holden, but carried the torch after it.", "Gloria Holden") is None
    assert appositive("Herbert Diess, que continúa en la empresa.", "Herbert Diess") is None


def test_roles_naming_one_body_are_one_role():
    from concord.checks.names import _shared_capitals

    assert _shared_capitals("head of UN Environment", "executive director of UN Acclimatise", "Erik Solheim")
    assert not _shared_capitals("number two of the cartel", "father of Pedro Inzunza Coronel", "Ismael Zambada")


_ES2 = """El primer ministro visitó Pekín con Mark Zuckerberg el lunes.

Los grandes ríos de Suiza son el Rin y el Ródano, dijo Ana Ruiz.

"Ey, ¿os habéis dado cuenta de esto?", preguntó Luis Herrera.

La frontera de Macedonia llegaba entonces al río Mesta.
"""
_EN2 = """The prime minister visited Beijing with Mark Zuckerberg on Monday.

The great rivers of Switzerland are the Rhine and the Rhône, said Ana Ruiz.

"Hey, did you notice this?" asked Luis Herrera.

The Macedonian border then reached the river Nestus (Mesta).
"""


@needs_apertium
def test_exonyms_interjections_and_alternative_names_are_not_flagged(tmp_path):
    from concord.facts.ner import SpacyNER

    if not (SpacyNER().available("es") and SpacyNER().available("en")):
        pytest.skip("spaCy pipelines not installed")
    es, en = tmp_path / "t.es.txt", tmp_path / "t.en.txt"
    es.write_text(_ES2, encoding="utf-8")

    def findings(text):
        en.write_text(text, encoding="utf-8")
        r = compare_files([en, es], Settings(translator="apertium", names="spacy"))
        return [f for f in r.groups[0]["pairs"][0]["findings"]
                if f["category"] == "name" and f["severity"] != "info"]

    assert findings(_EN2) == []
    replaced = findings(_EN2.replace("Mark Zuckerberg", "Cristina Cifuentes"))
    assert [f["classification"] for f in replaced] == ["replaced"]
    assert "Cristina Cifuentes" in replaced[0]["message"] and "Mark Zuckerberg" in replaced[0]["message"]
    misspelt = findings(_EN2.replace("Luis Herrera", "Luis Herrrea"))
    assert [f["classification"] for f in misspelt] == ["misspelt"]
    # a place replaced next to an exonym is still a changed name
    moved = findings(_EN2.replace("Nestus (Mesta)", "Danube"))
    assert len(moved) == 1 and "Danube" in moved[0]["message"]


# --- lookup indexes: the same answers as the scans they replace, in linear time ---------

def _scan_surname_mention(text, toks):
    """The whole-text scan the surname index replaces (the definition)."""
    prev = None
    for m in re.finditer(r"\w+", text):
        w = m.group(0)
        if fold(w) == toks[-1] and (prev is None or not prev[0].isupper() or fold(prev) in toks
                                    or fold(prev) in _COMMON or fold(prev) in _PARTICLES):
            return True
        prev = w
    return False


_TEXTS = [
    "Evo Morales was not sent. Later, Secretary Harfuch said the Morales file was closed.",
    "Omar García Harfuch met Evo Morales in La Paz; de Morales nothing was said.",
    "la economía rusa creció; the Macedonian border and the macedonios were calm in Tracia.",
    "los tracios y los macedonios",
    "Talks were held in Germany, the United Kingdom and EE. UU. with the UK and US envoys.",
    "The Pan American Health Organization (PAHO) and la OPS, según la Organización Mundial.",
    "Juan-Carlos met Ana. In Lima, Ana said: Ana, Ana; ¿Ana? Inc. Ana.de Ruiz and Ruiz.",
]
_NAMES = ["Morales", "Omar Treviño Morales", "Omar García Harfuch", "Evo Morales", "Rusia",
          "Macedonia", "Tracia", "Alemania", "Reino Unido", "Estados Unidos", "Ana", "Ruiz",
          "Ana María Ruiz", "PAHO", "OPS", "Juan", "Lima", "Germany", "Inc.", "Ana.de", "Carlos"]


def test_text_index_answers_as_the_scans_do():
    for text in _TEXTS + [" ".join(_TEXTS)]:
        ix = TextIndex(text)
        words = text_words(text)
        for name in _NAMES:
            toks = [fold(t) for t in re.findall(r"\w+", name)]
            assert ix.surname_mention(toks) == _scan_surname_mention(text, toks), (text, name)
            assert ix.known(*_known_args(name)) == known_in(name, text) if keys_of(name) else True
            if " " not in name and len(name) >= 4:
                assert ix.adjective(name) == any(adjective_of(name, w) for w in words if len(w) > len(name))
            if " " not in name:
                want = re.search(r"(?<=[\w,;] )" + re.escape(name) + r"\b", text) is not None
                assert ix.mid_sentence(name) == want, (text, name)
            assert ix.contains(name) == (name in text)
    # the adjective index (long texts) answers as the scan (short texts) does
    long = " ".join(_TEXTS * 10) + " los tracios"
    assert len(text_words(long)) > 48  # indexed, not scanned
    for name in _NAMES:
        if " " not in name and len(name) >= 4:
            want = any(adjective_of(name, w) for w in text_words(long) if len(w) > len(name))
            assert TextIndex(long).adjective(name) == want, name
    assert TextIndex(long).adjective("Macedonia") and TextIndex(long).adjective("Tracia")
    assert not TextIndex(long).adjective("Alemania")


def _known_args(name):
    from concord.facts.name_knowledge import cldr_names

    keys = keys_of(name)
    return keys, cldr_names(keys)


def test_known_names_are_found_through_the_index():
    ix = TextIndex("según EE.UU. y México, la economía rusa creció en el Reino Unido")
    assert ix.known(*_known_args("United States"))  # a doubled-initial abbreviation
    assert ix.known(*_known_args("Russia"))  # an adjective
    assert ix.known(*_known_args("United Kingdom"))  # its Spanish name, two words in a row
    assert not ix.known(*_known_args("Germany"))
    assert not TextIndex("el Reino de Unido").known(*_known_args("United Kingdom"))
    assert name_in("Reino Unido", ix) and not name_in("Alemania", ix)


def test_longest_demonym_suffix_is_indexed():
    alternatives = re.findall(r"[a-z]+", _DEMONYM_SUFFIX.pattern)
    assert max(len(a) for a in alternatives) == _MAX_DEMONYM_SUFFIX


def test_fold_by_table_equals_fold_by_normalising():
    rnd = random.Random(7)
    pool = [chr(c) for c in [*range(32, 0x250), *range(0x300, 0x370), *range(0x390, 0x3D0),
                             *range(0x1E00, 0x1F00), 0xFB01, 0x2160, 0x212B, 0x130, 0xAC00, 0x1100]]
    for _ in range(20000):
        t = "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 10)))
        assert fold(t) == fold_slow(t), t
    assert fold("García Ñandú ΣΑΣ") == "garcia nandu σας"


def _syllables(k: int, n: int = 4) -> str:
    parts = ["ka", "lo", "mi", "ru", "ze", "ta", "no", "vi"]
    out = ""
    for _ in range(n):
        out += parts[k % 8]
        k //= 8
    return out.capitalize()


def _name_pair(n: int):
    """Two versions of ``n`` sentences, each naming its own person; version B names the
    person of A's next sentence, so every name is found elsewhere in the other version
    (the whole-document lookup) rather than in its aligned sentence."""
    from concord.document import Bead, BeadKind, Document
    from concord.segment import segment_document

    people = [f"{_syllables(2 * k)} {_syllables(2 * k + 1)}" for k in range(n)]
    a = " ".join(f"Officials said {p} met the committee on the second day." for p in people)
    b = " ".join(f"Officials said {people[(k + 1) % n]} met the committee on the second day."
                 for k in range(n))
    docs = []
    for i, text in enumerate((a, b)):
        d = Document(id=f"d{i}", path=f"d{i}", text=text, language="en")
        segment_document(d)
        for s in d.sentences:
            s.language = "en"
        docs.append(d)
    beads = [Bead([k], [k], 1.0, BeadKind.MATCH) for k in range(n)]
    return docs[0], docs[1], beads


def _check_names(arg):
    from concord.checks._name_match import name_differences
    from concord.facts.table import document_facts

    a, b, beads = arg
    return name_differences(document_facts(a), document_facts(b), beads)


def test_name_checking_grows_linearly_with_a_long_document_of_many_names():
    a, b, beads = _name_pair(30)
    assert len(a.sentences) == 30 and _check_names((a, b, beads)) == []  # every name found
    # a name the other version never states is still a difference
    a2 = a.text.replace("Officials said", "Officials in Zubarov said", 1)
    from concord.document import Document

    d = Document(id="d0", path="d0", text=a2, language="en")
    from concord.segment import segment_document

    segment_document(d)
    for s in d.sentences:
        s.language = "en"
    assert [x.a.surface for x in _check_names((d, b, beads))] == ["Zubarov"]

    def best(arg):
        t = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            _check_names(arg)
            t = min(t, time.process_time() - t0)
        return t

    inputs = [_name_pair(40 * k) for k in (1, 4, 16)]
    _check_names(inputs[0])  # warm up (CLDR, word frequencies)
    times = [best(x) for x in inputs]
    ratio = times[2] / max(times[0], 5e-3)
    assert ratio < 16 * 3.0, f"super-linear growth: {times} (x16 ratio {ratio:.1f})"


# --- a name in one version only: every form looked for, evidence of a cut -------------

def test_a_name_is_found_in_the_forms_translators_give_it():
    from concord.facts.name_knowledge import clipped, same_letters, word_rendered

    # a transcription or spelling, a plural, an adjective formed on it, a compound's adjective
    assert word_rendered("Slavs", "en", "eslavos", "es")
    assert word_rendered("Pacífico", "es", "Pacific", "en")
    assert word_rendered("clictivismo", "es", "clicktivism", "en")
    assert word_rendered("Scotland", "en", "Scottish", "en")
    assert word_rendered("Ieyasu", "en", "leyasu", "es")  # capital I and small l
    assert clipped("Euro-Asia", "euroasiática")
    assert clipped("Insta", "Instagram")
    assert clipped("Det", "detective", abbreviation=True)
    # ... but not a word that merely begins alike, nor a different name sharing letters
    assert not clipped("Mark", "market")
    assert not word_rendered("Salazar", "es", "salarial", "es")
    assert not word_rendered("Walmart", "es", "walls", "en")
    # acronyms reordered by each language's word order are one acronym
    assert same_letters("LGBT", "LGTB") and same_letters("OTAN", "NATO")
    assert not same_letters("LGBT", "LGBTQ")


@needs_apertium
def test_a_name_translated_word_by_word_is_present():
    from concord.facts.name_knowledge import name_rendered

    def words(text, code):
        return [(w, code) for w in re.findall(r"\w+", text)]

    assert name_rendered("Partido Verde", "es", words("The Green Party met on Monday.", "en"))
    assert name_rendered("defensa activa", "es", words("a tactic known as active defence", "en"))
    assert name_rendered("National Socialists", "en", words("llegaron los nacionalsocialistas", "es"))
    # every rare word of a name must be there: a first name alone is not the person
    assert not name_rendered("Ricardo Salazar", "es", words("said Richard, a journalist", "en"))
    # a name of ordinary words needs more than half of them: "aerial" alone is no institute
    assert not name_rendered("Instituto Aéreo", "es", words("the first aerial tests began", "en"))


def test_language_named_after_a_country_states_it():
    assert known_in("Alemania", "The wall has remained in German hands ever since.")
    assert known_in("Tailandia", "Thai birth certificates record the hour.")
    assert not known_in("Canadá", "She speaks Catalan at home.")  # ca is not Canada's language


def test_a_cut_leaves_a_hole():
    from concord import lang
    from concord.checks._name_match import holed

    for text in ("The farmers protested yesterday in .", "However,, a geologist at the institute said so.",
                 "It was built in the as a test.", "s Iron Dome system worked.", "Has found sponsors in Spain.",
                 '"We will win," said.', "The debt of 's sons was paid."):
        assert holed(text), text
    with lang.comparing(("en", "es")):  # the words of a Spanish-English pair
        for text in ("The farmers protested yesterday in Valdemoro.", "Has he found sponsors?",
                     '"We will win," said Ana.', "La de Juan y el que vino llegaron tarde.",
                     "En el siglo 8 a. C., Grecia creció.", "Trabajó en la capital, y luego volvió."):
            assert not holed(text), text


def test_edges_of_entity_spans_and_headlines():
    from concord.facts.names import names_from_entities

    t = "¿Qué dijo? Después lideró el ministro de Asuntos Exteriores y another Honorary Award."
    ents = [(0, 4, "PER"), (11, 25, "PER"), (29, 59, "ORG"), (62, 86, "MISC")]
    got = [f.surface for f in names_from_entities(t, ents, "es", t)]
    assert "¿Qué" not in got and "Qué" not in got and "Asuntos Exteriores" in got
    assert not any(g.startswith(("another", "ministro")) for g in got)
    # a name inside a MISC entity comes from the rules
    t = "Los partidarios de Walmart protestaron."
    assert [f.surface for f in names_from_entities(t, [(19, 26, "MISC")], "es", t)] == ["Walmart"]
    # a title-case headline's common words are not part of the name; a name alone on its line is whole
    head = "Lucinda Abernathy Undergoes Emergency Surgery After Suffering Knee Injury"
    assert [f.surface for f in extract_names(head, "en", head)] == ["Lucinda Abernathy"]
    assert [f.surface for f in extract_names("Claudia Sheinbaum", "en")] == ["Claudia Sheinbaum"]


def test_era_designators_and_abbreviation_pieces_are_not_names():
    from concord.checks._name_match import _DOUBLED_PIECE, _ERAS

    assert fold("BC") in _ERAS and "a.c." in _ERAS
    assert _DOUBLED_PIECE.match("UU.") and _DOUBLED_PIECE.match("EE") and not _DOUBLED_PIECE.match("EU")


_ES3 = """El alcalde inauguró el puente el martes.

Los agricultores protestaron ayer por la sequía en Valdemoro.

La exposición viajará después a Londres y a Escocia.
"""
_EN3 = """The mayor opened the bridge on Tuesday.

The farmers protested yesterday over the drought in Valdemoro.

The exhibition will then travel to London and Scotland.
"""


@needs_apertium
def test_a_dropped_name_is_a_warning_where_the_sentence_shows_the_cut(tmp_path):
    es, en = tmp_path / "p.es.txt", tmp_path / "p.en.txt"
    es.write_text(_ES3, encoding="utf-8")

    def findings(text):
        en.write_text(text, encoding="utf-8")
        r = compare_files([en, es], Settings(translator="apertium"))
        return [f for f in r.groups[0]["pairs"][0]["findings"] if f["category"] == "name"]

    assert findings(_EN3) == []  # exonyms through MT: no finding at all
    cut = findings(_EN3.replace(" in Valdemoro.", " in ."))
    assert [(f["severity"], f["classification"]) for f in cut] == [("warning", "missing")]
    assert "Valdemoro" in cut[0]["message"]
    # the same name left out cleanly (a translator's choice) is shown, not a warning
    left = findings(_EN3.replace(" in Valdemoro.", "."))
    assert [f["severity"] for f in left] == ["info"]


def test_a_common_word_opening_a_sentence_is_no_name():
    # the capital of "People" and "Muchas" is their position's, also after an opening quote
    assert [f.surface for f in extract_names("“People will save less this winter …", "en")] == []
    assert [f.surface for f in extract_names("Muchas familias viven en Quito.", "es")] == ["Quito"]
    # a word the document capitalises in mid-sentence keeps its capital
    text = "Will arrived late. The film stars Will and Grace."
    assert "Will" in [f.surface for f in extract_names("Will arrived late.", "en", text)]
