"""Invariants on arbitrary text: extraction never raises, spans stay in bounds and never
overlap within a quote, and records round-trip through JSON."""

from __future__ import annotations

import itertools
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsquotes import Article, Extractor
from newsquotes.pipeline.marks import find_marked_quotes

MARKS = [*list("\"'“”‘’«»„"), "\n", "\n\n", " ", ", ", ": ", ". "]
WORDS = [
    "said",
    "he",
    "she",
    "Smith",
    "Jane Doe",
    "told",
    "according to",
    "that",
    "the",
    "Mr",
    "wrote",
    "added",
    "It's",
    "don't",
    "'90s",
    "—",
    "-",
    "date 2020-01-01 (x)",
    "?",
    "!",
]
texty = st.lists(
    st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS), st.text(max_size=8)), max_size=40
).map("".join)


def check_spans(text: str, spans: tuple[tuple[int, int], ...]) -> None:
    assert spans, "a record has at least one span"
    for start, end in spans:
        assert 0 <= start < end <= len(text)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start


@settings(max_examples=300, deadline=None)
@given(texty)
def test_properties_marks_never_raise_and_stay_in_bounds(text: str) -> None:
    for quote in find_marked_quotes(text).quotes:
        check_spans(text, quote.spans)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texty)
def test_properties_extract_never_raises_and_round_trips(extractor: Extractor, text: str) -> None:
    article = extractor.extract(text, id="prop")
    for quote in article.quotes:
        check_spans(text, quote.spans)
        assert quote.text == " ".join(text[a:b] for a, b in quote.spans)
        for mention in (quote.cue, quote.speaker.mention):
            if mention is not None:
                check_spans(text, mention.spans)
    for person in article.people:
        for start, end in person.mentions:
            assert 0 <= start < end <= len(text)
    data = json.loads(json.dumps(article.to_dict()))
    assert Article.from_dict(data, text=text) == article
