"""Spanish resources.

* ``MONTHS``, ``MONTH_ABBREVIATIONS``, ``WEEKDAYS``: CLDR (``babel``), plus the spelling
  ``setiembre`` (accepted by the RAE, usual in parts of Latin America) that CLDR does not
  list; weekdays also without their accent (``miercoles``, ``sabado``), as wire copy
  often writes them.
* ``STOP_WORDS``: the closed-class words (articles, pronouns, prepositions, conjunctions,
  the commonest forms of *ser* and *haber*) that carry no content for alignment;
  hand-written from Spanish grammar.
* ``EVIDENCE_WORDS``: words that show a text is Spanish (language detection): the
  closed-class words above and more, plus frequent newsroom words; hand-written.
"""

import unicodedata as _ud

from ._cldr import months as _months
from ._cldr import weekdays as _weekdays


def _fold(word: str) -> str:
    return "".join(c for c in _ud.normalize("NFKD", word) if not _ud.combining(c))


_WIDE, _ABBR = _months("es")
MONTHS = _WIDE[:9] + ("setiembre",) + _WIDE[9:]  # "enero", ...
MONTH_ABBREVIATIONS = _ABBR  # "ene", ...
MONTH_NUMBERS = {**{m: i + 1 for i, m in enumerate(_WIDE)}, "setiembre": 9}
WEEKDAYS = _weekdays("es")  # "lunes", ...
WEEKDAY_VARIANTS = tuple(_fold(d) for d in WEEKDAYS if _fold(d) != d)  # "miercoles", "sabado"
WEEKDAY_NUMBERS = {w: i for i, d in enumerate(WEEKDAYS) for w in (d, _fold(d))}

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
