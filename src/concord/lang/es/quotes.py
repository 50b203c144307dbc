"""Spanish quotation knowledge: the small words of a speaker's name and of a quoted name.

* ``SPEAKER_PARTICLES``: lower-case words inside a speaker's name (``..., dijo María de
  la Cruz``, ``José Ortega y Gasset``): the particles of Spanish surnames.
* ``NAME_WORDS``: lower-case words that may stand inside a name or title in quotation
  marks (``"Cártel de Sinaloa"``), which is a label, not a quotation.

Hand-written from Spanish naming conventions (RAE, *Ortografía*, on particles in
surnames). The speech verbs that introduce a speaker are the profile's ``SPEECH_VERBS``
and ``SPEECH_VERBS_AFTER``.
"""

from __future__ import annotations

SPEAKER_PARTICLES = ("de", "del", "la", "y")
NAME_WORDS = ("de", "la", "del")
