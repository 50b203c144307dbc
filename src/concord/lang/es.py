"""Spanish resources.

``STOP_WORDS``: the closed-class words (articles, pronouns, prepositions, conjunctions,
the commonest forms of *ser* and *haber*) that carry no content for alignment;
hand-written from Spanish grammar.
"""

STOP_WORDS = frozenset("""
de la el los las que y en del por con para una un se su sus al es lo como más pero le ya
fue este esta ha han o e u
""".split())
