"""The ``newsquotes`` command: thin commands over the library; the only place that prints."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .cli_corpus import add_commands as add_corpus_commands
from .cli_serve import add_command as add_serve_command
from .errors import InputError, NewsQuotesError
from .extractor import DEFAULT_MODEL, NO_MODEL_HELP, Extractor
from .io.jsonl import read_jsonl
from .io.output import to_json, to_jsonl_line, to_table
from .io.text import decode, read_bytes, read_text_file
from .model import Article, RawArticle

_JSONL_SUFFIXES = (".jsonl", ".ndjson")


def _error(message: str) -> None:
    print(f"newsquotes: error: {message}", file=sys.stderr)


def _read_input(path: str, input_format: str) -> tuple[list[RawArticle | InputError], bool]:
    """The records of one input and whether it is a single article (text) or JSON Lines."""
    if path == "-":
        source = "-"
        text = decode(sys.stdin.buffer.read(), source)
        is_jsonl = input_format == "jsonl" or (input_format == "auto" and text.lstrip().startswith("{"))
    else:
        file = Path(path)
        is_jsonl = input_format == "jsonl" or (
            input_format == "auto" and file.suffix.lower() in _JSONL_SUFFIXES
        )
        if not is_jsonl:
            return [read_text_file(file)], True
        source = str(file)
        text = decode(read_bytes(file), source)
    if is_jsonl:
        return list(read_jsonl(text, source)), False
    if not text.strip():
        raise InputError("E110", source=source)
    return [RawArticle(text=text, source=source)], True


def _extract(args: argparse.Namespace) -> int:
    fmt = args.format or ("table" if sys.stdout.isatty() else "json")
    try:
        records, single = _read_input(args.path, args.input_format)
        extractor = Extractor(args.model, use_model=not args.no_model)
    except NewsQuotesError as exc:
        _error(str(exc))
        return 2
    failures = 0
    articles: list[Article] = []
    good = [r for r in records if isinstance(r, RawArticle)]
    for record in records:
        if isinstance(record, InputError):
            failures += 1
            _error(str(record))
    for article in extractor.pipe((r.text, r.metadata()) for r in good):
        if fmt == "jsonl":
            print(to_jsonl_line(article))
        elif fmt == "table":
            print(to_table(article) + "\n")
        else:
            articles.append(article)
    if fmt == "json":
        print(to_json(articles, single=single))
    if failures:
        _error(f"{failures} of {len(records)} records failed; the others were extracted")
        return 1
    return 0


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
    extract = commands.add_parser("extract", help="extract the quotes of one article or a JSONL file")
    extract.add_argument("path", help="a UTF-8 text file, a .jsonl file, or - for standard input")
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
    evaluate.set_defaults(handler=_eval)

    add_corpus_commands(commands)  # run, spark, stats, query, db
    add_serve_command(commands)  # serve (the web extra)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.handler(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
