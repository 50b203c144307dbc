"""English polarity words: what makes a clause negative, and what only looks negative.

* ``NEGATORS``: the negative words, a closed grammatical class (Quirk et al., *A
  Comprehensive Grammar of the English Language*, 1985, §10.54-10.64): *not, n't, cannot,
  no, none, nobody, no one, nothing, nowhere, neither, nor, never*.
* ``ALWAYS_NEGATES``: the negators that count after another negator of their clause:
  standard English has no negative concord, so every *not / n't / cannot / never* counts,
  while the determiners and pronouns (*no X and no Y*, *neither X nor Y*) count only when
  they open the clause's negation.
* ``CONTINUERS``: words that continue the negation of the clause before them (*not X, nor
  Y*, *and neither did she*): a clause whose only negation is one of them, right after a
  negated clause, adds no negation.
* ``ADVERSATIVES``: the adversative coordinating conjunction *but* (Quirk et al.
  §13.5, 13.10): it opens a conjoined clause, so a negative determiner after it (*but
  there is no sign*) opens that clause's negation rather than continuing the one before.
* ``CONTINUING_PHRASES``: regex alternatives of a negator with a focusing adverb
  (Quirk et al. §8.116-8.117: *not even*, additive) that, opening a clause right after a
  negated clause, continue its negation elliptically (*he is not fit for this court, not
  even for that one*): such a clause adds no negation, as *nor* adds none.
* ``APPROXIMATE``: approximate negators (Quirk et al. §10.63: *few, little, seldom,
  rarely, hardly, scarcely, barely*) and the privative *non*, *nary*.
* ``NOT_APPROXIMATE``: regex alternatives where such a word is not negative (*a few*, *a
  little*: only bare *few / little* are, §10.63).
* ``IMPLIED``: implied negation (§10.64: *without*, *free of/from*, *short of*, *far from*,
  *absence of*, the verb *lack*); ``IMPLIED_WORDS``: its one-word forms.
* ``NOT_NEGATING``: regex alternatives of fixed phrases whose negative word negates
  nothing (*not only*, which the verb may split, and *no only*, the word-for-word reading of
  Spanish *no sólo*; *not just*, *no doubt*, *nothing but*,
  and *No.* before a number, the abbreviation of *number*; *not long after* = *soon after*,
  litotes that negates a length of time, not the claim); the elliptical *or not* and
  *if not* that end a clause (*whether they are shown or not*, *if not, it fails* =
  *otherwise*): the predicate they negate is left out, so the claim keeps its polarity.
* ``NEGATIVE_VERBS``: regex alternatives of the verbs whose complement is not the case:
  those that say an action stops (§4.49: *stop, cease, quit* + *-ing* or *to*, and *no
  longer*, *any longer*, *anymore*: *stopped recognizing* says *no longer recognizes*),
  and *fail to*, a negative implicative verb (Karttunen 1971, "Implicative verbs": *failed
  to qualify* entails *did not qualify*).
* ``CONTRACTED_NEGATION``: the negative clitic written onto a verb (*don't*);
  ``CONTRACTED_STEMS``: the irregular stems it leaves (*can't* -> *ca*, *won't* -> *wo*).
* ``PREFIXES``: negative prefixes (Quirk et al. App. I.21: *non-, dis-, un-, in-, im-,
  il-, ir-*); ``PREFIX_BEFORE``: prefixes written only before some letters (none);
  ``REVERSATIVE``: the prefixes that mostly reverse an action rather than negate a
  quality (*disappear*, *discover*); ``PRIVATIVE_SUFFIXES``: *-less* (App. I.34).
* ``WORDNET``: WordNet (an English database) gives this language's antonyms.
* ``LEMMA_SUFFIXES`` / ``DOUBLING_SUFFIXES``: WordNet's *morphy* rules (its ``morphy(7WN)``
  manual page): inflectional endings and what replaces them (*hated* -> *hate*), and the
  endings after a doubled consonant (*stopped* -> *stop*).
* ``NOT_ANTONYMS``: determiners and deictic adverbs (Quirk et al. ch. 5, §7.58) that
  WordNet gives antonyms (*some / no*, *here / there*) but change reference, not polarity.
* ``OPPOSITES``: opposite pairs of closed-class words WordNet leaves out (prepositions and
  their adverbs, Quirk et al. §9.15-9.27: *before* / *after*, *above* / *below*, *over* /
  *under*, *inside* / *outside*), antonyms like WordNet's.
* ``COMPARATIVES``: comparatives a degree word may modify (§7.83: *far fewer*, *much
  less*).
* ``INFERIOR_DEGREE`` / ``SUPERIOR_DEGREE``: the words of the comparison of inferiority
  and of superiority (§7.74: *less, least* + adjective or adverb; *more, most*);
  ``DEGREE_SUFFIXES``: the inflected comparative and superlative endings (§7.75-7.77:
  *graver, gravest*, *bigger*, *happier*) and what replaces them in the base form. *Less
  serious* says the opposite of *graver* about the same quality.
* ``CONTENT_STOP``: frequent function words of four letters or more, left out when the
  content words of two readings are compared, and the auxiliaries (Quirk et al. §3.21-3.22:
  *be, have, do* and the modals), pronouns and conjunctions of three letters, which never
  tie two readings together; hand-written.
* ``ARTICLES``: the articles and possessive determiners (Quirk et al. §5.12-5.14,
  central determiners), after which an *-ed* or *-ing* form stands as an adjective (*the
  advanced stage*), not as a verb.
* ``DETERMINERS``: the other determiners (Quirk et al. §5.12-5.24): the demonstratives
  *this, these, those* (*that* is also a relative and a conjunction), the quantifiers
  *every, each, some, any, no, either, neither, enough* and the postdeterminers *many,
  few, fewer, several*: a word right after one is read in a noun phrase, not as a verb
  (*few loans*).
* ``RELATIVES``: the relative pronouns and adverbs (Quirk et al. §17.9-17.15: *who,
  whom, whose, which, that, where*): a negation right after one negates a relative clause,
  which often says in a clause what the other version says in one word (*landlocked
  countries* / *countries that have no coast*).
* ``CONTINUATIVE_VERBS``: regex alternatives of the verbs that say an action goes on
  (Quirk et al. §4.49, the opposites of *stop*: *continue to* / *continue* + *-ing*, *keep
  (on)* + *-ing*, *carry on* + *-ing*).
* ``GERUND_ENDINGS``: the endings of the gerund, a verb form no negative prefix makes;
  none here (WordNet's word classes tell a verb from an adjective: :func:`prefix_base`).
"""

