"""Numbers: digits and spelled-out numbers in Spanish and English.

Handles locale separators by the language of the text (``1.500`` es = 1500, ``1,5`` es =
1.5, ``1,500`` en = 1500; a separator before exactly three digits is a thousands separator
in both, which also reads Mexican ``1,500`` and ``6.8`` right), percentages (``50%``,
``50 %``, ``50 por ciento``, ``50 percent``), money (``US$5 millones`` = ``$5 million``),
magnitudes (``millones``/``million``, ``mil millones`` = ``billion``), units (``320
toneladas`` = ``320 tons``, ``a 550-pound hog``, ``5km``; a measure in two units, ``6ft
6in``, is one quantity in the smaller), ordinals (``tercera`` = ``third`` = 3, ``5.ª``,
``fifth-floor``), the number sign (``No.1``), thousands separated by a space of any
width (``20 000``) and spelled-out cardinals via text2num (``veintinueve`` = 29; ``por
ciento`` after number words makes one percentage, ``del cinco al diez por ciento``).
Times of day (``4:12``) are not numbers.

The words of each language (number words, magnitudes, units, decade patterns, ...) come
from its profile, ``lang/xx/numbers.py``. What no one language decides (a text of unknown
language, the magnitude and unit words a figure may carry) is read from the languages of
the pair compared (:func:`concord.lang.compared`), so a profile never changes the numbers
read in a pair of other languages.
"""

from __future__ import annotations

import itertools
import re
from typing import cast

from .. import lang
from ..lang import Scoped
from .base import Fact, fold

# The number knowledge of each language profile (lang/xx/numbers.py).
_PROFILES = {code: lang.get(code).numbers for code in lang.LANGUAGES}


def _compared() -> tuple:
    """The number knowledge of the languages compared."""
    return tuple(_PROFILES[code] for code in lang.compared() if code in _PROFILES)


def _of(language: str | None) -> tuple:
    """The number knowledge of ``language``, or of the languages compared when the
    language is unknown."""
    profile = _PROFILES.get(language or "")
    return (profile,) if profile is not None else _compared()


def _merged(attr: str) -> dict:
    """Dictionary ``attr`` of the languages compared in one."""
    return {k: v for p in _compared() for k, v in getattr(p, attr).items()}


def _words(attr: str) -> tuple[str, ...]:
    """The words of list ``attr`` of the languages compared, each once, longest first."""
    seen = dict.fromkeys(w for p in _compared() for w in getattr(p, attr))
    return tuple(sorted(seen, key=len, reverse=True))


def _alt(phrases) -> str:
    """A regex alternation of ``phrases``, any run of whitespace between their words."""
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)


# Each value built from the languages compared is Scoped: built once for each pair's languages.
_MAGNITUDES: Scoped[dict] = Scoped(lambda codes: _merged("MAGNITUDES"))
# Unit symbols, written alike in every language.
_SYMBOL_UNITS = {
    "%": "percent", "km²": "km2", "km2": "km2", "km/h": "kmh", "km": "km", "cm": "cm",
    "mm": "mm", "kg": "kg",
    "°c": "degC", "ºc": "degC", "°f": "degF", "ºf": "degF", "° c": "degC", "° f": "degF",
    "°": "deg",
}
_UNITS: Scoped[dict] = Scoped(lambda codes: {**_SYMBOL_UNITS, **_merged("UNITS")})
_CURRENCY_PREFIX = {"us$": "usd", "usd": "usd", "$": "usd", "€": "eur", "eur": "eur",
                    "£": "gbp", "mx$": "mxn"}

_UNIT_ALT: Scoped[str] = Scoped(lambda codes: "|".join(
    sorted((re.escape(u) for u in _UNITS if u[0].isalpha()), key=len, reverse=True)))
# unit abbreviations that may be written attached to the figure ("5km", "6ft 6in"): the
# symbols of every language and each profile's attached abbreviations
_ATTACHED_UNIT_ALT: Scoped[str] = Scoped(lambda codes: "|".join(sorted(
    {re.escape(u) for u in _SYMBOL_UNITS if u[0].isalpha()} | {re.escape(u) for u in _words("ATTACHED_UNITS")},
    key=len, reverse=True)))
_MAG_ALT: Scoped[str] = Scoped(
    lambda codes: "|".join(sorted((re.escape(m) for m in _MAGNITUDES), key=len, reverse=True)))
