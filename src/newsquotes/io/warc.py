"""Read the HTML pages of a WARC file (``.warc`` or ``.warc.gz``), streaming, with warcio.

Only ``response`` records whose HTTP Content-Type is HTML are articles; requests, metadata,
images and the like are skipped. Each page keeps the byte offset of its record, which makes a
stable article id. Needs ``pip install 'newsquotes[corpus]'``.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..errors import InputError

try:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError("reading WARC files needs warcio: pip install 'newsquotes[corpus]'") from exc

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One HTML response of a WARC file, not parsed yet."""

    offset: int
    url: str | None
    date: str | None
    payload: bytes


def _is_html(record: object) -> bool:
    http = getattr(record, "http_headers", None)
    if http is None:
        return False
    content_type = (http.get_header("Content-Type") or "").lower()
    return content_type.startswith(_HTML_TYPES)


def iter_warc(stream: BinaryIO, source: str) -> Iterator[WarcPage | InputError]:
    """Each HTML page of a WARC stream. A damaged record ends the file with one ``InputError``
    (E113, or E114 for broken gzip) giving the offset where reading stopped; pages before it stand.
    """
    iterator = ArchiveIterator(stream)
    offset = 0
    try:
        for record in iterator:
            if record.format != "warc":  # warcio reads garbage as an old ARC header: not ours
                raise ArchiveLoadFailed(f"not a WARC record (read as {record.format})")
            html = record.rec_type == "response" and _is_html(record)
            # read the payload first: asking the offset reads the record to its end
            payload = record.content_stream().read() if html else b""
            offset = iterator.get_record_offset()
            if not html:
                continue
            date = record.rec_headers.get_header("WARC-Date")
            yield WarcPage(
                offset=offset,
                url=record.rec_headers.get_header("WARC-Target-URI"),
                date=date[:10] if date else None,
                payload=payload,
            )
    except (EOFError, zlib.error) as exc:
        reason = str(exc) or type(exc).__name__
        yield InputError("E114", source=source, position=f"the record at byte {offset}", reason=reason)
    except (ArchiveLoadFailed, Exception) as exc:
        text = str(exc).strip()
        reason = f"{type(exc).__name__}: {text.splitlines()[0]}" if text else type(exc).__name__
        yield InputError("E113", source=source, offset=offset, reason=reason)
