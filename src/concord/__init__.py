"""Concord: an offline, multilingual translation-consistency checker for wire copy."""

from .version import __version__


def check_corpus(*args, **kwargs):
    """Check every story group of a corpus folder (see :mod:`concord.pipeline`)."""
    from .pipeline import check_corpus as _check

    return _check(*args, **kwargs)


def compare_files(*args, **kwargs):
    """Check explicit files as one story group (see :mod:`concord.pipeline`)."""
    from .pipeline import compare_files as _compare

    return _compare(*args, **kwargs)


__all__ = ["__version__", "check_corpus", "compare_files"]
