"""The corpus commands of ``newsquotes``: run, spark, merge, stats, query, db.

``cli.py`` adds them with :func:`add_commands`; ``python -m newsquotes.cli_corpus`` runs them
alone. Like ``cli.py`` this is the only place of the corpus layer that prints. Exit codes:
0 every article extracted, 1 some articles failed (each is a row of ``errors``), 2 nothing could
run (a missing input, an unusable output folder, a bad query, a missing extra).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from .errors import NewsQuotesError
from .extractor import DEFAULT_MODEL, NO_MODEL_HELP

_PROG = "newsquotes"


def _error(message: str) -> None:
    print(f"{_PROG}: error: {message}", file=sys.stderr)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:g}"
    text = " ".join(str(value).split())
    return text if len(text) <= 80 else text[:79] + "…"


def render_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain aligned text table with a title line."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = [f"== {title}", "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    if not rows:
        lines.append("(none)")
    return "\n".join(lines)


def _summary_line(summary: Any, out: str) -> str:
    codes = ", ".join(f"{code} x{n}" for code, n in sorted(summary.codes.items()))
    resumed = f", {summary.resumed_articles:,} resumed" if summary.resumed_articles else ""
    failed = f"{summary.errors:,} failed ({codes})" if summary.errors else "0 failed"
    stopped = "; stopped at the first failure (--strict)" if summary.stopped else ""
    if summary.interrupted:
        stopped = "; interrupted: run the same command again to resume"
    return (
        f"{summary.articles:,} articles extracted, {failed}{resumed}; {summary.quotes:,} quotes, "
        f"{summary.people:,} people; {summary.seconds:.1f} s; output in {out}{stopped}"
    )


def _run(args: argparse.Namespace) -> int:
    if args.engine == "spark":
        return _spark(args)
    try:
        from tqdm import tqdm

        from .run.local import RunSettings, run_local
        from .run.sources import iter_tasks
    except ImportError as exc:
        _error(str(exc))
        return 2
    settings = RunSettings(
        out=Path(args.out),
        fmt=args.format,
        workers=args.workers,
        strict=args.strict,
        model=args.model,
        use_model=not args.no_model,
        chunk_size=args.chunk_size,
        max_chars=args.max_chars,
        timeout=args.timeout or None,
    )
    show = sys.stderr.isatty() and not args.quiet
    warn_timeout(settings.timeout)
    previous = signal.signal(signal.SIGTERM, _interrupt)  # SIGTERM stops a run as Ctrl-C does
    try:
        total = sum(1 for _ in iter_tasks(args.inputs)) if show else None
        with tqdm(total=total, unit="article", disable=not show, smoothing=0.1, dynamic_ncols=True) as bar:
            summary = run_local(args.inputs, settings, progress=bar.update)
    except NewsQuotesError as exc:
        _error(str(exc))
        return 2
    except BrokenProcessPool:
        _error("a worker process died (out of memory?); run the same command again to resume")
        return 2
    except KeyboardInterrupt:  # before the run started
        print(f"{_PROG}: interrupted before any article was extracted", file=sys.stderr)
        return _INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)
    for failure in summary.first_failures:
        print(f"{_PROG}: {failure.article_id}: [{failure.code}] {failure.message}", file=sys.stderr)
    if summary.errors > len(summary.first_failures):
        print(f"{_PROG}: ... see the errors table for all {summary.errors:,}", file=sys.stderr)
    print(f"{_PROG}: {_summary_line(summary, args.out)}", file=sys.stderr)
    if summary.interrupted:
        return _INTERRUPTED
    return 1 if summary.errors else 0


_INTERRUPTED = 130  # what a shell reports for a command ended by Ctrl-C


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def warn_timeout(timeout: float | None) -> None:
    """Say so where --timeout cannot be enforced (no SIGALRM: Windows)."""
    if timeout and not hasattr(signal, "SIGALRM"):
        print(f"{_PROG}: warning: --timeout is not enforced on this platform (no SIGALRM)", file=sys.stderr)


def _spark(args: argparse.Namespace) -> int:
    try:
        from .run.spark import SparkSettings, run_spark
    except ImportError as exc:
        _error(str(exc))
        return 2
    settings = SparkSettings(
        out=args.out,
        fmt=args.format,
        model=args.model,
        use_model=not args.no_model,
        master=getattr(args, "master", None),
        partitions=getattr(args, "partitions", None),
        overwrite=getattr(args, "overwrite", False),
        max_chars=args.max_chars,
        timeout=args.timeout or None,
    )
    try:
        counts = run_spark(args.inputs, settings)
    except NewsQuotesError as exc:
        _error(str(exc))
        return 2
    line = ", ".join(f"{counts[t]:,} {t}" for t in ("articles", "quotes", "people", "errors"))
    print(f"{_PROG}: {line}; output in {args.out}", file=sys.stderr)
    return 1 if counts["errors"] else 0


def _warn_skipped(folder: Path) -> None:
    from .query import skipped_parts

    if folder.is_dir():
        for line in skipped_parts(folder):
            print(f"{_PROG}: warning: {line}", file=sys.stderr)


def _stats(args: argparse.Namespace) -> int:
    try:
        from .query import stats

        if args.quotations:
            from .merge.report import quotation_report

            tables = quotation_report(Path(args.dir), top=args.top)
        else:
            tables = stats(Path(args.dir), top=args.top, search=args.search)
            _warn_skipped(Path(args.dir))
    except (ImportError, NewsQuotesError) as exc:
        _error(str(exc))
        return 2
    print("\n\n".join(render_table(t.title, t.columns, t.rows) for t in tables))
    return 0


def _query(args: argparse.Namespace) -> int:
    try:
        from .query import query

        table = query(Path(args.dir), args.sql)
        _warn_skipped(Path(args.dir))
    except (ImportError, NewsQuotesError) as exc:
        _error(str(exc))
        return 2
    if args.format == "jsonl":
        for row in table.rows:
            print(json.dumps(dict(zip(table.columns, row, strict=True)), ensure_ascii=False, default=str))
    else:
        print(render_table(f"{len(table.rows):,} rows", table.columns, table.rows))
    return 0


def _db(args: argparse.Namespace) -> int:
    try:
        from .query import to_database

        counts = to_database(Path(args.dir), Path(args.out))
        _warn_skipped(Path(args.dir))
    except (ImportError, NewsQuotesError) as exc:
        _error(str(exc))
        return 2
    line = ", ".join(f"{n:,} {t}" for t, n in counts.items())
    print(f"{_PROG}: wrote {args.out}: {line}", file=sys.stderr)
    return 0


def _merge(args: argparse.Namespace) -> int:
    try:
        from .merge import MergeSettings

        settings = MergeSettings(
            near_threshold=args.near_threshold, memory_limit=args.memory_limit, threads=args.threads
        )
        if args.engine == "spark":
            from .merge.spark import merge_spark

            counts = merge_spark(args.dir, settings, master=args.master, partitions=args.partitions)
        else:
            from .merge.local import merge_local

            counts = merge_local(Path(args.dir), settings)
    except (ImportError, NewsQuotesError) as exc:
        _error(str(exc))
        return 2
    line = ", ".join(f"{n:,} {t}" for t, n in counts.items())
    print(f"{_PROG}: merged {args.dir}: {line}", file=sys.stderr)
    return 0


def _fraction(value: str) -> float:
    number = float(value)
    if not 0 < number <= 1:
        raise argparse.ArgumentTypeError(f"must be in (0, 1], got {number}")
    return number


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def _add_extraction_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="folders (walked recursively), .txt, .html/.htm, .jsonl[.gz], .warc[.gz] files",
    )
    command.add_argument(
        "--out", required=True, metavar="DIR", help="output folder (one sub-folder per table)"
    )
    command.add_argument("--format", choices=("parquet", "jsonl"), default="parquet", help="part file format")
    command.add_argument("--model", default=DEFAULT_MODEL, help="an installed spaCy pipeline")
    command.add_argument("--no-model", action="store_true", help=NO_MODEL_HELP)
    command.add_argument(
        "--max-chars",
        type=_positive,
        default=1_000_000,
        help="longer articles become E112 error rows (default: 1,000,000, spaCy's limit)",
    )
    command.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="an article taking longer becomes an E205 error row (default 60; 0: no limit)",
    )


def add_commands(subparsers: Any) -> None:
    """Add run, spark, merge, stats, query and db to the ``newsquotes`` sub-command parsers."""
    run = subparsers.add_parser("run", help="extract a corpus into Parquet tables, resumably")
    _add_extraction_options(run)
    run.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="worker processes, one pipeline each (default: all cores; 1 runs in this process)",
    )
    run.add_argument("--strict", action="store_true", help="stop at the first failed article")
    run.add_argument(
        "--chunk-size",
        type=_positive,
        default=None,
        help="articles per part file (default: 64, fewer on a small input so every worker has work)",
    )
    run.add_argument("--engine", choices=("local", "spark"), default="local", help="local processes or Spark")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.set_defaults(handler=_run)

    spark = subparsers.add_parser("spark", help="extract a corpus with PySpark (local[*], YARN, k8s...)")
    _add_extraction_options(spark)
    spark.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    spark.add_argument("--partitions", type=_positive, help="partitions to extract in (default: Spark's)")
    spark.add_argument("--overwrite", action="store_true", help="replace an existing output folder")
    spark.set_defaults(handler=_spark)

    stats = subparsers.add_parser("stats", help="counts, top speakers, gender share, quotes per day")
    stats.add_argument("dir", help="a corpus output folder")
    stats.add_argument("--top", type=_positive, default=10, help="rows per table (default 10)")
    stats.add_argument("--search", metavar="WORDS", help="also list the quotes containing WORDS")
    stats.add_argument(
        "--quotations",
        action="store_true",
        help="after `merge`: most repeated quotations, conflicting attributions, variants",
    )
    stats.set_defaults(handler=_stats)

    merge = subparsers.add_parser(
        "merge", help="merge repeated quotations across articles (tables quotations, quotation_occurrences)"
    )
    merge.add_argument("dir", help="a corpus output folder (of `run` or `spark`)")
    merge.add_argument("--engine", choices=("local", "spark"), default="local", help="DuckDB here, or Spark")
    merge.add_argument("--master", help="Spark master for --engine spark (default: local[*])")
    merge.add_argument("--partitions", type=_positive, help="Spark shuffle partitions (default: Spark's)")
    merge.add_argument(
        "--near-threshold",
        type=_fraction,
        default=0.8,
        metavar="X",
        help="least word similarity of a near match (default 0.8, see docs/corpus.md)",
    )
    merge.add_argument(
        "--memory-limit", default="1GB", help="DuckDB memory limit; it spills beyond (default 1GB)"
    )
    merge.add_argument("--threads", type=_positive, default=2, help="DuckDB threads (default 2)")
    merge.set_defaults(handler=_merge)

    query = subparsers.add_parser(
        "query", help="SQL (DuckDB) over the views articles, quotes, people, errors"
    )
    query.add_argument("dir", help="a corpus output folder")
    query.add_argument("sql", help="one SQL statement")
    query.add_argument("--format", choices=("table", "jsonl"), default="table")
    query.set_defaults(handler=_query)

    db = subparsers.add_parser("db", help="copy a corpus output folder into one DuckDB database file")
    db.add_argument("dir", help="a corpus output folder")
    db.add_argument("--out", required=True, metavar="FILE", help="the .duckdb file to write")
    db.set_defaults(handler=_db)


def main(argv: Sequence[str] | None = None) -> int:
    """The corpus commands alone: ``python -m newsquotes.cli_corpus run corpus/ --out out``."""
    parser = argparse.ArgumentParser(prog=_PROG, description="Corpus runs of newsquotes.")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    code: int = args.handler(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
