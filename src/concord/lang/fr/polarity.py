"""French polarity words: what makes a clause negative, and what only looks negative.

* ``NEGATORS``: the negative words (Grevisse, *Le Bon Usage*, §§1011-1022): the
  adverb *ne* and its forclusifs *pas, jamais, plus, rien, personne, aucun/aucune, nul*
  (an elided *n'* is written onto its verb, so the forclusif marks the negation: *n'était-il
  plus*), and *ni*, *non*; not *point*, in news copy the noun (*le point de vue*), its
  *ne ... point* archaic. *ne ... guère* (hardly) is an approximate negation
  (``APPROXIMATE``), like English *hardly* and Portuguese *mal*. *plus* in a superlative
  (*les plus secs*, Grevisse §964) or in *plus tôt*, *plus tard*, and *personne* after a
  determiner (the noun: *une personne*) negate nothing (``NOT_NEGATING``).
* ``ALWAYS_NEGATES``: French negation is discontinuous (*ne ... pas*, *ne ... jamais*, *ne
  ... plus*): the pair is one negation, so *ne* (and *n'*) counts, and *non*; the
  forclusif counts only when no negation comes before it in its clause (*pas un mot*,
  spoken French without *ne*).
* ``CONTINUERS``: words that continue the negation of the clause before them (*ni*).
* ``ADVERSATIVES``: the adversative conjunction *mais* (Grevisse §1084): it opens a
  conjoined clause, whose negative word is a negation of its own.
* ``CONTINUING_PHRASES``: regex alternatives of a negator with a focusing adverb that,
  opening a clause right after a negated clause, continue its negation elliptically (*il
  n'a rien dit, pas même un mot*; Grevisse §1022): *pas même*, *même pas*.
* ``APPROXIMATE``: approximate negators (*à peine*, *guère*, *peu*).
* ``NOT_APPROXIMATE``: regex alternatives where *peu* is not negative (*un peu*, *peu à
  peu*, *depuis peu*, *sous peu*, *peu après / avant*).
* ``IMPLIED``: implied negation (*sans*, *faute de*, *absence de*, *manque de*, *loin de*,
  the verb *manquer*); ``IMPLIED_WORDS``: its one-word forms.
* ``NOT_NEGATING``: regex alternatives whose negative word negates nothing: *ne ...
  que* (restriction: *il n'a que deux enfants*), the expletive *ne* after *avant que*,
  *à moins que*, *de peur que*, the comparative (*plus grand qu'il ne l'est*): *ne* with no
  forclusif after it in its clause (Grevisse §1023-1024), *non seulement*, *ne ... pas
  seulement*, *non pas seulement*; *jamais* meaning *ever* (§1013: *plus que jamais*, *si
  jamais*, *à jamais*); the *ne* of *ne ... guère*, read as approximate; and the litotes of
  time *il n'y a pas longtemps* (*not long ago*), *pas longtemps après*; the elliptical
  *ou non*, *ou pas* that ends a clause (*affichées ou non*).
* ``CONTRACTED_NEGATION`` / ``CONTRACTED_STEMS``: French elides *ne* to *n'* before a vowel
  (*n'a pas*), read as the negator itself: no contracted stems.
* ``PREFIXES``: negative prefixes (*dé-, dés-, in-, im-, il-, ir-, mal-, non-*);
  ``PREFIX_BEFORE``: *il-* before *l*, *ir-* before *r*; ``REVERSATIVE``: the prefixes
  that mostly reverse an action (*défaire*, *désarmer*); ``PRIVATIVE_SUFFIXES``: none.
* ``WORDNET``: no WordNet antonyms for this language (WordNet is English).
* ``LEMMA_SUFFIXES`` / ``DOUBLING_SUFFIXES``: WordNet's inflection rules: none.
* ``NOT_ANTONYMS``: determiners and deictic adverbs, which change reference, not polarity.
* ``COMPARATIVES``: comparatives a degree word may modify (*beaucoup plus*, *bien moins*).
* ``INFERIOR_DEGREE`` / ``SUPERIOR_DEGREE``: the words of the comparison of inferiority
  and of superiority (*moins* + adjective or adverb; *plus*); ``DEGREE_SUFFIXES``:
  inflected comparative endings, none (the comparative is periphrastic).
* ``CONTENT_STOP``: frequent function words of four letters or more, left out when the
  content words of two readings are compared; hand-written.
* ``NEGATIVE_VERBS``: regex alternatives of the verbs whose complement is not the case:
  *cesser de* / *arrêter de* + infinitive (an action that stops: *a cessé de reconnaître* =
  *no longer recognized*) and *échouer à* (a negative implicative verb).
* ``OPPOSITES``: opposite pairs of closed-class words (prepositions and adverbs: *avant* /
  *après*, *dessus* / *dessous*, *sur* / *sous*, *dedans* / *dehors*).
* ``ARTICLES``: the articles and possessive determiners (Grevisse, *Le Bon usage*, §581-
  606), after which a participle stands as an adjective, not as a verb.
* ``DETERMINERS``: the demonstratives and quantifiers (Grevisse, *Le Bon usage*, §607-
  628: *ce, cet, cette, ces*, *chaque, plusieurs, quelques, aucun*): a word right after one
  is read in a noun phrase, not as a verb.
* ``RELATIVES``: the relative pronouns (Grevisse, *Le Bon usage*, §689-699: *qui, que,
  dont, où, lequel*): a negation right after one negates a relative clause.
* ``CONTINUATIVE_VERBS``: regex alternatives of the verbs that say an action goes on
  (*continuer à / de* + infinitive), the opposites of *cesser de*.
* ``GERUND_ENDINGS``: the endings of the gerund, a verb form no negative prefix makes;
  none here (*-ant* also ends adjectives the prefixes do make: *indépendant*).
"""

