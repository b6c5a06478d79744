"""The ``newsquotes`` command: thin commands over the library; the only place that prints."""

from __future__ import annotations

import argparse
import glob
import itertools
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from .across import complete_names
from .cli_corpus import add_commands as add_corpus_commands
from .cli_corpus import warn_timeout
from .cli_serve import add_command as add_serve_command
from .errors import InputError, NewsQuotesError
from .extractor import DEFAULT_MODEL, NO_MODEL_HELP, Extractor
from .ids import text_id
from .io.output import to_json, to_jsonl_line, to_table
from .io.text import decode
from .model import Article, RawArticle
from .run.guard import extract_all
from .run.sources import MAX_CHARS, Failure, FileKind, Task, dedupe, file_kind, file_tasks, load, name_inputs

_GROUP = 64  # records read and extracted together: output streams, memory stays flat
_GLOB = frozenset("*?[")


def _error(message: str) -> None:
    print(f"newsquotes: error: {message}", file=sys.stderr)


def _input_files(paths: Sequence[str]) -> list[str]:
    """The files to read, in the order given; shell patterns the shell left alone (Windows)
    are expanded here. Raises ``InputError`` E101/E102 before anything is extracted."""
    files: list[str] = []
    for given in paths:
        if given != "-" and not os.path.exists(given) and _GLOB & set(given):
            files.extend(sorted(glob.glob(given)) or [given])
        else:
            files.append(given)
    for given in files:
        if given == "-":
            continue
        if not os.path.exists(given):
            raise InputError("E101", source=given)
        if os.path.isdir(given):
            raise InputError("E102", source=given)
    return files


def _tasks(files: Sequence[str], input_format: str) -> Iterator[Task]:
    """The records of every input, read as ``run`` reads them (same ids, same errors)."""
    kinds: dict[str, FileKind] = {"text": "text", "jsonl": "jsonl"}
    named = [os.path.abspath(f) for f in files if f != "-"]
    names = name_inputs({}, named)
    for given in files:
        if given == "-":
            data = sys.stdin.buffer.read()
            jsonl = input_format == "jsonl" or (
                input_format == "auto" and data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
            )
            if jsonl:
                yield from file_tasks("-", data, name="stdin", kind="jsonl")
            else:
                # no file to name it after: the id is the hash of the text, as in the library
                try:
                    text = decode(data, "-")
                except InputError as exc:
                    yield Task("stdin", Failure.from_error("", "-", exc), "-")
                else:
                    yield Task(text_id(text), RawArticle(text=text, source="-"), "-")
            continue
        path = os.path.abspath(given)
        kind = kinds.get(input_format) or file_kind(path) or "text"
        yield from file_tasks(given, name=names[path], kind=kind)


def _read(files: Sequence[str], input_format: str, max_chars: int) -> Iterator[RawArticle | Failure]:
    for task in dedupe(_tasks(files, input_format)):
        yield load(task, max_chars)


def _extract(args: argparse.Namespace) -> int:
    fmt = args.format or ("table" if sys.stdout.isatty() else "json")
    warn_timeout(args.timeout)
    try:
        files = _input_files(args.paths)
        extractor = Extractor(args.model, use_model=not args.no_model)
        records = _read(files, args.input_format, args.max_chars)
        group = list(itertools.islice(records, _GROUP))
    except NewsQuotesError as exc:
        _error(str(exc))
        return 2
    # one text or HTML article prints one object, anything else an array
    single = (
        len(files) == 1 and len(group) == 1 and isinstance(group[0], RawArticle) and group[0].line is None
    )
    failures = total = 0
    articles: list[Article] = []
    while group:
        total += len(group)
        raws = [r for r in group if isinstance(r, RawArticle)]
        extracted = extract_all(extractor, raws, batch_size=8, timeout=args.timeout or None)
        if not args.names_per_article and fmt != "json":
            extracted = _complete(extracted)
        results = iter(extracted)
        for item in group:
            result = next(results) if isinstance(item, RawArticle) else item
            if isinstance(result, Failure):
                failures += 1
                _error(f"[{result.code}] {result.message}")
            elif fmt == "jsonl":
                print(to_jsonl_line(result), flush=True)
            elif fmt == "table":
                print(to_table(result) + "\n", flush=True)
            else:
                articles.append(result)
        group = list(itertools.islice(records, _GROUP))
    if failures == total and total:
        return 2  # nothing could be extracted
    if fmt == "json":
        if not args.names_per_article:
            articles = complete_names(articles)
        print(to_json(articles, single=single))
    if failures:
        _error(f"{failures} of {total} records failed; the others were extracted")
        return 1
    return 0


