"""Versions in a language without a profile: labelled with their own code, listed as not
compared, never compared; the Spanish/English pair next to them is checked as before."""

import shutil
from pathlib import Path

import pytest

from concord.config import Settings
from concord.detect import other_language
from concord.pipeline import check_corpus

DATA = Path(__file__).parent / "data" / "multilingual"
PROFILED = ("en", "es")


def _pairs(result):
    return {(p["a"], p["b"]): [(f["check"], f["message"]) for f in p["findings"]]
            for g in result.groups for p in g["pairs"]}


def test_other_languages_are_named_and_not_compared(tmp_path):
    warnings = []
    result = check_corpus(DATA / "corpus", Settings(translator="none"), warn=warnings.append)
    (group,) = result.groups
    labels = {d["id"]: d["language"] for d in group["documents"]}
    assert labels == {"story.de.txt": "de", "story.en.txt": "en", "story.es.txt": "es",
                      "story.it.txt": "it", "story.zh.txt": "zh"}
    assert [(u["document"], u["reason"]) for u in group["uncompared"]] == [
        ("story.de.txt", "de: no language profile; not compared"),
        ("story.it.txt", "it: no language profile; not compared"),
        ("story.zh.txt", "zh: no language profile; not compared")]
    assert sorted(w.split("/")[-1] for w in warnings) == [
        "story.de.txt: de: no language profile; not compared",
        "story.it.txt: it: no language profile; not compared",
        "story.zh.txt: zh: no language profile; not compared"]
    assert list(_pairs(result)) == [("story.en.txt", "story.es.txt")]

    # the same pair alone: the same findings
    alone = tmp_path / "pair"
    alone.mkdir()
    for name in ("story.en.txt", "story.es.txt"):
        shutil.copy(DATA / "corpus" / name, alone / name)
    plain = check_corpus(alone, Settings(translator="none"))
    assert _pairs(plain) == _pairs(result)
    assert "uncompared" not in plain.groups[0]


def test_declared_language_tag_is_honoured():
    # two short German units: too short to detect, the TMX tag names them
    result = check_corpus(DATA / "glossary", Settings(translator="none"))
    (group,) = result.groups
    assert sorted(d["language"] for d in group["documents"]) == ["de", "en"]
    assert [u["language"] for u in group["uncompared"]] == ["de"]
    assert group["pairs"] == []


def test_profiled_text_is_never_another_language():
    assert other_language("El alcalde anunció ayer que el nuevo puente se abrirá en la primavera.",
                          PROFILED) is None
    assert other_language("The mayor announced yesterday that the bridge opens in the spring.",
                          PROFILED) is None
    assert other_language("Der Bürgermeister sagte gestern, die Brücke werde im Frühling eröffnet.",
                          PROFILED) == "de"
    assert other_language("Omar García Harfuch, 2026", PROFILED) is None  # nothing to read


def _pair_installed(source: str, target: str) -> bool:
    from concord.translate.apertium import ApertiumTranslator

    t = ApertiumTranslator()
    return t.available(source, target) and t.available("es", "en")


@pytest.mark.skipif(not _pair_installed("fr", "es"), reason="apertium-fr-es not installed")
def test_french_reaches_english_through_spanish_each_hop_cached(tmp_path):
    from concord.translate import TranslationCache, hub_route, route_label, translate_texts

    route = hub_route("apertium", "fr", "en")
    assert route is not None
    (first, hub), (second, target) = route
    assert (hub, target) == ("es", "en")
    assert route_label("fr", hub, "en", first, second) == "apertium:fra-spa+spa-eng"
    cache = TranslationCache(tmp_path / "cache.sqlite")
    middle = translate_texts(["Le maire a annoncé mardi que le pont ouvrira en mars."], "fr", "es", first, cache)
    out = translate_texts(middle, "es", "en", second, cache)
    assert "puente" in middle[0] and "bridge" in out[0] and "March" in out[0]
    # each hop is its own cached pair
    assert cache.get_many(first.name, first.version("fr", "es"), "fr", "es",
                          ["Le maire a annoncé mardi que le pont ouvrira en mars."])
    assert cache.get_many(second.name, second.version("es", "en"), "es", "en", middle)


@pytest.mark.skipif(not _pair_installed("pt", "es"), reason="apertium-es-pt not installed")
def test_portuguese_route_is_named():
    from concord.translate import hub_route, route_label

    route = hub_route("apertium", "pt", "en")
    assert route is not None
    (first, hub), (second, _) = route
    assert route_label("pt", hub, "en", first, second) == "apertium:por-spa+spa-eng"


# The French profile (lang/fr/): the same attributes as the Spanish one, French grammar.

def _fr():
    from importlib import import_module

    return import_module("concord.lang.fr")


