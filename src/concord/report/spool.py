"""A spool of slim groups on disk: what index.html, SARIF and JUnit need of every group
is appended here as each group finishes and read back at the end, so a run's memory does
not grow with the number of findings."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator

from ..document import SlimGroupDict


class GroupSpool:
    """An append-only list of slim group dicts kept in an anonymous temporary file.
    Iterating it reads the groups back in order; it can be iterated any number of times."""

    def __init__(self) -> None:
        # open for the spool's life, closed by close()
        self._fh = tempfile.TemporaryFile(mode="w+b", prefix="concord-groups-")  # noqa: SIM115
        self._n = 0

    def append(self, group: SlimGroupDict) -> None:
        self.append_text(json.dumps(group, ensure_ascii=False, separators=(",", ":")))

    def append_text(self, text: str) -> None:
        """Append a group already serialised as one line of JSON."""
        self._fh.seek(0, 2)
        self._fh.write(text.encode("utf-8") + b"\n")
        self._n += 1

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[SlimGroupDict]:
        self._fh.flush()
        pos = 0
        for _ in range(self._n):
            self._fh.seek(pos)  # a nested iteration or an append may have moved the handle
            line = self._fh.readline()
            pos = self._fh.tell()
            yield json.loads(line)

    def select(self, positions: set[int]) -> Iterator[SlimGroupDict]:
        """The groups at ``positions`` (their order of arrival), in order; the others are
        skipped unparsed."""
        self._fh.flush()
        self._fh.seek(0)
        for i in range(self._n):
            line = self._fh.readline()
            if i in positions:
                pos = self._fh.tell()
                yield json.loads(line)
                self._fh.seek(pos)  # the consumer may have iterated the spool meanwhile

    def close(self) -> None:
        self._fh.close()
