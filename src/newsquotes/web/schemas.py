"""Request and response shapes of the JSON API, for validation at the edge and the OpenAPI page.

Only the extract request is validated with these; responses are built from the records'
``to_dict()`` (the extract schema of the README) and the tables' rows, and these models only
describe them in ``/openapi.json``. The core records stay plain dataclasses.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr

Spans = list[list[int]]


class ExtractRequest(BaseModel):
    """The body of ``POST /api/extract``."""

    model_config = ConfigDict(extra="forbid")

    text: StrictStr = Field(description="the article text; every offset in the answer refers to it")
    id: StrictStr | None = Field(None, description="article id (default: first 16 hex digits of its SHA-1)")
    title: StrictStr | None = None
    date: StrictStr | None = Field(None, description="as given, e.g. 2020-10-27")
    url: StrictStr | None = None


class MentionOut(BaseModel):
    text: str
    spans: Spans


class SpeakerOut(BaseModel):
    name: str | None = Field(description="canonical name from the article's people, null when unnamed")
    kind: Literal["person", "organization"] | None
    mention: MentionOut | None


class QuoteOut(BaseModel):
    id: str
    type: Literal["direct", "mixed", "indirect"]
    text: str
    spans: Spans = Field(description="[start, end] character offsets into the article text")
    cue: MentionOut | None
    speaker: SpeakerOut
    confidence: float


class PersonOut(BaseModel):
    name: str
    kind: Literal["person", "organization"]
    gender: Literal["female", "male"] | None
    mentions: Spans
    gender_evidence: Spans


class ArticleOut(BaseModel):
    """The extract schema (``newsquotes extract --format json``)."""

    id: str
    source: str | None
    date: str | None
    title: str | None
    caption: str | None
    credit: str | None
    quotes: list[QuoteOut]
    people: list[PersonOut]


class StoredArticleOut(ArticleOut):
    """A corpus article: the extract schema plus the stored text the offsets refer to."""

    text: str


class QuoteRowOut(BaseModel):
    """A row of the ``quotes`` table, with its article's title."""

    article_id: str
    quote_id: str
    type: str
    text: str
    spans: Spans
    cue_text: str | None
    cue_spans: Spans | None
    speaker_name: str | None
    speaker_kind: str | None
    mention_text: str | None
    mention_spans: Spans | None
    confidence: float
    article_title: str | None


class PageInfo(BaseModel):
    limit: int
    offset: int
    next_offset: int | None = Field(description="offset of the next page, null on the last one")
    total: int | None = Field(description="rows matching, where known without an extra scan")


class QuotesPage(PageInfo):
    quotes: list[QuoteRowOut]


class SpeakerRowOut(BaseModel):
    name: str
    kind: str | None
    quotes: int
    articles: int
    female_quotes: int = Field(description="quotes from articles that give this speaker as female")
    male_quotes: int
    gender: Literal["female", "male"] | None = Field(description="the gender most of those articles give")


class SpeakersPage(PageInfo):
    speakers: list[SpeakerRowOut]


class ArticleRowOut(BaseModel):
    id: str
    title: str | None
    date: str | None
    source: str | None
    url: str | None
    quotes: int


class ArticlesPage(PageInfo):
    articles: list[ArticleRowOut]


class ErrorRowOut(BaseModel):
    article_id: str
    source: str | None
    code: str | None
    message: str | None


class ErrorsPage(PageInfo):
    errors: list[ErrorRowOut]


class ErrorDetail(BaseModel):
    code: str = Field(description="the E### code of newsquotes.errors")
    message: str


class ErrorOut(BaseModel):
    """Every error answer: 400 bad input, 404 unknown id or no corpus, 413 too large."""

    error: ErrorDetail
