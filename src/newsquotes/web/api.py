"""The JSON API: extraction of one article and read-only, paged views of the served corpus.

Errors are ``{"error": {"code": "E1xx", "message": ...}}``: 400 for bad input, 404 for an
unknown article or speaker (or no corpus served), 413 for a body over the limit. There is no
way to send SQL: each endpoint runs its own fixed, parameterised query.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

from ..errors import InputError
from .corpus import MAX_LIMIT, PAGE_SIZE, Corpus, Page
from .render import quotes_csv
from .schemas import (
    ArticleOut,
    ArticlesPage,
    ErrorOut,
    ErrorsPage,
    ExtractRequest,
    QuotesPage,
    SpeakersPage,
    StoredArticleOut,
)
from .service import app_state

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"rows per page, at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]
Search = Annotated[str | None, Query(max_length=500, description="words to look for, case-insensitive")]

_BAD = {"model": ErrorOut, "description": "bad input (E1xx)"}
_MISSING = {"model": ErrorOut, "description": "unknown id, or no corpus served (E126, E127)"}
_TOO_LARGE = {"model": ErrorOut, "description": "body over the server's limit (E112)"}

_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}


def parse_extract_request(body: bytes, *, origin: str) -> ExtractRequest:
    """The extract request in ``body``. Raises ``InputError`` E117 when it is not a JSON object,
    E118 naming the first field that is missing, unknown or not a string."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError("E117", source=origin, reason=f"not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        found = _JSON_TYPES.get(type(data), "a number")
        raise InputError("E117", source=origin, reason=f"expected a JSON object, found {found}")
    try:
        return ExtractRequest.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "text"
        raise InputError("E118", source=origin, field=field, reason=first["msg"]) from exc


def _corpus(request: Request) -> Corpus:
    corpus = app_state(request).corpus
    if corpus is None:
        raise InputError("E127", source=request.url.path)
    return corpus


def _page_info(page: Page) -> dict[str, Any]:
    return {
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": page.next_offset,
        "total": page.total,
    }


@router.post(
    "/extract",
    summary="Extract the quotes of one article",
    response_model=None,
    responses={200: {"model": ArticleOut}, 400: _BAD, 413: _TOO_LARGE},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ExtractRequest.model_json_schema()}},
        }
    },
)
async def extract(request: Request) -> JSONResponse:
    """Send `{"text": ..., "id"?, "title"?, "date"?, "url"?}`; get the article in the extract
    schema of the README (quotes with character offsets into `text`, speakers, people). Blank
    text is E110, a text longer than the server's `--max-chars` E112 (413)."""
    origin = "POST /api/extract"
    payload = parse_extract_request(await request.body(), origin=origin)
    article = await app_state(request).service.extract(
        payload.text, origin=origin, id=payload.id, title=payload.title, date=payload.date, url=payload.url
    )
    return JSONResponse(article.to_dict())


@router.get("/articles", summary="List the corpus's articles", responses={200: {"model": ArticlesPage}})
def list_articles(
    request: Request, q: Search = None, limit: Limit = PAGE_SIZE, offset: Offset = 0
) -> JSONResponse:
    """Articles newest first, without their text; `q` matches the title, the text or the name of
    a speaker quoted in the article."""
    page = _corpus(request).articles(search=q, limit=limit, offset=offset)
    return JSONResponse({**_page_info(page), "articles": page.rows})


@router.get(
    "/articles/{article_id:path}",
    summary="One stored article with its quotes",
    response_model=None,
    responses={
        200: {
            "model": StoredArticleOut,
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "description": "the article (JSON), or with format=csv its quotes, one row each",
        },
        404: _MISSING,
    },
)
def get_article(request: Request, article_id: str, format: Literal["json", "csv"] = "json") -> Response:
    """The article as stored by `newsquotes run`: the extract schema plus `text` and `url`
    (no re-extraction). `format=csv` gives its quotes as CSV with the columns of the `quotes`
    table."""
    article = _corpus(request).article(article_id)
    if article is None:
        raise InputError("E126", source=str(_corpus(request).folder), article_id=article_id)
    if format == "csv":
        return Response(
            quotes_csv(article),
            media_type="text/csv; charset=utf-8",
            headers={"content-disposition": 'attachment; filename="quotes.csv"'},
        )
    return JSONResponse(article.to_dict())


@router.get("/quotes", summary="Search the corpus's quotes", responses={200: {"model": QuotesPage}})
def list_quotes(
    request: Request,
    speaker: Annotated[str | None, Query(description="canonical speaker name, exactly")] = None,
    q: Search = None,
    type: Literal["direct", "mixed", "indirect"] | None = None,
    limit: Limit = PAGE_SIZE,
    offset: Offset = 0,
) -> JSONResponse:
    """Quotes in corpus order; `q` matches words in the quote's text (case-insensitive),
    `speaker` the canonical name exactly, `type` the quote type. Paged by `limit` and `offset`
    (`next_offset` is null on the last page)."""
    page = _corpus(request).quotes(search=q, speaker=speaker, quote_type=type, limit=limit, offset=offset)
    return JSONResponse({**_page_info(page), "quotes": page.rows})


@router.get("/speakers", summary="The corpus's speakers", responses={200: {"model": SpeakersPage}})
def list_speakers(
    request: Request, q: Search = None, limit: Limit = PAGE_SIZE, offset: Offset = 0
) -> JSONResponse:
    """Named speakers by number of quotes, with the number of articles quoting them and their
    quotes by the gender their articles give (where the text gives evidence)."""
    page = _corpus(request).speakers(search=q, limit=limit, offset=offset)
    return JSONResponse({**_page_info(page), "speakers": page.rows})


@router.get("/errors", summary="The run's error rows", responses={200: {"model": ErrorsPage}})
def list_errors(
    request: Request,
    code: Annotated[str | None, Query(pattern=r"^E\d{3}$", description="only this code")] = None,
    limit: Limit = PAGE_SIZE,
    offset: Offset = 0,
) -> JSONResponse:
    """One row per article or file the run could not extract, with its coded message."""
    page = _corpus(request).errors(code=code, limit=limit, offset=offset)
    return JSONResponse({**_page_info(page), "errors": page.rows})
