"""Meaning checks: a sentence whose meaning is reversed in the other version.

The polarity evidence of a matched bead (:func:`concord.checks._reversal.reversal`: a
negation added or dropped, a word replaced by its antonym, with the rest of the two
sentences matching well) is computed once per bead (:func:`bead_reversal`) and shared with
the quote check, which reports a reversal inside a quotation.
"""

from __future__ import annotations

from ..document import Bead, Category, Finding, Severity
from ._reversal import bead_reversal, reversal_in_quote, reversal_message
from .base import Pair, check, evidence


@check("meaning", Category.MEANING, Severity.ERROR)
def meaning_reversed(pair: Pair, bead: Bead) -> list[Finding]:
    """A sentence says the opposite in the other version.

    A negation added or dropped (``will remain closed`` / ``no permanecerá cerrada``) or a
    word replaced by its antonym (``closed`` / ``abierta``), with the rest of the two
    sentences matching well (thresholds in :mod:`concord.facts.polarity`). A reversal
    inside a quotation is reported by the quote check; a faithful rewording is not flagged.
    """
    rev = bead_reversal(pair, bead)
    if rev is None or reversal_in_quote(pair, bead, rev):
        return []
    severity = Severity.ERROR if rev.confident else Severity.WARNING
    return [pair.finding("meaning", severity, reversal_message(pair, rev, "Meaning reversed"),
                         evidence(pair.A.doc, bead.a), evidence(pair.B.doc, bead.b),
                         classification=rev.kind)]
