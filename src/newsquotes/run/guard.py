"""Extract a batch of articles so that one bad article never costs the others.

``extract_all`` is shared by ``extract``, the local runner and Spark: an article that crashes
the pipeline becomes an E203 ``Failure``, one past the time limit an E205 ``Failure``; every
other article of its batch is still extracted.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from spacy.tokens import Doc

from ..errors import NewsQuotesError, PipelineError
from ..extractor import Extractor
from ..model import Article, RawArticle
from .sources import Failure

_REFIRE = 0.25


class _TimeLimit(BaseException):
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
    # and again every quarter second until cancelled: a raise that lands in a callback whose
    # exceptions Python ignores (a gc callback, a __del__) must not let the article run on
    signal.setitimer(signal.ITIMER_REAL, float(seconds or 0), _REFIRE)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _failure(raw: RawArticle, exc: BaseException, timeout: float | None) -> Failure:
    if isinstance(exc, _TimeLimit):
        error: NewsQuotesError = PipelineError("E205", source=raw.source, article_id=raw.id, seconds=timeout)
    elif isinstance(exc, NewsQuotesError):
        error = exc
    else:
        reason = f"{type(exc).__name__}: {exc}"
        error = PipelineError("E203", source=raw.source, article_id=raw.id, reason=reason)
    return Failure(raw.id or "", raw.source or "", error.code, error.message)


def _extract_one(extractor: Extractor, raw: RawArticle, timeout: float | None) -> Article | Failure:
    try:
        with _time_limit(timeout):
            return extractor.extract(raw.text, **raw.metadata())
    except (_TimeLimit, Exception) as exc:
        return _failure(raw, exc, timeout)


def extract_all(
    extractor: Extractor, raws: Sequence[RawArticle], batch_size: int = 8, timeout: float | None = None
) -> list[Article | Failure]:
    """Extract in order, ``batch_size`` articles at a time, each article under its own limit of
    ``timeout`` seconds: an article that crashes becomes an E203 Failure, one past the limit
    E205, and the others of its batch are extracted all the same."""
    results: list[Article | Failure] = []
    for start in range(0, len(raws), batch_size):
        results.extend(_extract_batch(extractor, raws[start : start + batch_size], batch_size, timeout))
    return results


_ALONE = 5_000  # tokens: a longer doc is parsed on its own, under its own limit


def _extract_batch(
    extractor: Extractor, raws: Sequence[RawArticle], batch_size: int, timeout: float | None
) -> list[Article | Failure]:
    # Each article has ``timeout`` seconds in all. The tokenizer and the rules work per article
    # and run under what is left of its own limit. spaCy's batched components are linear in
    # length: a long doc (over _ALONE tokens, where batching gains nothing) is parsed alone
    # under its own limit too; the short ones share the sum of their limits, and if even that
    # is hit they are redone one at a time, so a slow article still fails alone.
    results: dict[int, Article | Failure] = {}
    docs: dict[int, Doc] = {}
    deadline: dict[int, float] = {}
    spent: dict[int, float] = {}
    for index, raw in enumerate(raws):
        started = time.monotonic()
        deadline[index] = started + (timeout or 0)
        try:
            with _time_limit(timeout):
                docs[index] = extractor.make_doc(raw.text, **raw.metadata())
        except (_TimeLimit, Exception) as exc:
            results[index] = _failure(raw, exc, timeout)
        spent[index] = time.monotonic() - started

    def left(index: int) -> float | None:
        return None if timeout is None else max(deadline[index] - time.monotonic(), 0.001)

    parsed: dict[int, Doc] = {}
    together = [i for i in sorted(docs) if len(docs[i]) <= _ALONE]
    try:
        with _time_limit(timeout * len(together) if timeout else None):
            done = extractor.parse([docs[i] for i in together], batch_size)
        parsed.update(zip(together, done, strict=True))
    except (_TimeLimit, Exception):
        extractor.restart_tagging()
        for index in together:
            results[index] = _extract_one(extractor, raws[index], timeout)
    for index in sorted(set(docs) - set(together)):
        try:
            with _time_limit(left(index)):
                [parsed[index]] = extractor.parse([docs[index]], batch_size)
        except (_TimeLimit, Exception) as exc:
            extractor.restart_tagging()
            results[index] = _failure(raws[index], exc, timeout)
    for index in sorted(set(parsed) - set(results)):
        raw = raws[index]
        # a short doc's share of its batch's parse is not known, and small: it is not counted
        limit = left(index) if index not in together else max((timeout or 0) - spent[index], 0.001)
        try:
            with _time_limit(limit if timeout else None):
                results[index] = extractor.attribute(parsed[index], **raw.metadata())
        except (_TimeLimit, Exception) as exc:
            if isinstance(exc, _TimeLimit):
                extractor.restart_tagging()  # the abandoned article may still hold the model
            results[index] = _failure(raw, exc, timeout)
    return [results[i] for i in range(len(raws))]
