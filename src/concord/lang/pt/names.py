"""Portuguese words around names: what joins a name's words, what opens or binds a phrase.

* ``PARTICLES``: words that stand inside a name between capitalised words: the prepositions
  and their contractions with the article (*Rio de Janeiro*, *Banco do Brasil*, *Mato Grosso
  do Sul*, *Lula da Silva*, *Pedro dos Santos*) and *e* (*Ministério da Ciência e
  Tecnologia*); hand-written from Portuguese grammar and news style.
* ``MINOR_WORDS``: the particles plus the Spanish *del*, *y*: words an acronym's initials and
  a name's content words skip.
* ``ARTICLES``: the definite articles, which may open a name's span (*o Governo*);
  ``CONTRACTED_ARTICLES``: *do*, *da*, *dos*, *das* (*de* + article), *no*, *na*.
* ``CONJUNCTIONS``: the conjunction that joins two names (*Portugal e Espanha*).
* ``BINDING_PREPOSITIONS``: prepositions that make a list one name when they come before its
  conjunction (*Ministério da Ciência e Tecnologia*).
* ``GENITIVE``: prepositions that bind a sentence-opening plural to the name after it; *de*
  binds through its contractions (:data:`CONTRACTED_ARTICLES`), so none.
* ``GENERIC``: common nouns and adjectives of organisation names (*ministério*, *nacional*);
  hand-written from news copy.
* ``INSTITUTIONS``: head nouns of descriptive organisation names (*exército*, *tribunal*);
  hand-written from news copy.
* ``CLAUSE_OPENERS``: conjunctions and relative pronouns (*e, ou, mas, que, quem, onde,
  quando*): a phrase after a name's comma that begins with one is a clause.
* ``APPOSITION_ALIASES``: words that introduce an alias after a name (*conhecido como*).
* ``BYLINES``: the phrases that open a byline (*Por*, *Publicado por*);
  ``DATE_JOINERS``: the preposition a date is written with (*20 de janeiro de 2026*).
* ``CONTRACTION_SUFFIXES``: the pronoun-auxiliary contractions (English *I've*): none.
* ``DOUBLED_INITIAL_PLURALS``: false (*EUA* = *Estados Unidos da América*).
* ``DEMONYM_SUFFIXES``: the suffixes that form a gentílico on a place name (*-ano*,
  *-ense*, *-ês*, *-ino*), with their feminine and plural forms.
* ``POSSESSIVE_CLITICS``: none (Portuguese marks possession with *de*).
* ``SPACY_MODEL``: no spaCy pipeline is installed for Portuguese (``None``): the rule-based
  extractor finds its names.
* ``NOT_ANCHORS``: capitalised words that never anchor a story when documents are grouped by
  shared names (closed-class words, titles, weekdays); hand-written from Portuguese grammar.
* ``ERAS``: the era designators written after a year (*a.C.*, *d.C.*, *AEC*, *EC*): part
  of a date, never a name to check.
* ``THIRD_PERSON_PRONOUNS``: the personal pronouns of the third person that stand for a
  person (*ele*, *ela*, *eles*, *elas*; Cunha & Cintra, *Nova Gramática*, ch. 11): a name a
  translation gives as a pronoun is still stated.
* ``PREPOSITIONS``: the simple prepositions (Cunha & Cintra, ch. 15) and the contractions
  with the article (*do*, *da*, *no*, *na*, *ao*, *à*, *pelo*, *pela*): with the articles,
  words that cannot end a clause.
* ``ARTICLES_AS_PRONOUNS``: the Portuguese article *o*, *a* stands for a noun before a
  preposition or a relative clause (*o de João*, *o que veio*), as in Spanish: true.
* ``SUBJECT_REQUIRED``: Portuguese drops the subject of a finite clause: false.
  ``AUXILIARIES``: the finite forms of *ser*, *ter*, *haver* and *poder*.
* ``INFINITIVE_MARKERS``: none: the auxiliaries listed are finite forms only.
* ``DERIVATION_SUFFIXES``: the suffixes that form an adherent's noun or adjective, or a
  doctrine, on a noun (*trabalhista*, *peronismo*).
* ``PERSON_RELATIVES``: none: Portuguese *que* refers to a person or a thing alike, and
  *quem* stands after a preposition (Cunha & Cintra ch. 11).
* ``FRONTED_INVERSION``: whether a clause may put its finite verb before its subject
  after an opening phrase and its comma: Portuguese does (Cunha & Cintra ch. 7).
"""

from __future__ import annotations

PARTICLES = frozenset("de da do das dos e".split())
MINOR_WORDS = PARTICLES | {"del", "y"}
ARTICLES = ("o", "os", "as")
CONTRACTED_ARTICLES = ("do", "da", "dos", "das", "no", "na")
CONJUNCTIONS = ("e",)
BINDING_PREPOSITIONS = ("de", "do", "da", "para")
GENITIVE: frozenset[str] = frozenset()

GENERIC = frozenset("""
grupo organização departamento ministério secretaria serviço agência escritório nacional
federal de da do das dos e nova novo universidade partido banco cidade estado estados unidos
república
""".split())

INSTITUTIONS = frozenset("""
exército marinha força polícia guarda tribunal corte conselho ministério instituto serviço
agência comissão comitê comité autoridade partido universidade sindicato associação câmara
congresso senado assembleia federação banco fundo junta rede centro
""".split())

CLAUSE_OPENERS = frozenset("""
e ou nem mas porém que quem qual quais cujo cuja onde quando enquanto embora porque como se
""".split())

APPOSITION_ALIASES = ("conhecido como", "conhecida como", "apelidado")
BYLINES = ("Publicado por", "Escrito por", "Por")
DATE_JOINERS = ("de",)
CONTRACTION_SUFFIXES: tuple[str, ...] = ()
DEMONYM_SUFFIXES = ("o", "a", "os", "as", "ano", "ana", "anos", "anas", "ense", "enses", "ês", "esa",
                    "eses", "esas", "ino", "ina", "inos", "inas")
DOUBLED_INITIAL_PLURALS = False
POSSESSIVE_CLITICS: tuple[str, ...] = ()
SPACY_MODEL = None


#: Capitalised words that never anchor a story when grouping documents by shared names and
#: numbers (``corpus.anchors``), lower-cased: closed-class words, courtesy titles, weekdays
#: (hand-written from Portuguese grammar; anchors are accent-folded).
NOT_ANCHORS = frozenset("""
o a os as um uma em no na nos nas de da do das dos por para com e ou mas seu sua ele ela
segundo após durante quando onde também
sr sra publicado
segunda terça quarta quinta sexta sábado domingo
""".split())

ERAS = ("a.C.", "d.C.", "a. C.", "d. C.", "AEC", "EC")
THIRD_PERSON_PRONOUNS = frozenset("ele ela eles elas".split())
PERSON_RELATIVES: frozenset[str] = frozenset()
FRONTED_INVERSION = True
PREPOSITIONS = frozenset("""
a ante após até com contra de desde em entre para perante por sem sob sobre trás
do da dos das no na nos nas ao aos à às pelo pela pelos pelas
""".split())
ARTICLES_AS_PRONOUNS = True
SUBJECT_REQUIRED = False
INFINITIVE_MARKERS: frozenset[str] = frozenset()
DERIVATION_SUFFIXES = ("ista", "istas", "ismo", "ismos")
AUXILIARIES = frozenset("é são era eram foi foram tem têm tinha tinham há havia será serão pode podem".split())