_CUR_ALT = r"US\$|USD|MX\$|\$|€|£|EUR"
# the word some languages put between a magnitude and its unit ("5 millones de dólares");
# an elided one is written onto the unit, with either apostrophe ("5 millions d'euros")
_LINKER_ALT: Scoped[str] = Scoped(lambda codes: "|".join(
    re.escape(w[:-1]) + "['’]" if w.endswith("'") else r"\s+".join(map(re.escape, w.split()))
    for w in _words("MAGNITUDE_LINKERS")))
_LINKER: Scoped[str] = Scoped(
    lambda codes: rf"(?:(?:{_LINKER_ALT.current()})(?:\s|(?<=['’])))?" if _LINKER_ALT.current() else "")
_LINKER_PREFIX: Scoped[re.Pattern | None] = Scoped(
    lambda codes: re.compile(rf"^(?:{_LINKER_ALT.current()})(?:\s+|(?<=['’]))") if _LINKER_ALT.current() else None)
# "m" is also the metre: a magnitude only after a currency ("$5m")
_METRE = "m"

_DIGITS: Scoped[re.Pattern] = Scoped(lambda codes: re.compile(
    rf"(?P<cur>(?:{_CUR_ALT})\s?)?"
    # not inside a word, a decimal or a path; "No.1" (the number sign) is a number
    r"(?P<num>(?:(?<![\w.,:/])|(?<=\bNo\.))(?<![^\W\d_]-)"
    # thousands separated by a point, a comma or a space (also the no-break, thin and
    # narrow no-break spaces of typeset text: "20\u202f000")
    r"(?:\d{1,3}(?:[.,\u00a0\u2009\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?))"
    r"(?![\d:/])"
    # ordinal suffixes of the profiles (16th, 1er, 1ero) and the ordinal indicators 4º, 1ª,
    # also after the abbreviation's point (5.º, 5.ª; not the degree sign)
    rf"(?:(?P<ord>{_alt(_words('ORDINAL_SUFFIXES'))}|\.?º(?![CF]\b)|\.?ª)\b)?"
    # a magnitude: "5 millones", "$221bn" (an abbreviation may be written attached)
    rf"(?(ord)|(?P<mag>\s?(?:{_alt(_words('ATTACHED_MAGNITUDES'))})\b|\s(?:{_MAG_ALT.current()})\b)?"
    # a unit: a symbol, a unit word after a space or a hyphen ("a 550-pound hog"), an
    # abbreviation attached ("6ft")
    rf"(?P<unit>\s?%|\s?[°º]\s?[CF]\b|\s?°|[\s-](?(mag){_LINKER.current()})(?:{_UNIT_ALT.current()})\b"
    rf"|(?(mag)(?!)|(?:{_ATTACHED_UNIT_ALT.current()})\b))?)",
    re.I,
))
# a time of day written with a dot ("at 23.45", "a las 10.30"): not a quantity
_TIME_BEFORE: Scoped[re.Pattern] = Scoped(lambda codes: re.compile(rf"\b(?:{_alt(_words('TIME_BEFORE'))})\s+$", re.I))
_TIME_AFTER: Scoped[re.Pattern] = Scoped(lambda codes: re.compile(
    rf"\s*(?:[ap]\.?\s?m\.?|h\b|(?:{_alt(_words('TIME_AFTER'))})\b)", re.I))
# a time written with an h between hours and minutes (French and Portuguese: "23 h 45",
# "06h30"): neither figure is a quantity
_HOURS_MINUTES = re.compile(r"\s?h\s?[0-5]\d\b")
_HOURS_BEFORE = re.compile(r"\b\d{1,2}\s?h\s?$")
# words that make the number that follows approximate (closed classes of degree adverbs
# and quantifying prepositions of each grammar)
_APPROX_BEFORE: Scoped[re.Pattern] = Scoped(
    lambda codes: re.compile(rf"\b(?:{_alt(_words('APPROX_BEFORE'))})\s+$", re.I))

