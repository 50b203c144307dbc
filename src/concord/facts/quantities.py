"""Quantities: a number with a unit of measure, compared across units through ``pint``.

``160 km`` and ``100 miles`` are the same distance as a translator writes it, ``40 grados``
(Celsius, the Spanish default) and ``104 degrees Fahrenheit`` the same temperature. The
translator rounds the converted figure, so two quantities in different units agree when
they differ by no more than the **coarser side's rounding** (half a unit in the last digit
written: ``160`` -> 5, ``99.4`` -> 0.05, ``100`` -> 5: a trailing zero is read as tens,
not hundreds, from 100 up) or by at most 4 % of the value (a conversion rounded to a round
figure: ``600 metres`` ~ ``2,000 feet``, ``30 miles`` ~ ``50 km``), or when one is the
other converted and rounded to two significant figures (``6.5 miles`` = 10.46 km, written
``10 km``; ``550 pounds`` = 249.5 kg, written ``250 kilos``); a number marked approximate
on either side (``about``, ``unos``, ``cerca de``) is allowed 6 %. A planted or mistaken
change moves a figure much further (a digit changed, a 10 % revision). A value changed in
either unit (``180 km`` vs ``100 miles``: 12 % apart) does not agree.

Units are the short codes of :mod:`concord.facts.numbers` (``km``, ``mi``, ``degC`` ...);
codes that are not physical units (money, percent, years) are never converted here.
"""

from __future__ import annotations

import math
from functools import lru_cache

# Concord's unit codes -> pint unit names (only physical units: money and percentages are
# compared by value in numbers.py).
PINT_NAMES = {
    "km": "kilometer", "mi": "mile", "m": "meter", "cm": "centimeter", "mm": "millimeter",
    "ft": "foot", "in": "inch", "yd": "yard", "kg": "kilogram", "g": "gram", "lb": "pound",
    "oz": "ounce", "t": "metric_ton", "l": "liter", "gal": "gallon", "ha": "hectare",
    "acre": "acre", "km2": "kilometer**2", "mi2": "mile**2", "degC": "degC", "degF": "degF",
    "kmh": "kilometer/hour", "mph": "mile/hour", "h": "hour", "min": "minute",
}

RELATIVE = 0.04
SIGNIFICANT = 2
RELATIVE_APPROX = 0.06


@lru_cache(maxsize=1)
def _registry():
    import pint

    return pint.UnitRegistry()


def convertible(unit_a: str | None, unit_b: str | None) -> bool:
    """Both codes are physical units of the same dimension (``km`` and ``mi``)."""
    if unit_a not in PINT_NAMES or unit_b not in PINT_NAMES:
        return False
    ureg = _registry()
    return ureg.parse_units(PINT_NAMES[unit_a]).dimensionality == \
        ureg.parse_units(PINT_NAMES[unit_b]).dimensionality


def convert(value: float, unit: str, to: str) -> float:
    """``value`` in ``unit`` expressed in ``to`` (``convert(40, "degC", "degF") == 104``)."""
    ureg = _registry()
    return ureg.Quantity(value, PINT_NAMES[unit]).to(PINT_NAMES[to]).magnitude


def precision(written: str | None, value: float) -> float:
    """Half a unit in the last digit the text wrote: ``160`` -> 5, ``1,5`` -> 0.05,
    ``7`` -> 0.5. A trailing zero of an integer from 100 up counts as tens (``100`` -> 5)."""
    digits = "".join(ch for ch in (written or "") if ch.isdigit() or ch in ".,")
    if digits:
        for sep in (",", "."):
            head, _, tail = digits.rpartition(sep)
            if head and tail and len(tail) != 3:
                return 0.5 * 10 ** -len(tail)
    v = abs(float(value))
    if v.is_integer() and v >= 100 and int(v) % 10 == 0:
        return 5.0
    return 0.5


def _significant(value: float, digits: int) -> float:
    """``value`` rounded to ``digits`` significant figures."""
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def _rounded(converted: float, written: float) -> bool:
    """``written`` is ``converted`` rounded to two significant figures, the rounding a
    translator gives a converted figure (10.46 km -> 10 km, 249.5 kg -> 250 kg)."""
    target = _significant(converted, SIGNIFICANT)
    return target != 0 and abs(target - written) <= 1e-9 * max(1.0, abs(written))


def same_quantity(value_a: float, unit_a: str, written_a: str | None,
                  value_b: float, unit_b: str, written_b: str | None,
                  approximate: bool = False) -> bool:
    """Two quantities in convertible units agree within the stated rounding tolerance."""
    if not convertible(unit_a, unit_b):
        return False
    conv = convert(value_a, unit_a, unit_b)
    # the coarser rounding of the two, both expressed in unit_b
    step_a = abs(convert(value_a + precision(written_a, value_a), unit_a, unit_b) - conv)
    step_b = precision(written_b, value_b)
    diff = abs(conv - value_b)
    if diff <= max(step_a, step_b) + 1e-9:
        return True
    if _rounded(conv, value_b) or _rounded(convert(value_b, unit_b, unit_a), value_a):
        return True
    rel = RELATIVE_APPROX if approximate else RELATIVE
    return diff <= rel * max(abs(conv), abs(value_b))


__all__ = ["convertible", "convert", "precision", "same_quantity", "PINT_NAMES"]
