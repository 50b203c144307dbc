"""Calendar helpers the profiles share: their dates topic modules read the profile's own
month and weekday names (CLDR, see :mod:`concord.lang._cldr`) through these, so a
language whose dates use its plain month names and ``WEEKDAY_NUMBERS`` table re-exports
them instead of writing them again."""

from __future__ import annotations

from types import ModuleType


def month_pattern(profile: ModuleType) -> str:
    """The month names a date is read by, as a regex alternation: ``(?:enero|febrero|...)``."""
    return "(?:" + "|".join(profile.MONTHS) + ")"


def weekday_numbers(profile: ModuleType) -> dict[str, int]:
    """Weekday name (every written form) -> number, Monday 0: the profile's
    ``WEEKDAY_NUMBERS`` (``{"lunes": 0, "miércoles": 2, "miercoles": 2, ...}``)."""
    return dict(profile.WEEKDAY_NUMBERS)


def weekday_forms(profile: ModuleType) -> tuple[str, ...]:
    """The weekday names as a date writes them (every form), Monday first."""
    numbers = profile.WEEKDAY_NUMBERS
    return tuple(sorted(numbers, key=numbers.get))
