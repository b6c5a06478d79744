"""Render articles as a readable table, JSON or JSON Lines (strings; the CLI prints them)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..model import Article

_QUOTE_WIDTH = 72


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def to_json(articles: Sequence[Article], *, single: bool) -> str:
    """One JSON document: an object for a single-article input, else an array."""
    if single and len(articles) == 1:
        return json.dumps(articles[0].to_dict(), ensure_ascii=False, indent=2)
    return json.dumps([a.to_dict() for a in articles], ensure_ascii=False, indent=2)


def to_jsonl_line(article: Article) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False)


def to_table(article: Article) -> str:
    """Speaker, type, cue and the quote shortened, one row per quote."""
    head = [f"{article.id}  date: {article.date or '-'}  quotes: {len(article.quotes)}"]
    if article.caption:
        head.append(f"caption: {_shorten(article.caption, 100)}")
    rows = []
    for quote in article.quotes:
        speaker = quote.speaker
        who = speaker.name or (f"({speaker.mention.text})" if speaker.mention else "(unknown)")
        cue = quote.cue.text if quote.cue else "-"
        rows.append((_shorten(who, 28), quote.type, _shorten(cue, 14), _shorten(quote.text, _QUOTE_WIDTH)))
    if not rows:
        return "\n".join([*head, "  (no quotes found)"])
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    titles = ("speaker", "type", "cue", "quote")
    widths = [max(w, len(t)) for w, t in zip(widths, titles, strict=False)]
    lines = [*head, "  ".join(t.ljust(w) for t, w in zip(titles, [*widths, 0], strict=True)).rstrip()]
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, [*widths, 0], strict=True)).rstrip())
    return "\n".join(lines)
