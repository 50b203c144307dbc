"""Portuguese quotation knowledge: the small words of a speaker's name and of a quoted name.

* ``SPEAKER_PARTICLES``: lower-case words inside a speaker's name (``..., disse Luiz Inácio
  Lula da Silva``): the particles of Portuguese surnames (*de, da, do, dos, das, e*).
* ``NAME_WORDS``: lower-case words that may stand inside a name or title in quotation
  marks (``"Banco do Brasil"``), which is a label, not a quotation.

Hand-written from Portuguese naming conventions. Portuguese quotes with “ ” and « » (in
Portugal), which the quote extractor reads with the other marks. The speech verbs that
introduce a speaker are the profile's ``SPEECH_VERBS`` and ``SPEECH_VERBS_AFTER``.
"""

from __future__ import annotations

SPEAKER_PARTICLES = ("de", "da", "do", "dos", "das", "e")
NAME_WORDS = ("de", "da", "do", "dos", "das")
