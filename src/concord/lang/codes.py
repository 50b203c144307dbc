"""Language codes across naming schemes: Concord and its settings use ISO 639-1 (``es``),
Apertium names its language pairs with ISO 639-3 codes (``spa-eng``)."""

from __future__ import annotations

#: ISO 639-1 -> ISO 639-3, for the languages with Apertium pairs to or from Spanish or
#: English; a code missing here is passed on as it is.
ISO_639_3 = {"es": "spa", "en": "eng", "ca": "cat", "pt": "por", "fr": "fra", "it": "ita", "gl": "glg"}