@pytest.mark.parametrize("code", ["fr", "pt"])
def test_new_profile_has_every_attribute_of_the_spanish_one(code):
    import types
    from importlib import import_module

    def public(module):
        return {n for n in dir(module) if not n.startswith("_") and n != "annotations"
                and not isinstance(getattr(module, n), types.ModuleType)}

    es, new = import_module("concord.lang.es"), import_module(f"concord.lang.{code}")
    assert public(es) == public(new)
    for topic in ("numbers", "dates", "segment", "quotes", "polarity", "names", "detect"):
        assert public(getattr(es, topic)) == public(getattr(new, topic)), topic


def test_french_counts_in_twenties():
    from text_to_num import text2num

    cards = _fr().numbers.CARDINALS
    # a compound is split on its hyphens; every piece is a profile word, text2num reads the whole
    for phrase, value in (("soixante-dix", 70), ("quatre-vingts", 80), ("quatre-vingt-dix", 90),
                          ("quatre-vingt-dix-sept", 97), ("soixante et onze", 71)):
        assert all(w in cards or w in _fr().numbers.JOINERS for w in phrase.replace("-", " ").split())
        assert text2num(phrase, "fr") == value


def test_french_calendar_from_cldr_and_date_patterns():
    import re

    fr = _fr()
    assert fr.MONTHS[0] == "janvier" and fr.WEEKDAYS[0] == "lundi"
    pats = [p.replace("{weekday}", "(?:lundi|mardi)").replace("{year}", r"\d{4}")
            for p in fr.dates.patterns(fr)]
    m = re.search(pats[0], "Le pont ouvrira le mardi 1er mars 2027.", re.I)
    assert m and (m.group("d"), m.group("mon"), m.group("y")) == ("1", "mars", "2027")


def test_french_negation_is_discontinuous_and_ne_que_negates_nothing():
    import re

    pol = _fr().polarity
    assert {"ne", "pas", "jamais", "plus"} <= pol.NEGATORS
    assert {"ne", "n'", "non"} == pol.ALWAYS_NEGATES  # ne ... pas is one negation
    restriction = re.compile("|".join(pol.NOT_NEGATING), re.I)
    assert restriction.search("Il n'a que deux enfants.")
    assert not restriction.search("Il ne viendra pas.")
    assert not restriction.search("Se necesita que venga.")  # no French *ne* inside a Spanish word


def test_new_profiles_not_names_are_read_where_their_language_is_compared():
    """Portuguese lists *Para* though Spanish does too: in a French/Portuguese pair (where
    Spanish knowledge is not read) a sentence-opening *Para* is no name; in a
    Spanish/English pair the Portuguese list is not read."""
    from concord import lang
    from concord.facts.names import _COMMON

    with lang.comparing(("en", "fr", "pt")):
        assert {"para", "fora", "dans", "il"} <= _COMMON.current()
    with lang.comparing(("en", "es")):
        assert "fora" not in _COMMON.current() and "dans" not in _COMMON.current()


def test_evidence_words_are_read_among_the_story_languages():
    """French and Portuguese list their common words though Spanish writes them too (*de*,
    *la*, *que*): beside Spanish they are evidence of neither, so a French or Portuguese
    sentence of a four-language story holds no Spanish span, and a Spanish/English story
    reads them as before."""
    from concord.detect import sentence_language

    four = ("en", "es", "fr", "pt")
    fr = "Dans la deuxième guerre, la ville s'est établie comme la puissance de sa région."
    pt = "Na Segunda Guerra, a cidade se impôs como um poder local no Peloponeso e no resto da Grécia."
    assert sentence_language(fr, "fr", four) == ("fr", [])
    assert sentence_language(pt, "pt", four) == ("pt", [])
    assert sentence_language("Publié par Ana Ruiz, el lunes 20 de enero de 2026", "fr", four)[1] != []
    assert sentence_language("Published by Williams Perdomo 20 de enero, 2026", "en", ("en", "es")) == \
        ("en", [(30, 47, "es")])
    # read among the four profiles, *de* is no Spanish evidence of its own but not English
    # either: beside *enero* it is part of the Spanish date
    assert sentence_language("Published by Williams Perdomo 20 de enero, 2026", "en", four) == \
        ("en", [(30, 47, "es")])
    assert sentence_language("Vive en Santa Cruz de la Sierra desde 2020.", "en", four)[1] == []


