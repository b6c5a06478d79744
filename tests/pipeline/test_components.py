"""The registered spaCy component, on its own pipeline and with nlp.pipe."""

from __future__ import annotations

import spacy

import newsquotes  # noqa: F401  (registers the factory)
from newsquotes import DEFAULT_MODEL, Quote


def test_components_add_pipe_sets_doc_quotes() -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("newsquotes")
    texts = ['"We will win," said Jane Smith.', "Nothing said here.", "Bob Ray said the deal was off."]
    docs = list(nlp.pipe(texts, batch_size=2))
    assert [len(d._.quotes) for d in docs] == [1, 0, 1]
    first: Quote = docs[0]._.quotes[0]
    assert first.speaker.name == "Jane Smith"
    assert docs[2]._.quotes[0].text == "the deal was off"
    assert docs[0]._.people[0].name == "Jane Smith"
