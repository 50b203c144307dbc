"""Portuguese polarity words: what makes a clause negative, and what only looks negative.

* ``NEGATORS``: the negative words, a closed class (Cunha & Cintra, advérbios de negação,
  pronomes indefinidos): *não, nunca, jamais, nada, ninguém, nenhum/nenhuma, nem,
  tampouco*.
* ``ALWAYS_NEGATES``: Portuguese has negative concord (*não disse nada* is one negation):
  every *não* counts, another negative word only when no negation comes before it.
* ``CONTINUERS``: words that continue the negation of the clause before them (*nem*).
* ``ADVERSATIVES``: the adversative conjunction *mas* (Cunha & Cintra ch. 16): it opens a
  conjoined clause, whose negative word is a negation of its own.
* ``CONTINUING_PHRASES``: regex alternatives of a negator with a focusing adverb that,
  opening a clause right after a negated clause, continue its negation: none beyond
  ``CONTINUERS`` (*nem sequer*, *nem mesmo* open with *nem*).
* ``APPROXIMATE``: approximate negators (*mal*, *pouco*, *quase não*).
* ``NOT_APPROXIMATE``: regex alternatives where *pouco* is not negative (*um pouco*, *pouco a
  pouco*, *há pouco*, *daqui a pouco*, *pouco depois / antes*).
* ``IMPLIED``: implied negation (*sem*, *falta de*, *ausência de*, *longe de*, the verb
  *carecer*); ``IMPLIED_WORDS``: its one-word forms.
* ``NOT_NEGATING``: regex alternatives of fixed phrases whose negative word negates nothing
  (*não só*, *não apenas*, *a não ser que*, *não obstante*), the negative word after a
  comparative (*mais do que nunca* = *more than ever*) and the litotes of time (*não há
  muito tempo* = *not long ago*, *não muito depois*), and the elliptical *ou não* and *se não* that end a clause
  (*mostrados ou não*; *e diferentes se não* = *otherwise*).
* ``CONTRACTED_NEGATION`` / ``CONTRACTED_STEMS``: Portuguese writes no negative clitic.
* ``PREFIXES``: negative prefixes (*des-, in-, im-, i-*); ``PREFIX_BEFORE``: *i-* only before
  *l* and *r*; ``REVERSATIVE``: *des-* (*desfazer*); ``PRIVATIVE_SUFFIXES``: none.
* ``WORDNET``: no WordNet antonyms for this language (WordNet is English).
* ``LEMMA_SUFFIXES`` / ``DOUBLING_SUFFIXES``: WordNet's inflection rules: none.
* ``NOT_ANTONYMS``: determiners and deictic adverbs, which change reference, not polarity.
* ``COMPARATIVES``: comparatives a degree word may modify (*muito mais*).
* ``INFERIOR_DEGREE`` / ``SUPERIOR_DEGREE``: the words of the comparison of inferiority
  and of superiority (*menos* + adjective or adverb; *mais*); ``DEGREE_SUFFIXES``:
  inflected comparative endings, none (the comparative is periphrastic).
* ``CONTENT_STOP``: frequent function words of four letters or more, left out when the
  content words of two readings are compared; hand-written.
* ``NEGATIVE_VERBS``: regex alternatives of the verbs whose complement is not the case:
  *deixar de* / *parar de* + infinitive (an action that stops: *deixou de reconhecer* = *no
  longer recognized*) and *fracassar em* (a negative implicative verb).
* ``OPPOSITES``: opposite pairs of closed-class words (prepositions and adverbs: *antes* /
  *depois*, *acima* / *abaixo*, *sobre* / *sob*, *dentro* / *fora*).
* ``ARTICLES``: the articles and possessive determiners (Cunha & Cintra, *Nova gramática
  do português contemporâneo*, ch. 10-11), after which a participle stands as an
  adjective, not as a verb.
* ``DETERMINERS``: the demonstratives and quantifiers (Cunha & Cintra ch. 11: *este,
  esse, aquele*, *cada, algum, nenhum, muitos, poucos, vários*): a word right after one is
  read in a noun phrase, not as a verb.
* ``RELATIVES``: the relative pronouns and adverbs (Cunha & Cintra ch. 11: *que, quem,
  qual, cujo, onde*): a negation right after one negates a relative clause.
* ``CONTINUATIVE_VERBS``: regex alternatives of the periphrases that say an action goes
  on (*continuar* / *seguir* + gerund or *a* + infinitive), the opposites of *deixar de*.
* ``GERUND_ENDINGS``: the endings of the gerund (Cunha & Cintra ch. 13), a verb form the
  negative prefixes *in- / im- / i-*, which make adjectives, never make.
"""

from __future__ import annotations

import re

