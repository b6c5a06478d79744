"""Quote-mark pairing on hand-made texts: exact spans, marks excluded."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsquotes.pipeline.marks import find_marked_quotes


def quotes_of(text: str) -> list[list[str]]:
    return [[text[a:b] for a, b in q.spans] for q in find_marked_quotes(text).quotes]


def test_marks_curly_and_straight_doubles() -> None:
    assert quotes_of('She said: “It hurts.” He said: "It heals."') == [["It hurts."], ["It heals."]]


def test_marks_multi_paragraph_straight_quotes() -> None:
    text = 'He said: "First paragraph of the quote.\n\n"Second paragraph ends it."\n\nAfter.'
    assert quotes_of(text) == [["First paragraph of the quote.", "Second paragraph ends it."]]


def test_marks_multi_paragraph_with_lost_break() -> None:
    # BBC-style text: the next paragraph opens mid-line after a segment with no closing mark
    text = 'He said: "We played well this season. "He is a great coach."'
    assert quotes_of(text) == [["We played well this season.", "He is a great coach."]]


def test_marks_british_single_quotes_beside_apostrophes() -> None:
    text = "'I don't like the Teigens' new home in the '90s style,' she said."
    assert quotes_of(text) == [["I don't like the Teigens' new home in the '90s style,"]]


def test_marks_single_quotes_nested_in_doubles_are_not_separate() -> None:
    text = "\"He told me 'no' and left,\" she said."
    assert quotes_of(text) == [["He told me 'no' and left,"]]


def test_marks_guillemets() -> None:
    assert quotes_of("He said «we will win» today.") == [["we will win"]]


def test_marks_unclosed_quote_runs_to_paragraph_end() -> None:
    text = 'She said: "We will not give up on this.\n\nThe vote is on Monday.'
    scan = find_marked_quotes(text)
    assert [[text[a:b] for a, b in q.spans] for q in scan.quotes] == [["We will not give up on this."]]
    assert scan.quotes[0].close_pos is None


def test_marks_stray_mark_does_not_lose_other_quotes() -> None:
    text = 'A stray ” mark here. Then "a real quote," he said.\n\n"Another one."'
    assert quotes_of(text) == [["a real quote,"], ["Another one."]]
    assert find_marked_quotes(text).dropped == 1


def test_marks_start_offset_skips_metadata_line() -> None:
    text = 'date 2020-01-01 "Caption quote" (AP)\n\n"Body quote," she said.'
    scan = find_marked_quotes(text, text.index("\n"))
    assert [[text[a:b] for a, b in q.spans] for q in scan.quotes] == [["Body quote,"]]


def test_marks_typewriter_double_apostrophes() -> None:
    text = "''We won,'' Mr. Welch said. ''And now it is time.''"
    assert quotes_of(text) == [["We won,"], ["And now it is time."]]


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 20)), max_size=30))
def test_marks_top_level_regions_are_those_inside_no_other(pairs: list[tuple[int, int]]) -> None:
    from newsquotes.pipeline.marks import MarkedQuote, _top_level

    quotes = [
        MarkedQuote(spans=((a + 1, a + n),), open_pos=a, close_pos=a + n, family="double") for a, n in pairs
    ]
    candidates = sorted(quotes, key=lambda q: (q.open_pos, -q.outer_end))
    expected = [
        q
        for q in candidates
        if not any(o.open_pos < q.open_pos and q.outer_end <= o.outer_end for o in candidates if o is not q)
    ]
    assert _top_level(candidates) == expected
