"""A sentence of thousands of words (a one-line file without full stops, a unit of a
translation file holding a whole document) costs its length, not its length squared, and
gives a result, not a traceback."""

from __future__ import annotations

import math
import random
import time
from fractions import Fraction

from test_reliability import assert_linear

from concord.align.moved import _binom_le
from concord.checks import _reversal
from concord.document import Document
from concord.segment import MAX_SENTENCE_CHARS, MAX_SENTENCE_WORDS, bounded, segment_document

_WORDS = ("house", "river", "council", "winter", "harbour", "teacher", "market", "bridge",
          "garden", "station", "letter", "window", "mountain", "village", "doctor")


def _prose(n: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    return " ".join(rnd.choice(_WORDS) for _ in range(n))


def test_a_stretch_without_breaks_is_cut_into_bounded_pieces():
    text = _prose(1000)
    pieces = bounded(text, 0, len(text))
    assert [len(text[a:b].split()) for a, b in pieces] == [250, 250, 250, 250]
    # the pieces cover every word, in order, with nothing but spaces between them
    assert " ".join(text[a:b] for a, b in pieces) == text


def test_a_piece_ends_at_the_last_clause_mark_of_its_window():
    clause = "the council met the teacher at the station"  # 8 words
    text = "; ".join([clause] * 40)  # 320 words, a semicolon every 8
    pieces = bounded(text, 0, len(text))
    first = text[pieces[0][0]:pieces[0][1]]
    assert first.endswith(";")
    assert len(first.split()) == 248  # 31 clauses: the last mark within 250 words
    assert all(len(text[a:b].split()) <= MAX_SENTENCE_WORDS for a, b in pieces)


def test_text_without_spaces_is_cut_at_the_bound():
    text = "x" * (2 * MAX_SENTENCE_CHARS + 10)
    assert bounded(text, 0, len(text)) == [(0, 2000), (2000, 4000), (4000, 4010)]


def test_an_ordinary_sentence_is_one_piece():
    text = "The council met on Tuesday, and the mayor said the bridge would reopen in May."
    assert bounded(text, 0, len(text)) == [(0, len(text))]


def test_bounding_is_linear():
    assert_linear(lambda t: bounded(t, 0, len(t)), _prose, 2000)


def test_a_one_line_document_becomes_bounded_sentences():
    text = _prose(3000) + "\n"
    doc = segment_document(Document(id="a", path="a.txt", text=text))
    assert len(doc.sentences) == 12
    assert all(len(s.text.split()) <= MAX_SENTENCE_WORDS for s in doc.sentences)
    assert all(text[s.start:s.end] == s.text for s in doc.sentences)


def test_binomial_tail_of_a_long_sentence_is_a_probability():
    # beyond the float range of the exact terms (n > 1,000): summed in log space
    exact = float(sum(math.comb(1500, k) * Fraction(1, 4) ** k * Fraction(3, 4) ** (1500 - k)
                      for k in range(331)))
    assert math.isclose(_binom_le(1500, 330, 0.25), exact, rel_tol=1e-9)
    assert _binom_le(20000, 20000, 0.5) == 1.0
    assert 0.0 <= _binom_le(20000, 9000, 0.5) < 1e-40
    # within it, the exact sum as before
    assert _binom_le(10, 3, 0.5) == sum(math.comb(10, k) for k in range(4)) / 1024


def _reversal_of(pair: tuple[str, str]):
    _reversal._alignment.cache_clear()
    _reversal._clause_marks.cache_clear()
    return _reversal.reversal(pair[0], "en", pair[0], pair[1], "en", pair[1])


def test_the_reversal_search_of_a_long_pair_is_linear():
    def pair(n: int) -> tuple[str, str]:
        words = _prose(n).split()
        other = list(words)
        other[n // 2] = "ship"  # one word changed in the middle: no antonym
        return " ".join(words), " ".join(other)

    assert _reversal_of(pair(3000)) is None
    # each size once (the caches are cleared in between): 300, 1,200 and 4,800 words,
    # all beyond the full word-alignment table
    times = []
    for n in (300, 1200, 4800):
        x = pair(n)
        t0 = time.process_time()
        _reversal_of(x)
        times.append(time.process_time() - t0)
    assert times[2] / max(times[0], 5e-3) < 16 * 3.0, f"super-linear growth: {times}"


def test_an_antonym_deep_in_a_long_pair_is_still_found():
    words = _prose(3000).split()
    x = " ".join(words[:1500] + "and the ticket was cheap".split() + words[1500:])
    y = " ".join(words[:1500] + "and the ticket was expensive".split() + words[1500:])
    found = _reversal_of((x, y))
    assert found is not None and found.kind == "antonym"
    assert found.words == ("cheap", "expensive")
