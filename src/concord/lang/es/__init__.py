"""Spanish resources.

* ``MONTHS``, ``MONTH_ABBREVIATIONS``, ``WEEKDAYS``: CLDR (``babel``), plus the spelling
  ``setiembre`` (accepted by the RAE, usual in parts of Latin America) that CLDR does not
  list; weekdays also without their accent (``miercoles``, ``sabado``), as wire copy
  often writes them. ``AMBIGUOUS_MONTHS``: none is also a common word.
* ``STOP_WORDS``: the closed-class words (articles, pronouns, prepositions, conjunctions,
  the commonest forms of *ser* and *haber*) that carry no content for alignment;
  hand-written from Spanish grammar.
* ``EVIDENCE_WORDS``: words that show a text is Spanish (language detection): the
  closed-class words above and more, plus frequent newsroom words; hand-written.
* ``NOT_NAMES``: capitalised words that are never names on their own: closed-class words,
  courtesy and office titles, deictic time words; hand-written from Spanish grammar and
  newsroom usage. (Month and weekday names come from CLDR.)
* ``SPEECH_VERBS`` / ``SPEECH_VERBS_AFTER``: *verba dicendi* that introduce a quote's
  speaker, before or after the name; hand-written from news style.
* ``ALIAS_MARKERS``: words that introduce an alias in quotes (``alias "La Tuta"``).
"""

import unicodedata as _ud

from .._cldr import months as _months
from .._cldr import weekdays as _weekdays


def _fold(word: str) -> str:
    return "".join(c for c in _ud.normalize("NFKD", word) if not _ud.combining(c))


_WIDE, _ABBR = _months("es")
MONTHS = _WIDE[:9] + ("setiembre",) + _WIDE[9:]  # "enero", ...
MONTH_ABBREVIATIONS = _ABBR  # "ene", ...
MONTH_NUMBERS = {**{m: i + 1 for i, m in enumerate(_WIDE)}, "setiembre": 9}
WEEKDAYS = _weekdays("es")  # "lunes", ...
WEEKDAY_VARIANTS = tuple(_fold(d) for d in WEEKDAYS if _fold(d) != d)  # "miercoles", "sabado"
WEEKDAY_NUMBERS = {w: i for i, d in enumerate(WEEKDAYS) for w in (d, _fold(d))}
AMBIGUOUS_MONTHS: frozenset[str] = frozenset()  # no month name is also a common word

#: The language's code in Apertium's language pairs (ISO 639-3: ``spa-eng``).
APERTIUM = "spa"
#: The Debian packages of the Apertium pairs this language is translated with:
#: ``apertium-eng-spa`` (Spanish-English).
APERTIUM_PACKAGES: tuple[str, ...] = ("apertium-eng-spa",)

#: Capital letters beyond A-Z that the orthography writes.
UPPERCASE = "ÁÉÍÓÚÑÜ"

STOP_WORDS = frozenset("""
de la el los las que y en del por con para una un se su sus al es lo como más pero le ya
fue este esta ha han o e u
""".split())

EVIDENCE_WORDS = frozenset("""
de la el los las que y en del por con para una un se su sus al es lo como más pero le ya
fue este esta ha han porque son entre cuando muy sin sobre también hasta hay donde quien
quienes desde todo todos nos durante uno les ni contra otros otras otra otro ese eso esa
esos esas ante ellos ellas esto estos estas mí antes algunos algunas qué unos unas yo él
tanto mucho muchos muchas nada cual cuales poco ella estar está están estaba fueron será
serán sido tiene tienen tenía había hace dijo según tras cuyo cuya aunque así luego pues
mientras además sólo solo después siempre ahora cada mismo misma bajo hacia e u o y
millones mil año años día días semana mes meses personas gobierno presidente país
entregó anunció informó afirmó señaló aseguró detalló agregó añadió explicó indicó
ayer hoy mañana miembros organizaciones criminales estados unidos
publicado actualizado escrito editado redacción foto fotos reporte
""".split())

NOT_NAMES = tuple("""
El La Los Las Un Una Unos Unas En De Del Por Para Con Y O Pero Su Sus Este Esta Estos
Estas Ese Esa Eso Al Lo Le Les Se Según Tras Durante Mientras Cuando Donde También Además
Entre Ya No Sí Si Más Hay Fue Era Es Son Sin Sobre Ante Desde Hasta Hacia Contra Que Qué
Sr Sra Srta Dra Presidente Presidenta Ministro Ministra
Secretario Secretaria Gobernador Alcalde Senador Portavoz Director
Hoy Ayer Mañana Aquí Ahora
""".split())

SPEECH_VERBS = ("dijo", "afirmó", "señaló", "agregó", "añadió", "declaró", "publicó", "escribió",
                "aseguró", "indicó", "explicó")
SPEECH_VERBS_AFTER = ("dijo", "afirmó", "señaló", "agregó", "añadió")
ALIAS_MARKERS = ("apodado", "conocido como", "llamado")
from . import dates, detect, names, numbers, partial, polarity, quotes, segment  # noqa: E402,F401  (topic modules)
