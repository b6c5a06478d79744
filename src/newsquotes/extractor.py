"""Load a spaCy pipeline with the newsquotes component and turn texts into ``Article`` records."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import InputError, PipelineError
from .ids import text_id
from .io.metadata import parse_metadata
from .model import Article
from .pipeline import components as _components  # noqa: F401  (registers the factory)
from .pipeline.tagger import TAGS_KEY, Tagger
from .settings import DEFAULT_MODEL

NO_MODEL_HELP = "rules only: leave out the learned attribution model (faster, finds less reported speech)"
_REQUIRED = ("parser", "ner")
_BATCH_SIZE = 8  # memory grows with the batch, speed barely does


def load(model: str = DEFAULT_MODEL, *, use_model: bool = True) -> Language:
    """Load an installed spaCy pipeline by package name or path and add the newsquotes component.

    ``use_model`` False leaves out the learned attribution model: rules only, faster.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise PipelineError("E201", name=model, reason=str(exc).splitlines()[0]) from exc
    for what in _REQUIRED:
        if what not in nlp.pipe_names:
            raise PipelineError("E202", name=model, what=what)
    if "newsquotes" not in nlp.pipe_names:
        nlp.add_pipe("newsquotes", last=True, config={"use_model": use_model})
    return nlp


def to_article(
    doc: Doc,
    *,
    id: str | None = None,
    source: str | None = None,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    caption: str | None = None,
    credit: str | None = None,
) -> Article:
    """The ``Article`` record of a document the newsquotes component has run on. A keyword
    that is not a field of the article is a ``TypeError``, never silently dropped."""
    found = doc._.metadata
    return Article(
        id=id or text_id(doc.text),
        text=doc.text,
        source=source,
        date=date or found.date,
        title=title,
        caption=caption or found.caption,
        credit=credit or found.credit,
        url=url,
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

    def __init__(
        self, model: str = DEFAULT_MODEL, *, use_model: bool = True, nlp: Language | None = None
    ) -> None:
        self.model = model
        self.nlp = nlp if nlp is not None else load(model, use_model=use_model)

    def extract(
        self,
        text: str,
        *,
        id: str | None = None,
        source: str | None = None,
        title: str | None = None,
        date: str | None = None,
        url: str | None = None,
    ) -> Article:
        """Extract the quotes of one article.

        Raises ``InputError`` E112 for a text over the pipeline's ``max_length``.
        """
        metadata = {"id": id, "source": source, "title": title, "date": date, "url": url}
        self._check_length(text, metadata)
        return to_article(self.nlp(text), **metadata)

    def _checked(self, items: Iterable[tuple[str, dict[str, Any]]]) -> Iterator[tuple[str, dict[str, Any]]]:
        for text, metadata in items:
            self._check_length(text, metadata)
            yield text, metadata

    def _check_length(self, text: str, metadata: dict[str, Any]) -> None:
        # spaCy's own E088 is a bare ValueError with advice about nlp.max_length: say what it is
        limit = self.nlp.max_length
        if len(text) > limit:
            source = metadata.get("source") or "the text"
            raise InputError(
                "E112",
                source=source,
                article_id=metadata.get("id"),
                size=len(text),
                unit="characters",
                limit=limit,
            )

    def pipe(
        self, items: Iterable[tuple[str, dict[str, Any]]], batch_size: int = _BATCH_SIZE
    ) -> Iterator[Article]:
        """Extract from ``(text, metadata)`` pairs, streaming, in order. ``metadata`` keys are
        the keywords of ``extract`` (an unknown key is a ``TypeError``). A text over the
        pipeline's ``max_length`` raises ``InputError`` E112 when its turn comes.

        The attribution model tags each text in a second thread while spaCy parses the batch
        (ONNX Runtime releases the GIL), so on two cores the model costs little wall time.
        """
        tagger = self._tagger()
        if tagger is None:
            for doc, metadata in self.nlp.pipe(self._checked(items), as_tuples=True, batch_size=batch_size):
                yield to_article(doc, **metadata)
            return
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsquotes-tagger") as pool:

            def ahead() -> Iterator[tuple[Doc, dict[str, Any]]]:
                # submitted a batch ahead of what spaCy has taken, so the tagger thread is
                # never idle while spaCy parses or the rules run
                queue: deque[tuple[Doc, dict[str, Any]]] = deque()
                for text, metadata in items:
                    self._check_length(text, metadata)
                    doc = self.nlp.make_doc(text)
                    # kept on the doc, so the component does not parse it again
                    doc._.metadata = parse_metadata(text)
                    doc.user_data[TAGS_KEY] = pool.submit(tagger.tag, text, doc._.metadata.body_start)
                    queue.append((doc, metadata))
                    if len(queue) > batch_size:
                        yield queue.popleft()
                yield from queue

            for doc, metadata in self.nlp.pipe(ahead(), as_tuples=True, batch_size=batch_size):
                yield to_article(doc, **metadata)

    def _tagger(self) -> Tagger | None:
        if "newsquotes" not in self.nlp.pipe_names:
            return None
        tagger: Tagger | None = getattr(self.nlp.get_pipe("newsquotes"), "tagger", None)
        return tagger
