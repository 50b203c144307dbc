"""Concord's version, in a module of its own so that any module can read it without
importing the package's ``__init__`` (no import runs back up the tree)."""

__version__ = "0.8.0"
