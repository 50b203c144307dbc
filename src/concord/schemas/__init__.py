"""The JSON Schema shipped with Concord: ``findings.schema.json``, the findings.json
contract. (The OASIS SARIF 2.1.0 schema that ``--format sarif`` follows is kept with the
tests, in ``tests/data/sarif-schema-2.1.0.json``.)"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

FINDINGS = "findings.schema.json"


def load_schema(name: str = FINDINGS) -> dict[str, Any]:
    """Load a bundled schema by file name."""
    schema: dict[str, Any] = json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))
    return schema


def expected_enums() -> dict[str, tuple[str, ...]]:
    """Every enum of findings.schema.json, by JSON pointer, as the code defines it (the
    model's enums and the check, translator and name-extractor registries)."""
    from ..checks import REGISTRY
    from ..document import BeadKind, Category, GroupMethod, Severity
    from ..facts.ner import CHOICES as NAMES
    from ..formats import DESCRIPTIONS as FORMAT_READERS
    from ..textio import TEXT_FORMATS
    from ..translate import BACKENDS
    from ..translate import CHOICES as TRANSLATORS

    return {
        "/properties/settings/properties/translator": TRANSLATORS,
        "/properties/settings/properties/names": NAMES,
        "/properties/settings/properties/fail_on": (*Severity.values()[:2], "never"),
        "/$defs/group/properties/method": GroupMethod.values(),
        "/$defs/document/properties/format": (*TEXT_FORMATS, *FORMAT_READERS),
        "/$defs/backend": tuple(BACKENDS),
        "/$defs/group/properties/names/additionalProperties": tuple(n for n in NAMES if n != "auto"),
        "/$defs/bead/properties/kind": BeadKind.values(),
        "/$defs/finding/properties/category": Category.values(),
        "/$defs/finding/properties/severity": Severity.values(),
        "/$defs/finding/properties/check": tuple(REGISTRY),
    }


def group_line_schema() -> dict[str, Any]:
    """The schema of one line of findings.jsonl: a group of findings.json (its ``group``
    definition, with the definitions it refers to)."""
    schema = load_schema()
    return {"$schema": schema["$schema"], "title": "Concord findings.jsonl line",
            "description": "One story group, as in findings.json's groups.",
            "$ref": "#/$defs/group", "$defs": schema["$defs"]}
