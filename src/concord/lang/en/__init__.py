"""English resources.

* ``MONTHS``, ``MONTH_ABBREVIATIONS``, ``WEEKDAYS``: CLDR (``babel``), plus the variant
  ``Sept`` (AP style) that CLDR does not list.
* ``AMBIGUOUS_MONTHS``: month names that are also common English words (the modal *may*,
  the verb and noun *march*), so they are dates only in a date's context.
* ``STOP_WORDS``: the closed-class words (articles, pronouns, auxiliaries, prepositions,
  conjunctions) that carry no content for alignment; hand-written from English grammar.
* ``EVIDENCE_WORDS``: words that show a text is English (language detection): the
  closed-class words above and more, plus frequent newsroom words; hand-written.
* ``NOT_NAMES``: capitalised words that are never names on their own: closed-class words
  (articles, prepositions, conjunctions, pronouns, determiners, quantifiers, common
  adverbs), courtesy and office titles, and deictic time words; hand-written from English
  grammar and newsroom usage. (Month and weekday names, also never names, come from CLDR.)
* ``SPEECH_VERBS``: reporting verbs that introduce a quote's speaker (``..., said X``);
  ``SPEECH_VERBS_AFTER``: those that follow the speaker (``X said``); hand-written from
  news style.
* ``ALIAS_MARKERS``: words that introduce an alias in quotes (``known as "El Chapo"``).
"""

from .._cldr import months as _months
from .._cldr import weekdays as _weekdays

_WIDE, _ABBR = _months("en")
MONTHS = _WIDE  # "January", ...
MONTH_ABBREVIATIONS = tuple(a for a in _ABBR if a not in _WIDE) + ("Sept",)  # "Jan", ...
MONTH_NUMBERS = {**{m.lower(): i + 1 for i, m in enumerate(_WIDE)},
                 **{m.lower(): i + 1 for i, m in enumerate(_ABBR)}, "sept": 9}
WEEKDAYS = _weekdays("en")  # "Monday", ...
AMBIGUOUS_MONTHS = frozenset({"May", "March"})

#: The language's code in Apertium's language pairs (ISO 639-3: ``spa-eng``).
APERTIUM = "eng"
#: The Debian packages of the Apertium pairs this language is translated with: none (English
#: is reached from the other languages; ``apertium-eng-spa`` is Spanish's).
APERTIUM_PACKAGES: tuple[str, ...] = ()

#: Capital letters beyond A-Z that the orthography writes.
UPPERCASE = ""

STOP_WORDS = frozenset("""
the a an of and to in is was for that with on as by at from his her it its be have has are
were this which or not but had they their said after who will would been also more than
into over about up out he she we you i our there what when where how all any some such
these those other
""".split())

EVIDENCE_WORDS = frozenset("""
the of and to in is was for that with on as by at from his her it its an be have has
are were this which or not but had they their said after who will would been also more
than into over about up out against during between while under these those such there
what when where whose how all any both each few most other some our your my we you he
she them him us only own same so very can could should may might must shall do does did
just now then once here why because until through before above below off again further
members people government president country announced told says week year years day days
million billion thousand percent including among being
published updated posted written edited editing reporting photo photos
""".split()) - {"a", "no"}

NOT_NAMES = tuple("""
The A An In On At Of For And But Or To By From With As It Its This That These Those He She
They We I His Her Their Our After Before During While When Where What Who Why How There
Among Also According Some Many Most All Every Each Both Not
Mr Mrs Ms Dr President Minister Secretary Governor Mayor Senator General
Chief Deputy Vice Former Spokesman Spokeswoman Director Head Leader
Today Yesterday Tomorrow Here Now
""".split())

SPEECH_VERBS = ("said", "says", "told", "added", "stated", "posted", "wrote", "declared")
SPEECH_VERBS_AFTER = ("said", "says", "told", "added", "stated", "posted", "wrote")
ALIAS_MARKERS = ("alias", "known as", "nicknamed")
from . import dates, detect, names, numbers, partial, polarity, quotes, segment  # noqa: E402,F401  (topic modules)