from __future__ import annotations

import re

NEGATORS = frozenset({"ne", "n'", "pas", "jamais", "plus", "rien", "personne", "aucun", "aucune", "nul",
                      "nulle", "ni", "non"})
ALWAYS_NEGATES = frozenset({"ne", "n'", "non"})
CONTINUERS = frozenset({"ni"})
CONTINUING_PHRASES = (r"pas\s+même", r"même\s+pas")
ADVERSATIVES = frozenset({"mais"})
APPROXIMATE = frozenset({"guère", "peu"})
NOT_APPROXIMATE = (r"un\s+peu", r"peu\s+à\s+peu", r"depuis\s+peu", r"sous\s+peu",
                   r"peu\s+(?:après|avant)")
IMPLIED = re.compile(r"\b(?:sans|faute\s+d[e']|absence\s+d[e']|manque\s+d[e']|loin\s+d[e']|"
                     r"manqu(?:e|ent|er|ait|aient|é))\b", re.I)
IMPLIED_WORDS = frozenset({"sans", "faute", "absence", "manque", "manquent", "manquer", "manquait",
                           "manquaient"})
# the forclusifs that complete *ne* into a negation (Grevisse §1014-1022)
_FORCLUSIFS = r"pas|jamais|plus|rien|personne|aucun|aucune|nul|nulle|guère|point|ni|nullement|nulle\s+part"
NOT_NEGATING = (
    # ne ... que: restriction, with no forclusif between (il ne pouvait tomber un vendredi que si)
    rf"n(?:e\b|')\s*(?:(?!(?:{_FORCLUSIFS})\b)[\w’'-]+\s+){{0,6}}?(?:que\b|qu(?=['’]))",
    r"avant\s+qu[e']\s*(?:\w+\s+)?n(?:e\b|')",
    r"à\s+moins\s+qu[e']\s*(?:\w+\s+)?n(?:e\b|')", r"non\s+seulement",
    # the elliptical alternative that ends a clause (affichées ou non, ou pas): the negated
    # predicate is left out
    r"ou\s+(?:non|pas)(?=\s*(?:[.,;:!?)]|$))",
    r"n(?:e\b|')\s*(?:\w+\s+){0,3}?pas\s+seulement",
    # the expletive ne: *ne* with no forclusif after it in its clause negates nothing (avant
    # que les Slaves ne s'installent, plus inquiétant qu'il ne l'est, à moins qu'une action ne
    # soit prise); a negative word before it (rien ne, personne ne) still negates
    rf"n(?:e\b|')(?!(?:\s*[\w’'-]+){{0,6}}?\s*\b(?:{_FORCLUSIFS}|que|qu)\b)",
    # the comparative plus ... que (more ... than), and ne ... plus que (only, a
    # restriction): neither negates
    r"plus\s+(?:[\w’'-]+\s+){0,3}?(?:que\b(?:\s+jamais\b)?|qu(?=['’]))",
    # jamais without ne means *ever* (Grevisse §1013): after a comparative's que (plus
    # que jamais), in a condition (si jamais) and in à jamais, pour jamais (forever)
    r"(?:qu(?:e\s+|['’]\s*)|si\s+|à\s+|pour\s+)jamais",
    # ne ... guère (hardly, Grevisse §1020): an approximate negation, read by guère
    r"n(?:e\b|['’])(?=(?:\s*[\w’'-]+){0,3}?\s+guère\b)",
    r"non\s+pas\s+seulement",
    # the superlative (the article and plus: les plus secs) and plus tôt / plus tard
    r"(?:le|la|les|l['’]|des|du|au|aux)\s+plus\b", r"plus\s+(?:tôt|tard)\b",
    # personne after a determiner is the noun (Grevisse §755: the pronoun takes none)
    r"(?:une|la|cette|chaque|toute|seule|quelle|quelque|autre|tierce)\s+personne",
    # il n'y a pas (si) longtemps (not long ago), pas longtemps après (not long after):
    # litotes that negates a length of time, not the claim
    r"(?:il\s+)?n(?:e\s+|['’])\s*y\s+a(?:vait)?\s+pas\s+(?:si\s+|très\s+)?longtemps",
    r"pas\s+(?:si\s+|très\s+)?longtemps\s+(?:après|avant|plus\s+tard)",
)
del _FORCLUSIFS  # only the patterns above read it
CONTRACTED_NEGATION = None
CONTRACTED_STEMS: dict[str, str] = {}
PREFIXES = ("dés", "dé", "in", "im", "il", "ir", "mal", "non")
PREFIX_BEFORE = {"il": ("l",), "ir": ("r",)}
REVERSATIVE = ("dés", "dé")
PRIVATIVE_SUFFIXES: tuple[str, ...] = ()
WORDNET = False
LEMMA_SUFFIXES: tuple[tuple[str, str], ...] = ()
DOUBLING_SUFFIXES: tuple[str, ...] = ()
NOT_ANTONYMS = frozenset({"quelque", "quelques", "certain", "certaine", "certains", "certaines", "tout",
                          "toute", "tous", "toutes", "chaque", "aucun", "aucune", "ici", "là", "alors",
                          "maintenant", "ce", "cet", "cette", "ces", "tel", "telle", "tels", "telles",
                          "autre", "autres"})
