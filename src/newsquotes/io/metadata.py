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
    # the body's first line where it reads as a headline: a title, not prose to quote from
    headline: tuple[int, int] | None = None


def parse_metadata(text: str) -> Metadata:
    """Parse a leading metadata line; texts without one start their prose at 0.

    >>> parse_metadata(" date 2020-10-27 A caption (Ian West/PA)\\n\\nBody.")
    Metadata(date='2020-10-27', caption='A caption', credit='Ian West/PA', body_start=40, headline=None)
    """
    match = _LINE.match(text)
    if match is None:
        return Metadata(headline=find_headline(text, 0))
    rest = match.group(2).strip()
    caption: str | None = rest or None
    credit: str | None = None
    credited = _CREDIT.match(rest)
    if credited is not None:
        caption = credited.group(1).strip() or None
        credit = credited.group(2).strip() or None
    return Metadata(match.group(1), caption, credit, match.end(), find_headline(text, match.end()))


_HEADLINE_WORDS = 25
_CLOSERS = "\"'”’»)]"
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s")  # a sentence ends inside the line


def find_headline(text: str, start: int) -> tuple[int, int] | None:
    """The span of the first line from ``start`` when it is a headline: short, followed by a
    line break, and not ended as a sentence (``Labour's 'EU propaganda'``, ``Rank 'set to sell
    off film unit'``). A first line that ends with a full stop is prose, as in many feeds.

    >>> find_headline("Labour plans maternity pay rise\\n\\nMaternity pay is to rise.", 0)
    (0, 31)
    >>> find_headline("Maternity pay is to rise.\\nMore.", 0) is None
    True
    """
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    if end < 0:
        return None
    line = text[start:end].rstrip()
    if not line or len(line.split()) > _HEADLINE_WORDS:
        return None
    if line.rstrip(_CLOSERS)[-1:] in (".", "!", "?", ":", "…", "") or _SENTENCE_END.search(line):
        return None
    return (start, start + len(line))
