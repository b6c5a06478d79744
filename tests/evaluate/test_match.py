"""Span normalisation, matching, type classification and names."""

from __future__ import annotations

from newsquotes.evaluate.match import (
    TokenIndex,
    classify_content,
    context,
    kept_chars,
    make_item,
    match_items,
    normalise_name,
)


def test_kept_chars_trims_marks_space_and_punctuation() -> None:
    text = ' "Hi, you." '
    assert sorted(kept_chars(text, ((0, len(text)),))) == [2, 3, 6, 7, 8]


def test_kept_chars_quote_marks_or_not_compare_equal() -> None:
    text = "She said: “We won.”"
    with_marks = kept_chars(text, ((10, 19),))
    without = kept_chars(text, ((11, 18),))
    assert with_marks == without


def test_kept_chars_discontinuous_is_union_of_fragments() -> None:
    text = "“One two,” he said, “three.”"
    first, second = (0, 10), (20, 28)
    assert kept_chars(text, (first, second)) == kept_chars(text, (first,)) | kept_chars(text, (second,))
    # one span over both fragments also holds "he said": not the same span
    assert kept_chars(text, ((0, 28),)) != kept_chars(text, (first, second))


def test_kept_chars_paragraph_split_equals_one_span() -> None:
    text = "“First part.\n\n“Second part.”"
    one = kept_chars(text, ((0, len(text)),))
    two = kept_chars(text, ((1, 12), (15, 27)))
    assert one == two


def test_token_index_keeps_inner_apostrophes() -> None:
    text = "It doesn’t matter."
    index = TokenIndex.build(text)
    assert [text[s:e] for s, e in index.spans] == ["It", "doesn’t", "matter"]


def test_match_items_one_to_one_duplicates_count_once() -> None:
    text = "alpha beta gamma delta"
    index = TokenIndex.build(text)
    gold = [make_item(text, index, ((0, 10),))]
    predicted = [make_item(text, index, ((0, 10),)), make_item(text, index, ((0, 10),))]
    assert match_items(gold, predicted) == {0: 0}


def test_match_items_prefers_exact_over_larger_overlap() -> None:
    text = "alpha beta gamma delta"
    index = TokenIndex.build(text)
    gold = [make_item(text, index, ((0, 16),)), make_item(text, index, ((0, 10),))]
    predicted = [make_item(text, index, ((0, 10),)), make_item(text, index, ((0, 22),))]
    assert match_items(gold, predicted) == {1: 0, 0: 1}


def test_coverage_is_share_of_tokens() -> None:
    text = "the plan was dead"
    index = TokenIndex.build(text)
    gold = make_item(text, index, ((0, 17),))
    predicted = make_item(text, index, ((4, 17),))
    assert gold.coverage(predicted) == 3 / 4
    assert predicted.coverage(gold) == 1.0


def test_classify_content_types() -> None:
    assert classify_content(["“We will win.”"]) == "direct"
    assert classify_content(["“One,” ", "“two.”"]) == "direct"
    assert classify_content(["that it was “time to go”"]) == "mixed"
    assert classify_content(["It’s ‘in Their Heads.’"]) == "mixed"
    assert classify_content(["the voters’ plan doesn’t work"]) == "indirect"
    assert classify_content(["“A,” he said, “B.”"]) == "mixed"


def test_normalise_name_ignores_case_dots_and_the() -> None:
    assert normalise_name("The F.B.I.") == normalise_name("fbi")
    assert normalise_name("The Washington Post") == normalise_name("Washington Post")
    assert normalise_name(None) == ""


def test_context_marks_spans_on_one_line() -> None:
    assert context("aaa\nbbb ccc", ((4, 7),), width=3) == "aa [bbb] cc"


def test_match_content_leading_that_is_a_convention() -> None:
    from newsquotes.evaluate.match import content_chars

    text = "He said that the plan was dead. Thatcher said thatch burns."
    assert content_chars(text, ((8, 30),)) == content_chars(text, ((13, 30),))
    assert content_chars(text, ((32, 58),)) == kept_chars(text, ((32, 58),))  # "Thatcher", "thatch"


def test_normalise_name_spaced_initials_are_the_same_initials() -> None:
    # PolNeAR dev's canonical "G. K. Butterfield" for an article's "G.K. Butterfield"
    assert normalise_name("G. K. Butterfield") == normalise_name("G.K. Butterfield")
    assert normalise_name("GK Butterfield") == normalise_name("G.K. Butterfield")
    assert normalise_name("A Smith") != normalise_name("Smith")