COMPARATIVES = frozenset({"plus", "moins"})
INFERIOR_DEGREE = frozenset({"moins"})
SUPERIOR_DEGREE = frozenset({"plus"})
DEGREE_SUFFIXES: tuple[tuple[str, str], ...] = ()
CONTENT_STOP = frozenset({"pour", "comme", "mais", "cette", "sont", "avec", "dans", "entre", "depuis",
                          "aussi", "quand", "parce", "était", "étaient", "sera", "avait", "avaient",
                          "leur", "leurs"})
NEGATIVE_VERBS = (r"(?:cess|arr[eê]t)(?:e|es|ent|er|é|ée|és|ait|aient|era|eront|a|èrent)\s+d(?:e|')",
                  r"[ée]chou(?:e|ent|er|é|ait|a|èrent)\s+[àa]")
OPPOSITES = (("avant", "après"), ("dessus", "dessous"), ("sur", "sous"), ("dedans", "dehors"))
ARTICLES = frozenset({"le", "la", "les", "l'", "un", "une", "des", "mon", "ma", "mes", "ton", "ta", "tes",
                      "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs"})
RELATIVES = frozenset({"qui", "que", "qu'", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles"})
DETERMINERS = frozenset({"ce", "cet", "cette", "ces", "chaque", "plusieurs", "quelques", "aucun", "aucune",
                         "certains", "certaines"})
CONTINUATIVE_VERBS = (r"continu[^\W\d_]*\s+(?:à|a|de|d')\s*[^\W\d_]+",)
GERUND_ENDINGS: tuple[str, ...] = ()
