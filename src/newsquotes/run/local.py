"""Run the extractor over a corpus on one machine: worker processes, atomic parts, resume.

The stream of tasks (see ``sources``) is cut into numbered chunks of ``chunk_size`` articles.
A worker extracts one chunk and writes one part file per table (``articles/part-000042.parquet``
and so on), each atomically, then a marker ``_done/part-000042.json`` with its counts. A chunk
is complete exactly when its marker exists, so a run killed at any moment and started again
with the same command skips the complete chunks and redoes the others, overwriting any part
they had left: every article ends as exactly one row of ``articles`` or ``errors``.

>>> summary = run_local(["corpus/"], RunSettings(out=Path("out")))  # doctest: +SKIP
>>> summary.articles, summary.errors
(1998, 2)
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import itertools
import json
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import StorageError
from ..extractor import Extractor
from ..io.parquet import (
    SUFFIX,
    TABLES,
    OutputFormat,
    Row,
    add_article,
    error_row,
    write_atomic,
    write_part,
)
from ..model import RawArticle
from ..settings import ExtractionSettings
from .guard import extract_all
from .lock import FolderLock
from .sources import Failure, InputFile, Task, file_tasks_of, list_inputs, load

_LAYOUT_VERSION = 2  # 2: ids from names relative to the inputs (newsquotes.ids), not path hashes
_DONE = "_done"
_RUN_FILE = "_run.json"


def default_workers() -> int:
    return os.cpu_count() or 1


@dataclass(frozen=True, slots=True, kw_only=True)
class RunSettings(ExtractionSettings):
    """How to run: one frozen object, passed to every worker; the extraction settings it
    shares with ``SparkSettings`` come from ``ExtractionSettings``.

    ``workers`` 1 or less runs in this process. ``chunk_size`` articles make one part file of
    each table; it is part of the run's identity (changing it means a new output folder).
    None chooses it from the input (``auto_chunk_size``).
    """

    out: Path
    workers: int = field(default_factory=default_workers)
    strict: bool = False
    chunk_size: int | None = None


MAX_CHUNK = 64
_CHUNKS_AT_LEAST = 32  # so up to 16 workers have two chunks each, even on a small input


def auto_chunk_size(tasks: Iterable[Task]) -> int:
    """The chunk size for an input: 64 articles, or fewer for a small input, so that it makes
    at least 32 chunks and every worker has work (300 articles: 10 a chunk, not 5 chunks of 64).
    It depends on the input alone, never on ``workers``, so a resume finds the same chunks.
    Reads at most 32 x 64 tasks."""
    limit = MAX_CHUNK * _CHUNKS_AT_LEAST
    count = sum(1 for _ in itertools.islice(tasks, limit))
    return max(1, min(MAX_CHUNK, -(-count // _CHUNKS_AT_LEAST)))


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """What one chunk wrote."""

    index: int
    articles: int
    quotes: int
    people: int
    failures: tuple[Failure, ...]


@dataclass(slots=True)
class RunSummary:
    """Counts for the whole output folder, this run's and those of chunks done before."""

    articles: int = 0
    quotes: int = 0
    people: int = 0
    errors: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    first_failures: list[Failure] = field(default_factory=list)
    chunks: int = 0
    resumed_chunks: int = 0
    resumed_articles: int = 0
    stopped: bool = False  # --strict stopped the run at a failure
    interrupted: bool = False  # Ctrl-C (or SIGTERM through the CLI): the rest is left to resume
    seconds: float = 0.0

    def add(self, result: ChunkResult, *, keep: int = 10) -> None:
        self.chunks += 1
        self.articles += result.articles
        self.quotes += result.quotes
        self.people += result.people
        self.errors += len(result.failures)
        self.codes.update(f.code for f in result.failures)
        room = keep - len(self.first_failures)
        self.first_failures.extend(result.failures[: max(room, 0)])


# --- one chunk -----------------------------------------------------------------------------


def _part(out: Path, table: str, index: int, fmt: OutputFormat) -> Path:
    return out / table / f"part-{index:06d}{SUFFIX[fmt]}"


def _marker(out: Path, index: int) -> Path:
    return out / _DONE / f"part-{index:06d}.json"


