"""Sentence segmentation: exact boundaries on tricky Spanish and English cases."""

import pytest

from concord.document import Document
from concord.segment import segment_document, split_paragraphs, split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


EN = [
    ("The U.S. Justice Department agreed. Prosecutors will not seek death.",
     ["The U.S. Justice Department agreed.", "Prosecutors will not seek death."]),
    ("They were sent to the U.S. The transfer took place on Tuesday.",
     ["They were sent to the U.S.", "The transfer took place on Tuesday."]),
    ("Dr. Smith met Mr. Jones at 9 a.m. on Monday.", ["Dr. Smith met Mr. Jones at 9 a.m. on Monday."]),
    ("The flight left at 9 a.m. It landed two hours later.",
     ["The flight left at 9 a.m.", "It landed two hours later."]),
    ("Inflation rose 1.5 percent. Rates held.", ["Inflation rose 1.5 percent.", "Rates held."]),
    ("The index fell 2.75% to 1,234.5 points.", ["The index fell 2.75% to 1,234.5 points."]),
    ('"We will win," she said. "They will lose."', ['"We will win," she said.', '"They will lose."']),
    ('"Stop!" he shouted. Nobody did.', ['"Stop!" he shouted.', "Nobody did."]),
    ("Is it over? Nobody knows.", ["Is it over?", "Nobody knows."]),
    ("It was over... and then it was not.", ["It was over... and then it was not."]),
    ("J. K. Rowling wrote the book.", ["J. K. Rowling wrote the book."]),
    ("Gen. Ortiz and Sen. Blake spoke. Gov. Reyes did not.",
     ["Gen. Ortiz and Sen. Blake spoke.", "Gov. Reyes did not."]),
    ("No. 5 was chosen. No one objected.", ["No. 5 was chosen.", "No one objected."]),
    ("Acme Inc. reported a loss. Shares fell.", ["Acme Inc. reported a loss.", "Shares fell."]),
    ("He lives in Washington, D.C. with his wife.", ["He lives in Washington, D.C. with his wife."]),
    ("Prices rose (by 3%). Sales fell.", ["Prices rose (by 3%).", "Sales fell."]),
    ("She said: “It is done.” Then she left.", ["She said: “It is done.”", "Then she left."]),
    ("It happened in 1990. In 2000 it happened again.", ["It happened in 1990.", "In 2000 it happened again."]),
    ("Wow! That was fast.", ["Wow!", "That was fast."]),
    ("The St. Louis team won. Fans cheered.", ["The St. Louis team won.", "Fans cheered."]),
    ("See e.g. the 2019 report.", ["See e.g. the 2019 report."]),
    ("The U.N. Security Council met. It voted 13-2.", ["The U.N. Security Council met.", "It voted 13-2."]),
    ("Turnout was 61.3%. Officials were pleased.", ["Turnout was 61.3%.", "Officials were pleased."]),
    ("He paid $5.5 million. The deal closed.", ["He paid $5.5 million.", "The deal closed."]),
    ("“Why now?” she asked.", ["“Why now?” she asked."]),
    ("It ended at 11 p.m. Police left at midnight.", ["It ended at 11 p.m.", "Police left at midnight."]),
    ("Mrs. Lee (D-Calif.) voted no.", ["Mrs. Lee (D-Calif.) voted no."]),
    ("The vote was 5-2. Two members dissented.", ["The vote was 5-2.", "Two members dissented."]),
    ("Prof. Adams retired. His class ended.", ["Prof. Adams retired.", "His class ended."]),
    ("A magnitude 6.8 quake hit. Seven aftershocks followed.",
     ["A magnitude 6.8 quake hit.", "Seven aftershocks followed."]),
    ('He called it "a disaster." The mayor disagreed.', ['He called it "a disaster."', "The mayor disagreed."]),
    # Title abbreviations before a name, and their plurals (English adds -s).
    ("Det. Maria Lopez filed the report.", ["Det. Maria Lopez filed the report."]),
    ("Supt. Carl Reyes and Insp. Jane Moore spoke.", ["Supt. Carl Reyes and Insp. Jane Moore spoke."]),
    ("Cpl. Ray Dunn and Pfc. Leo Hart were hurt.", ["Cpl. Ray Dunn and Pfc. Leo Hart were hurt."]),
    ("Fr. Thomas Byrne led the service.", ["Fr. Thomas Byrne led the service."]),
    ("Sens. Ann Hill and Tom Price objected. Reps. Cole and Ward did not.",
     ["Sens. Ann Hill and Tom Price objected.", "Reps. Cole and Ward did not."]),
    # Spaced initials are one abbreviation; "US." (no inner full stop) is a word that ends.
    ("The U. S. Army sent troops.", ["The U. S. Army sent troops."]),
    ("His remarks came as US. Envoy John Tate arrived.",
     ["His remarks came as US.", "Envoy John Tate arrived."]),
    ("It was plan B. The others had failed.", ["It was plan B.", "The others had failed."]),
]

