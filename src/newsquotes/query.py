"""Ask questions of a corpus output folder with DuckDB: statistics, SQL, a database file.

The folder's tables are DuckDB views (``articles``, ``quotes``, ``people``, ``errors``, and
``quotations``, ``quotation_occurrences`` once ``newsquotes merge`` has run) read straight from
their part files, Parquet or JSON Lines; nothing is loaded up front.

>>> connection = connect(Path("out"))                          # doctest: +SKIP
>>> connection.sql("SELECT speaker_name, count(*) FROM quotes GROUP BY 1 ORDER BY 2 DESC LIMIT 3")
... # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import StorageError
from .io.parquet import ALL_TABLES, SCHEMAS, TABLES

try:
    import duckdb
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError("querying a corpus needs duckdb: pip install 'newsquotes[corpus]'") from exc

_DUCK_TYPES = {
    pa.string(): "VARCHAR",
    pa.float64(): "DOUBLE",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.bool_(): "BOOLEAN",
}


@dataclass(frozen=True, slots=True)
class Table:
    """A result to show: a title, column names and rows."""

    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


def _duck_type(arrow_type: pa.DataType) -> str:
    if pa.types.is_list(arrow_type):
        return _duck_type(arrow_type.value_type) + "[]"
    if pa.types.is_struct(arrow_type):
        return "STRUCT(" + ", ".join(f"{f.name} {_duck_type(f.type)}" for f in arrow_type) + ")"
    return _DUCK_TYPES[arrow_type]


def _columns(table: str) -> str:
    # DuckDB struct syntax for read_json's `columns`: every field typed, so empty parts work too.
    fields = ", ".join(f"'{f.name}': '{_duck_type(f.type)}'" for f in SCHEMAS[table])
    return "{" + fields + "}"


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _same_type(found: pa.DataType, wanted: pa.DataType) -> bool:
    # Spark names a list's items "element", pyarrow "item": compare what they hold
    if pa.types.is_list(wanted):
        return pa.types.is_list(found) and _same_type(found.value_type, wanted.value_type)
    if pa.types.is_string(wanted):
        return pa.types.is_string(found) or pa.types.is_large_string(found)
    return bool(found.equals(wanted))


def _parquet_problem(part: Path, table: str) -> str | None:
    try:
        schema = pq.read_schema(part)
    except (OSError, pa.ArrowException) as exc:
        return f"not a readable Parquet file ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})"
    for wanted in SCHEMAS[table]:
        index = schema.get_field_index(wanted.name)
        if index < 0:
            return f"no column {wanted.name}"
        if not _same_type(schema.field(index).type, wanted.type):
            return f"column {wanted.name} is {schema.field(index).type}, not {wanted.type}"
    return None


def _jsonl_problem(part: Path, table: str) -> str | None:
    try:
        with open(part, encoding="utf-8") as file:
            first = next((line for line in file if line.strip()), None)
        if first is None:
            return None
        row = json.loads(first)
    except (OSError, ValueError) as exc:
        return f"not JSON Lines ({exc})"
    missing = [name for name in SCHEMAS[table].names if not isinstance(row, dict) or name not in row]
    return f"no column {missing[0]}" if missing else None


def table_parts(folder: Path, table: str) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The part files of one table that belong to it, and those skipped with the reason.

    A part is a ``part-*`` file (the local runner's and Spark's naming) whose columns are the
    table's; anything else in the folder (a stray file from another tool, a half-copied file)
    is skipped, so that one foreign file never breaks ``query`` or ``stats``.
    """
    kept: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for part in sorted((folder / table).glob("*")):
        if part.name.startswith((".", "_")) or not part.is_file():
            continue
        if part.suffix == ".parquet":
            problem = _parquet_problem(part, table)
        elif part.suffix == ".jsonl" or part.name.endswith(".json"):
            problem = _jsonl_problem(part, table)
        else:
            problem = "not a .parquet, .jsonl or .json part"
        if problem is None and not part.name.startswith("part-"):
            problem = "not named part-*"
        if problem is None:
            kept.append(part)
        else:
            skipped.append((part, problem))
    return kept, skipped


def skipped_parts(folder: Path) -> list[str]:
    """One line for each file of the table folders that ``connect`` leaves out, and why."""
    lines = []
    for table in TABLES:
        for part, problem in table_parts(folder, table)[1]:
            lines.append(f"skipped {table}/{part.name}: {problem}")
    return lines


def _view_sql(folder: Path, table: str) -> str:
    parts, _ = table_parts(folder, table)
    typed = ", ".join(f"NULL::{_duck_type(f.type)} AS {f.name}" for f in SCHEMAS[table])
    parquet = [p for p in parts if p.suffix == ".parquet"]
    columns = ", ".join(SCHEMAS[table].names)
    if parquet:
        files = "[" + ", ".join(_quote(str(p)) for p in parquet) + "]"
        return f"SELECT {columns} FROM read_parquet({files}, union_by_name = true)"
    jsonl = [p for p in parts if p.suffix != ".parquet"]
    if jsonl:
        files = "[" + ", ".join(_quote(str(p)) for p in jsonl) + "]"
        return f"SELECT * FROM read_json({files}, format = 'newline_delimited', columns = {_columns(table)})"
    return f"SELECT {typed} WHERE false"