# Number words of the languages compared, for text of unknown language.
_ALL_CARDS: Scoped[dict] = Scoped(lambda codes: _merged("CARDINALS"))
_ORDINALS: Scoped[dict] = Scoped(lambda codes: _merged("ORDINALS"))
# Words that join spelled-out numbers: "twenty-one", "treinta y dos", "one hundred and five".
_JOINERS: Scoped[frozenset] = Scoped(lambda codes: frozenset(_words("JOINERS")) | {"-"})
_SCALE_WORDS: Scoped[dict] = Scoped(lambda codes: _merged("SCALE_WORDS"))
# "one" / "un(o|a)": numbers only before a magnitude, unit or number word
_ALL_WEAK: Scoped[frozenset] = Scoped(lambda codes: frozenset(_words("WEAK_ONE")))
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.U)
# a rank's noun or sign before "one" / "uno" makes it the numeral ("number one", "el
# número uno")
_NUMBER_NOUN_BEFORE: Scoped[re.Pattern] = Scoped(
    lambda codes: re.compile(rf"(?<!\w)(?:{_alt(_words('NUMBER_NOUNS'))})\s+$", re.I))


def parse_digits(num: str, language: str | None) -> float | None:
    """Parse a digit string with the separators of ``language``.

    A separator followed by groups of exactly three digits is a thousands separator
    (``1.500`` es, ``1,500`` en, Mexican ``1,500``), except a lone ``.ddd`` in English,
    which is a decimal; any other separator is the decimal mark (``1,5`` es, ``6.8``).
    """
    s = re.sub("[\u00a0\u2009\u202f]", " ", num)
    if " " in s:
        if not re.fullmatch(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?", s):
            return None
        s = s.replace(" ", "")
    m = re.fullmatch(r"(\d{1,3})((?:[.,]\d{3})+)([.,]\d+)?", s)
    if m:
        seps = set(re.findall(r"[.,]", m.group(2)))
        tail = m.group(3)
        if len(seps) == 1:
            sep = seps.pop()
            if tail and tail[0] == sep:
                return None
            if not tail and len(m.group(2)) == 4 and sep == "." and _decimal_point(language):
                return float(s)
            whole = m.group(1) + re.sub(r"[.,]", "", m.group(2))
            return float(whole + ("." + tail[1:] if tail else ""))
        return None
    m = re.fullmatch(r"(\d+)(?:[.,](\d+))?", s)
    if not m:
        return None
    return float(f"{m.group(1)}.{m.group(2)}" if m.group(2) else m.group(1))


def _decimal_point(language: str | None) -> bool:
    """The language writes a point as its decimal mark: a lone ``.ddd`` is a decimal."""
    profile = _PROFILES.get(language or "")
    return profile is not None and profile.DECIMAL_POINT


def _unit_of(raw: str | None) -> str | None:
    if not raw:
        return None
    key = raw.strip().lstrip("-").lower()
    prefix = _LINKER_PREFIX.current()
    if prefix is not None:
        key = prefix.sub("", key)
    return _UNITS.current().get(key, key)


def _cards(language: str | None) -> dict:
    """Number words of the text's language only: English ``once`` is not Spanish
    ``once`` (11); text of unknown language reads every profile's."""
    profile = _PROFILES.get(language or "")
    return profile.CARDINALS if profile is not None else _ALL_CARDS.current()


def _weak(language: str | None) -> frozenset:
    """``one`` / ``un(o|a)`` of the text's language (every profile's when unknown): numbers
    only before a magnitude, unit or number word ("one million", "un 1 %", "one hundred"),
    never as a pronoun or article ("one of", "una vez")."""
    profile = _PROFILES.get(language or "")
    return profile.WEAK_ONE if profile is not None else _ALL_WEAK.current()


def _ordinals(language: str | None) -> dict:
    """Ordinal words read in text of ``language``: every profile's when the language is not
    given, none for a language without a profile."""
    if language is None:
        return _ORDINALS.current()
    profile = _PROFILES.get(language or "")
    return profile.ORDINALS if profile is not None else {}


def _times(language: str | None) -> dict:
    """Multiplicative adverbs ("twice") of the text's language; none when it is unknown."""
    profile = _PROFILES.get(language or "")
    return profile.TIMES if profile is not None else {}


def _spelled_runs(text: str, language: str | None):
    """Runs of number words of ``language``: yield (start, end, value, is_ordinal).
    A compound whose first part is a number (``two-year-old``, ``five-member``) gives
    that part."""
    cards = _cards(language)
    weak = _weak(language)
    ordinals = _ordinals(language)
    times = _times(language)
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]

    def is_num(w: str) -> bool:
        ps = w.split("-")
        return all(p in cards or (k > 0 and p in weak) for k, p in enumerate(ps))

    i = 0
    while i < len(words):
        a, b, w = words[i]
        low = w.lower()
        head = low.split("-")[0]
        if head in ordinals:  # "third", "fifth-floor"
            yield a, a + len(head), float(ordinals[head]), True
            i += 1
            continue
        if low in times:
            yield a, b, float(times[low]), False
            i += 1
            continue
        if not is_num(low):
            parts = low.split("-")
            lead = 0
            while lead < len(parts) and (parts[lead] in cards or (lead > 0 and parts[lead] in weak)):
                lead += 1
            if lead:  # "two-year-old", "seven-continent"
                end = a + len("-".join(w.split("-")[:lead]))
                value = _words_value(text[a:end], language)
                if value is not None:
                    yield a, end, value, False
                i += 1
                continue
            nxt = words[i + 1][2].lower() if i + 1 < len(words) else ""
            adjacent = i + 1 < len(words) and text[b:words[i + 1][0]].strip() == ""
            if low in weak and adjacent and (nxt in _SCALE_WORDS or cards.get(nxt, 0) >= 100):
                pass  # "one hundred", "un millón": a run; not the article of "un dos por
                # ciento", "una docena"
            elif low in weak and ((adjacent and nxt in _MAGNITUDES)
                                  or re.match(rf"\s(?:{_UNIT_ALT.current()})\b|\s?%", text[b:], re.I)
                                  or _NUMBER_NOUN_BEFORE.search(text, max(0, a - 20), a)):
                yield a, b, 1.0, False  # "one percent", "un 1 %", "number one"
                i += 1
                continue
            else:
                i += 1
                continue
        # extend the run over number words, joiners and scale words
        j = i
        end = b
        k = i + 1
        while k < len(words):
            ka, kb, kw = words[k]
            kl = kw.lower()
            between = text[words[k - 1][1]:ka]
            if between.strip() not in ("", "-"):
                break
            if kl in _JOINERS and k + 1 < len(words) and (
                    is_num(words[k + 1][2].lower()) or words[k + 1][2].lower() in weak):
                if words[k - 1][2].lower() in _SCALE_WORDS and _scale_follows(words, k + 1, cards, weak):
                    break  # "tres millones y cinco millones": two numbers
                if not _joins(words[k - 1][2].lower(), words[k + 1][2].lower(), cards):
                    break  # "dos y tres vías": two numbers
                k += 1
                continue
            if kl in _SCALE_WORDS or is_num(kl) or (kl in weak and words[k - 1][2].lower() in _JOINERS):
                j = k
                end = kb
                k += 1
                continue
            break
        phrase = text[a:end]
        value = _words_value(phrase, language)
        if value is not None:
            yield a, end, value, False
        i = j + 1


