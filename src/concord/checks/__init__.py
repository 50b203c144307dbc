"""The checks: one module per kind of fact, each check a registered function.

Importing this package registers every check (in a fixed order, which is the order they
run in). ``REGISTRY`` maps a check id to its :class:`~concord.checks.base.Check`;
``select`` picks checks by id for ``--checks`` / ``--exclude-checks``.

Adding a check: write a function in the module of its fact kind, decorate it with
``@check(id, category, severity, scope)``, give it a docstring whose first line is its
title, and add tests with ``passes``/``fails`` in ``tests/test_checks.py``.
"""

from __future__ import annotations

from . import (  # noqa: F401  (registers, in this order)
    numbers, dates, meaning, quotes, names, alignment, credits, partial, language, placeholders,
)
from .base import REGISTRY, Check, Pair, check, stable_id


def select(include: list[str] | tuple[str, ...] | None = None,
           exclude: list[str] | tuple[str, ...] | None = None) -> list[Check]:
    """The registered checks to run, in registry order: ``include`` (when empty, every
    check on by default) less ``exclude``. Unknown ids are a ValueError naming the known
    ones."""
    for ids in (include or (), exclude or ()):
        unknown = [i for i in ids if i not in REGISTRY]
        if unknown:
            raise ValueError(f"unknown check {', '.join(map(repr, unknown))} "
                             f"(known: {', '.join(REGISTRY)})")
    chosen = [c for cid, c in REGISTRY.items() if (cid in include if include else c.default)]
    return [c for c in chosen if c.id not in set(exclude or ())]


def markdown_table() -> str:
    """The README's check table: id, category, default severity, title."""
    rows = ["| check | category | severity | what it flags |", "|---|---|---|---|"]
    rows += [f"| `{c.id}` | {c.category} | {c.severity} | {c.title}{'' if c.default else ' (opt-in: `--checks`)'} |"
             for c in REGISTRY.values()]
    return "\n".join(rows)


__all__ = ["REGISTRY", "Check", "Pair", "check", "markdown_table", "select", "stable_id"]
