"""One test per registered check: a small pair it must flag and one it must pass.

``fails(check, es, en)`` asserts the check reports something on the pair (and returns its
findings); ``passes(check, es, en)`` asserts it reports nothing. Both run the whole
pipeline on a Spanish and an English version (Apertium for the translation) with only
that check selected.
"""

import json

import pytest

from concord.checks import REGISTRY
from concord.config import Settings
from concord.pipeline import compare_files

from conftest import needs_apertium

pytestmark = needs_apertium


def _findings(check_id, es, en, tmp_path, po=False):
    if po:  # one message of a translator file (gettext PO): Spanish source, English target
        files = [tmp_path / "story.po"]
        files[0].write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: es\\n"\n\n'
                            f"msgid {json.dumps(es)}\nmsgstr {json.dumps(en)}\n", encoding="utf-8")
    else:
        files = [tmp_path / "story.es.txt", tmp_path / "story.en.txt"]
        files[0].write_text(es, encoding="utf-8")
        files[1].write_text(en, encoding="utf-8")
    # Spanish is the source: it is "a", omissions are Spanish sentences the English lacks
    result = compare_files(files, Settings(translator="apertium", checks=[check_id], source="es"))
    found = list(result.findings())
    assert {f["check"] for f in found} <= {check_id}
    return found


@pytest.fixture
def fails(tmp_path):
    def run(check_id, es, en, po=False):
        found = _findings(check_id, es, en, tmp_path, po)
        assert found, f"{check_id} passed a pair it must flag"
        return found
    return run


@pytest.fixture
def passes(tmp_path):
    def run(check_id, es, en, po=False):
        found = _findings(check_id, es, en, tmp_path, po)
        assert found == [], [f["message"] for f in found]
    return run


def test_every_check_has_a_test_here():
    import inspect
    import sys

    source = inspect.getsource(sys.modules[__name__])
    assert [c for c in REGISTRY if f'fails("{c}"' not in source] == []


def test_number(fails, passes):
    es = "La planta emplea a 120 personas desde el año pasado."
    got = fails("number", es, "The plant has employed 150 people since last year.")
    assert [(f["severity"], f["a"]["text"], f["b"]["text"]) for f in got] == [("error", "120", "150")]
    passes("number", es, "The plant has employed 120 people since last year.")
    passes("number", "El déficit llegó al 3,5% del PIB.", "The deficit reached 3.5% of GDP.")


def test_date(fails, passes):
    es = "El tribunal dictará sentencia el 20 de enero de 2026."
    got = fails("date", es, "The court will rule on January 21, 2026.")
    assert got[0]["severity"] == "error" and "21" in got[0]["b"]["text"]
    passes("date", es, "The court will rule on January 20, 2026.")


def test_weekday(fails, passes):
    # 21 January 2026 is a Wednesday
    got = fails("weekday", "El consejo se reunió el martes 21 de enero de 2026.",
                "The council met on Wednesday, January 21, 2026.")
    assert [f["severity"] for f in got] == ["warning"] and got[0]["a"]["text"].startswith("martes")
    passes("weekday", "El consejo se reunió el miércoles 21 de enero de 2026.",
           "The council met on Wednesday, January 21, 2026.")


def test_quote(fails, passes):
    es = 'El ministro dijo: "Vamos a construir tres hospitales nuevos este año".'
    got = fails("quote", es, "The minister said the government had other priorities for the year.")
    assert got[0]["classification"] in ("missing", "paraphrased")
    passes("quote", es, 'The minister said: "We are going to build three new hospitals this year".')


def test_meaning(fails, passes):
    es = "El alcalde dijo que la fábrica de papel permanecerá cerrada hasta el verano."
    got = fails("meaning", es, "The mayor said the paper factory will remain open until the summer.")
    assert [(f["severity"], f["classification"]) for f in got] == [("error", "antonym")]
    got = fails("meaning", es, "The mayor said the paper factory will not remain closed until the summer.")
    assert [f["classification"] for f in got] == ["negation"]
    passes("meaning", es, "The mayor said the paper mill would stay shut until summer.")