def _joins(before: str, after: str, cards: dict) -> bool:
    """Whether a conjunction between two number words makes them one number. A compound
    numeral joins a round number to a smaller one (*treinta y dos*, *vinte e três*,
    *trente et un*, *cento e dois*, *one hundred and five*, *mil e quinhentos*); between
    two units (*dos y tres*, *duas e três*, *deux et trois*) it coordinates two numbers."""
    if before in _SCALE_WORDS:
        return True
    x, y = cards.get(before), cards.get(after)
    if x is None or y is None:
        return True  # a word read otherwise (a hyphenated part, a weak "one")
    return x >= 20 and x % 10 == 0 and y < x


def _scale_follows(words, k: int, cards: dict, weak: frozenset) -> bool:
    """A scale word (million, mil) comes among the number words from ``k`` on."""
    while k < len(words):
        w = words[k][2].lower()
        if w in _SCALE_WORDS:
            return True
        if not (w in cards or w in weak or w in _JOINERS):
            return False
        k += 1
    return False


def _words_value(phrase: str, language: str | None) -> float | None:
    from text_to_num import text2num

    words = phrase.lower().replace("-", " ").split()
    # text2num reads the languages of the profiles, by the same codes
    codes = [language] if language in _PROFILES else [c for c in lang.compared() if c in _PROFILES]
    for code in codes:
        try:
            return float(text2num(" ".join(words), code))
        except (ValueError, TypeError, AssertionError):
            continue
    # simple fallback: sum of parts, with scale words multiplying
    cards = _cards(language)
    total, current = 0.0, 0.0
    for w in words:
        if w in _JOINERS:
            continue
        if w in _SCALE_WORDS:
            current = (current or 1) * _SCALE_WORDS[w]
            total += current
            current = 0
        elif w in cards:
            current += cards[w]
        elif w in _ALL_WEAK:
            current += 1
        else:
            return None
    return total + current


