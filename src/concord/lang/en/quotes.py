"""English quotation knowledge: the small words of a speaker's name and of a quoted name.

* ``SPEAKER_PARTICLES``: lower-case words inside a speaker's name (``..., said X``): none
  in English names.
* ``NAME_WORDS``: lower-case words that may stand inside a name or title in quotation
  marks (``"Bank of America"``), which is a label, not a quotation.

Hand-written from English naming conventions. The speech verbs that introduce a speaker
are the profile's ``SPEECH_VERBS`` and ``SPEECH_VERBS_AFTER``.
"""

from __future__ import annotations

SPEAKER_PARTICLES: tuple[str, ...] = ()
NAME_WORDS = ("of",)