def test_name(fails, passes):
    es = "La alcaldesa Carmen Villalobos inauguró el puente en Arequipa."
    got = fails("name", es, "Mayor Teresa Quispe opened the bridge in Arequipa.")
    assert [(f["message"], f["classification"], f["severity"]) for f in got] == [
        ("Name changed: story.es.txt says 'Carmen Villalobos', story.en.txt says 'Teresa Quispe'.",
         "replaced", "warning")]
    got = fails("name", es, "Mayor Carmen Vilalobos opened the bridge in Arequipa.")
    assert [(f["classification"], f["b"]["text"]) for f in got] == [("misspelt", "Carmen Vilalobos")]
    passes("name", es, "Mayor Carmen Villalobos opened the bridge in Arequipa.")
    # a country in its other language's name is the same name (CLDR)
    passes("name", "La alcaldesa viajó a Alemania y a Suiza.", "The mayor travelled to Germany and Switzerland.")


def test_role(fails, passes):
    es = "Detuvieron a Tomás Arbeloa Iturbe, tesorero del sindicato, en Lima."
    got = fails("role", es, "Police arrested Tomás Arbeloa Iturbe, a cousin of the governor, in Lima.")
    assert got[0]["classification"] == "role"
    passes("role", es, "Police arrested Tomás Arbeloa Iturbe, treasurer of the union, in Lima.")


_ES3 = ("El puerto reabrió el lunes tras la tormenta.\n\n"
        "Los daños se estiman en 40 millones de dólares según la autoridad portuaria.\n\n"
        "Los pescadores volvieron al mar el martes.\n")
_EN3 = ("The port reopened on Monday after the storm.\n\n"
        "Damage is estimated at 40 million dollars according to the port authority.\n\n"
        "Fishermen went back to sea on Tuesday.\n")
_EN2 = ("The port reopened on Monday after the storm.\n\n"
        "Fishermen went back to sea on Tuesday.\n")


def test_omission_and_addition(fails, passes):
    # compare_files keeps the order given: the Spanish file is A
    got = fails("omission", _ES3, _EN2)
    assert [f["a"]["text"] for f in got] == [
        "Los daños se estiman en 40 millones de dólares según la autoridad portuaria."]
    assert got[0]["severity"] == "warning" and "40 millones de dólares" in got[0]["message"]
    passes("omission", _ES3, _EN3)
    passes("addition", _ES3, _EN2)
    got = fails("addition", _ES3.replace(
        "Los daños se estiman en 40 millones de dólares según la autoridad portuaria.\n\n", ""), _EN3)
    assert "40 million dollars" in got[0]["b"]["text"]


def test_credit(fails, passes):
    # a Spanish wire dateline the English version drops; then both carry one
    es = "TRUJILLO, 2 feb (Andina).- " + _ES3
    got = fails("credit", es, _EN3)
    assert [(f["a"]["text"], f["b"]) for f in got] == [("TRUJILLO, 2 feb (Andina).-", None)]
    passes("credit", es, "TRUJILLO, Feb 2 (Andina) - " + _EN3)



def test_partial_omission_and_addition(fails, passes):
    es = "Los detenidos, presuntamente miembros de una red de contrabando, fueron trasladados a la cárcel."
    en = "The detainees, members of a smuggling network, were taken to the prison."
    got = fails("partial-omission", es, en)
    assert [(f["severity"], f["a"]["text"]) for f in got] == [("warning", "presuntamente")]
    passes("partial-addition", es, en)
    passes("partial-omission", es, en.replace("members", "allegedly members"))
    got = fails("partial-addition", es.replace("presuntamente ", ""), en.replace("members", "allegedly members"))
    assert [(f["severity"], f["b"]["text"]) for f in got] == [("warning", "allegedly")]

