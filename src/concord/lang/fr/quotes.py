"""French quotation knowledge: the small words of a speaker's name and of a quoted name.

* ``SPEAKER_PARTICLES``: lower-case words inside a speaker's name (``..., a déclaré
  Charles de Gaulle``, ``Marine Le Pen``): the particles of French surnames.
* ``NAME_WORDS``: lower-case words that may stand inside a name or title in quotation
  marks (``« Banque de France »``), which is a label, not a quotation.

Hand-written from French naming conventions (the particle *de*, *du*, *des*, and the
article of a surname). French quotes with guillemets « » (with a narrow space inside),
which the quote extractor reads with the other marks. The speech verbs that introduce a
speaker are the profile's ``SPEECH_VERBS`` and ``SPEECH_VERBS_AFTER``.
"""

from __future__ import annotations

SPEAKER_PARTICLES = ("de", "du", "des", "d'", "le", "la")
NAME_WORDS = ("de", "du", "des", "la", "le")
