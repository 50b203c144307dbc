"""Spanish polarity words: what makes a clause negative, and what only looks negative.

* ``NEGATORS``: the negative words, a closed grammatical class (RAE-ASALE, *Nueva
  gramática de la lengua española*, 2009, ch. 48): *no, nunca, jamás, nadie, nada,
  ninguno/ninguna/ningún, ni, tampoco*.
* ``ALWAYS_NEGATES``: Spanish has negative concord (§48.3: *no dijo nada* is one negation,
  not two): every *no* counts, another negative word only when no negation comes before it
  in its clause (*nunca vino* counts, the *nada* of *no dijo nada* does not).
* ``CONTINUERS``: words that continue the negation of the clause before them (*no X, ni
  Y*; *nunca lo oculté, tampoco en las elecciones*, like English *nor*): a clause whose only
  negation is one of them, right after a negated clause, adds no negation.
* ``ADVERSATIVES``: the adversative conjunction *pero* (RAE-ASALE §31.11): it opens a
  conjoined clause, whose negative word is a negation of its own (*no vino pero nadie lo
  notó*: two), not the concord of the one before.
* ``CONTINUING_PHRASES``: regex alternatives of a negator with a focusing adverb that,
  opening a clause right after a negated clause, continue its negation: none beyond
  ``CONTINUERS`` (*ni siquiera* opens with *ni*).
* ``APPROXIMATE``: approximate negators (§48.7: *apenas*, *poco*, *escasamente*).
* ``NOT_APPROXIMATE``: regex alternatives where *poco* is not negative (*un poco*, *hace
  poco* = recently, *poco a poco*, *dentro de poco*, *poco después / antes*).
* ``IMPLIED``: implied negation (§48.2: *sin*, *libre de*, *lejos de*, *falta de*,
  *ausencia de*, the verb *carecer*); ``IMPLIED_WORDS``: its one-word forms.
* ``NOT_NEGATING``: regex alternatives of fixed phrases whose negative word negates
  nothing (*no sólo*, which the verb and its clitics may split: *no se lo aplicaría
  únicamente*; *a no ser que* = *unless*, *no obstante* = *however*, *no cabe duda*; *no hace
  mucho* = *recently*, litotes that negates a length of time, not the claim; the expletive
  *no* of *hasta que no* + subjunctive, §48.11: *hasta que no se corrija* = *until it is
  corrected*), and the
  negative word after a comparative or superlative (§48.8: *más firme que nunca* = *firmer
  than ever*, *el más dramático visto jamás* = *the most dramatic ever*; a negative-polarity
  *ever*, not a negation); the elliptical *o no* and *si no* that end a clause (*se
  muestren o no*; *y distintos si no* = *otherwise*): the predicate they negate is left out.
* ``NEGATIVE_VERBS``: regex alternatives of the verbs whose complement is not the case:
  the periphrases that say an action stops (§28.12: *dejar de* / *cesar de* + infinitive:
  *dejó de reconocer* says *no longer recognized*), and *fracasar en*, a negative
  implicative verb (*fracasó en clasificarse* entails *no se clasificó*).
* ``CONTRACTED_NEGATION`` / ``CONTRACTED_STEMS``: Spanish writes no negative clitic.
* ``PREFIXES``: negative prefixes (RAE-ASALE §10.8: *des-, dis-, in-, im-, i-*);
  ``PREFIX_BEFORE``: *i-* only before *l* and *r* (*ilegal*, *irreal*); ``REVERSATIVE``:
  the prefixes that mostly reverse an action rather than negate a quality
  (*desaparecer*); ``PRIVATIVE_SUFFIXES``: none.
* ``WORDNET``: no WordNet antonyms for this language (WordNet is English).
* ``LEMMA_SUFFIXES`` / ``DOUBLING_SUFFIXES``: WordNet's inflection rules, for a language
  WordNet covers: none.
* ``NOT_ANTONYMS``: determiners and deictic adverbs (RAE-ASALE ch. 15-17), which change
  reference, not polarity.
* ``OPPOSITES``: opposite pairs of closed-class words (prepositions and adverbs, RAE-ASALE
  ch. 29-30: *antes* / *después*, *encima* / *debajo*, *sobre* / *bajo*, *dentro* /
  *fuera*), antonyms like WordNet's.
* ``COMPARATIVES``: comparatives a degree word may modify (*mucho más*, *bastante menos*).
* ``INFERIOR_DEGREE`` / ``SUPERIOR_DEGREE``: the words of the comparison of inferiority
  and of superiority (*menos* + adjective or adverb; *más*); ``DEGREE_SUFFIXES``:
  inflected comparative endings, none (the comparative is periphrastic).
* ``CONTENT_STOP``: frequent function words of four letters or more, left out when the
  content words of two readings are compared; hand-written.
* ``ARTICLES``: the articles and possessive determiners (RAE-ASALE ch. 14 and 18), after
  which a participle stands as an adjective (*la citada ley*), not as a verb.
* ``DETERMINERS``: the demonstratives and quantifiers (RAE-ASALE ch. 17, 19-20: *este,
  ese, aquel*, *cada, algún, ningún, muchos, pocos, varios*): a word right after one is read
  in a noun phrase, not as a verb.
* ``RELATIVES``: the relative pronouns, determiners and adverbs (RAE-ASALE ch. 22:
  *que, quien, cual, cuyo, donde*): a negation right after one negates a relative clause.
* ``CONTINUATIVE_VERBS``: regex alternatives of the periphrases that say an action goes
  on (RAE-ASALE §28.12-28.14: *seguir* / *continuar* + gerund, *sigue luchando*), the
  opposites of *dejar de*.
* ``GERUND_ENDINGS``: the endings of the gerund (RAE-ASALE §27.1), a verb form the
  negative prefixes *in- / im- / i-*, which make adjectives (§10.8), never make:
  *informando* is *informar*, not *formando* negated.
"""