from __future__ import annotations

import re

NEGATORS = frozenset({"not", "no", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor",
                      "cannot", "n't", "noone"})
ALWAYS_NEGATES = frozenset({"not", "n't", "cannot", "never"})
CONTINUERS = frozenset({"nor", "neither"})
CONTINUING_PHRASES = (r"not\s+even",)
ADVERSATIVES = frozenset({"but"})
APPROXIMATE = frozenset({"few", "fewer", "little", "seldom", "rarely", "hardly", "scarcely", "barely",
                         "non", "nary"})
NOT_APPROXIMATE = (r"a\s+(?:few|little)",)
IMPLIED = re.compile(r"\b(?:without|free\s+(?:of|from)|short\s+of|far\s+from|absence\s+of|"
                     r"lack(?:s|ed|ing)?)\b", re.I)
IMPLIED_WORDS = frozenset({"without", "lack", "lacks", "lacked", "lacking", "absence"})
NOT_NEGATING = (r"not(?:\s+\w+)?\s+only", r"no\s+only", r"not\s+just", r"no\s+doubt", r"nothing\s+but",
                r"no\.(?=\s*\d)", r"not\s+(?:long|much)\s+(?:after|before|later|earlier|ago)",
                # elliptical alternative and condition (Quirk et al. §15.6, §12.29): the negated
                # predicate is left out (whether or not, ... or not., if not, = otherwise)
                r"whether\s+or\s+not", r"or\s+not(?=\s*(?:[.,;:!?)]|$))", r"if\s+not(?=\s*(?:[.,;:!?)]|$))")
NEGATIVE_VERBS = (r"(?:stop|stopp|cease|ceas|quit|quitt)(?:s|ed|ing)?(?:\s+to)?", r"(?:no|any)\s+longer",
                  r"any\s?more", r"fail(?:s|ed|ing)?\s+to")
CONTRACTED_NEGATION = "n't"
CONTRACTED_STEMS = {"ca": "can", "wo": "will"}
PREFIXES = ("non", "dis", "un", "in", "im", "il", "ir")
PREFIX_BEFORE: dict[str, tuple[str, ...]] = {}
REVERSATIVE = ("dis",)
PRIVATIVE_SUFFIXES = ("less",)
WORDNET = True
LEMMA_SUFFIXES = (("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""),
                  ("ing", "e"), ("ing", ""), ("er", ""), ("er", "e"), ("est", ""), ("est", "e"))
DOUBLING_SUFFIXES = ("ed", "ing")
NOT_ANTONYMS = frozenset({"some", "any", "all", "every", "each", "no", "none", "here", "there", "then",
                          "now", "this", "that", "these", "those", "such", "other", "another"})
OPPOSITES = (("before", "after"), ("above", "below"), ("over", "under"), ("inside", "outside"))
COMPARATIVES = frozenset({"more", "less", "fewer"})
INFERIOR_DEGREE = frozenset({"less", "least"})
SUPERIOR_DEGREE = frozenset({"more", "most"})
DEGREE_SUFFIXES = (("iest", "y"), ("ier", "y"), ("est", "e"), ("est", ""), ("er", "e"), ("er", ""))
CONTENT_STOP = frozenset({"the", "and", "that", "this", "with", "from", "have", "been", "will", "would",
                          "which", "their", "there", "they", "what", "were", "when", "also",
                          "was", "are", "has", "had", "did", "does", "can", "may", "might", "must",
                          "shall", "should", "could", "its", "his", "her", "our", "who", "how", "why",
                          "you", "him", "she", "one", "for", "but", "nor", "yet"})
ARTICLES = frozenset({"the", "a", "an", "my", "your", "his", "her", "its", "our", "their"})
RELATIVES = frozenset({"who", "whom", "whose", "which", "that", "where"})
DETERMINERS = frozenset({"this", "these", "those", "every", "each", "some", "any", "no", "either", "neither",
                         "enough", "many", "few", "fewer", "several"})
CONTINUATIVE_VERBS = (r"continu(?:e|es|ed|ing)\s+(?:to\s+[^\W\d_]+|[^\W\d_]+ing)",
                       r"(?:keep|keeps|kept|keeping)\s+(?:on\s+)?[^\W\d_]+ing",
                       r"carr(?:y|ies|ied|ying)\s+on\s+[^\W\d_]+ing")
GERUND_ENDINGS: tuple[str, ...] = ()
