"""Quotes as merge units: the text a quotation is matched on, its key and its date.

A direct quote is one unit (its whole text); a mixed quote gives one unit per quote-marked
fragment; reported speech gives none. Units shorter than ``min_words`` normalised words are
dropped. These functions run row by row inside DuckDB (as Python UDFs) and inside Spark (as
UDFs), so both engines cut, key and date the quotes identically.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from .normalise import fragments, key_of

UNIT_FIELDS = (("part", "INTEGER"), ("raw", "VARCHAR"), ("key", "VARCHAR"), ("n_words", "INTEGER"))


def units_of(text: str, quote_type: str, min_words: int) -> list[dict[str, Any]]:
    """The units of one quote: ``part`` (0 for a direct quote, the fragment's index in a mixed
    one), ``raw`` (the text as written), ``key`` and ``n_words``.

    >>> [unit] = units_of('"Jobs first," he said, "and jobs for every town we serve"', "mixed", 4)
    >>> unit["part"], unit["key"], unit["n_words"]
    (1, 'and jobs for every town we serve', 7)
    """
    if quote_type == "direct":
        pieces = [text]
    elif quote_type == "mixed":
        pieces = fragments(text)
    else:
        return []
    units: list[dict[str, Any]] = []
    for part, raw in enumerate(pieces):
        key = key_of(raw)
        n_words = key.count(" ") + 1 if key else 0
        if n_words >= min_words:
            units.append({"part": part, "raw": raw.strip(), "key": key, "n_words": n_words})
    return units


def form_id(key: str) -> int:
    """A signed 64-bit id of a key: the first 8 bytes of its SHA-1. The quotation id is the same
    hash as 16 hex digits (see ``quotation_id``)."""
    return int.from_bytes(hashlib.sha1(key.encode("utf-8")).digest()[:8], "big", signed=True)


def quotation_id(form: int) -> str:
    """The quotation id of a representative form: the 16 hex digits of ``form_id`` (the first
    16 of the SHA-1 of the representative's key)."""
    return format(form & 0xFFFF_FFFF_FFFF_FFFF, "016x")


def sort_date(date: str | None) -> str | None:
    """An article's date as found, as a sortable UTC ``YYYY-MM-DDTHH:MM:SS`` (None when it cannot
    be read). ISO 8601 and RFC 2822 (``Tue, 04 Mar 2021 10:00:00 GMT``) are read; a date without
    a time sorts as its midnight.

    >>> sort_date("2021-03-04T10:00:00+01:00"), sort_date("Thu, 04 Mar 2021 10:00:00 GMT")
    ('2021-03-04T09:00:00', '2021-03-04T10:00:00')
    """
    if not date or not date.strip():
        return None
    text = date.strip()
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed.strftime("%Y-%m-%dT%H:%M:%S")
