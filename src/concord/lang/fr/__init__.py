"""French resources.

* ``MONTHS``, ``MONTH_ABBREVIATIONS``, ``WEEKDAYS``: CLDR (``babel``). ``AMBIGUOUS_MONTHS``:
  *mars* (also the planet, *Mars* in English), a month only before a number.
* ``STOP_WORDS``: the closed-class words (articles, pronouns, prepositions, conjunctions,
  the commonest forms of *être* and *avoir*) that carry no content for alignment;
  hand-written from French grammar (Grevisse, *Le Bon Usage*).
* ``EVIDENCE_WORDS``: words that show a text is French (language detection): the
  closed-class words above and more, plus frequent newsroom words; hand-written. Words
  another profile also lists are evidence of neither where both languages are read (see
  :mod:`concord.detect`).
* ``NOT_NAMES``: capitalised words that are never names on their own: closed-class words,
  courtesy and office titles, deictic time words, the interrogative *Est-ce* (*est-ce
  que*, Grevisse §396), and the ordinal *premier* written after
  a sovereign's name (*François Ier*, *Élisabeth Ire*: a number, as the Roman numerals
  the other versions write, *Francis I*); hand-written from French grammar and newsroom
  usage (Imprimerie nationale). (Month and weekday names come from CLDR.)
* ``SPEECH_VERBS`` / ``SPEECH_VERBS_AFTER``: *verba dicendi* that introduce a quote's
  speaker, before or after the name (French puts the verb first in an incise: *a déclaré
  Marie Dupont*); hand-written from news style.
* ``ALIAS_MARKERS``: words that introduce an alias in quotes (``surnommé "le Chapo"``).
"""

from .._cldr import months as _months
from .._cldr import weekdays as _weekdays

_WIDE, _ABBR = _months("fr")
MONTHS = _WIDE  # "janvier", ...
MONTH_ABBREVIATIONS = tuple(a.rstrip(".") for a in _ABBR)  # "janv", ...
MONTH_NUMBERS = {m: i + 1 for i, m in enumerate(_WIDE)}
WEEKDAYS = _weekdays("fr")  # "lundi", ...
WEEKDAY_VARIANTS: tuple[str, ...] = ()  # French weekdays carry no accent
WEEKDAY_NUMBERS = {d: i for i, d in enumerate(WEEKDAYS)}
AMBIGUOUS_MONTHS = frozenset({"Mars", "mars"})  # also the planet

#: The language's code in Apertium's language pairs (ISO 639-3: ``fra-spa``).
APERTIUM = "fra"
#: The Debian packages of the Apertium pairs this language is translated with:
#: ``apertium-fr-es`` (French-Spanish: French reaches English through Spanish).
APERTIUM_PACKAGES: tuple[str, ...] = ("apertium-fr-es",)

#: Capital letters beyond A-Z that the orthography writes.
UPPERCASE = "ÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ"

STOP_WORDS = frozenset("""
de la le les l d du des un une et en à au aux que qui ne pas se sa son ses sur par pour
dans avec est a ont été il elle ils elles ce cette ces
""".split())

# A word another profile also lists is evidence of neither where both languages are read
# (*de*, *la*, *que*, *en*, Spanish too): what is listed here is every common French word
# but those that are common words of a profiled language that does not list them (*a*, a
# word of all four; *car*, *plus*, *pays*, English).
EVIDENCE_WORDS = frozenset("""
de la le les un une en que qui se sa son ce ces y il elle on an ni ou entre
du des et au aux ne pas ses sur dans avec est ont été ils elles cette
leur leurs lui nous vous mais où donc jamais aussi très tout tous toutes sans sous chez vers
depuis avant après selon lors dont quand comme être avoir était étaient sera seront fait
faire peut doit déjà milliards année années jour jours semaine mois personnes
gouvernement président hier aujourd'hui demain déclaré annoncé indiqué affirmé précisé
ajouté expliqué souligné publié écrit
""".split())

# Not the articles and the words that are also names (*Le* of *Le Pen*, *Des* of *Des
# Moines*, *Son*, *Me*, *Plus*). A word another profile also lists is read only where its
# language is compared, so the list is complete for French.
NOT_NAMES = tuple("""
Une Aux Au Du De En Dans Par Pour Avec Et Mais Ou Donc Car Ni Ses Cette Ces Cet Ce Ils Elles
Il Elle On Nous Vous Je Leur Leurs Notre Nos Votre Vos Est-ce Si Que Comme Est Sont Tout Tous Toute Toutes Très Non
Selon Après Avant Pendant Durant Lors Quand Où Entre Contre Malgré Parmi
Aussi Ainsi Déjà Oui Sans Sur Sous Depuis Vers Chez Qui Alors Puis Ensuite Cependant Pourtant Enfin
Mme Mlle Présidente Ministre Secrétaire Gouverneur Maire Sénateur Porte-parole Directeur
Directrice
Aujourd'hui Hier Demain Ici Maintenant
Ier Ire
""".split())

SPEECH_VERBS = ("a déclaré", "a affirmé", "a indiqué", "a ajouté", "a précisé", "a souligné",
                "a expliqué", "a écrit", "a publié", "a assuré", "déclare", "affirme", "indique",
                "ajoute", "précise", "souligne", "explique", "dit", "a dit")
SPEECH_VERBS_AFTER = ("a déclaré", "a affirmé", "a indiqué", "a ajouté", "a précisé", "a dit",
                      "déclare", "affirme", "ajoute", "précise", "dit")
ALIAS_MARKERS = ("surnommé", "surnommée", "dit", "alias", "connu sous le nom de")
from . import dates, detect, names, numbers, partial, polarity, quotes, segment  # noqa: E402,F401  (topic modules)
