"""A spool of slim groups on disk: what index.html, SARIF and JUnit need of every group
is appended here as each group finishes and read back at the end, so a run's memory does
not grow with the number of findings. The groups' summaries (what the index and the exit
code read) are spooled the same way, so it does not grow with the number of groups
either."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from typing import Generic, TypeVar

from ..document import GroupSummaryDict, SlimGroupDict

T = TypeVar("T")


class Spool(Generic[T]):
    """An append-only list of JSON objects (a group's slim dict, its summary) kept in an
    anonymous temporary file. Iterating it reads them back in order; it can be iterated any
    number of times."""

    def __init__(self) -> None:
        # open for the spool's life, closed by close()
        self._fh = tempfile.TemporaryFile(mode="w+b", prefix="concord-groups-")  # noqa: SIM115
        self._n = 0

    def append(self, group: T) -> None:
        self.append_text(json.dumps(group, ensure_ascii=False, separators=(",", ":")))

    def append_text(self, text: str) -> None:
        """Append a group already serialised as one line of JSON."""
        self._fh.seek(0, 2)
        self._fh.write(text.encode("utf-8") + b"\n")
        self._n += 1

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[T]:
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


class GroupSpool(Spool[SlimGroupDict]):
    """A spool of slim groups (see :func:`concord.report.slim_group`)."""


class SummarySpool(Spool[GroupSummaryDict]):
    """A spool of group summaries (see :func:`concord.report.group_summary`)."""
