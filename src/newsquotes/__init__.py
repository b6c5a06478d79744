"""newsquotes: who said what in the news.

>>> import newsquotes
>>> article = newsquotes.extract('"We will win," Smith said.')
>>> [(q.text, q.speaker.mention.text) for q in article.quotes]
[('We will win,', 'Smith')]
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .errors import InputError, NewsQuotesError, PipelineError, StorageError
from .extractor import DEFAULT_MODEL, Extractor, load
from .model import Article, Mention, Person, Quote, RawArticle, Speaker

__all__ = [
    "DEFAULT_MODEL",
    "Article",
    "Extractor",
    "InputError",
    "Mention",
    "NewsQuotesError",
    "Person",
    "PipelineError",
    "Quote",
    "RawArticle",
    "Speaker",
    "StorageError",
    "extract",
    "load",
]


@lru_cache(maxsize=2)
def _extractor(model: str) -> Extractor:
    # Loading a pipeline takes about a second: reuse it across calls to extract().
    return Extractor(model)


def extract(text: str, *, model: str = DEFAULT_MODEL, **metadata: Any) -> Article:
    """Extract every quote of one article. ``metadata`` may set id, source, title, date, url.

    For many articles, create an ``Extractor`` once and use ``Extractor.pipe``.
    """
    return _extractor(model).extract(text, **metadata)
