"""The package's layers: no import cycle, and every import goes down the stages.

Every module under ``src/concord`` is parsed (not imported) and every import of a Concord
module is an edge of the graph: relative and absolute ones, at the top of the module and
inside functions alike (an import inside a function still runs, just later, and it is
where cycles used to hide). A module may import its own layer and the layers below it;
the layers, lowest first:

1. errors, version: the exception types (one-line errors, exit codes) and the version.
2. fsutil, choices, filestate: leaf helpers (atomic writes, temporary files), the names
   the choice settings accept, and the record of a corpus file's last read.
3. document: the data model (documents, sentences, beads, findings, groups).
4. lang: the language profiles (one package per language, their defaults and codes).
5. text, textio, segment, detect (or language), versions: the primitives over text and
   documents: folding and word sets, decoding bytes and extracting HTML/Markdown text,
   sentence segmentation, language detection, and which version is the source.
6. config: the run settings, validated when made.
7. formats: the readers of structured formats (NewsML-G2, NITF, ninjs, XLIFF, TMX, PO,
   DOCX), on textio's primitives.
8. reading: reading one input file, by suffix a structured format or plain text.
9. translate: the translation backends and the translation cache.
10. lexicon: the bilingual lexicon (Apertium's dictionaries, wordfreq).
11. facts: the fact extractors (numbers, dates, names and NER, quotes, polarity) and the
    per-document fact table.
12. align: sentence alignment into beads.
13. checks: the check registry and the checks.
14. compare: the compare stage (selected checks on one aligned pair).
15. store: the group store (incremental runs) beside the translation cache.
16. report, schemas: the report writers and the findings.json schema.
17. corpus: finding, reading and grouping a corpus folder's files.
18. compute: the compute stages of one chunk of groups (what every executor runs).
19. executors: where chunks are computed (local worker processes, a Dask cluster).
20. remote: corpus and report folders given as fsspec URLs.
21. pipeline: the library API (``check_corpus``, ``Run``, ``detect_file``, ...).
22. baseline, model_install, watch: baselines of findings, installing the optional models,
    the long-lived ``concord watch`` (change events, the live report server).
23. cli: the command line.
24. concord (the package's ``__init__``), __main__: the entry points.

Within a package (``facts``, ``checks``, ``report``, ...) the modules may import each
other in any direction that makes no cycle. A new module must be given a layer here.
"""

from __future__ import annotations

import ast
from pathlib import Path

from concord import choices

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "concord"

LAYERS: list[tuple[str, ...]] = [
    ("errors", "version"),
    ("fsutil", "choices", "filestate"),
    ("document",),
    ("lang",),
    ("text", "textio", "segment", "detect", "language", "versions"),
    ("config",),
    ("formats",),
    ("reading",),
    ("translate",),
    ("lexicon",),
    ("facts",),
    ("align",),
    ("checks",),
    ("compare",),
    ("store",),
    ("report", "schemas"),
    ("corpus",),
    ("compute",),
    ("executors",),
    ("remote",),
    ("pipeline",),
    ("baseline", "model_install", "watch"),
    ("cli",),
    (PACKAGE, "__main__"),
]


def _modules() -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, whether it is a package's ``__init__``)."""
    out = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        out[".".join(parts)] = (path, is_package)
    return out


def _graph() -> dict[str, dict[str, int]]:
    """Module -> {imported Concord module: line of the first such import}."""
    modules = _modules()

    def known(name: str) -> str:
        while name and name not in modules:  # an imported name: its module
            name = name.rpartition(".")[0]
        return name

    graph: dict[str, dict[str, int]] = {}
    for name, (path, is_package) in modules.items():
        package = name.split(".") if is_package else name.split(".")[:-1]
        edges = graph.setdefault(name, {})
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = ".".join(package[:len(package) - node.level + 1]) if node.level else ""
                source = ".".join(x for x in (base, node.module) if x)
                # `from . import x`: the submodule x when there is one, else a name of the package
                targets = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source
                           for alias in node.names]
            else:
                continue
            for target in targets:
                if target.split(".")[0] != PACKAGE:
                    continue
                target = known(target)
                if target and target != name:
                    edges.setdefault(target, node.lineno)
    return graph


def _unit(module: str) -> str:
    """The layer unit of a module: its top-level module or package under concord."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _layer_of() -> dict[str, int]:
    return {unit: i for i, units in enumerate(LAYERS) for unit in units}


def _cycle(graph: dict[str, dict[str, int]]) -> list[str] | None:
    """One import cycle (its modules, the first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(graph):
        if start in state:
            continue
        path = [start]
        stack = [iter(sorted(graph[start]))]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(sorted(graph.get(nxt, ()))))
    return None


def test_the_import_graph_has_edges_inside_functions_too():
    graph = _graph()
    assert "concord.pipeline" in graph["concord"]  # `concord.check_corpus` imports it when called
    assert len(graph) > 40 and sum(len(e) for e in graph.values()) > 150


def test_there_is_no_import_cycle():
    cycle = _cycle(_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_every_module_has_a_layer():
    layer = _layer_of()
    assert sorted({m for m in _modules() if _unit(m) not in layer}) == []


def test_no_module_imports_a_later_stage():
    layer = _layer_of()
    bad = []
    for module, edges in sorted(_graph().items()):
        for target, line in sorted(edges.items()):
            a, b = _unit(module), _unit(target)
            if a in layer and b in layer and layer[b] > layer[a]:
                bad.append(f"{module}:{line} imports {target} (layer {layer[b] + 1} {b}, above "
                           f"layer {layer[a] + 1} {a})")
    assert bad == []


def test_the_layers_name_each_unit_once():
    units = [u for layer in LAYERS for u in layer]
    assert len(units) == len(set(units))


def test_the_choice_names_kept_low_equal_their_registries():
    """choices.py holds the names the settings validate against, so that config never
    imports the registries; each list must be its registry's, in order."""
    from concord.checks import REGISTRY
    from concord.facts.ner import CHOICES as NAME_EXTRACTORS
    from concord.translate import CHOICES as TRANSLATORS

    assert tuple(REGISTRY) == choices.CHECK_IDS
    assert tuple(NAME_EXTRACTORS) == choices.NAME_EXTRACTORS
    assert tuple(TRANSLATORS) == choices.TRANSLATORS
