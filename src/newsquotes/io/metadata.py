"""The metadata line some wire feeds put first: ``date YYYY-MM-DD <caption> (<credit>)``."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*([^\n]*)")
_CREDIT = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$", re.S)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the first line holds, and where the prose starts (``body_start``)."""

    date: str | None = None
    caption: str | None = None
    credit: str | None = None
    body_start: int = 0


def parse_metadata(text: str) -> Metadata:
    """Parse a leading metadata line; texts without one start their prose at 0.

    >>> parse_metadata(" date 2020-10-27 A caption (Ian West/PA)\\n\\nBody.")
    Metadata(date='2020-10-27', caption='A caption', credit='Ian West/PA', body_start=42)
    """
    match = _LINE.match(text)
    if match is None:
        return Metadata()
    rest = match.group(2).strip()
    caption: str | None = rest or None
    credit: str | None = None
    credited = _CREDIT.match(rest)
    if credited is not None:
        caption = credited.group(1).strip() or None
        credit = credited.group(2).strip() or None
    return Metadata(match.group(1), caption, credit, match.end())
