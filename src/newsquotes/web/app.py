"""The web view's ASGI app: pages, the JSON API, errors as coded answers, limits and headers.

>>> app = create_app(ServeSettings(corpus=Path("out")))     # doctest: +SKIP
>>> uvicorn.run(app)                                         # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..errors import InputError, NewsQuotesError
from ..extractor import Extractor
from . import api, pages
from .corpus import Corpus
from .middleware import GuardMiddleware
from .service import AppState, ExtractionService, ServeSettings

_HERE = Path(__file__).parent
# codes answered with something other than 400 (input) or 500 (the pipeline failed)
_STATUS = {"E112": 413, "E126": 404, "E127": 404, "E128": 404}


def status_of(error: NewsQuotesError) -> int:
    """The HTTP status of a newsquotes error."""
    return _STATUS.get(error.code, 400 if isinstance(error, InputError) else 500)


def _templates() -> Jinja2Templates:
    # autoescaping for every template, whatever its file name
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    return Jinja2Templates(env=environment)


def _wants_json(path: str) -> bool:
    return path.startswith("/api/") or path in ("/healthz", "/openapi.json")


def _validation_error(exc: RequestValidationError, path: str) -> InputError:
    """A parameter the framework refused, as a coded error naming it."""
    first: dict[str, Any] = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid"}
    location = [str(part) for part in first.get("loc", ())]
    field = location[-1] if location else "request"
    return InputError("E125", source=path, field=field, reason=first["msg"])


def create_app(settings: ServeSettings, *, extractor: Extractor | None = None) -> FastAPI:
    """The app serving ``settings.corpus`` (if any) and extracting with one pipeline, loaded here
    unless ``extractor`` is given.

    Raises ``PipelineError`` when the pipeline cannot be loaded, ``StorageError`` E303 when the
    corpus is not a ``newsquotes run`` output folder.
    """
    # the corpus first: a wrong folder is said at once, before a second of loading the pipeline
    corpus = Corpus(settings.corpus) if settings.corpus is not None else None
    extractor = extractor or Extractor(settings.model, use_model=settings.use_model)
    templates = _templates()

    def respond(path: str, error: NewsQuotesError) -> Response:
        status = status_of(error)
        if _wants_json(path):
            return JSONResponse({"error": {"code": error.code, "message": error.message}}, status_code=status)
        page = templates.get_template("error.html").render(error=error, status=status, corpus=corpus)
        return HTMLResponse(page, status_code=status)

    app = FastAPI(
        title="newsquotes",
        summary="Who said what in the news: quotes, cues and speakers with character offsets.",
        description=(
            "The JSON API beside the pages of `newsquotes serve`. Errors are "
            '`{"error": {"code": "E1xx", "message": ...}}`: 400 bad input, 404 unknown id or no '
            f"corpus served, 413 a request body over {settings.max_body:,} bytes."
        ),
        version="0.1.0",
        docs_url=None,  # FastAPI's pages load their scripts from a CDN; /docs is served here
        redoc_url=None,
    )
    app.state.newsquotes = AppState(
        settings=settings,
        service=ExtractionService(extractor, max_chars=settings.max_chars),
        corpus=corpus,
        templates=templates,
    )

    @app.exception_handler(NewsQuotesError)
    async def _coded(request: Request, exc: NewsQuotesError) -> Response:
        return respond(request.url.path, exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return respond(request.url.path, _validation_error(exc, request.url.path))

    @app.get("/healthz", tags=["server"], summary="Liveness")
    def healthz() -> dict[str, Any]:
        """200 while the server runs, with the model and corpus it serves."""
        return {
            "status": "ok",
            "model": extractor.model,
            "corpus": str(corpus.folder) if corpus is not None else None,
        }

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=_HERE / "static"), name="static")
    app.add_middleware(GuardMiddleware, limit=settings.max_body, respond=respond)
    return app
