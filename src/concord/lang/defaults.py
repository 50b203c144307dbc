"""Language defaults of a run that no profile owns: the pivot, the language every version
is translated into to be compared. (The languages a run detects by default are all those
with a profile, :data:`concord.lang.LANGUAGES`.)"""

from __future__ import annotations

#: The pivot language: versions in other languages are translated into it.
DEFAULT_PIVOT = "en"
