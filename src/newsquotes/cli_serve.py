"""The ``serve`` command of ``newsquotes``: the web view of one article or a corpus.

The web stack is an extra (``newsquotes[web]``) imported only when the command runs, so the
other commands work without it. Like ``cli.py`` this is the only place of its layer that prints.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .errors import NewsQuotesError, ServeError
from .extractor import DEFAULT_MODEL, NO_MODEL_HELP

_PROG = "newsquotes"
_MB = 1024 * 1024


def _error(message: str) -> None:
    print(f"{_PROG}: error: {message}", file=sys.stderr)


def _serve(args: argparse.Namespace) -> int:
    try:
        from .web import ServeSettings, create_app
        from .web.server import is_loopback, listen, serve, url_of
    except ImportError as exc:
        _error(str(ServeError("E401", reason=str(exc))))
        return 2
    settings = ServeSettings(
        corpus=Path(args.dir) if args.dir else None,
        model=args.model,
        use_model=not args.no_model,
        max_body=args.max_body,
        max_chars=args.max_chars,
    )
    try:
        sock = listen(args.host, args.port)
    except NewsQuotesError as exc:
        _error(str(exc))
        return 2
    with sock:
        try:
            app = create_app(settings)
        except NewsQuotesError as exc:
            _error(str(exc))
            return 2
        if not is_loopback(args.host):
            warning = f"listening on {args.host}: anyone who can reach this address can use the server"
            print(f"{_PROG}: warning: {warning}", file=sys.stderr)
        served = f"corpus {settings.corpus}" if settings.corpus else "no corpus"
        print(f"{_PROG}: serving {served} on {url_of(sock)} (Ctrl-C to stop)", flush=True)
        serve(app, sock)
    return 0


def _bytes(value: str) -> int:
    number = int(value)
    if number < 1024:
        raise argparse.ArgumentTypeError(f"must be at least 1024 bytes, got {number}")
    return number


def add_command(subparsers: Any) -> None:
    """Add ``serve`` to the ``newsquotes`` sub-command parsers."""
    serve = subparsers.add_parser("serve", help="a web view with highlighted quotes, and a JSON API")
    serve.add_argument("dir", nargs="?", help="a `newsquotes run` output folder to browse (optional)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000; 0: any free port)")
    serve.add_argument("--model", default=DEFAULT_MODEL, help="an installed spaCy pipeline")
    serve.add_argument("--no-model", action="store_true", help=NO_MODEL_HELP)
    serve.add_argument(
        "--max-body",
        type=_bytes,
        default=2 * _MB,
        metavar="BYTES",
        help="largest request body accepted; larger ones get 413 (default 2 MiB)",
    )
    serve.add_argument(
        "--max-chars",
        type=int,
        default=1_000_000,
        help="longest article text extracted; longer ones get 413 (default 1,000,000)",
    )
    serve.set_defaults(handler=_serve)
