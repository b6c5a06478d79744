"""The public extract function: explicit keywords, a typo is a TypeError, no hidden cache."""

from __future__ import annotations

import inspect

import pytest

import newsquotes
from newsquotes import Extractor

TEXT = '"We will win," Jane Smith said.'


def test_extract_takes_explicit_keyword_only_parameters() -> None:
    parameters = inspect.signature(newsquotes.extract).parameters
    assert list(parameters) == ["text", "id", "source", "title", "date", "url", "model", "use_model"]
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for name, p in parameters.items() if name != "text")
    article = newsquotes.extract(TEXT, id="a1", url="https://example.org/a1", use_model=False)
    assert (article.id, article.url) == ("a1", "https://example.org/a1")
    assert article.quotes[0].speaker.name == "Jane Smith"


def test_extract_unknown_keyword_is_a_type_error(rules: Extractor) -> None:
    with pytest.raises(TypeError):
        newsquotes.extract(TEXT, titel="typo")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        rules.extract(TEXT, use_model=False)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        list(rules.pipe([(TEXT, {"id": "a", "titel": "typo"})]))


def test_extract_keeps_no_module_level_pipeline() -> None:
    cached = [name for name, value in vars(newsquotes).items() if hasattr(value, "cache_info")]
    assert cached == []
    assert not [name for name, value in vars(newsquotes).items() if isinstance(value, Extractor)]
