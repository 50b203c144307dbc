"""The JSON Schema shipped with Concord: ``findings.schema.json``, the findings.json
contract. (The OASIS SARIF 2.1.0 schema that ``--format sarif`` follows is kept with the
tests, in ``tests/data/sarif-schema-2.1.0.json``.)"""

from __future__ import annotations

import json
from importlib import resources

FINDINGS = "findings.schema.json"


def load_schema(name: str = FINDINGS) -> dict:
    """Load a bundled schema by file name."""
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))
