"""The shape of the code: one list of each name, checks in a registry, imports one way."""

import ast
from pathlib import Path

import pytest

from concord.checks import REGISTRY, select
from concord.document import BeadKind, Category, GroupMethod, Severity
from concord.schemas import expected_enums, load_schema

SRC = Path(__file__).resolve().parent.parent / "src" / "concord"


def _modules():
    for path in sorted(SRC.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _pointer(schema: dict, pointer: str):
    node = schema
    for part in pointer.strip("/").split("/"):
        node = node[part]
    return node


def test_schema_enums_equal_the_code():
    schema = load_schema()
    for pointer, values in expected_enums().items():
        assert tuple(_pointer(schema, pointer)["enum"]) == tuple(values), pointer
    assert expected_enums()["/$defs/finding/properties/category"] == Category.values()
    assert set(expected_enums()["/$defs/finding/properties/check"]) == set(REGISTRY)


# A literal listing two or more of these names anywhere but in their one home is a copy.
# (choices.py keeps the check ids, some named like their category, and the translator
# names low for the settings; test_layers.py checks those lists equal their registries.)
_LISTS = {
    "category": (set(Category.values()), {"document.py", "choices.py"}),
    "severity": (set(Severity.values()), {"document.py"}),
    "bead kind": (set(BeadKind.values()) - {"omission", "addition"}, {"document.py"}),
    "group method": (set(GroupMethod.values()) - {"anchors"}, {"document.py"}),
    "backend": ({"apertium", "argos", "none"}, {"translate/__init__.py", "choices.py"}),
}


def test_no_module_lists_categories_severities_or_backends_of_its_own():
    found = []
    for path, tree in _modules():
        rel = path.relative_to(SRC).as_posix()
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                continue
            strings = {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
            for what, (names, home) in _LISTS.items():
                if len(strings & names) >= 2 and rel not in home:
                    found.append(f"{rel}:{node.lineno} lists {what} names {sorted(strings & names)}")
    assert found == []


def _imports(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            yield node


def test_no_module_imports_private_names_or_runs_back_up_to_the_package():
    bad = []
    for path, tree in _modules():
        rel = path.relative_to(SRC).as_posix()
        for node in _imports(tree):
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    bad.append(f"{rel}:{node.lineno} imports private {alias.name}")
            # `from . import x` / `from .. import x` of a name defined in __init__ runs back up
            if not node.module:
                for alias in node.names:
                    pkg = path.parent if node.level == 1 else path.parents[node.level - 1]
                    if not ((pkg / f"{alias.name}.py").exists() or (pkg / alias.name).is_dir()):
                        bad.append(f"{rel}:{node.lineno} imports {alias.name} from a package __init__")
    assert bad == []


def _imported_modules(path: Path, tree) -> set[str]:
    out = set()
    for node in _imports(tree):
        base = path.parent
        for _ in range(node.level - 1):
            base = base.parent
        target = (base / (node.module or "").replace(".", "/")).relative_to(SRC).as_posix()
        out.add(target.strip("/"))
    return out


@pytest.mark.parametrize("where, forbidden", [
    ("checks", ("align", "report", "pipeline", "store")),
    ("store.py", ("report",)),
    ("facts", ("checks", "align", "report", "pipeline")),
    ("text.py", ("facts", "checks", "align", "report")),
])
def test_layering(where, forbidden):
    bad = []
    for path, tree in _modules():
        rel = path.relative_to(SRC).as_posix()
        if not rel.startswith(where):
            continue
        for mod in _imported_modules(path, tree):
            if any(mod == f or mod.startswith(f + "/") for f in forbidden):
                bad.append(f"{rel} imports {mod}")
    assert bad == []


def test_every_check_is_registered_with_a_title_category_and_severity():
    assert list(REGISTRY) == ["number", "date", "weekday", "meaning", "quote", "name", "role", "omission",
                              "addition", "credit", "partial-omission", "partial-addition", "language", "placeholder"]
    for c in REGISTRY.values():
        assert c.title and c.title[0].isupper() and c.title.endswith("."), c.id
        assert isinstance(c.category, Category) and isinstance(c.severity, Severity)
        assert c.scope in ("bead", "pair")


def test_select_by_id():
    assert [c.id for c in select(["date", "number"])] == ["number", "date"]
    assert "quote" not in [c.id for c in select(None, ["quote"])]
    with pytest.raises(ValueError, match="unknown check 'nope'"):
        select(["nope"])


def test_every_category_and_severity_is_explained_to_editors():
    from concord.report.html import CATEGORY_HELP, SEVERITY_HELP

    assert set(CATEGORY_HELP) == set(Category) and set(SEVERITY_HELP) == set(Severity)
