"""newsquotes: who said what in the news.

>>> import newsquotes
>>> article = newsquotes.extract('"We will win," Smith said.')
>>> [(q.text, q.speaker.mention.text) for q in article.quotes]
[('We will win,', 'Smith')]
"""

from __future__ import annotations

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


def extract(
    text: str,
    *,
    id: str | None = None,
    source: str | None = None,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    model: str = DEFAULT_MODEL,
    use_model: bool = True,
) -> Article:
    """Extract every quote of one article, with a pipeline loaded for this call alone.

    Nothing is cached between calls (loading takes a second or two): for more than one
    article, create an ``Extractor`` once and call its ``extract`` or ``pipe``. ``use_model``
    False runs the rule engine alone. A misspelt keyword is a ``TypeError``.
    """
    extractor = Extractor(model, use_model=use_model)
    return extractor.extract(text, id=id, source=source, title=title, date=date, url=url)
