"""Hand-built run folders: articles and their quotes written as the runners write them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsquotes.io.parquet import TABLES, write_part


@dataclass(frozen=True)
class Q:
    """One quote of a hand-built article: text, type and speaker."""

    text: str
    speaker: str | None = None
    type: str = "direct"
    kind: str | None = "person"


@dataclass(frozen=True)
class A:
    """One hand-built article."""

    id: str
    quotes: tuple[Q, ...]
    date: str | None = None
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def write_run(folder: Path, articles: list[A], fmt: str = "parquet") -> Path:
    """A corpus folder as ``newsquotes run`` leaves it (one part per table)."""
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for article in articles:
        text = "\n".join(f'"{q.text}," {q.speaker or "someone"} said.' for q in article.quotes)
        rows["articles"].append(
            {
                "id": article.id,
                "source": f"/in/{article.id}.txt",
                "url": article.url,
                "date": article.date,
                "title": None,
                "caption": None,
                "credit": None,
                "text": text,
            }
        )
        for number, quote in enumerate(article.quotes, start=1):
            rows["quotes"].append(
                {
                    "article_id": article.id,
                    "quote_id": f"q{number}",
                    "type": quote.type,
                    "text": quote.text,
                    "spans": [[0, len(quote.text)]],
                    "cue_text": "said",
                    "cue_spans": [[0, 4]],
                    "speaker_name": quote.speaker,
                    "speaker_kind": quote.kind if quote.speaker else None,
                    "mention_text": quote.speaker,
                    "mention_spans": None,
                    "confidence": 0.9,
                }
            )
    for table in TABLES:
        (folder / table).mkdir(parents=True, exist_ok=True)
        suffix = ".parquet" if fmt == "parquet" else ".jsonl"
        write_part(folder / table / f"part-000000{suffix}", table, rows[table], fmt)  # type: ignore[arg-type]
    return folder
