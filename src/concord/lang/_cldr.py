"""Month and weekday names from CLDR (through ``babel``), the maintained source."""

from __future__ import annotations

from functools import cache


@cache
def months(code: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """CLDR's wide and abbreviated month names (format context), January first."""
    from babel import Locale

    loc = Locale(code)
    wide = loc.months["format"]["wide"]
    abbr = loc.months["format"]["abbreviated"]
    return tuple(wide[i] for i in range(1, 13)), tuple(abbr[i] for i in range(1, 13))


@cache
def weekdays(code: str) -> tuple[str, ...]:
    """CLDR's wide weekday names (format context), Monday first."""
    from babel import Locale

    days = Locale(code).days["format"]["wide"]
    return tuple(days[i] for i in range(7))
