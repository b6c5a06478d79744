"""The corpus tables (articles, quotes, people, errors): Arrow schemas, rows, atomic part files.

A corpus output folder holds one folder per table, each a set of part files written whole:
to a hidden temporary name, flushed and fsynced, then renamed, so a reader (or a resumed run)
never sees half a file. Rows are plain dicts, the same for Parquet, JSON Lines and Spark.
Needs ``pip install 'newsquotes[corpus]'``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import StorageError
from ..model import Article
from ..settings import OutputFormat

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError("writing Parquet needs pyarrow: pip install 'newsquotes[corpus]'") from exc

TABLES = ("articles", "quotes", "people", "errors")
MERGE_TABLES = ("quotations", "quotation_occurrences")  # written by `newsquotes merge`
ALL_TABLES = TABLES + MERGE_TABLES
SUFFIX: dict[str, str] = {"parquet": ".parquet", "jsonl": ".jsonl"}

_SPANS = pa.list_(pa.list_(pa.int32()))

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            pa.field("id", pa.string(), nullable=False),
            pa.field("source", pa.string()),
            pa.field("url", pa.string()),
            pa.field("date", pa.string()),
            pa.field("title", pa.string()),
            pa.field("caption", pa.string()),
            pa.field("credit", pa.string()),
            pa.field("text", pa.string()),
        ]
    ),
    "quotes": pa.schema(
        [
            pa.field("article_id", pa.string(), nullable=False),
            pa.field("quote_id", pa.string(), nullable=False),
            pa.field("type", pa.string()),
            pa.field("text", pa.string()),
            pa.field("spans", _SPANS),
            pa.field("cue_text", pa.string()),
            pa.field("cue_spans", _SPANS),
            pa.field("speaker_name", pa.string()),
            pa.field("speaker_kind", pa.string()),
            pa.field("mention_text", pa.string()),
            pa.field("mention_spans", _SPANS),
            pa.field("confidence", pa.float64()),
        ]
    ),
    "people": pa.schema(
        [
            pa.field("article_id", pa.string(), nullable=False),
            pa.field("name", pa.string()),
            pa.field("kind", pa.string()),
            pa.field("gender", pa.string()),
            pa.field("mentions", _SPANS),
            pa.field("gender_evidence", _SPANS),
        ]
    ),
    "errors": pa.schema(
        [
            pa.field("article_id", pa.string(), nullable=False),
            pa.field("source", pa.string()),
            pa.field("code", pa.string()),
            pa.field("message", pa.string()),
        ]
    ),
    "quotations": pa.schema(
        [
            pa.field("quotation_id", pa.string(), nullable=False),
            pa.field("text", pa.string()),
            pa.field("first_date", pa.string()),
            pa.field("first_article_id", pa.string()),
            pa.field("first_url", pa.string()),
            pa.field("n_articles", pa.int64()),
            pa.field("n_occurrences", pa.int64()),
            pa.field("speaker_name", pa.string()),
            pa.field("speaker_share", pa.float64()),
            pa.field(
                "speakers",
                pa.list_(pa.struct([pa.field("name", pa.string()), pa.field("count", pa.int64())])),
            ),
            pa.field("conflict", pa.bool_()),
        ]
    ),
    "quotation_occurrences": pa.schema(
        [
            pa.field("quotation_id", pa.string(), nullable=False),
            pa.field("article_id", pa.string(), nullable=False),
            pa.field("quote_id", pa.string(), nullable=False),
            pa.field("date", pa.string()),
            pa.field("speaker_name", pa.string()),
            pa.field("match", pa.string()),
        ]
    ),
}

Row = dict[str, Any]


def article_tables(article: Article) -> tuple[Row, list[Row], list[Row]]:
    """The ``articles`` row, ``quotes`` rows and ``people`` rows of an article, all flattened
    from one ``Article.to_dict()``, so the JSON output and the tables never disagree."""
    data = article.to_dict()
    row = {name: data[name] for name in SCHEMAS["articles"].names}
    quotes = []
    for quote in data["quotes"]:
        cue = quote["cue"] or {}
        speaker = quote["speaker"]
        mention = speaker["mention"] or {}
        quotes.append(
            {
                "article_id": article.id,
                "quote_id": quote["id"],
                "type": quote["type"],
                "text": quote["text"],
                "spans": quote["spans"],
                "cue_text": cue.get("text"),
                "cue_spans": cue.get("spans"),
                "speaker_name": speaker["name"],
                "speaker_kind": speaker["kind"],
                "mention_text": mention.get("text"),
                "mention_spans": mention.get("spans"),
                "confidence": float(quote["confidence"]),
            }
        )
    people = [{"article_id": article.id, **person} for person in data["people"]]
    return row, quotes, people


def article_row(article: Article) -> Row:
    """The ``articles`` row of an article: its metadata and the text its offsets refer to."""
    return article_tables(article)[0]


def quote_rows(article: Article) -> Iterator[Row]:
    """One ``quotes`` row per quote, the quote schema flattened."""
    yield from article_tables(article)[1]


def people_rows(article: Article) -> Iterator[Row]:
    """One ``people`` row per person or organisation of the article's registry."""
    yield from article_tables(article)[2]


