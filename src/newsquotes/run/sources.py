"""Enumerate a corpus: folders, text, HTML, JSON Lines and WARC files, as a stream of tasks.

Every article found becomes one ``Task`` with a stable id (``newsquotes.ids``: the JSONL
record's ``id``, else the file's name relative to what was named as input and the article's
position in the file), the same for ``extract``, ``run`` and ``spark`` and unchanged when the
corpus folder moves. An input that cannot be read becomes a task whose payload is already a
``Failure``, so it ends as one row of the ``errors`` table: the stream never stops on bad input.

Reading is split in two: :func:`iter_tasks` walks the inputs and parses containers (JSONL lines,
WARC records) in the main process; :func:`load` decodes text files and runs trafilatura on HTML,
in the worker that extracts the article, where the time goes.

>>> for article_id, article in read_articles(["corpus/"]):  # doctest: +SKIP
...     print(article_id, article.title)
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Literal

from ..errors import InputError, NewsQuotesError
from ..ids import article_id, common_folder, posix, relative_name
from ..io.jsonl import parse_record
from ..io.text import decode, read_bytes
from ..model import RawArticle
from ..settings import MAX_CHARS

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
    name: str = ""  # the name of the file it came from (see InputFile)


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input file: ``path`` as it is read (a local path or a URI) and ``name``, the
    "/"-separated path its ids derive from (see ``newsquotes.ids``)."""

    path: str
    name: str


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


def list_inputs(inputs: Iterable[str]) -> list[InputFile]:
    """Every input file, sorted by path, each once, with its name for ids. Folders are walked
    recursively for known suffixes; a named file or folder that does not exist, or a named file
    of unknown type, raises ``InputError`` (E101, E116) before anything runs. A file both named
    and inside a named folder takes its name from the folder (the deepest one named).

    Inputs are checked in the order given, so the first missing one is the one reported."""
    folders: list[str] = []
    named: list[str] = []
    for given in inputs:
        path = os.path.abspath(given)
        if os.path.isdir(path):
            folders.append(path)
        elif not os.path.exists(path):
            raise InputError("E101", source=given)
        elif file_kind(path) is None:
            raise InputError("E116", source=given)
        else:
            named.append(path)
    in_folders: dict[str, str] = {}
    # the deepest folder first: a folder named inside another names its own files (as on Spark)
    for folder in sorted(dict.fromkeys(folders), key=len, reverse=True):
        for root, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if not _hidden(d)]
            for file in files:
                if not _hidden(file) and file_kind(file) is not None:
                    full = os.path.join(root, file)
                    in_folders.setdefault(full, posix(os.path.relpath(full, folder)))
    return [InputFile(path, name) for path, name in sorted(name_inputs(in_folders, named).items())]


def name_inputs(in_folders: dict[str, str], named: Iterable[str]) -> dict[str, str]:
    """The name of every input file: ``in_folders`` maps files found in a named folder to their
    path inside it; files ``named`` directly are named relative to their common folder."""
    names = dict(in_folders)
    direct = [path for path in dict.fromkeys(named) if path not in names]
    base = common_folder([posix(path) for path in direct])
    names.update((path, relative_name(posix(path), base)) for path in direct)
    return names


def list_files(inputs: Iterable[str]) -> list[str]:
    """The absolute paths of every input file, sorted, each once (see ``list_inputs``)."""
    return [file.path for file in list_inputs(inputs)]


def _jsonl_tasks(stream: BinaryIO, source: str, name: str) -> Iterator[Task]:
    number = 0
    try:
        for number, raw_line in enumerate(stream, start=1):
            if not raw_line.strip():
                continue
            position = article_id(name, number)
            try:
                line = raw_line.decode("utf-8").removeprefix("\ufeff")
                record = parse_record(line, number, source)
            except UnicodeDecodeError as exc:
                error = InputError("E104", source=source, line=number, offset=exc.start, reason=exc.reason)
                yield Task(position, Failure.from_error("", source, error), name)
                continue
            except InputError as exc:
                yield Task(position, Failure.from_error("", source, exc), name)
                continue
            yield Task(record.id or position, record, name)
    except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as exc:
        reason = str(exc) or type(exc).__name__
        error = InputError("E114", source=source, position=f"line {number}", reason=reason)
        yield Task(article_id(name, number, "gzip"), Failure.from_error("", source, error), name)


