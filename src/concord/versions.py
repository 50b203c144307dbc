"""The versions of a story: which one is the source (``--source``, ``source = ...``), and
the order in which their pairs are compared.

The compare stage, the checks (which word a difference as an omission of the source or
an addition of the translation) and the HTML report (which marks the source) all ask the
same question, so the answer lives here, below all three.
"""

from __future__ import annotations

from .document import Document


def is_source(doc: Document, spec: str) -> bool:
    """Whether ``doc`` is the version ``spec`` names (``--source``, ``source = ...``): a
    language code (``es``) or a file name (its path in the corpus, or its base name)."""
    if not spec:
        return False
    spec_l = spec.strip().lower().replace("_", "-")
    lang = (doc.language or "").lower()
    if spec_l == lang or (lang and spec_l.split("-")[0] == lang and "-" not in lang and "." not in spec_l):
        return True
    path = doc.path.replace("\\", "/")
    spec_p = spec.replace("\\", "/")
    return spec_p == path or spec_p.rsplit("/", 1)[-1] == path.rsplit("/", 1)[-1]


def pair_order(docs: list[Document], source: str = "") -> list[Document]:
    """The versions of a story in the order their pairs are compared: the source first
    (when ``source`` names exactly one), then by language and path. The order never
    depends on the command or on the order files were given in, so neither do finding
    ids nor which side a difference is reported on."""
    marked = [d for d in docs if is_source(d, source)]
    first = {id(marked[0])} if len(marked) == 1 else set()
    return sorted(docs, key=lambda d: (id(d) not in first, d.language or "", d.path, d.id))
