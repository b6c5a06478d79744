"""Read one article from a plain-text file or from bytes, with clear errors for bad input."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import RawArticle

_SNIFF = 8192


def decode(data: bytes, source: str) -> str:
    """UTF-8 text from ``data``; binary data or bad bytes raise with the line and offset."""
    nul = data.find(b"\x00", 0, _SNIFF)
    if nul >= 0:
        raise InputError("E103", source=source, offset=nul)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError("E104", source=source, line=line, offset=exc.start, reason=exc.reason) from exc
    return text.removeprefix("\ufeff")


def read_bytes(path: Path) -> bytes:
    source = str(path)
    if not path.exists():
        raise InputError("E101", source=source)
    if path.is_dir():
        raise InputError("E102", source=source)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError("E109", source=source, reason=exc.strerror or str(exc)) from exc


def read_text_file(path: Path) -> RawArticle:
    """One article from a UTF-8 text file; its id is the file name without the extension."""
    source = str(path)
    text = decode(read_bytes(path), source)
    if not text.strip():
        raise InputError("E110", source=source)
    return RawArticle(text=text, id=path.stem, source=source)
