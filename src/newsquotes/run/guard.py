"""Extract a batch of articles so that one bad article never costs the others.

``extract_all`` is shared by ``extract``, the local runner and Spark: an article that crashes
the pipeline becomes an E203 ``Failure``, one past the time limit an E205 ``Failure``; every
other article of its batch is still extracted.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from ..errors import PipelineError
from ..extractor import Extractor
from ..model import Article, RawArticle
from .sources import Failure


class _TimeLimit(Exception):
    """Raised by SIGALRM inside an article that runs past the time limit."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    # SIGALRM interrupts the rule code wherever it loops; only the main thread of a process can
    # receive it (true in our workers and in Spark's), and only on Unix. Elsewhere: no limit.
    usable = seconds and hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _TimeLimit

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds or 0))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _extract_one(extractor: Extractor, raw: RawArticle, timeout: float | None) -> Article | Failure:
    try:
        with _time_limit(timeout):
            return extractor.extract(raw.text, **raw.metadata())
    except _TimeLimit:
        error = PipelineError("E205", source=raw.source, article_id=raw.id, seconds=timeout)
    except Exception as exc:
        error = PipelineError(
            "E203", source=raw.source, article_id=raw.id, reason=f"{type(exc).__name__}: {exc}"
        )
    return Failure(raw.id or "", raw.source or "", error.code, error.message)


def extract_all(
    extractor: Extractor, raws: Sequence[RawArticle], batch_size: int = 8, timeout: float | None = None
) -> list[Article | Failure]:
    """Extract in order with ``nlp.pipe``. When an article crashes the pipeline or runs past
    ``timeout`` seconds, ``pipe`` loses its whole batch, so the rest are redone one at a time and
    only the bad article becomes a Failure (E203 crash, E205 time limit)."""
    results: list[Article | Failure] = []
    articles = extractor.pipe(((r.text, r.metadata()) for r in raws), batch_size=batch_size)
    batch_limit = timeout * batch_size if timeout else None
    try:
        while len(results) < len(raws):
            with _time_limit(batch_limit):  # the first article of a batch waits for the whole batch
                results.append(next(articles))
    except Exception:
        results.extend(_extract_one(extractor, raw, timeout) for raw in raws[len(results) :])
    return results