def test_portuguese_numbers_weekdays_and_negation():
    import re
    from importlib import import_module

    from text_to_num import text2num

    pt = import_module("concord.lang.pt")
    assert all(w in pt.numbers.CARDINALS or w in pt.numbers.JOINERS for w in "trinta e dois".split())
    assert text2num("trinta e dois", "pt") == 32
    assert pt.WEEKDAY_NUMBERS["terça-feira"] == pt.WEEKDAY_NUMBERS["terca"] == 1  # with and without -feira
    assert {"não"} == pt.polarity.ALWAYS_NEGATES  # negative concord: não ... nada is one
    pats = [p.replace("{weekday}", "(?:segunda-feira)").replace("{year}", r"\d{4}")
            for p in pt.dates.patterns(pt)]
    m = re.search(pats[0], "A ponte abre a 1º de março de 2027.", re.I)
    assert m and (m.group("d"), m.group("mon"), m.group("y")) == ("1", "março", "2027")


def test_a_story_is_read_among_its_own_languages():
    from concord.detect import story_languages
    from concord.document import Document

    es = Document(id="a", path="a", text="", language="es")
    en = Document(id="b", path="b", text="", language="en")
    fr = Document(id="c", path="c", text="", language="fr")
    every = ("en", "es", "fr")
    assert story_languages([es, en], every) == ("en", "es")
    assert story_languages([fr, en], every) == ("en", "fr")
    assert story_languages([es], every) == every  # one version: every language


# Knowledge no single language owns is read from the languages of the pair compared.

def test_a_pair_is_read_with_its_own_languages_and_the_pivot():
    from concord import lang

    assert lang.pair_languages({"es", "fr"}) == ("en", "es", "fr")
    assert lang.pair_languages({"en", "es", None}) == ("en", "es")
    assert lang.pair_languages({"fr", "pt"}, pivot="es") == ("es", "fr", "pt")
    # two versions in the pivot language: every profile of the run
    assert lang.pair_languages({"en"}, every=("en", "es")) == ("en", "es")
    assert lang.compared() == lang.LANGUAGES  # outside a comparison
    with lang.comparing(("en", "fr")):
        assert lang.compared() == ("en", "fr")
    assert lang.compared() == lang.LANGUAGES


def test_scoped_values_are_built_once_per_set_of_languages():
    from concord import lang

    built = []
    words = lang.Scoped(lambda codes: built.append(codes) or frozenset(codes))
    with lang.comparing(("en", "es")):
        assert "es" in words and "fr" not in words and sorted(words) == ["en", "es"]
        assert "en" in words
    with lang.comparing(("en", "fr")):
        assert "fr" in words
    assert built == [("en", "es"), ("en", "fr")]


def test_a_word_of_a_third_language_does_not_change_a_spanish_english_pair():
    from concord import lang
    from concord.facts.dates import extract_dates
    from concord.facts.names import extract_names

    # Portuguese "segunda" (Monday) and French "sur" (on) are Spanish words of other kinds
    text = "La segunda reunión con Corea del Sur fue larga."
    with lang.comparing(("en", "es")):
        assert extract_dates(text, "es") == []
        assert [f.surface for f in extract_names(text, "es", text)] == ["Corea del Sur"]
    with lang.comparing(("en", "pt")):
        assert [f.weekday for f in extract_dates("A reunião foi na segunda.", "pt")] == [0]


def test_adding_profiles_leaves_a_spanish_english_story_unchanged():
    two = check_corpus(DATA / "corpus", Settings(translator="none", languages=("en", "es")))
    four = check_corpus(DATA / "corpus", Settings(translator="none", languages=("en", "es", "fr", "pt")))
    assert _pairs(two) == _pairs(four)


def test_french_expletive_ne_and_comparative_plus_negate_nothing():
    from concord.facts.polarity import negations

    for text in ("Le prix est plus élevé qu'il ne l'était l'an dernier.",
                 "Il faut agir avant que la crue ne détruise le pont.",
                 "Le maire ne pouvait signer le décret que si le conseil votait."):
        assert negations(text, "fr") == [], text
    for text in ("Le maire ne signera pas le décret.", "Personne ne l'a vu.", "Il n'a jamais voté."):
        assert negations(text, "fr"), text


def test_french_collective_numerals_and_times_written_with_h():
    from concord.facts.numbers import extract_numbers

    assert [(f.surface, f.value) for f in extract_numbers("Une trentaine de maisons ont brûlé.", "fr")] == [
        ("trentaine", 30.0)]
    assert extract_numbers("Le train part à 18 h 45 et arrive à 21h10.", "fr") == []
    assert [f.value for f in extract_numbers("Le vote a duré 3 heures.", "fr")] == [3.0]


def test_portuguese_grammar_words_are_evidence_of_portuguese():
    from concord.detect import lexical_scores

    scores = lexical_scores("Porém, isso não é o que eles têm dito nesta semana.")
    assert scores["pt"] > max(scores["es"], scores["fr"])


