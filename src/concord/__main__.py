"""``python -m concord``: the same command line as ``concord``."""

from .cli import run

if __name__ == "__main__":  # pragma: no cover
    run(prog_name="concord")
