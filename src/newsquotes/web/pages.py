"""The HTML pages: one article pasted or uploaded, and the served corpus's articles, speakers,
quotes and errors. Every page has its JSON beside it under ``/api``.

Templates are Jinja2 with autoescaping on; the article itself is built by :mod:`.render` with
markupsafe, which escapes the text it wraps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from ..errors import InputError
from ..io.html import read_html
from ..io.text import decode
from ..model import Article
from .corpus import PAGE_SIZE, Corpus
from .render import article_json, data_uri, quotes_csv, render_text, speaker_rows
from .service import app_state

router = APIRouter(include_in_schema=False)

Offset = Annotated[int, Query(ge=0)]
Search = Annotated[str | None, Query(max_length=500)]
_HTML_SUFFIXES = (".html", ".htm")


def _page(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    state = app_state(request)
    context = {"corpus": state.corpus, "model": state.service.model, **context}
    response: HTMLResponse = state.templates.TemplateResponse(request, name, context, status_code=status_code)
    return response


def _article_context(article: Article, *, in_corpus: bool) -> dict[str, Any]:
    return {
        "article": article,
        "article_html": render_text(article),
        "speakers": speaker_rows(article),
        "link_speakers": in_corpus,  # a pasted article's speakers need not be in the corpus
    }


def _corpus(request: Request) -> Corpus:
    corpus = app_state(request).corpus
    if corpus is None:
        raise InputError("E127", source=request.url.path)
    return corpus


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    return _page(request, "index.html", {"text": "", "title": ""})


async def _read_form(request: Request) -> tuple[str, dict[str, Any]]:
    """The article text and metadata of the form: an uploaded file if one was chosen, else the
    pasted text."""
    settings = app_state(request).settings
    try:
        # the context closes the upload's temporary file
        async with request.form(max_files=1, max_fields=8, max_part_size=settings.max_body) as form:
            title = form.get("title")
            upload = form.get("file")
            text = form.get("text")
            name = Path(upload.filename).name if isinstance(upload, UploadFile) and upload.filename else None
            data = await upload.read() if isinstance(upload, UploadFile) and name else b""
    except HTTPException as exc:  # Starlette's answer to a malformed multipart body
        raise InputError("E117", source="POST /", reason=str(exc.detail)) from exc
    metadata: dict[str, Any] = {"title": (title.strip() or None) if isinstance(title, str) else None}
    if name is not None:
        suffix = Path(name).suffix.lower()
        if suffix in _HTML_SUFFIXES:
            raw = read_html(data, name)
            metadata = {**metadata, "title": metadata["title"] or raw.title, "date": raw.date, "url": raw.url}
            return raw.text, {**metadata, "id": Path(name).stem, "source": name}
        if suffix != ".txt":
            raise InputError("E119", source=name)
        return decode(data, name), {**metadata, "id": Path(name).stem, "source": name}
    # HTML forms send a textarea's line breaks as CRLF whatever the user typed; the article's
    # own line breaks are LF, and paragraphs are found on them
    pasted = text.replace("\r\n", "\n") if isinstance(text, str) else ""
    return pasted, metadata


@router.post("/", response_class=HTMLResponse)
async def extract_page(request: Request) -> HTMLResponse:
    text, metadata = await _read_form(request)
    article = await app_state(request).service.extract(text, origin="POST /", **metadata)
    context = _article_context(article, in_corpus=False)
    context.update(
        text=text if "source" not in metadata else "",
        title=metadata.get("title") or "",
        json_href=data_uri(article_json(article), "application/json"),
        csv_href=data_uri(quotes_csv(article), "text/csv"),
    )
    return _page(request, "index.html", context)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, q: Search = None, offset: Offset = 0) -> HTMLResponse:
    page = _corpus(request).articles(search=q, limit=PAGE_SIZE, offset=offset)
    return _page(request, "articles.html", {"page": page, "q": q or ""})


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    corpus = _corpus(request)
    article = corpus.article(article_id)
    if article is None:
        raise InputError("E126", source=str(corpus.folder), article_id=article_id)
    return _page(request, "article.html", _article_context(article, in_corpus=True))


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request, q: Search = None, offset: Offset = 0) -> HTMLResponse:
    corpus = _corpus(request)
    page = corpus.speakers(search=q, limit=PAGE_SIZE, offset=offset)
    return _page(request, "speakers.html", {"page": page, "q": q or "", "genders": corpus.gender_share()})


@router.get("/speakers/{name:path}", response_class=HTMLResponse)
def speaker_page(
    request: Request,
    name: str,
    offset: Offset = 0,
    type: Literal["direct", "mixed", "indirect"] | None = None,
) -> HTMLResponse:
    corpus = _corpus(request)
    speaker = corpus.speaker(name)
    if speaker is None:
        raise InputError("E128", source=str(corpus.folder), name=name)
    page = corpus.quotes(search=None, speaker=name, quote_type=type, limit=PAGE_SIZE, offset=offset)
    return _page(request, "speaker.html", {"speaker": speaker, "page": page, "type": type or ""})


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    q: Search = None,
    speaker: Search = None,
    type: Literal["direct", "mixed", "indirect"] | None = None,
    offset: Offset = 0,
) -> HTMLResponse:
    page = _corpus(request).quotes(search=q, speaker=speaker, quote_type=type, limit=PAGE_SIZE, offset=offset)
    context = {"page": page, "q": q or "", "speaker": speaker or "", "type": type or ""}
    return _page(request, "quotes.html", context)


@router.get("/errors", response_class=HTMLResponse)
def errors_page(
    request: Request, code: Annotated[str | None, Query(pattern=r"^E\d{3}$")] = None, offset: Offset = 0
) -> HTMLResponse:
    corpus = _corpus(request)
    page = corpus.errors(code=code, limit=PAGE_SIZE, offset=offset)
    return _page(request, "errors.html", {"page": page, "code": code or "", "codes": corpus.error_codes()})


@router.get("/docs", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    """The OpenAPI description, as a page that needs nothing from outside this server."""
    schema = request.app.openapi()
    operations = [
        _operation(path, method, operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    return _page(request, "docs.html", {"info": schema["info"], "operations": operations})


def _type_of(schema: dict[str, Any]) -> str:
    """A JSON schema's type in a few words: ``integer``, ``string | null``, ``direct, mixed``."""
    if "enum" in schema:
        return ", ".join(str(value) for value in schema["enum"])
    if "anyOf" in schema:
        return " | ".join(_type_of(option) for option in schema["anyOf"])
    kind = str(schema.get("type", "any"))
    limits = [f"{word} {schema[key]}" for key, word in (("minimum", "≥"), ("maximum", "≤")) if key in schema]
    return kind + (f" ({', '.join(limits)})" if limits else "")


def _operation(path: str, method: str, operation: dict[str, Any]) -> dict[str, Any]:
    """What the API page shows of one operation of the OpenAPI description."""
    body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
    required = set(body.get("required", ()))
    return {
        "id": operation.get("operationId", f"{method}-{path}"),
        "method": method.upper(),
        "path": path,
        "summary": operation.get("summary", ""),
        "description": operation.get("description", ""),
        "parameters": [
            {
                "name": parameter["name"],
                "in": parameter["in"],
                "type": _type_of(parameter.get("schema", {})),
                "required": parameter.get("required", False),
                "description": parameter.get("description", ""),
            }
            for parameter in operation.get("parameters", ())
        ],
        "body": [
            {
                "name": name,
                "type": _type_of(field),
                "required": name in required,
                "description": field.get("description", ""),
            }
            for name, field in body.get("properties", {}).items()
        ],
        "responses": [
            (code, answer.get("description", "")) for code, answer in operation["responses"].items()
        ],
    }