from __future__ import annotations

import re

NEGATORS = frozenset({"no", "nunca", "jamás", "nadie", "nada", "ninguno", "ninguna", "ningún",
                      "ningunos", "ningunas", "ni", "tampoco"})
ALWAYS_NEGATES = frozenset({"no"})
CONTINUERS = frozenset({"ni", "tampoco"})
CONTINUING_PHRASES: tuple[str, ...] = ()
ADVERSATIVES = frozenset({"pero"})
APPROXIMATE = frozenset({"apenas", "poco", "poca", "pocos", "pocas", "escasamente"})
NOT_APPROXIMATE = (r"un\s+poco", r"hace\s+poco", r"poco\s+a\s+poco", r"dentro\s+de\s+poco",
                   r"poco\s+(?:despu[ée]s|antes)")
IMPLIED = re.compile(r"\b(?:sin|libres?\s+del?|lejos\s+del?|falta\s+del?|ausencia\s+del?|"
                     r"carec(?:e|en|er|ía|ían|ió|ieron))\b", re.I)
IMPLIED_WORDS = frozenset({"sin", "falta", "ausencia", "carece", "carecen", "carecer", "carecía",
                           "carecían", "careció", "carecieron"})
NOT_NEGATING = (r"o\s+no(?=\s*(?:[.,;:!?)]|$))", r"si\s+no(?=\s*(?:[.,;:!?)]|$))",
                r"no\s+s[oó]lo", r"no(?:\s+\w+){0,3}?\s+(?:sólo|solamente|[úu]nicamente)",
                r"a\s+no\s+ser\s+que", r"no\s+obstante", r"no\s+cabe\s+duda", r"hasta\s+que\s+no",
                r"no\s+hace\s+mucho", r"no\s+mucho\s+(?:despu[ée]s|antes|m[aá]s\s+tarde)",
                r"(?:m[aá]s|menos|mejor|peor|mayor|menor)(?:\s+(?!no\b)[^\W\d_]+){0,6}?\s+que\s+"
                r"(?:nunca|jam[aá]s|nadie|nada)",
                r"(?:el|la|los|las|lo)(?:\s+[^\W\d_]+)?\s+(?:m[aá]s|menos)(?:\s+(?!no\b)[^\W\d_]+){1,6}?"
                r"(?:ado|ada|ido|ida|to|ta|cho|cha)s?\s+(?:nunca|jam[aá]s)")
NEGATIVE_VERBS = (r"(?:dej|ces)(?:a|ar|ado|ando|ó|aron|an|aba|aban|e|en|ará|arán|aría|arían|o|amos|ase|asen|ara|aran)"
                  r"\s+de", r"fracas(?:a|an|ar|ó|aron|ado)\s+en")
CONTRACTED_NEGATION = None
CONTRACTED_STEMS: dict[str, str] = {}
PREFIXES = ("des", "dis", "in", "im", "i")
PREFIX_BEFORE = {"i": ("l", "r")}
REVERSATIVE = ("des", "dis")
PRIVATIVE_SUFFIXES: tuple[str, ...] = ()
WORDNET = False
LEMMA_SUFFIXES: tuple[tuple[str, str], ...] = ()
DOUBLING_SUFFIXES: tuple[str, ...] = ()
NOT_ANTONYMS = frozenset({"algún", "alguno", "alguna", "algunos", "algunas", "cualquier", "todo", "toda",
                          "todos", "todas", "cada", "ningún", "ninguno", "ninguna", "aquí", "allí",
                          "ahí", "entonces", "ahora", "este", "esta", "estos", "estas", "ese", "esa",
                          "esos", "esas", "tal", "tales", "otro", "otra", "otros", "otras"})
OPPOSITES = (("antes", "después"), ("encima", "debajo"), ("sobre", "bajo"), ("dentro", "fuera"))
COMPARATIVES = frozenset({"más", "menos"})
INFERIOR_DEGREE = frozenset({"menos"})
SUPERIOR_DEGREE = frozenset({"más"})
DEGREE_SUFFIXES: tuple[tuple[str, str], ...] = ()
CONTENT_STOP = frozenset({"para", "como", "pero", "este", "esta", "estos", "estas", "sobre", "entre",
                          "desde", "hasta", "también", "cuando", "donde", "porque", "sido", "había",
                          "fueron", "será", "tiene", "tienen"})
ARTICLES = frozenset({"el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "mi", "mis", "tu", "tus",
                      "su", "sus", "nuestro", "nuestra", "nuestros", "nuestras"})
RELATIVES = frozenset({"que", "quien", "quienes", "cual", "cuales", "cuyo", "cuya", "cuyos", "cuyas", "donde"})
DETERMINERS = frozenset({"este", "esta", "estos", "estas", "ese", "esa", "esos", "esas", "aquel", "aquella",
                         "aquellos", "aquellas", "cada", "algún", "alguna", "algunos", "algunas", "ningún",
                         "ninguna", "muchos", "muchas", "pocos", "pocas", "varios", "varias"})
CONTINUATIVE_VERBS = (r"(?:segu(?:ir|ía|ían|í|imos|ido|irá|irán|iría|irían)|sig(?:o|ue|ues|uen|uió|uieron|a|an|amos)"
                      r"|continu(?:ar|aba|aban|ó|aron|ará|arán|aría|arían|ado)|contin[úu](?:a|an|e|en|o))"
                      r"\s+[^\W\d_]+(?:ando|iendo|yendo)",)
GERUND_ENDINGS: tuple[str, ...] = ("ando", "iendo", "yendo")
