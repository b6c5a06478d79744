"""Read a news article from an HTML page: trafilatura finds the main text and its metadata.

The extracted text is what the quotes' offsets refer to; the corpus runner stores it in the
``articles`` table so every span can be checked. Needs ``pip install 'newsquotes[corpus]'``.
"""

from __future__ import annotations

import logging

from ..errors import InputError
from ..model import RawArticle

try:
    import trafilatura
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError("reading HTML needs trafilatura: pip install 'newsquotes[corpus]'") from exc

_SNIFF = 8192
# trafilatura logs a warning for every page it finds empty; the corpus records an error row instead.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def read_html(
    data: bytes, source: str, *, id: str | None = None, url: str | None = None, date: str | None = None
) -> RawArticle:
    """The main text of one HTML page with its title, date and URL.

    ``url`` and ``date`` (from a WARC record) are used where the page itself has none.
    Raises ``InputError``: E110 for an empty page, E103 for binary data, E111 when trafilatura
    finds no main text.
    """
    if not data.strip():
        raise InputError("E110", source=source)
    nul = data.find(b"\x00", 0, _SNIFF)
    if nul >= 0:
        raise InputError("E103", source=source, offset=nul)
    try:
        document = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
        )
    except (ValueError, TypeError, AttributeError) as exc:  # lxml's and trafilatura's parse failures
        raise InputError("E111", source=source, reason=f"{type(exc).__name__}: {exc}") from exc
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputError("E111", source=source, reason="trafilatura found no article body")
    return RawArticle(
        text=text,
        id=id,
        source=source,
        title=getattr(document, "title", None) or None,
        date=getattr(document, "date", None) or date,
        url=getattr(document, "url", None) or url,
    )