def _complete(results: Sequence[Article | Failure]) -> list[Article | Failure]:
    """``results`` with speaker names completed across the articles among them."""
    completed = iter(complete_names([r for r in results if isinstance(r, Article)]))
    return [r if isinstance(r, Failure) else next(completed) for r in results]


PER_ARTICLE_HELP = (
    "give each article's speakers only the names it contains itself (default: a surname takes the "
    "full name that dominates among the other articles of the run, 'Obama' -> 'Barack Obama')"
)
_BY = {"type": None, "publisher": "publisher", "mention": "mention_kind"}


def _eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, render_report, write_error_report

    try:
        extractor = None if args.pred else Extractor(args.model, use_model=not args.no_model)
        report = evaluate(
            Path(args.gold),
            predictions=Path(args.pred) if args.pred else None,
            extractor=extractor,
            by=_BY[args.by],
            canonical=Path(args.canonical) if args.canonical else None,
            names_across=not args.names_per_article,
        )
    except NewsQuotesError as exc:
        _error(str(exc))
        return 2
    print(render_report(report, args.format))
    if args.errors:
        try:
            write_error_report(report, Path(args.errors))
        except OSError as exc:
            _error(f"cannot write the error report {args.errors}: {exc.strerror or exc}")
            return 2
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsquotes", description="Who said what in the news.")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser(
        "extract", help="extract the quotes of articles: text, HTML or JSON Lines files, or stdin"
    )
    extract.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="UTF-8 text, .html/.htm, .jsonl[.gz] files (or shell patterns), or - for standard input",
    )
    extract.add_argument(
        "--format",
        choices=("table", "json", "jsonl"),
        help="output format (default: table on a terminal, else json)",
    )
    extract.add_argument("--model", default=DEFAULT_MODEL, help="an installed spaCy pipeline")
    extract.add_argument("--no-model", action="store_true", help=NO_MODEL_HELP)
    extract.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="how to read PATH (default: by extension; stdin: JSONL if it starts with '{')",
    )
    extract.add_argument(
        "--max-chars",
        type=int,
        default=MAX_CHARS,
        help="longer articles are E112 errors (default: 1,000,000, spaCy's limit)",
    )
    extract.add_argument(
        "--timeout",
        type=float,
        default=0,
        metavar="SECONDS",
        help="an article taking longer is an E205 error (default 0: no limit)",
    )
    extract.add_argument("--names-per-article", action="store_true", help=PER_ARTICLE_HELP)
    extract.set_defaults(handler=_extract)

    evaluate = commands.add_parser("eval", help="score the extractor (or saved predictions) against gold")
    evaluate.add_argument(
        "gold", help="a PolNeAR split folder, a newsquotes gold JSON file, or a folder of them"
    )
    evaluate.add_argument("--pred", help="saved predictions (extract --format jsonl) instead of running")
    evaluate.add_argument("--format", choices=("table", "json"), default="table")
    evaluate.add_argument(
        "--by",
        choices=tuple(_BY),
        default="type",
        help="breakdown beside the by-type table (default: type only)",
    )
    evaluate.add_argument(
        "--errors", metavar="FILE", help="write every miss and false positive, by kind, as JSON"
    )
    evaluate.add_argument("--canonical", help="canonical speakers folder (default: ../canonical/<split>)")
    evaluate.add_argument("--model", default=DEFAULT_MODEL, help="an installed spaCy pipeline")
    evaluate.add_argument("--no-model", action="store_true", help=NO_MODEL_HELP)
    evaluate.add_argument("--names-per-article", action="store_true", help=PER_ARTICLE_HELP)
    evaluate.set_defaults(handler=_eval)

    add_corpus_commands(commands)  # run, spark, stats, query, db
    add_serve_command(commands)  # serve (the web extra)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.handler(args)
    except BrokenPipeError:
        # the reader went away (`| head`): stop quietly, and keep Python from complaining again
        # when it flushes stdout at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