ES = [
    ("El Sr. García llegó a EE.UU. El martes firmó el acuerdo.",
     ["El Sr. García llegó a EE.UU.", "El martes firmó el acuerdo."]),
    ("La Dra. Pérez habló con el Lic. Ramírez.", ["La Dra. Pérez habló con el Lic. Ramírez."]),
    ("¿Qué pasó? Nadie lo sabe.", ["¿Qué pasó?", "Nadie lo sabe."]),
    ("¡Basta! gritó la multitud.", ["¡Basta! gritó la multitud."]),
    ("¡Basta! La multitud se dispersó.", ["¡Basta!", "La multitud se dispersó."]),
    ("La inflación subió 1,5 por ciento. Los precios bajaron.",
     ["La inflación subió 1,5 por ciento.", "Los precios bajaron."]),
    ("Se vendieron 1.500 viviendas. Es un récord.", ["Se vendieron 1.500 viviendas.", "Es un récord."]),
    ("El sismo ocurrió a las 4:12 a.m. hora local.", ["El sismo ocurrió a las 4:12 a.m. hora local."]),
    ("El vuelo salió a las 9 a.m. Llegó dos horas después.",
     ["El vuelo salió a las 9 a.m.", "Llegó dos horas después."]),
    ("«Ganaremos», dijo. «Ellos perderán».", ["«Ganaremos», dijo.", "«Ellos perderán»."]),
    ('"Es una tragedia", afirmó el alcalde. Luego se retiró.',
     ['"Es una tragedia", afirmó el alcalde.', "Luego se retiró."]),
    ("Dijo que no. El presidente insistió.", ["Dijo que no.", "El presidente insistió."]),
    ("Viven en la Av. Juárez núm. 5 desde 2010.", ["Viven en la Av. Juárez núm. 5 desde 2010."]),
    ("La tasa quedó en 8,75%. El peso cayó.", ["La tasa quedó en 8,75%.", "El peso cayó."]),
    ("Ocurrió en 1990. En 2000 volvió a ocurrir.", ["Ocurrió en 1990.", "En 2000 volvió a ocurrir."]),
    ("Era tarde... y nadie llegó.", ["Era tarde... y nadie llegó."]),
    ("La Sra. Gómez y la Srta. Ruiz votaron.", ["La Sra. Gómez y la Srta. Ruiz votaron."]),
    ("Se trata de la tercera entrega. Suman 92 en total.",
     ["Se trata de la tercera entrega.", "Suman 92 en total."]),
    ("El Gral. Ortiz llegó. Los soldados lo esperaban.", ["El Gral. Ortiz llegó.", "Los soldados lo esperaban."]),
    ("¿Por qué? ¿Cuándo? Nadie respondió.", ["¿Por qué?", "¿Cuándo?", "Nadie respondió."]),
    ("El Ing. Soto (Pemex) renunció.", ["El Ing. Soto (Pemex) renunció."]),
    ("La empresa Acme S.A. perdió dinero. Sus acciones cayeron.",
     ["La empresa Acme S.A. perdió dinero.", "Sus acciones cayeron."]),
    ("Habló con Ud. ayer.", ["Habló con Ud. ayer."]),
    ("Costó US$5,5 millones. El contrato se firmó.", ["Costó US$5,5 millones.", "El contrato se firmó."]),
    ("La magnitud fue de 6,8. Hubo siete réplicas.", ["La magnitud fue de 6,8.", "Hubo siete réplicas."]),
    ("Dijo: “Está hecho”. Después se fue.", ["Dijo: “Está hecho”.", "Después se fue."]),
    ("Fueron enviados a EE.UU. Entre ellos había un líder.",
     ["Fueron enviados a EE.UU.", "Entre ellos había un líder."]),
    ("El Dr. Ruiz, del Hospital Central, atendió a 12 heridos.",
     ["El Dr. Ruiz, del Hospital Central, atendió a 12 heridos."]),
    ("La votación fue 5-2. Dos miembros disintieron.", ["La votación fue 5-2.", "Dos miembros disintieron."]),
    ("¿Quién lo ordenó?, preguntó el juez.", ["¿Quién lo ordenó?, preguntó el juez."]),
    ("Ganó el 51,3% de los votos. La oposición lo reconoció.",
     ["Ganó el 51,3% de los votos.", "La oposición lo reconoció."]),
    # Spaced abbreviations (RAE): one-letter or doubled-letter pieces, each with a full stop
    # and a space (often a no-break or narrow no-break space), are one abbreviation; after
    # the last piece the next word decides, as after "EE.UU.".
    ("Vive en EE.\u00a0UU. Su hermano no.", ["Vive en EE.\u00a0UU.", "Su hermano no."]),
    ("Fueron enviados a EE. UU. El traslado fue ayer.",
     ["Fueron enviados a EE. UU.", "El traslado fue ayer."]),
    ("El embajador de EE. UU. Mark Lane llegó ayer.", ["El embajador de EE. UU. Mark Lane llegó ayer."]),
    ("Las FF.\u00a0AA. y los RR.\u00a0HH. de la empresa firmaron.",
     ["Las FF.\u00a0AA. y los RR.\u00a0HH. de la empresa firmaron."]),
    ("La I.\u00a0A. ya escribe poemas. Nadie lo esperaba.",
     ["La I.\u00a0A. ya escribe poemas.", "Nadie lo esperaba."]),
    ("Hablaron de la I. A. La usan millones de personas.",
     ["Hablaron de la I. A.", "La usan millones de personas."]),
    ("El tren sale a las 9 a.\u202fm. del lunes.", ["El tren sale a las 9 a.\u202fm. del lunes."]),
    ("El tren sale a las 9 p. m. La tripulación ya llegó.",
     ["El tren sale a las 9 p. m.", "La tripulación ya llegó."]),
    ("La ciudad se fundó en el 753 a. C. Sus primeros reyes fueron siete.",
     ["La ciudad se fundó en el 753 a. C.", "Sus primeros reyes fueron siete."]),
    ("Acme S. A. de C. V. perdió dinero.", ["Acme S. A. de C. V. perdió dinero."]),
    ("Lo compró Acme S. A. Las acciones subieron.", ["Lo compró Acme S. A.", "Las acciones subieron."]),
    # A two-letter piece doubles its capital (a plural); "UE." is a word that ends.
    ("Lo aprobó la UE. EE. UU. no respondió.", ["Lo aprobó la UE.", "EE. UU. no respondió."]),
    # Titles take the plural endings -s and -es.
    ("Los Sres. Pérez y las Dras. Ruiz votaron.", ["Los Sres. Pérez y las Dras. Ruiz votaron."]),
    ("El Sgto. Mora y el Cte. Díaz llegaron.", ["El Sgto. Mora y el Cte. Díaz llegaron."]),
]


