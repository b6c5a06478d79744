"""Load a spaCy pipeline with the newsquotes component and turn texts into ``Article`` records."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
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
_PIECE = 128  # characters: a run without white space longer than this is tokenized in pieces
_LONG_RUN = re.compile(rf"\S{{{_PIECE + 1},}}")
_PIECE_TOKENS = 4_000  # a longer doc is parsed in pieces of at most this many tokens


def _cuts(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of at most _PIECE_TOKENS covering ``doc``, each ending at a paragraph
    break where there is one, else at the end of a sentence, else where the limit falls."""
    ranges: list[tuple[int, int]] = []
    start = 0
    while len(doc) - start > _PIECE_TOKENS:
        end = start + _PIECE_TOKENS
        paragraph = sentence = 0
        for token in doc[start + _PIECE_TOKENS // 2 : end]:
            if token.is_space and "\n" in token.text:
                paragraph = token.i + 1
            elif token.text in (".", "!", "?") and token.whitespace_:
                sentence = token.i + 1
        end = paragraph or sentence or end
        ranges.append((start, end))
        start = end
    ranges.append((start, len(doc)))
    return ranges


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

    Extraction runs in three stages, which ``extract`` and ``pipe`` compose and a caller may
    run one by one (the corpus runners do, to limit the time of each article on its own):
    ``make_doc`` (length check, tokenizer, metadata line; the attribution model starts tagging
    the text in a second thread), ``parse`` (spaCy's components, batched) and ``attribute``
    (the newsquotes component: rules and model, and the ``Article`` record).

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
        names = self.nlp.pipe_names
        split = names.index("newsquotes") if "newsquotes" in names else len(names)
        self._before = [proc for _, proc in self.nlp.pipeline[:split]]
        self._after = [proc for _, proc in self.nlp.pipeline[split:]]
        self._pool: ThreadPoolExecutor | None = None

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
        [doc] = self.parse([self.make_doc(text, **metadata)])
        return self.attribute(doc, **metadata)

    def pipe(
        self, items: Iterable[tuple[str, dict[str, Any]]], batch_size: int = _BATCH_SIZE
    ) -> Iterator[Article]:
        """Extract from ``(text, metadata)`` pairs, streaming, in order. ``metadata`` keys are
        the keywords of ``extract`` (an unknown key is a ``TypeError``). A text over the
        pipeline's ``max_length`` raises ``InputError`` E112 when its turn comes.

        The attribution model tags each text in a second thread while spaCy parses the batch
        (ONNX Runtime releases the GIL), so on two cores the model costs little wall time.
        """
        iterator = iter(items)
        while batch := list(itertools.islice(iterator, batch_size)):
            docs = [self.make_doc(text, **metadata) for text, metadata in batch]
            for doc, (_, metadata) in zip(self.parse(docs, batch_size), batch, strict=True):
                yield self.attribute(doc, **metadata)

    def make_doc(self, text: str, **metadata: Any) -> Doc:
        """Stage 1: check the length (``InputError`` E112), tokenize, read the metadata line,
        and hand the text to the attribution model's thread."""
        self._check_length(text, metadata)
        doc = self._tokenize(text)
        # kept on the doc, so the component does not parse it again
        doc._.metadata = parse_metadata(text)
        tagger = self._tagger()
        if tagger is not None:
            doc.user_data[TAGS_KEY] = self._tagging().submit(tagger.tag, text, doc._.metadata.body_start)
        return doc

    def parse(self, docs: Sequence[Doc], batch_size: int = _BATCH_SIZE) -> list[Doc]:
        """Stage 2: spaCy's components before newsquotes (tagger, parser, NER...), batched.

        A doc over ``_PIECE_TOKENS`` tokens goes through them in pieces cut at paragraph
        breaks, joined again into one doc over the same text: spaCy's memory grows with the
        tokens it holds at once (tok2vec took 1.7 GB for 100,000 tokens), and its components
        look only a few tokens around each one, so a cut at a paragraph break changes nothing.
        """
        parsed = self._run_before([doc for doc in docs if len(doc) <= _PIECE_TOKENS], batch_size)
        short = iter(parsed)
        return [next(short) if len(doc) <= _PIECE_TOKENS else self._parse_long(doc) for doc in docs]

    def _run_before(self, docs: list[Doc], batch_size: int) -> list[Doc]:
        for proc in self._before:
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=batch_size))
            else:
                docs = [proc(doc) for doc in docs]
        return docs

    def _parse_long(self, doc: Doc) -> Doc:
        pieces = [doc[start:end].as_doc() for start, end in _cuts(doc)]
        parsed = [self._run_before([piece], 1)[0] for piece in pieces]
        joined = Doc.from_docs(parsed, ensure_whitespace=False)
        # what make_doc left on the doc (metadata, the model's pending tags) moves with it
        joined.user_data.update(doc.user_data)
        return joined

    def attribute(self, doc: Doc, **metadata: Any) -> Article:
        """Stage 3: the newsquotes component (and any after it) on a parsed doc; its record."""
        for proc in self._after:
            doc = proc(doc)
        return to_article(doc, **metadata)

    def _tokenize(self, text: str) -> Doc:
        # spaCy's tokenizer is quadratic in the length of a run without white space (it copies
        # the rest of the run for every prefix it splits off: 16,000 curly quotes take half a
        # minute). Such a run is tokenized in pieces of _PIECE characters, joined into one doc
        # over the same text: linear, and only strings no real word is as long as are affected.
        runs = [match.span() for match in _LONG_RUN.finditer(text)]
        if not runs:
            return self.nlp.make_doc(text)
        cuts = [0]
        for start, end in runs:
            cuts.extend(range(start, end, _PIECE))
            # a single space after the run belongs to its last token; other white space is a
            # token of its own, so the next piece starts with it
            cuts.append(end + 1 if text[end : end + 1] == " " else end)
        cuts = sorted(set(cuts) | {len(text)})
        pieces = [self.nlp.make_doc(text[a:b]) for a, b in itertools.pairwise(cuts) if a < b]
        doc = Doc.from_docs(pieces, ensure_whitespace=False)
        return doc if doc.text == text else self.nlp.make_doc(text)

    def restart_tagging(self) -> None:
        """Leave the model's thread to finish what it holds and tag new texts in a fresh one:
        after an article was abandoned mid-tagging, the next ones need not queue behind it."""
        if self._pool is not None:
            self._pool.shutdown(wait=False)
            self._pool = None

    def _tagging(self) -> ThreadPoolExecutor:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsquotes-tagger")
        return self._pool

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

    def _tagger(self) -> Tagger | None:
        if "newsquotes" not in self.nlp.pipe_names:
            return None
        tagger: Tagger | None = getattr(self.nlp.get_pipe("newsquotes"), "tagger", None)
        return tagger
