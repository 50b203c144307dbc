"""JSON Schemas shipped with Concord: ``findings.schema.json`` (the findings.json contract)
and the OASIS SARIF 2.1.0 schema (errata 01) that ``--format sarif`` output follows."""

from __future__ import annotations

import json
from importlib import resources

FINDINGS = "findings.schema.json"
SARIF = "sarif-schema-2.1.0.json"


def load_schema(name: str = FINDINGS) -> dict:
    """Load one of the bundled schemas by file name."""
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))