@pytest.mark.parametrize("text,expected", EN, ids=[e[0][:30] for e in EN])
def test_english_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text,expected", ES, ids=[e[0][:30] for e in ES])
def test_spanish_sentences(text, expected):
    assert sentences(text) == expected


def test_at_least_thirty_cases_each():
    assert len(EN) >= 30 and len(ES) >= 30


def test_headings_and_bylines_are_their_own_sentences():
    text = ("Renewed pressure from Trump\n"
            "In the first rendition, Mexico sent 29 people. It was February.\n"
            "Frequently Asked Questions\n")
    doc = segment_document(Document(id="d", path="d", text=text))
    assert [s.text for s in doc.sentences] == [
        "Renewed pressure from Trump",
        "In the first rendition, Mexico sent 29 people.",
        "It was February.",
        "Frequently Asked Questions",
    ]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1, 2]


def test_wrapped_lines_join_into_one_paragraph():
    text = "The government said on Tuesday that it had\nsent 37 people to the United States.\n\nNext paragraph.\n"
    paras = split_paragraphs(text)
    assert [text[a:b] for a, b in paras] == [
        "The government said on Tuesday that it had\nsent 37 people to the United States.",
        "Next paragraph.",
    ]


def test_offsets_point_at_the_sentence_text():
    text = " date 2026-01-20 Published by Williams Perdomo 20 de enero, 2026\n\nThe Government spoke. It said so.\n"
    doc = segment_document(Document(id="d", path="d", text=text))
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text
    assert doc.sentences[0].text == "date 2026-01-20 Published by Williams Perdomo 20 de enero, 2026"
    assert len(doc.sentences) == 3