NEGATORS = frozenset({"não", "nunca", "jamais", "nada", "ninguém", "nenhum", "nenhuma", "nenhuns",
                      "nenhumas", "nem", "tampouco"})
ALWAYS_NEGATES = frozenset({"não"})
CONTINUERS = frozenset({"nem"})
CONTINUING_PHRASES: tuple[str, ...] = ()
ADVERSATIVES = frozenset({"mas"})
APPROXIMATE = frozenset({"mal", "pouco", "pouca", "poucos", "poucas"})
NOT_APPROXIMATE = (r"um\s+pouco", r"pouco\s+a\s+pouco", r"há\s+pouco", r"daqui\s+a\s+pouco",
                   r"pouco\s+(?:depois|antes)")
IMPLIED = re.compile(r"\b(?:sem|falta\s+de|ausência\s+de|longe\s+de|"
                     r"carec(?:e|em|er|ia|iam|eu|eram))\b", re.I)
IMPLIED_WORDS = frozenset({"sem", "falta", "ausência", "carece", "carecem", "carecer", "carecia",
                           "careciam", "careceu", "careceram"})
NOT_NEGATING = (r"ou\s+não(?=\s*(?:[.,;:!?)]|$))", r"se\s+não(?=\s*(?:[.,;:!?)]|$))",
                r"não\s+s[óo]", r"não\s+apenas", r"a\s+não\s+ser\s+que", r"não\s+obstante",
                # the negative word after a comparative means *ever* (mais do que nunca)
                r"(?:mais|menos|melhor|pior|maior|menor)(?:\s+(?!não\b)[^\W\d_]+){0,6}?\s+(?:do\s+)?que\s+"
                r"(?:nunca|jamais|ninguém|nada)",
                # litotes of time: não há muito (tempo) = not long ago
                r"não\s+há\s+muito(?:\s+tempo)?", r"há\s+não\s+muito\s+tempo",
                r"não\s+muito\s+(?:depois|antes|mais\s+tarde)")
CONTRACTED_NEGATION = None
CONTRACTED_STEMS: dict[str, str] = {}
PREFIXES = ("des", "in", "im", "i")
PREFIX_BEFORE = {"i": ("l", "r")}
REVERSATIVE = ("des",)
PRIVATIVE_SUFFIXES: tuple[str, ...] = ()
WORDNET = False
LEMMA_SUFFIXES: tuple[tuple[str, str], ...] = ()
DOUBLING_SUFFIXES: tuple[str, ...] = ()
NOT_ANTONYMS = frozenset({"algum", "alguma", "alguns", "algumas", "qualquer", "todo", "toda", "todos",
                          "todas", "cada", "nenhum", "nenhuma", "aqui", "ali", "aí", "então", "agora",
                          "este", "esta", "estes", "estas", "esse", "essa", "esses", "essas", "tal",
                          "tais", "outro", "outra", "outros", "outras"})
COMPARATIVES = frozenset({"mais", "menos"})
INFERIOR_DEGREE = frozenset({"menos"})
SUPERIOR_DEGREE = frozenset({"mais"})
DEGREE_SUFFIXES: tuple[tuple[str, str], ...] = ()
CONTENT_STOP = frozenset({"para", "como", "mas", "este", "esta", "estes", "estas", "sobre", "entre",
                          "desde", "até", "também", "quando", "onde", "porque", "sido", "tinha",
                          "foram", "será", "pelo", "pela"})
NEGATIVE_VERBS = (r"(?:deix|par)(?:a|ar|ou|aram|am|ava|avam|e|em|ará|arão|aria|ariam|o|amos|asse|assem)"
                  r"\s+de", r"fracass(?:a|am|ar|ou|aram|ado)\s+em")
OPPOSITES = (("antes", "depois"), ("acima", "abaixo"), ("sobre", "sob"), ("dentro", "fora"))
ARTICLES = frozenset({"o", "a", "os", "as", "um", "uma", "uns", "umas", "meu", "minha", "meus", "minhas",
                      "seu", "sua", "seus", "suas", "nosso", "nossa", "nossos", "nossas"})
RELATIVES = frozenset({"que", "quem", "qual", "quais", "cujo", "cuja", "cujos", "cujas", "onde"})
DETERMINERS = frozenset({"este", "esta", "estes", "estas", "esse", "essa", "esses", "essas", "aquele", "aquela",
                         "aqueles", "aquelas", "cada", "algum", "alguma", "alguns", "algumas", "nenhum",
                         "nenhuma", "muitos", "muitas", "poucos", "poucas", "vários", "várias"})
CONTINUATIVE_VERBS = (r"(?:continu|segu|sig)[^\W\d_]*\s+(?:a\s+[^\W\d_]+r|[^\W\d_]+(?:ando|endo|indo))",)
GERUND_ENDINGS: tuple[str, ...] = ("ando", "endo", "indo")
