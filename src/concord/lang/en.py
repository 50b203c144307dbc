"""English resources.

``STOP_WORDS``: the closed-class words (articles, pronouns, auxiliaries, prepositions,
conjunctions) that carry no content for alignment; hand-written from English grammar.
"""

STOP_WORDS = frozenset("""
the a an of and to in is was for that with on as by at from his her it its be have has are
were this which or not but had they their said after who will would been also more than
into over about up out he she we you i our there what when where how all any some such
these those other
""".split())