# Decades: each profile's pattern (``DECADE``) finds them ("the 1960s", "los años 60"),
# its ``decade_ok`` rejects what is not one ("los 80 soldados"), its ``DECADE_WORDS``
# give the value of a spelled decade ("the Sixties", "los años sesenta").


def extract_decades(text: str, language: str | None = None) -> list[Fact]:
    """Decades as numbers with unit ``decade``: the value is the decade's first year, or
    its two digits when the text gives only those (``los 60`` -> 60, ``the 1960s`` ->
    1960); :func:`same_number` treats 60 and 1960 as the same decade."""
    out = []
    for profile in _of(language):
        for m in profile.DECADE.finditer(text):
            if not profile.decade_ok(text, m):
                continue
            if m.group("y"):
                value = float(m.group("y"))
            else:
                value = float(profile.DECADE_WORDS[m.group("w").lower()])
            out.append(Fact("number", value, m.start(), m.end(), text[m.start():m.end()], "decade",
                            decade=True))
    return out


# Roman numerals of centuries: "siglo XVI", "siglos XV y XVI", "XVI century", and the
# numeral with its ordinal suffix attached ("XVIe siècle")
_ROMAN: Scoped[re.Pattern] = Scoped(lambda codes: re.compile(
    rf"\b(?:(?:{_alt(_words('CENTURY_BEFORE')) or '(?!)'})\s+(?P<r>[IVXL]+)\b"
    rf"(?:\s+(?:{_alt(_words('CENTURY_JOINERS'))})\s+(?P<r2>[IVXL]+)\b)?"
    rf"|(?P<r3>[IVXL]+)(?:{_alt(_words('ORDINAL_SUFFIXES'))})?\s+(?:{_alt(_words('CENTURY_AFTER')) or '(?!)'})\b)"))
# a century named with a number word after its noun ("o século treze", "siglo veinte"):
# the ordinal of the century, as the Roman numeral written in its place
_CENTURY_WORD_BEFORE: Scoped[re.Pattern] = Scoped(
    lambda codes: re.compile(rf"\b(?:{_alt(_words('CENTURY_BEFORE')) or '(?!)'})\s+$", re.I))


def roman_value(r: str) -> int | None:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, ch in enumerate(r):
        v = vals[ch]
        total += -v if i + 1 < len(r) and vals[r[i + 1]] > v else v
    return total if 0 < total < 40 else None


