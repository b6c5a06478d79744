"""Enumerate a corpus: folders, text, HTML, JSON Lines and WARC files, as a stream of tasks.

Every article found becomes one ``Task`` with a stable id: the JSONL record's ``id``, else the
first 16 hex digits of the SHA-1 of its source path (absolute) and its position in that file
(a line number, a WARC record's byte offset). An input that cannot be read becomes a task whose
payload is already a ``Failure``, so it ends as one row of the ``errors`` table: the stream
never stops on bad input.

Reading is split in two: :func:`iter_tasks` walks the inputs and parses containers (JSONL lines,
WARC records) in the main process; :func:`load` decodes text files and runs trafilatura on HTML,
in the worker that extracts the article, where the time goes.

>>> for article_id, article in read_articles(["corpus/"]):  # doctest: +SKIP
...     print(article_id, article.title)
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Literal

from ..errors import InputError, NewsQuotesError
from ..io.jsonl import parse_record
from ..io.text import decode, read_bytes
from ..model import RawArticle

MAX_CHARS = 1_000_000  # spaCy's own default max_length
_BYTES_PER_CHAR = 4  # the most UTF-8 needs: a file larger than this many bytes per char is too long
_SUFFIXES: dict[str, Literal["text", "html", "jsonl", "warc"]] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
}
FileKind = Literal["text", "html", "jsonl", "warc"]


@dataclass(frozen=True, slots=True)
class Failure:
    """An article that could not be read or extracted: one row of the ``errors`` table."""

    article_id: str
    source: str
    code: str
    message: str

    @classmethod
    def from_error(cls, article_id: str, source: str, error: NewsQuotesError) -> Failure:
        return cls(article_id=article_id, source=source, code=error.code, message=error.message)


@dataclass(frozen=True, slots=True)
class Pending:
    """An article found but not read yet. ``data`` None means: read the local file ``source``."""

    kind: Literal["text", "html"]
    source: str
    data: bytes | None = None
    url: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Task:
    """One input article under its final id; it pickles, for worker processes and Spark."""

    id: str
    payload: RawArticle | Pending | Failure


def article_id(source: str, position: str = "") -> str:
    """The id of an article without one of its own: a hash of where it was found."""
    return hashlib.sha1(f"{source}\x00{position}".encode()).hexdigest()[:16]


def file_kind(path: str) -> FileKind | None:
    """What a file holds, from its name (``.jsonl.gz`` before ``.gz``), or None if not an input."""
    name = path.lower()
    for suffix in sorted(_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return _SUFFIXES[suffix]
    return None


def _hidden(name: str) -> bool:
    # Spark and Hadoop skip these too; skipping them here keeps both runners on the same files.
    return name.startswith((".", "_"))


def list_files(inputs: Iterable[str]) -> list[str]:
    """The absolute paths of every input file, sorted, each once. Folders are walked
    recursively for known suffixes; a named file or folder that does not exist, or a named file
    of unknown type, raises ``InputError`` (E101, E116) before anything runs."""
    found: set[str] = set()
    for given in inputs:
        path = os.path.abspath(given)
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not _hidden(d)]
                found.update(
                    os.path.join(root, f) for f in files if not _hidden(f) and file_kind(f) is not None
                )
        elif not os.path.exists(path):
            raise InputError("E101", source=given)
        elif file_kind(path) is None:
            raise InputError("E116", source=given)
        else:
            found.add(path)
    return sorted(found)


def _jsonl_tasks(stream: BinaryIO, source: str) -> Iterator[Task]:
    number = 0
    try:
        for number, raw_line in enumerate(stream, start=1):
            if not raw_line.strip():
                continue
            position = f"line {number}"
            try:
                line = raw_line.decode("utf-8").removeprefix("\ufeff")
                record = parse_record(line, number, source)
            except UnicodeDecodeError as exc:
                error = InputError("E104", source=source, line=number, offset=exc.start, reason=exc.reason)
                yield Task(article_id(source, position), Failure.from_error("", source, error))
                continue
            except InputError as exc:
                yield Task(article_id(source, position), Failure.from_error("", source, exc))
                continue
            yield Task(record.id or article_id(source, position), record)
    except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as exc:
        position = f"line {number}"
        error = InputError("E114", source=source, position=position, reason=str(exc) or type(exc).__name__)
        yield Task(article_id(source, f"gzip error after {position}"), Failure.from_error("", source, error))


def _warc_tasks(stream: BinaryIO, source: str) -> Iterator[Task]:
    from ..io.warc import iter_warc

    for page in iter_warc(stream, source):
        if isinstance(page, InputError):
            task_id = article_id(source, f"error after {page.message}")
            yield Task(task_id, Failure.from_error("", source, page))
        else:
            yield Task(
                article_id(source, f"byte {page.offset}"),
                Pending("html", source, page.payload, url=page.url, date=page.date),
            )


def file_tasks(source: str, data: bytes | None = None) -> Iterator[Task]:
    """The tasks of one file, read from ``data`` if given (Spark) or else from the local path."""
    kind = file_kind(source)
    if kind in ("text", "html"):
        yield Task(article_id(source), Pending(kind, source, data))
        return
    try:
        stream: BinaryIO = io.BytesIO(data) if data is not None else open(source, "rb")  # noqa: SIM115
    except OSError as exc:
        error = InputError("E109", source=source, reason=exc.strerror or str(exc))
        yield Task(article_id(source), Failure.from_error("", source, error))
        return
    with stream:
        if source.lower().endswith(".gz") and kind == "jsonl":
            with gzip.GzipFile(fileobj=stream) as unzipped:
                yield from _jsonl_tasks(unzipped, source)  # type: ignore[arg-type]
        elif kind == "jsonl":
            yield from _jsonl_tasks(stream, source)
        else:
            yield from _warc_tasks(stream, source)  # warcio unzips .warc.gz itself


def dedupe(tasks: Iterable[Task]) -> Iterator[Task]:
    """Keep ids unique: a repeated id (two JSONL records sharing one) becomes an E115 failure
    under an id made from its position, so the article is reported rather than lost or merged.
    Holds every id seen in memory: about 100 bytes an article."""
    first_source: dict[str, int] = {}
    sources: list[str] = []
    for task in tasks:
        source = task_source(task)
        if task.id not in first_source:
            if not sources or sources[-1] != source:
                sources.append(source)
            first_source[task.id] = len(sources) - 1
            yield task
            continue
        yield duplicate(task, sources[first_source[task.id]])


def duplicate(task: Task, first: str) -> Task:
    """The E115 failure for a task whose id was already taken by an article of ``first``."""
    source = task_source(task)
    line = task.payload.line if isinstance(task.payload, RawArticle) else None
    error = InputError("E115", source=source, article_id=task.id, first=first)
    return Task(article_id(source, f"duplicate {task.id} line {line}"), Failure.from_error("", source, error))


def task_source(task: Task) -> str:
    """The input file a task came from."""
    return task.payload.source or "" if not isinstance(task.payload, Failure) else task.payload.source


def iter_tasks(inputs: Iterable[str]) -> Iterator[Task]:
    """Every article of the inputs, in a stable order (sorted paths, then position), streaming."""
    return dedupe(task for path in list_files(inputs) for task in file_tasks(path))


def _check_size(size: int, unit: str, source: str, max_chars: int) -> None:
    limit = max_chars * _BYTES_PER_CHAR if unit == "bytes" else max_chars
    if size > limit:
        raise InputError("E112", source=source, size=size, unit=unit, limit=limit)


def _read(pending: Pending, max_chars: int) -> RawArticle:
    source = pending.source
    data = pending.data
    if data is None:
        path = Path(source)
        if path.is_file():
            _check_size(path.stat().st_size, "bytes", source, max_chars)
        data = read_bytes(path)
    _check_size(len(data), "bytes", source, max_chars)
    if pending.kind == "html":
        from ..io.html import read_html

        raw = read_html(data, source, url=pending.url, date=pending.date)
    else:
        text = decode(data, source)
        if not text.strip():
            raise InputError("E110", source=source)
        raw = RawArticle(text=text, source=source)
    return raw


def load(task: Task, max_chars: int = MAX_CHARS) -> RawArticle | Failure:
    """The article of a task, read and checked, with the task's id; or the failure that stopped it."""
    payload = task.payload
    if isinstance(payload, Failure):
        return Failure(task.id, payload.source, payload.code, payload.message)
    try:
        raw = _read(payload, max_chars) if isinstance(payload, Pending) else payload
        source = raw.source or ""
        where = f"{source}, line {raw.line}" if raw.line is not None else source
        if not raw.text.strip():
            raise InputError("E110", source=where)
        _check_size(len(raw.text), "characters", where, max_chars)
    except InputError as exc:
        return Failure.from_error(task.id, payload.source or "", exc)
    return replace(raw, id=task.id)


def read_articles(
    inputs: Iterable[str], max_chars: int = MAX_CHARS
) -> Iterator[tuple[str, RawArticle | Failure]]:
    """``(article id, article or failure)`` for every article of the inputs, read in this process."""
    for task in iter_tasks(inputs):
        yield task.id, load(task, max_chars)
