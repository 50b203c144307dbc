"""``python -m concord``: the same command line as ``concord``."""

from .cli import main

if __name__ == "__main__":  # pragma: no cover
    main(prog_name="concord")