def extract_numbers(text: str, language: str | None = None) -> list[Fact]:
    """Every number in ``text`` with its value, unit and offsets.

    The fact says ``ordinal`` (16th, tercera, siglo XVI), ``decade`` (los años 60),
    ``approx`` (about / unos / cerca de before it), ``alt`` (another reading of the value:
    the ``3`` of "between 3 and 10 million" also reads 3 million) and ``scaled`` (a
    magnitude word multiplied it)."""
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for d in extract_decades(text, language):
        facts.append(d)
        taken.append((d.start, d.end))
    for m in _ROMAN.finditer(text):
        for g in ("r", "r2", "r3"):
            if m.group(g) and (v := roman_value(m.group(g))):
                facts.append(Fact("number", float(v), m.start(g), m.end(g), m.group(g), None,
                                  ordinal=True, century=True))
                taken.append((m.start(g), m.end(g)))
    for m in _DIGITS.finditer(text):
        num = m.group("num")
        if any(ta <= m.start("num") < tb for ta, tb in taken):
            continue
        value = parse_digits(num, language)
        if value is None:
            continue
        if re.fullmatch(r"\d{1,2}[.:][0-5]\d", num) and (
                _TIME_BEFORE.search(text[:m.start("num")])
                or _TIME_AFTER.match(text[m.end():])):
            continue  # a time of day
        if re.fullmatch(r"\d{1,2}", num) and (_HOURS_MINUTES.match(text, m.end("num"))
                                              or _HOURS_BEFORE.search(text, 0, m.start("num"))):
            continue  # hours and minutes written with an h (23 h 45, 06h30): a time of day
        fields: dict = {}
        if m.group("ord"):
            fields["ordinal"] = True
        mag = m.group("mag")
        if mag:
            mkey = mag.strip().lower()
            if mkey == _METRE and not m.group("cur"):
                mag = None
            else:
                value *= _MAGNITUDES[mkey]
                fields["scaled"] = _MAGNITUDES[mkey]
        unit = _unit_of(m.group("unit"))
        cur = m.group("cur")
        if cur:
            unit = _CURRENCY_PREFIX.get(cur.strip().lower(), unit)
        start = m.start("cur") if cur else m.start("num")
        end = m.end() if (mag or m.group("unit") or m.group("ord")) else m.end("num")
        if _APPROX_BEFORE.search(text[:start]):
            fields["approx"] = True
        facts.append(Fact("number", value, start, end, text[start:end], unit, **fields))
        taken.append((start, end))
    for a, b, value, ordinal in _spelled_runs(text, language):
        if any(a < tb and ta < b for ta, tb in taken):
            continue
        end = b
        unit = None
        fields = {"ordinal": ordinal, "spelled": True}
        tail = re.match(rf"\s(?P<mag>{_MAG_ALT.current()})\b", text[b:], re.I)
        scaled = text[a:b].split()[-1].lower() in _MAGNITUDES
        if tail and not ordinal and tail.group("mag").lower() != _METRE:
            value *= _MAGNITUDES[tail.group("mag").lower()]
            fields["scaled"] = _MAGNITUDES[tail.group("mag").lower()]
            end = b + tail.end()
            scaled = True
        linker = _LINKER.current() if scaled else ""
        tail = re.match(rf"(?:\s?%|\s{linker}(?:{_UNIT_ALT.current()})\b)", text[end:], re.I)
        if tail and not ordinal:
            unit = _unit_of(tail.group(0))
            end = end + tail.end()
        if _APPROX_BEFORE.search(text[:a]):
            fields["approx"] = True
        if not ordinal and unit is None and "scaled" not in fields and _CENTURY_WORD_BEFORE.search(text[:a]):
            fields.update(ordinal=True, century=True)
        facts.append(Fact("number", value, a, end, text[a:end], unit, **fields))
        taken.append((a, end))  # "diez por ciento": "ciento" is not read again
    facts.sort(key=lambda f: (f.start, f.end))
    _add_halves(facts, text)
    facts = _compound_quantities(facts, text)
    _share_magnitudes(facts, text)
    return facts


# the words after a magnitude or a unit that add half of it ("un million et demi", "um
# ano e meio"): each profile's HALVES
_HALF: Scoped[re.Pattern | None] = Scoped(lambda codes: re.compile(
    rf"\s+(?:{_alt(_words('HALVES'))})\b", re.I) if _words("HALVES") else None)


def _add_halves(facts: list[Fact], text: str) -> None:
    """A half written after a magnitude or a unit is part of the number: ``1 million et
    demi de dollars`` = 1.5 million dollars, ``dois anos e meio`` = 2.5 years. The unit a
    magnitude's half leaves behind it (``de dollars``) is read too."""
    half = _HALF.current()
    if half is None:
        return
    for f in facts:
        # the magnitude that ends the number (a spelled one may take it in: "um milhão"),
        # else its unit's one
        base = f.scaled or _MAGNITUDES.get(f.surface.split()[-1].lower()) or (1.0 if f.unit else None)
        if f.ordinal or f.decade or base is None:
            continue
        m = half.match(text, f.end)
        if m is None:
            continue
        f.value = value_of(f) + 0.5 * base
        end = m.end()
        if f.unit is None:
            tail = re.match(rf"\s{_LINKER.current()}(?:{_UNIT_ALT.current()})\b", text[end:], re.I)
            if tail:
                f.unit = _unit_of(tail.group(0))
                end += tail.end()
        f.end, f.surface = end, text[f.start:end]