def _warc_tasks(stream: BinaryIO, source: str, name: str) -> Iterator[Task]:
    try:
        from ..io.warc import iter_warc
    except ImportError as exc:
        error = InputError("E130", source=source, reason=str(exc))
        yield Task(article_id(name), Failure.from_error("", source, error), name)
        return

    offset = 0
    for page in iter_warc(stream, source):
        if isinstance(page, InputError):
            yield Task(article_id(name, offset, "error"), Failure.from_error("", source, page), name)
        else:
            offset = page.offset
            yield Task(
                article_id(name, page.offset),
                Pending("html", source, page.payload, url=page.url, date=page.date),
                name,
            )


def file_tasks(
    source: str, data: bytes | None = None, *, name: str | None = None, kind: FileKind | None = None
) -> Iterator[Task]:
    """The tasks of one file, read from ``data`` if given (Spark, standard input) or else from
    the local path. ``name`` is the file's name for ids (default: its file name); ``kind``
    overrides what its suffix says."""
    name = name or posix(source).rsplit("/", 1)[-1]
    kind = kind or file_kind(source)
    if kind in ("text", "html") or kind is None:
        yield Task(article_id(name), Pending(kind or "text", source, data), name)
        return
    try:
        stream: BinaryIO = io.BytesIO(data) if data is not None else open(source, "rb")  # noqa: SIM115
    except OSError as exc:
        error = InputError("E109", source=source, reason=exc.strerror or str(exc))
        yield Task(article_id(name), Failure.from_error("", source, error), name)
        return
    with stream:
        if kind == "jsonl" and (source.lower().endswith(".gz") or (source == "-" and _gzipped(stream))):
            with gzip.GzipFile(fileobj=stream) as unzipped:
                yield from _jsonl_tasks(unzipped, source, name)  # type: ignore[arg-type]
        elif kind == "jsonl":
            yield from _jsonl_tasks(stream, source, name)
        else:
            yield from _warc_tasks(stream, source, name)  # warcio unzips .warc.gz itself


def _gzipped(stream: BinaryIO) -> bool:
    # standard input has no name to say so: look at the magic number
    head = stream.read(2)
    stream.seek(0)
    return head == b"\x1f\x8b"


def file_tasks_of(files: Iterable[InputFile]) -> Iterator[Task]:
    """The tasks of every input file in turn, ids unique (see ``dedupe``)."""
    return dedupe(task for file in files for task in file_tasks(file.path, name=file.name))


def dedupe(tasks: Iterable[Task]) -> Iterator[Task]:
    """Keep ids unique: a repeated id (two JSONL records sharing one) becomes an E115 failure
    under an id made from its position, so the article is reported rather than lost or merged.
    A file whose id from its name is taken (``x.html`` after ``x.txt``) takes its whole name,
    suffix and all (see ``renamed``). Holds every id seen in memory: about 100 bytes an article."""
    first_source: dict[str, int] = {}
    sources: list[str] = []
    for task in tasks:
        if task.id in first_source:
            task = renamed(task)
        source = task_source(task)
        if task.id not in first_source:
            if not sources or sources[-1] != source:
                sources.append(source)
            first_source[task.id] = len(sources) - 1
            yield task
            continue
        yield duplicate(task, sources[first_source[task.id]])


def renamed(task: Task) -> Task:
    """A whole-file task under its full name (``x.html``) when its id from the name (``x``) is
    taken; any other task as it is."""
    whole_file = not isinstance(task.payload, RawArticle) or task.payload.line is None
    if whole_file and task.name and task.id == article_id(task.name) != task.name:
        return replace(task, id=task.name)
    return task


def duplicate(task: Task, first: str) -> Task:
    """The E115 failure for a task whose id was already taken by an article of ``first``."""
    source = task_source(task)
    line = task.payload.line if isinstance(task.payload, RawArticle) else None
    error = InputError("E115", source=source, article_id=task.id, first=first)
    # the duplicate's own place: its file (suffix kept: x.txt and x.html share the id x) and line
    place = task.name + ("" if line is None else f":{line}")
    return Task(f"{place}:duplicate", Failure.from_error("", source, error), task.name)


def task_source(task: Task) -> str:
    """The input file a task came from."""
    return task.payload.source or "" if not isinstance(task.payload, Failure) else task.payload.source


def iter_tasks(inputs: Iterable[str]) -> Iterator[Task]:
    """Every article of the inputs, in a stable order (sorted paths, then position), streaming."""
    return file_tasks_of(list_inputs(inputs))


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
        try:
            from ..io.html import read_html
        except ImportError as exc:
            raise InputError("E130", source=source, reason=str(exc)) from exc
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