def error_row(article_id: str, source: str, code: str, message: str) -> Row:
    return {"article_id": article_id, "source": source, "code": code, "message": message}


def _fsync_dir(path: Path) -> None:
    # The rename is durable only once the folder entry is: fsync the folder too (POSIX).
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, write: Any) -> None:
    """Call ``write(file)`` on a hidden temporary file beside ``path``, fsync, rename over ``path``.

    Raises ``StorageError`` (E301) when the file cannot be written.
    """
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with open(temporary, "wb") as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise StorageError("E301", source=str(path), reason=exc.strerror or str(exc)) from exc


def to_arrow(table: str, rows: Sequence[Row]) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=SCHEMAS[table])


def write_arrow_part(path: Path, table: str, data: pa.Table | pa.RecordBatch) -> None:
    """Write one Parquet part file of ``table`` atomically from Arrow data (cast to its schema)."""
    arrow = pa.Table.from_batches([data]) if isinstance(data, pa.RecordBatch) else data
    arrow = arrow.select(SCHEMAS[table].names).cast(SCHEMAS[table])
    write_atomic(path, lambda file: pq.write_table(arrow, file, compression="zstd"))


def write_part(path: Path, table: str, rows: Sequence[Row], fmt: OutputFormat) -> None:
    """Write one part file of ``table`` atomically, as Parquet or JSON Lines."""
    if fmt == "parquet":
        arrow = to_arrow(table, rows)
        write_atomic(path, lambda file: pq.write_table(arrow, file, compression="zstd"))
    else:
        lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")
        write_atomic(path, lambda file: file.write(lines))


def read_rows(folder: Path, table: str) -> list[Row]:
    """Every row of one table of a corpus folder, Parquet or JSON Lines parts (for tests, small
    outputs and comparisons; use ``newsquotes.query`` for anything large)."""
    rows: list[Row] = []
    for part in sorted((folder / table).glob("*")):
        if part.name.startswith((".", "_")):
            continue
        if part.suffix == ".parquet":
            rows.extend(pq.read_table(part).to_pylist())
        elif part.suffix == ".jsonl" or part.name.endswith(".json"):
            with open(part, encoding="utf-8") as file:
                rows.extend(json.loads(line) for line in file if line.strip())
    return rows


def rows_of(articles: Iterable[Article]) -> dict[str, list[Row]]:
    """The rows of every table for some articles (no errors): handy for tests and small runs."""
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    for article in articles:
        add_article(tables, article)
    return tables


def add_article(tables: dict[str, list[Row]], article: Article) -> None:
    """Append an article's rows to ``tables`` (one list per table name)."""
    row, quotes, people = article_tables(article)
    tables["articles"].append(row)
    tables["quotes"].extend(quotes)
    tables["people"].extend(people)