def _compound_quantities(facts: list[Fact], text: str) -> list[Fact]:
    """A measure written in two units, the larger first with only a space between
    (``6ft 6in``, ``5 feet 11 inches``, ``3 miles 200 yards``), is one quantity in the
    smaller unit (78 in)."""
    from .quantities import convert, convertible

    out: list[Fact] = []
    for f in facts:
        x = out[-1] if out else None
        if (x is not None and x.unit and f.unit and x.unit != f.unit and not x.ordinal
                and text[x.end:f.start].strip() == "" and x.end <= f.start
                and convertible(x.unit, f.unit) and not {x.unit, f.unit} & {"degC", "degF"}
                and convert(1.0, x.unit, f.unit) > 1):
            out[-1] = Fact("number", convert(value_of(x), x.unit, f.unit) + value_of(f), x.start, f.end,
                           text[x.start:f.end], f.unit, approx=x.approx)
            continue
        out.append(f)
    return out


# "between 3 and 10 million", "entre 3 y más de 10 millones", "2 o 3 mil": the first
# number shares the magnitude written after the second.
_RANGE_GAP: Scoped[re.Pattern] = Scoped(lambda codes: re.compile(
    rf"\s*(?:{_alt(_words('RANGE_WORDS'))}|-|–)\s+(?:(?:{_alt(_words('RANGE_QUALIFIERS'))})\s+)?$", re.I))


def _share_magnitudes(facts: list[Fact], text: str) -> None:
    """Also a percentage: "del cinco al diez por ciento", "5 to 10 percent"."""
    for x, y in itertools.pairwise(facts):
        if x.ordinal or not _RANGE_GAP.match(text[x.end:y.start]):
            continue
        if x.scaled is None and y.scaled is not None and value_of(x) < value_of(y) / y.scaled * 10:
            x.alt = value_of(x) * y.scaled
            x.unit = x.unit or y.unit
        elif y.unit == "percent" and x.unit is None and x.scaled is None:
            x.unit = "percent"


def value_of(f: Fact) -> float:
    """The value of number fact ``f`` (``Fact.value`` holds the value of every kind)."""
    return cast(float, f.value)


def _values(f: Fact) -> list[float]:
    return [value_of(f)] + ([f.alt] if f.alt is not None else [])


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a))


def same_number(x: Fact, y: Fact) -> bool:
    """Two numbers agree when their values agree (units may be dropped in translation).

    A decade given by two digits matches the same decade given in full (``los 60`` =
    ``the 1960s``); quantities in convertible units agree within the rounding tolerance of
    :mod:`concord.facts.quantities` (``160 km`` = ``100 miles``), degrees with no scale
    read as Celsius or Fahrenheit, whichever agrees (``80 degrees`` = ``27 grados`` =
    ``27 °C``, ``95 degrees`` = ``95 °F``); a percentage never matches a plain count."""
    if x.decade or y.decade:
        a, b = value_of(x), value_of(y)
        if x.decade and y.decade and (a < 100 or b < 100):
            return int(a) % 100 == int(b) % 100
        return _close(a, b)
    from .quantities import convertible, same_quantity

    approx = bool(x.approx or y.approx)
    vx, vy = value_of(x), value_of(y)
    if x.unit and y.unit and (x.unit != y.unit or x.unit == "deg"):
        rx, ry = unit_readings(x.unit), unit_readings(y.unit)
        converted = [(a, b) for a in rx for b in ry if a != b and convertible(a, b)]
        if converted:
            # the same reading with the same value, or one converted to the other
            return (any(a == b for a in rx for b in ry) and _close(vx, vy)) or any(
                same_quantity(vx, a, x.surface, vy, b, y.surface, approx) for a, b in converted)
    if not any(_close(a, b) for a in _values(x) for b in _values(y)):
        return False
    if x.unit and y.unit and x.unit != y.unit and {x.unit, y.unit} & {"percent", "pp", "bp"}:
        return x.unit in ("percent", "pp") and y.unit in ("percent", "pp")
    return True


def unit_readings(unit: str) -> tuple[str, ...]:
    """The units a unit code can stand for: ``deg`` (degrees with no scale) is Celsius,
    the scale of every Spanish-speaking country, or Fahrenheit, a US story's ("80
    degrees" = "27 grados"), whichever agrees with the other side."""
    return ("degC", "degF") if unit == "deg" else (unit,)


def number_key(f: Fact) -> str:
    v = value_of(f)
    return (str(int(v)) if float(v).is_integer() else f"{v:g}") + (f" {f.unit}" if f.unit else "")


__all__ = ["extract_numbers", "extract_decades", "parse_digits", "same_number", "number_key", "value_of",
           "unit_readings", "fold"]
