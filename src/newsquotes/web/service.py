"""What the web view shares between requests: its settings, one loaded pipeline, the corpus.

The pipeline is loaded once, when the app is made, and every extraction runs in a worker
thread (off the event loop) under one lock: a spaCy ``Language`` and the ONNX session behind
the attribution model are not documented as safe to call from several threads at once, and the
lock costs nothing on throughput, since one extraction already keeps a core busy.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.templating import Jinja2Templates

from ..errors import InputError, PipelineError
from ..extractor import DEFAULT_MODEL, Extractor
from ..model import Article
from .corpus import Corpus

DEFAULT_MAX_BODY = 2 * 1024 * 1024  # bytes of one request body: a long article is about 100 KB
DEFAULT_MAX_CHARS = 1_000_000  # spaCy's own limit, as for `newsquotes run`


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """How ``newsquotes serve`` runs; built once by the CLI (or a test) and passed to the app."""

    corpus: Path | None = None
    model: str = DEFAULT_MODEL
    use_model: bool = True
    max_body: int = DEFAULT_MAX_BODY
    max_chars: int = DEFAULT_MAX_CHARS


class ExtractionService:
    """One extractor shared by every request, called one at a time from worker threads."""

    def __init__(self, extractor: Extractor, *, max_chars: int) -> None:
        self._extractor = extractor
        self._lock = threading.Lock()
        self.max_chars = max_chars

    @property
    def model(self) -> str:
        return self._extractor.model

    def extract_now(self, text: str, *, origin: str, **metadata: Any) -> Article:
        """Extract in the calling thread, waiting for any extraction already running.

        ``metadata`` may set id, source, title, date, url; ``origin`` names the request in errors.

        Raises ``InputError`` E110 for blank text, E112 over ``max_chars``; ``PipelineError``
        E203 when the pipeline fails on the text.
        """
        if not text.strip():
            raise InputError("E110", source=origin)
        if len(text) > self.max_chars:
            raise InputError("E112", source=origin, size=len(text), unit="characters", limit=self.max_chars)
        with self._lock:
            try:
                return self._extractor.extract(text, **metadata)
            except Exception as exc:  # any failure inside spaCy or a component is this article's
                reason = f"{type(exc).__name__}: {exc}"
                article_id = metadata.get("id")
                raise PipelineError("E203", source=origin, article_id=article_id, reason=reason) from exc

    async def extract(self, text: str, *, origin: str, **metadata: Any) -> Article:
        """:meth:`extract_now` in a worker thread, so the server keeps answering meanwhile."""
        return await run_in_threadpool(self.extract_now, text, origin=origin, **metadata)


@dataclass(frozen=True, slots=True)
class AppState:
    settings: ServeSettings
    service: ExtractionService
    corpus: Corpus | None
    templates: Jinja2Templates


def app_state(request: Request) -> AppState:
    """The shared state of the app serving ``request``."""
    state: AppState = request.app.state.newsquotes
    return state