def process_chunk(
    index: int, tasks: Sequence[Task], settings: RunSettings, extractor: Extractor
) -> ChunkResult:
    """Read, extract and write one chunk; the marker is written last, after every part."""
    out, fmt = settings.out, settings.fmt
    loaded = [load(task, settings.max_chars) for task in tasks]
    raws = [item for item in loaded if isinstance(item, RawArticle)]
    extracted = iter(extract_all(extractor, raws, settings.batch_size, settings.timeout))
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    failures: list[Failure] = []
    for item in loaded:
        result = next(extracted) if isinstance(item, RawArticle) else item
        if isinstance(result, Failure):
            failures.append(result)
            tables["errors"].append(error_row(result.article_id, result.source, result.code, result.message))
        else:
            add_article(tables, result)
    for name, rows in tables.items():
        write_part(_part(out, name, index, fmt), name, rows, fmt)
    chunk = ChunkResult(
        index, len(tables["articles"]), len(tables["quotes"]), len(tables["people"]), tuple(failures)
    )
    record = asdict(chunk)
    record["failures"] = [asdict(f) for f in failures]
    data = json.dumps(record, ensure_ascii=False).encode("utf-8")
    write_atomic(_marker(out, index), lambda file: file.write(data))
    return chunk


# --- worker processes ----------------------------------------------------------------------

# One pipeline per worker process, loaded once by the pool's initializer: module state is the
# only way a ProcessPoolExecutor task can reach what its initializer built.
_worker_extractor: Extractor | None = None


def _init_worker(model: str, use_model: bool, parent: int) -> None:
    global _worker_extractor
    _die_with(parent)
    # Ctrl-C reaches the whole process group; the parent alone decides, and stops the workers
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_extractor = Extractor(model, use_model=use_model)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with(parent: int) -> None:
    """End this worker when the parent process ends, however it ends (even ``kill -9``), so no
    worker runs on, or idles holding its pipeline, as an orphan."""
    if sys.platform.startswith("linux"):
        # the kernel's own guarantee: SIGKILL when the parent dies, even while this process
        # is deep in C code holding the GIL
        with contextlib.suppress(OSError, AttributeError):  # a libc without prctl: the thread below
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL))
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    # Everywhere (macOS, Windows too): a thread that waits on the parent's process handle
    watched = multiprocessing.parent_process()
    if watched is not None:
        threading.Thread(target=_exit_after, args=(watched.sentinel,), daemon=True).start()