def connect(folder: Path, database: str = ":memory:") -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with one view per table of the corpus folder.

    Raises ``StorageError`` E303 when ``folder`` is not a corpus output folder.
    """
    if not folder.is_dir():
        raise StorageError("E303", source=str(folder), reason="no such folder")
    if not any((folder / table).is_dir() for table in TABLES):
        raise StorageError("E303", source=str(folder), reason="none of " + ", ".join(TABLES) + " found")
    connection = duckdb.connect(database)
    for table in ALL_TABLES:  # the merge tables are empty views until `newsquotes merge` ran
        connection.execute(f"CREATE OR REPLACE VIEW {table} AS {_view_sql(folder, table)}")
    return connection


def query(folder: Path, sql: str) -> Table:
    """Run one SQL statement over the folder's views. Raises ``StorageError`` E304 on a bad query."""
    connection = connect(folder)
    try:
        relation = connection.execute(sql)
        columns = tuple(d[0] for d in relation.description or ())
        rows = relation.fetchall() if columns else []
    except duckdb.Error as exc:
        raise StorageError("E304", source=str(folder), reason=str(exc).splitlines()[0]) from exc
    finally:
        connection.close()
    return Table("query", columns, rows)


_STATS: tuple[tuple[str, str], ...] = (
    (
        "counts",
        """SELECT (SELECT count(*) FROM articles) AS articles,
                  (SELECT count(*) FROM quotes) AS quotes,
                  (SELECT count(*) FROM people) AS people,
                  (SELECT count(*) FROM errors) AS errors,
                  (SELECT count(*) FROM quotes WHERE speaker_name IS NOT NULL) AS attributed""",
    ),
    ("quotes by type", "SELECT type, count(*) AS quotes FROM quotes GROUP BY type ORDER BY quotes DESC"),
    (
        "top speakers",
        """SELECT speaker_name AS speaker, any_value(speaker_kind) AS kind, count(*) AS quotes,
                  count(DISTINCT article_id) AS articles,
                  round(count(*) / count(DISTINCT article_id), 2) AS quotes_per_article
           FROM quotes WHERE speaker_name IS NOT NULL
           GROUP BY speaker_name ORDER BY quotes DESC, speaker LIMIT {top}""",
    ),
    (
        "quotes by speaker gender (named people)",
        """SELECT coalesce(p.gender, 'unknown') AS gender, count(*) AS quotes,
                  round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS percent,
                  CASE WHEN p.gender IS NOT NULL THEN round(100.0 * count(*) / nullif(sum(
                      CASE WHEN p.gender IS NOT NULL THEN count(*) ELSE 0 END) OVER (), 0), 1)
                  END AS percent_of_known
           FROM quotes q JOIN people p ON p.article_id = q.article_id AND p.name = q.speaker_name
           WHERE p.kind = 'person'
           GROUP BY p.gender ORDER BY quotes DESC""",
    ),
    (
        "quotes per day",
        """SELECT try_cast(a.date AS DATE) AS day, count(DISTINCT a.id) AS articles,
                  count(q.quote_id) AS quotes
           FROM articles a LEFT JOIN quotes q ON q.article_id = a.id
           WHERE try_cast(a.date AS DATE) IS NOT NULL
           GROUP BY day ORDER BY day DESC LIMIT {top}""",
    ),
    ("errors by code", "SELECT code, count(*) AS errors FROM errors GROUP BY code ORDER BY errors DESC"),
)

_SEARCH = """SELECT q.article_id, q.quote_id,
                    coalesce(q.speaker_name, '(' || q.mention_text || ')') AS speaker,
                    q.type, q.text
             FROM quotes q WHERE q.text ILIKE '%' || $word || '%' ESCAPE '\\'
             ORDER BY q.article_id, q.quote_id LIMIT {top}"""


def stats(folder: Path, *, top: int = 10, search: str | None = None) -> list[Table]:
    """Counts, quote types, top speakers, gender share, quotes per day and errors; with
    ``search``, the quotes whose text contains it (case-insensitive)."""
    connection = connect(folder)
    tables: list[Table] = []
    try:
        for title, sql in _STATS:
            relation = connection.execute(sql.format(top=int(top)))
            tables.append(Table(title, tuple(d[0] for d in relation.description), relation.fetchall()))
        if search is not None:
            escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            relation = connection.execute(_SEARCH.format(top=int(top)), {"word": escaped})
            columns = tuple(d[0] for d in relation.description)
            tables.append(Table(f"quotes containing {search!r}", columns, relation.fetchall()))
    finally:
        connection.close()
    return tables


def to_database(folder: Path, target: Path) -> dict[str, int]:
    """Copy the tables (the merge tables too, empty before a merge) into a DuckDB database file,
    written whole then renamed into place;
    returns the row count of each table. Raises ``StorageError`` E301 if it cannot be written."""
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    source = connect(folder)
    source.close()  # validates the folder before anything is written
    try:
        connection = connect(folder, str(temporary))
        try:
            for table in ALL_TABLES:
                connection.execute(f"CREATE TABLE {table}_data AS SELECT * FROM {table}")
                connection.execute(f"DROP VIEW {table}")
                connection.execute(f"ALTER TABLE {table}_data RENAME TO {table}")
                row = connection.execute(f"SELECT count(*) FROM {table}").fetchone()
                counts[table] = int(row[0]) if row else 0
            connection.execute("CHECKPOINT")
        finally:
            connection.close()
        os.replace(temporary, target)
    except (OSError, duckdb.Error) as exc:
        temporary.unlink(missing_ok=True)
        raise StorageError("E301", source=str(target), reason=str(exc).splitlines()[0]) from exc
    return counts