def test_accuracy_counts_pud_multi_per_language_pair(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import accuracy

    for code, paragraphs in (("en", 2), ("es", 2), ("fr", 3)):
        (tmp_path / f"s1.{code}.txt").write_text("\n\n".join(["Una frase."] * paragraphs), encoding="utf-8")
    assert accuracy.multi_sentences(tmp_path) == {"en-es": 2, "en-fr": 3, "es-fr": 3}
    group = {"documents": [{"id": "s1.fr.txt", "language": "fr", "path": "s1.fr.txt"},
                           {"id": "s1.es.txt", "language": "es", "path": "s1.es.txt"}],
             "pairs": [{"a": "s1.es.txt", "b": "s1.fr.txt", "findings": [
                 {"category": "number", "severity": "error"}, {"category": "name", "severity": "info"}]}]}
    assert accuracy.multi_tally([group]) == {"es-fr": {"number": 1}}


def test_a_french_document_full_of_words_spanish_also_writes_is_french():
    """French writes many of Spanish's commonest function words (*la*, *de*, *que*, *se*),
    which the Spanish profile counts as its evidence; a whole document the statistical
    model confidently places in French is French, not Spanish."""
    from concord.detect import document_language
    from concord.document import Document

    text = ("La commune de Vallorcine se trouve dans la vallée de l'Arve, que la route "
            "de Chamonix traverse depuis la fin de la guerre.")
    doc = Document(id="a.txt", path="a.txt", text=text)
    assert document_language(doc) == "fr"
    spanish = Document(id="b.txt", path="b.txt",
                       text="La comuna de Vallorcine se encuentra en el valle del Arve, que la carretera "
                            "de Chamonix atraviesa desde el final de la guerra.")
    assert document_language(spanish) == "es"


def test_french_forclusifs_of_another_sense_and_jamais_meaning_ever():
    """*les plus secs*, *plus tôt*, *une personne* negate nothing; *personne ne*, *ne ...
    plus* do; *si jamais*, *plus que jamais* mean *ever*; *ne ... guère* is approximate;
    *il n'y a pas longtemps* is a litotes of time."""
    from concord.facts.polarity import negations

    assert negations("Les Alpes arrosent les endroits les plus secs, 120 ans plus tôt.", "fr") == []
    assert negations("Une personne a été blessée.", "fr") == []
    assert negations("Personne n'est venu.", "fr") != []
    assert negations("Il ne vient plus.", "fr") != []
    assert negations("Leur droit n'était-il plus garanti ?", "fr") != []  # n' is written onto its verb
    assert negations("Les animaux font rarement halte, si jamais, après la période.", "fr") == []
    assert negations("Il est plus fort que jamais.", "fr") == []
    assert negations("La lettre n'a guère été commentée.", "fr") == []
    assert negations("Il n'y a pas si longtemps, il vivait à Lyon.", "fr") == []
    assert negations("Il ne viendra jamais.", "fr") != []
    assert negations("La zone ne représente qu'environ 11 % du continent.", "fr") == []  # ne ... qu'


def test_portuguese_nunca_meaning_ever_and_litotes_of_time():
    from concord.facts.polarity import negations

    assert negations("As empresas mandam mais do que nunca em Wall Street.", "pt") == []
    assert negations("Não há muito tempo, ele morava em Lisboa.", "pt") == []
    assert negations("Ele nunca veio.", "pt") != []


def test_french_and_portuguese_ordinals_are_formed_by_rule():
    from importlib import import_module

    fr = import_module("concord.lang.fr").numbers.ORDINALS
    pt = import_module("concord.lang.pt").numbers.ORDINALS
    assert fr["quatorzième"] == 14 and fr["onzième"] == 11 and fr["cinquième"] == 5 and fr["neuvième"] == 9
    assert fr["vingtième"] == 20 and fr["troisième"] == 3 and "vingtsième" not in fr
    assert pt["vigésimo"] == pt["vigésima"] == 20 and pt["centésimo"] == 100


def test_a_document_goes_to_another_language_only_when_both_models_say_so(monkeypatch):
    """lingua alone, however confident, does not move a document the words and langdetect
    place in Portuguese; with langdetect agreeing it does."""
    from concord import detect
    from concord.document import Document

    text = "É muito rico em recursos naturais, com grandes jazidas de prata, cobre, estanho e zinco."
    four = ("en", "es", "fr", "pt")
    monkeypatch.setattr(detect, "lingua_scores", lambda t, languages=four: {"es": 0.99, "pt": 0.01})
    assert detect.document_language(Document(id="d", path="d", text=text), four) == "pt"
    monkeypatch.setattr(detect, "langdetect_scores", lambda t, languages=four: {"es": 0.8, "pt": 0.2})
    assert detect.document_language(Document(id="d", path="d", text=text), four) == "es"