def _exit_after(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _work(index: int, tasks: list[Task], settings: RunSettings) -> ChunkResult:
    if _worker_extractor is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("worker used before its initializer ran")
    return process_chunk(index, tasks, settings, _worker_extractor)


# --- the output folder ---------------------------------------------------------------------


def fingerprint(files: Sequence[InputFile], settings: RunSettings) -> dict[str, Any]:
    """What makes two runs the same run: the input files (name, size, mtime: the names the ids
    come from, so a moved corpus resumes) and the settings that decide chunk boundaries and
    content. Workers and --strict may change between resumes."""
    digest = hashlib.sha1()
    for file in files:
        stat = os.stat(file.path)
        digest.update(f"{file.name}\x00{stat.st_size}\x00{stat.st_mtime_ns}\n".encode())
    return {
        "layout": _LAYOUT_VERSION,
        "files": len(files),
        "files_sha1": digest.hexdigest(),
        "chunk_size": settings.chunk_size or auto_chunk_size(file_tasks_of(files)),  # as run_local
        **settings.fingerprint(),
    }


def prepare_output(files: Sequence[InputFile], settings: RunSettings) -> dict[int, ChunkResult]:
    """Create or reopen the output folder; return the chunks already complete.

    Raises ``StorageError`` E302 when the folder holds a different run, E301 when it or one of
    its table folders cannot be written (found here, not after the first chunk's work).
    Temporary files a killed run left behind are removed. The caller holds the folder's lock.
    """
    out = settings.out
    identity = fingerprint(files, settings)
    run_file = out / _RUN_FILE
    try:
        for name in (*TABLES, _DONE):
            (out / name).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError("E301", source=str(out), reason=exc.strerror or str(exc)) from exc
    if run_file.exists():
        try:
            previous = json.loads(run_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StorageError("E302", source=str(out), reason=f"{_RUN_FILE} unreadable: {exc}") from exc
        changed = [
            f"{key} was {json.dumps(previous.get(key))}, now {json.dumps(identity[key])}"
            for key in identity
            if previous.get(key) != identity[key]
        ]
        if changed:
            raise StorageError("E302", source=str(out), reason="; ".join(changed))
    else:
        data = json.dumps(identity, indent=2).encode("utf-8")
        write_atomic(run_file, lambda file: file.write(data))
    for name in (*TABLES, _DONE):
        folder = out / name
        try:
            for temporary in folder.glob(".*.tmp"):
                temporary.unlink()
        except OSError as exc:
            raise StorageError("E301", source=str(folder), reason=exc.strerror or str(exc)) from exc
        # every part is written here later: find a folder that refuses writes now
        write_atomic(folder / ".probe", lambda file: file.write(b""))
        (folder / ".probe").unlink()
    return completed_chunks(out)


def completed_chunks(out: Path) -> dict[int, ChunkResult]:
    """The chunks whose marker exists, read back from their markers."""
    done: dict[int, ChunkResult] = {}
    for marker in (out / _DONE).glob("part-*.json"):
        record = json.loads(marker.read_text(encoding="utf-8"))
        failures = tuple(Failure(**f) for f in record["failures"])
        done[record["index"]] = ChunkResult(
            record["index"], record["articles"], record["quotes"], record["people"], failures
        )
    return done


# --- the run -------------------------------------------------------------------------------


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[tuple[int, list[Task]]]:
    iterator = iter(tasks)
    for index in itertools.count():
        chunk = list(itertools.islice(iterator, size))
        if not chunk:
            return
        yield index, chunk


def run_local(
    inputs: Iterable[str],
    settings: RunSettings,
    *,
    progress: Callable[[int], None] | None = None,
    extractor: Extractor | None = None,
) -> RunSummary:
    """Extract every article of ``inputs`` into ``settings.out``, resuming what a previous run
    of the same command completed. ``progress`` is called with each chunk's article count.
    ``extractor`` (in-process runs only) reuses a loaded pipeline.

    Raises ``InputError`` for a missing or unsupported input and ``StorageError`` for an output
    folder that cannot be used, before extracting anything; bad articles never raise.
    """
    started = time.perf_counter()
    files = list_inputs(inputs)
    try:
        settings.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError("E301", source=str(settings.out), reason=exc.strerror or str(exc)) from exc
    with FolderLock(settings.out):
        return _run_locked(files, settings, progress, extractor, started)


def _run_locked(
    files: list[InputFile],
    settings: RunSettings,
    progress: Callable[[int], None] | None,
    extractor: Extractor | None,
    started: float,
) -> RunSummary:
    if settings.chunk_size is None:
        settings = replace(settings, chunk_size=auto_chunk_size(file_tasks_of(files)))
    done = prepare_output(files, settings)
    summary = RunSummary()
    report = progress or (lambda n: None)
    pending: Iterator[tuple[int, list[Task]]] = _chunks(
        file_tasks_of(files), settings.chunk_size or MAX_CHUNK
    )

    def todo() -> Iterator[tuple[int, list[Task]]]:
        for index, tasks in pending:
            if index in done:
                summary.add(done[index])
                summary.resumed_chunks += 1
                summary.resumed_articles += len(tasks)
                report(len(tasks))
            else:
                yield index, tasks

    def finish(result: ChunkResult) -> bool:
        summary.add(result)
        report(result.articles + len(result.failures))
        return settings.strict and bool(result.failures)

    if settings.workers <= 1:
        own = extractor or Extractor(settings.model, use_model=settings.use_model)
        try:
            for index, tasks in todo():
                if finish(process_chunk(index, tasks, settings, own)):
                    summary.stopped = True
                    break
        except KeyboardInterrupt:
            # the chunk in hand has no marker, so a rerun redoes it: nothing is lost
            summary.interrupted = True
    else:
        _run_pool(todo(), settings, finish, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def _run_pool(
    todo: Iterator[tuple[int, list[Task]]],
    settings: RunSettings,
    finish: Callable[[ChunkResult], bool],
    summary: RunSummary,
) -> None:
    # spawn, not fork: a forked copy of a process holding spaCy and threads is not safe, and spawn
    # behaves the same on Linux, macOS and Windows. At most two chunks per worker are in flight,
    # so memory stays flat however long the corpus is.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        settings.workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(settings.model, settings.use_model, os.getpid()),
    ) as pool:
        try:
            _feed(pool, todo, settings, finish, summary)
        except KeyboardInterrupt:
            summary.interrupted = True
            _stop_workers(pool)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    # Stop now rather than wait for the chunks in flight: they have no marker yet, so a rerun
    # redoes them. The executor has no public way to end its processes before Python 3.14.
    pool.shutdown(wait=False, cancel_futures=True)
    processes: dict[int, Any] = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.terminate()
    for process in list(processes.values()):
        process.join(timeout=10)


def _feed(
    pool: ProcessPoolExecutor,
    todo: Iterator[tuple[int, list[Task]]],
    settings: RunSettings,
    finish: Callable[[ChunkResult], bool],
    summary: RunSummary,
) -> None:
    limit = settings.workers * 2
    running: set[Future[ChunkResult]] = set()
    exhausted = False
    while running or not exhausted:
        while not exhausted and len(running) < limit:
            item = next(todo, None)
            if item is None:
                exhausted = True
            else:
                running.add(pool.submit(_work, item[0], item[1], settings))
        if not running:
            break
        finished, running = wait(running, return_when=FIRST_COMPLETED)
        for future in finished:
            if finish(future.result()) and not summary.stopped:
                summary.stopped = True
                exhausted = True
                for other in running:
                    other.cancel()
        if summary.stopped:
            # chunks already running finish and are recorded; cancelled ones stay to do
            for future in wait(running).done:
                if not future.cancelled():
                    finish(future.result())
            running = set()