def test_an_omitted_sentence_carries_its_facts_and_they_are_not_reported_again(tmp_path):
    a, b = tmp_path / "s.es.txt", tmp_path / "s.en.txt"
    a.write_text(_ES3.replace("según la autoridad portuaria", "según el director Ramiro Etxeberria"),
                 encoding="utf-8")
    b.write_text(_EN2, encoding="utf-8")
    found = list(compare_files([a, b], Settings(translator="apertium", source="es")).findings())
    assert [(f["check"], f["severity"]) for f in found] == [("omission", "warning")]
    assert found[0]["facts"] == ["40 millones de dólares", "Ramiro Etxeberria"]


def test_an_omitted_sentence_with_content_but_no_facts_is_a_warning(fails):
    es = ("El puerto reabrió el lunes tras la tormenta.\n\n"
          "Los vecinos temen que el agua vuelva a entrar en las casas cercanas al muelle.\n\n"
          "Los pescadores volvieron al mar el martes.\n")
    got = fails("omission", es, _EN2)
    assert [(f["severity"], f["facts"]) for f in got] == [("warning", [])]


def test_a_dropped_heading_is_layout_not_an_omission(tmp_path):
    a, b = tmp_path / "s.es.txt", tmp_path / "s.en.txt"
    a.write_text("Daños en el muelle\n\n" + _ES3, encoding="utf-8")
    b.write_text(_EN3, encoding="utf-8")
    group = compare_files([a, b], Settings(translator="apertium", source="es")).groups[0]
    pair = group["pairs"][0]
    # the heading's content is in the other version's story: a heading bead, no finding
    assert {"a": [0], "b": [], "score": 0.0, "kind": "heading"} in pair["alignment"]
    assert [f for f in pair["findings"] if f["check"] in ("omission", "addition")] == []


def test_a_difference_stated_twice_is_reported_at_each_place(tmp_path):
    a, b = tmp_path / "s.es.txt", tmp_path / "s.en.txt"
    a.write_text("La planta de Monterrey despedirá a 120 trabajadores en marzo, anunció la empresa.\n\n"
                 "Los sindicatos convocaron una huelga para el lunes.\n\n"
                 "La empresa confirmó que los 120 trabajadores recibirán una indemnización.\n", encoding="utf-8")
    b.write_text("The Monterrey plant will lay off 150 workers in March, the company announced.\n\n"
                 "The unions called a strike for Monday.\n\n"
                 "The company confirmed that the 150 workers will receive severance pay.\n", encoding="utf-8")
    found = [f for f in compare_files([a, b], Settings(translator="apertium", source="es")).findings()
             if f["check"] == "number"]
    assert [(f["a"]["sentences"], f["a"]["text"], f["b"]["text"]) for f in found] == [
        ([0], "120", "150"), ([2], "120", "150")]
    assert len({f["id"] for f in found}) == 2


def test_language(fails, passes):
    got = fails("language", "El puerto reabrió el lunes tras la tormenta.\n",
                "The port reopened on Monday after the storm, reported Ana Ruiz, 20 de enero de 2026.\n")
    assert got[0]["severity"] == "info" and "20 de enero de 2026" in got[0]["b"]["text"]
    passes("language", "El puerto reabrió el lunes tras la tormenta.\n",
           "The port reopened on Monday after the storm.\n")


def test_placeholder(fails, passes):
    got = fails("placeholder", "Hola, {0}. Tienes correo nuevo.", "Hello. You have new mail.", po=True)
    assert [(f["severity"], f["message"]) for f in got] == [
        ("error", "Placeholder '{0}' (unit 1) is in story.po.es, not in story.po.en.")]
    passes("placeholder", "Hola, {0}. Tienes correo nuevo.", "Hello, {0}. You have new mail.", po=True)
    passes("placeholder", "Hola, {0}. Tienes correo nuevo.", "Hello. You have new mail.")  # news text: never
