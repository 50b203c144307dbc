"""Portuguese number knowledge: number words, magnitudes, units, ordinals, decades.

Hand-written from Portuguese grammar (Cunha & Cintra, numerals), with the European and
Brazilian spellings (*dezasseis* / *dezesseis*), and news style (Lusa, Agência Brasil):

* ``CARDINALS``: cardinal number words and their values (``vinte`` = 20, ``dúzia`` = 12);
  ``um``, ``uma`` are in ``WEAK_ONE``, a number only before a magnitude, unit or number
  word (``um milhão``), never as an article. A compound is joined by *e* (``trinta e
  dois``), which ``text2num`` reads.
* ``ORDINALS``: ordinal words up to ``décimo`` and the tens and hundreds (``vigésimo``,
  ``centésimo``, ``milésimo``) in both genders; ``ORDINAL_SUFFIXES``: none
  beyond the indicators ``º``/``ª``, read in code.
* ``TIMES``: multiplicative words (none: *duas vezes* is read as the number *duas*).
* ``JOINERS``: words inside a spelled-out number (``e``); ``SCALE_WORDS``: the words that
  multiply what comes before (``mil``).
* ``MAGNITUDES``: words that scale a number (``5 milhões``; ``bilhão`` = 10^9 in Brazil;
  the European *bilião* = 10^12); ``ATTACHED_MAGNITUDES``: none; ``MAGNITUDE_LINKERS``:
  the word between a magnitude and its unit (``5 milhões de dólares``).
* ``HALVES``: the words after a magnitude or a unit that add half of it (``um milhão e
  meio`` = 1 500 000, ``duas horas e meia``; Cunha & Cintra: *meio* joined by *e*, agreeing
  with the noun).
* ``NUMBER_NOUNS``: the nouns and signs of a rank, after which ``un``/``um`` is the numeral.
* ``ATTACHED_UNITS``: unit abbreviations written attached to the figure (none: the
  symbols written alike in every language are read in code).
* ``UNITS``: unit words -> Concord's unit codes (``quilômetros`` -> ``km``).
* ``TIME_BEFORE`` / ``TIME_AFTER``: words around a time of day (``às 10h30``).
* ``APPROX_BEFORE``: words that make the number after them approximate (``cerca de``).
* ``RANGE_WORDS`` / ``RANGE_QUALIFIERS``: what stands between the two numbers of a range.
* ``DECIMAL_POINT``: false: the decimal mark is a comma (``6.500`` = 6500).
* ``DECADE``, ``DECADE_WORDS``, :func:`decade_ok`: decades (``os anos 60``, ``a década de
  1960``, ``os anos sessenta``).
* ``CENTURY_BEFORE`` / ``CENTURY_AFTER`` / ``CENTURY_JOINERS``: words around a century's
  Roman numeral (``século XVI``).
"""

from __future__ import annotations

import re

CARDINALS = {
    "zero": 0, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7,
    "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12, "treze": 13, "catorze": 14,
    "quatorze": 14, "quinze": 15, "dezasseis": 16, "dezesseis": 16, "dezassete": 17,
    "dezessete": 17, "dezoito": 18, "dezanove": 19, "dezenove": 19, "vinte": 20, "trinta": 30,
    "quarenta": 40, "cinquenta": 50, "sessenta": 60, "setenta": 70, "oitenta": 80,
    "noventa": 90, "cem": 100, "cento": 100, "duzentos": 200, "duzentas": 200,
    "trezentos": 300, "trezentas": 300, "quatrocentos": 400, "quinhentos": 500,
    "seiscentos": 600, "setecentos": 700, "oitocentos": 800, "novecentos": 900, "dúzia": 12,
}
WEAK_ONE = frozenset({"um", "uma"})
# the nouns and signs of a rank, after which "one" is the numeral (Portuguese typography)
NUMBER_NOUNS = ("número", "nº", "n.º")
ORDINALS = {
    "primeiro": 1, "primeira": 1, "segundo": 2, "segunda": 2, "terceiro": 3, "terceira": 3,
    "quarto": 4, "quarta": 4, "quinto": 5, "quinta": 5, "sexto": 6, "sexta": 6,
    "sétimo": 7, "sétima": 7, "oitavo": 8, "oitava": 8, "nono": 9, "nona": 9,
    "décimo": 10, "décima": 10,
    # the tens and hundreds (Cunha & Cintra, numerais ordinais), in both genders
    **{w + e: v for w, v in (("vigésim", 20), ("trigésim", 30), ("quadragésim", 40),
                             ("quinquagésim", 50), ("sexagésim", 60), ("septuagésim", 70),
                             ("octogésim", 80), ("nonagésim", 90), ("centésim", 100),
                             ("milésim", 1000)) for e in ("o", "a")},
}
ORDINAL_SUFFIXES: tuple[str, ...] = ()
TIMES: dict[str, int] = {}
JOINERS = frozenset({"e"})
SCALE_WORDS = {"mil": 1e3, "milhão": 1e6, "milhões": 1e6}

MAGNITUDES = {
    "mil milhões": 1e9, "bilhão": 1e9, "bilhões": 1e9, "milhões": 1e6, "milhão": 1e6, "mil": 1e3,
}
ATTACHED_MAGNITUDES = ()
MAGNITUDE_LINKERS = ("de",)
HALVES = ("e meio", "e meia")

UNITS = {
    "por cento": "percent", "pontos percentuais": "pp", "pontos-base": "bp",
    "toneladas": "t", "tonelada": "t",
    "quilômetros quadrados": "km2", "quilómetros quadrados": "km2",
    "quilômetros por hora": "kmh", "quilómetros por hora": "kmh",
    "quilômetros": "km", "quilómetros": "km", "quilômetro": "km", "quilómetro": "km",
    "milhas": "mi", "metros": "m", "metro": "m", "centímetros": "cm", "milímetros": "mm",
    "pés": "ft", "polegadas": "in", "litros": "l",
    "quilos": "kg", "quilogramas": "kg", "gramas": "g", "hectares": "ha",
    "graus celsius": "degC", "graus": "deg",
    "horas": "h", "minutos": "min", "anos": "year", "dias": "day",
    "dólares": "usd", "euros": "eur", "reais": "brl",
}

# unit abbreviations written attached to the figure: none
ATTACHED_UNITS: tuple[str, ...] = ()

TIME_BEFORE = ("às", "até às")
TIME_AFTER = ("horas",)
APPROX_BEFORE = (
    "cerca de", "perto de", "aproximadamente", "quase", "mais de", "menos de", "por volta de",
    "até",
)
RANGE_WORDS = ("e", "a", "ou")
RANGE_QUALIFIERS = ("mais de", "menos de")
DECIMAL_POINT = False

DECADE_WORDS = {k: v for k, v in CARDINALS.items() if v in range(20, 100, 10)}  # "sessenta": 60
DECADE = re.compile(
    r"\b(?:(?:os\s+)?anos\s+(?:de\s+)?|(?:a\s+)?década\s+de\s+)"
    r"(?:(?P<y>(?:1[0-9]|20)?[0-9]0)\b(?!\s*%|[.,]\d)|(?P<w>" + "|".join(DECADE_WORDS) + r")\b)", re.I)


def decade_ok(text: str, m: re.Match) -> bool:
    """A :data:`DECADE` match is a decade: Portuguese always writes *anos* or *década*."""
    return True


CENTURY_BEFORE = ("século", "séculos")
CENTURY_AFTER = ()
CENTURY_JOINERS = ("e", "ao")
