"""Write the enums of ``src/concord/schemas/findings.schema.json`` from the code.

The schema's enums (categories, severities, bead kinds, group methods, check ids,
translators, name extractors) are derived from the enums and registries in the code;
``tests/test_registry.py`` fails when they disagree. Run this after adding a check, a
category or a backend:

    .venv/bin/python scripts/sync_schema.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from concord.schemas import expected_enums  # noqa: E402

PATH = ROOT / "src" / "concord" / "schemas" / "findings.schema.json"


def main() -> int:
    schema = json.loads(PATH.read_text(encoding="utf-8"))
    for pointer, values in expected_enums().items():
        node = schema
        for part in pointer.strip("/").split("/"):
            node = node.setdefault(part, {})
        node["enum"] = list(values)
    PATH.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
