"""Portuguese resources (European and Brazilian spelling).

* ``MONTHS``, ``MONTH_ABBREVIATIONS``, ``WEEKDAYS``: CLDR (``babel``); weekdays also
  without *-feira* (``segunda``, ``terça``), as news copy often writes them, and without
  accents (``terca``, ``sabado``). ``AMBIGUOUS_MONTHS``: none is also a common word.
* ``STOP_WORDS``: the closed-class words (articles, pronouns, prepositions and their
  contractions, conjunctions, the commonest forms of *ser* and *ter*) that carry no content
  for alignment; hand-written from Portuguese grammar (Cunha & Cintra, *Nova Gramática do
  Português Contemporâneo*).
* ``EVIDENCE_WORDS``: words that show a text is Portuguese (language detection): the
  closed-class words of Portuguese grammar (articles, prepositions and their contractions
  with the article and the demonstratives, *lhe*, *é*, *têm*, indefinites) and frequent
  verb and newsroom words; hand-written. Words another profile also lists are evidence of
  neither where both languages are read (see :mod:`concord.detect`).
* ``NOT_NAMES``: capitalised words that are never names on their own: closed-class words,
  courtesy and office titles, deictic time words; hand-written from Portuguese grammar (a
  word another profile also lists is read only where its language is compared, so the
  list is complete for Portuguese).
* ``SPEECH_VERBS`` / ``SPEECH_VERBS_AFTER``: *verba dicendi* that introduce a quote's
  speaker, before or after the name; hand-written from news style.
* ``ALIAS_MARKERS``: words that introduce an alias in quotes (``conhecido como``).
"""

import unicodedata as _ud

from .._cldr import months as _months
from .._cldr import weekdays as _weekdays


def _fold(word: str) -> str:
    return "".join(c for c in _ud.normalize("NFKD", word) if not _ud.combining(c))


_WIDE, _ABBR = _months("pt")
MONTHS = _WIDE  # "janeiro", ...
MONTH_ABBREVIATIONS = tuple(a.rstrip(".") for a in _ABBR)  # "jan", ...
MONTH_NUMBERS = {m: i + 1 for i, m in enumerate(_WIDE)}
WEEKDAYS = _weekdays("pt")  # "segunda-feira", ...
_SHORT = tuple(d.split("-")[0] for d in WEEKDAYS)  # "segunda", ..., "sábado", "domingo"
WEEKDAY_NUMBERS = {w: i for i, (d, s) in enumerate(zip(WEEKDAYS, _SHORT))
                   for w in (d, s, _fold(d), _fold(s))}
WEEKDAY_VARIANTS = tuple(w for w in WEEKDAY_NUMBERS if w not in WEEKDAYS)  # "segunda", "terca", ...
AMBIGUOUS_MONTHS: frozenset[str] = frozenset()

#: The language's code in Apertium's language pairs (ISO 639-3: ``por-spa``).
APERTIUM = "por"
#: The Debian packages of the Apertium pairs this language is translated with:
#: ``apertium-es-pt`` (Spanish-Portuguese: Portuguese reaches English through Spanish).
APERTIUM_PACKAGES: tuple[str, ...] = ("apertium-es-pt",)

#: Capital letters beyond A-Z that the orthography writes.
UPPERCASE = "ÁÂÃÀÇÉÊÍÓÔÕÚ"

STOP_WORDS = frozenset("""
de da do das dos a o as os que e em no na nos nas um uma por para com se seu sua ao aos
pelo pela foi é são ser ter tem
""".split())

# A word another profile also lists is evidence of neither where both languages are read
# (*de*, *que*, *por*, *para*, Spanish too): what is listed here is every common Portuguese
# word but those that are common words of a profiled language that does not list them (*a*,
# a word of all four; *no*, English and Spanish; *da*, *dos*, *das*, *mas*, Spanish).
EVIDENCE_WORDS = frozenset("""
de que se o os as e em na nas nos um do la lo ou por para como este esta estas ser sobre
entre desde durante contra cada tanto nada estar sido publicado escrito editado foto fotos
estados unidos
não uma umas com ao aos pelo pela pelos pelas foi são está estão também mais muito
muitos muitas ele ela eles elas isso isto aquilo seu sua seus suas ainda quando onde
então depois já apenas até após nenhum nenhuma ninguém nunca
também você vocês nós eram será serão tinha havia fez disse afirmou segundo
milhões mil semana meses pessoas governo presidente país
ontem hoje amanhã anunciou informou declarou
é numa neste nesta nesse nessa nesses naquele naquela disso desta destes destas dessa desse
desses dessas daquele daquela lhe lhes têm tem seriam assim porém contudo nem muita pouca
pouco poucos fazer pode podem deve devem foram sendo estava estavam tinham fazia outro outra
outros outras esse essa esses essas aquele aquela algum alguma alguns algumas tudo quem qual
porquê às
""".split())

NOT_NAMES = tuple("""
O A Os As Um Uma Uns Umas Em No Na Nos Nas Num Numa De Do Da Dos Das Ao Aos Por Pelo Pela
Pelos Pelas Para Com Sem Sobre Sob Entre Desde Durante Contra Até Após Ante Fora
Que Quem Qual Como Quando Onde Porque Mas Porém Contudo Todavia Ou Nem Se Não Sim
Também Ainda Já Mais Menos Muito Muitos Muitas Pouco Depois Antes Assim Então Lá Segundo Conforme
Eu Tu Você Vocês Nós Vós Meu Minha Meus Minhas Nosso Nossa Nossos Nossas
Ele Ela Eles Elas Seu Sua Seus Suas Este Esta Estes Estas Esse Essa Esses Essas Isso Isto
Aquele Aquela Aquilo Cada Todo Toda Todos Todas Outro Outra Outros Outras
Senhor Senhora Sr Sra Presidente Presidenta Ministro Ministra Secretário Secretária
Governador Prefeito Senador Deputado Porta-voz Diretor Diretora
Hoje Ontem Amanhã Aqui Agora
""".split())

SPEECH_VERBS = ("disse", "afirmou", "declarou", "acrescentou", "explicou", "escreveu", "publicou",
                "assegurou", "indicou", "destacou", "informou")
SPEECH_VERBS_AFTER = ("disse", "afirmou", "declarou", "acrescentou", "explicou")
ALIAS_MARKERS = ("conhecido como", "conhecida como", "apelidado", "apelidada")
from . import dates, detect, names, numbers, partial, polarity, quotes, segment  # noqa: E402,F401  (topic modules)
